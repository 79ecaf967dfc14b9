"""Import preview dialog: preview first (nothing written), problems named by line, then all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from lei_desktop.services import expenses
from lei_desktop.ui.context import UiContext
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture

pytest.importorskip("lei_desktop.services.imports", reason="the imports service is not merged yet")

LEDES = Path(__file__).resolve().parents[1] / "data" / "ledes" / "canonical_1998b.txt"


@pytest.fixture
def dialog(qtbot, loaded_store, tmp_path):
    from lei_desktop.ui.import_dialog import ImportDialog

    ctx = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    d = ImportDialog(ctx, dispute="D1")
    qtbot.addWidget(d)
    return d


def _preview(qtbot, d):
    d.run_preview()
    qtbot.waitUntil(lambda: d.state != "previewing", timeout=20000)


def test_csv_preview_then_import(qtbot, dialog, tmp_path):
    f = tmp_path / "costs.csv"
    f.write_text("category,amount,currency,payee,invoice_number,paid_on,description_en\n"
                 "court_fees,350.00,USD,Clerk E.D. Tex.,CLK-9,2026-04-01,Filing fee\n"
                 "translation_notarization,1200.00,CNY,北京信达,XD-1,2026-04-02,Translation\n", encoding="utf-8")
    dialog.set_file(f)
    assert dialog.kind.currentData() == "csv"
    _preview(qtbot, dialog)
    assert dialog.rows.rowCount() == 2
    assert expenses.count_expenses(dialog.ctx.store) == 4  # a preview writes nothing
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.state != "importing", timeout=20000)
    assert dialog.state == "imported"
    payees = {e.payee for e in expenses.list_expenses(dialog.ctx.store)}
    assert {"Clerk E.D. Tex.", "北京信达"} <= payees


def test_refused_csv_names_the_line_and_imports_nothing(qtbot, dialog, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("category,amount,currency,paid_on\ncourt_fees,12.505,USD,2026-04-01\n", encoding="utf-8")
    dialog.set_file(f)
    _preview(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    problem = dialog.preview.errors[0]
    assert dialog.problems.item(0).text() == "✘ " + problem.message("en")
    assert "2" in problem.where("en")  # line 2 of the file
    assert expenses.count_expenses(dialog.ctx.store) == 4


def test_ledes_preview_lists_its_lines(qtbot, dialog):
    dialog.set_file(LEDES)
    dialog.currency.setEditText("USD")
    _preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.kind == "ledes"
    assert dialog.rows.rowCount() == len(dialog.preview.rows) > 0
    total = dialog.preview.totals["USD"]
    assert dialog.ctx.fmt_money(total, "USD") in dialog.summary.text()
