"""Exchange rates: CNY per 1 or per 100 units, looked up by basis date.

A weekend or holiday has no fixing: the last earlier published rate applies and the lookup says
so. A rate typed by the user overrides the table and is labelled as such.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.money import CENT, check_currency, parse_decimal, round_half_up

RATE_DIGITS = 6
ALLOWED_PER = (1, 100)


#: CNY per 1 or 100 units: no real quote comes near it
RATE_CEILING = Decimal(10) ** 6


def check_rate(value: object, field: str = "rate") -> Decimal:
    """A positive rate with at most six decimal places, trailing zeros dropped."""
    rate = parse_decimal(value, field)
    if rate <= 0:
        raise ValidationError("not_positive", field)
    if rate >= RATE_CEILING:  # far above any real quote (and beyond exact arithmetic's precision)
        raise ValidationError("out_of_range", field, low="0", high=f"{RATE_CEILING:,}")
    if rate != rate.quantize(Decimal(1).scaleb(-RATE_DIGITS)):
        raise ValidationError("rate_precision", field, value=value)
    return plain(rate)


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (7.123400 -> 7.1234, 2E+4 -> 20000)."""
    return Decimal(format(value.normalize(), "f"))


def check_per(value: object, field: str = "per") -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError("rate_per", field, value=value)
    try:
        per = int(value)
    except ValueError:
        raise ValidationError("rate_per", field, value=value) from None
    if per not in ALLOWED_PER:
        raise ValidationError("rate_per", field, value=value)
    return per


@dataclass(frozen=True)
class FxRate:
    """One published rate: ``rate`` CNY for ``per`` units of ``currency`` on ``on_date``."""

    on_date: date
    currency: str
    rate: Decimal
    per: int = 1
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency", check_currency(self.currency))
        object.__setattr__(self, "rate", check_rate(self.rate))
        object.__setattr__(self, "per", check_per(self.per))


@dataclass(frozen=True)
class RateOverride:
    """A rate the user typed for one expense; it wins over the table and is labelled."""

    rate: Decimal
    per: int = 1
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "rate", check_rate(self.rate))
        object.__setattr__(self, "per", check_per(self.per))


@dataclass(frozen=True)
class RateUsed:
    """The rate applied to one line, with where it came from."""

    currency: str
    rate: Decimal
    per: int
    basis_date: date | None
    rate_date: date | None
    source: str
    overridden: bool = False

    @property
    def substituted(self) -> bool:
        """True when the basis date had no fixing and an earlier date's rate was taken."""
        return self.rate_date is not None and self.basis_date is not None and self.rate_date != self.basis_date


IDENTITY_SOURCE = "CNY"


def convert(amount: Decimal, rate: Decimal, per: int = 1) -> Decimal:
    """CNY for ``amount`` at ``rate`` per ``per`` units, half-up to 0.01 (one expense line)."""
    return round_half_up(amount * rate / Decimal(per), CENT)


class RateTable:
    """Rates by currency, each list kept sorted by date for last-earlier-date lookups."""

    def __init__(self, rates: Iterable[FxRate] = ()) -> None:
        self._dates: dict[str, list[date]] = {}
        self._rates: dict[str, list[FxRate]] = {}
        for r in sorted(rates, key=lambda r: (r.currency, r.on_date)):
            dates = self._dates.setdefault(r.currency, [])
            if dates and dates[-1] == r.on_date:  # a later entry for the same day replaces
                self._rates[r.currency][-1] = r
                continue
            dates.append(r.on_date)
            self._rates.setdefault(r.currency, []).append(r)

    def __len__(self) -> int:
        return sum(len(v) for v in self._rates.values())

    def __iter__(self):
        for currency in sorted(self._rates):
            yield from self._rates[currency]

    def lookup(self, currency: str, basis: date) -> FxRate | None:
        """The rate on ``basis`` or, failing that, the last one published before it."""
        dates = self._dates.get(currency)
        if not dates:
            return None
        i = bisect.bisect_right(dates, basis)
        return self._rates[currency][i - 1] if i else None

    def rate_for(self, currency: str, basis: date | None, override: RateOverride | None = None) -> RateUsed | None:
        """The rate to apply: CNY is 1; an override wins; else the table; None when nothing fits."""
        if currency == "CNY":
            return RateUsed("CNY", Decimal(1), 1, basis, basis, IDENTITY_SOURCE)
        if override is not None:
            return RateUsed(currency, override.rate, override.per, basis, basis, override.note, overridden=True)
        if basis is None:
            return None
        found = self.lookup(currency, basis)
        if found is None:
            return None
        return RateUsed(currency, found.rate, found.per, basis, found.on_date, found.source)
