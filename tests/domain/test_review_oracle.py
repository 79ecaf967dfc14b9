"""The engine against an independent, deliberately plain re-reading of settlement.md §4–§6.

The oracle below is written from the contract's text (and the readings in docs/claims.md), not from
the engine's code: each rule is one obvious loop. Hypothesis draws policies, expenses in three
currencies (USD on every third day, so weekends and gaps take the last earlier rate; JPY per 100),
consents with caps and grant dates, what earlier claims used of each consent, and prior claims of
this and another dispute; every line's decision and covered CNY and every §6 figure must agree.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lei_desktop.domain import coverage
from lei_desktop.domain.settlement import settle
from tests.domain.test_review_readings import DISPUTE
from tests.domain.test_settlement_properties import RATES, consents, expenses, policies, priors

D = Decimal
ZERO = D("0.00")
STAFF_CATEGORIES = {"expert_witness", "witness_appearance"}


def _cent(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def _rate(currency, day):
    if currency == "CNY":
        return D(1), 1
    known = [r for r in RATES if r.currency == currency and r.on_date <= day]
    if not known:
        return None
    best = max(known, key=lambda r: r.on_date)
    return best.rate, best.per


def _natural(ref):
    return int(ref[1:])  # the drawn refs are E1, E2, ...


def oracle_lines(policy, exps, cons, used_before, dispute=DISPUTE):
    terms = dict(policy.cost_categories)
    out = {}
    for e in exps:
        t = terms[e.category]
        decision = "excluded" if dispute.known_before_inception else None  # a §3 failure excludes every line
        if not t.covered:
            decision = decision or "excluded"
        if e.invoice_date < DISPUTE.first_asserted_on:
            decision = decision or "excluded"
        if e.incurred_by_insured_staff and e.category in STAFF_CATEGORIES:
            decision = decision or "excluded"
        eligible = []
        if t.requires_consent:
            eligible = sorted((c for c in cons if e.category in c.categories and c.granted_on <= e.paid_on),
                              key=lambda c: (c.granted_on, int(c.ref[1:])))
            if not eligible:
                decision = decision or "needs_consent"
        rate = _rate(e.currency, e.invoice_date if policy.fx_basis == "invoice_date" else e.paid_on)
        cny = _cent(e.amount * rate[0] / rate[1]) if rate else None
        if rate is None:
            decision = decision or "blocked"
        out[e.ref] = [decision, cny, eligible]
    left = {c.ref: (None if c.cap is None else c.cap - used_before.get(c.ref, ZERO)) for c in cons}
    result = {}
    for e in sorted(exps, key=lambda e: (e.paid_on, _natural(e.ref))):
        decision, cny, eligible = out[e.ref]
        if decision is not None:
            result[e.ref] = (decision, ZERO)
            continue
        if not eligible:  # no consent needed
            result[e.ref] = ("covered", cny)
            continue
        need = cny
        for c in eligible:
            take = need if left[c.ref] is None else min(need, max(ZERO, left[c.ref]))
            if left[c.ref] is not None:
                left[c.ref] -= take
            need -= take
        result[e.ref] = ("covered" if need == 0 else "needs_consent", cny - need)
    return result


def oracle_settle(policy, exps, lines, prior):
    by_cat = {}
    for e in exps:
        by_cat[e.category] = by_cat.get(e.category, ZERO) + lines[e.ref][1]
    mine = [p for p in prior if p.dispute == "D1"]
    gross = ZERO
    for cat, amount in by_cat.items():
        sub = dict(policy.cost_categories)[cat].sub_limit
        if sub is None:
            gross += amount
        else:
            used = sum((dict(p.allowed).get(cat, ZERO) for p in mine), ZERO)
            gross += min(amount, max(ZERO, sub - used))
    ded = min(gross, max(ZERO, policy.deductible - sum((p.deductible_applied for p in mine), ZERO)))
    share = _cent((gross - ded) * policy.coinsurance)

    def counted(p):
        return p.paid if p.status == "settled" else p.payable

    payable = max(ZERO, min(share, policy.per_claim_limit - sum((counted(p) for p in mine), ZERO),
                            policy.aggregate_limit - sum((counted(p) for p in prior), ZERO)))
    return gross, ded, share, payable


used_caps = st.dictionaries(st.sampled_from(("C1", "C2", "C3")),
                            st.integers(0, 100_000_00).map(lambda n: D(n).scaleb(-2)), max_size=3)


@settings(max_examples=300, deadline=None)
@given(policies(), expenses(), consents, priors, used_caps, st.sampled_from(("payment_date", "invoice_date")),
       st.booleans())
def test_engine_agrees_with_an_independent_reading(policy, exps, cons, prior, used, basis, known):
    policy = replace(policy, fx_basis=basis)
    dispute = replace(DISPUTE, known_before_inception=known)
    used = {k: v for k, v in used.items() if any(c.ref == k for c in cons)}
    results = coverage.assess_lines(policy, dispute, exps, cons, RATES, consent_used_before=used)
    expected = oracle_lines(policy, exps, cons, used, dispute)
    got = {r.line.expense: (r.decision, r.line.covered_cny) for r in results}
    assert got == expected
    st_ = settle(policy, "D1", [r.line for r in results], prior)
    gross, ded, share, payable = oracle_settle(policy, exps, expected, prior)
    assert (st_.gross, st_.deductible_applied, st_.insurer_share, st_.payable) == (gross, ded, share, payable)


def test_oracle_reads_the_worked_example_of_section_7():
    # a sanity check of the oracle itself on settlement.md §7 (USD 7.1234 on 04-01, JPY not used)
    from tests.domain.test_settlement import POLICY, exp

    policy = replace(POLICY)
    exps = [exp("E1", "attorney_fees", "12500.00"), exp("E3", "travel_lodging", "2000.00"),
            exp("E4", "other", "3000.00")]
    lines = oracle_lines(policy, exps, [], {})
    assert lines == {"E1": ("covered", D("89042.50")), "E3": ("covered", D("14246.80")),
                     "E4": ("needs_consent", ZERO)}
    assert date(2026, 4, 1) == exps[0].paid_on
