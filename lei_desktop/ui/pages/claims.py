"""Claims page: build a claim from a dispute, read every step of its settlement and each line's
decision with its reasons, check the documents, submit (which freezes it), record the insurer's
decisions and payments, and export the claim package PDF off the GUI thread with Cancel.

All figures and their explanations come from ``services.claims`` (the assessment document carries
each step and reason in Chinese and English); this page only shows them in the current language.
"""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from lei_desktop.domain.categories import label as category_label
from lei_desktop.domain.errors import LeiError
from lei_desktop.fileio import safe_filename
from lei_desktop.services import disputes as dispute_service
from lei_desktop.services import expenses as expense_service
from lei_desktop.services.expense_table import claims_of
from lei_desktop.ui.forms import DateEdit
from lei_desktop.ui.pages.base import BasePage

EXPORT_DIR_KEY = "claims/export_dir"


def claims_service():
    """``lei_desktop.services.claims`` if this build has the claims engine, else None."""
    try:
        return importlib.import_module("lei_desktop.services.claims")
    except ImportError:
        return None


def export_service():
    try:
        return importlib.import_module("lei_desktop.services.claim_export")
    except ImportError:
        return None


def _dec(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


class LineDecisionDialog(QDialog):
    """The insurer's decision on one line: approved, reduced (with the amount) or rejected (with a reason)."""

    def __init__(self, parent, expense: str, cny: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insurer's decision on {expense}").format(expense=expense))
        self.decision = QComboBox()
        for code, text in (("approved", self.tr("Approved")), ("reduced", self.tr("Reduced")),
                           ("rejected", self.tr("Rejected"))):
            self.decision.addItem(text, code)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("approved CNY (blank: as claimed, {cny})").format(cny=cny))
        self.reason = QLineEdit()
        self.on = DateEdit(optional=False)
        self.on.set_date(date.today())
        form = QFormLayout(self)
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Approved amount (CNY)"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Date"), self.on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)  # the amount's hint is read whole, in both languages


