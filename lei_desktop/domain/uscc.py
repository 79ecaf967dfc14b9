"""统一社会信用代码 (unified social credit code) check per GB 32100-2015.

18 characters from ``0-9`` and the capitals without I, O, Z, S, V; the 18th is a check character
computed with weights 3^(i-1) mod 31. Some early codes really issued do not conform, so callers
may accept a failing code with an explicit override reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from lei_desktop.domain.messages import text

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_VALUE = {c: i for i, c in enumerate(CHARSET)}


@dataclass(frozen=True)
class UsccCheck:
    """The outcome: ``valid``, or the reason code with its parameters."""

    code: str
    valid: bool
    reason: str = ""
    params: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str = "en") -> str:
        if self.valid:
            return text("valid", lang)
        return text(self.reason, lang, **dict(self.params))


def normalize(code: str) -> str:
    """Remove spaces and hyphens that people type, and upper-case the letters."""
    return "".join(code.split()).replace("-", "").upper()


def check_character(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def check(code: str) -> UsccCheck:
    """Check a code; the reason names the length, the first bad character, or the check character."""
    value = normalize(code)
    if len(value) != 18:
        return UsccCheck(value, False, "uscc_length", (("length", len(value)),))
    for position, char in enumerate(value, start=1):
        if char not in _VALUE:
            return UsccCheck(value, False, "uscc_charset", (("position", position), ("char", char)))
    expected = check_character(value[:17])
    if value[17] != expected:
        return UsccCheck(value, False, "uscc_check", (("expected", expected), ("actual", value[17])))
    return UsccCheck(value, True)


def is_valid(code: str) -> bool:
    return check(code).valid
