"""A convenience base for pages: LanguageChange -> retranslate(), a title, a busy flag."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class BasePage(QWidget):
    """Subclasses set ``page_id`` and implement ``retranslate()`` and ``refresh()``."""

    page_id = ""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass

    def has_unsaved(self) -> bool:
        """True while an editor on this page holds edits not yet saved."""
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
