"""Disputes under a policy, and the insurer's prior written consents for each dispute."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from lei_desktop.domain.categories import CATEGORY_CODES
from lei_desktop.domain.model import IP_TYPES, ROLES
from lei_desktop.domain.validation import consent_from_dict, dispute_from_dict
from lei_desktop.services import disputes, policies
from lei_desktop.ui import labels
from lei_desktop.ui.forms import Field
from lei_desktop.ui.pages.records import RecordsPage

DISPUTE_FIELDS = [
    Field("ref", placeholder="D-001"),
    Field("policy", "choice"),
    Field("title_zh"),
    Field("title_en"),
    Field("ip_type", "choice", IP_TYPES),
    Field("role", "choice", ROLES),
    Field("forum_country", placeholder="US"),
    Field("forum"),
    Field("case_number"),
    Field("opposing_party"),
    Field("ip_rights", "list"),
    Field("accused_products", "list"),
    Field("first_asserted_on", "date", optional=False),
    Field("infringement_began_on", "date"),
    Field("known_before_inception", "bool"),
    Field("notified_on", "date"),
]

CONSENT_FIELDS = [
    Field("ref", placeholder="C-001"),
    Field("letter_ref"),
    Field("granted_on", "date", optional=False),
    Field("categories", "multi", CATEGORY_CODES),
    Field("cap", "decimal"),
    Field("scope_zh", "multiline"),
    Field("scope_en", "multiline"),
]


def dispute_values(d) -> dict:
    return {
        "ref": d.ref, "policy": d.policy, "title_zh": d.title_zh, "title_en": d.title_en, "ip_type": d.ip_type,
        "role": d.role, "forum_country": d.forum_country, "forum": d.forum, "case_number": d.case_number,
        "opposing_party": d.opposing_party, "ip_rights": list(d.ip_rights),
        "accused_products": list(d.accused_products), "first_asserted_on": d.first_asserted_on,
        "infringement_began_on": d.infringement_began_on, "known_before_inception": d.known_before_inception,
        "notified_on": d.notified_on,
    }


def consent_values(c) -> dict:
    return {"ref": c.ref, "letter_ref": c.letter_ref, "granted_on": c.granted_on, "categories": list(c.categories),
            "cap": c.cap, "scope_zh": c.scope_zh, "scope_en": c.scope_en}


class ConsentsPanel(RecordsPage):
    """The consents of the dispute being edited on the disputes page."""

    page_id = "consents"
    kind = "consent"
    own_shortcuts = False
    fields = CONSENT_FIELDS

    def __init__(self, ctx, parent=None) -> None:
        self.dispute_ref: str | None = None
        super().__init__(ctx, parent)
        self.heading.setStyleSheet("font-weight: bold;")
        box = self.form.widgets["categories"].layout()
        box.setDirection(box.Direction.TopToBottom)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Insurer's prior written consents"))
        self.form.set_choice_labels("categories", lambda c: labels.category(c, self.ctx.lang))
        self.retranslate_common()

    def form_labels(self) -> dict[str, str]:
        return {"ref": self.tr("Reference"), "letter_ref": self.tr("Letter reference"), "granted_on": self.tr("Granted on"),
                "categories": self.tr("Cost categories"), "cap": self.tr("Cap (CNY)"), "scope_zh": self.tr("Scope (Chinese)"),
                "scope_en": self.tr("Scope (English)")}

    def columns(self) -> list[str]:
        return [self.tr("Reference"), self.tr("Granted on"), self.tr("Categories"), self.tr("Cap")]

    def row_cells(self, c) -> list:
        cats = "、".join if self.ctx.lang == "zh" else ", ".join
        return [c.ref, self.ctx.fmt_date(c.granted_on), cats(labels.category(x, self.ctx.lang) for x in c.categories),
                self.ctx.fmt_money(c.cap) if c.cap is not None else self.tr("no cap")]

    def set_dispute(self, ref: str | None) -> None:
        if ref != self.dispute_ref:
            self.dispute_ref = ref
            self.current = None
            self.form.dirty = False
            self.refresh()
            if self.current is None:
                self._edit(None)
        self.setEnabled(ref is not None)

    def load_records(self) -> list:
        if self.dispute_ref is None:
            return []
        return disputes.list_consents(self.ctx.store, self.dispute_ref)

    def record_values(self, c) -> dict:
        return consent_values(c)

    def collect(self) -> dict:
        d = self.form.values()
        d["dispute"] = self.dispute_ref
        return d

    def parse(self, values: dict):
        return consent_from_dict(values)

    def create(self, obj):
        return disputes.create_consent(self.ctx.store, obj)

    def update(self, record, obj):
        return disputes.update_consent(self.ctx.store, record.ref, obj, record.version)

    def remove(self, record) -> None:
        disputes.delete_consent(self.ctx.store, record.ref)


class DisputesPage(RecordsPage):
    page_id = "disputes"
    kind = "dispute"
    fields = DISPUTE_FIELDS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.consents = ConsentsPanel(ctx, self)
        side = QWidget()
        v = QVBoxLayout(side)
        v.setContentsMargins(0, 0, 0, 0)
        self.deadline_title = QLabel()
        self.deadline_title.setStyleSheet("font-weight: bold;")
        self.deadline_list = QLabel()
        self.deadline_list.setObjectName("deadlines")
        self.deadline_list.setWordWrap(True)
        self.deadline_list.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.deadline_title)
        v.addWidget(self.deadline_list)
        v.addWidget(self.consents, 1)
        self.editor_layout.addWidget(side, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Disputes"))
        if hasattr(self, "deadline_title"):
            self.deadline_title.setText(self.tr("Deadlines"))
            self.show_deadlines()
        self.form.set_choice_labels("ip_type", labels.ip_type)
        self.form.set_choice_labels("role", labels.role)
        self.retranslate_common()

    def form_labels(self) -> dict[str, str]:
        return {
            "ref": self.tr("Reference"), "policy": self.tr("Policy"), "title_zh": self.tr("Title (Chinese)"),
            "title_en": self.tr("Title (English)"), "ip_type": self.tr("IP type"), "role": self.tr("Our role"),
            "forum_country": self.tr("Forum country (code)"), "forum": self.tr("Court or forum"),
            "case_number": self.tr("Case number"), "opposing_party": self.tr("Opposing party"),
            "ip_rights": self.tr("IP rights in suit"), "accused_products": self.tr("Accused products"),
            "first_asserted_on": self.tr("First asserted on"), "infringement_began_on": self.tr("Infringement began on"),
            "known_before_inception": self.tr("Known before the policy began"),
            "notified_on": self.tr("Insurer notified on"),
        }

    def columns(self) -> list[str]:
        return [self.tr("Reference"), self.tr("Policy"), self.tr("Title"), self.tr("IP type"), self.tr("Role"),
                self.tr("Forum"), self.tr("First asserted on")]

    def row_cells(self, d) -> list:
        title = d.title_zh if self.ctx.lang == "zh" or not d.title_en else d.title_en
        forum = f"{d.forum_country} {d.forum}".strip()
        return [d.ref, d.policy, title, labels.ip_type(d.ip_type), labels.role(d.role), forum,
                self.ctx.fmt_date(d.first_asserted_on)]

    def refresh(self) -> None:
        pols = policies.list_policies(self.ctx.store)
        self.form.set_choices("policy", [(p.ref, f"{p.ref} · {p.policy_number}") for p in pols])
        super().refresh()

    def load_records(self) -> list:
        return disputes.list_disputes(self.ctx.store)

    def record_values(self, d) -> dict:
        return dispute_values(d)

    def new_values(self) -> dict:
        return {"ip_type": "patent", "role": "defendant"}

    def after_select(self) -> None:
        if hasattr(self, "consents"):
            self.consents.set_dispute(self.current.ref if self.current is not None else None)
            self.show_deadlines()

    COLOURS = {"overdue": "#b00020", "late": "#b00020", "due_soon": "#b26a00", "done": "#1b5e20",
               "upcoming": "#333333", "expired": "#666666"}

    def show_deadlines(self) -> None:
        """The notice and limitation deadlines of the dispute being edited, with their state today."""
        if self.current is None:
            self.deadline_list.setText("—")
            return
        from html import escape

        from lei_desktop.services import deadlines

        lang = self.ctx.lang
        lines = []
        for d in deadlines.list_deadlines(self.ctx.store, include_done=True):
            if (d.dispute or d.ref) != self.current.ref or d.kind not in ("notice", "limitation"):
                continue
            j = d.to_json()
            colour = self.COLOURS.get(d.status, "#333333")
            lines.append(f"<span style='color:{colour}'><b>{escape(j['status_' + lang])}</b></span> — "
                         f"{escape(j[lang])}")
        self.deadline_list.setText("<br>".join(lines) if lines else self.tr("No deadline recorded."))

    def has_unsaved(self) -> bool:
        return self.form.dirty or (hasattr(self, "consents") and self.consents.has_unsaved())

    def _in_consents(self) -> bool:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        return focus is not None and self.consents.isAncestorOf(focus)

    def new_record(self) -> None:
        if hasattr(self, "consents") and self._in_consents():
            self.consents.new_record()
        else:
            super().new_record()

    def save(self) -> bool:
        if hasattr(self, "consents") and self._in_consents():
            return self.consents.save()
        return super().save()

    def parse(self, values: dict):
        return dispute_from_dict(values)

    def create(self, obj):
        return disputes.create_dispute(self.ctx.store, obj)

    def update(self, record, obj):
        return disputes.update_dispute(self.ctx.store, record.ref, obj, record.version)

    def remove(self, record) -> None:
        disputes.delete_dispute(self.ctx.store, record.ref)
