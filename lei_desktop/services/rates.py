"""Exchange rates: the table the engine converts with."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.fx import FxRate, RateTable
from lei_desktop.services import convert
from lei_desktop.services.store import Store
from lei_desktop.store.models import FxRateRow


def list_rates(store: Store, currency: str | None = None) -> list[FxRate]:
    with store.session() as s:
        q = select(FxRateRow).order_by(FxRateRow.currency, FxRateRow.on_date)
        if currency:
            q = q.where(FxRateRow.currency == currency)
        return [convert.fx_rate(r) for r in s.scalars(q)]


def rate_table(store: Store) -> RateTable:
    return RateTable(list_rates(store))


def upsert_rates(s, store: Store, rates: Iterable[FxRate]) -> tuple[int, int]:
    """Insert or replace rates by (currency, date) in an existing unit of work: (added, changed)."""
    added = changed = 0
    for r in rates:
        row = s.scalar(select(FxRateRow).where(FxRateRow.currency == r.currency, FxRateRow.on_date == r.on_date))
        if row is None:
            s.add(FxRateRow(on_date=r.on_date, currency=r.currency, rate=r.rate, per=r.per, source=r.source))
            store.audit(s, "fx_rate", f"{r.currency}@{r.on_date}", "create", {"rate": [None, f"{r.rate:f}/{r.per}"]})
            added += 1
        elif (row.rate, row.per, row.source) != (r.rate, r.per, r.source):
            before = f"{convert.fx_rate(row).rate:f}/{row.per}"
            row.rate, row.per, row.source = r.rate, r.per, r.source
            store.audit(s, "fx_rate", f"{r.currency}@{r.on_date}", "update", {"rate": [before, f"{r.rate:f}/{r.per}"]})
            changed += 1
    s.flush()
    return added, changed


def save_rates(store: Store, rates: Iterable[FxRate]) -> tuple[int, int]:
    with store.session() as s:
        return upsert_rates(s, store, rates)


def delete_rate(store: Store, currency: str, on_date: date) -> None:
    with store.session() as s:
        row = s.scalar(select(FxRateRow).where(FxRateRow.currency == currency, FxRateRow.on_date == on_date))
        if row is None:
            raise ValidationError("not_found", "date", kind="rate", ref=f"{currency}@{on_date}")
        store.audit(s, "fx_rate", f"{currency}@{on_date}", "delete", {"rate": [f"{convert.fx_rate(row).rate:f}", None]})
        s.delete(row)
