"""Policies with their coverage terms."""

from __future__ import annotations

from sqlalchemy import func, select

from lei_desktop.domain.errors import Conflict
from lei_desktop.domain.model import Policy
from lei_desktop.services import convert
from lei_desktop.services.common import by_ref, check_version, exists
from lei_desktop.services.store import Store
from lei_desktop.store.models import DisputeRow, PolicyRow


def list_policies(store: Store) -> list[Policy]:
    with store.session() as s:
        return [convert.policy(r) for r in s.scalars(select(PolicyRow).order_by(PolicyRow.period_start, PolicyRow.ref))]


def get_policy(store: Store, ref: str) -> Policy:
    with store.session() as s:
        return convert.policy(by_ref(s, PolicyRow, ref, "policy"))


def _write(row: PolicyRow, p: Policy) -> None:
    for key, value in convert.policy_values(p).items():
        setattr(row, key, value)
    # update in place by category (a delete-then-insert would trip the unique constraint mid-flush)
    existing = {c.category: c for c in row.categories}
    wanted = convert.policy_category_rows(p)
    keep = []
    for new in wanted:
        old = existing.get(new.category)
        if old is None:
            keep.append(new)
            continue
        old.position, old.covered, old.requires_consent, old.sub_limit = (
            new.position, new.covered, new.requires_consent, new.sub_limit)
        keep.append(old)
    row.categories[:] = keep


def create_policy(store: Store, p: Policy) -> Policy:
    with store.session() as s:
        if exists(s, PolicyRow, p.ref):
            raise Conflict("duplicate_ref", "ref", kind="policy", ref=p.ref)
        row = PolicyRow()
        _write(row, p)
        s.add(row)
        s.flush()
        after = convert.policy(row)
        store.audit(s, "policy", p.ref, "create", convert.diff(None, after))
        return after


def update_policy(store: Store, ref: str, p: Policy, expected_version: int | None = None) -> Policy:
    with store.session() as s:
        row = by_ref(s, PolicyRow, ref, "policy")
        check_version(row, expected_version, "policy")
        if p.ref != ref and exists(s, PolicyRow, p.ref):
            raise Conflict("duplicate_ref", "ref", kind="policy", ref=p.ref)
        before = convert.policy(row)
        _write(row, p)
        s.flush()
        after = convert.policy(row)
        changes = convert.diff(before, after)
        if changes:
            store.audit(s, "policy", p.ref, "update", changes)
        return after


def delete_policy(store: Store, ref: str) -> None:
    with store.session() as s:
        row = by_ref(s, PolicyRow, ref, "policy")
        used = s.scalar(select(func.count(DisputeRow.id)).where(DisputeRow.policy_id == row.id))
        if used:
            raise Conflict("in_use", "ref", kind="policy", ref=ref, count=used, by_kind="dispute")
        store.audit(s, "policy", ref, "delete", convert.diff(convert.policy(row), None))
        s.delete(row)



def upsert_policy(s, store: Store, p: Policy) -> str:
    """Add or update by ref inside an existing unit of work; returns 'create', 'update' or 'same'."""
    row = s.scalar(select(PolicyRow).where(PolicyRow.ref == p.ref))
    before = convert.policy(row) if row else None
    if row is None:
        row = PolicyRow()
        s.add(row)
    _write(row, p)
    s.flush()
    changes = convert.diff(before, convert.policy(row))
    action = "create" if before is None else ("update" if changes else "same")
    if action != "same":
        store.audit(s, "policy", p.ref, action, changes)
    return action
