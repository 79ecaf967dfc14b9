"""Exchange-rate CSV: ``date,currency,rate,per[,source]`` -> :class:`FxRate` objects.

- ``rate`` is CNY for ``per`` units of the currency; the CFETS central parity quotes JPY, KRW
  and a few others per 100 units, so ``per`` is 1 or 100. The currency may also be written the
  way CFETS tables do (``100JPY``, ``USD/CNY``, ``100JPY/CNY``); a ``per`` column, when given,
  must agree.
- A header line is optional (recognised by a first cell that is not a date).
- Dates in the forms :func:`lei_desktop.formats.csv_import.parse_date` reads, year first.
- The same currency and date twice with different rates is an error; a per-1 quote that looks
  like a per-100 one (JPY at 4.6 CNY per yen) is a warning.

:func:`read` never raises for bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.fx import FxRate
from lei_desktop.domain.messages import register
from lei_desktop.formats import csv_import
from lei_desktop.formats.problems import LineProblem

register(
    {
        "fx_columns": (
            "应有 4 或 5 列（date,currency,rate,per[,source]），实际 {count} 列",
            "needs 4 or 5 columns (date,currency,rate,per[,source]), found {count}",
        ),
        "fx_per_conflict": (
            "币种写作 “{value}”（每 {implied} 单位），但 per 列为 {per}",
            "the currency reads '{value}' (per {implied}), but the per column says {per}",
        ),
        "fx_repeated": (
            "{currency} 在 {date} 的汇率已在第 {first} 行给出且不同",
            "{currency} on {date} was already given on line {first} with another rate",
        ),
        "fx_looks_per_100": (
            "{currency} 每 1 单位 {rate} 元人民币似乎偏高：中间价对 {currency} 按每 100 单位报价",
            "{rate} CNY per 1 {currency} looks too high: the central parity quotes {currency} per 100 units",
        ),
        "fx_no_rates": ("文件中没有汇率", "the file holds no rates"),
    }
)

#: Currencies the CFETS central parity quotes per 100 units.
PER_100_USUAL = {"JPY", "KRW", "IDR", "VND", "HUF", "THB", "RUB", "TWD", "PHP", "INR", "KZT", "MNT", "LAK", "KHR"}
_CURRENCY = re.compile(r"^(?:(\d+)\s*)?([A-Za-z]{3})(?:\s*/\s*CNY)?$", re.IGNORECASE)
COLUMNS = ("date", "currency", "rate", "per", "source")
RATE_LIMIT = Decimal(10) ** 6  # CNY per 1 or 100 units; far above any real quote


@dataclass(frozen=True)
class FxFile:
    rates: tuple[FxRate, ...] = ()
    lines: tuple[int, ...] = ()  # the line of each rate
    errors: tuple[LineProblem, ...] = ()
    warnings: tuple[LineProblem, ...] = ()


def read(data: bytes) -> FxFile:
    errors: list[LineProblem] = []
    warnings: list[LineProblem] = []
    decoded = csv_import.decode(data)
    if decoded is None:
        return FxFile(errors=(LineProblem("csv_encoding", 0),))
    text, _ = decoded
    text = text.replace("\x00", "")
    if not text.strip():
        return FxFile(errors=(LineProblem("csv_empty", 0),))
    first = text.lstrip("\r\n").splitlines()[0]
    delimiter = csv_import.sniff_delimiter(first)
    recs = csv_import._records(text, delimiter, errors)
    if errors:
        return FxFile(errors=tuple(errors))
    if recs:
        try:
            header = csv_import.parse_date(recs[0][1][0]) is None
        except csv_import.AmbiguousDate:
            header = False
        if header:
            recs = recs[1:]
    rates: list[FxRate] = []
    lines: list[int] = []
    seen: dict[tuple[str, date], tuple[int, FxRate]] = {}
    for line, rec in recs:
        cells = [c.strip() for c in rec]
        if len(cells) not in (4, 5):
            errors.append(LineProblem("fx_columns", line, count=len(cells)))
            continue
        day = None
        try:
            day = csv_import.parse_date(cells[0], "ymd")
        except csv_import.AmbiguousDate:
            pass
        if day is None:
            errors.append(LineProblem("csv_date", line, "date", value=cells[0][:40], order="ymd"))
            continue
        m = _CURRENCY.match(cells[1])
        if not m:
            errors.append(LineProblem("unknown_currency", line, "currency", value=cells[1][:20]))
            continue
        implied = int(m.group(1)) if m.group(1) else None
        currency = m.group(2).upper()
        rate = csv_import.parse_amount(cells[2], ".")
        if rate is None:
            errors.append(LineProblem("not_a_decimal", line, "rate", value=cells[2][:40]))
            continue
        if abs(rate) >= RATE_LIMIT:
            errors.append(LineProblem("out_of_range", line, "rate", low="0", high=f"{RATE_LIMIT:,}"))
            continue
        per_text = cells[3]
        if per_text:
            if not per_text.isdigit():
                errors.append(LineProblem("rate_per", line, "per", value=per_text[:20]))
                continue
            per = int(per_text)
            if implied is not None and implied != per:
                errors.append(LineProblem("fx_per_conflict", line, "per", value=cells[1], implied=implied, per=per))
                continue
        elif implied is not None:
            per = implied
        else:
            errors.append(LineProblem("required", line, "per"))
            continue
        try:
            fx = FxRate(day, currency, rate, per, cells[4] if len(cells) == 5 else "")
        except ValidationError as exc:
            column = {"currency": "currency", "rate": "rate", "per": "per"}.get(exc.field, exc.field)
            errors.append(LineProblem(exc.code, line, column, **exc.params))
            continue
        key = (fx.currency, fx.on_date)
        if key in seen:
            first_line, before = seen[key]
            if (before.rate, before.per) != (fx.rate, fx.per):
                errors.append(LineProblem("fx_repeated", line, "rate", currency=fx.currency,
                                          date=fx.on_date.isoformat(), first=first_line))
            continue
        seen[key] = (line, fx)
        if fx.per == 1 and fx.currency in PER_100_USUAL and fx.rate > Decimal(1):
            warnings.append(LineProblem("fx_looks_per_100", line, "per", currency=fx.currency,
                                        rate=format(fx.rate, "f")))
        rates.append(fx)
        lines.append(line)
    if not rates and not errors:
        errors.append(LineProblem("fx_no_rates", 0))
    return FxFile(tuple(rates), tuple(lines), tuple(errors), tuple(warnings))
