"""Plain frozen domain objects: what services return and what engines, formats and reports take.

Money fields that are always CNY are ``Decimal`` (2 places); an expense's own amount is a
``Decimal`` with its ``currency`` beside it (see :class:`~lei_desktop.domain.money.Money`).
Objects refer to each other by ``ref`` (the user-visible key, as in the scenario JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from lei_desktop.domain.fx import RateOverride
from lei_desktop.domain.money import Money, round_half_up

IP_TYPES = ("patent", "trademark", "copyright", "trade_secret")
ROLES = ("defendant", "plaintiff")
FX_BASES = ("payment_date", "invoice_date")
ATTACHMENT_KINDS = (
    "invoice",
    "payment_proof",
    "engagement_letter",
    "consent_letter",
    "complaint",
    "judgment",
    "other",
)
CLAIM_STATUSES = ("draft", "submitted", "under_review", "settled", "rejected", "withdrawn")
#: Claims whose expenses and assessments count against later claims.
ACTIVE_CLAIM_STATUSES = ("submitted", "under_review", "settled")
ELIGIBILITY_KEYS = ("registered_in_beijing", "no_violations_2y", "not_on_credit_china_list", "sells_overseas")


@dataclass(frozen=True)
class Company:
    """The insured enterprise's enrolment profile (one per store)."""

    name_zh: str
    name_en: str
    uscc: str
    registered_address_zh: str = ""
    registered_address_en: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    legal_representative: str = ""  # 法定代表人, as on the business licence
    overseas_revenue_share: Decimal | None = None
    export_markets: tuple[str, ...] = ()
    eligibility: tuple[tuple[str, bool], ...] = ()
    products: tuple[str, ...] = ()
    uscc_override: str = ""  # reason given when a non-conforming code is accepted
    version: int = 1

    def eligible(self, key: str) -> bool:
        return dict(self.eligibility).get(key, False)


@dataclass(frozen=True)
class CategoryTerms:
    covered: bool = False
    requires_consent: bool = False
    sub_limit: Decimal | None = None  # CNY per dispute


@dataclass(frozen=True)
class Policy:
    ref: str
    policy_number: str
    period_start: date
    period_end: date
    insurer_zh: str = ""
    insurer_en: str = ""
    retroactive_date: date | None = None
    territories: tuple[str, ...] = ()
    ip_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    insured_products: tuple[str, ...] = ()
    cost_categories: tuple[tuple[str, CategoryTerms], ...] = ()
    deductible: Decimal = Decimal("0.00")
    coinsurance: Decimal = Decimal("1")
    per_claim_limit: Decimal = Decimal("0.00")
    aggregate_limit: Decimal = Decimal("0.00")
    fx_basis: str = "payment_date"
    premium: Decimal | None = None
    subsidy_ratio: Decimal | None = None
    subsidy_cap: Decimal | None = None
    notice_days: int | None = None  # days after first_asserted_on to notify the insurer
    version: int = 1

    def terms(self, category: str) -> CategoryTerms:
        return dict(self.cost_categories).get(category, CategoryTerms())

    @property
    def subsidy(self) -> Decimal | None:
        """The city's premium subsidy: min(premium × ratio, cap), half-up to 0.01 (None if unknown)."""
        if self.premium is None or self.subsidy_ratio is None:
            return None
        amount = round_half_up(self.premium * self.subsidy_ratio)
        return min(amount, self.subsidy_cap) if self.subsidy_cap is not None else amount


@dataclass(frozen=True)
class Dispute:
    ref: str
    policy: str
    title_zh: str
    title_en: str
    ip_type: str
    role: str
    forum_country: str
    first_asserted_on: date
    forum: str = ""
    case_number: str = ""
    opposing_party: str = ""
    ip_rights: tuple[str, ...] = ()
    accused_products: tuple[str, ...] = ()
    known_before_inception: bool = False
    infringement_began_on: date | None = None
    notified_on: date | None = None  # when the insurer was notified
    version: int = 1


@dataclass(frozen=True)
class Consent:
    """The insurer's prior written consent for costs of one dispute."""

    ref: str
    dispute: str
    granted_on: date
    categories: tuple[str, ...]
    letter_ref: str = ""
    cap: Decimal | None = None  # CNY; None = no cap
    scope_zh: str = ""
    scope_en: str = ""
    version: int = 1


@dataclass(frozen=True)
class AttachmentInfo:
    """A stored file, content-addressed by SHA-256."""

    sha256: str
    filename: str
    kind: str
    size: int
    mime: str = "application/octet-stream"
    id: int | None = None


@dataclass(frozen=True)
class Expense:
    ref: str
    dispute: str
    category: str
    amount: Decimal
    currency: str
    payee: str = ""
    invoice_number: str = ""
    invoice_date: date | None = None
    paid_on: date | None = None
    description_zh: str = ""
    description_en: str = ""
    incurred_by_insured_staff: bool = False
    rate_override: RateOverride | None = None
    utbms_code: str = ""
    source: str = ""  # e.g. "ledes:<firm>:<invoice>:<line>" or "csv:<file>:<line>"
    service_date: date | None = None  # when the work was done (LEDES LINE_ITEM_DATE); for information
    attachments: tuple[AttachmentInfo, ...] = ()
    version: int = 1

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


@dataclass(frozen=True)
class Reason:
    """Why a line or a dispute got its decision: a code with its parameters."""

    code: str
    params: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class ClaimLine:
    """One expense as frozen into a submitted claim (or as currently assessed for a draft)."""

    expense: str
    category: str
    amount: Decimal
    currency: str
    rate: Decimal | None
    rate_per: int
    rate_date: date | None
    rate_source: str
    rate_overridden: bool
    cny: Decimal | None
    covered_cny: Decimal
    decision: str
    reasons: tuple[Reason, ...] = ()
    payee: str = ""
    invoice_number: str = ""
    invoice_date: date | None = None
    paid_on: date | None = None
    description_zh: str = ""
    description_en: str = ""
    attachment_hashes: tuple[str, ...] = ()


@dataclass(frozen=True)
class InsurerDecision:
    expense: str
    decision: str  # approved | reduced | rejected
    approved_cny: Decimal | None = None
    reason: str = ""


@dataclass(frozen=True)
class Payment:
    paid_on: date
    amount: Decimal  # CNY
    reference: str = ""


@dataclass(frozen=True)
class Claim:
    ref: str
    dispute: str
    status: str
    expenses: tuple[str, ...] = ()
    created_at: datetime | None = None
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    override_reason: str = ""
    rejection_reason: str = ""
    supplementary_to: str | None = None
    lines: tuple[ClaimLine, ...] = ()  # frozen lines (submitted claims only)
    assessment: dict | None = None  # frozen assessment JSON (submitted claims only)
    decisions: tuple[InsurerDecision, ...] = ()
    payments: tuple[Payment, ...] = ()
    version: int = 1

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0.00"))

    @property
    def expense_refs(self) -> tuple[str, ...]:
        return self.expenses


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    actor: str
    entity: str
    ref: str
    action: str
    changes: dict = field(default_factory=dict)
