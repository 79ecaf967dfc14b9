"""Claims: create, assess, submit (freeze), review, decide per line, pay, settle, reject, withdraw.

Lifecycle: ``draft → submitted → under_review → settled | rejected``; ``withdrawn`` from draft,
submitted or under review. A claim of a dispute that already has a submitted, under-review or
settled claim is *supplementary* to the first of them.

Submitting freezes the claim: one ``claim_line`` row per expense (rate, its date and source,
CNY amount, decision, reasons, attachment hashes) and the assessment document in
``claim.assessment``. From then on :func:`assess` returns that frozen copy and the expenses are
refused for edit or delete by ``services.expenses.refuse_if_frozen`` (the service layer, not the
GUI). Rejected and withdrawn claims release their expenses for a later claim.

Every public function is one unit of work; the ``*_in`` variants work inside an open session
(used by the scenario loader so that a file with claims loads all-or-nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from lei_desktop.domain import coverage, fields
from lei_desktop.domain.checklist import claim_checklist
from lei_desktop.domain.errors import Conflict, NotFound, ValidationError
from lei_desktop.domain.fields import parse_date
from lei_desktop.domain.fx import RateTable, plain
from lei_desktop.domain.messages import register
from lei_desktop.domain.model import ACTIVE_CLAIM_STATUSES, Claim, ClaimLine, InsurerDecision, Payment, Reason
from lei_desktop.domain.money import Money, money_str, parse_decimal
from lei_desktop.domain.settlement import (
    ZERO,
    PriorClaim,
    assessment_json,
    consent_use_of,
    prior_from_assessment,
)
from lei_desktop.domain.settlement import (
    settle as settle_rules,
)
from lei_desktop.services import claim_snapshot, convert
from lei_desktop.services.common import by_ref, check_version
from lei_desktop.services.store import Store, now
from lei_desktop.store.models import (
    AttachmentRow,
    ClaimExpenseRow,
    ClaimLineRow,
    ClaimRow,
    CompanyRow,
    ConsentRow,
    DisputeRow,
    ExpenseRow,
    FxRateRow,
    InsurerDecisionRow,
    PaymentRow,
    PolicyRow,
)

LINE_DECISIONS = ("approved", "reduced", "rejected")
OPEN_STATUSES = ("submitted", "under_review")

register(
    {
        "status.draft": ("草稿", "draft"),
        "status.submitted": ("已提交", "submitted"),
        "status.under_review": ("审核中", "under review"),
        "status.settled": ("已结案", "settled"),
        "status.rejected": ("已拒赔", "rejected"),
        "status.withdrawn": ("已撤回", "withdrawn"),
        "claim_status": (
            "索赔 {claim} 当前状态为“{status_zh}”，不能{action_zh}",
            "claim {claim} is {status_en}; it cannot be {action_en}",
        ),
        "claim_empty": ("索赔 {claim} 没有任何费用", "claim {claim} holds no expenses"),
        "claim_no_expenses": (
            "纠纷 {dispute} 没有尚未索赔的费用",
            "dispute {dispute} has no expenses that are not already claimed",
        ),
        "claim_wrong_dispute": (
            "费用 {expense} 属于纠纷 {other}，不属于 {dispute}",
            "expense {expense} belongs to dispute {other}, not {dispute}",
        ),
        "claim_duplicate_expense": ("费用 {expense} 重复列出", "expense {expense} is listed twice"),
        "checklist_incomplete": (
            "索赔 {claim} 的单证不齐（{missing_zh}）；请补齐，或用 --override 说明理由后提交",
            "the documents of claim {claim} are incomplete ({missing_en}); complete them or submit with an override reason",
        ),
        "override_blank": ("例外说明不能为空", "the override reason must not be blank"),
        "reason_required": ("请填写理由", "a reason is required"),
        "line_not_in_claim": ("费用 {expense} 不在索赔 {claim} 中", "expense {expense} is not in claim {claim}"),
        "line_decision": ("审核结论应为 approved、reduced 或 rejected，收到 “{value}”",
                          "the decision must be approved, reduced or rejected, got '{value}'"),
        "reduced_amount": ("核减后的金额应在 0 与 {cny} 之间", "the reduced amount must be between 0 and {cny}"),
        "amount_required": ("核减须给出金额", "a reduced line needs its amount"),
        "action.submit": ("提交", "submitted"),
        "action.review": ("转入审核", "put under review"),
        "action.decide": ("录入审核结论", "given line decisions"),
        "action.settle": ("结案", "settled"),
        "action.pay": ("登记赔款", "paid"),
        "action.reject": ("拒赔", "rejected"),
        "action.withdraw": ("撤回", "withdrawn"),
        "action.edit": ("修改", "changed"),
    }
)


def status_label(status: str, lang: str = "en") -> str:
    from lei_desktop.domain.messages import text

    return text(f"status.{status}", lang)


# --- small helpers ---------------------------------------------------------------------------------

def _status_error(row: ClaimRow, action: str) -> Conflict:
    from lei_desktop.domain.messages import text

    return Conflict(
        "claim_status", "status", claim=row.ref,
        status_zh=text(f"status.{row.status}", "zh"), status_en=text(f"status.{row.status}", "en"),
        action_zh=text(f"action.{action}", "zh"), action_en=text(f"action.{action}", "en"),
    )


def _require(row: ClaimRow, allowed: tuple[str, ...], action: str) -> None:
    if row.status not in allowed:
        raise _status_error(row, action)


def _load(s: Session, ref: str) -> ClaimRow:
    row = s.scalar(
        select(ClaimRow).where(ClaimRow.ref == ref).options(
            selectinload(ClaimRow.members).selectinload(ClaimExpenseRow.expense).selectinload(ExpenseRow.attachments),
            selectinload(ClaimRow.lines).selectinload(ClaimLineRow.insurer_decision),
            selectinload(ClaimRow.payments),
        )
    )
    if row is None:
        raise NotFound("not_found", "claim", kind="claim", ref=ref)
    return row


def _paid(row: ClaimRow) -> Decimal:
    return sum((p.amount for p in row.payments), ZERO)


def _cny(value: object, field: str) -> Decimal:
    amount = Money.of(parse_decimal(value, field), "CNY", field).amount
    if amount.is_signed():  # "-0" too: a payment is never written with a minus sign
        raise ValidationError("negative", field)
    return amount


def _day(value: object, field: str) -> date:
    if isinstance(value, date):
        return value
    return parse_date(value, field)


def next_claim_ref(s: Session, year: int | None = None) -> str:
    year = year or datetime.now(UTC).year
    prefix = f"CL-{year}-"
    refs = set(s.scalars(select(ClaimRow.ref).where(ClaimRow.ref.like(f"{prefix}%"))))
    n = len(refs) + 1
    while f"{prefix}{n:04d}" in refs:
        n += 1
    return f"{prefix}{n:04d}"


def _active_others(s: Session, row: ClaimRow, *, same_dispute: bool) -> list[ClaimRow]:
    """The other submitted, under-review or settled claims of the same policy (or dispute)."""
    q = select(ClaimRow).join(DisputeRow, ClaimRow.dispute_id == DisputeRow.id).where(
        ClaimRow.status.in_(ACTIVE_CLAIM_STATUSES), ClaimRow.id != (row.id or -1)
    ).options(selectinload(ClaimRow.payments))
    if same_dispute:
        q = q.where(ClaimRow.dispute_id == row.dispute_id)
    else:
        q = q.where(DisputeRow.policy_id == row.dispute.policy_id)
    return list(s.scalars(q.order_by(ClaimRow.submitted_at, ClaimRow.id)))


def _prior_of(other: ClaimRow) -> PriorClaim | None:
    if not other.assessment:
        return None
    return prior_from_assessment(other.assessment, other.status, _paid(other))


def _already_claimed(s: Session, row: ClaimRow, expense_ids: list[int]) -> dict[str, str]:
    """expense ref -> the other active claim that holds it (frozen line or membership)."""
    if not expense_ids:
        return {}
    out: dict[str, str] = {}
    for table, col in ((ClaimLineRow, ClaimLineRow.expense_id), (ClaimExpenseRow, ClaimExpenseRow.expense_id)):
        q = (
            select(ExpenseRow.ref, ClaimRow.ref)
            .join(table, table.claim_id == ClaimRow.id)
            .join(ExpenseRow, ExpenseRow.id == col)
            .where(col.in_(expense_ids), ClaimRow.status.in_(ACTIVE_CLAIM_STATUSES), ClaimRow.id != (row.id or -1))
            .order_by(ClaimRow.id)
        )
        for expense_ref, claim_ref in s.execute(q):
            out.setdefault(expense_ref, claim_ref)
    return out


def _company(s: Session) -> dict | None:
    c = s.scalar(select(CompanyRow).limit(1))
    if c is None:
        return None
    return {"name_zh": c.name_zh, "name_en": c.name_en, "uscc": c.uscc}


def _rate_table(s: Session, currencies: set[str]) -> RateTable:
    currencies = currencies - {"CNY"}
    if not currencies:
        return RateTable()
    rows = s.scalars(select(FxRateRow).where(FxRateRow.currency.in_(currencies)))
    return RateTable(convert.fx_rate(r) for r in rows)


@dataclass
class _Live:
    doc: dict
    results: list
    expenses: list
    checklist: list
    priors: list
    supplementary_to: ClaimRow | None


def _compute(s: Session, row: ClaimRow) -> _Live:
    """The assessment of a claim as things stand now (what a draft shows, what submit freezes)."""
    dispute_row = row.dispute
    policy = convert.policy(dispute_row.policy)
    dispute = convert.dispute(dispute_row)
    exp_rows = [m.expense for m in row.members]
    exps = [convert.expense(e) for e in exp_rows]
    consent_rows = list(s.scalars(select(ConsentRow).where(ConsentRow.dispute_id == dispute_row.id)))
    consents = [convert.consent(c) for c in consent_rows]
    same = _active_others(s, row, same_dispute=True)
    used: dict[str, Decimal] = {}
    for other in same:
        for k, v in consent_use_of(other.assessment or {}).items():
            used[k] = used.get(k, ZERO) + v
    results = coverage.assess_lines(
        policy, dispute, exps, consents, _rate_table(s, {e.currency for e in exps}),
        already_claimed=_already_claimed(s, row, [e.id for e in exp_rows]), consent_used_before=used,
    )
    priors = [p for p in (_prior_of(o) for o in _active_others(s, row, same_dispute=False)) if p is not None]
    st = settle_rules(policy, dispute.ref, [r.line for r in results], priors)
    first = same[0] if same else None
    d_reasons = coverage.dispute_reasons(policy, dispute)
    doc = assessment_json(
        claim=row.ref, status=row.status, claim_kind="supplementary" if first else "initial",
        supplementary_to=first.ref if first else None, policy=policy, company=_company(s), dispute=dispute.ref,
        dispute_reasons=d_reasons, lines=results, settlement=st,
        attachments={e.ref: e.attachments for e in exps}, assessed_on=date.today().isoformat(),
    )
    for entry, p in zip(doc["prior_claims"], sorted(priors, key=lambda p: coverage.natural_key(p.ref)), strict=True):
        entry["allowed"] = {c: money_str(a) for c, a in p.allowed}
    dispute_atts = [convert.attachment(a) for a in s.scalars(
        select(AttachmentRow).where(AttachmentRow.dispute_id == dispute_row.id).order_by(AttachmentRow.id))]
    consent_atts = {
        c.ref: [convert.attachment(a) for a in s.scalars(select(AttachmentRow).where(AttachmentRow.consent_id == c.id))]
        for c in consent_rows
    }
    items = claim_checklist(policy, dispute_atts, consents, consent_atts, exps, results, dispute.ref)
    doc["dispute_title_zh"] = dispute.title_zh
    doc["dispute_title_en"] = dispute.title_en
    doc["case_number"] = dispute.case_number
    doc["forum"] = dispute.forum
    doc["first_asserted_on"] = dispute.first_asserted_on.isoformat()
    return _Live(doc, results, exps, items, priors, first)


def _view(row: ClaimRow, doc: dict) -> dict:
    """The document with the claim's current status and payments (figures never change)."""
    out = dict(doc)
    out["status"] = row.status
    out["paid"] = money_str(_paid(row))
    out["payments"] = [{"date": p.paid_on.isoformat(), "amount": money_str(p.amount), "reference": p.reference}
                       for p in row.payments]
    out["submitted_at"] = row.submitted_at.isoformat() if row.submitted_at else None
    out["override_reason"] = row.override_reason or None
    out["rejection_reason"] = row.rejection_reason or None
    out["frozen"] = row.status != "draft" and bool(row.assessment)
    decisions = {ln.expense_ref: ln.insurer_decision for ln in row.lines if ln.insurer_decision is not None}
    if decisions:
        out["lines"] = [dict(line) for line in out["lines"]]
        for line in out["lines"]:
            d = decisions.get(line["expense"])
            if d is not None:
                line["insurer_decision"] = {
                    "decision": d.decision, "approved_cny": money_str(d.approved_cny) if d.approved_cny is not None else None,
                    "reason": d.reason, "date": d.decided_on.isoformat() if d.decided_on else None,
                }
    return out


