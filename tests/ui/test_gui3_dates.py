"""GUI-3: one date field for the whole app — typed from the keyboard or picked from a calendar in the UI's
language; optional dates can be emptied; a wrong date gets the field's message in both languages."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from lei_desktop.domain import messages
from lei_desktop.services import expenses, policies
from lei_desktop.ui.context import UiContext
from lei_desktop.ui.forms import DateEdit, loose_date
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture


@pytest.fixture
def policies_page(qtbot, loaded_ctx):
    from lei_desktop.ui.pages.policies import PoliciesPage

    page = PoliciesPage(loaded_ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _pick(qtbot, edit: DateEdit, when: date) -> None:
    """Open the calendar like a user (Alt+Down), move to ``when`` and press Enter."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edit.popup is not None and edit.popup.isVisible()
    cal = edit.popup.calendar
    cal.setSelectedDate(QDate(when.year, when.month, when.day))
    target = cal.focusWidget() or cal
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_every_date_field_is_the_shared_widget(qtbot, loaded_ctx, expenses_page, policies_page):
    from lei_desktop.ui.import_dialog import ImportDialog
    from lei_desktop.ui.pages.claims import LineDecisionDialog, PaymentDialog
    from lei_desktop.ui.pages.disputes import DisputesPage
    from lei_desktop.ui.pages.rates import RatesPage

    ed = expenses_page.editor
    assert isinstance(ed.paid_on, DateEdit) and isinstance(ed.invoice_date, DateEdit)
    for key in ("period_start", "period_end", "retroactive_date"):
        assert isinstance(policies_page.form.widgets[key], DateEdit)
    disputes_page = DisputesPage(loaded_ctx)
    qtbot.addWidget(disputes_page)
    for key in ("first_asserted_on", "infringement_began_on", "notified_on"):
        assert isinstance(disputes_page.form.widgets[key], DateEdit)
    assert isinstance(disputes_page.consents.form.widgets["granted_on"], DateEdit)
    rates_page = RatesPage(loaded_ctx)
    qtbot.addWidget(rates_page)
    assert isinstance(rates_page.form.widgets["date"], DateEdit)
    decision = LineDecisionDialog(None, "E1", "100.00")
    payment = PaymentDialog(None, "Payment", "100.00")
    qtbot.addWidget(decision)
    qtbot.addWidget(payment)
    assert isinstance(decision.on, DateEdit) and isinstance(payment.on, DateEdit)
    assert decision.on.date() == date.today() == payment.on.date()
    dialog = ImportDialog(loaded_ctx, None)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.paid_on_edit, DateEdit)
    # required dates offer no clearing; optional ones do
    assert not policies_page.form.widgets["period_start"].optional
    assert policies_page.form.widgets["retroactive_date"].optional


def test_pick_a_date_from_the_calendar_in_the_expense_editor(qtbot, expenses_page):
    page = expenses_page
    ed = page.editor
    page.new_expense()
    ref = ed.ref.text()
    for w, value in ((ed.amount, "250.00"), (ed.payee, "FedEx"), (ed.invoice_number, "FX-9")):
        w.clear()
        qtbot.keyClicks(w, value)
    ed.currency.setEditText("USD")
    _pick(qtbot, ed.paid_on, date(2026, 3, 14))
    # Enter in the calendar took the date and closed it — it did not save the expense
    assert ed.paid_on.text() == "2026-03-14"
    assert ed.paid_on.popup is None
    assert ed.paid_on.hasFocus()
    assert ed.dirty
    assert ref not in {e.ref for e in expenses.list_expenses(page.ctx.store)}
    # the next Enter saves, with the picked date
    qtbot.keyClick(ed.paid_on, Qt.Key.Key_Return)
    saved = expenses.get_expense(page.ctx.store, ref)
    assert saved.paid_on == date(2026, 3, 14)


def test_the_calendar_opens_on_the_typed_date_and_escape_keeps_it(qtbot, expenses_page):
    ed = expenses_page.editor
    expenses_page.new_expense()
    ed.invoice_date.setText("2025/2/3")
    ed.invoice_date.show_calendar()
    assert ed.invoice_date.popup.calendar.selectedDate() == QDate(2025, 2, 3)
    qtbot.keyClick(ed.invoice_date.popup.calendar.focusWidget() or ed.invoice_date.popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ed.invoice_date.popup is None)  # closed, deleted and forgotten
    assert ed.invoice_date.text() == "2025/2/3"


@pytest.mark.parametrize("typed", ["2026-04-01", "2026/4/1", "2026.4.1", "2026年4月1日", "20260401"])
def test_typing_a_date_in_any_accepted_form(qtbot, policies_page, typed):
    page = policies_page
    page.new_record()
    w = page.form.widgets["period_start"]
    w.clear()
    if typed.isascii():
        qtbot.keyClicks(w, typed)
    else:
        w.insert(typed)  # what an input method delivers
    assert page.form.value("period_start") == "2026-04-01"
    assert w.date() == date(2026, 4, 1)
    assert loose_date(typed) == "2026-04-01"


