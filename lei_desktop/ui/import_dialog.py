"""Import a LEDES invoice, a CSV of expenses or a CSV of exchange rates, with a preview first.

The dialog is a thin face over :mod:`lei_desktop.services.imports`: *Preview* reads the file and
shows every expense that would be created, the totals by category, and every warning and error
(naming line and column, in the current language); *Import* commits that preview in one
transaction and is enabled only when the preview has no errors.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from lei_desktop.domain import categories as cats
from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.money import COMMON_CURRENCIES
from lei_desktop.ui.forms import DateEdit

#: Rows listed in the preview table (the totals and the problems always cover the whole file).
MAX_SHOWN = 2000


class ImportDialog(QDialog):
    """``ImportDialog(ctx, parent, dispute=REF)``; ``exec()`` is true when something was imported."""

    #: a preview finished and is shown (True: it may be imported)
    preview_finished = Signal(bool)

    def __init__(self, ctx, parent: QWidget | None = None, dispute: str | None = None, path: str | None = None,
                 kind: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.previewing = False  # a preview is being read on a worker
        self.preview_ok = False
        self._preview_seq = 0
        self.fixed_kind = kind
        self.result_refs: tuple[str, ...] = ()
        self.setObjectName("import_dialog")
        self.resize(960, 640)

        self.path_edit = QLineEdit(path or "")
        self.path_edit.setObjectName("import_path")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("import_kind")
        self.dispute_combo = QComboBox()
        self.dispute_combo.setObjectName("import_dispute")
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("import_currency")
        self.currency_combo.setEditable(True)
        self.paid_on_edit = DateEdit()
        self.paid_on_edit.setObjectName("import_paid_on")
        self.mapping_combo = QComboBox()
        self.mapping_combo.setObjectName("import_mapping")
        self.mapping_combo.setEditable(True)
        self.mapping_button = QPushButton()
        self.mapping_button.clicked.connect(self.browse_mapping)
        self.edit_mapping_button = QPushButton()
        self.edit_mapping_button.setObjectName("import_edit_mapping")
        self.edit_mapping_button.clicked.connect(self.edit_mapping)
        self.mapping_override = None  # a mapping edited here and not saved under a name
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping_combo, 1)
        mapping_row.addWidget(self.edit_mapping_button)
        mapping_row.addWidget(self.mapping_button)

        self.form = QFormLayout()
        self.file_label, self.kind_label, self.dispute_label = QLabel(), QLabel(), QLabel()
        self.currency_label, self.mapping_label, self.paid_on_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.file_label, file_row)
        self.form.addRow(self.kind_label, self.kind_combo)
        self.form.addRow(self.dispute_label, self.dispute_combo)
        self.form.addRow(self.currency_label, self.currency_combo)
        self.form.addRow(self.paid_on_label, self.paid_on_edit)
        self.form.addRow(self.mapping_label, mapping_row)

        self.preview_button = QPushButton()
        self.preview_button.setObjectName("import_preview")
        self.preview_button.clicked.connect(self.run_preview)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("import_rows")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.problems = QListWidget()
        self.problems.setObjectName("import_problems")
        self.problems.setMaximumHeight(140)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_commit")
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self.reject)

        self.busy = QProgressBar()  # indeterminate while the file is read and checked
        self.busy.setObjectName("import_busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(200)
        self.busy.hide()
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self._fill_choices(dispute)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.path_edit.textChanged.connect(self._path_changed)
        # a preview is for the choices it was made with: changing one drops it (and any still running)
        self.dispute_combo.currentIndexChanged.connect(self._clear)
        self.currency_combo.editTextChanged.connect(self._clear)
        self.paid_on_edit.textChanged.connect(self._clear)
        self.mapping_combo.editTextChanged.connect(self._clear)
        self.retranslate()
        self._path_changed(self.path_edit.text())
        if kind:
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self._kind_changed(self.kind_combo.currentIndex())

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import expenses"))
        self.file_label.setText(self.tr("File:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.kind_label.setText(self.tr("Format:"))
        self.dispute_label.setText(self.tr("Dispute:"))
        self.currency_label.setText(self.tr("Currency (LEDES 1998B):"))
        self.mapping_label.setText(self.tr("Column mapping (CSV):"))
        self.paid_on_label.setText(self.tr("Paid on (LEDES, optional):"))
        self.mapping_button.setText(self.tr("Mapping file…"))
        self.edit_mapping_button.setText(self.tr("Edit mapping…"))
        self.preview_button.setText(self.tr("Preview"))
        self.import_button.setText(self.tr("Import"))
        for i, text in enumerate((self.tr("LEDES invoice"), self.tr("CSV of expenses"),
                                  self.tr("Exchange rates (date,currency,rate,per[,source])"))):
            self.kind_combo.setItemText(i, text)
        self.currency_combo.setItemText(0, self.tr("From the file or the dispute's country"))
        self._headers()
        if self.preview is not None:
            if self.kind_combo.currentData() == "rates":
                self._show_rates(self.preview)
            else:
                self._show(self.preview)

    def _fill_choices(self, dispute: str | None) -> None:
        from lei_desktop.services import disputes, imports

        self.kind_combo.addItem("LEDES", "ledes")
        self.kind_combo.addItem("CSV", "csv")
        self.kind_combo.addItem("FX", "rates")
        lang = self.ctx.lang
        for d in disputes.list_disputes(self.ctx.store):
            title = d.title_zh if lang == "zh" and d.title_zh else d.title_en or d.title_zh
            self.dispute_combo.addItem(f"{d.ref} — {title}", d.ref)
        if dispute:
            i = self.dispute_combo.findData(dispute)
            if i >= 0:
                self.dispute_combo.setCurrentIndex(i)
        self.currency_combo.addItem("", "")
        for c in COMMON_CURRENCIES:
            self.currency_combo.addItem(c, c)
        for name in imports.list_mappings(self.ctx.store):
            self.mapping_combo.addItem(name, name)

    def _headers(self) -> None:
        if self.kind_combo.currentData() == "rates":
            self.table.setColumnCount(6)
            self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Date"), self.tr("Currency"),
                                                  self.tr("Rate (CNY)"), self.tr("Per"), self.tr("Source")])
        else:
            self.table.setColumnCount(7)
            self.table.setHorizontalHeaderLabels([
                self.tr("Line"), self.tr("Type"), self.tr("Category"), self.tr("Amount"), self.tr("Currency"),
                self.tr("UTBMS"), self.tr("Description"),
            ])

    def _path_changed(self, text: str) -> None:
        suffix = Path(text).suffix.lower()
        if self.fixed_kind:
            pass
        elif suffix in (".csv", ".tsv"):
            self.kind_combo.setCurrentIndex(1)
        elif suffix:
            self.kind_combo.setCurrentIndex(0)
        self._clear()

    def _kind_changed(self, _i: int) -> None:
        kind = self.kind_combo.currentData()
        self.mapping_combo.setEnabled(kind == "csv")
        self.mapping_button.setEnabled(kind == "csv")
        self.edit_mapping_button.setEnabled(kind == "csv")
        self.currency_combo.setEnabled(kind == "ledes")
        self.paid_on_edit.setEnabled(kind == "ledes")
        self.dispute_combo.setEnabled(kind != "rates")
        self._clear()
        self._headers()

    def _clear(self, *_args) -> None:
        self._preview_seq += 1  # a preview still running is for the old choices: its result is dropped
        if self.previewing:
            self._set_busy(False)
        self.preview = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.problems.clear()
        self.summary.clear()

    # -- actions ---------------------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), self.path_edit.text(),
            self.tr("LEDES or CSV (*.txt *.ledes *.csv *.tsv);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def browse_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a mapping file"), "",
                                              self.tr("JSON (*.json);;All files (*)"))
        if path:
            self.mapping_combo.setEditText(path)

    def edit_mapping(self) -> bool:
        """Open the mapping editor on the file's header; True when a mapping was chosen."""
        from lei_desktop.services import imports
        from lei_desktop.ui.mapping_dialog import MappingDialog, header_of

        try:
            header = header_of(Path(self.path_edit.text().strip()).read_bytes())
        except OSError:
            header = []
        current, name = self.mapping_override, self.mapping_combo.currentText().strip()
        if name:
            try:
                current = imports.resolve_mapping(self.ctx.store, name)
            except LeiError:
                current = None
        dialog = MappingDialog(self.ctx, self, header=header, mapping=current,
                               name=name if name and not name.lower().endswith(".json") else "")
        self.mapping_dialog = dialog  # for tests
        if not dialog.exec():
            return False
        if dialog.saved_name:
            if self.mapping_combo.findData(dialog.saved_name) < 0:
                self.mapping_combo.addItem(dialog.saved_name, dialog.saved_name)
            self.mapping_combo.setEditText(dialog.saved_name)
            self.mapping_override = None
        else:
            self.mapping_override = dialog.mapping()
            self.mapping_combo.setEditText("")
        self._clear()
        return True

    def currency(self) -> str | None:
        text = self.currency_combo.currentText().strip()
        if self.currency_combo.currentIndex() == 0 and text == self.currency_combo.itemText(0):
            return None
        return text.upper() or None

    def run_preview(self) -> bool:
        """Read the file and show what would be imported. The reading and checking run on a worker
        (a 10,000-line LEDES file takes a second), with the dialog's busy bar showing; the result is
        applied only if nothing was changed meanwhile (file, format, dispute, currency, paid-on date,
        mapping), and
        ``preview_finished(ok)`` is emitted. Returns True when a preview that may be imported is
        already shown on return (as with a context that runs work at once), False otherwise."""
        from lei_desktop.domain.fields import parse_date
        from lei_desktop.services import imports

        self._clear()
        path = Path(self.path_edit.text().strip())
        kind = self.kind_combo.currentData()
        dispute = self.dispute_combo.currentData()
        store = self.ctx.store
        chosen = self.mapping_combo.currentText().strip()
        override = self.mapping_override if self.mapping_override is not None and not chosen else None
        currency = self.currency()
        paid = self.paid_on_edit.iso_text()
        seq = self._preview_seq

        def work():
            try:
                data = path.read_bytes()
            except OSError as exc:
                return ("unreadable", exc.strerror or str(exc))
            if kind == "rates":
                return ("rates", imports.preview_rates(data))
            if kind == "csv":
                mapping = override if override is not None else imports.resolve_mapping(store, chosen)
                return ("rows", imports.preview_csv(store, data, dispute, mapping, filename=path.name))
            return ("rows", imports.preview_ledes(store, data, dispute, currency=currency, filename=path.name,
                                                  paid_on=parse_date(paid, "paid_on") if paid else None))

        def done(result) -> None:
            if not isValid(self) or seq != self._preview_seq:
                return  # stale: the file, format or dispute changed while it was read
            self._set_busy(False)
            what, value = result
            ok = False
            if what == "unreadable":
                self.summary.setText(self.tr("Cannot read the file: %1").replace("%1", value))
            elif what == "rates":
                self.preview = value
                self._show_rates(value)
                ok = not value.errors
            else:
                self.preview = value
                self._show(value)
                ok = value.ok
            self.preview_ok = ok
            self.preview_finished.emit(ok)

        def failed(exc) -> None:
            if not isValid(self) or seq != self._preview_seq:
                return
            self._set_busy(False)
            self.preview_ok = False
            if isinstance(exc, LeiError):
                self.summary.setText(exc.message(self.ctx.lang))
            else:
                self.summary.setText(self.tr("The file could not be read: %1").replace("%1", f"{type(exc).__name__}: {exc}"))
            self.preview_finished.emit(False)

        self.preview_ok = False
        self._set_busy(True)
        self.summary.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.ctx.run_in_thread(work, done, failed)
        return self.preview_ok

    def _set_busy(self, on: bool) -> None:
        self.previewing = on
        self.busy.setVisible(on)
        self.preview_button.setEnabled(not on)
        if on:
            self.import_button.setEnabled(False)

    def _show(self, preview) -> None:
        lang = self.ctx.lang
        shown = preview.rows[:MAX_SHOWN]
        self.table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            e = row.expense
            name = row.utbms_name_zh if lang == "zh" else row.utbms_name_en
            cells = [str(row.line), row.kind, cats.label(e.category, lang), format(e.amount, "f"), e.currency,
                     f"{e.utbms_code} {name}".strip(), e.description_en or e.description_zh]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.problems.clear()
        for p in preview.errors:
            self.problems.addItem("✖ " + p.message(lang))
        for p in preview.warnings:
            self.problems.addItem("⚠ " + p.message(lang))
        parts = []
        for category, by_cur in sorted(preview.by_category.items()):
            money = ", ".join(f"{format(v, 'f')} {c}" for c, v in sorted(by_cur.items()))
            parts.append(f"{cats.label(category, lang)}: {money}")
        head = self.tr("%1 expense(s) would be imported.").replace("%1", str(len(preview.rows)))
        if preview.errors:
            head = self.tr("Refused: %1 error(s); nothing will be imported.").replace("%1", str(len(preview.errors)))
        if len(preview.rows) > MAX_SHOWN:
            head += " " + self.tr("(the first %1 are shown)").replace("%1", str(MAX_SHOWN))
        self.summary.setText(head + ("\n" + "; ".join(parts) if parts else ""))
        self.import_button.setEnabled(preview.ok)

    def _show_rates(self, parsed) -> None:
        lang = self.ctx.lang
        self.table.setRowCount(len(parsed.rates))
        for r, (rate, line) in enumerate(zip(parsed.rates, parsed.lines, strict=True)):
            cells = [str(line), rate.on_date.isoformat(), rate.currency, format(rate.rate, "f"), str(rate.per),
                     rate.source]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.problems.clear()
        for p in parsed.errors:
            self.problems.addItem("✖ " + p.message(lang))
        for p in parsed.warnings:
            self.problems.addItem("⚠ " + p.message(lang))
        if parsed.errors:
            self.summary.setText(self.tr("Refused: %1 error(s); nothing will be imported.")
                                 .replace("%1", str(len(parsed.errors))))
        else:
            self.summary.setText(self.tr("%1 rate(s) would be imported.").replace("%1", str(len(parsed.rates))))
        self.import_button.setEnabled(not parsed.errors)

    def commit(self) -> None:
        from lei_desktop.services import imports

        if self.kind_combo.currentData() == "rates" and self.preview is not None:
            try:
                imports.commit_rates(self.ctx.store, self.preview)
            except LeiError as exc:
                self.summary.setText(exc.message(self.ctx.lang))
                return
            signal = getattr(self.ctx, "data_changed", None)
            if signal is not None:
                signal.emit("rate")
            self.accept()
            return
        if self.preview is None or not self.preview.ok:
            return
        try:
            result = imports.commit(self.ctx.store, self.preview)
        except LeiError as exc:
            self.summary.setText(exc.message(self.ctx.lang))
            self.import_button.setEnabled(False)
            return
        self.result_refs = result.refs
        signal = getattr(self.ctx, "data_changed", None)
        if signal is not None:
            signal.emit("expense")
        self.accept()
