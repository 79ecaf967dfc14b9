"""Company & enrolment: the insured's profile with a live USCC check and the pilot's eligibility checklist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from lei_desktop.domain import uscc
from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.model import ELIGIBILITY_KEYS
from lei_desktop.domain.validation import company_from_dict
from lei_desktop.services import enrolment
from lei_desktop.ui import labels
from lei_desktop.ui.forms import ERROR_STYLE, OK_STYLE, Field, Form
from lei_desktop.ui.pages.base import BasePage

COMPANY_FIELDS = [
    Field("name_zh"),
    Field("name_en"),
    Field("uscc", stand_in="91110108MA01XH7K2R"),  # a well-formed code, only for checking other fields
    Field("uscc_override"),
    Field("registered_address_zh"),
    Field("registered_address_en"),
    Field("legal_representative"),
    Field("contact_name"),
    Field("contact_phone"),
    Field("contact_email"),
    Field("overseas_revenue_share", "decimal", placeholder="0.65"),
    Field("export_markets", "list", placeholder="US, DE, JP"),
    Field("products", "list"),
]


def company_values(c) -> dict:
    return {
        "name_zh": c.name_zh, "name_en": c.name_en, "uscc": c.uscc, "uscc_override": c.uscc_override,
        "registered_address_zh": c.registered_address_zh, "registered_address_en": c.registered_address_en,
        "legal_representative": c.legal_representative,
        "contact_name": c.contact_name, "contact_phone": c.contact_phone, "contact_email": c.contact_email,
        "overseas_revenue_share": c.overseas_revenue_share, "export_markets": list(c.export_markets),
        "products": list(c.products),
    }


def company_form_labels(w: QWidget) -> dict[str, str]:
    return {
        "name_zh": QCoreApplication.translate("CompanyForm", "Name (Chinese)"),
        "name_en": QCoreApplication.translate("CompanyForm", "Name (English)"),
        "uscc": QCoreApplication.translate("CompanyForm", "Unified social credit code"),
        "uscc_override": QCoreApplication.translate("CompanyForm", "Reason to accept a non-conforming code"),
        "registered_address_zh": QCoreApplication.translate("CompanyForm", "Registered address (Chinese)"),
        "registered_address_en": QCoreApplication.translate("CompanyForm", "Registered address (English)"),
        "legal_representative": QCoreApplication.translate("CompanyForm", "Legal representative"),
        "contact_name": QCoreApplication.translate("CompanyForm", "Contact person"),
        "contact_phone": QCoreApplication.translate("CompanyForm", "Contact phone"),
        "contact_email": QCoreApplication.translate("CompanyForm", "Contact e-mail"),
        "overseas_revenue_share": QCoreApplication.translate("CompanyForm", "Overseas share of revenue (0–1)"),
        "export_markets": QCoreApplication.translate("CompanyForm", "Export markets (country codes)"),
        "products": QCoreApplication.translate("CompanyForm", "Products sold overseas"),
    }


class UsccStatus(QLabel):
    """A label that checks the code as it is typed."""

    def __init__(self, lang_of, parent=None) -> None:
        super().__init__(parent)
        self.lang_of = lang_of
        self.setWordWrap(True)
        self.setObjectName("uscc_status")

    def check(self, code: str) -> bool:
        if not code.strip():
            self.clear()
            self.hide()
            return False
        self.show()
        result = uscc.check(code)
        self.setText(("✔ " if result.valid else "✘ ") + result.message(self.lang_of()))
        self.setStyleSheet(OK_STYLE if result.valid else ERROR_STYLE)
        return result.valid


class EligibilityBox(QWidget):
    """The pilot's eligibility checklist as check boxes."""

    def __init__(self, parent=None) -> None:
        from PySide6.QtWidgets import QCheckBox

        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        v.addWidget(self.title)
        self.boxes = {}
        for key in ELIGIBILITY_KEYS:
            cb = QCheckBox()
            cb.setObjectName(f"elig_{key}")
            self.boxes[key] = cb
            v.addWidget(cb)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        for cb in self.boxes.values():
            cb.toggled.connect(self.update_summary)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Eligibility for the Beijing pilot"))
        for key, cb in self.boxes.items():
            cb.setText(labels.eligibility(key))
        self.update_summary()

    def values(self) -> dict[str, bool]:
        return {k: cb.isChecked() for k, cb in self.boxes.items()}

    def set_values(self, values: dict[str, bool]) -> None:
        for k, cb in self.boxes.items():
            cb.setChecked(bool(values.get(k)))

    def all_met(self) -> bool:
        return all(self.values().values())

    def update_summary(self, *_a) -> None:
        if self.all_met():
            self.summary.setText(self.tr("All conditions are met: the company can enrol."))
            self.summary.setStyleSheet(OK_STYLE)
        else:
            missing = sum(1 for v in self.values().values() if not v)
            self.summary.setText(self.tr("%n condition(s) not confirmed yet.", "", missing))
            self.summary.setStyleSheet(ERROR_STYLE)


