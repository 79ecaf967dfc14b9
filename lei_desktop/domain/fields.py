"""Reading and checking fields of plain dicts (a form, a JSON object) into typed values.

Every failure is a ``ValidationError`` naming the field; callers prefix it with a path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.money import MONEY_LIMIT, parse_decimal

_MISSING = object()
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _get(d: Mapping, key: str, required: bool):
    value = d.get(key, _MISSING)
    if value is _MISSING or value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("required", key)
        return _MISSING
    return value


def text(d: Mapping, key: str, *, required: bool = False, max_len: int = 10_000) -> str:
    value = _get(d, key, required)
    if value is _MISSING:
        return ""
    if not isinstance(value, str):
        raise ValidationError("not_a_string", key)
    value = value.strip()
    if len(value) > max_len:
        raise ValidationError("too_long", key, max=max_len)
    return value


def a_date(d: Mapping, key: str, *, required: bool = False) -> date | None:
    value = _get(d, key, required)
    if value is _MISSING:
        return None
    return parse_date(value, key)


def parse_date(value: object, key: str) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise ValidationError("not_a_date", key, value=value)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError("not_a_date", key, value=value) from None


def a_decimal(
    d: Mapping, key: str, *, required: bool = False, minimum: Decimal | None = None, maximum: Decimal | None = None
) -> Decimal | None:
    value = _get(d, key, required)
    if value is _MISSING:
        return None
    result = parse_decimal(value, key)
    if minimum is not None and result < minimum:
        if minimum == 0:
            raise ValidationError("negative", key)
        raise ValidationError("out_of_range", key, low=minimum, high=maximum if maximum is not None else "∞")
    if maximum is not None and result > maximum:
        raise ValidationError("out_of_range", key, low=minimum if minimum is not None else "-∞", high=maximum)
    return result


def cny(d: Mapping, key: str, *, required: bool = False) -> Decimal | None:
    """A non-negative CNY amount with at most 2 decimals."""
    value = a_decimal(d, key, required=required, minimum=Decimal(0))
    if value is None:
        return None
    if value >= MONEY_LIMIT:  # beyond any policy or payment, and beyond 64-bit minor units
        raise ValidationError("money_too_large", key, limit=f"{MONEY_LIMIT:,}")
    q = value.quantize(Decimal("0.01"))
    if q != value:
        raise ValidationError("money_precision", key, currency="CNY", digits=2, value=value)
    return q


def ratio(d: Mapping, key: str, *, required: bool = False, maximum: Decimal = Decimal(1)) -> Decimal | None:
    value = a_decimal(d, key, required=required, minimum=Decimal(0), maximum=maximum)
    if value is None:
        return None
    if value != value.quantize(Decimal("0.0001")):
        raise ValidationError("out_of_range", key, low="0.0000", high=f"{maximum:.4f}")
    return value


def a_bool(d: Mapping, key: str, *, default: bool = False) -> bool:
    value = d.get(key, None)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ValidationError("not_a_bool", key)
    return value


def an_int(d: Mapping, key: str, *, required: bool = False, minimum: int | None = None) -> int | None:
    value = _get(d, key, required)
    if value is _MISSING:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError("not_an_integer", key, value=value)
    try:
        result = int(value)
    except ValueError:
        raise ValidationError("not_an_integer", key, value=value) from None
    if minimum is not None and result < minimum:
        raise ValidationError("out_of_range", key, low=minimum, high="∞")
    return result


def choice(d: Mapping, key: str, choices: Sequence[str], *, required: bool = True, default: str = "") -> str:
    value = _get(d, key, required)
    if value is _MISSING:
        return default
    if value not in choices:
        raise ValidationError("bad_choice", key, value=value, choices=", ".join(choices))
    return value


def str_list(d: Mapping, key: str, *, choices: Sequence[str] | None = None, upper: bool = False) -> tuple[str, ...]:
    value = d.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValidationError("not_a_list", key)
    out: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError("not_a_string", f"{key}[{i}]")
        item = item.strip().upper() if upper else item.strip()
        if choices is not None and item not in choices:
            raise ValidationError("bad_choice", f"{key}[{i}]", value=item, choices=", ".join(choices))
        if item not in out:
            out.append(item)
    return tuple(out)


def country(value: str, key: str, *, allow_eu: bool = False) -> str:
    v = value.strip().upper()
    if (allow_eu and v == "EU") or re.fullmatch(r"[A-Z]{2}", v):
        return v
    raise ValidationError("bad_country", key, value=value)


def a_ref(d: Mapping, key: str = "ref") -> str:
    value = text(d, key, required=True, max_len=64)
    if any(c.isspace() for c in value) or "," in value:
        raise ValidationError("bad_ref", key, value=value)
    return value
