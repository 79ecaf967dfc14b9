"""The company page and the enrolment wizard carry 法定代表人 (legal representative)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lei_desktop.domain import messages
from lei_desktop.services import enrolment
from tests.ui.test_gui1_pages import type_into


def test_company_page_edits_the_legal_representative(qtbot, window, loaded_ctx):
    page = window.show_page("company")
    field = page.form.widgets["legal_representative"]
    assert field.text() == ""  # the example has none
    assert page.form.labels["legal_representative"].text() == "Legal representative"
    type_into(qtbot, field, "张\n三")  # as a paste could bring it
    assert page.save() is False
    assert page.form.errors["legal_representative"].text() == messages.text("legal_rep_one_line", "en")
    type_into(qtbot, field, "  张三  ")
    qtbot.keyClick(page.form.widgets["name_zh"], Qt.Key.Key_Return)  # Enter saves
    assert enrolment.get_company(loaded_ctx.store).legal_representative == "张三"
    assert not page.has_unsaved()
    page.refresh()
    assert field.text() == "张三"
    window.set_language("zh")
    assert page.form.labels["legal_representative"].text() == "法定代表人"
    window.set_language("en")