# --- queries --------------------------------------------------------------------------------------

def _domain(row: ClaimRow) -> Claim:
    lines = tuple(
        ClaimLine(
            expense=ln.expense_ref, category=ln.category,
            amount=Money.from_minor(ln.amount_minor, ln.currency).amount, currency=ln.currency,
            rate=plain(ln.rate) if ln.rate is not None else None, rate_per=ln.rate_per, rate_date=ln.rate_date, rate_source=ln.rate_source,
            rate_overridden=ln.rate_overridden, cny=ln.cny, covered_cny=ln.covered_cny, decision=ln.decision,
            reasons=tuple(Reason(r["code"]) for r in ln.reasons or ()), payee=ln.payee,
            invoice_number=ln.invoice_number, invoice_date=ln.invoice_date, paid_on=ln.paid_on,
            description_zh=ln.description_zh, description_en=ln.description_en,
            attachment_hashes=tuple(ln.attachment_hashes or ()),
        )
        for ln in row.lines
    )
    decisions = tuple(
        InsurerDecision(ln.expense_ref, ln.insurer_decision.decision, ln.insurer_decision.approved_cny,
                        ln.insurer_decision.reason)
        for ln in row.lines if ln.insurer_decision is not None
    )
    sup = row.assessment.get("supplementary_to") if row.assessment else None
    return Claim(
        ref=row.ref, dispute=row.dispute.ref, status=row.status,
        expenses=tuple(m.expense.ref for m in row.members) or tuple(ln.expense_ref for ln in row.lines),
        created_at=row.created_at, submitted_at=row.submitted_at, decided_at=row.decided_at,
        override_reason=row.override_reason, rejection_reason=row.rejection_reason,
        supplementary_to=sup or (_sup_ref(row)), lines=lines, assessment=row.assessment,
        decisions=decisions, payments=tuple(Payment(p.paid_on, p.amount, p.reference) for p in row.payments),
        version=row.version,
    )


