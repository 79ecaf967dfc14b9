"""What a claim package prints, frozen at submission so the package can be reproduced.

:func:`freeze_in` adds, to the assessment document that :func:`lei_desktop.services.claims.submit_in`
freezes, the blocks the claim package shows that the assessment figures do not already carry:

``company_detail``   the insured as enrolled (names, USCC, address, contact, export markets ...)
``dispute_detail``   the dispute (titles, IP type, role, forum and its country, case number,
                     opposing party, dates, IP rights ...)
``policy_detail``    the policy terms (insurer, number, period, FX basis, limits ...)
``consents_detail``  the insurer's consent letters on file for the dispute
``exhibit_files``    every attachment in exhibit order: SHA-256, file name, kind, MIME type and
                     who uses it (blobs are content-addressed, so the bytes are found by hash)
``app_version``      the application version that submitted the claim

Existing assessment keys and figures are left exactly as they are. The values are plain JSON
(dates as ISO strings, amounts as decimal strings), the same shape
:func:`lei_desktop.services.claim_export.package_data` gives the report for a draft.
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lei_desktop import __version__
from lei_desktop.services import convert
from lei_desktop.store.models import AttachmentRow, CompanyRow, ConsentRow, DisputeRow

#: the keys :func:`freeze_in` adds to a frozen assessment
FROZEN_KEYS = ("company_detail", "dispute_detail", "policy_detail", "consents_detail", "exhibit_files", "app_version")


def jsonish(value):
    """Decimals as strings, dates as ISO strings, tuples as lists (recursively)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [jsonish(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonish(v) for k, v in value.items()}
    return value


def plain(obj, drop: tuple[str, ...] = ()) -> dict:
    """A domain dataclass (or mapping) as a plain JSON-able dict, without the keys in ``drop``."""
    if obj is None:
        return {}
    items = asdict(obj) if is_dataclass(obj) else dict(obj)
    return {k: jsonish(v) for k, v in items.items() if k not in drop}


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def exhibit_list_in(s: Session, doc: dict, dispute_ref: str, consent_refs: list[str],
                    cutoff: datetime | None = None) -> list[dict]:
    """Every attachment once (by SHA-256), in exhibit order, without bytes: expense receipts in
    schedule order, then the dispute's documents, then the consents' (only ``consent_refs``).

    ``cutoff`` leaves out dispute and consent documents attached after that moment.
    """

    def in_time(a: AttachmentRow) -> bool:
        if cutoff is None or a.added_at is None:
            return True
        return _utc(a.added_at) <= _utc(cutoff)

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
    if order:  # MIME types (and any missing names/kinds) of expense files as stored
        for a in s.scalars(select(AttachmentRow).where(AttachmentRow.sha256.in_(order)).order_by(AttachmentRow.id)):
            e = info[a.sha256]
            e["mime"] = e["mime"] or a.mime
            e["filename"] = e["filename"] or a.filename
            e["kind"] = e["kind"] or a.kind
    return [info[sha] for sha in order]


def freeze_in(s: Session, dispute_row: DisputeRow, doc: dict) -> None:
    """Add the :data:`FROZEN_KEYS` blocks to ``doc`` (the assessment being frozen), in place."""
    company_row = s.scalar(select(CompanyRow).limit(1))
    doc["company_detail"] = plain(convert.company(company_row), drop=("version",)) if company_row else {}
    doc["dispute_detail"] = plain(convert.dispute(dispute_row), drop=("version",))
    doc["policy_detail"] = plain(convert.policy(dispute_row.policy), drop=("version",))
    consent_rows = s.scalars(select(ConsentRow).where(ConsentRow.dispute_id == dispute_row.id)
                               .order_by(ConsentRow.granted_on, ConsentRow.ref))
    consents = [plain(convert.consent(c), drop=("version",)) for c in consent_rows]
    doc["consents_detail"] = consents
    doc["exhibit_files"] = exhibit_list_in(s, doc, dispute_row.ref, [c["ref"] for c in consents])
    doc["app_version"] = __version__
