"""Claims engine: the full rules over many lines vs bare Decimal conversion; assessing a demo
claim through the services vs reading the same expenses through the services."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from bench.run import row, timed

N = 2_000


def _inputs():
    from lei_desktop.domain.fx import FxRate, RateTable
    from lei_desktop.domain.model import Consent, Expense
    from tests.domain.test_settlement import DISPUTE, POLICY

    start = date(2026, 4, 1)
    rates = [FxRate(start + timedelta(days=d), "USD", Decimal("7.1234") + Decimal(d) / 10000) for d in range(60)]
    cats = ("attorney_fees", "travel_lodging", "translation_notarization", "court_fees")
    exps = [Expense(f"E{i}", "D1", cats[i % 4], Decimal(100000 + i).scaleb(-2), "USD",
                    paid_on=start + timedelta(days=i % 60), invoice_date=start) for i in range(N)]
    consents = [Consent("C1", "D1", date(2026, 3, 20), ("translation_notarization",), cap=Decimal("500000.00"))]
    return POLICY, DISPUTE, exps, consents, RateTable(rates), rates


def run() -> list[dict]:
    from lei_desktop.domain import coverage
    from lei_desktop.domain.settlement import settle

    policy, dispute, exps, consents, table, rates = _inputs()
    by_day = {r.on_date: r.rate for r in rates}

    def baseline():  # the irreducible work: one lookup and one half-up conversion per line
        total = Decimal(0)
        for e in exps:
            total += (e.amount * by_day[e.paid_on]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return total

    def ours():
        lines = coverage.assess_lines(policy, dispute, exps, consents, table)
        return settle(policy, dispute.ref, [r.line for r in lines]).payable

    rows = [row(f"assess+settle {N} lines", timed(baseline), timed(ours), 40.0, "vs bare Decimal conversion")]

    from lei_desktop.services import Store, claims, demo, expenses

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3", actor="bench")
        demo.build(store, n_expenses=300, receipts=False)
        ref = claims.create_claim(store, "D3")  # the demo's draft claim holds D3's expenses... or a new one
        n_lines = len(claims.get_claim(store, ref).expense_refs)
        rows.append(row(f"claims.assess draft ({n_lines} lines)", timed(lambda: expenses.list_expenses(store, "D3")),
                        timed(lambda: claims.assess(store, ref)), 15.0, "vs list_expenses of the same dispute"))
        store.close()
    return rows
