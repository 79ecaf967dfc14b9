"""Where settlement.md leaves room, the reading the engine takes (docs/claims.md, "Readings of the
contract"). Each test names the reading; the figures are derived in the comments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from lei_desktop.domain import coverage
from lei_desktop.domain.model import Consent
from lei_desktop.domain.settlement import PriorClaim, settle
from tests.domain.test_settlement import DISPUTE, POLICY, codes, exp, lines_of

D = Decimal
TRANSLATION = "translation_notarization"


def test_tie_on_payment_date_compares_references_in_natural_order():
    # E9 and E10 paid on the same day; cap 1,000.00: E9 (natural order first) takes 800.00 whole,
    # E10 gets the remaining 200.00 of its 800.00 (a plain string comparison would put E10 first).
    cap = Consent("C1", "D1", date(2026, 3, 20), (TRANSLATION,), cap=D("1000.00"))
    e9 = exp("E9", TRANSLATION, "800.00", "CNY", paid=date(2026, 4, 3))
    e10 = exp("E10", TRANSLATION, "800.00", "CNY", paid=date(2026, 4, 3))
    by = {r.line.expense: r for r in lines_of([e10, e9], [cap])}
    assert (by["E9"].decision, by["E9"].line.covered_cny) == ("covered", D("800.00"))
    assert (by["E10"].decision, by["E10"].line.covered_cny) == ("needs_consent", D("200.00"))


def test_several_consents_are_used_in_grant_order_and_only_once_granted():
    c1 = Consent("C1", "D1", date(2026, 3, 1), (TRANSLATION,), cap=D("1000.00"))
    c2 = Consent("C2", "D1", date(2026, 4, 2), (TRANSLATION,), cap=D("5000.00"))
    # E1 paid 04-01: only C1 was granted by then -> 1,000.00 of 3,000.00 covered, 2,000.00 needs consent
    # E2 paid 04-03: C1 is used up, C2 (granted 04-02) covers its 3,000.00
    e1 = exp("E1", TRANSLATION, "3000.00", "CNY", paid=date(2026, 4, 1))
    e2 = exp("E2", TRANSLATION, "3000.00", "CNY", paid=date(2026, 4, 3))
    r1, r2 = lines_of([e1, e2], [c2, c1])
    assert (r1.decision, r1.line.covered_cny, r1.consent_use) == ("needs_consent", D("1000.00"), (("C1", D("1000.00")),))
    assert (r2.decision, r2.line.covered_cny, r2.consent_use) == ("covered", D("3000.00"), (("C2", D("3000.00")),))


def test_a_cap_used_up_by_earlier_claims_leaves_nothing():
    cap = Consent("C1", "D1", date(2026, 3, 20), (TRANSLATION,), cap=D("1000.00"))
    (r,) = lines_of([exp("E1", TRANSLATION, "500.00", "CNY")], [cap], consent_used_before={"C1": D("1000.00")})
    assert (r.decision, codes(r), r.line.covered_cny, r.consent_use) == ("needs_consent", ["consent_cap"], D("0.00"), ())
    assert "0.00" in coverage.reason_json(r.line.reasons[0])["en"]


def test_blocked_and_excluded_lines_use_no_consent():
    # E1 (paid first) has no rate (GBP) and E2 (paid second) is invoiced before the dispute:
    # neither uses the cap, so E3 gets all of its 1,000.00.
    cap = Consent("C1", "D1", date(2026, 3, 20), (TRANSLATION,), cap=D("1000.00"))
    e1 = exp("E1", TRANSLATION, "100.00", "GBP", paid=date(2026, 4, 1))
    e2 = exp("E2", TRANSLATION, "900.00", "CNY", paid=date(2026, 4, 2), invoice_date=date(2026, 2, 1))
    e3 = exp("E3", TRANSLATION, "1000.00", "CNY", paid=date(2026, 4, 3))
    r1, r2, r3 = lines_of([e1, e2, e3], [cap])
    assert (r1.decision, r2.decision) == ("blocked", "excluded")
    assert (r3.decision, r3.line.covered_cny) == ("covered", D("1000.00"))


def test_unknown_infringement_start_passes_the_retroactive_check():
    policy = replace(POLICY, retroactive_date=date(2025, 1, 1))
    assert coverage.dispute_reasons(policy, replace(DISPUTE, infringement_began_on=None)) == []
    assert [r.code for r in coverage.dispute_reasons(
        policy, replace(DISPUTE, infringement_began_on=date(2024, 12, 31)))] == ["before_retroactive_date"]


def test_invoice_date_basis_without_an_invoice_date_is_blocked_not_taken_from_the_payment():
    policy = replace(POLICY, fx_basis="invoice_date")
    (r,) = lines_of([exp("E1", invoice_date=None)], policy=policy)
    assert (r.decision, codes(r)) == ("blocked", ["no_fx_rate"])
    assert "invoice date" in coverage.reason_json(r.line.reasons[0])["en"]


def test_rooms_may_go_negative_but_payable_is_floored_at_zero():
    # a settled prior claim of D1 paid 1,200,000.00 (above the 1,000,000.00 per-claim limit):
    # room = 1,000,000 − 1,200,000 = −200,000.00; payable = max(0, min(share, −200,000, ...)) = 0.00
    prior = PriorClaim("CL-1", "D1", "settled", payable=D("1000000.00"), paid=D("1200000.00"),
                       deductible_applied=D("20000.00"))
    lines = [r.line for r in lines_of([exp("E1", amount="10000.00")])]
    st = settle(POLICY, "D1", lines, [prior])
    # 10,000 USD × 7.1234 = 71,234.00; deductible used up by the prior -> 0; × 0.80 = 56,987.20
    assert (st.gross, st.deductible_applied, st.insurer_share) == (D("71234.00"), D("0.00"), D("56987.20"))
    assert (st.per_claim_room, st.payable) == (D("-200000.00"), D("0.00"))


def test_settled_prior_counts_at_the_sum_of_its_payments_and_an_open_one_at_its_payable():
    settled = PriorClaim("CL-1", "D2", "settled", payable=D("100000.00"), paid=D("90000.00"))
    open_ = PriorClaim("CL-2", "D3", "under_review", payable=D("50000.00"), paid=D("10000.00"))
    st = settle(POLICY, "D1", [r.line for r in lines_of([exp("E1")])], [settled, open_])
    # 90,000.00 (paid) + 50,000.00 (payable, though 10,000.00 was paid) = 140,000.00
    assert (st.aggregate_prior, st.per_claim_prior) == (D("140000.00"), D("0.00"))
