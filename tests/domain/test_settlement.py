"""Coverage and settlement rules of shared/domain/settlement.md, one test per rule and reason code.

The worked example's expected figures are read from settlement.md itself (§7), so the test and
the contract cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from lei_desktop.domain import coverage
from lei_desktop.domain.fx import FxRate, RateOverride, RateTable
from lei_desktop.domain.model import CategoryTerms, Consent, Dispute, Expense, Policy
from lei_desktop.domain.settlement import PriorClaim, assessment_json, settle
from tests.conftest import SHARED

D = Decimal

POLICY = Policy(
    ref="P1", policy_number="PN-1", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
    territories=("US", "EU", "JP"), ip_types=("patent", "trademark"), roles=("defendant",),
    insured_products=("Smart lock X1", "Smart lock X2"),
    cost_categories=(
        ("attorney_fees", CategoryTerms(True)),
        ("court_fees", CategoryTerms(True)),
        ("expert_witness", CategoryTerms(True)),
        ("witness_appearance", CategoryTerms(True)),
        ("travel_lodging", CategoryTerms(True, sub_limit=D("50000.00"))),
        ("translation_notarization", CategoryTerms(True, requires_consent=True)),
        ("investigation", CategoryTerms(False)),
        ("other", CategoryTerms(True, requires_consent=True)),
    ),
    deductible=D("20000.00"), coinsurance=D("0.80"), per_claim_limit=D("1000000.00"),
    aggregate_limit=D("2000000.00"),
)
DISPUTE = Dispute("D1", "P1", "t", "t", "patent", "defendant", "US", date(2026, 3, 2),
                  accused_products=("Smart lock X1",))
RATES = RateTable([
    FxRate(date(2026, 4, 1), "USD", D("7.1234"), 1, "CFETS"),
    FxRate(date(2026, 4, 2), "JPY", D("4.6128"), 100, "CFETS"),
    FxRate(date(2026, 4, 3), "USD", D("7.1300"), 1, "CFETS"),  # a Friday
    FxRate(date(2026, 4, 6), "USD", D("7.1400"), 1, "CFETS"),  # the Monday after
])


def exp(ref, category="attorney_fees", amount="1000.00", currency="USD", paid=date(2026, 4, 1), **kw) -> Expense:
    kw.setdefault("invoice_date", paid)
    return Expense(ref=ref, dispute="D1", category=category, amount=D(amount), currency=currency, paid_on=paid, **kw)


def lines_of(expenses, consents=(), policy=POLICY, dispute=DISPUTE, rates=RATES, **kw):
    return coverage.assess_lines(policy, dispute, expenses, consents, rates, **kw)


def codes(result) -> list[str]:
    return [r.code for r in result.line.reasons]


# --- the worked example (§7) ------------------------------------------------------------------------

def _section7() -> str:
    text = (SHARED / "domain" / "settlement.md").read_text("utf-8")
    return text[text.index("## 7. Worked example"):]


def _num(s: str) -> Decimal:
    return D(s.replace(",", ""))


def test_worked_example_matches_settlement_md(example_path):
    from lei_desktop.formats import scenario as fmt

    doc = _section7()
    table = {m[0]: (m[1], _num(m[2]), m[3]) for m in re.findall(
        r"^\|\s*(E\d)\s*\|\s*(\w+)[^|]*\|[^|]*\|\s*([\d,]+\.\d\d)\s*\|\s*(\w+)\s*\|$", doc, re.M)}
    assert set(table) == {"E1", "E2", "E3", "E4"}
    sc = fmt.read(example_path)
    results = coverage.assess_lines(sc.policies[0], sc.disputes[0], sc.expenses, sc.consents, RateTable(sc.fx_rates))
    for r in results:
        category, cny, decision = table[r.line.expense]
        assert (r.line.category, r.line.cny, r.decision) == (category, cny, decision)
    st = settle(sc.policies[0], "D1", [r.line for r in results])
    # the figures the document's prose gives, each checked to be in the document
    stated = {"covered": "149,417.30", "gross": "139,042.50", "deductible_applied": "20,000.00",
              "after_deductible": "119,042.50", "insurer_share": "95,234.00", "payable": "95,234.00"}
    for field, figure in stated.items():
        assert figure in doc
        assert getattr(st, field) == _num(figure), field
    words = re.search(r"人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+", doc).group(0)
    assert st.payable_in_words == words
    travel = next(c for c in st.categories if c.category == "travel_lodging")
    assert travel.covered == _num("60,374.80") and travel.allowed == _num("50,000.00")
    j = assessment_json(claim="CL-X", status="draft", claim_kind="initial", supplementary_to=None,
                        policy=sc.policies[0], company=None, dispute="D1", dispute_reasons=[], lines=results,
                        settlement=st)
    assert j["payable"] == "95234.00" and j["coinsurance"] == "0.80" and j["payable_in_words"] == words
    assert [s["code"] for s in j["steps"]] == ["covered", "sub_limit", "gross", "deductible", "after_deductible",
                                               "co_payment", "per_claim_limit", "aggregate_limit", "payable"]
    e1 = j["lines"][0]
    assert (e1["rate"], e1["rate_per"], e1["rate_date"], e1["cny"], e1["covered_cny"]) == (
        "7.1234", 1, "2026-04-01", "89042.50", "89042.50")


# --- dispute checks (§3): one test per reason code --------------------------------------------------

@pytest.mark.parametrize(("code", "change"), [
    ("outside_period", dict(first_asserted_on=date(2027, 1, 2))),
    ("territory", dict(forum_country="BR")),
    ("ip_type", dict(ip_type="copyright")),
    ("role", dict(role="plaintiff")),
    ("product", dict(accused_products=("Garage door G9",))),
    ("known_before_inception", dict(known_before_inception=True)),
])
def test_dispute_reason_excludes_every_expense(code, change):
    dispute = replace(DISPUTE, **change)
    assert [r.code for r in coverage.dispute_reasons(POLICY, dispute)] == [code]
    results = lines_of([exp("E1", paid=date(2027, 4, 1)) if code == "outside_period" else exp("E1")], dispute=dispute,
                       rates=RateTable([FxRate(date(2026, 4, 1), "USD", D("7.1234"))]))
    assert results[0].decision == "excluded" and codes(results[0])[0] == code
    assert results[0].line.covered_cny == 0


def test_before_retroactive_date():
    policy = replace(POLICY, retroactive_date=date(2025, 1, 1))
    assert coverage.dispute_reasons(policy, replace(DISPUTE, infringement_began_on=date(2025, 1, 1))) == []
    reasons = coverage.dispute_reasons(policy, replace(DISPUTE, infringement_began_on=date(2024, 12, 31)))
    assert [r.code for r in reasons] == ["before_retroactive_date"]


def test_eu_stands_for_every_member_state_and_period_bounds_are_inclusive():
    assert coverage.dispute_reasons(POLICY, replace(DISPUTE, forum_country="DE")) == []
    assert [r.code for r in coverage.dispute_reasons(POLICY, replace(DISPUTE, forum_country="GB"))] == ["territory"]
    for day in (POLICY.period_start, POLICY.period_end):
        assert coverage.dispute_reasons(POLICY, replace(DISPUTE, first_asserted_on=day)) == []


def test_policy_without_products_covers_every_product():
    assert coverage.dispute_reasons(replace(POLICY, insured_products=()), replace(DISPUTE, accused_products=())) == []


# --- expense rules (§4): one test per reason code ---------------------------------------------------

def test_category_not_covered():
    (r,) = lines_of([exp("E1", "investigation")])
    assert (r.decision, codes(r), r.line.covered_cny) == ("excluded", ["category_not_covered"], 0)
    assert r.line.cny == D("7123.40")  # still converted, so the user sees what it was worth


def test_before_dispute_uses_the_invoice_date():
    (r,) = lines_of([exp("E1", invoice_date=date(2026, 3, 1))])
    assert (r.decision, codes(r)) == ("excluded", ["before_dispute"])
    (ok,) = lines_of([exp("E1", invoice_date=date(2026, 3, 2))])
    assert ok.decision == "covered"


def test_insured_staff_only_for_expert_and_witness_fees():
    (r,) = lines_of([exp("E1", "expert_witness", incurred_by_insured_staff=True)])
    assert (r.decision, codes(r)) == ("excluded", ["insured_staff"])
    (w,) = lines_of([exp("E1", "witness_appearance", incurred_by_insured_staff=True)])
    assert w.decision == "excluded"
    (t,) = lines_of([exp("E1", "travel_lodging", incurred_by_insured_staff=True)])
    assert t.decision == "covered"


def test_already_claimed():
    (r,) = lines_of([exp("E1")], already_claimed={"E1": "CL-2026-0001"})
    assert (r.decision, codes(r)) == ("excluded", ["already_claimed"])
    assert "CL-2026-0001" in coverage.reason_json(r.line.reasons[0])["en"]


def test_consent_missing_and_consent_granted_after_payment():
    (r,) = lines_of([exp("E1", "other")])
    assert (r.decision, codes(r), r.line.covered_cny) == ("needs_consent", ["consent_missing"], 0)
    late = Consent("C1", "D1", date(2026, 4, 2), ("other",), cap=None)
    (r,) = lines_of([exp("E1", "other")], [late])
    assert codes(r) == ["consent_missing"]
    on_day = Consent("C1", "D1", date(2026, 4, 1), ("other",), cap=None)
    (r,) = lines_of([exp("E1", "other")], [on_day])
    assert r.decision == "covered" and r.line.covered_cny == D("7123.40")


def test_consent_cap_is_consumed_in_payment_date_order_and_the_crossing_line_is_cut():
    consent = Consent("C1", "D1", date(2026, 3, 20), ("translation_notarization",), cap=D("10000.00"))
    # listed out of order on purpose: E2 was paid first, then E1, E3 (same day: by reference)
    e1 = exp("E1", "translation_notarization", "6000.00", "CNY", paid=date(2026, 4, 3))
    e2 = exp("E2", "translation_notarization", "3000.00", "CNY", paid=date(2026, 4, 1))
    e3 = exp("E3", "translation_notarization", "2000.00", "CNY", paid=date(2026, 4, 3))
    by_ref = {r.line.expense: r for r in lines_of([e1, e3, e2], [consent])}
    assert (by_ref["E2"].decision, by_ref["E2"].line.covered_cny) == ("covered", D("3000.00"))
    assert (by_ref["E1"].decision, by_ref["E1"].line.covered_cny) == ("covered", D("6000.00"))
    # 10,000 − 3,000 − 6,000 = 1,000 left for E3 of 2,000
    assert (by_ref["E3"].decision, by_ref["E3"].line.covered_cny) == ("needs_consent", D("1000.00"))
    assert codes(by_ref["E3"]) == ["consent_cap"]
    # what earlier claims used counts first
    (r,) = lines_of([e2], [consent], consent_used_before={"C1": D("9500.00")})
    assert (r.decision, r.line.covered_cny) == ("needs_consent", D("500.00"))


def test_no_fx_rate_blocks_and_an_earlier_rate_is_taken_on_weekends():
    (r,) = lines_of([exp("E1", currency="EUR")])
    assert (r.decision, codes(r), r.line.cny) == ("blocked", ["no_fx_rate"], None)
    (r,) = lines_of([exp("E1", paid=date(2026, 3, 31))])  # before the first USD rate
    assert r.decision == "blocked"
    (sat,) = lines_of([exp("E1", "attorney_fees", "1000.00", paid=date(2026, 4, 4))])  # a Saturday
    assert (sat.line.rate, sat.line.rate_date, sat.rate_substituted) == (D("7.13"), date(2026, 4, 3), True)
    assert coverage.rate_note(sat)["en"].startswith("no rate was published on 2026-04-04")


def test_first_failing_rule_decides_and_later_rules_add_reasons():
    (r,) = lines_of([exp("E1", "investigation", currency="EUR", invoice_date=date(2026, 1, 5))])
    assert r.decision == "excluded"
    assert codes(r) == ["category_not_covered", "before_dispute", "no_fx_rate"]
    (r,) = lines_of([exp("E1", "other", currency="EUR")])
    assert (r.decision, codes(r)) == ("needs_consent", ["consent_missing", "no_fx_rate"])


# --- conversion (§5) --------------------------------------------------------------------------------

def test_conversion_rounds_half_up_per_line_and_divides_per_100_quotes():
    rates = RateTable([FxRate(date(2026, 4, 1), "USD", D("7.1235")), FxRate(date(2026, 4, 1), "JPY", D("4.6125"), 100)])
    # 0.10 USD × 7.1235 = 0.71235 -> 0.71 ; 1.30 × 7.1235 = 9.26055 -> 9.26 ; 0.70 × 7.1235 = 4.98645 -> 4.99
    got = [r.line.cny for r in lines_of([exp("A", amount="0.10"), exp("B", amount="1.30"), exp("C", amount="0.70")],
                                       rates=rates)]
    assert got == [D("0.71"), D("9.26"), D("4.99")]
    # 10 JPY × 4.6125 / 100 = 0.46125 -> 0.46 ; 30 JPY -> 1.38375 -> 1.38 ; 2 JPY -> 0.09225 -> 0.09 ; 22 -> 1.01475 -> 1.01
    got = [r.line.cny for r in lines_of([exp(c, amount=a, currency="JPY") for c, a in
                                         (("A", "10"), ("B", "30"), ("C", "2"), ("D", "22"))], rates=rates)]
    assert got == [D("0.46"), D("1.38"), D("0.09"), D("1.01")]
    # exactly half a fen rounds up (half-even would give 7.00, 0.04 and 0.22)
    half = RateTable([FxRate(date(2026, 4, 1), "USD", D("7.005")), FxRate(date(2026, 4, 1), "JPY", D("4.5"), 100)])
    assert lines_of([exp("A", amount="1.00")], rates=half)[0].line.cny == D("7.01")
    got = [r.line.cny for r in lines_of([exp("A", amount="1", currency="JPY"), exp("B", amount="5", currency="JPY")],
                                       rates=half)]
    assert got == [D("0.05"), D("0.23")]


def test_invoice_date_basis_and_user_rate_override():
    policy = replace(POLICY, fx_basis="invoice_date")
    (r,) = lines_of([exp("E1", paid=date(2026, 4, 6), invoice_date=date(2026, 4, 1))], policy=policy)
    assert r.line.rate_date == date(2026, 4, 1) and r.line.cny == D("7123.40")
    (o,) = lines_of([exp("E1", rate_override=RateOverride(D("7.0000"), 1, "bank statement"))])
    assert (o.line.rate, o.line.rate_overridden, o.line.rate_source, o.line.cny) == (
        D("7"), True, "bank statement", D("7000.00"))


# --- settlement (§6) --------------------------------------------------------------------------------

def _covered(*pairs):
    return lines_of([exp(f"E{i}", cat, amount, "CNY") for i, (cat, amount) in enumerate(pairs, 1)])


def test_sub_limit_per_dispute_across_claims_and_deductible_once():
    first = settle(POLICY, "D1", [r.line for r in _covered(("travel_lodging", "30000.00"),
                                                            ("attorney_fees", "10000.00"))])
    assert (first.gross, first.deductible_applied, first.insurer_share) == (D("40000.00"), D("20000.00"), D("16000.00"))
    prior = PriorClaim("CL-1", "D1", "submitted", first.payable,
                       allowed=tuple((c.category, c.allowed) for c in first.categories),
                       deductible_applied=first.deductible_applied)
    second = settle(POLICY, "D1", [r.line for r in _covered(("travel_lodging", "30000.00"))], [prior])
    # 50,000 − 30,000 used = 20,000 allowed; the deductible was used up by the first claim
    assert (second.gross, second.deductible_applied, second.insurer_share) == (D("20000.00"), D("0.00"), D("16000.00"))
    # another dispute of the same policy has its own sub-limit and deductible
    other = settle(POLICY, "D2", [r.line for r in _covered(("travel_lodging", "30000.00"))], [prior])
    assert (other.gross, other.deductible_applied) == (D("30000.00"), D("20000.00"))


def test_deductible_larger_than_gross_leaves_rest_for_later_claims():
    small = settle(POLICY, "D1", [r.line for r in _covered(("attorney_fees", "8000.00"))])
    assert (small.deductible_applied, small.payable) == (D("8000.00"), D("0.00"))
    prior = PriorClaim("CL-1", "D1", "submitted", D("0.00"), deductible_applied=D("8000.00"))
    later = settle(POLICY, "D1", [r.line for r in _covered(("attorney_fees", "20000.00"))], [prior])
    assert (later.deductible_applied, later.insurer_share) == (D("12000.00"), D("6400.00"))


def test_coinsurance_rounds_half_up():
    policy = replace(POLICY, deductible=D("0.00"), coinsurance=D("0.75"))
    st = settle(policy, "D1", [r.line for r in _covered(("attorney_fees", "0.10"))])  # 0.075 -> 0.08
    assert st.insurer_share == D("0.08")
    st = settle(policy, "D1", [r.line for r in _covered(("attorney_fees", "0.06"))])  # 0.045 -> 0.05
    assert st.insurer_share == D("0.05")


def test_limits_against_prior_claims_settled_ones_at_the_amount_paid():
    policy = replace(POLICY, deductible=D("0.00"), coinsurance=D("1"), per_claim_limit=D("100000.00"),
                     aggregate_limit=D("150000.00"))
    lines = [r.line for r in _covered(("attorney_fees", "90000.00"))]
    settled = PriorClaim("CL-1", "D1", "settled", payable=D("70000.00"), paid=D("60000.00"))
    st = settle(policy, "D1", lines, [settled])
    assert (st.per_claim_prior, st.per_claim_room, st.payable) == (D("60000.00"), D("40000.00"), D("40000.00"))
    submitted = PriorClaim("CL-1", "D1", "submitted", payable=D("70000.00"), paid=D("0.00"))
    assert settle(policy, "D1", lines, [submitted]).payable == D("30000.00")
    # other disputes count against the aggregate only
    others = [PriorClaim("CL-2", "D2", "under_review", payable=D("100000.00")),
              PriorClaim("CL-3", "D3", "settled", payable=D("30000.00"), paid=D("25000.00"))]
    st = settle(policy, "D1", lines, others)
    assert (st.aggregate_prior, st.aggregate_room, st.payable) == (D("125000.00"), D("25000.00"), D("25000.00"))
    exhausted = settle(policy, "D1", lines, [PriorClaim("CL-9", "D9", "submitted", payable=D("160000.00"))])
    assert exhausted.payable == D("0.00") and exhausted.aggregate_room == D("-10000.00")