def _sup_ref(row: ClaimRow) -> str | None:
    if row.supplementary_to_id is None:
        return None
    from sqlalchemy.orm import object_session

    other = object_session(row).get(ClaimRow, row.supplementary_to_id)
    return other.ref if other else None


def get_claim(store: Store, ref: str) -> Claim:
    """The claim with its members, frozen lines, insurer decisions and payments."""
    with store.session() as s:
        return _domain(_load(s, ref))


def assess(store: Store, ref: str) -> dict:
    """The assessment document: live for a draft, the frozen copy once submitted."""
    with store.session() as s:
        return assess_in(s, _load(s, ref))


def assess_in(s: Session, row: ClaimRow) -> dict:
    if row.status != "draft" and row.assessment:
        return _view(row, row.assessment)
    return _view(row, _compute(s, row).doc)


def checklist(store: Store, ref: str) -> list[dict]:
    """The document checklist (as frozen at submission for submitted claims)."""
    with store.session() as s:
        row = _load(s, ref)
        if row.status != "draft" and row.assessment and "checklist" in row.assessment:
            return row.assessment["checklist"]
        return _compute(s, row).checklist


def list_claims(store: Store, dispute: str | None = None, policy: str | None = None) -> list[dict]:
    """Every claim: ref, dispute, policy, status, kind, payable and paid (Decimal), dates."""
    with store.session() as s:
        if dispute:  # a mistyped reference is said so, not answered with an empty list
            by_ref(s, DisputeRow, dispute, "dispute", "dispute")
        if policy:
            by_ref(s, PolicyRow, policy, "policy", "policy")
        q = select(ClaimRow).join(DisputeRow, ClaimRow.dispute_id == DisputeRow.id).order_by(ClaimRow.id)
        if dispute:
            q = q.where(DisputeRow.ref == dispute)
        out = []
        for row in s.scalars(q):
            if policy and row.dispute.policy.ref != policy:
                continue
            doc = assess_in(s, row)
            out.append({
                "ref": row.ref, "dispute": row.dispute.ref, "policy": row.dispute.policy.ref, "status": row.status,
                "claim_kind": doc.get("claim_kind"), "supplementary_to": doc.get("supplementary_to"),
                "lines": len(doc.get("lines", ())), "payable": Decimal(doc["payable"]), "paid": _paid(row),
                "created_at": row.created_at, "submitted_at": row.submitted_at, "version": row.version,
            })
        return out


