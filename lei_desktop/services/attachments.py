"""Attachments: file content kept in the database, addressed by SHA-256, linked to an owner."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from sqlalchemy import select

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.model import ATTACHMENT_KINDS, AttachmentInfo
from lei_desktop.services import convert
from lei_desktop.services.common import by_ref
from lei_desktop.services.expenses import refuse_if_frozen
from lei_desktop.services.store import Store, now
from lei_desktop.store.models import AttachmentRow, BlobRow, ConsentRow, DisputeRow, ExpenseRow

OWNERS = {"expense": ExpenseRow, "dispute": DisputeRow, "consent": ConsentRow}
MAX_BYTES = 200 * 1024 * 1024


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def guess_mime(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def put_blob(s, data: bytes) -> str:
    digest = sha256(data)
    if s.get(BlobRow, digest) is None:
        s.add(BlobRow(sha256=digest, size=len(data), data=data))
        s.flush()  # no ORM relationship orders this insert before the attachment that refers to it
    return digest


def attach(s, store: Store, owner: str, ref: str, filename: str, data: bytes, kind: str) -> AttachmentInfo:
    """Attach inside an existing unit of work."""
    if kind not in ATTACHMENT_KINDS:
        raise ValidationError("attachment_kind", "kind", value=kind, choices=", ".join(ATTACHMENT_KINDS))
    if len(data) > MAX_BYTES:
        raise ValidationError("too_long", "file", max=MAX_BYTES)
    row_type = OWNERS[owner]
    target = by_ref(s, row_type, ref, owner)
    if owner == "expense":
        refuse_if_frozen(s, target)
    digest = put_blob(s, data)
    name = Path(filename).name or "file"
    row = AttachmentRow(sha256=digest, filename=name, kind=kind, mime=guess_mime(name), size=len(data), added_at=now())
    setattr(row, f"{owner}_id", target.id)
    s.add(row)
    s.flush()
    store.audit(s, owner, ref, "attach", {"attachment": [None, {"file": name, "sha256": digest, "kind": kind}]})
    return convert.attachment(row)


def add_attachment(store: Store, owner: str, ref: str, filename: str, data: bytes, kind: str) -> AttachmentInfo:
    with store.session() as s:
        return attach(s, store, owner, ref, filename, data, kind)


def add_attachment_file(store: Store, owner: str, ref: str, path: Path, kind: str) -> AttachmentInfo:
    return add_attachment(store, owner, ref, path.name, path.read_bytes(), kind)


def remove_attachment(store: Store, attachment_id: int) -> None:
    with store.session() as s:
        row = s.get(AttachmentRow, attachment_id)
        if row is None:
            raise ValidationError("not_found", "attachment", kind="attachment", ref=attachment_id)
        if row.expense_id is not None:
            refuse_if_frozen(s, s.get(ExpenseRow, row.expense_id))
        owner, owner_ref = "attachment", str(attachment_id)
        for kind, row_type in OWNERS.items():  # recorded on its owner, beside the "attach" event
            owner_id = getattr(row, f"{kind}_id")
            if owner_id is not None:
                owner, owner_ref = kind, s.get(row_type, owner_id).ref
        store.audit(s, owner, owner_ref, "detach", {
            "attachment": [{"file": row.filename, "sha256": row.sha256, "kind": row.kind}, None]})
        s.delete(row)


def list_attachments(store: Store, owner: str, ref: str) -> list[AttachmentInfo]:
    with store.session() as s:
        target = by_ref(s, OWNERS[owner], ref, owner)
        column = getattr(AttachmentRow, f"{owner}_id")
        rows = s.scalars(select(AttachmentRow).where(column == target.id).order_by(AttachmentRow.id))
        return [convert.attachment(r) for r in rows]


def blob(store: Store, digest: str) -> bytes:
    with store.session() as s:
        row = s.get(BlobRow, digest)
        if row is None:
            raise ValidationError("not_found", "sha256", kind="file", ref=digest)
        return row.data


def find_by_hash(store: Store, digest: str) -> list[tuple[str, str]]:
    """Who already holds this file: ``[(owner kind, ref)]`` — for the duplicate-receipt warning."""
    with store.session() as s:
        out = []
        for row in s.scalars(select(AttachmentRow).where(AttachmentRow.sha256 == digest)):
            for owner, row_type in OWNERS.items():
                owner_id = getattr(row, f"{owner}_id")
                if owner_id is not None:
                    out.append((owner, s.get(row_type, owner_id).ref))
        return out
