"""Dashboard figures: spent from the example's own rates, claims counted by the engine's rules."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from lei_desktop.domain.fx import FxRate, RateTable, convert
from lei_desktop.services import dashboard


def _spent_from_file(example_path) -> Decimal:
    doc = json.loads(example_path.read_text(encoding="utf-8"), parse_float=Decimal)
    table = RateTable(FxRate(date.fromisoformat(r["date"]), r["currency"], Decimal(str(r["rate"])), int(r.get("per", 1)))
                      for r in doc["fx_rates"])
    total = Decimal("0.00")
    for e in doc["expenses"]:
        basis = date.fromisoformat(e["paid_on"])
        used = table.rate_for(e["currency"], basis)
        total += convert(Decimal(str(e["amount"])), used.rate, used.per)
    return total


def test_spent_per_dispute_and_policy_from_the_rates(loaded_store, example_path):
    data = dashboard.figures(loaded_store)
    (policy,) = data.policies
    (d1,) = policy.disputes
    assert d1.ref == "D1" and d1.expenses == 4 and d1.unconverted == 0
    assert d1.spent == _spent_from_file(example_path) == policy.spent
    assert policy.left == policy.aggregate_limit - policy.used


def test_claimed_paid_and_limits_follow_the_claims(loaded_store):
    from lei_desktop.services import claims
    ref = claims.create_claim(loaded_store, "D1")
    draft = dashboard.figures(loaded_store).policies[0].disputes[0]
    doc = claims.assess(loaded_store, ref)
    assert draft.covered == Decimal(doc["covered"]) and draft.claimed == 0 and draft.used == 0
    claims.submit(loaded_store, ref, override="documents follow")
    submitted = dashboard.figures(loaded_store).policies[0]
    assert submitted.claimed == Decimal(doc["payable"]) == submitted.used
    claims.settle(loaded_store, ref, "1000.00", "2026-06-30")
    settled = dashboard.figures(loaded_store).policies[0]
    assert settled.paid == Decimal("1000.00") and settled.used == Decimal("1000.00")  # settled: counts as paid
    assert settled.disputes[0].left == settled.disputes[0].limit - Decimal("1000.00")