def test_clear_an_optional_date_and_save(qtbot, policies_page):
    page = policies_page
    page.new_record()
    values = {"ref": "P7", "policy_number": "PICC-7", "period_start": "2026-01-01", "period_end": "2026-12-31",
              "retroactive_date": "2025-01-01", "per_claim_limit": "500000", "aggregate_limit": "1000000",
              "coinsurance": "0.8", "deductible": "0"}
    for key, text in values.items():
        w = page.form.widgets[key]
        w.clear()
        qtbot.keyClicks(w, text)
    retro = page.form.widgets["retroactive_date"]
    retro.show_calendar()
    assert retro.popup.clear_button.isVisibleTo(retro.popup)
    qtbot.mouseClick(retro.popup.clear_button, Qt.MouseButton.LeftButton)
    assert retro.text() == "" and retro.popup is None
    assert page.form.value("retroactive_date") is None
    assert page.save()
    assert policies.get_policy(page.ctx.store, "P7").retroactive_date is None
    # a required date has no "No date" in its calendar
    start = page.form.widgets["period_start"]
    start.show_calendar()
    assert not start.popup.clear_button.isVisibleTo(start.popup)
    start.popup.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_invalid_typed_date_gets_the_field_message(qtbot, loaded_ctx, policies_page, lang):
    from lei_desktop.ui import i18n

    i18n.install(lang)
    loaded_ctx.lang = lang
    page = policies_page
    page.new_record()
    w = page.form.widgets["period_start"]
    qtbot.keyClicks(w, "2026-13-45")
    expected = messages.text("not_a_date", lang, field="period_start", value="2026-13-45")
    assert page.form.errors["period_start"].text() == expected
    assert page.form.errors["period_start"].isVisibleTo(page)


def test_calendar_speaks_the_ui_language(qtbot, loaded_ctx, expenses_page):
    from lei_desktop.ui import i18n

    ed = expenses_page.editor
    i18n.install("zh")
    ed.paid_on.show_calendar()
    cal = ed.paid_on.popup.calendar
    assert cal.locale().language() == QLocale.Language.Chinese
    assert cal.locale().dayName(1, QLocale.FormatType.LongFormat) == "星期一"
    assert cal.locale().monthName(3, QLocale.FormatType.LongFormat) == "三月"
    assert cal.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert ed.paid_on.popup.today_button.text() == "今天"
    ed.paid_on.popup.close()
    i18n.install("en")
    ed.paid_on.show_calendar()
    assert ed.paid_on.popup.calendar.locale().language() == QLocale.Language.English
    assert ed.paid_on.popup.today_button.text() == "Today"
    ed.paid_on.popup.close()


def test_date_edit_is_still_a_line_edit_for_tab_order(qtbot, expenses_page):
    ed = expenses_page.editor
    assert isinstance(ed.paid_on, QLineEdit)
    assert ed.paid_on.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_read_only_date_offers_no_calendar_and_no_clearing(qtbot):
    edit = DateEdit(optional=True)
    qtbot.addWidget(edit)
    edit.set_date(date(2026, 3, 4))
    assert edit.calendar_action.isVisible() and edit.isClearButtonEnabled()
    edit.setReadOnly(True)
    assert not edit.calendar_action.isVisible() and not edit.isClearButtonEnabled()
    edit.show_calendar()
    assert edit.popup is None
    edit.setReadOnly(False)
    assert edit.calendar_action.isVisible() and edit.isClearButtonEnabled()


def test_leaving_the_field_shows_the_typed_date_as_stored(qtbot, policies_page):
    page = policies_page
    page.new_record()
    w = page.form.widgets["period_start"]
    w.setFocus()
    qtbot.keyClicks(w, "2026/4/1")
    page.form.widgets["period_end"].setFocus()  # Tab away
    w.editingFinished.emit()  # offscreen windows may not deliver focus-out; the signal is what matters
    assert w.text() == "2026-04-01"
    bad = page.form.widgets["period_end"]
    qtbot.keyClicks(bad, "2026/13/1")
    bad.editingFinished.emit()
    assert bad.text() == "2026/13/1"  # not a date: left for the message to name


def test_the_expenses_table_filters_by_a_paid_on_range(qtbot, store, tmp_path):
    from lei_desktop.services import demo
    from lei_desktop.services.expenses import ExpenseQuery, count_expenses
    from lei_desktop.ui.pages.expenses import ExpensesPage

    demo.build(store, n_expenses=60, receipts=False)
    ctx = UiContext(store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = ExpensesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    every = expenses.list_expenses(store)
    days = sorted({e.paid_on for e in every if e.paid_on})
    lo, hi = days[len(days) // 4], days[3 * len(days) // 4]
    _pick(qtbot, page.paid_from, lo)
    page.paid_to.setText(hi.strftime("%Y/%m/%d").replace("/0", "/"))  # typed loosely: 2026/5/7
    page.apply_filter()
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    shown = [model.expense(i) for i in range(model.rowCount())]
    expected = sorted(e.ref for e in every if e.paid_on and lo <= e.paid_on <= hi)
    assert expected and len(expected) < len(every)
    assert sorted(e.ref for e in shown) == expected
    assert count_expenses(store, ExpenseQuery(paid_from=lo, paid_to=hi)) == len(expected)
    # cleared: everything again
    page.paid_from.clear()
    page.paid_to.clear()
    page.apply_filter()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(every)


@pytest.mark.parametrize("sort,descending", [("payee", False), ("paid_on", True), ("amount", False)])
def test_keyset_pages_with_a_paid_on_range_match_one_query(store, sort, descending):
    from lei_desktop.services import demo
    from lei_desktop.services.expense_table import page_after
    from lei_desktop.services.expenses import ExpenseQuery, page_expenses

    demo.build(store, n_expenses=45, receipts=False)
    query = ExpenseQuery(sort=sort, descending=descending, paid_from=date(2026, 4, 1), paid_to=date(2026, 8, 31))
    everything = [e.ref for e in page_expenses(store, query, 0, 10_000)]
    paged, after = [], None
    while True:
        page = page_after(store, query, after, 7)
        paged.extend(e.ref for e in page.rows)
        if page.next_after is None:
            break
        after = page.next_after
    assert paged == everything and everything