# --- drafting ------------------------------------------------------------------------------------

def _claimable(s: Session, dispute_row: DisputeRow) -> list[ExpenseRow]:
    rows = list(s.scalars(select(ExpenseRow).where(ExpenseRow.dispute_id == dispute_row.id)))
    taken = set()
    for col, table in ((ClaimLineRow.expense_id, ClaimLineRow), (ClaimExpenseRow.expense_id, ClaimExpenseRow)):
        taken |= set(s.scalars(select(col).join(ClaimRow, table.claim_id == ClaimRow.id).where(
            ClaimRow.status.in_(ACTIVE_CLAIM_STATUSES), ClaimRow.dispute_id == dispute_row.id)))
    rows = [r for r in rows if r.id not in taken]
    return sorted(rows, key=lambda r: coverage.natural_key(r.ref))


def _members(s: Session, dispute_row: DisputeRow, expense_refs) -> list[ExpenseRow]:
    if expense_refs is None:
        rows = _claimable(s, dispute_row)
        if not rows:
            raise Conflict("claim_no_expenses", "dispute", dispute=dispute_row.ref)
        return rows
    out, seen = [], set()
    for i, ref in enumerate(expense_refs):
        ref = str(ref).strip()
        row = by_ref(s, ExpenseRow, ref, "expense", f"expenses[{i}]")
        if row.dispute_id != dispute_row.id:
            raise ValidationError("claim_wrong_dispute", f"expenses[{i}]", expense=ref, other=row.dispute.ref,
                                  dispute=dispute_row.ref)
        if ref in seen:
            raise ValidationError("claim_duplicate_expense", f"expenses[{i}]", expense=ref)
        seen.add(ref)
        out.append(row)
    if not out:
        raise ValidationError("required", "expenses")
    return out


