"""Claims page over the real claims engine: build, steps, lines, checklist, submit (locks), insurer
decision, payment, PDF export with progress, Cancel and open folder."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton

from lei_desktop.domain.errors import LeiError
from lei_desktop.services import (
    claims,
    expenses,
)
from lei_desktop.ui.context import UiContext
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture


@pytest.fixture
def page(qtbot, loaded_store, tmp_path):
    from lei_desktop.ui.pages.claims import ClaimsPage

    ctx = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    p = ClaimsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    return p


def _wait(qtbot, page) -> None:
    """The assessment runs on a worker: wait until the page shows its result."""
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)


def _cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_build_claim_shows_the_engines_steps_lines_and_checklist(qtbot, page):
    ref = page.build_claim()
    _wait(qtbot, page)
    assert ref and page.current == ref
    doc = claims.assess(page.ctx.store, ref)
    assert _cells(page.steps, 0) == [s["en"] for s in doc["steps"]]
    assert _cells(page.steps, 1) == [page.ctx.fmt_money(Decimal(s["amount"]), "CNY") for s in doc["steps"]]
    assert _cells(page.lines, 0) == [ln["expense"] for ln in doc["lines"]]
    for row, ln in enumerate(doc["lines"]):
        reasons = "; ".join(r["en"] for r in ln["reasons"])
        assert page.lines.item(row, 8).text() == reasons
    items = claims.checklist(page.ctx.store, ref)
    items = items["items"] if isinstance(items, dict) else items
    assert page.checklist.count() == len(items)
    assert page.ctx.fmt_money(Decimal(doc["payable"]), "CNY") in page.summary.text()
    # the English screen gives the amount in words both ways: 大写 (what the insurer reads) and English
    assert f"({doc['payable_in_words']}; {doc['payable_in_words_en']})" in page.summary.text()

    page.ctx.lang = "zh"
    page.retranslate()
    assert _cells(page.steps, 0) == [s["zh"] for s in doc["steps"]]
    assert doc["payable_in_words"] in page.summary.text()
    assert doc["payable_in_words_en"] not in page.summary.text()


def test_submit_locks_then_decision_payment_and_settlement(qtbot, page, monkeypatch):
    ref = page.build_claim()
    _wait(qtbot, page)
    assert page.missing_documents()  # the example has no receipts attached
    assert page.submit(override="Receipts follow by courier")
    _wait(qtbot, page)
    assert claims.get_claim(page.ctx.store, ref).status == "submitted"
    e1 = expenses.get_expense(page.ctx.store, "E1")
    with pytest.raises(LeiError):
        expenses.update_expense(page.ctx.store, "E1", e1)

    first = page.doc["lines"][0]
    assert page.record_decision(first["expense"], "reduced", amount="1000.00", reason="Hourly rate capped")
    _wait(qtbot, page)
    assert page.doc["status"] == "under_review"
    assert "1,000.00" in page.lines.item(0, 7).text() and "Hourly rate capped" in page.lines.item(0, 7).text()

    assert page.record_payment("5000.00", "2026-06-01", "TT-1")
    _wait(qtbot, page)
    assert page.payments.rowCount() == 1
    assert page.payments.item(0, 0).text() == page.ctx.fmt_date(date(2026, 6, 1))
    assert page.record_payment("100.00", "2026-06-02", settle=True)
    _wait(qtbot, page)
    claim = claims.get_claim(page.ctx.store, ref)
    assert claim.status == "settled" and claim.paid == Decimal("5100.00")
    assert not page.settle_button.isEnabled() and not page.submit_button.isEnabled()


def test_refused_action_is_shown_not_raised(qtbot, page, monkeypatch):
    shown = []
    monkeypatch.setattr(page.ctx, "show_error", lambda parent, exc: shown.append(exc))
    page.build_claim()
    _wait(qtbot, page)
    page.submit(override="docs later")
    _wait(qtbot, page)
    assert not page.reject_claim("   ")  # a reason is required
    assert shown and shown[0].code == "reason_required"


def test_export_pdf_on_a_worker_with_progress_then_open_folder(qtbot, page, tmp_path, monkeypatch):
    page.build_claim()
    _wait(qtbot, page)
    page.quiet_export = True
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    out = tmp_path / "out" / "claim.pdf"
    out.parent.mkdir()
    worker = page.export_pdf(out)
    assert worker is not None
    qtbot.waitUntil(lambda: page.export_status != "running", timeout=60000)
    assert page.export_status == "done"
    qtbot.waitUntil(lambda: bool(page.progress_log), timeout=5000)
    done, total, _label = page.progress_log[-1]
    assert 0 < done <= total
    assert out.read_bytes().startswith(b"%PDF-")
    assert page.open_folder_button.isEnabled()
    page.open_folder()
    assert opened == [str(out.parent)]
    assert page.ctx.settings.value("claims/export_dir") == str(out.parent)  # the next export starts there


def test_export_cancel_leaves_nothing_behind(qtbot, page, tmp_path, monkeypatch):
    from lei_desktop.services import claim_export as service
    page.build_claim()
    _wait(qtbot, page)
    page.quiet_export = True
    out = tmp_path / "cancelled.pdf"
    real, gate = service.export_claim, threading.Event()

    def gated(*args, **kwargs):  # the real export, started only once Cancel has been pressed
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "export_claim", gated)
    page.export_pdf(out)
    page.progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    gate.set()
    qtbot.waitUntil(lambda: page.export_status != "running", timeout=60000)
    assert page.export_status == "cancelled"
    assert not out.exists()


def test_withdraw_asks_first(qtbot, page, monkeypatch):
    ref = page.build_claim()
    _wait(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page._withdraw()
    _wait(qtbot, page)
    assert claims.get_claim(page.ctx.store, ref).status == "draft"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page._withdraw()
    assert claims.get_claim(page.ctx.store, ref).status == "withdrawn"


def test_build_dialog_claims_only_the_ticked_expenses(qtbot, page, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from lei_desktop.ui.pages.claims import BuildClaimDialog

    def run(dialog):
        assert dialog.list.count() == 4  # the example's four expenses of D1, none claimed yet
        for i in range(dialog.list.count()):
            if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) not in ("E1", "E3"):
                dialog.list.item(i).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BuildClaimDialog, "exec", run)
    page._build_dialog()
    _wait(qtbot, page)
    assert sorted(claims.get_claim(page.ctx.store, page.current).expenses) == ["E1", "E3"]
    page.submit(override="documents follow")
    assert sorted(e.ref for e in page.claimable("D1")) == ["E2", "E4"]  # the submitted claim holds E1 and E3


# --- the assessment on a worker (GUI-3) ---------------------------------------------------------------


def test_assessment_runs_on_a_worker_with_a_busy_indication(qtbot, page, monkeypatch):
    ref = page.build_claim()
    _wait(qtbot, page)
    gui_thread = threading.get_ident()
    seen, gate = [], threading.Event()
    real = claims.assess

    def gated(store, claim_ref):
        seen.append(threading.get_ident())
        gate.wait(10)
        return real(store, claim_ref)

    monkeypatch.setattr(claims, "assess", gated)
    page.select_claim(ref)
    assert page.loading and page.busy.isVisibleTo(page)
    assert not page.submit_button.isEnabled() and not page.export_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=20000) as blocker:
        gate.set()
    assert blocker.args == [ref]
    assert seen and seen[0] != gui_thread
    assert not page.loading and not page.busy.isVisibleTo(page)
    assert page.doc["claim"] == ref and page.submit_button.isEnabled()


def test_a_stale_assessment_is_dropped_when_another_claim_was_chosen(qtbot, page, monkeypatch):
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().setMaxThreadCount(max(4, QThreadPool.globalInstance().maxThreadCount()))
    first = page.build_claim(["E1"])
    _wait(qtbot, page)
    second = page.build_claim(["E2"])
    _wait(qtbot, page)
    assert first != second
    real, gate = claims.assess, threading.Event()

    def slow_for_first(store, claim_ref):
        if claim_ref == first:
            gate.wait(10)  # the first claim's assessment finishes only after the second is shown
        return real(store, claim_ref)

    monkeypatch.setattr(claims, "assess", slow_for_first)
    page.select_claim(first)
    page.select_claim(second)  # the user moves on before the first result is in
    qtbot.waitUntil(lambda: page.doc is not None and page.doc["claim"] == second, timeout=20000)
    gate.set()
    page.ctx.wait_idle()
    qtbot.wait(50)  # let the first worker's queued result arrive (and be dropped)
    assert page.doc["claim"] == second and page.current == second
    assert _cells(page.lines, 0) == [ln["expense"] for ln in real(page.ctx.store, second)["lines"]] == ["E2"]
    assert page.title.text().startswith(f"Claim {second}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assessment_refusal_is_shown_in_the_users_language(qtbot, page, monkeypatch, lang):
    from lei_desktop.domain.errors import NotFound

    page.ctx.lang = lang
    def gone(store, ref):
        raise NotFound("not_found", "claim", kind="claim", ref=ref)

    monkeypatch.setattr(claims, "assess", gone)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.select_claim("C-GONE")
    assert page.summary.text() == NotFound("not_found", "claim", kind="claim", ref="C-GONE").message(lang)
    assert page.doc is None and page.current is None and not page.loading


def test_the_claims_list_is_read_on_the_worker_too(qtbot, page, monkeypatch):
    """``list_claims`` assesses every open claim for its payable: it is not run on the GUI thread."""
    page.build_claim()
    _wait(qtbot, page)
    real, threads = claims.list_claims, []

    def recorded(store):
        threads.append(threading.get_ident())
        return real(store)

    monkeypatch.setattr(claims, "list_claims", recorded)
    page.current = None
    with qtbot.waitSignal(page.loaded, timeout=20000) as blocker:
        page.refresh()
    assert threads and threading.get_ident() not in threads
    latest = real(page.ctx.store)[-1]["ref"]
    assert blocker.args == [latest] and page.current == latest  # nothing chosen: the latest claim
    assert _cells(page.list, 0) == [c["ref"] for c in real(page.ctx.store)]
    assert page.list.currentRow() == page.list.rowCount() - 1
