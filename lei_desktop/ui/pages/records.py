"""A list of records above an editor form: New (Ctrl+N), Save (Ctrl+S / Enter), Delete, Revert.

Subclasses provide the columns, the rows, the form fields and the service calls. Editing state is
tracked so the main window can warn before unsaved edits are lost; switching rows with unsaved edits
asks first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lei_desktop.domain.errors import LeiError
from lei_desktop.ui.forms import Form
from lei_desktop.ui.pages.base import BasePage


class RecordsPage(BasePage):
    fields: list = []
    kind = ""  # data_changed kind
    own_shortcuts = True

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.records: list = []
        self.current = None  # the record being edited (None = new)
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        outer.addWidget(self.heading)
        self.split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        self.filter_bar = QHBoxLayout()
        tv.addLayout(self.filter_bar)
        self.table = QTableWidget()
        self.table.setObjectName("records")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_select)
        tv.addWidget(self.table)
        self.split.addWidget(top)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        self.editor_title = QLabel()
        self.editor_title.setStyleSheet("font-weight: bold;")
        bv.addWidget(self.editor_title)
        self.form = Form(self.fields)
        self.form.changed.connect(self.validate)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.editor_layout = QHBoxLayout(holder)
        self.editor_layout.addWidget(self.form, 3)
        scroll.setWidget(holder)
        bv.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        self.new_btn = QPushButton()
        self.new_btn.clicked.connect(self.new_record)
        self.delete_btn = QPushButton()
        self.delete_btn.clicked.connect(self.delete_record)
        self.revert_btn = QPushButton()
        self.revert_btn.clicked.connect(self.revert)
        self.save_btn = QPushButton()
        self.save_btn.setObjectName("save")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        for b in (self.new_btn, self.delete_btn, self.revert_btn, self.save_btn):
            buttons.addWidget(b)
        bv.addLayout(buttons)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        outer.addWidget(self.split, 1)
        if self.own_shortcuts:  # a panel inside another page leaves Ctrl+N / Ctrl+S to that page
            for seq, slot in ((QKeySequence.StandardKey.New, self.new_record), (QKeySequence.StandardKey.Save, self.save)):
                sc = QShortcut(QKeySequence(seq), self, slot)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.form.submitted.connect(self.save)  # Enter saves

    # -- subclass hooks --------------------------------------------------------------------------
    def columns(self) -> list[str]:
        raise NotImplementedError

    def row_cells(self, record) -> list:
        raise NotImplementedError

    def load_records(self) -> list:
        raise NotImplementedError

    def record_values(self, record) -> dict:
        raise NotImplementedError

    def parse(self, values: dict):
        raise NotImplementedError

    def create(self, obj):
        raise NotImplementedError

    def update(self, record, obj):
        raise NotImplementedError

    def remove(self, record) -> None:
        raise NotImplementedError

    def record_key(self, record) -> str:
        return record.ref

    def form_labels(self) -> dict[str, str]:
        return {}

    def new_values(self) -> dict:
        return {}

    def collect(self) -> dict:
        return self.form.values()

    def after_select(self) -> None:
        """The current record changed (e.g. load a sub-list)."""

    # -- behaviour -------------------------------------------------------------------------------
    def retranslate_common(self) -> None:
        self.new_btn.setText(QCoreApplication.translate("RecordsPage", "&New"))
        self.delete_btn.setText(QCoreApplication.translate("RecordsPage", "&Delete"))
        self.revert_btn.setText(QCoreApplication.translate("RecordsPage", "&Revert"))
        self.save_btn.setText(QCoreApplication.translate("RecordsPage", "&Save"))
        self.new_btn.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText))
        self.form.set_labels(self.form_labels())
        self._fill_table()
        self._update_editor_title()

    def _update_editor_title(self) -> None:
        if self.current is None:
            self.editor_title.setText(QCoreApplication.translate("RecordsPage", "New record"))
        else:
            self.editor_title.setText(QCoreApplication.translate("RecordsPage", "Editing %1").replace("%1", self.record_key(self.current)))

    def refresh(self) -> None:
        key = self.record_key(self.current) if self.current is not None else None
        self.records = self.load_records()
        self._fill_table()
        if key is not None and not self.form.dirty:
            match = [r for r in self.records if self.record_key(r) == key]
            self._edit(match[0] if match else None)
        elif self.current is None and not self.form.dirty and self.records:
            self._edit(self.records[0])
        self._select_current()

    def _fill_table(self) -> None:
        cols = self.columns()
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(cols))
        self.table.setHorizontalHeaderLabels(cols)
        self.table.setRowCount(len(self.records))
        for r, rec in enumerate(self.records):
            for c, value in enumerate(self.row_cells(rec)):
                item = QTableWidgetItem(str(value) if value is not None else "")
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, self.record_key(rec))
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self._select_current()

    def _select_current(self) -> None:
        if self.current is None:
            return
        key = self.record_key(self.current)
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                self.table.selectRow(r)
                break
        self.table.blockSignals(False)

    def _on_select(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        key = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        record = next((r for r in self.records if self.record_key(r) == key), None)
        if record is self.current:
            return
        if not self.confirm_discard():
            self._select_current()
            return
        self._edit(record)

    def confirm_discard(self) -> bool:
        if not self.has_unsaved():
            return True
        answer = QMessageBox.question(
            self, QCoreApplication.translate("RecordsPage", "Unsaved changes"), QCoreApplication.translate("RecordsPage", "Discard the changes you have not saved?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _edit(self, record) -> None:
        self.current = record
        self.form.set_values(self.record_values(record) if record is not None else self.new_values())
        self.message.clear()
        self.delete_btn.setEnabled(record is not None)
        if "ref" in self.form.widgets:  # the key is chosen once, when the record is created
            self.form.widgets["ref"].setReadOnly(record is not None)
        self._update_editor_title()
        self.after_select()

    def has_unsaved(self) -> bool:
        return self.form.dirty

    def new_record(self) -> None:
        if not self.confirm_discard():
            return
        self.table.clearSelection()
        self._edit(None)
        first = next(iter(self.form.widgets.values()))
        first.setFocus()

    def revert(self) -> None:
        self._edit(self.current)

    def validate(self) -> bool:
        """Live check while typing: a message under a field the user has edited."""
        return self.form.live_check(self.collect(), self.parse, self.ctx.lang)

    def save(self) -> bool:
        try:
            obj = self.parse(self.collect())
            saved = self.create(obj) if self.current is None else self.update(self.current, obj)
        except LeiError as exc:
            if not self.form.show_error(exc, self.ctx.lang):
                self.message.setText(self.ctx.error_text(exc))
                self.message.setStyleSheet("color: #b00020;")
            return False
        self.form.dirty = False
        self.current = saved
        self.message.setStyleSheet("")
        self.message.setText(QCoreApplication.translate("RecordsPage", "Saved %1.").replace("%1", self.record_key(saved)))
        self.records = self.load_records()
        self._fill_table()
        self._edit(saved)
        self.message.setText(QCoreApplication.translate("RecordsPage", "Saved %1.").replace("%1", self.record_key(saved)))
        self.ctx.notify(self.kind)
        return True

    def delete_record(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self, QCoreApplication.translate("RecordsPage", "Delete"), QCoreApplication.translate("RecordsPage", "Delete %1? This cannot be undone.").replace(
                "%1", self.record_key(self.current)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.remove(self.current)
        except LeiError as exc:
            self.ctx.show_error(self, exc)
            return
        self.current = None
        self.form.dirty = False
        self.refresh()
        if self.current is None:
            self._edit(None)
        self.ctx.notify(self.kind)
