"""GUI-1 pages: main window, company (live USCC), policies, disputes + consents, rates, settings, wizard."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from lei_desktop.domain import messages
from lei_desktop.services import disputes, enrolment, policies, rates

VALID_USCC = "91110108MA01XH7K2R"  # the example scenario's code; its check character is right


def type_into(qtbot, widget, text: str) -> None:
    """Type like a user (QTest only sends ASCII keys; other text arrives as one input, like an IME)."""
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def test_main_window_lists_the_pages_in_order(window):
    ids = window.page_ids()
    for page in ("company", "policies", "disputes", "rates", "settings"):
        assert page in ids
    assert ids.index("company") < ids.index("policies") < ids.index("disputes") < ids.index("settings")
    assert window.nav.item(ids.index("company")).text() == "Company & enrolment"


def test_missing_page_module_is_skipped(monkeypatch, qtbot, loaded_ctx):
    from lei_desktop.ui import main_window

    monkeypatch.setattr(main_window, "PAGES", [*main_window.PAGES, ("nowhere", "lei_desktop.ui.pages.nowhere", "X")])
    w = main_window.MainWindow(loaded_ctx)
    qtbot.addWidget(w)
    assert "nowhere" not in w.page_ids()


def test_company_uscc_is_checked_while_typing_in_the_current_language(qtbot, window):
    page = window.show_page("company")
    uscc = page.form.widgets["uscc"]
    type_into(qtbot, uscc, VALID_USCC[:17] + "0")  # wrong check character
    expected_en = messages.text("uscc_check", "en", expected="R", actual="0")
    assert page.uscc_status.text().endswith(expected_en)
    window.set_language("zh")
    assert page.uscc_status.text().endswith(messages.text("uscc_check", "zh", expected="R", actual="0"))
    type_into(qtbot, uscc, VALID_USCC)
    assert page.uscc_status.text().startswith("✔")


def test_company_validation_message_beside_the_field_and_save(qtbot, ctx):
    from lei_desktop.ui.pages.company import CompanyPage

    page = CompanyPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    type_into(qtbot, page.form.widgets["uscc"], VALID_USCC)
    assert page.save() is False  # the Chinese name is required
    assert page.form.errors["name_zh"].text() == messages.text("required", "en")
    type_into(qtbot, page.form.widgets["name_zh"], "北京测试科技有限公司")
    type_into(qtbot, page.form.widgets["contact_email"], "not-an-email")
    assert page.form.errors["contact_email"].text() == messages.text("bad_email", "en")
    type_into(qtbot, page.form.widgets["contact_email"], "legal@example.cn")
    for cb in page.elig.boxes.values():
        cb.setChecked(True)
    assert page.has_unsaved()
    from PySide6.QtGui import QKeySequence, QShortcut

    keys = [sc.key() for sc in page.findChildren(QShortcut)]
    assert QKeySequence(QKeySequence.StandardKey.Save) in keys  # Ctrl+S saves too
    qtbot.keyClick(page.form.widgets["name_zh"], Qt.Key.Key_Return)  # Enter saves
    saved = enrolment.get_company(ctx.store)
    assert saved is not None and saved.name_zh == "北京测试科技有限公司" and saved.uscc == VALID_USCC
    assert all(v for _, v in saved.eligibility)
    assert not page.has_unsaved()


def test_policy_created_from_the_form_with_categories(qtbot, ctx):
    from lei_desktop.ui.pages.policies import PoliciesPage

    page = PoliciesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.new_record()
    values = {"ref": "P9", "policy_number": "PICC-9", "period_start": "2026-01-01", "period_end": "2026-12-31",
              "per_claim_limit": "500000", "aggregate_limit": "1000000", "coinsurance": "0.8",
              "deductible": "10000"}
    for key, text in values.items():
        type_into(qtbot, page.form.widgets[key], text)
    page.categories.item(0, 1).setCheckState(Qt.CheckState.Checked)  # attorney fees covered
    page.categories.item(0, 3).setText("200000")
    # Enter in a field saves
    qtbot.keyClick(page.form.widgets["policy_number"], Qt.Key.Key_Return)
    p = policies.get_policy(ctx.store, "P9")
    assert p.per_claim_limit == Decimal("500000.00") and p.coinsurance == Decimal("0.8")
    terms = p.terms("attorney_fees")
    assert terms.covered and terms.sub_limit == Decimal("200000.00")
    assert page.table.rowCount() == 1


def test_policy_period_order_refused_with_message(qtbot, ctx):
    from lei_desktop.ui.pages.policies import PoliciesPage

    page = PoliciesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    for key, text in {"ref": "P1", "policy_number": "N", "period_start": "2026-12-31", "period_end": "2026-01-01",
                      "per_claim_limit": "1", "aggregate_limit": "1", "coinsurance": "1"}.items():
        type_into(qtbot, page.form.widgets[key], text)
    assert page.save() is False
    assert page.form.errors["period_end"].text()
    assert policies.list_policies(ctx.store) == []


def test_disputes_page_shows_consents_of_the_selected_dispute(qtbot, window, loaded_ctx):
    page = window.show_page("disputes")
    all_disputes = disputes.list_disputes(loaded_ctx.store)
    assert page.table.rowCount() == len(all_disputes)
    for d in all_disputes:
        page._edit(d)
        expected = disputes.list_consents(loaded_ctx.store, d.ref)
        assert [c.ref for c in page.consents.records] == [c.ref for c in expected]


def test_dispute_edit_saves_with_version(qtbot, window, loaded_ctx):
    page = window.show_page("disputes")
    d = disputes.list_disputes(loaded_ctx.store)[0]
    page._edit(d)
    type_into(qtbot, page.form.widgets["case_number"], "CASE-42")
    assert window.unsaved_pages() == ["disputes"]
    assert page.save()
    after = disputes.get_dispute(loaded_ctx.store, d.ref)
    assert after.case_number == "CASE-42" and after.version == d.version + 1
    assert window.unsaved_pages() == []


def test_rates_page_adds_and_filters(qtbot, ctx):
    from lei_desktop.ui.pages.rates import RatesPage

    page = RatesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    for cur, day, rate in (("USD", "2026-03-02", "7.1234"), ("JPY", "2026-03-02", "4.7712")):
        page.new_record()
        type_into(qtbot, page.form.widgets["date"], day)
        type_into(qtbot, page.form.widgets["currency"], cur.lower())
        type_into(qtbot, page.form.widgets["rate"], rate)
        type_into(qtbot, page.form.widgets["per"], "100" if cur == "JPY" else "1")
        assert page.save(), page.message.text()
    stored = {r.currency: r for r in rates.list_rates(ctx.store)}
    assert stored["USD"].rate == Decimal("7.1234") and stored["JPY"].per == 100
    assert stored["USD"].on_date == date(2026, 3, 2)
    page.currency_filter.setCurrentIndex(page.currency_filter.findData("JPY"))
    assert [r.currency for r in page.records] == ["JPY"]


def test_language_switch_is_live_and_remembered(qtbot, window, loaded_ctx):
    from lei_desktop.ui import i18n

    settings_page = window.show_page("settings")
    settings_page.lang_combo.setCurrentIndex(settings_page.lang_combo.findData("zh"))
    assert loaded_ctx.lang == "zh"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "企业与投保" in titles and "设置" in titles
    assert window.menu_file.title() == "文件(&F)"
    assert window.pages["policies"].heading.text() == "保单"
    assert window.pages["disputes"].form.labels["ip_type"].text() == "知识产权类型"
    assert loaded_ctx.settings.value(i18n.SETTINGS_KEY) == "zh"
    assert i18n.initial_lang(loaded_ctx.settings, None) == "zh"
    window.set_language("en")
    assert window.pages["policies"].heading.text() == "Policies"
    assert i18n.initial_lang(loaded_ctx.settings, "zh") == "zh"  # --lang wins over the remembered choice


def test_qt_own_dialog_buttons_are_translated(qapp):
    from PySide6.QtCore import QCoreApplication

    from lei_desktop.ui import i18n

    i18n.install("zh")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_unsaved_edits_stop_the_window_closing(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window._force_close = False
    page = window.show_page("policies")
    type_into(qtbot, page.form.widgets["policy_number"], "CHANGED")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    window.show()
    assert window.close() is False
    assert asked and window.isVisible()
    window._force_close = True


def test_wizard_enrols_company_and_policy(qtbot, ctx):
    from lei_desktop.ui.wizard import EnrolmentWizard

    wiz = EnrolmentWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    f = wiz.company_page.form
    type_into(qtbot, f.widgets["name_zh"], "北京向导科技有限公司")
    type_into(qtbot, f.widgets["uscc"], VALID_USCC)
    assert wiz.company_page.uscc_status.text().startswith("✔")
    type_into(qtbot, f.widgets["legal_representative"], "欧阳娜娜")
    wiz.next()
    assert wiz.currentPage() is wiz.elig_page
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()  # every condition must be ticked
    for cb in wiz.elig_page.box.boxes.values():
        cb.setChecked(True)
    assert wiz.button(wiz.WizardButton.NextButton).isEnabled()
    wiz.next()
    pf = wiz.policy_page.form
    for key, text in {"policy_number": "PICC-W", "period_start": "2026-01-01", "period_end": "2026-12-31",
                      "per_claim_limit": "300000", "aggregate_limit": "600000"}.items():
        type_into(qtbot, pf.widgets[key], text)
    wiz.next()
    assert wiz.currentPage() is wiz.done_page
    company = enrolment.get_company(ctx.store)
    assert company.name_zh == "北京向导科技有限公司"
    assert company.legal_representative == "欧阳娜娜"  # the wizard shares the company page's fields
    assert policies.get_policy(ctx.store, "P-1").policy_number == "PICC-W"
    assert "PICC-W" in wiz.done_page.summary.text()


def test_wizard_refuses_bad_policy_and_stays(qtbot, ctx):
    from lei_desktop.ui.wizard import EnrolmentWizard

    wiz = EnrolmentWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    type_into(qtbot, wiz.company_page.form.widgets["name_zh"], "北京向导科技有限公司")
    type_into(qtbot, wiz.company_page.form.widgets["uscc"], VALID_USCC)
    wiz.next()
    for cb in wiz.elig_page.box.boxes.values():
        cb.setChecked(True)
    wiz.next()
    type_into(qtbot, wiz.policy_page.form.widgets["policy_number"], "X")
    wiz.next()  # no period, no limits
    assert wiz.currentPage() is wiz.policy_page
    assert wiz.policy_page.form.errors["period_start"].text() == messages.text("required", "en")
    assert enrolment.get_company(ctx.store) is None
    assert wiz.has_unsaved()
    wiz.discard()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_money_and_date_formats(lang):
    from lei_desktop.ui import i18n

    assert i18n.fmt_money(Decimal("1234567.8"), "CNY", lang) == "¥1,234,567.80"
    assert i18n.fmt_money(Decimal("-5"), "CNY", lang) == "-¥5.00"
    assert i18n.fmt_money(Decimal("1500"), "JPY", lang).startswith("JPY 1,500" if lang == "en" else "1,500 日元")
    assert i18n.fmt_date(date(2026, 3, 5), lang) == ("2026年3月5日" if lang == "zh" else "5 Mar 2026")


@pytest.mark.sqlite_only
def test_settings_backs_up_on_a_worker(qtbot, window, loaded_ctx, tmp_path):
    import zipfile

    page = window.show_page("settings")
    out = tmp_path / "b.leibak"
    page.backup_now(str(out))
    qtbot.waitUntil(lambda: page.backup_btn.isEnabled())
    assert str(out) in page.backup_status.text()
    assert zipfile.is_zipfile(out)


def test_wizard_cancel_with_typed_data_asks_first(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop.ui.wizard import EnrolmentWizard

    wiz = EnrolmentWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    type_into(qtbot, wiz.company_page.form.widgets["name_zh"], "北京")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    wiz.reject()
    assert wiz.isVisible()  # kept
    wiz.reject()
    assert not wiz.isVisible() and not answers


def test_company_edits_survive_a_refresh(qtbot, window, loaded_ctx):
    page = window.show_page("company")
    type_into(qtbot, page.form.widgets["contact_name"], "Li Lei")
    page.refresh()  # e.g. another page saved something
    assert page.form.widgets["contact_name"].text() == "Li Lei"
    page.revert()
    assert page.form.widgets["contact_name"].text() == enrolment.get_company(loaded_ctx.store).contact_name


def test_disputes_page_shows_the_dispute_deadlines(qtbot, window, loaded_ctx):
    from lei_desktop.services import deadlines

    page = window.show_page("disputes")
    d = disputes.list_disputes(loaded_ctx.store)[0]
    page._edit(d)
    mine = [x.to_json() for x in deadlines.list_deadlines(loaded_ctx.store, include_done=True)
            if (x.dispute or x.ref) == d.ref and x.kind in ("notice", "limitation")]
    assert mine, "the example dispute has a limitation deadline at least"
    text_en = page.deadline_list.text()
    for j in mine:
        assert j["status_en"] in text_en
    window.set_language("zh")
    for j in mine:
        assert j["status_zh"] in page.deadline_list.text()


def test_file_menu_imports_and_exports_a_scenario(qtbot, ctx, example_path, tmp_path, monkeypatch):
    import json

    from PySide6.QtWidgets import QFileDialog

    from lei_desktop.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w._force_close = True
    page = w.show_page("disputes")
    assert page.table.rowCount() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(example_path), ""))
    w.import_scenario()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=20000)
    expected = json.loads(example_path.read_text("utf-8"))
    assert page.table.rowCount() == len(expected["disputes"])
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.export_scenario()
    qtbot.waitUntil(out.exists, timeout=20000)
    assert [d["ref"] for d in json.loads(out.read_text("utf-8"))["disputes"]] == [d["ref"] for d in expected["disputes"]]


def test_live_validation_waits_for_the_user_to_reach_a_field(qtbot, ctx):
    from lei_desktop.ui.pages.policies import PoliciesPage

    page = PoliciesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.new_record()
    type_into(qtbot, page.form.widgets["ref"], "P1")
    # policy_number is still empty: not reproached while typing ...
    assert not page.form.errors["policy_number"].text()
    type_into(qtbot, page.form.widgets["policy_number"], "N-1")
    page.form.widgets["policy_number"].clear()
    # ... but once the user has been there and left it empty, it is
    assert page.form.errors["policy_number"].text() == messages.text("required", "en")
    assert page.save() is False


def test_live_message_for_the_field_being_typed_despite_earlier_empty_fields(qtbot, ctx):
    from lei_desktop.ui.pages.policies import PoliciesPage

    page = PoliciesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.new_record()
    type_into(qtbot, page.form.widgets["coinsurance"], "2")  # ref, number, period still empty
    assert page.form.errors["coinsurance"].text() == messages.text("out_of_range", "en", low=0, high=1)
    assert not page.form.errors["period_start"].text()
    type_into(qtbot, page.form.widgets["coinsurance"], "0.8")
    assert not page.form.errors["coinsurance"].text()


def test_wizard_checks_fields_while_typing(qtbot, ctx):
    from lei_desktop.ui.wizard import EnrolmentWizard

    wiz = EnrolmentWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    try:
        type_into(qtbot, wiz.company_page.form.widgets["contact_email"], "nobody")
        assert wiz.company_page.form.errors["contact_email"].text() == messages.text("bad_email", "en")
    finally:
        wiz.discard()
