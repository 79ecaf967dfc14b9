from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.money import MINOR_UNITS, Money, minor_units, parse_decimal


@pytest.mark.parametrize("currency, digits", [("JPY", 0), ("CNY", 2), ("USD", 2), ("EUR", 2), ("KWD", 3), ("CLF", 4)])
def test_minor_units_follow_iso_4217(currency, digits):
    assert minor_units(currency) == digits


@pytest.mark.parametrize("amount, currency", [("1.5", "JPY"), ("0.001", "USD"), ("12.345", "CNY"), ("1.0001", "KWD")])
def test_more_decimals_than_the_currency_allows_are_refused_not_rounded(amount, currency):
    with pytest.raises(ValidationError) as info:
        Money.of(amount, currency)
    assert info.value.code == "money_precision"
    assert currency in info.value.en and currency in info.value.zh


def test_trailing_zeros_that_change_nothing_are_accepted():
    assert Money.of("1000000.00", "JPY").amount == Decimal("1000000")
    assert Money.of("12.500", "USD").amount == Decimal("12.50")


def test_floats_and_junk_are_refused():
    with pytest.raises(ValidationError) as info:
        Money.of(12.5, "USD")
    assert info.value.code == "float_money"
    for junk in ["abc", "", "NaN", "Infinity", None, True]:
        with pytest.raises(ValidationError):
            Money.of(junk, "USD")


def test_unknown_currency_is_refused():
    with pytest.raises(ValidationError) as info:
        Money.of("1", "XXX1")
    assert info.value.code == "unknown_currency"


def test_arithmetic_across_currencies_is_refused():
    with pytest.raises(ValidationError) as info:
        Money.of("1", "USD") + Money.of("1", "EUR")
    assert info.value.code == "currency_mismatch"
    assert Money.of("1.10", "USD") + Money.of("2.25", "USD") == Money.of("3.35", "USD")


def test_parse_decimal_accepts_grouping_commas():
    assert parse_decimal("12,500.00") == Decimal("12500.00")


currencies = st.sampled_from(sorted(MINOR_UNITS))


@given(currencies, st.integers(min_value=-10**15, max_value=10**15))
def test_minor_units_round_trip(currency, minor):
    m = Money.from_minor(minor, currency)
    assert m.minor == minor
    assert Money(m.amount, currency) == m


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**12))
def test_addition_is_exact(a, b):
    x, y = Money.from_minor(a, "USD"), Money.from_minor(b, "USD")
    assert (x + y).minor == a + b
    assert (x + y - y) == x
