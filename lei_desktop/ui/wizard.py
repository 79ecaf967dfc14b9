"""First-run enrolment wizard: the company (live USCC check), the pilot's eligibility checklist,
the policy's terms; it saves both and ends by offering the enrolment PDF."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWizard, QWizardPage

from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.validation import company_from_dict, policy_from_dict
from lei_desktop.services import enrolment, policies
from lei_desktop.ui.forms import Form
from lei_desktop.ui.pages.company import (
    COMPANY_FIELDS,
    EligibilityBox,
    UsccStatus,
    company_form_labels,
    company_values,
)
from lei_desktop.ui.pages.policies import POLICY_FIELDS, CategoryTable, policy_form_labels, policy_values


def _scroll(widget):
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class CompanyWizardPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        v = QVBoxLayout(self)
        self.form = Form(COMPANY_FIELDS)
        self.uscc_status = UsccStatus(lambda: self.wiz.ctx.lang)
        self.form.errors["uscc"].parentWidget().layout().insertWidget(1, self.uscc_status)
        self.form.widgets["uscc"].textChanged.connect(self.uscc_status.check)
        v.addWidget(_scroll(self.form))
        self.form.changed.connect(self.completeChanged)
        self.form.changed.connect(lambda: self.form.live_check(self.form.values(), company_from_dict, self.wiz.ctx.lang))

    def retranslate(self) -> None:
        self.setTitle(self.tr("The company"))
        self.setSubTitle(self.tr("The insured enterprise as registered. The unified social credit code is "
                                 "checked as you type."))
        self.form.set_labels(company_form_labels(self))
        self.uscc_status.check(self.form.widgets["uscc"].text())

    def isComplete(self) -> bool:  # noqa: N802
        v = self.form.values()
        return bool(v.get("name_zh") and v.get("uscc"))

    def validatePage(self) -> bool:  # noqa: N802
        if self.wiz.skip_checks:
            return True
        try:
            company_from_dict(self.form.values())
        except LeiError as exc:
            self.form.show_error(exc, self.wiz.ctx.lang)
            return False
        self.form.clear_errors()
        return True


class EligibilityWizardPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        v = QVBoxLayout(self)
        self.box = EligibilityBox()
        v.addWidget(self.box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        v.addWidget(self.note)
        v.addStretch(1)
        for cb in self.box.boxes.values():
            cb.toggled.connect(self.completeChanged)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Eligibility"))
        self.setSubTitle(self.tr("The pilot insures Beijing enterprises that meet every condition below."))
        self.note.setText(self.tr("Tick each condition the company meets. Enrolment needs all of them; "
                                  "the products with a known potential suit are not insured."))
        self.box.retranslate()

    def isComplete(self) -> bool:  # noqa: N802
        return self.wiz.skip_checks or self.box.all_met()


class PolicyWizardPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        v = QVBoxLayout(self)
        self.form = Form(POLICY_FIELDS)
        v.addWidget(_scroll(self.form), 3)
        self.form.changed.connect(lambda: self.form.live_check(self.data(), policy_from_dict, self.wiz.ctx.lang))
        self.categories = CategoryTable()
        v.addWidget(self.categories, 2)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        v.addWidget(self.error)

    def retranslate(self) -> None:
        from lei_desktop.ui import labels

        self.setTitle(self.tr("The policy's terms"))
        self.setSubTitle(self.tr("As printed on the policy schedule: period, limits, deductible, the insurer's "
                                 "share and the cost categories covered."))
        self.form.set_labels(policy_form_labels(self))
        self.form.set_choice_labels("ip_types", labels.ip_type)
        self.form.set_choice_labels("roles", labels.role)
        self.form.set_choice_labels("fx_basis", labels.fx_basis)
        self.categories.retranslate(self.wiz.ctx.lang)

    def data(self) -> dict:
        d = self.form.values()
        d["cost_categories"] = self.categories.values()
        return d

    def validatePage(self) -> bool:  # noqa: N802
        if self.wiz.skip_checks:
            return True
        self.error.clear()
        try:
            policy_from_dict(self.data())
        except LeiError as exc:
            if not self.form.show_error(exc, self.wiz.ctx.lang):
                self.error.setText(exc.message(self.wiz.ctx.lang))
            return False
        return self.wiz.save_all()


class DoneWizardPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        v = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.pdf_btn = QPushButton()
        self.pdf_btn.setObjectName("enrolment_pdf")
        self.pdf_btn.clicked.connect(self.wiz.offer_pdf)
        v.addWidget(self.pdf_btn)
        v.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Enrolled"))
        self.pdf_btn.setText(self.tr("Save the enrolment &PDF…"))
        self.initializePage()

    def initializePage(self) -> None:  # noqa: N802
        c, p = self.wiz.saved_company, self.wiz.saved_policy
        if c is None or p is None:
            self.summary.setText(self.tr("Nothing saved yet."))
            return
        name = c.name_zh if self.wiz.ctx.lang == "zh" or not c.name_en else c.name_en
        self.summary.setText(self.tr(
            "%1 is enrolled with policy %2 (%3 to %4). You can now record its disputes and expenses."
        ).replace("%1", name).replace("%2", p.policy_number).replace(
            "%3", self.wiz.ctx.fmt_date(p.period_start)).replace("%4", self.wiz.ctx.fmt_date(p.period_end)))


class EnrolmentWizard(QWizard):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("EnrolmentWizard")
        self.skip_checks = False
        self.saved_company = None
        self.saved_policy = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.company_page = CompanyWizardPage(self)
        self.elig_page = EligibilityWizardPage(self)
        self.policy_page = PolicyWizardPage(self)
        self.done_page = DoneWizardPage(self)
        for p in (self.company_page, self.elig_page, self.policy_page, self.done_page):
            self.addPage(p)
        self.resize(900, 680)
        self._prefill()
        self.elig_touched = False
        for cb in self.elig_page.box.boxes.values():
            cb.toggled.connect(self._elig_toggled)
        self.retranslate()

    def _elig_toggled(self, *_a) -> None:
        self.elig_touched = True

    def _prefill(self) -> None:
        company = enrolment.get_company(self.ctx.store)
        if company is not None:
            self.company_page.form.set_values(company_values(company))
            self.elig_page.box.set_values(dict(company.eligibility))
        pols = policies.list_policies(self.ctx.store)
        if pols:
            p = pols[-1]
            self.policy_page.form.set_values(policy_values(p))
            self.policy_page.categories.set_terms(dict(p.cost_categories))
        else:
            self.policy_page.form.set_values({"coinsurance": "1", "deductible": "0.00", "fx_basis": "payment_date",
                                              "ip_types": ["patent", "trademark"], "roles": ["defendant"],
                                              "ref": "P-1"})

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enrolment wizard"))
        for p in (self.company_page, self.elig_page, self.policy_page, self.done_page):
            p.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def has_unsaved(self) -> bool:
        """Typed-in data not saved yet (the wizard saves when leaving the policy page)."""
        if self.saved_policy is not None:
            return False
        return (self.company_page.form.dirty or self.policy_page.form.dirty or self.policy_page.categories.dirty
                or self.elig_touched)

    def reject(self) -> None:
        if self.has_unsaved() and not self.skip_checks:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, self.tr("Leave the wizard?"),
                self.tr("What you typed in the wizard has not been saved. Discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def discard(self) -> None:
        """Close without asking, dropping what was typed."""
        self.company_page.form.dirty = self.policy_page.form.dirty = False
        self.policy_page.categories.dirty = self.elig_touched = False
        super().reject()

    def next_unchecked(self) -> None:
        """Go to the next page without validating or saving (screenshots)."""
        self.skip_checks = True
        try:
            self.next()
        finally:
            self.skip_checks = False

    def save_all(self) -> bool:
        """Save the company (with its eligibility) and the policy; errors go back to their page."""
        data = self.company_page.form.values()
        data["eligibility"] = self.elig_page.box.values()
        try:
            company = company_from_dict(data)
        except LeiError as exc:
            self.company_page.form.show_error(exc, self.ctx.lang)
            self.policy_page.error.setText(exc.message(self.ctx.lang))
            return False
        try:
            policy = policy_from_dict(self.policy_page.data())
            existing = enrolment.get_company(self.ctx.store)
            self.saved_company = enrolment.save_company(self.ctx.store, company,
                                                        existing.version if existing else None)
            known = {p.ref: p for p in policies.list_policies(self.ctx.store)}
            if policy.ref in known:
                self.saved_policy = policies.update_policy(self.ctx.store, policy.ref, policy,
                                                           known[policy.ref].version)
            else:
                self.saved_policy = policies.create_policy(self.ctx.store, policy)
        except LeiError as exc:
            if not self.policy_page.form.show_error(exc, self.ctx.lang):
                self.policy_page.error.setText(exc.message(self.ctx.lang))
            return False
        self.ctx.notify("*")
        return True

    def offer_pdf(self) -> None:
        from lei_desktop.ui.enrolment_pdf import offer_enrolment_pdf

        offer_enrolment_pdf(self.ctx, self, self.saved_policy.ref if self.saved_policy is not None else None)
