"""Edit a CSV column mapping against the file's own header, and save it under a name for reuse."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lei_desktop.domain import categories as cats
from lei_desktop.domain.errors import LeiError
from lei_desktop.formats import csv_import
from lei_desktop.formats.csv_import import CsvMapping


def header_of(data: bytes) -> list[str]:
    """The first line's cells (encoding and delimiter detected as the importer does)."""
    import csv
    import io

    decoded = csv_import.decode(data)
    if decoded is None:
        return []
    text = decoded[0].lstrip("\r\n")
    first = text.splitlines()[0] if text.strip() else ""
    try:
        return [c.strip() for c in next(csv.reader(io.StringIO(first), delimiter=csv_import.sniff_delimiter(first)))]
    except (StopIteration, csv.Error):
        return []


class MappingDialog(QDialog):
    """``MappingDialog(ctx, parent, header=[...], mapping=None)``; ``mapping()`` after ``exec()``."""

    def __init__(self, ctx, parent: QWidget | None = None, header: list[str] | None = None,
                 mapping: CsvMapping | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mapping_dialog")
        self.header = [h for h in (header or []) if h]
        self.saved_name = ""
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        current = dict(mapping.columns) if mapping else {}
        for fld in csv_import.FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{fld}")
            combo.addItem("—", "")
            for h in self.header:
                combo.addItem(h, h)
            want = current.get(fld) or self._guess(fld)
            if want:
                i = combo.findData(want)
                if i < 0:
                    combo.addItem(want, want)
                    i = combo.count() - 1
                combo.setCurrentIndex(i)
            self.combos[fld] = combo
            self.labels[fld] = QLabel()
            form.addRow(self.labels[fld], combo)
        self.decimal = QComboBox()
        self.decimal.addItem("1,234.56", ".")
        self.decimal.addItem("1.234,56", ",")
        self.order = QComboBox()
        for code in csv_import.DATE_ORDERS:
            self.order.addItem("", code)
        self.currency = QLineEdit(mapping.currency if mapping else "")
        self.currency.setPlaceholderText("CNY")
        self.category = QComboBox()
        self.category.addItem("—", "")
        for c in cats.CATEGORIES:
            self.category.addItem(c.zh if ctx.lang == "zh" else c.en, c.code)
        self.header_box = QCheckBox()
        self.header_box.setChecked(mapping.header if mapping else True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("map_name")
        if mapping:
            self.decimal.setCurrentIndex(max(self.decimal.findData(mapping.decimal), 0))
            self.order.setCurrentIndex(max(self.order.findData(mapping.date_order), 0))
            self.category.setCurrentIndex(max(self.category.findData(mapping.category), 0))
        self.extra = {k: QLabel() for k in ("decimal", "order", "currency", "category", "header", "name")}
        form.addRow(self.extra["decimal"], self.decimal)
        form.addRow(self.extra["order"], self.order)
        form.addRow(self.extra["currency"], self.currency)
        form.addRow(self.extra["category"], self.category)
        form.addRow(self.extra["header"], self.header_box)
        form.addRow(self.extra["name"], self.name_edit)
        self.message = QLabel()
        self.message.setObjectName("map_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _guess(self, fld: str) -> str:
        """A header cell that names the field in English or Chinese, if any."""
        words = {
            "amount": ("amount", "金额", "total", "sum"), "currency": ("currency", "币种", "货币"),
            "category": ("category", "类别", "费用类别"), "paid_on": ("paid", "payment date", "付款日期", "日期"),
            "invoice_date": ("invoice date", "发票日期"), "payee": ("payee", "收款方", "收款人", "vendor"),
            "invoice_number": ("invoice", "发票号", "invoice no"), "description_zh": ("说明", "摘要", "备注"),
            "description_en": ("description", "memo"), "utbms_code": ("utbms", "code"), "ref": ("ref", "编号"),
            "service_date": ("service date", "work date", "line item date", "服务日期", "工作日期"),
        }.get(fld, ())
        for h in self.header:
            if h.strip().lower() in words:
                return h
        return ""

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CSV column mapping"))
        names = {
            "ref": self.tr("Reference"), "category": self.tr("Category"), "amount": self.tr("Amount"),
            "currency": self.tr("Currency"), "payee": self.tr("Payee"), "invoice_number": self.tr("Invoice number"),
            "invoice_date": self.tr("Invoice date"), "paid_on": self.tr("Paid on"),
            "description_zh": self.tr("Description (Chinese)"), "description_en": self.tr("Description (English)"),
            "utbms_code": self.tr("UTBMS code"), "incurred_by_insured_staff": self.tr("Insured's own staff"),
            "service_date": self.tr("Service date"),
        }
        for fld, label in self.labels.items():
            label.setText(names.get(fld, fld) + ":")
        texts = {"decimal": self.tr("Decimal mark:"), "order": self.tr("Date order:"),
                 "currency": self.tr("Default currency:"), "category": self.tr("Default category:"),
                 "header": self.tr("First line is a header:"), "name": self.tr("Save as (name):")}
        for key, label in self.extra.items():
            label.setText(texts[key])
        orders = {"ymd": self.tr("Year first (2026-04-01)"), "dmy": self.tr("Day/month/year (01/04/2026)"),
                  "mdy": self.tr("Month/day/year (04/01/2026)")}
        for i in range(self.order.count()):
            self.order.setItemText(i, orders[self.order.itemData(i)])

    def mapping(self) -> CsvMapping:
        """The mapping as chosen (``ValidationError`` names what is missing)."""
        columns = {f: c.currentData() for f, c in self.combos.items() if c.currentData()}
        return CsvMapping.from_dict({
            "columns": columns, "decimal": self.decimal.currentData(), "date_order": self.order.currentData(),
            "currency": self.currency.text().strip().upper(), "category": self.category.currentData(),
            "header": self.header_box.isChecked(),
        })

    def save(self) -> None:
        from lei_desktop.services import imports

        try:
            mapping = self.mapping()
            name = self.name_edit.text().strip()
            if name:
                imports.save_mapping(self.ctx.store, name, mapping)
                self.saved_name = name
        except LeiError as exc:
            self.message.setText(exc.message(self.ctx.lang))
            return
        self.accept()
