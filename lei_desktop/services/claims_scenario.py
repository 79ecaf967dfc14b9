"""The ``claims`` section of a scenario file: load (replaying the lifecycle) and export.

Each claim, in file order (which is the order of submission)::

    {"ref": "CL-2026-0001", "dispute": "D1", "expenses": ["E1", "E3"],
     "status": "settled",                    # draft | submitted | under_review | settled | rejected | withdrawn
     "override_reason": "...",               # used when the checklist is incomplete at submission
     "decisions": [{"expense": "E1", "decision": "reduced", "amount": "80000.00", "reason": "...",
                    "date": "2026-05-01"}],
     "payments": [{"date": "2026-05-03", "amount": "50000.00", "reference": "..."}],
     "paid": "50000.00", "paid_on": "2026-05-03",   # shorthand for one payment when settled
     "rejection_reason": "..."}

Loading replays the lifecycle through the same services as the CLI (create → submit → review →
decisions → payments → settle / reject / withdraw), so a loaded claim is frozen exactly like one
submitted by hand, against the data of the file. ``expenses`` omitted: every expense of the
dispute not yet in a submitted claim; ``ref`` omitted: the next ``CL-<year>-<nnnn>``. A few other
spellings are accepted (``expense_refs``, ``amount_paid``, ``payment_date``, ... see ``ALIASES``).
A claim already in the store is matched by ``ref``: the same
claim is left alone, a later status is walked forward, anything else is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from lei_desktop.domain import fields as f
from lei_desktop.domain.errors import Conflict, LeiError, ValidationError
from lei_desktop.domain.messages import register
from lei_desktop.domain.model import CLAIM_STATUSES
from lei_desktop.domain.money import Money, money_str
from lei_desktop.formats import scenario as fmt
from lei_desktop.services import claims
from lei_desktop.services.scenario import EXTRA_EXPORTERS, EXTRA_LOADERS
from lei_desktop.store.models import ClaimRow

SECTION = "claims"
DEFAULT_OVERRIDE = "loaded from a scenario file"
_ORDER = {"draft": 0, "submitted": 1, "under_review": 2, "settled": 3, "rejected": 3, "withdrawn": 3}

register(
    {
        "claims_no_payment_date": ("未给出付款日期，使用 {date}", "no payment date given; {date} used"),
        "not_a_timestamp": (
            "时间格式应为 ISO 8601（如 2026-05-03T09:30:00+00:00），收到 “{value}”",
            "must be an ISO 8601 time such as 2026-05-03T09:30:00+00:00, got '{value}'",
        ),
        "claim_differs": (
            "索赔 {claim} 已{status_zh}，文件中的内容与之不同，不能修改",
            "claim {claim} is already {status_en} and the file differs from it; it cannot be changed",
        ),
    }
)


#: other spellings accepted for a few keys (files written by hand or by other tools)
ALIASES = {
    "expenses": ("expense_refs", "expense_ids"),
    "paid": ("amount_paid", "paid_amount", "settled_amount"),
    "paid_on": ("paid_date", "payment_date", "settled_on", "date"),
    "override_reason": ("override",),
}


#: other words for the statuses
STATUS_WORDS = {
    "paid": "settled", "closed": "settled", "in_review": "under_review", "review": "under_review",
    "under review": "under_review", "reviewing": "under_review", "declined": "rejected", "denied": "rejected",
    "cancelled": "withdrawn", "canceled": "withdrawn", "open": "draft",
}


def _canonical(obj: Mapping) -> dict:
    out = dict(obj)
    status = out.get("status")
    if isinstance(status, str) and status.strip().lower() in STATUS_WORDS:
        out["status"] = STATUS_WORDS[status.strip().lower()]
    for key, others in ALIASES.items():
        if out.get(key) in (None, ""):
            for other in others:
                if out.get(other) not in (None, ""):
                    out[key] = out[other]
                    break
    return out


def _parse_one(obj: object) -> dict:
    if not isinstance(obj, Mapping):
        raise ValidationError("not_an_object", "")
    obj = _canonical(obj)
    out = {
        "ref": f.a_ref(obj) if obj.get("ref") not in (None, "") else None,
        "dispute": f.text(obj, "dispute", required=True, max_len=64),
        "status": f.choice(obj, "status", CLAIM_STATUSES, required=False, default="draft"),
        "override_reason": f.text(obj, "override_reason"),
        "rejection_reason": f.text(obj, "rejection_reason"),
        "expenses": None,
        "decisions": [],
        "payments": [],
    }
    raw = obj.get("expenses")
    if raw is not None:
        if not isinstance(raw, list):
            raise ValidationError("not_a_list", "expenses")
        for i, ref in enumerate(raw):
            if not isinstance(ref, str) or not ref.strip():
                raise ValidationError("not_a_string", f"expenses[{i}]")
        out["expenses"] = [r.strip() for r in raw]
    for i, d in enumerate(obj.get("decisions") or []):
        where = f"decisions[{i}]"
        if not isinstance(d, Mapping):
            raise ValidationError("not_an_object", where)
        try:
            amount = next((d[k] for k in ("amount", "approved_cny", "approved_amount", "approved")
                           if d.get(k) not in (None, "")), None)
            out["decisions"].append({
                "expense": f.text(d, "expense", required=True),
                "decision": f.choice(d, "decision", claims.LINE_DECISIONS),
                "amount": Money.of(amount, "CNY", "amount").amount if amount not in (None, "") else None,
                "reason": f.text(d, "reason"),
                "date": f.a_date(d, "date"),
            })
        except LeiError as exc:
            raise exc.at(where) from None
    for i, p in enumerate(obj.get("payments") or []):
        where = f"payments[{i}]"
        if not isinstance(p, Mapping):
            raise ValidationError("not_an_object", where)
        try:
            if p.get("amount") in (None, ""):
                raise ValidationError("required", "amount")
            out["payments"].append({"date": f.a_date(p, "date", required=True),
                                    "amount": Money.of(p.get("amount"), "CNY", "amount").amount,
                                    "reference": f.text(p, "reference")})
        except LeiError as exc:
            raise exc.at(where) from None
    for key in ("submitted_at", "decided_at"):
        out[key] = _timestamp(obj, key)
    paid = obj.get("paid")
    if paid not in (None, ""):
        # without a date the payment is dated on the day of loading (a warning says so)
        out["paid"] = (Money.of(paid, "CNY", "paid").amount, f.a_date(obj, "paid_on"))
    return out


def _timestamp(obj: Mapping, key: str) -> datetime | None:
    value = obj.get(key)
    if value in (None, ""):
        return None
    try:
        when = datetime.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None:
        raise ValidationError("not_a_timestamp", key, value=value)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def parse(raw: object, name: str = SECTION) -> list[dict]:
    if not isinstance(raw, list):
        raise ValidationError("not_a_list", name)
    out, seen = [], set()
    for i, obj in enumerate(raw):
        try:
            item = _parse_one(obj)
        except LeiError as exc:
            raise exc.at(f"{name}[{i}]") from None
        if item["ref"] is not None and item["ref"] in seen:
            raise ValidationError("duplicate_ref", f"{name}[{i}].ref", kind="claim", ref=item["ref"])
        seen.add(item["ref"])
        out.append(item)
    return out


def check(raw: object, name: str) -> None:
    parse(raw, name)


def _walk(s, store, row: ClaimRow, item: dict, report) -> None:
    """Move a claim forward through the lifecycle to the status the file gives."""
    _open(s, store, row, item)
    _finish(s, store, row, item, report)


def _open(s, store, row: ClaimRow, item: dict) -> None:
    """Submit (unless the file keeps it a draft or withdraws the draft), then decisions, review, payments."""
    target = item["status"]
    if row.status == "draft" and target not in ("draft", "withdrawn"):
        claims.submit_in(s, store, row, item["override_reason"] or None)
    if row.status in claims.OPEN_STATUSES:
        for d in item["decisions"]:
            claims.decide_line_in(s, store, row, d["expense"], d["decision"], d["amount"], d["reason"], d["date"])
        if target == "under_review" and row.status == "submitted":
            claims.start_review_in(s, store, row)
        for p in item["payments"]:
            claims.record_payment_in(s, store, row, p["amount"], p["date"], p["reference"])


def _finish(s, store, row: ClaimRow, item: dict, report) -> None:
    """Settle, reject or withdraw, as the file says."""
    target = item["status"]
    if row.status == "draft" and target == "withdrawn":
        claims.withdraw_in(s, store, row)
    elif row.status in claims.OPEN_STATUSES:
        if target == "settled":
            paid, when = item.get("paid") or (Decimal("0.00"), _last_payment(item))
            if when is None:
                when = date.today()
                report.warnings.append(fmt.Notice("claims_no_payment_date", f"claims: {row.ref}", date=when.isoformat()))
            claims.settle_in(s, store, row, paid, when)
        elif target == "rejected":
            claims.reject_in(s, store, row, item["rejection_reason"] or DEFAULT_OVERRIDE)
        elif target == "withdrawn":
            claims.withdraw_in(s, store, row)


def _last_payment(item: dict) -> date | None:
    return max((p["date"] for p in item["payments"]), default=None)


def load(s, store, raw, sc, report) -> None:
    items = parse(raw)
    if _timed(s, items):
        _load_in_time_order(s, store, items, report)
        return
    for i, item in enumerate(items):
        try:
            _load_one(s, store, item, report)
        except LeiError as exc:
            raise exc.at(f"{SECTION}[{i}]") from None


def _timed(s, items: list[dict]) -> bool:
    """True when the file dates every submission and every decision (as ``export`` writes them) and
    none of its claims is in the store yet: then the lifecycle is replayed in the order of those
    times, so that each claim is frozen against the same prior claims as it was (a claim settled
    only after a later claim was submitted counted at its payable for that later claim)."""
    if not items or any(item["ref"] is None or item["expenses"] is None for item in items):
        return False
    for item in items:
        if item["status"] not in ("draft", "withdrawn") and item["submitted_at"] is None:
            return False
        if item["status"] in ("settled", "rejected", "withdrawn") and item["decided_at"] is None:
            return False
    refs = [item["ref"] for item in items]
    return not s.scalars(select(ClaimRow.ref).where(ClaimRow.ref.in_(refs))).first()


def _load_in_time_order(s, store, items: list[dict], report) -> None:
    items = [
        {**item, "override_reason": item["override_reason"] or DEFAULT_OVERRIDE} if item["status"] != "draft" else item
        for item in items
    ]
    rows = []
    for i, item in enumerate(items):
        try:
            rows.append(claims.create_claim_in(s, store, item["dispute"], item["expenses"], item["ref"]).ref)
        except LeiError as exc:
            raise exc.at(f"{SECTION}[{i}]") from None
    early = datetime.min.replace(tzinfo=UTC)
    events = []
    for i, item in enumerate(items):
        if item["submitted_at"] is not None:
            events.append((item["submitted_at"], 0, i, "open"))
        if item["status"] in ("settled", "rejected", "withdrawn"):
            events.append((item["decided_at"] or item["submitted_at"] or early, 1, i, "finish"))
    for _when, _, i, what in sorted(events, key=lambda e: e[:3]):
        item = items[i]
        try:
            row = claims._load(s, rows[i])
            if what == "open":
                _open(s, store, row, item)
                row.submitted_at = item["submitted_at"]
                if row.assessment:
                    row.assessment = {**row.assessment, "submitted_at": item["submitted_at"].isoformat()}
            else:
                _finish(s, store, row, item, report)
                if item["decided_at"] is not None:
                    row.decided_at = item["decided_at"]
            s.flush()
        except LeiError as exc:
            raise exc.at(f"{SECTION}[{i}]") from None
    for _ in items:
        report.count(SECTION, "create")


def _load_one(s, store, item: dict, report) -> None:
    row = s.scalar(select(ClaimRow).where(ClaimRow.ref == item["ref"])) if item["ref"] else None
    if item["status"] != "draft" and not item["override_reason"]:
        item = {**item, "override_reason": DEFAULT_OVERRIDE}
    if row is None:
        row = claims.create_claim_in(s, store, item["dispute"], item["expenses"], item["ref"])
        row = claims._load(s, row.ref)
        _walk(s, store, row, item, report)
        report.count(SECTION, "create")
        return
    row = claims._load(s, row.ref)
    members = [m.expense.ref for m in row.members]
    same_members = item["expenses"] is None or item["expenses"] == members
    if row.dispute.ref != item["dispute"] or (not same_members and row.status != "draft"):
        raise Conflict("claim_differs", "ref", claim=row.ref, status_zh=claims.status_label(row.status, "zh"),
                       status_en=claims.status_label(row.status, "en"))
    if row.status == item["status"] and same_members:
        report.count(SECTION, "same")
        return
    if _ORDER[item["status"]] < _ORDER[row.status] or (_ORDER[row.status] == 3):
        raise Conflict("claim_differs", "status", claim=row.ref, status_zh=claims.status_label(row.status, "zh"),
                       status_en=claims.status_label(row.status, "en"))
    if not same_members:
        claims.set_expenses_in(s, store, row, item["expenses"])
    _walk(s, store, row, item, report)
    report.count(SECTION, "update")


def export(s, path, files_dir) -> list[dict] | None:
    rows = list(s.scalars(select(ClaimRow).order_by(ClaimRow.submitted_at.is_(None), ClaimRow.submitted_at,
                                                    ClaimRow.id)))
    if not rows:
        return None
    out = []
    for row in rows:
        row = claims._load(s, row.ref)
        item: dict = {
            "ref": row.ref, "dispute": row.dispute.ref,
            "expenses": [m.expense.ref for m in row.members] or [ln.expense_ref for ln in row.lines],
            "status": row.status,
        }
        if row.submitted_at is not None:
            item["submitted_at"] = _iso(row.submitted_at)
        if row.decided_at is not None:
            item["decided_at"] = _iso(row.decided_at)
        if row.override_reason:
            item["override_reason"] = row.override_reason
        if row.rejection_reason:
            item["rejection_reason"] = row.rejection_reason
        decisions = []
        for ln in row.lines:
            d = ln.insurer_decision
            if d is not None:
                decisions.append({"expense": ln.expense_ref, "decision": d.decision,
                                  "amount": money_str(d.approved_cny) if d.approved_cny is not None else None,
                                  "reason": d.reason, "date": d.decided_on.isoformat() if d.decided_on else None})
        if decisions:
            item["decisions"] = decisions
        if row.payments:
            item["payments"] = [{"date": p.paid_on.isoformat(), "amount": money_str(p.amount),
                                 "reference": p.reference} for p in row.payments]
        if row.assessment:
            item["payable"] = row.assessment.get("payable")
            item["claim_kind"] = row.assessment.get("claim_kind")
            item["supplementary_to"] = row.assessment.get("supplementary_to")
        out.append(item)
    return out


def _iso(when: datetime) -> str:
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()


fmt.EXTRA_SECTIONS[SECTION] = check
EXTRA_LOADERS[SECTION] = load
EXTRA_EXPORTERS[SECTION] = export