def create_claim_in(s: Session, store: Store, dispute_ref: str, expense_refs=None, ref: str | None = None) -> ClaimRow:
    dispute_row = by_ref(s, DisputeRow, dispute_ref, "dispute", "dispute")
    if ref is not None and ref.strip():
        ref = fields.a_ref({"ref": ref.strip()})
    ref = (ref or "").strip() or next_claim_ref(s)
    if s.scalar(select(ClaimRow.id).where(ClaimRow.ref == ref)) is not None:
        raise Conflict("duplicate_ref", "ref", kind="claim", ref=ref)
    members = _members(s, dispute_row, expense_refs)
    row = ClaimRow(ref=ref, dispute=dispute_row, status="draft", created_at=now())
    first = s.scalar(select(ClaimRow).where(ClaimRow.dispute_id == dispute_row.id,
                                            ClaimRow.status.in_(ACTIVE_CLAIM_STATUSES)).order_by(ClaimRow.id).limit(1))
    if first is not None:
        row.supplementary_to_id = first.id
    row.members = [ClaimExpenseRow(expense=e, position=i) for i, e in enumerate(members)]
    s.add(row)
    s.flush()
    store.audit(s, "claim", ref, "create", {"dispute": [None, dispute_ref],
                                            "expenses": [None, [e.ref for e in members]],
                                            "supplementary_to": [None, first.ref if first else None]})
    return row


def create_claim(store: Store, dispute_ref: str, expense_refs=None, ref: str | None = None) -> str:
    """A draft claim; without ``expense_refs`` every expense of the dispute not yet in a submitted,
    under-review or settled claim. Returns the claim ref (``CL-2026-0001``)."""
    with store.session() as s:
        return create_claim_in(s, store, dispute_ref, expense_refs, ref).ref


def set_expenses_in(s: Session, store: Store, row: ClaimRow, expense_refs) -> None:
    _require(row, ("draft",), "edit")
    members = _members(s, row.dispute, expense_refs)
    before = [m.expense.ref for m in row.members]
    row.members.clear()
    s.flush()
    row.members.extend(ClaimExpenseRow(expense=e, position=i) for i, e in enumerate(members))
    s.flush()
    store.audit(s, "claim", row.ref, "update", {"expenses": [before, [e.ref for e in members]]})


