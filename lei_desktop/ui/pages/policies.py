"""Policies: the policy's terms, limits and cost categories."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from lei_desktop.domain.categories import CATEGORY_CODES
from lei_desktop.domain.model import FX_BASES, IP_TYPES, ROLES
from lei_desktop.domain.validation import policy_from_dict
from lei_desktop.services import policies
from lei_desktop.ui import labels
from lei_desktop.ui.forms import Field
from lei_desktop.ui.pages.records import RecordsPage

POLICY_FIELDS = [
    Field("ref", placeholder="P-2026"),
    Field("policy_number"),
    Field("insurer_zh"),
    Field("insurer_en"),
    Field("period_start", "date", optional=False),
    Field("period_end", "date", optional=False),
    Field("retroactive_date", "date"),
    Field("territories", "list", placeholder="US, EU, JP"),
    Field("ip_types", "multi", IP_TYPES),
    Field("roles", "multi", ROLES),
    Field("insured_products", "list"),
    Field("deductible", "decimal", placeholder="0.00"),
    Field("coinsurance", "decimal", placeholder="0.80"),
    Field("per_claim_limit", "decimal"),
    Field("aggregate_limit", "decimal"),
    Field("fx_basis", "choice", FX_BASES),
    Field("premium", "decimal"),
    Field("subsidy_ratio", "decimal", placeholder="0.80"),
    Field("subsidy_cap", "decimal"),
    Field("notice_days", "int"),
]


def policy_form_labels(w) -> dict[str, str]:
    return {
        "ref": QCoreApplication.translate("PolicyForm", "Reference"),
        "policy_number": QCoreApplication.translate("PolicyForm", "Policy number"),
        "insurer_zh": QCoreApplication.translate("PolicyForm", "Insurer (Chinese)"),
        "insurer_en": QCoreApplication.translate("PolicyForm", "Insurer (English)"),
        "period_start": QCoreApplication.translate("PolicyForm", "Period start"),
        "period_end": QCoreApplication.translate("PolicyForm", "Period end"),
        "retroactive_date": QCoreApplication.translate("PolicyForm", "Retroactive date"),
        "territories": QCoreApplication.translate("PolicyForm", "Covered territories"),
        "ip_types": QCoreApplication.translate("PolicyForm", "IP types"),
        "roles": QCoreApplication.translate("PolicyForm", "Roles"),
        "insured_products": QCoreApplication.translate("PolicyForm", "Insured products"),
        "deductible": QCoreApplication.translate("PolicyForm", "Deductible (CNY)"),
        "coinsurance": QCoreApplication.translate("PolicyForm", "Insurer's share (0–1)"),
        "per_claim_limit": QCoreApplication.translate("PolicyForm", "Limit per claim (CNY)"),
        "aggregate_limit": QCoreApplication.translate("PolicyForm", "Aggregate limit (CNY)"),
        "fx_basis": QCoreApplication.translate("PolicyForm", "Exchange-rate basis"),
        "premium": QCoreApplication.translate("PolicyForm", "Premium (CNY)"),
        "subsidy_ratio": QCoreApplication.translate("PolicyForm", "Subsidy ratio (0–1)"),
        "subsidy_cap": QCoreApplication.translate("PolicyForm", "Subsidy cap (CNY)"),
        "notice_days": QCoreApplication.translate("PolicyForm", "Days to notify the insurer"),
    }


def policy_values(p) -> dict:
    return {
        "ref": p.ref, "policy_number": p.policy_number, "insurer_zh": p.insurer_zh, "insurer_en": p.insurer_en,
        "period_start": p.period_start, "period_end": p.period_end, "retroactive_date": p.retroactive_date,
        "territories": list(p.territories), "ip_types": list(p.ip_types), "roles": list(p.roles),
        "insured_products": list(p.insured_products), "deductible": p.deductible, "coinsurance": p.coinsurance,
        "per_claim_limit": p.per_claim_limit, "aggregate_limit": p.aggregate_limit, "fx_basis": p.fx_basis,
        "premium": p.premium, "subsidy_ratio": p.subsidy_ratio, "subsidy_cap": p.subsidy_cap,
        "notice_days": p.notice_days,
    }


class CategoryTable(QTableWidget):
    """Per cost category: covered, needs the insurer's prior consent, sub-limit per dispute."""

    def __init__(self, on_change=None, parent=None) -> None:
        super().__init__(len(CATEGORY_CODES), 4, parent)
        self.setObjectName("categories")
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self._loading = False
        self.dirty = False
        for r, code in enumerate(CATEGORY_CODES):
            name = QTableWidgetItem(code)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            name.setData(Qt.ItemDataRole.UserRole, code)
            self.setItem(r, 0, name)
            for c in (1, 2):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.setItem(r, c, item)
            self.setItem(r, 3, QTableWidgetItem(""))
        self.itemChanged.connect(self._changed)
        self.on_change = on_change

    def _changed(self, *_a) -> None:
        if not self._loading:
            self.dirty = True
            if self.on_change:
                self.on_change()

    def retranslate(self, lang: str) -> None:
        self._loading = True
        self.setHorizontalHeaderLabels([self.tr("Cost category"), self.tr("Covered"), self.tr("Needs consent"),
                                        self.tr("Sub-limit (CNY)")])
        for r, code in enumerate(CATEGORY_CODES):
            self.item(r, 0).setText(labels.category(code, lang))
        self.resizeColumnsToContents()
        self._loading = False

    def set_terms(self, terms: dict) -> None:
        self._loading = True
        for r, code in enumerate(CATEGORY_CODES):
            t = terms.get(code)
            self.item(r, 1).setCheckState(Qt.CheckState.Checked if t and t.covered else Qt.CheckState.Unchecked)
            self.item(r, 2).setCheckState(
                Qt.CheckState.Checked if t and t.requires_consent else Qt.CheckState.Unchecked)
            self.item(r, 3).setText(f"{t.sub_limit:f}" if t and t.sub_limit is not None else "")
        self._loading = False
        self.dirty = False

    def values(self) -> dict:
        out = {}
        for r, code in enumerate(CATEGORY_CODES):
            covered = self.item(r, 1).checkState() == Qt.CheckState.Checked
            consent = self.item(r, 2).checkState() == Qt.CheckState.Checked
            sub = self.item(r, 3).text().strip()
            if covered or consent or sub:
                out[code] = {"covered": covered, "requires_consent": consent, "sub_limit": sub or None}
        return out


