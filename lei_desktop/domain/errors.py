"""Errors a user can cause, carrying a code, the field and text in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterable

from lei_desktop.domain.messages import text


class LeiError(Exception):
    """Base of every error that is the user's input, not a bug."""

    def __init__(self, code: str, field: str = "", **params: object) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(self.en)

    @property
    def zh(self) -> str:
        return text(self.code, "zh", **self.params)

    @property
    def en(self) -> str:
        return text(self.code, "en", **self.params)

    def message(self, lang: str = "en") -> str:
        body = self.zh if lang == "zh" else self.en
        return f"{self.field}: {body}" if self.field else body

    def at(self, prefix: str) -> LeiError:
        """The same error with its field placed under a path prefix (``expenses[3]`` + ``amount``)."""
        if not prefix:
            return self
        field = f"{prefix}.{self.field}" if self.field and not self.field.startswith("[") else f"{prefix}{self.field}"
        clone = type(self).__new__(type(self))
        LeiError.__init__(clone, self.code, field, **self.params)
        return clone


class ValidationError(LeiError):
    """A value was refused. ``field`` names it (a form field or a JSON path)."""


class NotFound(LeiError):
    """A referenced object does not exist."""


class Conflict(LeiError):
    """The change collides with the stored state (frozen, duplicate, stale)."""


class ValidationErrors(ValidationError):
    """Several problems found at once; the first one names the error."""

    def __init__(self, errors: Iterable[LeiError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.code, first.field, **first.params)