def set_expenses(store: Store, ref: str, expense_refs, expected_version: int | None = None) -> None:
    """Change which expenses a draft claim holds."""
    with store.session() as s:
        row = _load(s, ref)
        check_version(row, expected_version, "claim")
        set_expenses_in(s, store, row, expense_refs)


def delete_claim(store: Store, ref: str) -> None:
    """Delete a draft claim (submitted claims are kept for ever; withdraw them instead)."""
    with store.session() as s:
        row = _load(s, ref)
        _require(row, ("draft",), "edit")
        store.audit(s, "claim", ref, "delete", {"expenses": [[m.expense.ref for m in row.members], None]})
        s.delete(row)


# --- submission ----------------------------------------------------------------------------------

def submit_in(s: Session, store: Store, row: ClaimRow, override: str | None = None) -> dict:
    _require(row, ("draft",), "submit")
    if not row.members:
        raise Conflict("claim_empty", "expenses", claim=row.ref)
    live = _compute(s, row)
    missing = [i for i in live.checklist if not i["ok"]]
    reason = (override or "").strip()
    if override is not None and not reason:
        raise ValidationError("override_blank", "override")
    if missing and not reason:
        raise Conflict("checklist_incomplete", "override", claim=row.ref,
                       missing_zh="；".join(f"{i['zh']}：{i['detail_zh']}" for i in missing),
                       missing_en="; ".join(f"{i['en']}: {i['detail_en']}" for i in missing))
    at = now()
    doc = live.doc
    doc["status"] = "submitted"
    doc["submitted_at"] = at.isoformat()
    doc["checklist"] = live.checklist
    doc["override_reason"] = reason or None
    claim_snapshot.freeze_in(s, row.dispute, doc)
    row.lines = [
        ClaimLineRow(
            expense_id=e.id, position=i, expense_ref=r.line.expense, category=r.line.category,
            amount_minor=e.amount_minor, currency=r.line.currency, rate=r.line.rate, rate_per=r.line.rate_per,
            rate_date=r.line.rate_date, rate_source=r.line.rate_source, rate_overridden=r.line.rate_overridden,
            cny=r.line.cny, covered_cny=r.line.covered_cny, decision=r.line.decision,
            reasons=doc["lines"][i]["reasons"], payee=r.line.payee, invoice_number=r.line.invoice_number,
            invoice_date=r.line.invoice_date, paid_on=r.line.paid_on, description_zh=r.line.description_zh,
            description_en=r.line.description_en, attachment_hashes=list(r.line.attachment_hashes),
        )
        for i, (r, e) in enumerate(zip(live.results, [m.expense for m in row.members], strict=True))
    ]
    row.assessment = doc
    row.status = "submitted"
    row.submitted_at = at
    row.override_reason = reason
    row.supplementary_to_id = live.supplementary_to.id if live.supplementary_to else None
    s.flush()
    store.audit(s, "claim", row.ref, "submit", {
        "status": ["draft", "submitted"], "payable": [None, doc["payable"]],
        "override_reason": [None, reason or None],
        "checklist_missing": [None, [i["code"] for i in missing]],
        "lines": [None, [ln["expense"] for ln in doc["lines"]]],
    })
    return _view(row, doc)


def submit(store: Store, ref: str, override: str | None = None, expected_version: int | None = None) -> dict:
    """Freeze and submit; refused while the checklist is incomplete unless ``override`` gives a
    reason (recorded on the claim and in the audit trail). Returns the frozen assessment."""
    with store.session() as s:
        row = _load(s, ref)
        check_version(row, expected_version, "claim")
        return submit_in(s, store, row, override)


# --- the insurer's side ---------------------------------------------------------------------------

def _transition(s: Session, store: Store, row: ClaimRow, to: str, action: str, extra: dict | None = None) -> None:
    before = row.status
    row.status = to
    s.flush()
    store.audit(s, "claim", row.ref, action, {"status": [before, to], **(extra or {})})


def start_review_in(s: Session, store: Store, row: ClaimRow) -> None:
    _require(row, ("submitted",), "review")
    _transition(s, store, row, "under_review", "review")