class PoliciesPage(RecordsPage):
    page_id = "policies"
    kind = "policy"
    fields = POLICY_FIELDS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        side = QWidget()
        v = QVBoxLayout(side)
        self.cat_title = QLabel()
        self.cat_title.setStyleSheet("font-weight: bold;")
        v.addWidget(self.cat_title)
        self.categories = CategoryTable(self.validate)
        v.addWidget(self.categories, 1)
        self.cat_error = QLabel()
        self.cat_error.setStyleSheet("color: #b00020;")
        self.cat_error.setWordWrap(True)
        v.addWidget(self.cat_error)
        self.subsidy = QLabel()
        self.subsidy.setWordWrap(True)
        v.addWidget(self.subsidy)
        self.editor_layout.addWidget(side, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Policies"))
        self.cat_title.setText(self.tr("Cost categories"))
        self.categories.retranslate(self.ctx.lang)
        self.form.set_choice_labels("ip_types", labels.ip_type)
        self.form.set_choice_labels("roles", labels.role)
        self.form.set_choice_labels("fx_basis", labels.fx_basis)
        self.retranslate_common()
        self._show_subsidy()

    def form_labels(self) -> dict[str, str]:
        return policy_form_labels(self)

    def columns(self) -> list[str]:
        return [self.tr("Reference"), self.tr("Policy number"), self.tr("Insurer"), self.tr("Period"),
                self.tr("Limit per claim"), self.tr("Aggregate limit"), self.tr("Deductible")]

    def row_cells(self, p) -> list:
        insurer = p.insurer_zh if self.ctx.lang == "zh" or not p.insurer_en else p.insurer_en
        return [p.ref, p.policy_number, insurer,
                f"{self.ctx.fmt_date(p.period_start)} – {self.ctx.fmt_date(p.period_end)}",
                self.ctx.fmt_money(p.per_claim_limit), self.ctx.fmt_money(p.aggregate_limit),
                self.ctx.fmt_money(p.deductible)]

    def load_records(self) -> list:
        return policies.list_policies(self.ctx.store)

    def record_values(self, p) -> dict:
        return policy_values(p)

    def new_values(self) -> dict:
        return {"coinsurance": "1", "deductible": "0.00", "fx_basis": "payment_date",
                "ip_types": ["patent", "trademark"], "roles": ["defendant"]}

    def after_select(self) -> None:
        self.categories.set_terms(dict(self.current.cost_categories) if self.current is not None else {})
        self.cat_error.clear()
        self._show_subsidy()

    def _show_subsidy(self) -> None:
        p = self.current
        if p is not None and p.subsidy is not None:
            self.subsidy.setText(self.tr("Premium subsidy: %1").replace("%1", self.ctx.fmt_money(p.subsidy)))
        else:
            self.subsidy.clear()

    def has_unsaved(self) -> bool:
        return self.form.dirty or self.categories.dirty

    def collect(self) -> dict:
        d = self.form.values()
        d["cost_categories"] = self.categories.values()
        return d

    def validate(self) -> bool:
        ok = super().validate()
        self.cat_error.clear()
        if not ok:
            from lei_desktop.domain.errors import LeiError

            try:
                self.parse(self.collect())
            except LeiError as exc:
                if exc.field.startswith("cost_categories"):
                    self.cat_error.setText(exc.message(self.ctx.lang))
        return ok

    def parse(self, values: dict):
        return policy_from_dict(values)

    def create(self, obj):
        return policies.create_policy(self.ctx.store, obj)

    def update(self, record, obj):
        return policies.update_policy(self.ctx.store, record.ref, obj, record.version)

    def remove(self, record) -> None:
        policies.delete_policy(self.ctx.store, record.ref)

    def save(self) -> bool:
        ok = super().save()
        if ok:
            self.categories.dirty = False
        return ok
