"""Column types that keep money and rates exact: integers in the database, Decimal in Python."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

from lei_desktop.domain.errors import ValidationError


class Scaled(TypeDecorator):
    """A Decimal stored as an integer count of 10**-scale units (CNY at scale 2 = fen).

    Values with more decimal places than the scale are refused, never rounded; floats are refused.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float) or isinstance(value, bool):
            raise TypeError("money columns take Decimal, never float")
        d = Decimal(value)
        units = d.scaleb(self.scale)
        if units != units.to_integral_value():
            raise ValidationError("money_precision", "amount", currency="", digits=self.scale, value=value)
        return int(units)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)


def Cny() -> Scaled:  # noqa: N802 - reads like a type in the models
    """CNY amounts in fen."""
    return Scaled(2)


def Rate() -> Scaled:  # noqa: N802
    """Exchange rates and ratios, to 10**-6."""
    return Scaled(6)
