"""The whole path in one window, as a legal officer would go: enrol (wizard) → policy → rate →
dispute → expense with a receipt → claim → export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from lei_desktop.services import attachments, disputes, enrolment, expenses

VALID_USCC = "91110108MA01XH7K2R"


def put(qtbot, widget, text: str) -> None:
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def receipt_png(path):
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path))
    return path


@pytest.fixture
def fresh_window(qtbot, ctx):
    from lei_desktop.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w._force_close = True
    w.resize(1300, 850)
    w.show()
    return w


def enrol(qtbot, window) -> None:
    from lei_desktop.ui.wizard import EnrolmentWizard

    wiz = EnrolmentWizard(window.ctx, window)
    qtbot.addWidget(wiz)
    wiz.show()
    put(qtbot, wiz.company_page.form.widgets["name_zh"], "北京端到端科技有限公司")
    put(qtbot, wiz.company_page.form.widgets["name_en"], "Beijing End-to-End Tech Co., Ltd.")
    put(qtbot, wiz.company_page.form.widgets["uscc"], VALID_USCC)
    wiz.next()
    for cb in wiz.elig_page.box.boxes.values():
        cb.setChecked(True)
    wiz.next()
    pf = wiz.policy_page.form
    for key, text in {"policy_number": "PICC-E2E-1", "period_start": "2026-01-01", "period_end": "2026-12-31",
                      "territories": "US", "insured_products": "Smart lock", "deductible": "10000",
                      "coinsurance": "0.8", "per_claim_limit": "300000", "aggregate_limit": "600000"}.items():
        put(qtbot, pf.widgets[key], text)
    wiz.policy_page.categories.item(0, 1).setCheckState(Qt.CheckState.Checked)  # attorney fees covered
    wiz.next()
    assert wiz.currentPage() is wiz.done_page, wiz.policy_page.error.text()
    wiz.accept()


def test_enrol_policy_dispute_expense_claim_export(qtbot, fresh_window, ctx, tmp_path):
    window = fresh_window
    enrol(qtbot, window)
    assert enrolment.get_company(ctx.store).uscc == VALID_USCC

    # the policy saved by the wizard is on the policies page after a refresh
    pol_page = window.show_page("policies")
    pol_page.refresh()
    assert [p.ref for p in pol_page.records] == ["P-1"]

    # an exchange rate for the dollar
    rates_page = window.show_page("rates")
    rates_page.new_record()
    for key, text in {"date": "2026-03-02", "currency": "USD", "rate": "7.1", "per": "1"}.items():
        put(qtbot, rates_page.form.widgets[key], text)
    assert rates_page.save(), rates_page.message.text()

    # the dispute
    dpage = window.show_page("disputes")
    dpage.refresh()
    dpage.new_record()
    f = dpage.form
    for key, text in {"ref": "D1", "title_zh": "美国专利侵权诉讼", "title_en": "US patent suit",
                      "forum_country": "US", "forum": "E.D. Tex.", "accused_products": "Smart lock",
                      "first_asserted_on": "2026-03-01", "notified_on": "2026-03-03"}.items():
        put(qtbot, f.widgets[key], text)
    f.set_value("policy", "P-1")
    f.set_value("ip_type", "patent")
    f.set_value("role", "defendant")
    qtbot.keyClick(f.widgets["case_number"], Qt.Key.Key_Return)  # Enter saves
    assert disputes.get_dispute(ctx.store, "D1").policy == "P-1"

    # an attorney's invoice in dollars, with its receipt
    epage = window.show_page("expenses")
    epage.refresh()
    ed = epage.editor
    ed.reload_choices()
    ed.new_expense("D1")
    ed.dispute.setCurrentIndex(ed.dispute.findData("D1"))
    ed.category.setCurrentIndex(ed.category.findData("attorney_fees"))
    ed.currency.setEditText("USD")
    for name, text in {"amount": "10000", "paid_on": "2026-03-10", "invoice_date": "2026-03-05",
                       "payee": "Smith & Lee LLP", "invoice_number": "SL-1"}.items():
        put(qtbot, getattr(ed, name), text)
    receipt = receipt_png(tmp_path / "invoice-SL-1.png")
    ed.add_files([receipt])
    assert ed.save()
    [e] = expenses.list_expenses(ctx.store, "D1")
    assert e.amount == Decimal("10000.00") and e.currency == "USD"
    [att] = attachments.list_attachments(ctx.store, "expense", e.ref)
    assert att.sha256 == attachments.sha256(receipt.read_bytes())

    # the claim: 10 000 USD × 7.1 = 71 000 CNY covered; less the 10 000 deductible; the insurer's 80 %
    cpage = window.show_page("claims")
    cpage.refresh()
    cpage.dispute.setCurrentIndex(cpage.dispute.findData("D1"))
    ref = cpage.build_claim()
    assert ref
    qtbot.waitUntil(lambda: not cpage.loading, timeout=20000)  # the assessment runs on a worker
    expected = (Decimal("10000") * Decimal("7.1") - Decimal("10000")) * Decimal("0.8")
    assert Decimal(str(cpage.doc["payable"])) == expected.quantize(Decimal("0.01"))
    assert ctx.fmt_money(expected) in cpage.summary.text()

    # the language switch reaches every page mid-task
    window.set_language("zh")
    assert window.nav.currentItem().text() == "索赔"
    window.set_language("en")

    # export: the PDF service is part of the build
    from lei_desktop.ui.pages.claims import export_service

    assert export_service() is not None
    cpage.quiet_export = True
    out = tmp_path / f"{ref}.pdf"
    cpage.export_pdf(out)
    qtbot.waitUntil(lambda: cpage.export_status in ("done", "failed", "cancelled"), timeout=60000)
    assert cpage.export_status == "done"
    assert out.read_bytes().startswith(b"%PDF")


def test_wizard_ends_with_the_enrolment_pdf(qtbot, fresh_window, ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop.ui import enrolment_pdf

    assert enrolment_pdf.exporter() is not None
    from lei_desktop.ui.wizard import EnrolmentWizard

    enrol(qtbot, fresh_window)
    wiz = EnrolmentWizard(ctx, fresh_window)
    qtbot.addWidget(wiz)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    out = tmp_path / "enrolment.pdf"
    worker = enrolment_pdf.offer_enrolment_pdf(ctx, wiz, "P-1", str(out))
    assert worker is not None
    ctx.wait_idle()
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    assert out.read_bytes().startswith(b"%PDF")