def start_review(store: Store, ref: str) -> None:
    """The insurer has started to review a submitted claim."""
    with store.session() as s:
        start_review_in(s, store, _load(s, ref))


def decide_line_in(s: Session, store: Store, row: ClaimRow, expense_ref: str, decision: str,
                   amount=None, reason: str = "", on=None) -> None:
    _require(row, OPEN_STATUSES, "decide")
    line = next((ln for ln in row.lines if ln.expense_ref == expense_ref), None)
    if line is None:
        raise NotFound("line_not_in_claim", "expense", expense=expense_ref, claim=row.ref)
    if decision not in LINE_DECISIONS:
        raise ValidationError("line_decision", "decision", value=decision)
    reason = (reason or "").strip()
    if decision == "approved":
        approved = line.covered_cny if amount is None else _cny(amount, "amount")
    elif decision == "reduced":
        if amount is None:
            raise ValidationError("amount_required", "amount")
        approved = _cny(amount, "amount")
        top = line.cny if line.cny is not None else line.covered_cny
        if approved > top:
            raise ValidationError("reduced_amount", "amount", cny=money_str(top))
    else:
        if not reason:
            raise ValidationError("reason_required", "reason")
        approved = ZERO
    when = _day(on, "date") if on is not None else date.today()
    before = None
    if line.insurer_decision is None:
        line.insurer_decision = InsurerDecisionRow(decision=decision, approved_cny=approved, reason=reason,
                                                   decided_on=when)
    else:
        d = line.insurer_decision
        before = {"decision": d.decision, "approved_cny": money_str(d.approved_cny) if d.approved_cny is not None
                  else None, "reason": d.reason}
        d.decision, d.approved_cny, d.reason, d.decided_on = decision, approved, reason, when
    if row.status == "submitted":
        _transition(s, store, row, "under_review", "review")
    s.flush()
    store.audit(s, "claim", row.ref, "decide", {expense_ref: [before, {
        "decision": decision, "approved_cny": money_str(approved), "reason": reason}]})


def decide_line(store: Store, ref: str, expense_ref: str, decision: str, amount=None, reason: str = "",
                on=None) -> None:
    """The insurer's decision on one line: approved (optionally with an amount), reduced with the
    amount, or rejected with a reason. A submitted claim moves to under review."""
    with store.session() as s:
        decide_line_in(s, store, _load(s, ref), expense_ref, decision, amount, reason, on)


def record_payment_in(s: Session, store: Store, row: ClaimRow, amount, on, reference: str = "") -> None:
    _require(row, (*OPEN_STATUSES, "settled"), "pay")
    value = _cny(amount, "paid")
    when = _day(on, "date")
    row.payments.append(PaymentRow(paid_on=when, amount=value, reference=reference or ""))
    s.flush()
    store.audit(s, "claim", row.ref, "payment", {"payment": [None, {"date": when.isoformat(),
                                                                    "amount": money_str(value),
                                                                    "reference": reference or ""}]})


def record_payment(store: Store, ref: str, amount, on, reference: str = "") -> None:
    """A payment by the insurer (partial payments allowed; the claim keeps its status)."""
    with store.session() as s:
        record_payment_in(s, store, _load(s, ref), amount, on, reference)


def settle_in(s: Session, store: Store, row: ClaimRow, paid, on, reference: str = "") -> None:
    _require(row, OPEN_STATUSES, "settle")
    value = _cny(paid, "paid")
    when = _day(on, "date")
    if value > 0:
        row.payments.append(PaymentRow(paid_on=when, amount=value, reference=reference or ""))
    row.decided_at = now()
    _transition(s, store, row, "settled", "settle",
                {"paid": [None, money_str(value)], "date": [None, when.isoformat()]})


def settle(store: Store, ref: str, paid, on, reference: str = "") -> None:
    """Record the insurer's (final) payment of ``paid`` CNY on ``on``; the claim becomes settled.
    ``paid`` adds to any earlier partial payments."""
    with store.session() as s:
        settle_in(s, store, _load(s, ref), paid, on, reference)


def reject_in(s: Session, store: Store, row: ClaimRow, reason: str) -> None:
    _require(row, OPEN_STATUSES, "reject")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason_required", "reason")
    row.rejection_reason = reason
    row.decided_at = now()
    _transition(s, store, row, "rejected", "reject", {"rejection_reason": [None, reason]})


