"""Expenses page: SQL sort and filter with keyset paging, keyboard entry, validation, rates, files,
undo/redo, duplicates and unsaved edits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from lei_desktop.domain.fx import convert
from lei_desktop.domain.messages import text
from lei_desktop.services import attachments, demo, expenses
from lei_desktop.services.expense_table import page_after
from lei_desktop.services.expenses import ExpenseQuery
from lei_desktop.ui.context import UiContext
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture


@pytest.fixture
def ctx(loaded_store, tmp_path):
    return UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo_ctx(store, tmp_path):
    demo.build(store, n_expenses=45, receipts=False)
    return UiContext(store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def page(expenses_page):
    return expenses_page


def _all_rows(model):
    while model.canFetchMore():
        model.fetchMore()
    return [model.expense(i) for i in range(model.rowCount())]


# --- the table ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("sort,descending,text", [("payee", False, ""), ("paid_on", True, ""), ("amount", False, ""),
                                                  ("invoice_date", False, ""), ("ref", True, ""),
                                                  ("paid_on", False, "Lufthansa"), ("dispute", True, "20")])
def test_keyset_pages_give_the_same_order_as_one_query(demo_ctx, sort, descending, text):
    store = demo_ctx.store
    query = ExpenseQuery(sort=sort, descending=descending, text=text)
    everything = [e.ref for e in expenses.page_expenses(store, query, 0, 10_000)]
    got, after = [], None
    while True:
        page = page_after(store, query, after, 7)
        got += [e.ref for e in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert got == everything and got
    assert len(got) == expenses.count_expenses(store, query)


def test_model_sorts_and_filters_in_sql_and_pages_lazily(qtbot, demo_ctx):
    from lei_desktop.ui.models.expense_model import ExpenseTableModel

    model = ExpenseTableModel(demo_ctx)
    model.PAGE = 10
    model.reload()
    qtbot.waitUntil(lambda: model.total >= 0)  # counted on a worker thread
    assert model.total == 45
    assert model.rowCount() == 10 and model.canFetchMore()

    model.sort(model.column_of("payee"), Qt.SortOrder.DescendingOrder)
    rows = _all_rows(model)
    stored = expenses.list_expenses(demo_ctx.store)
    assert [e.payee for e in rows] == sorted((e.payee for e in stored), reverse=True)

    model.set_query(ExpenseQuery(dispute="D2", category="travel_lodging"))
    rows = _all_rows(model)
    expected = {e.ref for e in stored if e.dispute == "D2" and e.category == "travel_lodging"}
    assert {e.ref for e in rows} == expected and expected
    assert model.total == len(expected)

    needle = stored[0].invoice_number
    model.set_query(ExpenseQuery(text=needle))
    assert [e.ref for e in _all_rows(model)] == [e.ref for e in stored if needle in e.invoice_number]


def test_cny_column_uses_the_rate_of_the_payment_date(qtbot, ctx):
    from lei_desktop.ui.models.expense_model import ExpenseTableModel

    model = ExpenseTableModel(ctx)
    model.reload()
    row = model.row_of("E1")
    shown = model.data(model.index(row, model.column_of("cny")))
    # E1: USD 12,500.00 paid 2026-04-01; the example's USD rate that day is 7.1234
    assert shown == ctx.fmt_money(convert(Decimal("12500.00"), Decimal("7.1234")), "CNY")


# --- the editor --------------------------------------------------------------------------------------


def _type_new(qtbot, ed, **values):
    for key, value in values.items():
        widget = getattr(ed, key)
        if key == "currency":
            widget.setEditText(value)
            continue
        widget.clear()
        qtbot.keyClicks(widget, value)


def test_ctrl_n_then_typing_and_enter_saves(qtbot, page):
    ed = page.editor
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert ed.current is None and ed.ref.text() == "E5"
    _type_new(qtbot, ed, amount="300.00", currency="USD", paid_on="2026-04-01", payee="FedEx",
              invoice_number="FX-1", description_en="Courier")
    assert ed.dirty
    qtbot.keyClick(ed.description_en, Qt.Key.Key_Return)
    saved = expenses.get_expense(page.ctx.store, "E5")
    assert (saved.amount, saved.currency, saved.payee, saved.paid_on) == (
        Decimal("300.00"), "USD", "FedEx", date(2026, 4, 1))
    assert not ed.dirty
    assert page.model.row_of("E5") >= 0


def test_tab_order_follows_the_form(qtbot, page):
    ed = page.editor
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    ed.ref.setFocus()
    seen = [ed.ref]
    for _ in range(10):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        seen.append(page.focusWidget())
    assert seen == [ed.ref, ed.dispute, ed.category, ed.amount, ed.currency, ed.paid_on, ed.invoice_date, ed.service_date,
                    ed.payee, ed.invoice_number, ed.description_zh]


def test_validation_while_typing_in_the_current_language(qtbot, page):
    ed = page.editor
    ed.new_expense()
    ed.currency.setEditText("JPY")
    qtbot.keyClicks(ed.amount, "1.5")
    expected_en = text("money_precision", "en", currency="JPY", digits=0, value="1.5")
    assert ed.error_text("amount") == expected_en
    page.ctx.lang = "zh"
    page.retranslate()
    assert ed.error_text("amount") == text("money_precision", "zh", currency="JPY", digits=0, value="1.5")
    qtbot.keyClicks(ed.paid_on, "2026-13-01")
    assert ed.error_text("paid_on") == text("not_a_date", "zh", value="2026-13-01")
    # Enter does not save an invalid form
    qtbot.keyClick(ed.paid_on, Qt.Key.Key_Return)
    assert expenses.count_expenses(page.ctx.store) == 4


def test_rate_and_cny_follow_the_typing(qtbot, page):
    ed = page.editor
    ed.new_expense()
    ed.currency.setEditText("USD")
    qtbot.keyClicks(ed.amount, "100")
    qtbot.keyClicks(ed.paid_on, "2026-04-03")  # no fixing that day: 2026-04-01's rate applies
    label = ed.rate_label.text()
    assert "7.1234" in label and page.ctx.fmt_date(date(2026, 4, 1)) in label
    assert page.ctx.fmt_money(convert(Decimal("100"), Decimal("7.1234")), "CNY") in label
    qtbot.keyClicks(ed.rate_override, "7.2")
    assert page.ctx.fmt_money(Decimal("720.00"), "CNY") in ed.rate_label.text()


def test_duplicate_warning_same_payee_and_invoice_number(qtbot, page):
    ed = page.editor
    ed.new_expense()
    asked = []
    ed.confirm_duplicate = lambda message: asked.append(message) or False
    ed.currency.setEditText("USD")
    _type_new(qtbot, ed, amount="10", paid_on="2026-04-01", payee="smith & lee llp ", invoice_number="SL-2026-031")
    ed.check_duplicates()
    assert ed.dup_label.isVisibleTo(ed) and "E1" in ed.dup_label.text()
    assert not ed.save()
    assert asked and "E1" in asked[0]
    assert expenses.count_expenses(page.ctx.store) == 4
    ed.confirm_duplicate = lambda message: True
    assert ed.save()
    assert expenses.count_expenses(page.ctx.store) == 5


def _png(path, color="red"):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    image.save(str(path))
    return path


def test_attachment_with_preview_and_same_file_warning(qtbot, page, tmp_path):
    ed = page.editor
    ed.load_ref("E1")
    receipt = _png(tmp_path / "receipt.png")
    ed.add_files([receipt])
    assert ed.dirty and ed.files[-1].pending
    assert not ed.preview.pixmap().isNull()
    assert ed.save()
    stored = attachments.list_attachments(page.ctx.store, "expense", "E1")
    assert [a.filename for a in stored] == ["receipt.png"]
    assert stored[0].sha256 == attachments.sha256(receipt.read_bytes())

    ed.load_ref("E2")
    copy = tmp_path / "copy-of-receipt.png"
    copy.write_bytes(receipt.read_bytes())
    ed.add_files([copy])
    assert "E1" in ed.dup_label.text() and "receipt.png" in ed.dup_label.text()


def test_undo_and_redo_of_create_edit_and_delete(qtbot, page, monkeypatch):
    ed, store = page.editor, page.ctx.store
    ed.new_expense()
    ed.currency.setEditText("CNY")
    _type_new(qtbot, ed, amount="88.00", paid_on="2026-04-05", payee="Copy shop")
    assert ed.save()
    assert expenses.count_expenses(store) == 5
    page.undo_action.trigger()
    assert expenses.count_expenses(store) == 4
    page.redo_action.trigger()
    assert expenses.get_expense(store, "E5").payee == "Copy shop"

    ed.load_ref("E1")
    _type_new(qtbot, ed, payee="Smith & Lee LLP (Dallas)")
    assert ed.save()
    assert expenses.get_expense(store, "E1").payee == "Smith & Lee LLP (Dallas)"
    page.undo_action.trigger()
    assert expenses.get_expense(store, "E1").payee == "Smith & Lee LLP"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    ed.load_ref("E2")
    page.delete_expense()
    assert "E2" not in {e.ref for e in expenses.list_expenses(store)}
    page.undo_action.trigger()
    assert expenses.get_expense(store, "E2").amount == Decimal("1000000")


def test_unsaved_edits_are_not_dropped_silently(qtbot, page):
    ed = page.editor
    ed.load_ref("E1")
    _type_new(qtbot, ed, payee="Edited but not saved")
    assert page.has_unsaved()
    page.ask_unsaved = lambda: QMessageBox.StandardButton.Cancel
    other = page.model.row_of("E2")
    page.table.selectRow(other)
    assert ed.current.ref == "E1" and ed.payee.text() == "Edited but not saved"
    page.ask_unsaved = lambda: QMessageBox.StandardButton.Save
    page.table.selectRow(other)
    assert ed.current.ref == "E2"
    assert expenses.get_expense(page.ctx.store, "E1").payee == "Edited but not saved"


def test_files_dropped_from_the_desktop_are_attached(qtbot, page, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    ed = page.editor
    ed.load_ref("E3")
    receipt = _png(tmp_path / "boarding-pass.png", "blue")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(receipt))])
    target = ed.file_list.viewport()
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    assert [f.filename for f in ed.files if f.pending] == ["boarding-pass.png"]
    assert ed.save()
    assert [a.filename for a in attachments.list_attachments(page.ctx.store, "expense", "E3")] == ["boarding-pass.png"]


@pytest.mark.parametrize("typed", ["2026/4/2", "2026.4.2", "2026年4月2日", "20260402", " 2026-04-02 "])
def test_dates_typed_loosely_are_read_and_ctrl_s_saves(qtbot, page, typed):
    ed = page.editor
    ed.load_ref("E1")
    ed.paid_on.clear()
    ed.paid_on.setText(typed)
    ed.paid_on.textEdited.emit(typed)
    assert ed.error_text("paid_on") == ""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    ed.paid_on.setFocus()
    qtbot.keyClick(ed.paid_on, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert expenses.get_expense(page.ctx.store, "E1").paid_on == date(2026, 4, 2)


def test_duplicate_warning_appears_while_typing(qtbot, page):
    ed = page.editor
    ed.new_expense()
    qtbot.keyClicks(ed.payee, "Smith & Lee LLP")
    qtbot.keyClicks(ed.invoice_number, "SL-2026-031")  # E1's; looked up on a worker a moment later
    qtbot.waitUntil(lambda: ed.dup_label.isVisibleTo(ed), timeout=5000)
    assert "E1" in ed.dup_label.text()


def test_clicking_a_computed_column_keeps_the_sql_sort(qtbot, page):
    header = page.table.horizontalHeader()
    model = page.model
    header.setSortIndicator(model.column_of("payee"), Qt.SortOrder.DescendingOrder)
    assert (model.query.sort, model.query.descending) == ("payee", True)
    header.setSortIndicator(model.column_of("cny"), Qt.SortOrder.AscendingOrder)
    assert (model.query.sort, model.query.descending) == ("payee", True)
    assert header.sortIndicatorSection() == model.column_of("payee")
