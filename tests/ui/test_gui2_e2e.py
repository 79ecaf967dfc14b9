"""The whole path in the GUI: enrol → policy → dispute → rate → expense with a receipt → claim →
submit → export, through the pages a legal officer uses (offscreen)."""

from __future__ import annotations

import importlib.util
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from lei_desktop.domain.fx import convert
from lei_desktop.services import attachments, claims, disputes, expenses
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture

VALID_USCC = "91110108MA01XH7K2R"


def test_enrol_to_exported_claim(qtbot, ctx, tmp_path):
    from lei_desktop.ui.main_window import MainWindow
    from lei_desktop.ui.wizard import EnrolmentWizard

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window._force_close = True
    window.show()

    # 1. enrolment wizard: company (live USCC check), eligibility, policy terms
    wiz = EnrolmentWizard(ctx, window)
    qtbot.addWidget(wiz)
    wiz.show()
    f = wiz.company_page.form
    f.widgets["name_zh"].setText("北京全程测试科技有限公司")
    qtbot.keyClicks(f.widgets["uscc"], VALID_USCC)
    wiz.next()
    for cb in wiz.elig_page.box.boxes.values():
        cb.setChecked(True)
    wiz.next()
    pf = wiz.policy_page.form
    for key, text in {"policy_number": "PICC-E2E", "period_start": "2026-01-01", "period_end": "2026-12-31",
                      "per_claim_limit": "500000", "aggregate_limit": "1000000"}.items():
        qtbot.keyClicks(pf.widgets[key], text)
    wiz.next()
    assert wiz.currentPage() is wiz.done_page
    wiz.accept()

    # 2. a dispute on the Disputes page
    page = window.show_page("disputes")
    page.refresh()
    page.new_record()
    page.form.set_values({"ref": "D-E2E", "policy": "P-1", "title_en": "Patent suit in Texas", "ip_type": "patent",
                          "role": "defendant", "forum_country": "US", "first_asserted_on": "2026-03-01"})
    assert page.save(), page.message.text()
    assert disputes.get_dispute(ctx.store, "D-E2E").forum_country == "US"

    # 3. the USD rate on the Rates page
    rates_page = window.show_page("rates")
    rates_page.new_record()
    rates_page.form.set_values({"date": "2026-04-01", "currency": "USD", "rate": "7.1234", "per": "1"})
    assert rates_page.save(), rates_page.message.text()

    # 4. an expense with its receipt, typed on the Expenses page, saved with Enter
    exp = window.show_page("expenses")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    exp.refresh()
    ed = exp.editor
    exp.new_expense()
    ed.dispute.setCurrentIndex(ed.dispute.findData("D-E2E"))
    ed.category.setCurrentIndex(ed.category.findData("attorney_fees"))
    ed.currency.setEditText("USD")
    qtbot.keyClicks(ed.amount, "12500.00")
    qtbot.keyClicks(ed.paid_on, "2026-04-01")
    qtbot.keyClicks(ed.payee, "Smith & Lee LLP")
    qtbot.keyClicks(ed.invoice_number, "SL-1")
    assert window.unsaved_pages() == ["expenses"]
    receipt = tmp_path / "invoice-SL-1.png"
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.save(str(receipt))
    ed.add_files([receipt])
    cny = convert(Decimal("12500.00"), Decimal("7.1234"))
    assert ctx.fmt_money(cny, "CNY") in ed.rate_label.text()
    ed.invoice_number.setFocus()
    qtbot.keyClick(ed.invoice_number, Qt.Key.Key_Return)
    assert not ed.status.text() or "Saved" in ed.status.text(), (ed.status.text(), ed._errors)
    (saved,) = expenses.list_expenses(ctx.store, "D-E2E")
    assert saved.amount == Decimal("12500.00") and [a.filename for a in saved.attachments] == [receipt.name]
    assert attachments.blob(ctx.store, saved.attachments[0].sha256) == receipt.read_bytes()
    assert window.unsaved_pages() == []

    # 5. the claim: built from the dispute, steps and lines shown, submitted (locks)
    cp = window.show_page("claims")
    cp.refresh()
    cp.dispute.setCurrentIndex(cp.dispute.findData("D-E2E"))
    ref = cp.build_claim()
    qtbot.waitUntil(lambda: not cp.loading, timeout=20000)  # the assessment runs on a worker
    assert [ln["expense"] for ln in cp.doc["lines"]] == [saved.ref]
    assert cp.lines.item(0, 4).text() == ctx.fmt_money(cny, "CNY")
    assert cp.steps.rowCount() == len(claims.assess(ctx.store, ref)["steps"]) > 0
    assert cp.submit(override="engagement letter follows")
    assert claims.get_claim(ctx.store, ref).status == "submitted"

    # the expense is now locked in the editor: shown read-only, naming the claim
    exp = window.show_page("expenses")
    exp.refresh()
    row = exp.model.row_of(saved.ref)
    assert exp.model.data(exp.model.index(row, exp.model.column_of("claim"))) == ref
    ed.load_ref(saved.ref)
    assert ed.locked_label.isVisibleTo(ed) and ref in ed.locked_label.text()
    assert ed.payee.isReadOnly() and not ed.save_button.isEnabled()
    assert not ed.save()

    # 6. the package PDF, on a worker thread (when this build has the PDF export)
    if importlib.util.find_spec("lei_desktop.services.claim_export") is None:
        assert not cp.export_button.isEnabled()
        return
    cp.quiet_export = True
    out = tmp_path / f"{ref}.pdf"
    cp.export_pdf(out)
    qtbot.waitUntil(lambda: cp.export_status != "running", timeout=60000)
    assert cp.export_status == "done" and out.read_bytes().startswith(b"%PDF-")
