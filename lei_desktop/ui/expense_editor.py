"""The expense editor: keyboard-first entry beside the expenses table.

Tab walks the fields in reading order, Enter saves, Ctrl+N starts a new expense (the page's
action). Every keystroke re-checks the form with the domain's own rules and shows the message
beside the field in the current language; the rate and the CNY amount follow as you type.
Files come by drag-and-drop or the file dialog and are previewed. Saves and deletes go through
a ``QUndoStack`` so they can be undone and redone. A likely duplicate (same payee and invoice
number, or the same file) is shown as you type and asked about before saving.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from lei_desktop.domain import fields as f
from lei_desktop.domain.categories import CATEGORY_CODES
from lei_desktop.domain.categories import label as category_label
from lei_desktop.domain.errors import LeiError, ValidationError
from lei_desktop.domain.fx import check_per, check_rate
from lei_desktop.domain.messages import text as message_text
from lei_desktop.domain.model import ATTACHMENT_KINDS, Expense
from lei_desktop.domain.money import Money, check_currency
from lei_desktop.domain.validation import expense_from_dict
from lei_desktop.services import attachments as attachment_service
from lei_desktop.services import disputes as dispute_service
from lei_desktop.services import expenses as expense_service
from lei_desktop.services.expense_table import (
    NewFile,
    RateContext,
    duplicates,
    frozen_claim,
    next_ref,
    save_expense,
)
from lei_desktop.ui.forms import DateEdit, loose_date

COMMON_CURRENCIES = ("CNY", "USD", "EUR", "JPY", "GBP", "HKD", "KRW", "AUD", "CAD", "CHF", "SGD")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")


def guess_kind(filename: str) -> str:
    name = filename.lower()
    for key, kind in (("pay", "payment_proof"), ("bank", "payment_proof"), ("engagement", "engagement_letter"),
                      ("consent", "consent_letter"), ("complaint", "complaint"), ("judg", "judgment")):
        if key in name:
            return kind
    return "invoice"


# --- undo commands ---------------------------------------------------------------------------------


def _files_of(ctx, e: Expense) -> list[NewFile]:
    return [NewFile(a.filename, attachment_service.blob(ctx.store, a.sha256), a.kind) for a in e.attachments]


class SaveExpenseCommand(QUndoCommand):
    """Create or change one expense (with new files); undo puts back what was there before."""

    def __init__(self, editor: ExpenseEditor, new: Expense, before: Expense | None, files: list[NewFile]) -> None:
        super().__init__()
        self.editor, self.ctx = editor, editor.ctx
        self.new, self.before, self.files = new, before, files
        self.added_ids: list[int] = []
        self.error: LeiError | None = None
        self.setText(QCoreApplication.translate("ExpenseEditor", "Save expense {ref}").format(ref=new.ref))

    def redo(self) -> None:
        store = self.ctx.store
        try:
            if self.before is None:
                saved = save_expense(store, self.new, files=self.files)
            else:
                current = expense_service.get_expense(store, self.before.ref)
                saved = save_expense(store, self.new, original_ref=self.before.ref,
                                     expected_version=current.version, files=self.files)
            known = {a.id for a in (self.before.attachments if self.before else ())}
            self.added_ids = [a.id for a in saved.attachments if a.id not in known]
            self.error = None
            self.editor.after_change(saved.ref)
        except LeiError as exc:
            self.error = exc
            self.setObsolete(True)
            self.editor.report(exc)

    def undo(self) -> None:
        store = self.ctx.store
        try:
            if self.before is None:
                expense_service.delete_expense(store, self.new.ref)
                self.editor.after_change(None)
            else:
                for attachment_id in self.added_ids:
                    attachment_service.remove_attachment(store, attachment_id)
                current = expense_service.get_expense(store, self.new.ref)
                restored = save_expense(store, self.before, original_ref=self.new.ref, expected_version=current.version)
                self.editor.after_change(restored.ref)
        except LeiError as exc:
            self.editor.report(exc)


class DeleteExpenseCommand(QUndoCommand):
    """Delete an expense; undo brings it back with its files (their content stays in the store)."""

    def __init__(self, editor: ExpenseEditor, expense: Expense) -> None:
        super().__init__()
        self.editor, self.ctx, self.expense = editor, editor.ctx, expense
        self.files = _files_of(editor.ctx, expense)
        self.setText(QCoreApplication.translate("ExpenseEditor", "Delete expense {ref}").format(ref=expense.ref))

    def redo(self) -> None:
        try:
            expense_service.delete_expense(self.ctx.store, self.expense.ref)
            self.editor.after_change(None)
        except LeiError as exc:
            self.setObsolete(True)
            self.editor.report(exc)

    def undo(self) -> None:
        try:
            saved = save_expense(self.ctx.store, self.expense, files=self.files)
            self.editor.after_change(saved.ref)
        except LeiError as exc:
            self.editor.report(exc)


# --- attachments ---------------------------------------------------------------------------------


class AttachmentList(QListWidget):
    """Files of the expense; accepts files dropped from the desktop."""

    filesDropped = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self.setMinimumHeight(60)
        self.setMaximumHeight(110)

    def _paths(self, event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]

    def dragEnterEvent(self, event) -> None:
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)


@dataclass
class FileEntry:
    filename: str
    kind: str
    sha256: str
    size: int
    data: bytes | None = None  # pending files only
    attachment_id: int | None = None  # stored files only
    pending: bool = field(default=False)


def pdf_summary(data: bytes) -> tuple[int, str]:
    """Pages and the first page's text of a PDF (for the preview; no rendering engine in Qt Essentials)."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        first = reader.pages[0].extract_text() if reader.pages else ""
        return len(reader.pages), " ".join(first.split())[:400]
    except Exception:  # a damaged or encrypted PDF: still attachable, just not previewable
        return 0, ""


