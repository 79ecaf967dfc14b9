"""Shared by the GUI-2 tests.

``fresh_event_loop`` (autouse where imported): runs one empty turn of ``QApplication.exec()``
before the test. A test that ran ``lei_desktop.app.main`` leaves its main window to be destroyed
after ``exec()`` returned; Qt then quits "on the last window closed" with no loop running, and
from there on results of worker threads (queued signals) are not delivered by ``processEvents``
until an event loop has started again. The tests below wait for such results, so they start one.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fresh_event_loop(qapp):
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, qapp.quit)
    qapp.exec()
    yield
