"""Money: an exact ``Decimal`` amount with an ISO 4217 currency.

Amounts are never rounded silently: a value with more decimal places than its currency allows
is refused. Arithmetic across currencies is refused. No float is ever accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.messages import register

#: No amount a user enters reaches this (and its minor units fit the database's 64-bit integers).
MONEY_LIMIT = Decimal(10) ** 14

register({"money_too_large": ("金额过大：绝对值应小于 {limit}", "the amount is too large: it must be below {limit}")})

# ISO 4217 minor units (exponents). Currencies not listed in the odd groups have 2.
_EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND"
_EXPONENT_4 = "CLF UYW"
_EXPONENT_2 = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD "
    "CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL "
    "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD "
    "LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN "
    "PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB "
    "TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD YER ZAR ZMW ZWG ZWL"
)

MINOR_UNITS: dict[str, int] = {
    **{c: 2 for c in _EXPONENT_2.split()},
    **{c: 0 for c in _EXPONENT_0.split()},
    **{c: 3 for c in _EXPONENT_3.split()},
    **{c: 4 for c in _EXPONENT_4.split()},
}

#: The currencies a legal officer picks from first.
COMMON_CURRENCIES = ("CNY", "USD", "EUR", "JPY", "GBP", "HKD", "KRW", "CHF")

CENT = Decimal("0.01")


def minor_units(currency: str) -> int:
    """The number of decimal places of ``currency`` (JPY 0, USD 2, KWD 3)."""
    try:
        return MINOR_UNITS[currency]
    except KeyError:
        raise ValidationError("unknown_currency", "currency", value=currency) from None


def check_currency(value: object, field: str = "currency") -> str:
    if not isinstance(value, str) or value.strip().upper() not in MINOR_UNITS:
        raise ValidationError("unknown_currency", field, value=value)
    return value.strip().upper()


#: thousands separated by commas in groups of three: 1,234,567.89
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_decimal(value: object, field: str = "amount") -> Decimal:
    """A Decimal from a string, int or Decimal; floats and junk are refused with the field named."""
    if isinstance(value, bool):
        raise ValidationError("not_a_decimal", field, value=value)
    if isinstance(value, float):
        raise ValidationError("float_money", field)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        stripped = value.strip()
        if "," in stripped and not _GROUPED.match(stripped):
            # "1,5" is not 15: a comma is only a thousands separator in groups of three
            raise ValidationError("not_a_decimal", field, value=value)
        cleaned = stripped.replace(",", "").replace("_", "")
        if "e" in cleaned.lower() and cleaned.lower().lstrip("+-") not in ("inf", "infinity"):
            # "1e3" is no way to write an amount: refused rather than read as 1000
            raise ValidationError("not_a_decimal", field, value=value)
        try:
            result = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError("not_a_decimal", field, value=value) from None
    else:
        raise ValidationError("not_a_decimal", field, value=value)
    if not result.is_finite():
        raise ValidationError("not_a_decimal", field, value=value)
    return result


def quantize_exact(amount: Decimal, digits: int, currency: str, field: str = "amount") -> Decimal:
    """``amount`` at exactly ``digits`` places, refused (never rounded) if that would change it."""
    quantum = Decimal(1).scaleb(-digits)
    try:
        q = amount.quantize(quantum)
    except InvalidOperation:
        raise ValidationError("not_a_decimal", field, value=amount) from None
    if q != amount:
        raise ValidationError("money_precision", field, currency=currency, digits=digits, value=amount)
    return q


def round_half_up(amount: Decimal, quantum: Decimal = CENT) -> Decimal:
    return amount.quantize(quantum, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, order=False)
class Money:
    """An exact amount in one ISO 4217 currency."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        currency = check_currency(self.currency)
        amount = parse_decimal(self.amount)
        amount = quantize_exact(amount, minor_units(currency), currency)
        object.__setattr__(self, "currency", currency)
        object.__setattr__(self, "amount", amount)

    @classmethod
    def of(cls, amount: object, currency: str, field: str = "amount") -> Money:
        try:
            value = parse_decimal(amount, field)
            if abs(value) >= MONEY_LIMIT:  # beyond any invoice, and beyond a 64-bit count of minor units
                raise ValidationError("money_too_large", field, limit=f"{MONEY_LIMIT:,}")
            return cls(value, currency)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise ValidationError(exc.code, field if exc.field == "amount" else exc.field, **exc.params) from None

    @classmethod
    def cny(cls, amount: object) -> Money:
        return cls.of(amount, "CNY")

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        return cls(Decimal(minor).scaleb(-minor_units(currency)), currency)

    @property
    def minor(self) -> int:
        return int(self.amount.scaleb(minor_units(self.currency)))

    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("Money combines only with Money")
        if other.currency != self.currency:
            raise ValidationError("currency_mismatch", "currency", a=self.currency, b=other.currency)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.amount >= other.amount

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def formatted(self) -> str:
        """Grouped for people: ``12,500.00 USD``."""
        digits = minor_units(self.currency)
        return f"{self.amount:,.{digits}f} {self.currency}"


def money_str(amount: Decimal, digits: int = 2) -> str:
    """The JSON form of an amount: a plain string with exactly ``digits`` places."""
    return f"{amount.quantize(Decimal(1).scaleb(-digits)):f}"
