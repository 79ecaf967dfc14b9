"""Small helpers shared by the services: look-ups by ref and the stale-edit check."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lei_desktop.domain.errors import Conflict, NotFound


def by_ref(s: Session, row_type, ref: str, kind: str, field: str = "ref"):
    row = s.scalar(select(row_type).where(row_type.ref == ref))
    if row is None:
        raise NotFound("not_found", field, kind=kind, ref=ref)
    return row


def exists(s: Session, row_type, ref: str) -> bool:
    return s.scalar(select(row_type.id).where(row_type.ref == ref)) is not None


def check_version(row, expected: int | None, kind: str) -> None:
    """Refuse an edit made on a copy older than what is stored (optimistic locking)."""
    if expected is not None and row.version != expected:
        raise Conflict("stale", "version", kind=kind, ref=getattr(row, "ref", kind))
