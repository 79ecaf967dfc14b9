"""Store: 10,000 expenses written through the service layer's bulk path vs raw sqlite3."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from bench.run import row, timed

N = 10_000


def _rows():
    return [(f"E{i}", 1, "attorney_fees", "Smith & Lee LLP", f"INV-{i}", "2026-04-01", "2026-04-02", 125000 + i, "USD")
            for i in range(N)]


def raw_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("create table expense (ref text unique, dispute_id int, category text, payee text, "
                "invoice_number text, invoice_date text, paid_on text, amount_minor int, currency text)")
    with con:
        con.executemany("insert into expense values (?,?,?,?,?,?,?,?,?)", _rows())
    con.close()


def ours(path: Path) -> None:
    from sqlalchemy import insert

    from lei_desktop.services import Store, scenario
    from lei_desktop.store.models import ExpenseRow

    store = Store(path)
    scenario.load(store, Path(__file__).resolve().parents[2] / "shared" / "examples" / "scenario.json")
    with store.session() as s:
        s.execute(insert(ExpenseRow), [
            dict(ref=f"X{i}", dispute_id=1, category="attorney_fees", payee="Smith & Lee LLP", invoice_number=f"INV-{i}",
                 invoice_date=date(2026, 4, 1), paid_on=date(2026, 4, 2), amount_minor=125000 + i, currency="USD",
                 description_zh="", description_en="", incurred_by_insured_staff=False, rate_override_note="",
                 utbms_code="", source="", version=1)
            for i in range(N)
        ])
    store.close()


def run() -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(10**6))
        base = timed(lambda: raw_sqlite(Path(tmp) / f"raw{next(counter)}.db"), repeat=3)
        mine = timed(lambda: ours(Path(tmp) / f"ours{next(counter)}.db"), repeat=3)
        results.append(row("store: 10k expenses, bulk insert vs raw sqlite3", base, mine, None,
                           "includes opening + migrating a new store"))
    return results
