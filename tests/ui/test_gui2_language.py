"""The expenses, claims and dashboard pages switch language live (main window's Settings switch)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lei_desktop.domain.categories import label as category_label
from lei_desktop.domain.messages import text
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture


def test_gui2_pages_switch_language_live(qtbot, window, loaded_ctx):
    expenses = window.show_page("expenses")
    expenses.editor.new_expense()
    expenses.editor.currency.setEditText("JPY")
    qtbot.keyClicks(expenses.editor.amount, "1.5")
    assert expenses.editor.error_text("amount") == text("money_precision", "en", currency="JPY", digits=0, value="1.5")

    window.set_language("zh")
    model = expenses.model
    assert expenses.new_action.text() == "新建(&N)"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert model.data(model.index(0, model.column_of("category"))) == category_label(model.expense(0).category, "zh")
    assert expenses.editor.error_text("amount") == text("money_precision", "zh", currency="JPY", digits=0, value="1.5")
    assert expenses.editor.row_labels["payee"].text() == "收款方(&Y)"
    assert expenses.count_label.text() == "4 笔费用"

    claims = window.show_page("claims")
    assert claims.tabs.tabText(0) == "理算步骤"
    dashboard = window.show_page("dashboard")
    assert dashboard.title.text() == "概览"

    window.set_language("en")
    assert expenses.new_action.text() == "&New"
    assert claims.tabs.tabText(0) == "Settlement steps"
    assert expenses.count_label.text() == "4 expense(s)"