class PaymentDialog(QDialog):
    def __init__(self, parent, title: str, suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.amount = QLineEdit(suggested)
        self.on = DateEdit(optional=False)
        self.on.set_date(date.today())
        self.reference = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Amount paid (CNY)"), self.amount)
        form.addRow(self.tr("Date paid"), self.on)
        form.addRow(self.tr("Bank reference"), self.reference)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(400)


class BuildClaimDialog(QDialog):
    """Tick the expenses that go into the new claim (all of them to start with)."""

    def __init__(self, page, expenses) -> None:
        super().__init__(page)
        self.setWindowTitle(self.tr("Build a claim"))
        self.resize(720, 480)
        self.list = QListWidget()
        ctx = page.ctx
        for e in expenses:
            when = ctx.fmt_date(e.paid_on or e.invoice_date)
            text = f"{e.ref}  ·  {when}  ·  {category_label(e.category, ctx.lang)}  ·  {e.payee}  ·  " \
                   f"{ctx.fmt_money(e.amount, e.currency)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, e.ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.note = QLabel(self.tr("%n unclaimed expense(s) of this dispute.", "", len(expenses)))
        all_button = QPushButton(self.tr("All"))
        none_button = QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._check(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._check(Qt.CheckState.Unchecked))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(all_button)
        row.addWidget(none_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _check(self, state) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class ClaimsPage(BasePage):
    page_id = "claims"

    #: the assessment of this claim is shown (emitted after a load on the worker; "" when it failed)
    loaded = Signal(str)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.claims = claims_service()
        self.current: str | None = None
        self.doc: dict | None = None
        self.loading = False  # an assessment is being computed on a worker
        self._rows: list[dict] = []  # the claims list as last read
        self._load_seq = 0  # only the latest load's result is shown
        self.checklist_items: list[dict] = []
        self.last_export: Path | None = None
        self._export_worker = None
        self._cancel_export = False

        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        self.dispute = QComboBox()
        self.build_button = QPushButton()
        self.build_button.clicked.connect(self._build_dialog)
        top = QHBoxLayout()
        self.dispute_label = QLabel()
        top.addWidget(self.dispute_label)
        top.addWidget(self.dispute, 1)
        top.addWidget(self.build_button)
        top.addStretch(1)

        self.list = QTableWidget(0, 6)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # columns share the width
        self.list.currentCellChanged.connect(self._claim_selected)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.busy = QProgressBar()  # indeterminate while the assessment is computed
        self.busy.setObjectName("claim_busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.submit_button = QPushButton()
        self.submit_button.clicked.connect(lambda: self.submit())
        self.decide_button = QPushButton()
        self.decide_button.clicked.connect(self._decide_dialog)
        self.pay_button = QPushButton()
        self.pay_button.clicked.connect(lambda: self._payment_dialog(settle=False))
        self.settle_button = QPushButton()
        self.settle_button.clicked.connect(lambda: self._payment_dialog(settle=True))
        self.reject_button = QPushButton()
        self.reject_button.clicked.connect(self._reject_dialog)
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self._withdraw)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_pdf())
        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setEnabled(False)
        actions = QHBoxLayout()
        for b in (self.submit_button, self.decide_button, self.pay_button, self.settle_button, self.reject_button,
                  self.withdraw_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.open_folder_button)

        self.tabs = QTabWidget()
        self.steps = QTableWidget(0, 2)
        self.lines = QTableWidget(0, 9)
        self.checklist = QListWidget()
        self.payments = QTableWidget(0, 3)
        for t in (self.steps, self.lines, self.payments):
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            t.verticalHeader().hide()
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.setWordWrap(True)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.itemSelectionChanged.connect(self._update_buttons)
        self.payments.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.steps, "")
        self.tabs.addTab(self.lines, "")
        self.tabs.addTab(self.checklist, "")
        self.tabs.addTab(self.payments, "")

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addWidget(self.busy)
        title_row.addStretch(1)
        dl.addLayout(title_row)
        dl.addWidget(self.summary)
        dl.addLayout(actions)
        dl.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([170, 600])

        layout = QVBoxLayout(self)
        layout.addWidget(self.unavailable)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self.refresh()
        self._stale = False  # loaded: the main window need not refresh it again on first show

    # --- language ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.unavailable.setText(self.tr("The claims engine is not part of this build yet."))
        self.unavailable.setVisible(self.claims is None)
        self.dispute_label.setText(self.tr("Dispute:"))
        self.build_button.setText(self.tr("Build claim…"))
        self.build_button.setToolTip(self.tr("Choose which of the dispute's unclaimed expenses go into a new claim"))
        self.list.setHorizontalHeaderLabels([self.tr("Claim"), self.tr("Dispute"), self.tr("Kind"),
                                             self.tr("Status"), self.tr("Payable"), self.tr("Paid")])
        self.submit_button.setText(self.tr("Submit…"))
        self.submit_button.setToolTip(self.tr("Freeze the claim and submit it; its expenses can no longer change"))
        self.decide_button.setText(self.tr("Line decision…"))
        self.pay_button.setText(self.tr("Record payment…"))
        self.settle_button.setText(self.tr("Settle…"))
        self.reject_button.setText(self.tr("Record rejection…"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.export_button.setText(self.tr("Export PDF…"))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.tabs.setTabText(0, self.tr("Settlement steps"))
        self.tabs.setTabText(1, self.tr("Lines and decisions"))
        self.tabs.setTabText(2, self.tr("Document checklist"))
        self.tabs.setTabText(3, self.tr("Payments"))
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Amount (CNY)")])
        self.lines.setHorizontalHeaderLabels([
            self.tr("Expense"), self.tr("Category"), self.tr("Amount"), self.tr("Rate"), self.tr("CNY"),
            self.tr("Covered"), self.tr("Decision"), self.tr("Insurer"), self.tr("Reasons")])
        self.payments.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Amount (CNY)"), self.tr("Reference")])
        self._fill_disputes()
        self._fill_list()
        self._show_claim()

    # --- loading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Disputes now; the claims list and the current claim's assessment on a worker (with no claim
        chosen yet, the latest one is shown)."""
        self._fill_disputes()
        self._load_current(with_list=True)

    def _fill_disputes(self) -> None:
        current = self.dispute.currentData()
        self.dispute.blockSignals(True)
        self.dispute.clear()
        for d in dispute_service.list_disputes(self.ctx.store):
            title = d.title_zh if self.ctx.lang == "zh" and d.title_zh else d.title_en or d.title_zh
            self.dispute.addItem(f"{d.ref} — {title}" if title else d.ref, d.ref)
        if current:
            self.dispute.setCurrentIndex(max(0, self.dispute.findData(current)))
        self.dispute.blockSignals(False)
        self.build_button.setEnabled(self.claims is not None and self.dispute.count() > 0)

    def status_text(self, status: str) -> str:
        return {
            "draft": self.tr("Draft"),
            "submitted": self.tr("Submitted"),
            "under_review": self.tr("Under review"),
            "settled": self.tr("Settled"),
            "rejected": self.tr("Rejected"),
            "withdrawn": self.tr("Withdrawn"),
        }.get(status, status)

    def kind_text(self, kind: str | None) -> str:
        return {"initial": self.tr("Initial"), "supplementary": self.tr("Supplementary")}.get(kind or "", kind or "")

    def _fill_list(self) -> None:
        """The claims list from the rows last read (``list_claims`` runs on the worker: it assesses
        every open claim for its payable)."""
        rows = self._rows
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for i, c in enumerate(rows):
            cells = [c["ref"], c["dispute"], self.kind_text(c.get("claim_kind")), self.status_text(c["status"]),
                     self.ctx.fmt_money(c["payable"], "CNY"), self.ctx.fmt_money(c["paid"], "CNY")]
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if j >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.list.setItem(i, j, item)
            if c["ref"] == self.current:
                self.list.setCurrentCell(i, 0)
        self.list.blockSignals(False)

    def select_claim(self, ref: str) -> None:
        self.current = ref
        for i in range(self.list.rowCount()):
            if self.list.item(i, 0).text() == ref:
                self.list.blockSignals(True)
                self.list.setCurrentCell(i, 0)
                self.list.blockSignals(False)
        self._load_current()

    def _claim_selected(self, row: int, *_args) -> None:
        if row >= 0 and self.list.item(row, 0) is not None:
            self.select_claim(self.list.item(row, 0).text())

    def _load_current(self, with_list: bool = False) -> None:
        """Assess the current claim on a worker (its own session), and with ``with_list`` read the
        claims list there too; the result is shown only if this is still the latest load — a claim
        chosen meanwhile wins, and its result alone is applied."""
        self._load_seq += 1
        seq, ref, service, store = self._load_seq, self.current, self.claims, self.ctx.store
        if service is None or (not ref and not with_list):
            self.doc, self.checklist_items = None, []
            self._set_loading(False)
            self._show_claim()
            return
        if self.doc is not None and self.doc.get("claim") != ref:
            self.doc, self.checklist_items = None, []  # never show one claim's figures under another's title
        self._set_loading(True)
        self._show_claim()
        checklist_items = self._checklist_items

        def work():
            rows = service.list_claims(store) if with_list else None
            chosen = ref if ref or not rows else rows[-1]["ref"]  # nothing chosen yet: the latest claim
            if not chosen:
                return rows, None, None, []
            return rows, chosen, service.assess(store, chosen), checklist_items(service.checklist(store, chosen))

        def done(result) -> None:
            if not isValid(self) or seq != self._load_seq:
                return  # stale: another claim (or a newer load) was asked for meanwhile
            rows, chosen, doc, items = result
            if rows is not None:
                self._rows = rows
            self.current = chosen
            self._fill_list()
            self.doc, self.checklist_items = doc, items
            self._set_loading(False)
            self._show_claim()
            self.loaded.emit(chosen or "")

        def failed(exc) -> None:
            if not isValid(self) or seq != self._load_seq:
                return
            self.doc, self.checklist_items = None, []
            self.current = None
            self._set_loading(False)
            self._show_claim()
            if isinstance(exc, LeiError):
                self.summary.setText(exc.message(self.ctx.lang))
            else:
                self.ctx.show_error(self, exc)
            self.loaded.emit("")

        self.ctx.run_in_thread(work, done, failed)

    def _set_loading(self, on: bool) -> None:
        self.loading = on
        self.busy.setVisible(on)
        self.list.setCursor(Qt.CursorShape.BusyCursor if on else Qt.CursorShape.ArrowCursor)

    @staticmethod
    def _checklist_items(value) -> list[dict]:
        if isinstance(value, dict):
            return list(value.get("items", ()))
        return list(value or ())

    # --- showing ---------------------------------------------------------------------------------------

    def _pick(self, d: dict, key: str) -> str:
        """``d[key_zh]`` or ``d[key_en]`` (or the plain ``zh``/``en``) in the current language."""
        suffix = "zh" if self.ctx.lang == "zh" else "en"
        name = f"{key}_{suffix}" if key else suffix
        return str(d.get(name) or d.get(f"{key}_en" if key else "en") or "")

    def _money(self, value) -> str:
        v = _dec(value)
        return self.ctx.fmt_money(v, "CNY") if v is not None else "—"

    def _show_claim(self) -> None:
        doc = self.doc
        if doc is None and self.loading:
            self.title.setText(self.tr("Claim {ref}").format(ref=self.current) if self.current else "")
            self.summary.setText(self.tr("Working out the settlement…"))
            for t in (self.steps, self.lines, self.payments):
                t.setRowCount(0)
            self.checklist.clear()
            self._update_buttons()
            return
        if doc is None:
            self.title.setText(self.tr("No claim selected") if self.claims else "")
            self.summary.setText(self.tr("Choose a dispute and build a claim from its unclaimed expenses.")
                                 if self.claims else "")
            for t in (self.steps, self.lines, self.payments):
                t.setRowCount(0)
            self.checklist.clear()
            self._update_buttons()
            return
        self.title.setText(self.tr("Claim {ref} · {status}").format(ref=doc["claim"],
                                                                   status=self.status_text(doc["status"])))
        title = doc.get("dispute_title_zh") if self.ctx.lang == "zh" else doc.get("dispute_title_en")
        parts = [self.tr("Dispute {ref}: {title}").format(ref=doc["dispute"], title=title or "—"),
                 self.tr("Kind: {kind}").format(kind=self.kind_text(doc.get("claim_kind")))]
        if doc.get("supplementary_to"):
            parts.append(self.tr("supplementary to {ref}").format(ref=doc["supplementary_to"]))
        words = doc.get("payable_in_words", "")
        if self.ctx.lang != "zh" and doc.get("payable_in_words_en"):  # 大写 stays: it is what PICC reads
            words = f"{words}; {doc['payable_in_words_en']}"
        parts.append(self.tr("Payable: {amount} ({words})").format(amount=self._money(doc.get("payable")), words=words))
        parts.append(self.tr("Paid: {amount}").format(amount=self._money(doc.get("paid"))))
        if doc.get("override_reason"):
            parts.append(self.tr("Submitted with incomplete documents: {reason}").format(reason=doc["override_reason"]))
        if doc.get("rejection_reason"):
            parts.append(self.tr("Rejection reason: {reason}").format(reason=doc["rejection_reason"]))
        reasons = [self._pick(r, "") for r in doc.get("dispute_reasons") or ()]
        if reasons:
            parts.append(self.tr("Dispute not covered: {reasons}").format(reasons="; ".join(reasons)))
        self.summary.setText("\n".join(parts))

        steps = doc.get("steps") or []
        self.steps.setRowCount(len(steps))
        for i, step in enumerate(steps):
            self.steps.setItem(i, 0, QTableWidgetItem(self._pick(step, "")))
            amount = QTableWidgetItem(self._money(step.get("amount")))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if step.get("code") == "payable":
                f = amount.font()
                f.setBold(True)
                amount.setFont(f)
            self.steps.setItem(i, 1, amount)
        self.steps.resizeRowsToContents()

        lines = doc.get("lines") or []
        self.lines.setRowCount(len(lines))
        colours = {"covered": "#1b7f3b", "excluded": "#b00020", "needs_consent": "#9a6700", "blocked": "#b00020"}
        for i, ln in enumerate(lines):
            rate = ln.get("rate")
            rate_text = "—" if rate is None else f"{rate} / {ln.get('rate_per', 1)}"
            if ln.get("rate_overridden"):
                rate_text += " " + self.tr("(typed)")
            insurer = ln.get("insurer_decision")
            insurer_text = ""
            if insurer:
                names = {"approved": self.tr("Approved"), "reduced": self.tr("Reduced"), "rejected": self.tr("Rejected")}
                insurer_text = f"{names.get(insurer['decision'], insurer['decision'])} {self._money(insurer.get('approved_cny'))}"
                if insurer.get("reason"):
                    insurer_text += f" — {insurer['reason']}"
            reasons = "; ".join(self._pick(r, "") for r in ln.get("reasons") or ())
            decision = self._pick(ln, "decision") or ln.get("decision", "")
            cells = [ln["expense"], category_label(ln.get("category", ""), self.ctx.lang),
                     f"{ln.get('amount')} {ln.get('currency')}", rate_text, self._money(ln.get("cny")),
                     self._money(ln.get("covered_cny")), decision, insurer_text, reasons]
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if j in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if j == 6:
                    item.setForeground(QColor(colours.get(ln.get("decision"), "#000000")))
                if j == 8 and reasons:
                    item.setToolTip(reasons)
                self.lines.setItem(i, j, item)

        self.checklist.clear()
        for item in self.checklist_items:
            mark = "✔" if item.get("ok") else "✘"
            text = f"{mark}  {self._pick(item, '')}"
            detail = self._pick(item, "detail")
            if not item.get("ok") and detail:
                text += f" — {detail}"
            li = QListWidgetItem(text)
            li.setForeground(QColor("#1b7f3b" if item.get("ok") else "#b00020"))
            self.checklist.addItem(li)

        payments = doc.get("payments") or []
        self.payments.setRowCount(len(payments))
        for i, p in enumerate(payments):
            on = date.fromisoformat(p["date"]) if p.get("date") else None
            self.payments.setItem(i, 0, QTableWidgetItem(self.ctx.fmt_date(on)))
            amount = QTableWidgetItem(self._money(p.get("amount")))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.payments.setItem(i, 1, amount)
            self.payments.setItem(i, 2, QTableWidgetItem(p.get("reference", "")))
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.doc["status"] if self.doc and not self.loading else None
        open_ = status in ("submitted", "under_review")
        self.submit_button.setEnabled(status == "draft")
        self.decide_button.setEnabled(open_ and self.lines.currentRow() >= 0)
        self.pay_button.setEnabled(open_ or status == "settled")
        self.settle_button.setEnabled(open_)
        self.reject_button.setEnabled(open_)
        self.withdraw_button.setEnabled(status in ("draft", "submitted", "under_review"))
        self.export_button.setEnabled(self.doc is not None and not self.loading and export_service() is not None)

    # --- actions ---------------------------------------------------------------------------------------

    def _run(self, fn, *args, **kwargs) -> bool:
        try:
            fn(self.ctx.store, *args, **kwargs)
        except LeiError as exc:
            self.ctx.show_error(self, exc)
            return False
        self.ctx.data_changed.emit("claim")
        self._load_current(with_list=True)
        return True

    def claimable(self, dispute: str) -> list:
        """The dispute's expenses not held by a submitted, under-review or settled claim."""
        held = claims_of(self.ctx.store, [e.ref for e in expense_service.list_expenses(self.ctx.store, dispute)])
        return [e for e in expense_service.list_expenses(self.ctx.store, dispute)
                if e.ref not in held or held[e.ref][1] == "draft"]

    def _build_dialog(self) -> None:
        dispute = self.dispute.currentData()
        if self.claims is None or not dispute:
            return
        dialog = BuildClaimDialog(self, self.claimable(dispute))
        if dialog.exec():
            chosen = dialog.chosen()
            if chosen:
                self.build_claim(chosen)

    def build_claim(self, expense_refs=None) -> str | None:
        """A draft claim of the chosen dispute: these expenses, or all its unclaimed ones."""
        if self.claims is None or not self.dispute.currentData():
            return None
        try:
            ref = self.claims.create_claim(self.ctx.store, self.dispute.currentData(), expense_refs)
        except LeiError as exc:
            self.ctx.show_error(self, exc)
            return None
        self.ctx.data_changed.emit("claim")
        self.current = ref
        self._load_current(with_list=True)
        return ref

    def missing_documents(self) -> list[dict]:
        return [i for i in self.checklist_items if not i.get("ok")]

    def submit(self, override: str | None = None, confirm: bool = True) -> bool:
        """Submit the shown claim. With documents missing, an override reason is asked for (or given)."""
        if not self.doc:
            return False
        missing = self.missing_documents()
        if missing and override is None:
            lines = "\n".join(f"• {self._pick(i, '')}: {self._pick(i, 'detail')}" for i in missing)
            text, ok = QInputDialog.getText(
                self, self.tr("Documents missing"),
                self.tr("These documents are missing:\n{list}\n\nTo submit anyway, give the reason (it is recorded):")
                .format(list=lines))
            if not ok:
                return False
            override = text
        elif confirm and override is None:
            answer = QMessageBox.question(
                self, self.tr("Submit claim"),
                self.tr("Submit claim {ref}? Its figures and expenses are frozen from then on.").format(
                    ref=self.doc["claim"]))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._run(self.claims.submit, self.doc["claim"], override=override if missing else None)

    def selected_line(self) -> dict | None:
        row = self.lines.currentRow()
        lines = (self.doc or {}).get("lines") or []
        return lines[row] if 0 <= row < len(lines) else None

    def record_decision(self, expense: str, decision: str, amount=None, reason: str = "", on=None) -> bool:
        return self._run(self.claims.decide_line, self.doc["claim"], expense, decision, amount=amount,
                         reason=reason, on=on)

    def _decide_dialog(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        dialog = LineDecisionDialog(self, line["expense"], line.get("covered_cny", ""))
        if dialog.exec():
            self.record_decision(line["expense"], dialog.decision.currentData(), dialog.amount.text().strip() or None,
                                 dialog.reason.text(), dialog.on.iso_text() or None)

    def record_payment(self, amount, on, reference: str = "", settle: bool = False) -> bool:
        fn = self.claims.settle if settle else self.claims.record_payment
        return self._run(fn, self.doc["claim"], amount, on, reference)

    def _payment_dialog(self, settle: bool) -> None:
        if not self.doc:
            return
        payable, paid = _dec(self.doc.get("payable")) or Decimal(0), _dec(self.doc.get("paid")) or Decimal(0)
        title = self.tr("Settle claim {ref}") if settle else self.tr("Payment for claim {ref}")
        dialog = PaymentDialog(self, title.format(ref=self.doc["claim"]), format(max(payable - paid, Decimal(0)), "f"))
        if dialog.exec():
            self.record_payment(dialog.amount.text().strip(), dialog.on.iso_text(), dialog.reference.text(),
                                settle=settle)

    def reject_claim(self, reason: str) -> bool:
        return self._run(self.claims.reject, self.doc["claim"], reason)

    def _reject_dialog(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Claim rejected"), self.tr("The insurer's reason:"))
        if ok:
            self.reject_claim(text)

    def _withdraw(self) -> None:
        if not self.doc:
            return
        answer = QMessageBox.question(self, self.tr("Withdraw claim"),
                                      self.tr("Withdraw claim {ref}?").format(ref=self.doc["claim"]))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.claims.withdraw, self.doc["claim"])

    # --- export ----------------------------------------------------------------------------------------

    def export_pdf(self, path: str | Path | None = None):
        """Write the claim package off the GUI thread, with a progress dialog and Cancel. Returns the worker."""
        service = export_service()
        if not self.doc or service is None:
            return None
        ref = self.doc["claim"]
        if path is None:
            settings = getattr(self.ctx, "settings", None)
            folder = settings.value(EXPORT_DIR_KEY) if settings is not None else None
            name = safe_filename(ref, ".pdf", fallback="claim")  # a reference may hold '/' or ':'
            start = str(Path(str(folder)) / name) if folder else str(Path.home() / name)
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export claim package"), start,
                                                  self.tr("PDF files (*.pdf)"))
            if not name:
                return None
            path = name
        out = Path(path)
        warnings = []
        missing = getattr(service, "missing_description_messages", None)
        if missing is not None:
            try:
                warnings = missing(self.ctx.store, ref, self.ctx.lang)
            except LeiError:
                warnings = []
        self.export_warnings = warnings
        self._cancel_export = False
        dialog = QProgressDialog(self.tr("Preparing the claim package…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Export claim {ref}").format(ref=ref))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._on_cancel_export)
        self.progress_dialog = dialog
        store = self.ctx.store

        def work(progress):
            def step(done, total, label=""):
                progress((done, total, label))

            return service.export_claim(store, ref, out, progress=step, cancel=lambda: self._cancel_export)

        self.progress_log: list[tuple] = []

        def on_progress(value) -> None:
            if not isValid(dialog):
                return
            done, total, label = value
            self.progress_log.append(value)
            if dialog.wasCanceled():
                return
            dialog.setMaximum(max(int(total), 1))
            dialog.setValue(min(int(done), max(int(total), 1)))
            if label:
                dialog.setLabelText(str(label))

        def on_done(result) -> None:
            if not isValid(self):
                return
            dialog.reset()
            dialog.close()
            self.last_export = out
            settings = getattr(self.ctx, "settings", None)
            if settings is not None:
                settings.setValue(EXPORT_DIR_KEY, str(out.parent))  # the next export starts there
            self.open_folder_button.setEnabled(True)
            self.export_status = "done"
            pages = result.get("pages") if isinstance(result, dict) else None
            self.ctx.data_changed.emit("export")
            if getattr(self, "quiet_export", False):
                return
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Claim package written"),
                              self.tr("{file} ({pages} pages) is ready.").format(file=out.name, pages=pages or "?"),
                              QMessageBox.StandardButton.Close, self)
            if warnings:
                box.setDetailedText("\n".join(warnings))
            open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            if box.clickedButton() is open_button:
                self.open_folder()

        def on_error(exc) -> None:
            if not isValid(self):
                return
            # decided before close(): closing a QProgressDialog emits canceled(), which would make
            # every failure (a PDF open in Acrobat) read "cancelled"
            cancelled = type(exc).__name__ == "Cancelled" or self._cancel_export
            dialog.reset()
            dialog.close()
            self.export_status = "cancelled" if cancelled else "failed"
            if cancelled:
                if not getattr(self, "quiet_export", False):
                    QMessageBox.information(self, self.tr("Export cancelled"),
                                            self.tr("The export was cancelled; nothing was written."))
                return
            self.ctx.show_error(self, exc)

        self.export_status = "running"
        self._export_worker = self.ctx.run_in_thread(work, on_done, on_error, on_progress)
        return self._export_worker

    def _on_cancel_export(self) -> None:
        self._cancel_export = True
        if self._export_worker is not None and hasattr(self._export_worker, "cancel"):
            self._export_worker.cancel()

    def open_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))
