"""Import preview dialog: a LEDES invoice file or a CSV of expenses, previewed before anything is written.

The preview and the commit are ``lei_desktop.services.imports`` (the same as ``lei-cli
import-ledes/import-csv --dry-run``), run off the GUI thread. Problems are listed with their line
and column in the current language; the Import button stays disabled while the file is refused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lei_desktop.domain.categories import CATEGORY_CODES
from lei_desktop.domain.categories import label as category_label
from lei_desktop.domain.errors import LeiError
from lei_desktop.services import disputes as dispute_service
from lei_desktop.ui.expense_editor import COMMON_CURRENCIES

DEFAULT_MAPPING = "\x00default"


def imports_service():
    import importlib

    try:
        return importlib.import_module("lei_desktop.services.imports")
    except ImportError:
        return None


def header_mapping(data: bytes, currency: str = "", category: str = ""):
    """A mapping taking every column whose header is a field name (case and spaces ignored)."""
    from lei_desktop.formats import csv_import

    decoded = csv_import.decode(data)
    text = decoded[0] if decoded else data.decode("utf-8", "replace")
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = csv_import.sniff_delimiter(first) if first else ","
    headers = next(csv.reader(io.StringIO(first), delimiter=delimiter or ","), [])
    columns = []
    for h in headers:
        key = h.strip().lower().replace(" ", "_")
        if key in csv_import.FIELDS and key not in dict(columns):
            columns.append((key, h.strip()))
    if "amount" not in dict(columns):
        columns.append(("amount", "amount"))  # the reader then names the missing column
    return csv_import.CsvMapping(columns=tuple(columns), currency=currency, category=category)


class ImportDialog(QDialog):
    """Choose a file and a dispute, preview, then import (all or nothing)."""

    def __init__(self, ctx, parent=None, dispute: str | None = None, path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = imports_service()
        self.preview = None
        self.result = None
        self.state = "idle"
        self.resize(1000, 640)

        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        file_row = QWidget()
        fr = QHBoxLayout(file_row)
        fr.setContentsMargins(0, 0, 0, 0)
        fr.addWidget(self.path, 1)
        fr.addWidget(self.browse)
        self.kind = QComboBox()
        self.dispute = QComboBox()
        for d in dispute_service.list_disputes(ctx.store):
            self.dispute.addItem(d.ref, d.ref)
        if dispute:
            self.dispute.setCurrentIndex(max(0, self.dispute.findData(dispute)))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItem("")
        self.currency.addItems(COMMON_CURRENCIES)
        self.category = QComboBox()
        self.mapping = QComboBox()
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.run_preview)

        form = QFormLayout()
        self.labels = {k: QLabel() for k in ("file", "kind", "dispute", "currency", "category", "mapping")}
        form.addRow(self.labels["file"], file_row)
        form.addRow(self.labels["kind"], self.kind)
        form.addRow(self.labels["dispute"], self.dispute)
        form.addRow(self.labels["currency"], self.currency)
        form.addRow(self.labels["category"], self.category)
        form.addRow(self.labels["mapping"], self.mapping)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rows = QTableWidget(0, 9)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().hide()
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.problems = QListWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.rows)
        split.addWidget(self.problems)
        split.setSizes([420, 140])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate()
        if path:
            self.set_file(path)

    # --- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import expenses"))
        texts = {"file": self.tr("File"), "kind": self.tr("Format"), "dispute": self.tr("Dispute"),
                 "currency": self.tr("Currency (if the file has none)"),
                 "category": self.tr("Category (if the file has none)"), "mapping": self.tr("CSV columns")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.browse.setText(self.tr("Browse…"))
        self.preview_button.setText(self.tr("Preview"))
        kind = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("LEDES 1998B / 98BI invoice"), "ledes")
        self.kind.addItem(self.tr("CSV (UTF-8 or GB18030)"), "csv")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        category = self.category.currentData()
        self.category.clear()
        self.category.addItem("", "")
        for code in CATEGORY_CODES:
            self.category.addItem(category_label(code, self.ctx.lang), code)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        mapping = self.mapping.currentData()
        self.mapping.clear()
        self.mapping.addItem(self.tr("Columns named like the fields"), DEFAULT_MAPPING)
        if self.service is not None:
            for name in self.service.list_mappings(self.ctx.store):
                self.mapping.addItem(name, name)
        self.mapping.setCurrentIndex(max(0, self.mapping.findData(mapping)))
        self.rows.setHorizontalHeaderLabels([
            self.tr("Line"), self.tr("Ref"), self.tr("Category"), self.tr("Amount"), self.tr("Currency"),
            self.tr("Payee"), self.tr("Invoice no."), self.tr("Date"), self.tr("Description")])
        self.import_button.setText(self.tr("Import"))
        self._kind_changed()
        self._show()

    # --- input -------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file to import"), "",
                                              self.tr("LEDES or CSV (*.txt *.ledes *.csv);;All files (*)"))
        if name:
            self.set_file(name)

    def set_file(self, path) -> None:
        self.path.setText(str(path))
        self.kind.setCurrentIndex(self.kind.findData("csv" if str(path).lower().endswith(".csv") else "ledes"))
        self.preview = None
        self._show()

    def _kind_changed(self, *_args) -> None:
        csv_kind = self.kind.currentData() == "csv"
        self.mapping.setEnabled(csv_kind)
        self.category.setEnabled(csv_kind)

    # --- preview and import ----------------------------------------------------------------------------

    def _read(self) -> bytes | None:
        try:
            return Path(self.path.text().strip()).read_bytes()
        except OSError as exc:
            self.summary.setText(self.tr("Cannot read the file: {error}").format(error=exc.strerror or str(exc)))
            return None

    def run_preview(self) -> None:
        if self.service is None:
            self.summary.setText(self.tr("Importing is not available in this build."))
            return
        data = self._read()
        dispute = self.dispute.currentData()
        if data is None or not dispute:
            return
        service, store = self.service, self.ctx.store
        filename = Path(self.path.text().strip()).name
        currency = self.currency.currentText().strip().upper() or None
        if self.kind.currentData() == "csv":
            name = self.mapping.currentData()
            mapping = header_mapping(data, currency or "", self.category.currentData() or "") \
                if name == DEFAULT_MAPPING else service.load_mapping(store, name)

            def work():
                return service.preview_csv(store, data, dispute, mapping, filename=filename)
        else:
            def work():
                return service.preview_ledes(store, data, dispute, currency=currency, filename=filename)

        self.state = "previewing"
        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))
        self.ctx.run_in_thread(work, self._previewed, self._failed)

    def _previewed(self, preview) -> None:
        self.preview = preview
        self.state = "previewed"
        self.preview_button.setEnabled(True)
        self._show()

    def _failed(self, exc) -> None:
        self.state = "failed"
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(False)
        if isinstance(exc, LeiError):
            self.summary.setText(exc.message(self.ctx.lang))
        else:
            self.ctx.show_error(self, exc)

    def _show(self) -> None:
        p = self.preview
        self.rows.setRowCount(0)
        self.problems.clear()
        if p is None:
            self.summary.setText(self.tr("Choose a file and press Preview. Nothing is written before Import."))
            self.import_button.setEnabled(False)
            return
        lang = self.ctx.lang
        self.rows.setRowCount(len(p.rows))
        for i, r in enumerate(p.rows):
            e = r.expense
            cells = [str(r.line), e.ref, category_label(e.category, lang), self.ctx.fmt_number(e.amount),
                     e.currency, e.payee, e.invoice_number, self.ctx.fmt_date(e.paid_on or e.invoice_date),
                     (e.description_zh if lang == "zh" and e.description_zh else e.description_en or e.description_zh)]
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if j == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rows.setItem(i, j, item)
        for problem in p.errors:
            item = QListWidgetItem("✘ " + problem.message(lang))
            item.setForeground(QColor("#b00020"))
            self.problems.addItem(item)
        for problem in p.warnings:
            item = QListWidgetItem("⚠ " + problem.message(lang))
            item.setForeground(QColor("#8a5a00"))
            self.problems.addItem(item)
        totals = ", ".join(self.ctx.fmt_money(v, c) for c, v in sorted(p.totals.items()))
        if p.errors:
            self.summary.setText(self.tr("The file is refused: {n} problem(s). Nothing will be imported.")
                                 .format(n=len(p.errors)))
        else:
            self.summary.setText(self.tr("{n} expense(s) to import, total {totals}; {w} warning(s).").format(
                n=len(p.rows), totals=totals or "—", w=len(p.warnings)))
        self.import_button.setEnabled(p.ok)
        self.import_button.setText(self.tr("Import {n} expense(s)").format(n=len(p.rows)) if p.ok else self.tr("Import"))

    def run_import(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        service, store, preview = self.service, self.ctx.store, self.preview
        self.state = "importing"
        self.import_button.setEnabled(False)
        self.ctx.run_in_thread(lambda: service.commit(store, preview), self._imported, self._failed)

    def _imported(self, result) -> None:
        self.result = result
        self.state = "imported"
        self.ctx.data_changed.emit("expense")
        self.accept()
