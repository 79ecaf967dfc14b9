"""Expenses: create, read, update, delete; refused once frozen in a submitted claim."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from lei_desktop.domain.errors import Conflict
from lei_desktop.domain.model import ACTIVE_CLAIM_STATUSES, Expense
from lei_desktop.services import convert
from lei_desktop.services.common import by_ref, check_version, exists
from lei_desktop.services.store import Store, now
from lei_desktop.store.models import ClaimExpenseRow, ClaimLineRow, ClaimRow, DisputeRow, ExpenseRow


def frozen_in(s: Session, expense_id: int) -> str | None:
    """The ref of the submitted, under-review or settled claim that holds this expense, if any."""
    via_lines = select(ClaimRow.ref).join(ClaimLineRow, ClaimLineRow.claim_id == ClaimRow.id).where(
        ClaimLineRow.expense_id == expense_id, ClaimRow.status.in_(ACTIVE_CLAIM_STATUSES)
    )
    via_members = select(ClaimRow.ref).join(ClaimExpenseRow, ClaimExpenseRow.claim_id == ClaimRow.id).where(
        ClaimExpenseRow.expense_id == expense_id, ClaimRow.status.in_(ACTIVE_CLAIM_STATUSES)
    )
    return s.scalar(via_lines.limit(1)) or s.scalar(via_members.limit(1))


def refuse_if_frozen(s: Session, row: ExpenseRow) -> None:
    claim = frozen_in(s, row.id)
    if claim:
        raise Conflict("frozen", "ref", ref=row.ref, claim=claim)


def _load(s: Session, ref: str) -> ExpenseRow:
    return by_ref(s, ExpenseRow, ref, "expense")


def get_expense(store: Store, ref: str) -> Expense:
    with store.session() as s:
        return convert.expense(_load(s, ref))


def list_expenses(store: Store, dispute: str | None = None) -> list[Expense]:
    with store.session() as s:
        q = (
            select(ExpenseRow)
            .options(selectinload(ExpenseRow.attachments), selectinload(ExpenseRow.dispute))
            .order_by(ExpenseRow.paid_on, ExpenseRow.ref)
        )
        if dispute:
            q = q.join(DisputeRow).where(DisputeRow.ref == dispute)
        return [convert.expense(r) for r in s.scalars(q)]


def _write(s: Session, row: ExpenseRow, e: Expense) -> None:
    for key, value in convert.expense_values(e).items():
        setattr(row, key, value)
    row.dispute = by_ref(s, DisputeRow, e.dispute, "dispute", "dispute")


def create_expense(store: Store, e: Expense) -> Expense:
    with store.session() as s:
        return add_expense(store, s, e)


def add_expense(store: Store, s: Session, e: Expense) -> Expense:
    """Create inside an existing unit of work (imports add many in one transaction)."""
    if exists(s, ExpenseRow, e.ref):
        raise Conflict("duplicate_ref", "ref", kind="expense", ref=e.ref)
    row = ExpenseRow(created_at=now())
    _write(s, row, e)
    s.add(row)
    s.flush()
    after = convert.expense(row, with_attachments=False)
    store.audit(s, "expense", e.ref, "create", convert.diff(None, after))
    return after


def update_expense(store: Store, ref: str, e: Expense, expected_version: int | None = None) -> Expense:
    with store.session() as s:
        row = _load(s, ref)
        check_version(row, expected_version, "expense")
        refuse_if_frozen(s, row)
        if e.ref != ref and exists(s, ExpenseRow, e.ref):
            raise Conflict("duplicate_ref", "ref", kind="expense", ref=e.ref)
        before = convert.expense(row)
        _write(s, row, e)
        s.flush()
        after = convert.expense(row)
        changes = convert.diff(before, after)
        if changes:
            store.audit(s, "expense", e.ref, "update", changes)
        return after


def delete_expense(store: Store, ref: str, expected_version: int | None = None) -> None:
    with store.session() as s:
        row = _load(s, ref)
        check_version(row, expected_version, "expense")
        refuse_if_frozen(s, row)
        in_draft = s.scalar(select(func.count(ClaimExpenseRow.id)).where(ClaimExpenseRow.expense_id == row.id))
        if in_draft:
            s.execute(ClaimExpenseRow.__table__.delete().where(ClaimExpenseRow.expense_id == row.id))
        store.audit(s, "expense", ref, "delete", convert.diff(convert.expense(row), None))
        s.delete(row)


def next_ref(store: Store, prefix: str = "E") -> str:
    """A fresh expense reference: the prefix and the next free number."""
    with store.session() as s:
        count = s.scalar(select(func.count(ExpenseRow.id))) or 0
        n = count + 1
        while exists(s, ExpenseRow, f"{prefix}{n}"):
            n += 1
        return f"{prefix}{n}"


# --- paged query for big tables -------------------------------------------------------------------

SORTABLE = {
    "ref": ExpenseRow.ref,
    "dispute": DisputeRow.ref,
    "category": ExpenseRow.category,
    "payee": ExpenseRow.payee,
    "invoice_number": ExpenseRow.invoice_number,
    "invoice_date": ExpenseRow.invoice_date,
    "paid_on": ExpenseRow.paid_on,
    "currency": ExpenseRow.currency,
    "amount": ExpenseRow.amount_minor,
    "description_en": ExpenseRow.description_en,
    "description_zh": ExpenseRow.description_zh,
}


@dataclass(frozen=True)
class ExpenseQuery:
    """What the expenses table shows: filter and sort are done in SQL."""

    dispute: str | None = None
    text: str = ""
    category: str | None = None
    currency: str | None = None
    sort: str = "paid_on"
    descending: bool = False
    paid_from: date | None = None  # paid on or after (inclusive)
    paid_to: date | None = None  # paid on or before (inclusive)


def _filtered(q, query: ExpenseQuery):
    if query.dispute:
        q = q.where(DisputeRow.ref == query.dispute)
    if query.category:
        q = q.where(ExpenseRow.category == query.category)
    if query.currency:
        q = q.where(ExpenseRow.currency == query.currency)
    if query.paid_from is not None:
        q = q.where(ExpenseRow.paid_on >= query.paid_from)
    if query.paid_to is not None:
        q = q.where(ExpenseRow.paid_on <= query.paid_to)
    if query.text:
        like = f"%{query.text}%"
        q = q.where(
            or_(
                ExpenseRow.ref.like(like),
                ExpenseRow.payee.like(like),
                ExpenseRow.invoice_number.like(like),
                ExpenseRow.description_en.like(like),
                ExpenseRow.description_zh.like(like),
            )
        )
    return q


def count_expenses(store: Store, query: ExpenseQuery = ExpenseQuery()) -> int:
    with store.session() as s:
        q = _filtered(select(func.count(ExpenseRow.id)).join(DisputeRow), query)
        return s.scalar(q) or 0


def page_expenses(store: Store, query: ExpenseQuery, offset: int, limit: int) -> list[Expense]:
    """Rows ``offset .. offset+limit`` of the query (attachments not loaded: fast for big tables)."""
    columns = [SORTABLE.get(query.sort, ExpenseRow.paid_on)]
    if query.sort == "amount":  # amounts compare only within a currency
        columns.insert(0, ExpenseRow.currency)
    columns.append(ExpenseRow.id)
    order = [c.desc() if query.descending else c.asc() for c in columns]
    with store.session() as s:
        q = _filtered(select(ExpenseRow).join(DisputeRow), query)
        q = q.order_by(*order).offset(offset).limit(limit).options(selectinload(ExpenseRow.dispute))
        return [convert.expense(row, with_attachments=False) for row in s.scalars(q)]


def upsert_expense(s: Session, store: Store, e: Expense) -> str:
    """Add or update by ref; an expense frozen in a submitted claim may only come back unchanged."""
    row = s.scalar(select(ExpenseRow).where(ExpenseRow.ref == e.ref))
    if row is None:
        add_expense(store, s, e)
        return "create"
    before = convert.expense(row, with_attachments=False)
    changes = convert.diff(before, e)
    if not changes:
        return "same"
    refuse_if_frozen(s, row)
    _write(s, row, e)
    s.flush()
    store.audit(s, "expense", e.ref, "update", changes)
    return "update"
