"""The import dialog: preview first, import only an error-free preview, all-or-nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from lei_desktop.store.models import ExpenseRow
from tests.ui.gui2_support import FakeContext

LEDES = Path(__file__).resolve().parents[1] / "data" / "ledes"


def count(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(ExpenseRow))


def test_preview_then_import_ledes(qtbot, loaded_store):
    from lei_desktop.ui.import_dialog import ImportDialog

    ctx = FakeContext(loaded_store, "zh")
    changed = []
    ctx.data_changed.connect(changed.append)
    d = ImportDialog(ctx, None, dispute="D1", path=str(LEDES / "ebi_eur.txt"))
    qtbot.addWidget(d)
    assert d.kind_combo.currentData() == "ledes" and not d.import_button.isEnabled()
    before = count(loaded_store)
    assert d.run_preview()
    assert count(loaded_store) == before
    assert d.table.rowCount() == 4 and d.import_button.isEnabled()
    assert d.table.item(0, 2).text() == "律师费" and d.table.item(0, 4).text() == "EUR"
    assert "律师费: 1309.00 EUR" in d.summary.text()  # 1428 − 119
    d.import_button.click()
    assert d.result() == d.DialogCode.Accepted and len(d.result_refs) == 4
    assert count(loaded_store) == before + 4 and changed == ["expense"]


def test_refused_file_shows_errors_and_cannot_be_imported(qtbot, loaded_store):
    from lei_desktop.ui.import_dialog import ImportDialog

    d = ImportDialog(FakeContext(loaded_store, "en"), None, dispute="D1", path=str(LEDES / "broken_header.txt"))
    qtbot.addWidget(d)
    assert not d.run_preview()
    assert not d.import_button.isEnabled() and d.table.rowCount() == 0
    texts = [d.problems.item(i).text() for i in range(d.problems.count())]
    assert any("INVOICE_TOTL" in t and "line 2" in t for t in texts)
    assert "nothing will be imported" in d.summary.text()


def test_csv_with_a_mapping_file(qtbot, loaded_store, tmp_path):
    import json

    from lei_desktop.ui.import_dialog import ImportDialog

    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"paid_on": "date", "amount": "amount"}, "currency": "USD",
                                   "category": "court_fees"}), "utf-8")
    data = tmp_path / "fees.csv"
    data.write_text("date,amount\n2026-04-01,350.00\n2026-04-02,\"1,200.50\"\n", "utf-8")
    d = ImportDialog(FakeContext(loaded_store, "en"), None, dispute="D1", path=str(data))
    qtbot.addWidget(d)
    assert d.kind_combo.currentData() == "csv"
    d.mapping_combo.setEditText(str(mapping))
    assert d.run_preview()
    assert [d.table.item(r, 3).text() for r in range(d.table.rowCount())] == ["350.00", "1200.50"]
    d.import_button.click()
    assert sum(Decimal(d.table.item(r, 3).text()) for r in range(2)) == Decimal("1550.50")
    assert len(d.result_refs) == 2


def test_rates_from_the_rates_page_dialog(qtbot, loaded_store, tmp_path):
    from lei_desktop.services import rates
    from lei_desktop.ui.import_dialog import ImportDialog

    f = tmp_path / "fx.csv"
    f.write_text("date,currency,rate,per,source\n2026-06-01,100JPY,4.5012,,CFETS\n2026-06-01,USD,7.1,1,CFETS\n")
    d = ImportDialog(FakeContext(loaded_store, "en"), None, path=str(f), kind="rates")
    qtbot.addWidget(d)
    assert d.kind_combo.currentData() == "rates" and not d.dispute_combo.isEnabled()
    assert d.run_preview() and d.table.rowCount() == 2
    assert [d.table.item(0, c).text() for c in range(1, 5)] == ["2026-06-01", "JPY", "4.5012", "100"]
    d.import_button.click()
    jpy = [r for r in rates.list_rates(loaded_store, "JPY") if r.on_date.isoformat() == "2026-06-01"]
    assert jpy and jpy[0].per == 100 and str(jpy[0].rate) == "4.5012"


def test_mapping_editor_guesses_columns_saves_and_is_reused(qtbot, loaded_store, tmp_path, monkeypatch):
    from lei_desktop.services import imports
    from lei_desktop.ui import mapping_dialog
    from lei_desktop.ui.import_dialog import ImportDialog

    data = tmp_path / "bank.csv"
    data.write_bytes("日期,金额,币种,类别,收款方\n2026/4/1,\"1,234.50\",USD,律师费,Smith & Lee\n".encode("gb18030"))

    def accept_after_naming(self):
        assert self.combos["amount"].currentData() == "金额" and self.combos["paid_on"].currentData() == "日期"
        self.name_edit.setText("bank")
        self.save()
        return self.result()

    monkeypatch.setattr(mapping_dialog.MappingDialog, "exec", accept_after_naming)
    d = ImportDialog(FakeContext(loaded_store, "zh"), None, dispute="D1", path=str(data))
    qtbot.addWidget(d)
    assert d.edit_mapping()
    assert imports.list_mappings(loaded_store) == ["bank"] and d.mapping_combo.currentText() == "bank"
    assert d.run_preview()
    e = d.preview.rows[0].expense
    assert (e.amount, e.currency, e.category, e.payee, e.paid_on.isoformat()) == (
        Decimal("1234.50"), "USD", "attorney_fees", "Smith & Lee", "2026-04-01")


def test_mapping_editor_names_what_is_missing(qtbot, loaded_store):
    from lei_desktop.ui.mapping_dialog import MappingDialog

    m = MappingDialog(FakeContext(loaded_store, "en"), None, header=["when", "what"])
    qtbot.addWidget(m)
    m.save()
    assert m.result() != m.DialogCode.Accepted and "columns" in m.message.text()


def test_expenses_page_import_shows_the_new_rows(qtbot, loaded_store, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from lei_desktop.ui import import_dialog
    from lei_desktop.ui.context import UiContext
    from lei_desktop.ui.pages.expenses import ExpensesPage

    ctx = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = ExpensesPage(ctx)
    qtbot.addWidget(page)
    seen = {}

    def preview_and_import(self):
        seen["dispute"] = self.dispute_combo.currentData()
        self.path_edit.setText(str(LEDES / "canonical_1998b.txt"))
        self.currency_combo.setEditText("USD")
        with qtbot.waitSignal(self.preview_finished, timeout=20000) as blocker:  # read on a worker
            self.run_preview()
        assert blocker.args == [True]
        self.commit()
        return self.result()

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", preview_and_import)
    before = count(loaded_store)
    page.import_file()
    assert count(loaded_store) == before + 5 and seen["dispute"] == "D1"
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() >= before + 5


def test_paid_on_is_recorded_and_a_bad_one_is_named(qtbot, loaded_store):
    from lei_desktop.ui.import_dialog import ImportDialog

    d = ImportDialog(FakeContext(loaded_store, "en"), None, dispute="D1", path=str(LEDES / "canonical_1998b.txt"))
    qtbot.addWidget(d)
    d.currency_combo.setEditText("USD")
    d.paid_on_edit.setText("2026-13-01")
    assert not d.run_preview() and "paid_on" in d.summary.text()
    d.paid_on_edit.setText("2026-04-01")
    assert d.run_preview()
    assert {r.expense.paid_on.isoformat() for r in d.preview.rows} == {"2026-04-01"}


def test_rates_page_button_opens_the_rates_import(qtbot, loaded_store, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from lei_desktop.ui import import_dialog
    from lei_desktop.ui.context import UiContext
    from lei_desktop.ui.pages.rates import RatesPage

    f = tmp_path / "fx.csv"
    f.write_text("2026-07-01,GBP,9.1,1,BOC\n")
    ctx = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = RatesPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    before = len(page.records)

    def run(self):
        assert self.kind_combo.currentData() == "rates"
        self.path_edit.setText(str(f))
        with qtbot.waitSignal(self.preview_finished, timeout=20000) as blocker:  # read on a worker
            self.run_preview()
        assert blocker.args == [True]
        self.commit()
        return self.result()

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", run)
    page.import_btn.click()
    assert len(page.records) == before + 1


def test_an_imported_credit_can_be_edited_in_the_expense_editor(qtbot, loaded_store, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)

    from lei_desktop.services import expenses, imports
    from lei_desktop.ui.context import UiContext
    from lei_desktop.ui.pages.expenses import ExpensesPage

    p = imports.preview_ledes(loaded_store, (LEDES / "two_invoices.txt").read_bytes(), "D1", currency="USD")
    result = imports.commit(loaded_store, p)
    credit = next(e for e in expenses.list_expenses(loaded_store, "D1") if e.ref in result.refs and e.amount < 0)
    ctx = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = ExpensesPage(ctx)
    qtbot.addWidget(page)
    ed = page.editor
    ed.load_ref(credit.ref)
    ed.paid_on.clear()
    qtbot.keyClicks(ed.paid_on, "2026-04-02")
    assert ed.save(), ed.errors_of(ed.form_dict())
    again = expenses.get_expense(loaded_store, credit.ref)
    assert again.amount == credit.amount < 0 and again.paid_on.isoformat() == "2026-04-02"
    assert asked == []  # the invoice's other lines are not "possible duplicates" of this one
    ed.load_ref("E1")  # a typed expense still may not be negative
    ed.amount.clear()
    qtbot.keyClicks(ed.amount, "-5")
    assert "amount" in ed.errors_of(ed.form_dict())