def reject(store: Store, ref: str, reason: str) -> None:
    """The insurer rejected the claim; its expenses are free for a later claim."""
    with store.session() as s:
        reject_in(s, store, _load(s, ref), reason)


def withdraw_in(s: Session, store: Store, row: ClaimRow) -> None:
    _require(row, ("draft", *OPEN_STATUSES), "withdraw")
    row.decided_at = now()  # when it stopped counting as a prior claim (replayed by scenario load)
    _transition(s, store, row, "withdrawn", "withdraw")


def withdraw(store: Store, ref: str) -> None:
    with store.session() as s:
        withdraw_in(s, store, _load(s, ref))


# --- reconciliation ------------------------------------------------------------------------------

def _approved(row: ClaimRow) -> Decimal:
    """The payable recomputed with the insurer's line decisions (undecided lines as assessed)."""
    doc = row.assessment or {}
    if not any(ln.insurer_decision is not None for ln in row.lines):
        return Decimal(doc.get("payable", "0"))
    policy = convert.policy(row.dispute.policy)
    lines = []
    for ln in row.lines:
        d = ln.insurer_decision
        amount = ln.covered_cny if d is None else (d.approved_cny or ZERO)
        lines.append(ClaimLine(ln.expense_ref, ln.category, ZERO, ln.currency, None, 1, None, "", False,
                               ln.cny, amount, ln.decision))
    priors = []
    for p in doc.get("prior_claims", ()):
        priors.append(PriorClaim(
            ref=p["claim"], dispute=p["dispute"], status=p["status"], payable=Decimal(p["payable"]),
            paid=Decimal(p["paid"]), allowed=tuple((k, Decimal(v)) for k, v in (p.get("allowed") or {}).items()),
            deductible_applied=Decimal(p.get("deductible_applied", "0")),
        ))
    return settle_rules(policy, row.dispute.ref, lines, priors).payable


def reconcile(store: Store, policy: str | None = None, dispute: str | None = None) -> dict:
    """Claimed vs approved vs paid vs outstanding, per claim, per dispute, per policy (Decimals).

    ``claimed`` is the payable the claim asked for (its frozen assessment); ``approved`` is that
    payable recomputed with the insurer's line decisions; ``paid`` the sum of payments;
    ``outstanding`` = approved − paid while the claim is open (submitted / under review).
    Drafts, rejected and withdrawn claims are listed but count nothing.
    """
    zero = {"claimed": ZERO, "approved": ZERO, "paid": ZERO, "outstanding": ZERO}
    out: dict = {"claims": [], "disputes": {}, "policies": {}, "total": dict(zero)}
    with store.session() as s:
        if dispute:  # a mistyped reference is said so, not answered with nothing
            by_ref(s, DisputeRow, dispute, "dispute", "dispute")
        if policy:
            by_ref(s, PolicyRow, policy, "policy", "policy")
        q = select(ClaimRow).join(DisputeRow, ClaimRow.dispute_id == DisputeRow.id).options(
            selectinload(ClaimRow.lines).selectinload(ClaimLineRow.insurer_decision),
            selectinload(ClaimRow.payments)).order_by(ClaimRow.id)
        if dispute:
            q = q.where(DisputeRow.ref == dispute)
        for row in s.scalars(q):
            p_ref = row.dispute.policy.ref
            if policy and p_ref != policy:
                continue
            paid = _paid(row)
            counts = row.status in ACTIVE_CLAIM_STATUSES
            claimed = Decimal(row.assessment["payable"]) if counts and row.assessment else ZERO
            approved = _approved(row) if counts else ZERO
            outstanding = approved - paid if row.status in OPEN_STATUSES else ZERO
            entry = {"claim": row.ref, "dispute": row.dispute.ref, "policy": p_ref, "status": row.status,
                     "claimed": claimed, "approved": approved, "paid": paid, "outstanding": outstanding,
                     "difference": approved - paid if counts else ZERO}
            out["claims"].append(entry)
            for bucket in (out["disputes"].setdefault(row.dispute.ref, dict(zero)),
                           out["policies"].setdefault(p_ref, dict(zero)), out["total"]):
                for k in zero:
                    bucket[k] += entry[k]
    return out


def count_claims(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count(ClaimRow.id))) or 0
