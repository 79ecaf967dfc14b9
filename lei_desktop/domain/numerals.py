"""人民币大写金额: amounts in uppercase financial numerals, per the PBoC rules in the brief.

Conventions chosen where the rules allow a choice (both forms are valid):
- a zero run inside the integer part gives one 零 (壹仟肆佰零玖, 陆仟零柒);
- zeros at the end of a 万/亿 group are absorbed by the group's unit (壹拾万柒仟), and a
  group that starts with zeros after a non-zero higher group gives one 零 (壹万零柒佰);
- when the 元 digit is 0 and 角 is not, 零 is written after 元 (壹仟陆佰捌拾元零叁角贰分);
- when 角 is 0 and 分 is not, 零 after 元 is always written (…玖元零贰分);
- 整 follows 元 only; an amount ending in 角 or 分 takes no 整.

English words (``amount_in_words_en``), the form Chinese banks and trade documents use for an
amount in words ("SAY + currency + amount + ONLY", capitals, no thousands commas, "AND" between
hundreds and tens): ``SAY RENMINBI NINETY-FIVE THOUSAND TWO HUNDRED AND THIRTY-FOUR YUAN ONLY``;
cents as a number of 分: ``SAY RENMINBI TEN YUAN AND TEN FEN ONLY``; no yuan part gives
``SAY RENMINBI FIVE FEN ONLY`` (as 人民币伍分), nothing at all ``SAY RENMINBI ZERO YUAN ONLY``.
The cardinal words come from num2words (British "and"); the commas it puts between groups are
dropped.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.money import parse_decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
PREFIX = "人民币"
MAX_AMOUNT = Decimal(10) ** 16 - Decimal("0.01")
PREFIX_EN = "SAY RENMINBI"


def _four(n: int) -> str:
    """Words for 1..9999: a zero run in the middle gives one 零, trailing zeros give nothing."""
    out: list[str] = []
    zero = False
    for place in range(3, -1, -1):
        d = (n // 10**place) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + SMALL_UNITS[place])
    return "".join(out)


def _integer_words(n: int) -> str:
    """Words for a non-negative integer ('' for 0); 亿 recurses, so 亿 and beyond just work."""
    if n == 0:
        return ""
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        words = _integer_words(high) + "亿"
        if low:
            words += ("零" if low < 10**7 else "") + _integer_words(low)
        return words
    high, low = divmod(n, 10**4)
    if not high:
        return _four(low)
    words = _four(high) + "万"
    if low:
        words += ("零" if low < 1000 else "") + _four(low)
    return words


def _cents(value: object) -> int:
    amount = parse_decimal(value, "amount").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValidationError("negative", "amount")
    if amount > MAX_AMOUNT:
        raise ValidationError("out_of_range", "amount", low="0", high=f"{MAX_AMOUNT:f}")
    return int(amount * 100)


def _english(n: int) -> str:
    from num2words import num2words

    return num2words(n, lang="en").replace(",", "").upper()


def amount_in_words_en(value: object, prefix: str = PREFIX_EN) -> str:
    """``Decimal('10.10')`` -> ``SAY RENMINBI TEN YUAN AND TEN FEN ONLY``; rounded half-up to 0.01 first."""
    cents = _cents(value)
    yuan, fen = divmod(cents, 100)
    parts = []
    if yuan or not fen:
        parts.append(f"{_english(yuan)} YUAN")
    if fen:
        parts.append(f"{_english(fen)} FEN")
    return f"{prefix} {' AND '.join(parts)} ONLY"


def amount_in_words(value: object, prefix: str = PREFIX) -> str:
    """``Decimal('1409.50')`` -> ``人民币壹仟肆佰零玖元伍角``; rounded half-up to 0.01 first."""
    cents = _cents(value)
    yuan, jiao, fen = cents // 100, (cents // 10) % 10, cents % 10
    if cents == 0:
        return prefix + "零元整"
    words = _integer_words(yuan)
    if yuan:
        words += "元"
    if jiao == 0 and fen == 0:
        return prefix + words + "整"
    if yuan:
        if jiao == 0 or yuan % 10 == 0:
            words += "零"
    if jiao:
        words += DIGITS[jiao] + "角"
    if fen:
        words += DIGITS[fen] + "分"
    return prefix + words
