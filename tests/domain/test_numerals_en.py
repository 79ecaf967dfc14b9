"""English amount in words (bank/trade form): hand-checked examples and a round trip through a parser."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as stg

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.numerals import MAX_AMOUNT, amount_in_words_en


@pytest.mark.parametrize("value, words", [
    ("0.05", "SAY RENMINBI FIVE FEN ONLY"),
    ("1", "SAY RENMINBI ONE YUAN ONLY"),
    ("10.10", "SAY RENMINBI TEN YUAN AND TEN FEN ONLY"),
    ("100000000.05", "SAY RENMINBI ONE HUNDRED MILLION YUAN AND FIVE FEN ONLY"),
    ("95234.00", "SAY RENMINBI NINETY-FIVE THOUSAND TWO HUNDRED AND THIRTY-FOUR YUAN ONLY"),
    ("0", "SAY RENMINBI ZERO YUAN ONLY"),
    ("1409.50", "SAY RENMINBI ONE THOUSAND FOUR HUNDRED AND NINE YUAN AND FIFTY FEN ONLY"),
    ("302000", "SAY RENMINBI THREE HUNDRED AND TWO THOUSAND YUAN ONLY"),
    ("0.005", "SAY RENMINBI ONE FEN ONLY"),  # half-up to 0.01 first, as the 大写
])
def test_hand_checked(value, words):
    assert amount_in_words_en(Decimal(value)) == words


def test_refusals():
    with pytest.raises(ValidationError):
        amount_in_words_en(Decimal("-1"))
    with pytest.raises(ValidationError):
        amount_in_words_en(MAX_AMOUNT + 1)
    with pytest.raises(ValidationError):
        amount_in_words_en(1.5)  # a float is never an amount


# ---- a small independent parser of English cardinal words, for the round trip

UNITS = {w: i for i, w in enumerate(
    "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN "
    "SIXTEEN SEVENTEEN EIGHTEEN NINETEEN".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ TWENTY THIRTY FORTY FIFTY SIXTY SEVENTY EIGHTY NINETY".split()) if i >= 2}
SCALES = {"THOUSAND": 10**3, "MILLION": 10**6, "BILLION": 10**9, "TRILLION": 10**12, "QUADRILLION": 10**15}


def parse_cardinal(words: list[str]) -> int:
    total, group = 0, 0
    for w in words:
        if w == "AND":
            continue
        if w in UNITS:
            group += UNITS[w]
        elif "-" in w:
            tens, unit = w.split("-")
            assert unit in UNITS and UNITS[unit] < 10, w
            group += TENS[tens] + UNITS[unit]
        elif w in TENS:
            group += TENS[w]
        elif w == "HUNDRED":
            group *= 100
        elif w in SCALES:
            total += group * SCALES[w]
            group = 0
        else:
            raise AssertionError(f"unexpected word {w!r}")
    return total + group


def parse_amount(text: str) -> Decimal:
    assert text.startswith("SAY RENMINBI ") and text.endswith(" ONLY"), text
    words = text[len("SAY RENMINBI "):-len(" ONLY")].split()
    yuan = fen = 0
    current: list[str] = []
    seen = []
    for w in words:
        if w == "YUAN":
            yuan = parse_cardinal(current)
            seen.append(w)
            current = []
        elif w == "FEN":
            fen = parse_cardinal(current)
            seen.append(w)
            current = []
        elif w == "AND" and not current and seen == ["YUAN"]:
            continue  # the AND joining yuan and fen
        else:
            current.append(w)
    assert not current and seen in (["YUAN"], ["FEN"], ["YUAN", "FEN"]), text
    assert 0 < fen < 100 or "FEN" not in seen
    return Decimal(yuan) + Decimal(fen) / 100


@given(stg.integers(min_value=0, max_value=int(MAX_AMOUNT * 100)))
def test_round_trip(cents):
    value = Decimal(cents) / 100
    text = amount_in_words_en(value)
    assert parse_amount(text) == value
    # structure: capitals, no commas or digits, no zero words unless the amount is zero
    assert text == text.upper() and "," not in text and not any(c.isdigit() for c in text)
    assert ("ZERO" in text) == (cents == 0)
    assert text.endswith(" FEN ONLY") == (cents % 100 != 0)