class CompanyPage(BasePage):
    page_id = "company"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.company = None
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        outer.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        h = QHBoxLayout(body)
        left = QVBoxLayout()
        self.form = Form(COMPANY_FIELDS)
        left.addWidget(self.form)
        self.uscc_status = UsccStatus(lambda: self.ctx.lang)
        self.form.errors["uscc"].parentWidget().layout().insertWidget(1, self.uscc_status)
        left.addStretch(1)
        h.addLayout(left, 3)
        right = QVBoxLayout()
        self.elig = EligibilityBox()
        right.addWidget(self.elig)
        self.enrol_info = QLabel()
        self.enrol_info.setWordWrap(True)
        self.enrol_info.setTextFormat(Qt.TextFormat.RichText)
        right.addWidget(self.enrol_info)
        right.addStretch(1)
        h.addLayout(right, 2)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.message = QLabel()
        buttons.addWidget(self.message, 1)
        self.pdf_btn = QPushButton()
        self.pdf_btn.clicked.connect(self.enrolment_pdf)
        buttons.addWidget(self.pdf_btn)
        self.revert_btn = QPushButton()
        self.revert_btn.clicked.connect(self.revert)
        buttons.addWidget(self.revert_btn)
        self.save_btn = QPushButton()
        self.save_btn.setObjectName("save")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        buttons.addWidget(self.save_btn)
        outer.addLayout(buttons)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.form.widgets["uscc"].textChanged.connect(self.uscc_status.check)
        self.form.changed.connect(self.validate)
        self.form.submitted.connect(self.save)
        self.elig.boxes["registered_in_beijing"].toggled.connect(self._elig_touched)
        for cb in self.elig.boxes.values():
            cb.toggled.connect(self._elig_touched)
        self._elig_dirty = False
        self.retranslate()

    def _elig_touched(self, *_a) -> None:
        self._elig_dirty = True

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Company & enrolment"))
        self.intro.setText(self.tr(
            "The insured enterprise's profile as filed with the pilot. The unified social credit code "
            "is checked as you type; a code that fails its check can only be kept with a reason."))
        self.form.set_labels(company_form_labels(self))
        self.elig.retranslate()
        self.save_btn.setText(self.tr("&Save"))
        self.revert_btn.setText(self.tr("&Revert"))
        self.pdf_btn.setText(self.tr("Enrolment &PDF…"))
        self.uscc_status.check(self.form.widgets["uscc"].text())
        self._update_info()

    def _update_info(self) -> None:
        c = self.company
        if c is None:
            self.enrol_info.setText(self.tr("<i>Not enrolled yet.</i> Fill in the profile and save, "
                                            "or use File › Enrolment wizard."))
        else:
            self.enrol_info.setText(self.tr("<b>Enrolled</b> — record version %1").replace("%1", str(c.version)))

    def refresh(self) -> None:
        latest = enrolment.get_company(self.ctx.store)
        if self.has_unsaved():  # keep the user's edits; saving checks the version it started from
            self._update_info()
            return
        self.company = latest
        if self.company is None:
            self.form.clear()
            self.elig.set_values({})
        else:
            self.form.set_values(company_values(self.company))
            self.elig.set_values(dict(self.company.eligibility))
        self._elig_dirty = False
        self.uscc_status.check(self.form.widgets["uscc"].text())
        self.message.clear()
        self._update_info()

    def has_unsaved(self) -> bool:
        return self.form.dirty or self._elig_dirty

    def revert(self) -> None:
        self.form.dirty = False
        self._elig_dirty = False
        self.refresh()

    def data(self) -> dict:
        d = self.form.values()
        d["eligibility"] = self.elig.values()
        return d

    def validate(self) -> bool:
        """Live check while typing: a message under a field the user has edited."""
        return self.form.live_check(self.data(), company_from_dict, self.ctx.lang)

    def save(self) -> bool:
        try:
            company = company_from_dict(self.data())
            expected = self.company.version if self.company else None
            self.company = enrolment.save_company(self.ctx.store, company, expected)
        except LeiError as exc:
            if not self.form.show_error(exc, self.ctx.lang):
                self.ctx.show_error(self, exc)
            return False
        self.form.set_values(company_values(self.company))
        self._elig_dirty = False
        self.message.setText(self.tr("Saved."))
        self._update_info()
        self.ctx.notify("company")
        return True

    def enrolment_pdf(self) -> None:
        from lei_desktop.ui.enrolment_pdf import offer_enrolment_pdf

        offer_enrolment_pdf(self.ctx, self)
