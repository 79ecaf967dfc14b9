from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.numerals import amount_in_words

DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def words_to_fen(words: str) -> int:
    """An independent reader of 大写 amounts (the oracle for the property tests)."""
    assert words.startswith("人民币")
    body = words[3:]
    if body.endswith("整"):
        body = body[:-1]
    fen = 0
    if "元" in body:
        integer, _, frac = body.partition("元")
    else:
        integer, frac = "", body
    total = section = 0
    digit = 0
    for ch in integer:
        if ch in DIGIT:
            digit = DIGIT[ch]
        elif ch in SMALL:
            section += digit * SMALL[ch]
            digit = 0
        elif ch == "万":
            section += digit
            total += section * 10**4
            section = digit = 0
        elif ch == "亿":
            section += digit
            total = (total + section) * 10**8
            section = digit = 0
        else:
            raise AssertionError(ch)
    total += section + digit
    digit = 0
    for ch in frac:
        if ch in DIGIT:
            digit = DIGIT[ch]
        elif ch == "角":
            fen += digit * 10
            digit = 0
        elif ch == "分":
            fen += digit
            digit = 0
    return total * 100 + fen


@pytest.mark.parametrize(
    "amount, words",
    [
        ("1409.50", "人民币壹仟肆佰零玖元伍角"),
        ("6007.14", "人民币陆仟零柒元壹角肆分"),
        ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        ("95234.00", "人民币玖万伍仟贰佰叁拾肆元整"),
        ("10", "人民币壹拾元整"),
        ("0", "人民币零元整"),
        ("0.50", "人民币伍角"),
        ("0.05", "人民币伍分"),
        ("10700", "人民币壹万零柒佰元整"),
        ("100000000", "人民币壹亿元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("100010000", "人民币壹亿零壹万元整"),
        ("1234567890123.45", "人民币壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分"),
    ],
)
def test_pboc_examples_and_the_large_units(amount, words):
    assert amount_in_words(Decimal(amount)) == words


def test_rounds_half_up_to_the_fen_first():
    assert amount_in_words(Decimal("0.005")) == "人民币壹分"
    assert amount_in_words(Decimal("1.994")) == "人民币壹元玖角玖分"


def test_negative_and_too_large_are_refused():
    with pytest.raises(ValidationError):
        amount_in_words(Decimal("-1"))
    with pytest.raises(ValidationError):
        amount_in_words(Decimal("1e16"))


fen_values = st.integers(min_value=0, max_value=10**18 - 1)


@given(fen_values)
def test_words_read_back_to_the_same_amount(fen):
    assert words_to_fen(amount_in_words(Decimal(fen).scaleb(-2))) == fen


@given(fen_values)
def test_only_the_allowed_characters_and_zero_rules(fen):
    w = amount_in_words(Decimal(fen).scaleb(-2))
    assert set(w[3:]) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in w  # several zeros give one 零
    for unit in "万亿元":
        assert "零" + unit not in w or fen == 0  # 零 never stands before a unit (but 零元整)
    assert w.endswith("整") == (fen % 100 == 0)  # 整 after 元 only, never after 角 or 分
    assert not w[3:].startswith("零") or fen == 0
