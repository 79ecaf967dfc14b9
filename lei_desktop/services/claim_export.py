"""Export a claim as its bilingual claim-package PDF (and name what is missing before export).

:func:`package_data` gathers what the report needs from the store: the assessment (the frozen
copy for a submitted claim), the company, policy and dispute, the consents, the document
checklist and every attachment's bytes, numbered as exhibits in schedule order (expense
receipts first, then the dispute's and the consents' documents). For a claim that is no longer
a draft the figures, the company name and USCC, the policy terms and the dispute's title, case
number and forum come from the frozen assessment and the creation date is ``submitted_at``, so
exporting it again gives the same bytes.
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from lei_desktop import __version__
from lei_desktop.domain.messages import register
from lei_desktop.reports import claim_package
from lei_desktop.services import claims
from lei_desktop.services.disputes import get_dispute, list_consents
from lei_desktop.services.enrolment import get_company
from lei_desktop.services.policies import get_policy
from lei_desktop.services.store import Store
from lei_desktop.store.models import AttachmentRow, BlobRow, ConsentRow, DisputeRow

register(
    {
        "export_missing_description": (
            "费用 {expense} 缺少{which}说明",
            "expense {expense} has no {which_en} description",
        ),
        "export_written": ("已写出 {path}：{pages} 页，附件 {exhibits} 份", "wrote {path}: {pages} pages, {exhibits} exhibit(s)"),
    }
)

_FROZEN_DISPUTE_KEYS = {
    "dispute_title_zh": "title_zh",
    "dispute_title_en": "title_en",
    "case_number": "case_number",
    "forum": "forum",
    "first_asserted_on": "first_asserted_on",
}


def _plain(obj) -> dict:
    if obj is None:
        return {}
    if is_dataclass(obj):
        return {k: _jsonish(v) for k, v in asdict(obj).items()}
    return dict(obj)


def _jsonish(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonish(v) for v in value]
    return value


def missing_descriptions(store: Store, ref: str) -> list[dict]:
    """Lines of the claim whose Chinese or English description is empty: ``[{"expense", "missing"}]``."""
    doc = claims.assess(store, ref)
    out = []
    for line in doc.get("lines") or []:
        missing = [k for k in ("description_zh", "description_en") if not str(line.get(k) or "").strip()]
        if missing:
            out.append({"expense": line.get("expense"), "missing": missing})
    return out


def missing_description_messages(store: Store, ref: str, lang: str) -> list[str]:
    from lei_desktop.domain.messages import text

    out = []
    for item in missing_descriptions(store, ref):
        for key in item["missing"]:
            zh = key.endswith("_zh")
            out.append(
                text(
                    "export_missing_description", lang, expense=item["expense"],
                    which="中文" if zh else "英文", which_en="Chinese" if zh else "English",
                )
            )
    return out


def _exhibits(store: Store, doc: dict, dispute_ref: str, consent_refs: list[str],
              cutoff: datetime | None = None) -> list[dict]:
    """Every attachment once (by SHA-256), in exhibit order, with its bytes and who uses it.

    ``cutoff`` (a submitted claim's ``submitted_at``) leaves out dispute and consent documents
    attached later, so the submitted package stays as it was.
    """

    def in_time(a: AttachmentRow) -> bool:
        if cutoff is None or a.added_at is None:
            return True
        added = a.added_at if a.added_at.tzinfo else a.added_at.replace(tzinfo=UTC)
        limit = cutoff if cutoff.tzinfo else cutoff.replace(tzinfo=UTC)
        return added <= limit

    order: list[str] = []
    info: dict[str, dict] = {}

    def add(sha: str, filename: str, kind: str, mime: str, owner: str) -> None:
        if not sha:
            return
        if sha not in info:
            order.append(sha)
            info[sha] = {"sha256": sha, "filename": filename, "kind": kind, "mime": mime, "expenses": []}
        entry = info[sha]
        if not entry["filename"] and filename:
            entry["filename"] = filename
        if owner not in entry["expenses"]:
            entry["expenses"].append(owner)

    with store.session() as s:
        for line in doc.get("lines") or []:
            for att in line.get("attachments") or []:
                add(str(att.get("sha256") or ""), str(att.get("filename") or ""), str(att.get("kind") or ""),
                    "", str(line.get("expense")))
        d_row = s.scalar(select(DisputeRow).where(DisputeRow.ref == dispute_ref))
        if d_row is not None:
            for a in s.scalars(select(AttachmentRow).where(AttachmentRow.dispute_id == d_row.id).order_by(AttachmentRow.id)):
                if in_time(a):
                    add(a.sha256, a.filename, a.kind, a.mime, dispute_ref)
            for c in s.scalars(select(ConsentRow).where(ConsentRow.dispute_id == d_row.id).order_by(ConsentRow.ref)):
                if c.ref not in consent_refs:
                    continue
                for a in s.scalars(select(AttachmentRow).where(AttachmentRow.consent_id == c.id).order_by(AttachmentRow.id)):
                    if in_time(a):
                        add(a.sha256, a.filename, a.kind, a.mime, c.ref)
        # mime types and filenames of expense files as stored
        if order:
            for a in s.scalars(select(AttachmentRow).where(AttachmentRow.sha256.in_(order)).order_by(AttachmentRow.id)):
                e = info[a.sha256]
                e["mime"] = e["mime"] or a.mime
                e["filename"] = e["filename"] or a.filename
                e["kind"] = e["kind"] or a.kind
            for b in s.scalars(select(BlobRow).where(BlobRow.sha256.in_(order))):
                info[b.sha256]["data"] = bytes(b.data)
    return [info[sha] for sha in order]


def package_data(store: Store, ref: str) -> dict:
    """Everything :func:`lei_desktop.reports.claim_package.write` needs, as plain data."""
    claim = claims.get_claim(store, ref)
    doc = claims.assess(store, ref)
    items = claims.checklist(store, ref)
    frozen = claim.status != "draft" and bool(claim.assessment)

    company = _plain(get_company(store))
    policy_ref = (doc.get("policy") or {}).get("ref")
    policy = _plain(get_policy(store, policy_ref)) if policy_ref else {}
    dispute = _plain(get_dispute(store, claim.dispute))
    if frozen:
        company.update({k: v for k, v in (doc.get("company") or {}).items() if v is not None})
        policy.update({k: v for k, v in (doc.get("policy") or {}).items() if v is not None})
        for key, target in _FROZEN_DISPUTE_KEYS.items():
            if doc.get(key) is not None:
                dispute[target] = doc[key]
    consents = [_plain(c) for c in list_consents(store, claim.dispute)]
    if frozen:  # only consents that existed when the claim was submitted
        cutoff = claim.submitted_at.date() if claim.submitted_at else None
        consents = [c for c in consents if cutoff is None or str(c.get("granted_on")) <= cutoff.isoformat()]
    if frozen and claim.submitted_at is not None:
        created = claim.submitted_at
        status = "submitted"
    else:
        created = datetime.now(UTC).replace(microsecond=0)
        status = claim.status
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return {
        "reference": claim.ref,
        "status": status,
        "created": created,
        "version": __version__,
        "company": company,
        "policy": policy,
        "dispute": dispute,
        "assessment": doc,
        "consents": consents,
        "checklist": items,
        "exhibits": _exhibits(store, doc, claim.dispute, [c["ref"] for c in consents],
                              claim.submitted_at if frozen else None),
    }


def export_claim(store: Store, ref: str, out_path: Path | str, progress=None, cancel=None) -> dict:
    """Write the claim package of ``ref`` to ``out_path`` (atomically). Returns pages/exhibits/bytes."""
    data = package_data(store, ref)
    result = claim_package.write(data, Path(out_path), progress=progress, cancel=cancel)
    return {"claim": ref, "path": str(out_path), **result}
