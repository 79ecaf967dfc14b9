"""Exchange rates: CNY per 1 (or per 100) units of a currency by date, as the engine converts with."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from lei_desktop.domain.validation import fx_rate_from_dict
from lei_desktop.services import rates
from lei_desktop.ui.forms import Field
from lei_desktop.ui.pages.records import RecordsPage

RATE_FIELDS = [
    Field("date", "date", optional=False),
    Field("currency", placeholder="USD"),
    Field("rate", "decimal", placeholder="7.1234"),
    Field("per", "int", placeholder="1"),
    Field("source", placeholder="CFETS"),
]


def key_of(r) -> str:
    return f"{r.currency}@{r.on_date.isoformat()}"


class RatesPage(RecordsPage):
    page_id = "rates"
    kind = "rate"
    fields = RATE_FIELDS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.filter_label = QLabel()
        self.currency_filter = QComboBox()
        self.currency_filter.setObjectName("currency_filter")
        self.currency_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel()
        self.import_btn = QPushButton()
        self.import_btn.setObjectName("rates_import")
        self.import_btn.clicked.connect(self.import_rates)
        self.filter_bar.addWidget(self.filter_label)
        self.filter_bar.addWidget(self.currency_filter)
        self.filter_bar.addStretch(1)
        self.filter_bar.addWidget(self.count_label)
        self.filter_bar.addWidget(self.import_btn)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Exchange rates"))
        self.filter_label.setText(self.tr("Currency:"))
        self.import_btn.setText(self.tr("Import CSV…"))
        self.import_btn.setToolTip(self.tr("Import rates from date,currency,rate,per[,source] with a preview"))
        if self.currency_filter.count():
            self.currency_filter.setItemText(0, self.tr("All currencies"))
        self.retranslate_common()
        self._count()

    def form_labels(self) -> dict[str, str]:
        return {"date": self.tr("Date"), "currency": self.tr("Currency (ISO code)"), "rate": self.tr("CNY per unit(s)"),
                "per": self.tr("Units (1 or 100)"), "source": self.tr("Source")}

    def record_key(self, r) -> str:
        return key_of(r)

    def columns(self) -> list[str]:
        return [self.tr("Currency"), self.tr("Date"), self.tr("Rate (CNY)"), self.tr("Per"), self.tr("Source")]

    def row_cells(self, r) -> list:
        rate = r.rate if r.rate.as_tuple().exponent <= -4 else r.rate.quantize(Decimal("0.0001"))
        return [r.currency, r.on_date.isoformat(), f"{rate:f}", r.per, r.source]

    def refresh(self) -> None:
        all_rates = rates.list_rates(self.ctx.store)
        currencies = sorted({r.currency for r in all_rates})
        keep = self.currency_filter.currentData()
        self.currency_filter.blockSignals(True)
        self.currency_filter.clear()
        self.currency_filter.addItem(self.tr("All currencies"), None)
        for c in currencies:
            self.currency_filter.addItem(c, c)
        i = self.currency_filter.findData(keep)
        self.currency_filter.setCurrentIndex(max(i, 0))
        self.currency_filter.blockSignals(False)
        super().refresh()
        self._count()

    def import_rates(self) -> None:
        from lei_desktop.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self, kind="rates")
        if dialog.exec():
            self.refresh()

    def _count(self) -> None:
        self.count_label.setText(self.tr("%n rate(s)", "", len(self.records)))

    def load_records(self) -> list:
        found = rates.list_rates(self.ctx.store, self.currency_filter.currentData())
        return sorted(found, key=lambda r: (r.on_date, r.currency), reverse=True)  # the latest first

    def record_values(self, r) -> dict:
        return {"date": r.on_date, "currency": r.currency, "rate": r.rate, "per": r.per, "source": r.source}

    def new_values(self) -> dict:
        return {"per": 1, "currency": self.currency_filter.currentData() or "", "source": "CFETS"}

    def collect(self) -> dict:
        d = self.form.values()
        d["currency"] = (d["currency"] or "").upper() or None
        if d.get("per") is None:
            d["per"] = 1
        return d

    def parse(self, values: dict):
        return fx_rate_from_dict(values)

    def save(self) -> bool:
        ok = super().save()
        if ok:
            self.refresh()  # a new currency joins the filter
        return ok

    def _save_one(self, obj):
        rates.save_rates(self.ctx.store, [obj])
        return obj

    def create(self, obj):
        return self._save_one(obj)

    def update(self, record, obj):
        if key_of(obj) != key_of(record):
            rates.delete_rate(self.ctx.store, record.currency, record.on_date)
        return self._save_one(obj)

    def remove(self, record) -> None:
        rates.delete_rate(self.ctx.store, record.currency, record.on_date)

    def _edit(self, record) -> None:
        super()._edit(record)
        if "ref" not in self.form.widgets:
            for key in ("date", "currency"):
                self.form.widgets[key].setReadOnly(record is not None)
