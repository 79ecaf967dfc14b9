"""Expenses page: the big table (sorted and filtered in SQL) beside the keyboard-first editor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from lei_desktop.domain.categories import CATEGORY_CODES
from lei_desktop.domain.categories import label as category_label
from lei_desktop.domain.errors import LeiError
from lei_desktop.services import disputes as dispute_service
from lei_desktop.ui.expense_editor import COMMON_CURRENCIES, ExpenseEditor
from lei_desktop.ui.forms import DateEdit
from lei_desktop.ui.models.expense_model import ExpenseTableModel
from lei_desktop.ui.pages.base import BasePage


class ExpensesPage(BasePage):
    page_id = "expenses"

    #: how many pages the table may load to bring a just-saved row into view
    FIND_PAGES = 10

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.undo_stack = QUndoStack(self)
        self.model = ExpenseTableModel(ctx, self)
        self._syncing = False
        self._shown_once = False

        # filter bar
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.dispute_filter = QComboBox()
        self.category_filter = QComboBox()
        self.currency_filter = QComboBox()
        # paid-on range (both ends optional, inclusive); a text that is not a date filters nothing
        self.paid_from = DateEdit()
        self.paid_to = DateEdit()
        for w, name in ((self.paid_from, "filter_paid_from"), (self.paid_to, "filter_paid_to")):
            w.setObjectName(name)
            w.setMaximumWidth(150)
            w.textChanged.connect(lambda *_: self._filter_timer.start())
        self.count_label = QLabel()
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._filter_timer.start())
        for combo in (self.dispute_filter, self.category_filter, self.currency_filter):
            combo.currentIndexChanged.connect(self._combo_filter_changed)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        # the currency list is short: show "All currencies" whole rather than cut
        self.currency_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        # actions
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_expense)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_expense)
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._undo_texts)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.import_file)
        for a in (self.new_action, self.delete_action, self.undo_action, self.redo_action, self.import_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        self.buttons = []
        bar = QHBoxLayout()
        for a in (self.new_action, self.delete_action, self.undo_action, self.redo_action, self.import_action):
            b = QToolButton()
            b.setDefaultAction(a)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.append(b)
            bar.addWidget(b)
        bar.addSpacing(12)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.dispute_filter, 1)
        bar.addWidget(self.category_filter, 1)
        bar.addWidget(self.currency_filter)
        bar.addWidget(self.paid_from)
        bar.addWidget(self.paid_to)
        bar.addWidget(self.count_label)

        # table
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSortIndicator(self.model.column_of("paid_on"), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the indicator matches the model's query: no extra reload
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        widths = {"ref": 70, "dispute": 60, "category": 165, "paid_on": 95, "invoice_date": 95, "payee": 200,
                  "invoice_number": 120, "amount": 110, "currency": 60, "cny": 110, "files": 45, "claim": 105}
        for key, width in widths.items():
            self.table.setColumnWidth(self.model.column_of(key), width)
        self.model.totalChanged.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)

        # editor
        # the disputes are read once for the filter and the editor (refresh() reads them again later)
        self._disputes = dispute_service.list_disputes(ctx.store)
        self.editor = ExpenseEditor(ctx, self.undo_stack, start_new=False, disputes=self._disputes)
        self.editor.rates_source = lambda: self.model.rates
        self.editor.changed.connect(self._editor_changed)
        self.editor.dirtyChanged.connect(self._dirty_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setMinimumWidth(400)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([580, 420])  # proportions: the splitter scales them to its width

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.retranslate()
        self.refresh(self._disputes)
        self._stale = False  # loaded: the main window need not refresh it again on first show

    # --- language ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search reference, payee, invoice no., description…"))
        self.paid_from.setPlaceholderText(self.tr("Paid from"))
        self.paid_to.setPlaceholderText(self.tr("Paid to"))
        self.paid_from.setToolTip(self.tr("Only expenses paid on or after this date (YYYY-MM-DD, or pick it)"))
        self.paid_to.setToolTip(self.tr("Only expenses paid on or before this date (YYYY-MM-DD, or pick it)"))
        self.new_action.setText(self.tr("&New"))
        self.new_action.setToolTip(self.tr("New expense (Ctrl+N)"))
        self.delete_action.setText(self.tr("Delete"))
        self.delete_action.setToolTip(self.tr("Delete the selected expense (Ctrl+Del)"))
        self._undo_texts()
        self.import_action.setText(self.tr("Import…"))
        self.import_action.setToolTip(self.tr("Import a LEDES invoice or a CSV file, with a preview"))
        self._fill_filters()
        self.model.retranslate()
        self._show_count()
        self.editor.retranslate()

    def _sort_indicator_changed(self, column: int, _order) -> None:
        """Columns computed in Python (CNY, files, claim) cannot be sorted in SQL: the arrow goes
        back to the column the rows are actually sorted by."""
        from lei_desktop.ui.models.expense_model import COLUMNS

        if COLUMNS[column][1] is None:
            keys = [k for _, k in COLUMNS]
            current = keys.index(self.model.query.sort) if self.model.query.sort in keys else 0
            order = Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    def _undo_texts(self, *_args) -> None:
        self.undo_action.setText(self.tr("Undo"))
        self.undo_action.setToolTip(self.tr("Undo: {what} (Ctrl+Z)").format(what=self.undo_stack.undoText())
                                    if self.undo_stack.canUndo() else self.tr("Nothing to undo"))
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setText(self.tr("Redo"))
        self.redo_action.setToolTip(self.tr("Redo: {what}").format(what=self.undo_stack.redoText())
                                    if self.undo_stack.canRedo() else self.tr("Nothing to redo"))
        self.redo_action.setEnabled(self.undo_stack.canRedo())

    def _fill_filters(self, disputes=None) -> None:
        self._syncing = True
        try:
            current = self.dispute_filter.currentData()
            self.dispute_filter.clear()
            self.dispute_filter.addItem(self.tr("All disputes"), None)
            if disputes is None:
                disputes = self._disputes if self._disputes is not None else dispute_service.list_disputes(
                    self.ctx.store)
            self._disputes = disputes
            for d in disputes:
                self.dispute_filter.addItem(d.ref, d.ref)
            self.dispute_filter.setCurrentIndex(max(0, self.dispute_filter.findData(current)))
            current = self.category_filter.currentData()
            self.category_filter.clear()
            self.category_filter.addItem(self.tr("All categories"), None)
            for code in CATEGORY_CODES:
                self.category_filter.addItem(category_label(code, self.ctx.lang), code)
            self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(current)))
            current = self.currency_filter.currentData()
            self.currency_filter.clear()
            self.currency_filter.addItem(self.tr("All currencies"), None)
            for code in COMMON_CURRENCIES:
                self.currency_filter.addItem(code, code)
            self.currency_filter.setCurrentIndex(max(0, self.currency_filter.findData(current)))
        finally:
            self._syncing = False

    def _show_count(self, *_args) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("%n expense(s)", "", total) if total >= 0 else self.tr("counting…"))

    # --- loading and filtering ---------------------------------------------------------------------

    def refresh(self, disputes=None) -> None:
        """Read everything again (another page or an import changed the store); edits in progress stay.
        ``disputes``: the list just read (when the page is being built), else it is read here."""
        if disputes is None:
            disputes = dispute_service.list_disputes(self.ctx.store)
        self._fill_filters(disputes)
        if disputes is not self.editor._disputes:
            self.editor.reload_choices(disputes)
        self.model.reload(keep_rates=False)
        if self.editor.current is not None and not self.editor.dirty:
            try:
                self.editor.load_ref(self.editor.current.ref)
            except LeiError:  # deleted meanwhile
                self.editor.new_expense()
        elif self.editor.current is None and not self.editor.dirty and not self._shown_once:
            if self.model.rowCount():
                self.editor.load(self.model.expense(0))  # open on the first expense; Ctrl+N starts a new one
            else:
                self.editor.new_expense()
        self._shown_once = True
        self._select_current()

    def _combo_filter_changed(self, *_args) -> None:
        if not self._syncing:
            self.apply_filter()

    def apply_filter(self) -> None:
        q = replace(
            self.model.query,
            text=self.search.text().strip(),
            dispute=self.dispute_filter.currentData(),
            category=self.category_filter.currentData(),
            currency=self.currency_filter.currentData(),
            paid_from=self.paid_from.date(),
            paid_to=self.paid_to.date(),
        )
        self.model.set_query(q)
        self._select_current()

    def _select_current(self, fetch: bool = False) -> None:
        """Keep the editor's expense selected in the table if it is loaded; ``fetch``: load a few
        more pages to find it (after a save, not after a filter, where it may well not match)."""
        current = self.editor.current
        row = -1
        if current is not None:
            row = self.model.row_of(current.ref)
            pages = 0
            while fetch and row < 0 and self.model.canFetchMore() and pages < self.FIND_PAGES:
                self.model.fetchMore()
                row = self.model.row_of(current.ref)
                pages += 1
        self._syncing = True
        try:
            if row >= 0:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
            else:
                self.table.selectionModel().clearSelection()
        finally:
            self._syncing = False

    # --- editing ---------------------------------------------------------------------------------------

    def maybe_keep_edits(self) -> bool:
        """Unsaved edits are never dropped silently: save, discard or stay. True when it is fine to go on."""
        if not self.editor.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self):
        return QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The expense you are editing has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)

    def has_unsaved(self) -> bool:
        return self.editor.dirty

    def can_close(self) -> bool:
        """For the main window's close and page switches."""
        return self.maybe_keep_edits()

    def _row_changed(self, current, previous) -> None:
        if self._syncing or not current.isValid():
            return
        e = self.model.expense(current.row())
        if e is None or (self.editor.current is not None and self.editor.current.ref == e.ref):
            return
        if not self.maybe_keep_edits():
            self._select_current()
            return
        self.editor.load_ref(e.ref)

    def new_expense(self) -> None:
        if not self.maybe_keep_edits():
            return
        dispute = self.dispute_filter.currentData()
        self.editor.new_expense(dispute)
        self._syncing = True
        self.table.selectionModel().clearSelection()
        self._syncing = False

    def delete_expense(self) -> None:
        current = self.editor.current
        if current is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete expense"),
            self.tr("Delete expense {ref}? You can undo this.").format(ref=current.ref))
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.delete_current()

    def _editor_changed(self, ref) -> None:
        self.model.reload()
        self._select_current(fetch=True)
        self.delete_action.setEnabled(self.editor.current is not None)

    def _dirty_changed(self, dirty: bool) -> None:
        self.delete_action.setEnabled(self.editor.current is not None)

    def import_file(self) -> None:
        try:
            from lei_desktop.ui.import_dialog import ImportDialog
        except ImportError:
            QMessageBox.information(self, self.tr("Import"), self.tr("Importing is not available in this build."))
            return
        dialog = ImportDialog(self.ctx, self, dispute=self.dispute_filter.currentData())
        if dialog.exec():
            self.refresh()
