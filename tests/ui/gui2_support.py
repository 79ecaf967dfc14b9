"""Shared by the GUI-2 tests.

``fresh_event_loop`` (autouse where imported): runs one empty turn of ``QApplication.exec()``
before the test. A test that ran ``lei_desktop.app.main`` leaves its main window to be destroyed
after ``exec()`` returned; Qt then quits "on the last window closed" with no loop running, and
from there on results of worker threads (queued signals) are not delivered by ``processEvents``
until an event loop has started again. The tests below wait for such results, so they start one.

``FakeContext``: a small stand-in for ``UiContext`` (work handed to ``run_in_thread`` runs at once,
on the calling thread), for tests of a dialog on its own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QObject, QSettings, Signal


@pytest.fixture(autouse=True)
def fresh_event_loop(qapp):
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, qapp.quit)
    qapp.exec()
    yield


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