# --- the editor ----------------------------------------------------------------------------------


class ExpenseEditor(QWidget):
    """Form for one expense. ``saved(ref)`` after a change reaches the store; ``dirtyChanged(bool)``."""

    changed = Signal(object)  # the ref now shown, or None
    dirtyChanged = Signal(bool)

    FIELDS = ("ref", "dispute", "category", "amount", "currency", "paid_on", "invoice_date", "service_date",
              "payee", "invoice_number", "description_zh", "description_en", "rate_override", "rate_per")

    def __init__(self, ctx, undo_stack, parent=None, start_new: bool = True, disputes=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.current: Expense | None = None  # what is stored (None: a new expense)
        self.files: list[FileEntry] = []
        self._loading = False
        self._dirty = False
        self._errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self._rates: RateContext | None = None
        self.duplicates: list = []
        #: asked before saving a likely duplicate; tests replace it
        self.confirm_duplicate = self._ask_duplicate
        self._pdf_summaries: dict[str, tuple[int, str]] = {}  # sha256 -> (pages, first page's text)
        self._disputes = None  # the last list of disputes read (a language switch re-labels it, no re-read)
        self._build()
        self._dup_timer = QTimer(self, singleShot=True, interval=250)
        self._dup_timer.timeout.connect(self.check_duplicates_in_background)
        self.retranslate()
        self.reload_choices(disputes)
        if start_new:
            self.new_expense()

    # --- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.ref = QLineEdit()
        self.dispute = QComboBox()
        self.dispute.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dispute.setMinimumContentsLength(12)
        self.category = QComboBox()
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(12)
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.paid_on = DateEdit()
        self.invoice_date = DateEdit()
        self.service_date = DateEdit()  # LEDES LINE_ITEM_DATE: when the work was done (optional)
        for w in (self.paid_on, self.invoice_date, self.service_date):
            w.setPlaceholderText("YYYY-MM-DD / 2026/4/1")
        self.payee = QLineEdit()
        self.invoice_number = QLineEdit()
        self.description_zh = QLineEdit()
        self.description_en = QLineEdit()
        self.staff = QCheckBox()
        self.rate_override = QLineEdit()
        self.rate_per = QComboBox()
        self.rate_per.addItems(["1", "100"])
        self.rate_label = QLabel()
        self.rate_label.setWordWrap(True)
        self.rate_label.setObjectName("rateLabel")
        self.dup_label = QLabel()
        self.dup_label.setWordWrap(True)
        self.dup_label.setStyleSheet("color: #8a5a00; background: #fff4d6; padding: 4px; border-radius: 3px;")
        self.dup_label.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.locked_label = QLabel()
        self.locked_label.setWordWrap(True)
        self.locked_label.setStyleSheet("color: #1f3f77; background: #e3ecfa; padding: 4px; border-radius: 3px;")
        self.locked_label.hide()
        self.locked_by: str | None = None

        self.error_labels: dict[str, QLabel] = {}
        for key in self.FIELDS:
            lbl = QLabel()
            lbl.setStyleSheet("color: #b00020;")
            lbl.setWordWrap(True)
            lbl.hide()
            self.error_labels[key] = lbl

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.row_labels: dict[str, QLabel] = {}

        def add(key, widget, error_key=None):
            lbl = QLabel()
            self.row_labels[key] = lbl
            box = QVBoxLayout()
            box.setSpacing(1)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(widget)
            box.addWidget(self.error_labels[error_key or key])
            form.addRow(lbl, box)
            lbl.setBuddy(widget if not isinstance(widget, QWidget) or widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                         else None)

        amount_row = QWidget()
        h = QHBoxLayout(amount_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.amount, 3)
        h.addWidget(self.currency, 1)
        rate_row = QWidget()
        h2 = QHBoxLayout(rate_row)
        h2.setContentsMargins(0, 0, 0, 0)
        self.per_label = QLabel()
        h2.addWidget(self.rate_override, 3)
        h2.addWidget(self.per_label)
        h2.addWidget(self.rate_per, 1)

        add("ref", self.ref)
        add("dispute", self.dispute)
        add("category", self.category)
        add("amount", amount_row)
        form.addRow("", self.error_labels["currency"])
        add("paid_on", self.paid_on)
        add("invoice_date", self.invoice_date)
        add("service_date", self.service_date)
        add("payee", self.payee)
        add("invoice_number", self.invoice_number)
        add("description_zh", self.description_zh)
        add("description_en", self.description_en)
        form.addRow("", self.staff)
        add("rate_override", rate_row)
        form.addRow("", self.error_labels["rate_per"])
        form.addRow("", self.rate_label)
        self.row_labels["amount"].setBuddy(self.amount)
        self.row_labels["rate_override"].setBuddy(self.rate_override)

        # attachments
        self.files_box = QGroupBox()
        fb = QVBoxLayout(self.files_box)
        self.file_list = AttachmentList()
        self.file_list.filesDropped.connect(self.add_files)
        self.file_list.currentRowChanged.connect(self._preview)
        self.drop_hint = QLabel()
        self.drop_hint.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        self.add_file_button = QPushButton()
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_file_button = QPushButton()
        self.remove_file_button.clicked.connect(self.remove_selected_file)
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(8)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        buttons.addWidget(self.add_file_button)
        buttons.addWidget(self.remove_file_button)
        buttons.addWidget(self.kind, 1)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(160, 120))
        self.preview.setWordWrap(True)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("border: 1px solid #ccc; background: #fafafa; color: #444;")
        fb.addWidget(self.drop_hint)
        fb.addWidget(self.file_list)
        fb.addLayout(buttons)
        fb.addWidget(self.preview, 1)

        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.locked_label)
        outer.addLayout(form)
        outer.addWidget(self.dup_label)
        outer.addWidget(self.files_box, 1)
        outer.addLayout(actions)

        # keyboard: Tab in reading order, Enter saves from any field
        order = [self.ref, self.dispute, self.category, self.amount, self.currency, self.paid_on, self.invoice_date,
                 self.service_date, self.payee, self.invoice_number, self.description_zh, self.description_en,
                 self.staff, self.rate_override, self.rate_per, self.file_list, self.add_file_button, self.remove_file_button,
                 self.kind, self.revert_button, self.save_button]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        for key in (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter),
                    QKeySequence(QKeySequence.StandardKey.Save)):
            sc = QShortcut(key, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.save)

        for w in (self.ref, self.amount, self.paid_on, self.invoice_date, self.service_date, self.payee,
                  self.invoice_number, self.description_zh, self.description_en, self.rate_override):
            w.textEdited.connect(self._edited)
        self.currency.editTextChanged.connect(self._edited)
        for combo in (self.dispute, self.category, self.rate_per):
            combo.currentIndexChanged.connect(self._edited)
        self.staff.toggled.connect(self._edited)
        for w in (self.payee, self.invoice_number):
            w.textEdited.connect(lambda *_: self._dup_timer.start())

    # --- language ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        labels = {
            "ref": self.tr("&Reference"),
            "dispute": self.tr("&Dispute"),
            "category": self.tr("&Category"),
            "amount": self.tr("&Amount"),
            "paid_on": self.tr("&Paid on"),
            "invoice_date": self.tr("&Invoice date"),
            "service_date": self.tr("Ser&vice date"),
            "payee": self.tr("Pa&yee"),
            "invoice_number": self.tr("Invoice &no."),
            "description_zh": self.tr("Description (Chinese)"),
            "description_en": self.tr("Description (English)"),
            "rate_override": self.tr("Rate override"),
        }
        for key, text in labels.items():
            self.row_labels[key].setText(text)
        self.amount.setPlaceholderText(self.tr("e.g. 12500.00"))
        self.rate_override.setPlaceholderText(self.tr("blank: the published rate"))
        self.per_label.setText(self.tr("CNY per"))
        self.staff.setText(self.tr("Paid to the company's own staff"))
        self.files_box.setTitle(self.tr("Receipts and documents"))
        self.drop_hint.setText(self.tr("Drop files here, or add them with the button."))
        self.add_file_button.setText(self.tr("Add &file…"))
        self.remove_file_button.setText(self.tr("Remove file"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Enter)"))
        self.revert_button.setText(self.tr("Revert"))
        self._fill_categories()
        self._fill_kinds()
        if self.dispute.count():
            self.reload_choices(self._disputes)  # dispute titles in the new language
        self._update_title()
        self._show_locked()
        self.validate()
        self.update_rate()
        self._show_duplicates()
        self._preview(self.file_list.currentRow())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self._loading_push()
        self.category.clear()
        for code in CATEGORY_CODES:
            self.category.addItem(category_label(code, self.ctx.lang), code)
        if current:
            self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self._loading_pop()

    def _kind_names(self) -> dict[str, str]:
        return {
            "invoice": self.tr("Invoice"),
            "payment_proof": self.tr("Proof of payment"),
            "engagement_letter": self.tr("Engagement letter"),
            "consent_letter": self.tr("Consent letter"),
            "complaint": self.tr("Complaint or warning letter"),
            "judgment": self.tr("Judgment"),
            "other": self.tr("Other"),
        }

    def _fill_kinds(self) -> None:
        names = self._kind_names()
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in ATTACHMENT_KINDS:
            self.kind.addItem(names[kind], kind)
        if current:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self._refresh_file_list()

    def _show_locked(self) -> None:
        """An expense in a submitted claim is shown read-only, saying which claim holds it."""
        locked = self.locked_by is not None
        if locked:
            self.locked_label.setText(self.tr("Locked: this expense is part of the submitted claim {claim}.")
                                      .format(claim=self.locked_by))
        self.locked_label.setVisible(locked)
        for w in (self.ref, self.amount, self.paid_on, self.invoice_date, self.service_date, self.payee,
                  self.invoice_number, self.description_zh, self.description_en, self.rate_override):
            w.setReadOnly(locked)
        for w in (self.dispute, self.category, self.currency, self.rate_per, self.staff, self.save_button,
                  self.add_file_button, self.remove_file_button, self.revert_button):
            w.setEnabled(not locked)
        self.file_list.setAcceptDrops(not locked)

    def _update_title(self) -> None:
        if self.current is None:
            self.title.setText(self.tr("New expense"))
        else:
            self.title.setText(self.tr("Expense {ref}").format(ref=self.current.ref))

    # --- loading ---------------------------------------------------------------------------------

    def _loading_push(self) -> None:
        self._loading_depth = getattr(self, "_loading_depth", 0) + 1
        self._loading = True

    def _loading_pop(self) -> None:
        self._loading_depth -= 1
        self._loading = self._loading_depth > 0

    def reload_choices(self, disputes=None) -> None:
        """Disputes and rates changed elsewhere: read them again."""
        self._rates = None
        current = self.dispute.currentData()
        self._loading_push()
        self.dispute.clear()
        if disputes is None:
            disputes = dispute_service.list_disputes(self.ctx.store)
        self._disputes = disputes
        for d in disputes:
            title = d.title_zh if self.ctx.lang == "zh" and d.title_zh else d.title_en or d.title_zh
            self.dispute.addItem(f"{d.ref} — {title}" if title else d.ref, d.ref)
        if current:
            self.dispute.setCurrentIndex(max(0, self.dispute.findData(current)))
        self._loading_pop()
        self.update_rate()

    #: where the rates come from; the expenses page shares its table model's (read once per refresh)
    rates_source = None

    @property
    def rates(self) -> RateContext:
        if self.rates_source is not None:
            return self.rates_source()
        if self._rates is None:
            self._rates = RateContext(self.ctx.store)
        return self._rates

    def _set_combo(self, combo: QComboBox, value) -> None:
        i = combo.findData(value)
        if i < 0 and combo.isEditable():
            combo.setEditText(value)
        else:
            combo.setCurrentIndex(max(0, i))

    def new_expense(self, dispute: str | None = None) -> None:
        """Empty form for a new expense (Ctrl+N); keeps the dispute and currency of the last one."""
        keep_dispute = dispute or self.dispute.currentData()
        keep_currency = self.currency.currentText() or "CNY"
        self._loading_push()
        self.current = None
        for w in (self.amount, self.paid_on, self.invoice_date, self.service_date, self.payee, self.invoice_number,
                  self.description_zh, self.description_en, self.rate_override):
            w.clear()
        self.ref.setText(next_ref(self.ctx.store))
        if keep_dispute:
            self._set_combo(self.dispute, keep_dispute)
        self.currency.setEditText(keep_currency)
        self.staff.setChecked(False)
        self.rate_per.setCurrentIndex(0)
        self.files = []
        self.duplicates = []
        self.locked_by = None
        self._show_locked()
        self._loading_pop()
        self._refresh_file_list()
        self._set_dirty(False)
        self._errors = {}
        self._show_errors(only_touched=True)
        self._touched: set[str] = set()
        self._update_title()
        self.update_rate()
        self._show_duplicates()
        self.status.clear()
        self.category.setFocus() if self.dispute.count() else self.dispute.setFocus()

    def load(self, e: Expense) -> None:
        """Show a stored expense (with its files)."""
        if not e.attachments:  # rows of the table come without their files
            e = expense_service.get_expense(self.ctx.store, e.ref)
        self._loading_push()
        self.current = e
        self.ref.setText(e.ref)
        self._set_combo(self.dispute, e.dispute)
        self._set_combo(self.category, e.category)
        self.amount.setText(format(e.amount, "f"))
        self.currency.setEditText(e.currency)
        self.paid_on.setText(e.paid_on.isoformat() if e.paid_on else "")
        self.invoice_date.setText(e.invoice_date.isoformat() if e.invoice_date else "")
        self.service_date.set_date(e.service_date)
        self.payee.setText(e.payee)
        self.invoice_number.setText(e.invoice_number)
        self.description_zh.setText(e.description_zh)
        self.description_en.setText(e.description_en)
        self.staff.setChecked(e.incurred_by_insured_staff)
        self.rate_override.setText(format(e.rate_override.rate, "f") if e.rate_override else "")
        self.rate_per.setCurrentIndex(1 if e.rate_override and e.rate_override.per == 100 else 0)
        self.files = [FileEntry(a.filename, a.kind, a.sha256, a.size, attachment_id=a.id) for a in e.attachments]
        self.locked_by = frozen_claim(self.ctx.store, e.ref)
        self._show_locked()
        self._loading_pop()
        self._refresh_file_list(keep=0 if self.files else None)
        self._touched = set(self.FIELDS)
        self._set_dirty(False)
        self.validate()
        self._update_title()
        self.update_rate()
        self.duplicates = []
        self._show_duplicates()
        self._dup_timer.start()  # a moment later: on a big table the look-up scans it
        self.status.clear()

    def load_ref(self, ref: str) -> None:
        self.load(expense_service.get_expense(self.ctx.store, ref))

    # --- state -----------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, value: bool) -> None:
        if value != self._dirty:
            self._dirty = value
            self.dirtyChanged.emit(value)

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        sender = self.sender()
        for key in self.FIELDS:
            if getattr(self, key, None) is sender:
                self._touched.add(key)
        if sender is self.currency:
            self._touched.add("currency")
        self._set_dirty(True)
        self.validate()
        self.update_rate()

    def form_dict(self) -> dict:
        d = {
            "ref": self.ref.text(),
            "dispute": self.dispute.currentData() or "",
            "category": self.category.currentData() or "",
            "amount": self.amount.text().strip(),  # the domain reads 1,234.50 and refuses 1,5 (not 15)
            "currency": self.currency.currentText().strip().upper(),
            "paid_on": loose_date(self.paid_on.text()),
            "invoice_date": loose_date(self.invoice_date.text()),
            "service_date": loose_date(self.service_date.text()),
            "payee": self.payee.text(),
            "invoice_number": self.invoice_number.text(),
            "description_zh": self.description_zh.text(),
            "description_en": self.description_en.text(),
            "incurred_by_insured_staff": self.staff.isChecked(),
        }
        if self.rate_override.text().strip():
            d["rate_override"] = {"rate": self.rate_override.text().strip(), "per": int(self.rate_per.currentText())}
        if self.current is not None:
            d["utbms_code"] = self.current.utbms_code
            d["source"] = self.current.source
        return d

    # --- validation ------------------------------------------------------------------------------

    def errors_of(self, d: dict) -> dict[str, LeiError]:
        """Every problem of the form at once, keyed by field (the domain's own checks)."""
        errors: dict[str, LeiError] = {}

        def check(key, fn):
            try:
                fn()
            except LeiError as exc:
                errors.setdefault(key, exc)

        check("ref", lambda: f.a_ref(d))
        check("dispute", lambda: f.text(d, "dispute", required=True))
        currency_ok = True
        try:
            check_currency(d["currency"])
        except LeiError as exc:
            errors["currency"] = exc
            currency_ok = False

        def amount():
            if not d["amount"]:
                raise ValidationError("required", "amount")
            money = Money.of(d["amount"], d["currency"] if currency_ok else "CNY", "amount")
            # credits imported from a LEDES invoice (IF/IE discounts) keep their sign, as in expense_from_dict
            credit = str(d.get("source") or "").startswith("ledes:")
            if money.amount == 0 or (money.amount < 0 and not credit):
                raise ValidationError("not_positive", "amount")

        check("amount", amount)
        check("paid_on", lambda: f.a_date(d, "paid_on"))
        check("invoice_date", lambda: f.a_date(d, "invoice_date"))
        check("service_date", lambda: f.a_date(d, "service_date"))
        check("payee", lambda: f.text(d, "payee", max_len=500))
        check("invoice_number", lambda: f.text(d, "invoice_number", max_len=100))
        if "rate_override" in d:
            check("rate_override", lambda: check_rate(d["rate_override"]["rate"], "rate_override"))
            check("rate_per", lambda: check_per(d["rate_override"]["per"], "rate_per"))
            if currency_ok and d["currency"] == "CNY":
                errors.setdefault("rate_override", ValidationError("cny_no_rate", "rate_override"))
        if not errors:
            check("ref", lambda: expense_from_dict(d))
        return errors

    def validate(self) -> bool:
        self._errors = {k: v for k, v in self.errors_of(self.form_dict()).items()}
        self._show_errors(only_touched=True)
        return not self._errors

    def _show_errors(self, only_touched: bool) -> None:
        touched = getattr(self, "_touched", set())
        for key, lbl in self.error_labels.items():
            exc = self._errors.get(key)
            if exc is not None and (not only_touched or key in touched):
                lbl.setText(message_text(exc.code, self.ctx.lang, **exc.params))
                lbl.show()
            else:
                lbl.clear()
                lbl.hide()

    def error_text(self, key: str) -> str:
        lbl = self.error_labels[key]
        return lbl.text() if not lbl.isHidden() else ""

    # --- rate as you type ----------------------------------------------------------------------------

    def update_rate(self) -> None:
        d = self.form_dict()
        if "amount" in self._errors or "currency" in self._errors or not d["amount"]:
            self.rate_label.setText(self.tr("CNY: enter an amount and a currency"))
            return
        try:
            e = expense_from_dict(d)
        except LeiError:
            self.rate_label.setText(self.tr("CNY: —"))
            return
        used = self.rates.rate(e)
        if used is None:
            basis = self.rates.basis_date(e.dispute, e.paid_on, e.invoice_date)
            if basis is None:
                self.rate_label.setText(self.tr("CNY: enter the payment date to find the rate"))
            else:
                self.rate_label.setText(self.tr("No {currency} rate on or before {date}: enter a rate override")
                                        .format(currency=e.currency, date=self.ctx.fmt_date(basis)))
            return
        cny = self.rates.cny(e)
        if e.currency == "CNY":
            self.rate_label.setText(self.tr("In CNY: {cny}").format(cny=self.ctx.fmt_money(cny, "CNY")))
            return
        if used.overridden:
            how = self.tr("rate typed for this expense")
        elif used.substituted:
            how = self.tr("rate of {date} (no fixing on {basis})").format(
                date=self.ctx.fmt_date(used.rate_date), basis=self.ctx.fmt_date(used.basis_date))
        else:
            how = self.tr("rate of {date}").format(date=self.ctx.fmt_date(used.rate_date))
        self.rate_label.setText(
            self.tr("{per} {currency} = {rate} CNY ({how}) → {cny}").format(
                per=used.per, currency=e.currency, rate=used.rate, how=how, cny=self.ctx.fmt_money(cny, "CNY")))

    # --- duplicates --------------------------------------------------------------------------------

    def check_duplicates(self) -> list:
        self._dup_question = None  # a background answer still on its way is stale now
        d = self.form_dict()
        hashes = [fe.sha256 for fe in self.files if fe.pending]
        exclude = self.current.ref if self.current else None
        self.duplicates = duplicates(self.ctx.store, d["payee"], d["invoice_number"], hashes, exclude_ref=exclude)
        self._show_duplicates()
        return self.duplicates

    def check_duplicates_in_background(self) -> None:
        """The same look-up on a worker thread (it scans the table): the answer is shown if the form
        still asks the same question when it arrives."""
        run = getattr(self.ctx, "run_in_thread", None)
        if run is None:
            self.check_duplicates()
            return
        d = self.form_dict()
        hashes = tuple(fe.sha256 for fe in self.files if fe.pending)
        exclude = self.current.ref if self.current else None
        question = (d["payee"], d["invoice_number"], hashes, exclude)
        self._dup_question = question
        store = self.ctx.store

        def done(found) -> None:
            if isValid(self) and getattr(self, "_dup_question", None) == question:
                self.duplicates = found
                self._show_duplicates()

        run(lambda: duplicates(store, d["payee"], d["invoice_number"], hashes, exclude_ref=exclude), done,
            lambda _exc: None)

    def duplicate_text(self) -> str:
        parts = []
        for dup in self.duplicates:
            if dup.why == "invoice":
                parts.append(self.tr("{ref} has the same payee and invoice number").format(ref=dup.ref))
            else:
                parts.append(self.tr("{ref} already holds the file {file}").format(ref=dup.ref, file=dup.detail))
        if not parts:
            return ""
        return self.tr("Possible duplicate: {list}").format(list="; ".join(parts))

    def _show_duplicates(self) -> None:
        message = self.duplicate_text()
        self.dup_label.setText("⚠ " + message if message else "")
        self.dup_label.setVisible(bool(message))

    def _ask_duplicate(self, message: str) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Possible duplicate"), message + "\n\n" + self.tr("Save anyway?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    # --- files -------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add receipts"), "", self.tr("Receipts (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"))
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths) -> None:
        for path in paths:
            path = Path(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                self.status.setText(self.tr("Cannot read {file}: {error}").format(file=path.name, error=exc.strerror))
                continue
            if len(data) > attachment_service.MAX_BYTES:
                self.status.setText(self.tr("{file} is too large").format(file=path.name))
                continue
            digest = attachment_service.sha256(data)
            if any(fe.sha256 == digest for fe in self.files):
                continue
            self.files.append(FileEntry(path.name, guess_kind(path.name), digest, len(data), data=data, pending=True))
        self._refresh_file_list()
        self.file_list.setCurrentRow(len(self.files) - 1)
        if not self._loading:
            self._set_dirty(True)
        self.check_duplicates()

    def remove_selected_file(self) -> None:
        row = self.file_list.currentRow()
        if row < 0:
            return
        fe = self.files[row]
        if fe.pending:
            del self.files[row]
        else:
            answer = QMessageBox.question(self, self.tr("Remove file"),
                                          self.tr("Remove {file} from this expense?").format(file=fe.filename))
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                attachment_service.remove_attachment(self.ctx.store, fe.attachment_id)
            except LeiError as exc:
                self.report(exc)
                return
            del self.files[row]
            self.after_change(self.current.ref if self.current else None, reload_editor=False)
        self._refresh_file_list()
        self.check_duplicates()

    def _kind_changed(self, index: int) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.files) and self.files[row].pending:
            self.files[row].kind = self.kind.currentData()
            self._refresh_file_list(keep=row)

    def _refresh_file_list(self, keep: int | None = None) -> None:
        if keep is None:  # keep the selection; the first file when there was none
            keep = min(max(self.file_list.currentRow(), 0), len(self.files) - 1) if self.files else None
        names = self._kind_names()
        self.file_list.blockSignals(True)
        self.file_list.clear()
        for fe in self.files:
            size = f"{fe.size / 1024:.0f} KB" if fe.size >= 1024 else f"{fe.size} B"
            mark = self.tr(" (not saved yet)") if fe.pending else ""
            item = QListWidgetItem(f"{fe.filename} · {names.get(fe.kind, fe.kind)} · {size}{mark}")
            self.file_list.addItem(item)
        self.file_list.blockSignals(False)
        if keep is not None:
            self.file_list.setCurrentRow(keep)
        self._preview(self.file_list.currentRow())

    def _file_bytes(self, fe: FileEntry) -> bytes:
        if fe.data is not None:
            return fe.data
        return attachment_service.blob(self.ctx.store, fe.sha256)

    def _preview(self, row: int) -> None:
        if not hasattr(self, "files") or not (0 <= row < len(self.files)):
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No file selected"))
            self.kind.setEnabled(False)
            return
        fe = self.files[row]
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(fe.kind)))
        self.kind.blockSignals(False)
        self.kind.setEnabled(fe.pending)
        try:
            data = self._file_bytes(fe)
        except LeiError as exc:
            self.preview.setText(message_text(exc.code, self.ctx.lang, **exc.params))
            return
        if fe.filename.lower().endswith(IMAGE_SUFFIXES):
            image = QImage.fromData(data)
            if not image.isNull():
                pix = QPixmap.fromImage(image).scaled(
                    self.preview.size().expandedTo(QSize(160, 120)), Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation)
                self.preview.setPixmap(pix)
                return
        self.preview.setPixmap(QPixmap())
        if data[:5] == b"%PDF-":
            summary = self._pdf_summaries.get(fe.sha256)
            if summary is not None:
                self._show_pdf(fe, summary)
                return
            # reading a PDF (and importing pypdf the first time) is slow: on a worker, shown if still current
            reading = self.tr("Reading the PDF…")
            self.preview.setText(f"{fe.filename}\n{reading}")
            run = getattr(self.ctx, "run_in_thread", None)

            def done(result, fe=fe) -> None:
                if not isValid(self):
                    return
                self._pdf_summaries[fe.sha256] = result
                row = self.file_list.currentRow()
                if 0 <= row < len(self.files) and self.files[row].sha256 == fe.sha256:
                    self._show_pdf(fe, result)

            if run is None:
                done(pdf_summary(data))
            else:
                run(lambda: pdf_summary(data), done, lambda _exc: done((0, "")))
        else:
            self.preview.setText(f"{fe.filename}\n{fe.size} B")

    def _show_pdf(self, fe: FileEntry, summary: tuple[int, str]) -> None:
        pages, first = summary
        head = self.tr("PDF, {n} page(s)").format(n=pages) if pages else self.tr("PDF (cannot be read)")
        self.preview.setText(f"{fe.filename}\n{head}\n\n{first}")

    # --- saving --------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Check, ask about duplicates, then save through the undo stack. True when saved."""
        if self.dispute.count() == 0:
            self.status.setText(self.tr("Add a dispute first (Disputes page)."))
            return False
        if self.locked_by is not None:
            return False
        self._touched = set(self.FIELDS)
        if not self.validate():
            self._show_errors(only_touched=False)
            first = next(k for k in self.FIELDS if k in self._errors)
            widget = getattr(self, first, None)
            if isinstance(widget, QWidget):
                widget.setFocus()
            self.status.setText(self.tr("Not saved: please correct the marked fields."))
            return False
        e = expense_from_dict(self.form_dict())
        if self.current is not None and not self.dirty:
            return True
        self.check_duplicates()
        if self.duplicates and not self.confirm_duplicate(self.duplicate_text()):
            self.status.setText(self.tr("Not saved."))
            return False
        files = [NewFile(fe.filename, fe.data, fe.kind) for fe in self.files if fe.pending]
        command = SaveExpenseCommand(self, e, self.current, files)
        self.undo_stack.push(command)
        if command.error is not None:
            return False
        self.status.setText(self.tr("Saved {ref}.").format(ref=e.ref))
        return True

    def revert(self) -> None:
        if self.current is None:
            self.new_expense()
        else:
            self.load_ref(self.current.ref)

    def delete_current(self) -> bool:
        if self.current is None:
            return False
        command = DeleteExpenseCommand(self, expense_service.get_expense(self.ctx.store, self.current.ref))
        self.undo_stack.push(command)
        return True

    # --- called by the undo commands -------------------------------------------------------------------

    def after_change(self, ref: str | None, reload_editor: bool = True) -> None:
        """The store changed: show ``ref`` (or a new form) and tell the rest of the app."""
        if reload_editor:
            self._set_dirty(False)
            if ref is None:
                self.new_expense()
            else:
                self.load_ref(ref)
        self.changed.emit(ref)
        signal = getattr(self.ctx, "data_changed", None)
        if signal is not None:
            signal.emit("expense")

    def report(self, exc: LeiError) -> None:
        message = exc.message(self.ctx.lang)
        self.status.setText(message)
        show = getattr(self.ctx, "show_error", None)
        if show is not None:
            show(self, exc)
