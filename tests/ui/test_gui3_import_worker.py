"""GUI-3: the import preview reads and checks the file on a worker — busy bar, a stale result dropped,
refusals in the user's language."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from lei_desktop.domain import messages
from lei_desktop.services import imports
from lei_desktop.ui.context import UiContext
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture

LEDES = Path(__file__).resolve().parents[1] / "data" / "ledes"


@pytest.fixture
def wctx(loaded_store, tmp_path):
    c = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.wait_idle()


def _dialog(qtbot, ctx, name="canonical_1998b.txt"):
    from lei_desktop.ui.import_dialog import ImportDialog

    d = ImportDialog(ctx, None, dispute="D1", path=str(LEDES / name))
    qtbot.addWidget(d)
    d.currency_combo.setEditText("USD")
    return d


@pytest.fixture
def gate(monkeypatch):
    """preview_ledes held until the test lets it go; records the thread it ran on."""
    real, release, threads = imports.preview_ledes, threading.Event(), []

    def gated(*args, **kwargs):
        threads.append(threading.get_ident())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(imports, "preview_ledes", gated)
    release.threads = threads
    yield release
    release.set()


def test_preview_runs_on_a_worker_with_a_busy_bar(qtbot, wctx, gate):
    d = _dialog(qtbot, wctx)
    d.show()
    assert d.run_preview() is False  # not shown yet: it is being read
    assert d.previewing and d.busy.isVisibleTo(d)
    assert not d.preview_button.isEnabled() and not d.import_button.isEnabled()
    assert "canonical_1998b.txt" in d.summary.text()
    with qtbot.waitSignal(d.preview_finished, timeout=20000) as blocker:
        gate.set()
    assert blocker.args == [True]
    assert gate.threads and gate.threads[0] != threading.get_ident()
    assert not d.previewing and not d.busy.isVisibleTo(d) and d.preview_button.isEnabled()
    assert d.table.rowCount() == len(d.preview.rows) > 0 and d.import_button.isEnabled()


def test_a_preview_for_changed_choices_is_dropped(qtbot, wctx, gate):
    d = _dialog(qtbot, wctx)
    finished = []
    d.preview_finished.connect(finished.append)
    d.run_preview()
    assert d.previewing
    d.currency_combo.setEditText("EUR")  # the user changes the invoice currency while the file is read
    assert not d.previewing and not d.busy.isVisibleTo(d)
    gate.set()
    wctx.wait_idle()
    qtbot.wait(50)  # the old worker's queued result arrives, and is dropped
    assert finished == [] and d.preview is None
    assert d.table.rowCount() == 0 and not d.import_button.isEnabled()
    # a new preview for the new choice is shown
    with qtbot.waitSignal(d.preview_finished, timeout=20000):
        d.run_preview()
    assert {r.expense.currency for r in d.preview.rows} == {"EUR"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_refusal_is_shown_in_the_users_language(qtbot, wctx, lang):
    wctx.lang = lang
    d = _dialog(qtbot, wctx)
    d.paid_on_edit.setText("2026-13-01")
    with qtbot.waitSignal(d.preview_finished, timeout=20000) as blocker:
        d.run_preview()
    assert blocker.args == [False]
    expected = messages.text("not_a_date", lang, value="2026-13-01")
    assert d.summary.text() == f"paid_on: {expected}"
    assert not d.import_button.isEnabled()


def test_a_refused_file_lists_its_problems_after_the_worker(qtbot, wctx):
    d = _dialog(qtbot, wctx, "broken_header.txt")
    with qtbot.waitSignal(d.preview_finished, timeout=20000) as blocker:
        d.run_preview()
    assert blocker.args == [False]
    assert d.problems.count() > 0 or d.summary.text()
    assert not d.import_button.isEnabled()


def test_the_expense_editor_reads_a_pdf_receipt_on_a_worker(qtbot, store, tmp_path, monkeypatch):
    from lei_desktop.services import demo
    from lei_desktop.ui import expense_editor
    from lei_desktop.ui.pages.expenses import ExpensesPage

    demo.build(store, n_expenses=6, receipts=True)
    ctx = UiContext(store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    real, threads = expense_editor.pdf_summary, []

    def recorded(data):
        threads.append(threading.get_ident())
        return real(data)

    monkeypatch.setattr(expense_editor, "pdf_summary", recorded)
    page = ExpensesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    ed = page.editor
    assert ed.files and ed.files[0].filename.endswith(".pdf")
    qtbot.waitUntil(lambda: "page(s)" in ed.preview.text(), timeout=20000)
    assert ed.preview.text().startswith(ed.files[0].filename + "\nPDF, 1 page(s)")
    assert threads and threading.get_ident() not in threads
    # shown again (a language switch, another row and back) it comes from the cache: no second read
    n = len(threads)
    ed._preview(0)
    assert len(threads) == n and "page(s)" in ed.preview.text()
    ctx.wait_idle()
