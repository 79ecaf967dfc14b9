"""A small stand-in for ``lei_desktop.ui.context.UiContext`` for the GUI-2 pages' tests.

It follows the shared contract (store, lang, settings, run_in_thread, data_changed, fmt_money,
fmt_date, show_error); work handed to ``run_in_thread`` runs at once, on the calling thread.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, QSettings, Signal


class FakeContext(QObject):
    data_changed = Signal(str)

    def __init__(self, store, lang: str = "en", settings_path=None) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.settings = QSettings(str(settings_path), QSettings.Format.IniFormat) if settings_path else None
        self.errors: list = []

    def run_in_thread(self, fn, on_done=None, on_error=None, on_progress=None):
        try:
            result = fn(on_progress) if on_progress is not None else fn()
        except Exception as exc:  # noqa: BLE001 - handed to the caller like the real worker does
            if on_error is None:
                raise
            on_error(exc)
            return None
        if on_done is not None:
            on_done(result)
        return None

    def fmt_money(self, amount: Decimal, currency: str = "CNY") -> str:
        return f"{amount:,.2f}" if currency in ("CNY", "USD", "EUR") else f"{amount:,}"

    def fmt_date(self, d) -> str:
        return d.isoformat() if d else ""

    def show_error(self, parent, exc) -> None:
        self.errors.append(exc)
