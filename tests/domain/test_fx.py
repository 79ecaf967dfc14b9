from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.fx import FxRate, RateOverride, RateTable, convert


def test_worked_example_conversions():
    # settlement.md §7: USD 7.1234 per 1, JPY 4.6128 per 100
    assert convert(Decimal("12500.00"), Decimal("7.1234"), 1) == Decimal("89042.50")
    assert convert(Decimal("1000000"), Decimal("4.6128"), 100) == Decimal("46128.00")
    assert convert(Decimal("2000.00"), Decimal("7.1234"), 1) == Decimal("14246.80")
    assert convert(Decimal("3000.00"), Decimal("7.1234"), 1) == Decimal("21370.20")


def test_half_up_at_the_cent():
    # 0.05 × 0.1 = 0.005 exactly -> 0.01 (half-up), banker's rounding would give 0.00
    assert convert(Decimal("0.05"), Decimal("0.1"), 1) == Decimal("0.01")
    assert convert(Decimal("0.15"), Decimal("0.1"), 1) == Decimal("0.02")
    assert convert(Decimal("1"), Decimal("0.004999"), 1) == Decimal("0.00")


def test_lookup_takes_the_last_earlier_date_and_says_so():
    table = RateTable([
        FxRate(date(2026, 4, 3), "USD", Decimal("7.10"), 1, "CFETS"),  # Friday
        FxRate(date(2026, 4, 6), "USD", Decimal("7.20"), 1, "CFETS"),  # Monday
    ])
    used = table.rate_for("USD", date(2026, 4, 5))  # Sunday
    assert used.rate == Decimal("7.1") and used.rate_date == date(2026, 4, 3) and used.substituted
    same_day = table.rate_for("USD", date(2026, 4, 6))
    assert same_day.rate == Decimal("7.2") and not same_day.substituted
    assert table.rate_for("USD", date(2026, 4, 2)) is None  # nothing earlier
    assert table.rate_for("EUR", date(2026, 4, 6)) is None


def test_override_wins_and_is_labelled():
    table = RateTable([FxRate(date(2026, 4, 1), "USD", Decimal("7.1234"))])
    used = table.rate_for("USD", date(2026, 4, 1), RateOverride(Decimal("7.2"), 1, "bank's rate"))
    assert used.overridden and used.rate == Decimal("7.2") and used.source == "bank's rate"


def test_cny_needs_no_rate():
    used = RateTable().rate_for("CNY", date(2026, 4, 1))
    assert used.rate == 1 and used.per == 1


@pytest.mark.parametrize("per", [0, 10, 1000, "x", 1.0])
def test_rates_are_quoted_per_1_or_per_100(per):
    with pytest.raises(ValidationError):
        FxRate(date(2026, 4, 1), "JPY", Decimal("4.6"), per)


def test_rate_precision_and_sign():
    with pytest.raises(ValidationError):
        FxRate(date(2026, 4, 1), "USD", Decimal("7.1234567"))
    with pytest.raises(ValidationError):
        FxRate(date(2026, 4, 1), "USD", Decimal("0"))
    assert FxRate(date(2026, 4, 1), "USD", Decimal("7.123400")).rate == Decimal("7.1234")


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=10**7),
       st.sampled_from([1, 100]))
def test_conversion_is_within_half_a_cent_of_the_exact_product(minor, rate_units, per):
    amount = Decimal(minor).scaleb(-2)
    rate = Decimal(rate_units).scaleb(-4)
    exact = amount * rate / per
    got = convert(amount, rate, per)
    assert got == got.quantize(Decimal("0.01"))
    assert abs(got - exact) <= Decimal("0.005")
    if abs(got - exact) == Decimal("0.005"):
        assert got > exact  # ties go up


@given(st.lists(st.tuples(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
                          st.integers(min_value=1, max_value=10**6)), min_size=1, max_size=30),
       st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)))
def test_lookup_is_the_latest_rate_not_after_the_basis(entries, basis):
    rates = [FxRate(d, "USD", Decimal(v).scaleb(-4)) for d, v in entries]
    found = RateTable(rates).lookup("USD", basis)
    earlier = [d for d, _ in entries if d <= basis]
    if not earlier:
        assert found is None
    else:
        assert found.on_date == max(earlier)
