"""The audit trail: who changed what, when, with the values before and after. Append-only.

Every service writes ``audit_event`` rows through ``Store.audit`` (amounts, currencies, links,
attachments, claim states and decisions); nothing updates or deletes them, and since revision
``0002_safety`` the database refuses an UPDATE or DELETE on the table (a trigger on SQLite and on
PostgreSQL).

API for the GUI: ``history(store, kind, ref) -> list[AuditEntry]`` — oldest first. For an expense
it includes the claim events that added it to or removed it from a claim, or froze it in one,
and the import event (LEDES invoice or CSV file) that created it.
``export-json --audit`` carries the whole trail as its ``audit`` section (loading ignores that
section: a load records its own events; without ``--audit`` the file round-trips identically).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from lei_desktop.formats import scenario as fmt
from lei_desktop.services.scenario import EXTRA_EXPORTERS, EXTRA_LOADERS, OPTIONAL_SECTIONS
from lei_desktop.services.store import Store
from lei_desktop.store.models import AuditEventRow

SECTION = "audit"
#: entities whose events list expense refs (claims; LEDES invoices and CSV files imported)
RELATED_TO_EXPENSES = ("claim", "ledes_invoice", "import")
#: event fields that list expense refs
_CLAIM_LISTS = ("expenses", "lines")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    entity: str
    ref: str
    action: str
    changes: dict

    def as_json(self) -> dict:
        at = self.at if self.at.tzinfo else self.at.replace(tzinfo=UTC)  # SQLite keeps UTC without the zone
        return {"at": at.astimezone(UTC).isoformat(), "actor": self.actor, "entity": self.entity, "ref": self.ref,
                "action": self.action, "changes": self.changes}


def _entry(row: AuditEventRow) -> AuditEntry:
    return AuditEntry(row.id, row.at, row.actor, row.entity, row.ref, row.action, dict(row.changes or {}))


def _mentions(changes: dict, ref: str) -> bool:
    for name in _CLAIM_LISTS:
        pair = changes.get(name)
        if isinstance(pair, list):
            for side in pair:
                if isinstance(side, list) and ref in side:
                    return True
    return ref in changes  # a line decision is keyed by the expense ref


def history(store: Store, kind: str, ref: str) -> list[AuditEntry]:
    """The trail of one expense, claim, dispute, consent, policy, fx_rate or company, oldest first."""
    with store.session() as s:
        rows = list(s.scalars(
            select(AuditEventRow).where(AuditEventRow.entity == kind, AuditEventRow.ref == ref)
        ))
        if kind == "expense":  # the claims that hold it and the import (LEDES invoice, CSV file) that made it
            related = s.scalars(select(AuditEventRow).where(AuditEventRow.entity.in_(RELATED_TO_EXPENSES)))
            rows += [r for r in related if _mentions(r.changes or {}, ref)]
        rows.sort(key=lambda r: r.id)
        return [_entry(r) for r in rows]


def all_events(store: Store) -> list[AuditEntry]:
    with store.session() as s:
        return [_entry(r) for r in s.scalars(select(AuditEventRow).order_by(AuditEventRow.id))]


def _export(s, path, files_dir) -> list[dict]:
    return [_entry(r).as_json() for r in s.scalars(select(AuditEventRow).order_by(AuditEventRow.id))]


def _check(raw, where: str) -> None:
    """An exported trail is history: accepted without a warning, never loaded back."""


def _load(s, store, raw, sc, report) -> None:
    return None


fmt.EXTRA_SECTIONS[SECTION] = _check
EXTRA_LOADERS[SECTION] = _load
EXTRA_EXPORTERS[SECTION] = _export
OPTIONAL_SECTIONS.add(SECTION)
