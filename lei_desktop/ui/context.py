"""UiContext: what every page shares — the store, the language, settings, a worker pool, formatting."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from lei_desktop.domain.errors import LeiError

log = logging.getLogger(__name__)

ORG = "lei_desktop"
APP = "lei_desktop"


class _WorkerSignals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class Worker(QRunnable):
    """Runs ``fn(progress)`` (or ``fn()``) on the pool; results come back on the GUI thread via signals.

    ``fn`` may accept a keyword ``progress`` callable; calling it emits ``on_progress`` on the GUI thread.
    ``cancelled`` is a flag the function can poll through ``worker.is_cancelled``.
    """

    def __init__(self, fn: Callable[..., Any], wants_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.wants_progress = wants_progress
        self.signals = _WorkerSignals()
        self.cancelled = False
        self.setAutoDelete(False)

    def is_cancelled(self) -> bool:
        return self.cancelled

    def cancel(self) -> None:
        self.cancelled = True

    @Slot()
    def run(self) -> None:
        try:
            if self.wants_progress:
                result = self.fn(progress=self.signals.progress.emit)
            else:
                result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never swallowed
            if not isinstance(exc, LeiError):
                log.error("worker failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class UiContext(QObject):
    """Shared state of one running window.

    ``data_changed(kind)`` is emitted after any page saves something (kind: "company", "policy",
    "dispute", "consent", "expense", "rate", "claim", "settings", "*"), so other pages can refresh.
    ``language_changed(lang)`` follows a live language switch.
    """

    data_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, store, lang: str = "en", settings: QSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.settings = settings if settings is not None else make_settings()
        self.pool = QThreadPool.globalInstance()
        self._workers: set[Worker] = set()

    # -- threads ---------------------------------------------------------------------------------
    def run_in_thread(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
    ) -> Worker:
        """Run ``fn`` off the GUI thread. If ``on_progress`` is given, ``fn`` is called as
        ``fn(progress=callable)``. Callbacks run on the GUI thread. Returns the worker (``cancel()``)."""
        worker = Worker(fn, wants_progress=on_progress is not None)
        self._workers.add(worker)

        def finish(_=None, w=worker):
            self._workers.discard(w)

        if on_progress is not None:
            worker.signals.progress.connect(on_progress)
        if on_done is not None:
            worker.signals.done.connect(on_done)
        worker.signals.done.connect(finish)
        if on_error is not None:
            worker.signals.failed.connect(on_error)
        else:
            worker.signals.failed.connect(lambda exc: self.show_error(None, exc))
        worker.signals.failed.connect(finish)
        self.pool.start(worker)
        return worker

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Wait for all workers (tests, shutdown)."""
        return self.pool.waitForDone(msecs)

    # -- formatting ------------------------------------------------------------------------------
    def fmt_money(self, value: Decimal | None, currency: str = "CNY") -> str:
        from lei_desktop.ui import i18n

        return i18n.fmt_money(value, currency, self.lang)

    def fmt_date(self, value: date | datetime | None) -> str:
        from lei_desktop.ui import i18n

        return i18n.fmt_date(value, self.lang)

    def fmt_number(self, value: Decimal | int | None, decimals: int | None = None) -> str:
        from lei_desktop.ui import i18n

        return i18n.fmt_number(value, self.lang, decimals)

    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, LeiError):
            return exc.message(self.lang)
        return f"{type(exc).__name__}: {exc}"

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        """A refusal (LeiError) in the current language, or an unexpected failure."""
        from PySide6.QtCore import QCoreApplication

        title = QCoreApplication.translate("UiContext", "Cannot do that") if isinstance(exc, LeiError) else (
            QCoreApplication.translate("UiContext", "Unexpected error"))
        QMessageBox.warning(parent, title, self.error_text(exc))

    def notify(self, kind: str) -> None:
        self.data_changed.emit(kind)


def make_settings() -> QSettings:
    """Settings in an INI file beside the user's data (so LEI_DATA_DIR isolates tests)."""
    from lei_desktop.paths import user_data_dir

    path = user_data_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


__all__ = ["UiContext", "Worker", "make_settings"]
