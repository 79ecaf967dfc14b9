"""Property tests of the settlement rules: the payable is never negative, never above either
limit's room, and never grows when an expense is removed from a claim."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lei_desktop.domain import coverage
from lei_desktop.domain.fx import FxRate, RateTable
from lei_desktop.domain.model import CategoryTerms, Consent, Expense
from lei_desktop.domain.settlement import PriorClaim, settle
from tests.domain.test_settlement import DISPUTE, POLICY

D = Decimal
START = date(2026, 4, 1)
CATEGORIES = ("attorney_fees", "travel_lodging", "translation_notarization", "other", "investigation",
              "expert_witness")
RATES = RateTable([FxRate(START + timedelta(days=i), "USD", D("7.1234") + D(i) / 1000) for i in range(0, 30, 3)]
                  + [FxRate(START, "JPY", D("4.6128"), 100)])

cny = st.integers(min_value=0, max_value=5_000_000_00).map(lambda n: D(n).scaleb(-2))
small_cny = st.integers(min_value=0, max_value=200_000_00).map(lambda n: D(n).scaleb(-2))


@st.composite
def policies(draw):
    terms = (
        ("attorney_fees", CategoryTerms(True)),
        ("travel_lodging", CategoryTerms(True, sub_limit=draw(st.none() | small_cny))),
        ("translation_notarization", CategoryTerms(True, requires_consent=True)),
        ("other", CategoryTerms(True, requires_consent=True, sub_limit=draw(st.none() | small_cny))),
        ("investigation", CategoryTerms(draw(st.booleans()))),
        ("expert_witness", CategoryTerms(True)),
    )
    return replace(
        POLICY, cost_categories=terms, deductible=draw(small_cny),
        coinsurance=D(draw(st.integers(min_value=0, max_value=100))) / 100,
        per_claim_limit=draw(cny), aggregate_limit=draw(cny),
    )


@st.composite
def expenses(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    out = []
    for i in range(n):
        currency = draw(st.sampled_from(("CNY", "USD", "JPY")))
        minor = draw(st.integers(min_value=1, max_value=5_000_000))
        amount = D(minor) if currency == "JPY" else D(minor).scaleb(-2)
        paid = START + timedelta(days=draw(st.integers(min_value=0, max_value=29)))
        out.append(Expense(ref=f"E{i + 1}", dispute="D1", category=draw(st.sampled_from(CATEGORIES)), amount=amount,
                           currency=currency, invoice_date=paid - timedelta(days=draw(st.integers(0, 60))),
                           paid_on=paid, incurred_by_insured_staff=draw(st.booleans())))
    return out


consents = st.lists(st.builds(
    lambda i, day, cats, cap: Consent(f"C{i}", "D1", START + timedelta(days=day), cats, cap=cap),
    st.integers(1, 3), st.integers(-5, 29),
    st.sampled_from((("translation_notarization",), ("other",), ("translation_notarization", "other"))),
    st.none() | small_cny,
), max_size=3, unique_by=lambda c: c.ref)

priors = st.lists(st.builds(
    lambda i, dispute, status, payable, paid, ded: PriorClaim(
        f"CL-{i}", dispute, status, payable, paid, (("travel_lodging", payable),), ded),
    st.integers(1, 50), st.sampled_from(("D1", "D2")), st.sampled_from(("submitted", "under_review", "settled")),
    small_cny, small_cny, small_cny,
), max_size=4, unique_by=lambda p: p.ref)


def payable(policy, exps, cons, prior):
    lines = coverage.assess_lines(policy, DISPUTE, exps, cons, RATES)
    return settle(policy, "D1", [r.line for r in lines], prior), lines


@settings(max_examples=150, deadline=None)
@given(policies(), expenses(), consents, priors)
def test_payable_is_never_negative_nor_above_either_limit(policy, exps, cons, prior):
    s, lines = payable(policy, exps, cons, prior)
    assert s.payable >= 0
    assert s.payable <= s.insurer_share or s.payable == 0
    assert s.payable <= max(D(0), policy.per_claim_limit - sum((p.counted for p in prior if p.dispute == "D1"), D(0)))
    assert s.payable <= max(D(0), policy.aggregate_limit - sum((p.counted for p in prior), D(0)))
    assert s.payable <= policy.per_claim_limit and s.payable <= policy.aggregate_limit
    assert s.payable == s.payable.quantize(D("0.01"))
    # what counts never exceeds what was spent, and sub-limits are respected
    assert s.covered <= sum((r.line.cny or 0 for r in lines), D(0))
    assert s.gross <= s.covered


@settings(max_examples=150, deadline=None)
@given(policies(), expenses(), consents, priors, st.data())
def test_removing_an_expense_never_raises_the_payable(policy, exps, cons, prior, data):
    full, _ = payable(policy, exps, cons, prior)
    i = data.draw(st.integers(min_value=0, max_value=len(exps) - 1))
    fewer, _ = payable(policy, exps[:i] + exps[i + 1:], cons, prior)
    assert fewer.payable <= full.payable
    assert fewer.covered <= full.covered


@settings(max_examples=150, deadline=None)
@given(policies(), expenses(), st.lists(st.builds(
    lambda day, cap: Consent("C1", "D1", START + timedelta(days=day), ("translation_notarization", "other"), cap=cap),
    st.integers(-5, 29), st.none() | small_cny), max_size=1), st.data())
def test_splitting_a_claim_into_initial_and_supplementary_changes_nothing_but_rounding(policy, exps, cons, data):
    """Sub-limits, the deductible and a consent cap carry over from the first claim to the
    supplementary one: together they pay what one claim would (± one fen of co-payment rounding).

    The supplementary claim holds the later payments, as it does in life: a consent cap is consumed
    in payment-date order, and what an earlier claim already took of it comes off first (see
    docs/claims.md, "Readings of the contract"), so a split that puts an earlier payment in the
    supplementary claim may rightly differ."""
    from lei_desktop.domain.settlement import consent_use_of

    policy = replace(policy, per_claim_limit=D("1E12"), aggregate_limit=D("1E12"))
    ordered = sorted(exps, key=lambda e: (e.paid_on, coverage.natural_key(e.ref)))
    cut = data.draw(st.integers(0, len(ordered)))
    first, second = ordered[:cut], ordered[cut:]
    whole, _ = payable(policy, exps, cons, [])
    s1, lines1 = payable(policy, first, cons, [])
    prior = PriorClaim("CL-1", "D1", "submitted", s1.payable, allowed=tuple((c.category, c.allowed) for c in s1.categories),
                       deductible_applied=s1.deductible_applied)
    used = consent_use_of({"lines": [{"consent_use": [{"consent": c, "cny": str(a)} for c, a in r.consent_use]}
                                     for r in lines1]})
    lines2 = coverage.assess_lines(policy, DISPUTE, second, cons, RATES, consent_used_before=used)
    s2 = settle(policy, "D1", [r.line for r in lines2], [prior])
    assert s1.gross + s2.gross == whole.gross
    assert abs(s1.payable + s2.payable - whole.payable) <= D("0.01")
