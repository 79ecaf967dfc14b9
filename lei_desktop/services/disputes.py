"""Disputes (one overseas proceeding each) and the insurer's written consents for them."""

from __future__ import annotations

from sqlalchemy import func, select

from lei_desktop.domain.errors import Conflict
from lei_desktop.domain.model import Consent, Dispute
from lei_desktop.services import convert
from lei_desktop.services.common import by_ref, check_version, exists
from lei_desktop.services.store import Store
from lei_desktop.store.models import ClaimRow, ConsentRow, DisputeRow, ExpenseRow, PolicyRow


def list_disputes(store: Store, policy: str | None = None) -> list[Dispute]:
    with store.session() as s:
        q = select(DisputeRow).order_by(DisputeRow.first_asserted_on, DisputeRow.ref)
        if policy:
            q = q.join(PolicyRow).where(PolicyRow.ref == policy)
        return [convert.dispute(r) for r in s.scalars(q)]


def get_dispute(store: Store, ref: str) -> Dispute:
    with store.session() as s:
        return convert.dispute(by_ref(s, DisputeRow, ref, "dispute"))


def _write_dispute(s, row: DisputeRow, d: Dispute) -> None:
    for key, value in convert.dispute_values(d).items():
        setattr(row, key, value)
    row.policy = by_ref(s, PolicyRow, d.policy, "policy", "policy")


def create_dispute(store: Store, d: Dispute) -> Dispute:
    with store.session() as s:
        if exists(s, DisputeRow, d.ref):
            raise Conflict("duplicate_ref", "ref", kind="dispute", ref=d.ref)
        row = DisputeRow()
        _write_dispute(s, row, d)
        s.add(row)
        s.flush()
        after = convert.dispute(row)
        store.audit(s, "dispute", d.ref, "create", convert.diff(None, after))
        return after


def update_dispute(store: Store, ref: str, d: Dispute, expected_version: int | None = None) -> Dispute:
    with store.session() as s:
        row = by_ref(s, DisputeRow, ref, "dispute")
        check_version(row, expected_version, "dispute")
        if d.ref != ref and exists(s, DisputeRow, d.ref):
            raise Conflict("duplicate_ref", "ref", kind="dispute", ref=d.ref)
        before = convert.dispute(row)
        _write_dispute(s, row, d)
        s.flush()
        after = convert.dispute(row)
        changes = convert.diff(before, after)
        if changes:
            store.audit(s, "dispute", d.ref, "update", changes)
        return after


def delete_dispute(store: Store, ref: str) -> None:
    with store.session() as s:
        row = by_ref(s, DisputeRow, ref, "dispute")
        for table, label in ((ExpenseRow, "expense"), (ConsentRow, "consent"), (ClaimRow, "claim")):
            used = s.scalar(select(func.count(table.id)).where(table.dispute_id == row.id))
            if used:
                raise Conflict("in_use", "ref", kind="dispute", ref=ref, count=used, by_kind=label)
        store.audit(s, "dispute", ref, "delete", convert.diff(convert.dispute(row), None))
        s.delete(row)


def list_consents(store: Store, dispute: str | None = None) -> list[Consent]:
    with store.session() as s:
        q = select(ConsentRow).order_by(ConsentRow.granted_on, ConsentRow.ref)
        if dispute:
            q = q.join(DisputeRow).where(DisputeRow.ref == dispute)
        return [convert.consent(r) for r in s.scalars(q)]


def _write_consent(s, row: ConsentRow, c: Consent) -> None:
    for key, value in convert.consent_values(c).items():
        setattr(row, key, value)
    row.dispute = by_ref(s, DisputeRow, c.dispute, "dispute", "dispute")


def create_consent(store: Store, c: Consent) -> Consent:
    with store.session() as s:
        if exists(s, ConsentRow, c.ref):
            raise Conflict("duplicate_ref", "ref", kind="consent", ref=c.ref)
        row = ConsentRow()
        _write_consent(s, row, c)
        s.add(row)
        s.flush()
        after = convert.consent(row)
        store.audit(s, "consent", c.ref, "create", convert.diff(None, after))
        return after


def update_consent(store: Store, ref: str, c: Consent, expected_version: int | None = None) -> Consent:
    with store.session() as s:
        row = by_ref(s, ConsentRow, ref, "consent")
        check_version(row, expected_version, "consent")
        before = convert.consent(row)
        _write_consent(s, row, c)
        s.flush()
        after = convert.consent(row)
        changes = convert.diff(before, after)
        if changes:
            store.audit(s, "consent", c.ref, "update", changes)
        return after


def delete_consent(store: Store, ref: str) -> None:
    with store.session() as s:
        row = by_ref(s, ConsentRow, ref, "consent")
        store.audit(s, "consent", ref, "delete", convert.diff(convert.consent(row), None))
        s.delete(row)


def upsert_dispute(s, store: Store, d: Dispute) -> str:
    row = s.scalar(select(DisputeRow).where(DisputeRow.ref == d.ref))
    before = convert.dispute(row) if row else None
    new = row is None
    if new:
        row = DisputeRow()
    _write_dispute(s, row, d)
    if new:
        s.add(row)
    s.flush()
    changes = convert.diff(before, convert.dispute(row))
    action = "create" if before is None else ("update" if changes else "same")
    if action != "same":
        store.audit(s, "dispute", d.ref, action, changes)
    return action


def upsert_consent(s, store: Store, c: Consent) -> str:
    row = s.scalar(select(ConsentRow).where(ConsentRow.ref == c.ref))
    before = convert.consent(row) if row else None
    new = row is None
    if new:
        row = ConsentRow()
    _write_consent(s, row, c)
    if new:
        s.add(row)
    s.flush()
    changes = convert.diff(before, convert.consent(row))
    action = "create" if before is None else ("update" if changes else "same")
    if action != "same":
        store.audit(s, "consent", c.ref, action, changes)
    return action
