"""The expense editor shows and edits the service date (LEDES LINE_ITEM_DATE; optional): the shared
date widget, clearable, checked like the other dates in both languages, in the Tab order, Enter saves,
read-only once the expense is in a submitted claim."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt

from lei_desktop.domain.messages import text
from lei_desktop.services import claims, expenses
from lei_desktop.ui.forms import DateEdit
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture


@pytest.fixture
def page(expenses_page):
    return expenses_page


def _with_service_date(store, ref: str, when: date | None):
    e = expenses.get_expense(store, ref)
    return expenses.update_expense(store, ref, dataclasses.replace(e, service_date=when), e.version)


def test_service_date_is_the_shared_optional_date_widget(page):
    ed = page.editor
    assert isinstance(ed.service_date, DateEdit)
    assert ed.service_date.optional and ed.service_date.isClearButtonEnabled()
    assert ed.row_labels["service_date"].text() == "Ser&vice date"
    assert ed.row_labels["service_date"].buddy() is ed.service_date


def test_a_stored_service_date_is_shown_edited_by_keyboard_and_saved_with_enter(qtbot, page):
    store = page.ctx.store
    _with_service_date(store, "E1", date(2026, 2, 10))
    ed = page.editor
    ed.load_ref("E1")
    assert ed.service_date.text() == "2026-02-10"
    assert not ed.dirty
    ed.service_date.setFocus()
    ed.service_date.clear()
    qtbot.keyClicks(ed.service_date, "2026/2/11")  # typed loosely, read as 2026-02-11
    assert ed.dirty
    qtbot.keyClick(ed.service_date, Qt.Key.Key_Return)
    saved = expenses.get_expense(store, "E1")
    assert saved.service_date == date(2026, 2, 11)
    assert not ed.dirty
    # the other fields are unchanged by the round trip through the editor
    before = _with_service_date(store, "E1", date(2026, 2, 11))
    assert dataclasses.replace(saved, version=before.version) == before


def test_clearing_the_service_date_stores_none(qtbot, page):
    store = page.ctx.store
    _with_service_date(store, "E2", date(2026, 1, 5))
    ed = page.editor
    ed.load_ref("E2")
    ed.service_date.show_calendar()
    qtbot.mouseClick(ed.service_date.popup.clear_button, Qt.MouseButton.LeftButton)
    assert ed.service_date.text() == "" and ed.dirty
    assert ed.save()
    assert expenses.get_expense(store, "E2").service_date is None


def test_a_new_expense_starts_without_a_service_date_and_saves_one(qtbot, page):
    ed = page.editor
    ed.load_ref("E1")
    _with_service_date(page.ctx.store, "E1", date(2026, 3, 1))
    ed.load_ref("E1")
    assert ed.service_date.text() == "2026-03-01"
    page.new_expense()
    assert ed.service_date.text() == ""  # not carried over from the expense shown before
    ref = ed.ref.text()
    for w, value in ((ed.amount, "120.00"), (ed.payee, "Courier Co"), (ed.invoice_number, "C-77"),
                     (ed.service_date, "2026-03-02")):
        w.clear()
        qtbot.keyClicks(w, value)
    assert ed.save()
    assert expenses.get_expense(page.ctx.store, ref).service_date == date(2026, 3, 2)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wrong_service_date_gets_the_date_message_and_enter_does_not_save(qtbot, page, lang):
    ctx = page.ctx
    from lei_desktop.ui import i18n

    i18n.install(lang)
    ctx.lang = lang
    page.retranslate()
    ed = page.editor
    ed.load_ref("E1")
    version = expenses.get_expense(ctx.store, "E1").version
    ed.service_date.setFocus()
    qtbot.keyClicks(ed.service_date, "2026-02-30")
    assert ed.error_text("service_date") == text("not_a_date", lang, value="2026-02-30")
    qtbot.keyClick(ed.service_date, Qt.Key.Key_Return)
    stored = expenses.get_expense(ctx.store, "E1")
    assert stored.version == version and stored.service_date is None
    if lang == "zh":
        assert ed.row_labels["service_date"].text() == "服务日期(&V)"


def test_tab_goes_invoice_date_service_date_payee(qtbot, page):
    ed = page.editor
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    ed.invoice_date.setFocus()
    qtbot.keyClick(ed.invoice_date, Qt.Key.Key_Tab)
    assert page.focusWidget() is ed.service_date
    qtbot.keyClick(ed.service_date, Qt.Key.Key_Tab)
    assert page.focusWidget() is ed.payee


def test_a_submitted_expense_shows_its_service_date_read_only(qtbot, page):
    store = page.ctx.store
    _with_service_date(store, "E1", date(2026, 2, 10))
    ref = claims.create_claim(store, "D1", ["E1"])
    claims.submit(store, ref, override="documents follow")
    ed = page.editor
    ed.load_ref("E1")
    assert ed.locked_by == ref
    assert ed.service_date.text() == "2026-02-10"
    assert ed.service_date.isReadOnly()
    assert not ed.service_date.calendar_action.isVisible()
