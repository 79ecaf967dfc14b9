"""ORM tables. Money: CNY columns in fen via ``Cny()``; an expense's own amount as integer minor
units of its currency (``amount_minor`` + ``currency``); rates and ratios via ``Scaled``.

Every editable row carries ``version`` (optimistic locking: a stale edit is refused).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from lei_desktop.store.types import Cny, Rate, Scaled

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    # named constraints, so that later batch migrations on SQLite can find them
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Optimistic locking: SQLAlchemy bumps ``version`` on every UPDATE and refuses a lost update."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}


class CompanyRow(Versioned, Base):
    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    uscc: Mapped[str] = mapped_column(String(18))
    uscc_override: Mapped[str] = mapped_column(Text, default="")
    registered_address_zh: Mapped[str] = mapped_column(Text, default="")
    registered_address_en: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="", server_default="")
    overseas_revenue_share: Mapped[Decimal | None] = mapped_column(Scaled(4), nullable=True)
    export_markets: Mapped[list] = mapped_column(JSON, default=list)
    eligibility: Mapped[dict] = mapped_column(JSON, default=dict)
    products: Mapped[list] = mapped_column(JSON, default=list)


class PolicyRow(Versioned, Base):
    __tablename__ = "policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    policy_number: Mapped[str] = mapped_column(String(100))
    insurer_zh: Mapped[str] = mapped_column(String(200), default="")
    insurer_en: Mapped[str] = mapped_column(String(300), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    retroactive_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    territories: Mapped[list] = mapped_column(JSON, default=list)
    ip_types: Mapped[list] = mapped_column(JSON, default=list)
    roles: Mapped[list] = mapped_column(JSON, default=list)
    insured_products: Mapped[list] = mapped_column(JSON, default=list)
    deductible: Mapped[Decimal] = mapped_column(Cny(), default=Decimal(0))
    coinsurance: Mapped[Decimal] = mapped_column(Scaled(4), default=Decimal(1))
    per_claim_limit: Mapped[Decimal] = mapped_column(Cny(), default=Decimal(0))
    aggregate_limit: Mapped[Decimal] = mapped_column(Cny(), default=Decimal(0))
    fx_basis: Mapped[str] = mapped_column(String(20), default="payment_date")
    premium: Mapped[Decimal | None] = mapped_column(Cny(), nullable=True)
    subsidy_ratio: Mapped[Decimal | None] = mapped_column(Scaled(4), nullable=True)
    subsidy_cap: Mapped[Decimal | None] = mapped_column(Cny(), nullable=True)
    notice_days: Mapped[int | None] = mapped_column(Integer, nullable=True)

    categories: Mapped[list[PolicyCategoryRow]] = relationship(
        back_populates="policy", cascade="all, delete-orphan", order_by="PolicyCategoryRow.position"
    )
    disputes: Mapped[list[DisputeRow]] = relationship(back_populates="policy")


class PolicyCategoryRow(Base):
    __tablename__ = "policy_category"
    __table_args__ = (UniqueConstraint("policy_id", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(40))
    covered: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    sub_limit: Mapped[Decimal | None] = mapped_column(Cny(), nullable=True)

    policy: Mapped[PolicyRow] = relationship(back_populates="categories")


class DisputeRow(Versioned, Base):
    __tablename__ = "dispute"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy.id", ondelete="RESTRICT"))
    title_zh: Mapped[str] = mapped_column(Text, default="")
    title_en: Mapped[str] = mapped_column(Text, default="")
    ip_type: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(20))
    forum_country: Mapped[str] = mapped_column(String(2))
    forum: Mapped[str] = mapped_column(Text, default="")
    case_number: Mapped[str] = mapped_column(String(100), default="")
    opposing_party: Mapped[str] = mapped_column(Text, default="")
    ip_rights: Mapped[list] = mapped_column(JSON, default=list)
    accused_products: Mapped[list] = mapped_column(JSON, default=list)
    first_asserted_on: Mapped[date] = mapped_column(Date)
    infringement_began_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    known_before_inception: Mapped[bool] = mapped_column(Boolean, default=False)
    notified_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    policy: Mapped[PolicyRow] = relationship(back_populates="disputes")


class ConsentRow(Versioned, Base):
    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("dispute.id", ondelete="RESTRICT"))
    letter_ref: Mapped[str] = mapped_column(String(100), default="")
    granted_on: Mapped[date] = mapped_column(Date)
    categories: Mapped[list] = mapped_column(JSON, default=list)
    cap: Mapped[Decimal | None] = mapped_column(Cny(), nullable=True)
    scope_zh: Mapped[str] = mapped_column(Text, default="")
    scope_en: Mapped[str] = mapped_column(Text, default="")

    dispute: Mapped[DisputeRow] = relationship()


class FxRateRow(Base):
    __tablename__ = "fx_rate"
    __table_args__ = (UniqueConstraint("currency", "on_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    on_date: Mapped[date] = mapped_column(Date, index=True)
    currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[Decimal] = mapped_column(Rate())
    per: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(String(200), default="")


class LedesInvoiceRow(Base):
    """An imported law-firm invoice; the pair (law firm, invoice number) is imported once."""

    __tablename__ = "ledes_invoice"
    __table_args__ = (UniqueConstraint("law_firm_id", "invoice_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    law_firm_id: Mapped[str] = mapped_column(String(100))
    invoice_number: Mapped[str] = mapped_column(String(100))
    invoice_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    format: Mapped[str] = mapped_column(String(20))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    dispute_id: Mapped[int] = mapped_column(ForeignKey("dispute.id", ondelete="RESTRICT"))


class ExpenseRow(Versioned, Base):
    __tablename__ = "expense"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("dispute.id", ondelete="RESTRICT"), index=True)
    category: Mapped[str] = mapped_column(String(40), index=True)
    payee: Mapped[str] = mapped_column(Text, default="")
    invoice_number: Mapped[str] = mapped_column(String(100), default="")
    invoice_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    service_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # LEDES LINE_ITEM_DATE: work done on
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    incurred_by_insured_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    rate_override: Mapped[Decimal | None] = mapped_column(Rate(), nullable=True)
    rate_override_per: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rate_override_note: Mapped[str] = mapped_column(Text, default="")
    utbms_code: Mapped[str] = mapped_column(String(10), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    ledes_invoice_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledes_invoice.id", ondelete="RESTRICT"), nullable=True
    )
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    dispute: Mapped[DisputeRow] = relationship()
    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="expense", order_by="AttachmentRow.id", foreign_keys="AttachmentRow.expense_id"
    )


class BlobRow(Base):
    """File content, addressed by its SHA-256, so one database backup holds every attachment."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AttachmentRow(Base):
    """A file attached to an expense, a dispute (complaint, engagement letter) or a consent."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256", ondelete="RESTRICT"), index=True)
    filename: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger)
    expense_id: Mapped[int | None] = mapped_column(ForeignKey("expense.id", ondelete="CASCADE"), nullable=True, index=True)
    dispute_id: Mapped[int | None] = mapped_column(ForeignKey("dispute.id", ondelete="CASCADE"), nullable=True, index=True)
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consent.id", ondelete="CASCADE"), nullable=True, index=True)
    added_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    expense: Mapped[ExpenseRow | None] = relationship(back_populates="attachments", foreign_keys=[expense_id])


class ClaimRow(Versioned, Base):
    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("dispute.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    supplementary_to_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id"), nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # frozen at submission

    dispute: Mapped[DisputeRow] = relationship()
    members: Mapped[list[ClaimExpenseRow]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimExpenseRow.position"
    )
    lines: Mapped[list[ClaimLineRow]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimLineRow.position"
    )
    payments: Mapped[list[PaymentRow]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="PaymentRow.id"
    )


class ClaimExpenseRow(Base):
    """Which expenses a claim holds (live for drafts; frozen copies live in claim_line)."""

    __tablename__ = "claim_expense"
    __table_args__ = (UniqueConstraint("claim_id", "expense_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    expense_id: Mapped[int] = mapped_column(ForeignKey("expense.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    claim: Mapped[ClaimRow] = relationship(back_populates="members")
    expense: Mapped[ExpenseRow] = relationship()


class ClaimLineRow(Base):
    """One expense as frozen at submission: what the insurer received, never changed afterwards."""

    __tablename__ = "claim_line"
    __table_args__ = (UniqueConstraint("claim_id", "expense_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    expense_id: Mapped[int | None] = mapped_column(ForeignKey("expense.id", ondelete="RESTRICT"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    expense_ref: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(40))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[Decimal | None] = mapped_column(Rate(), nullable=True)
    rate_per: Mapped[int] = mapped_column(Integer, default=1)
    rate_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    rate_source: Mapped[str] = mapped_column(Text, default="")
    rate_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    cny: Mapped[Decimal | None] = mapped_column(Cny(), nullable=True)
    covered_cny: Mapped[Decimal] = mapped_column(Cny(), default=Decimal(0))
    decision: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    payee: Mapped[str] = mapped_column(Text, default="")
    invoice_number: Mapped[str] = mapped_column(String(100), default="")
    invoice_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    attachment_hashes: Mapped[list] = mapped_column(JSON, default=list)

    claim: Mapped[ClaimRow] = relationship(back_populates="lines")
    insurer_decision: Mapped[InsurerDecisionRow | None] = relationship(
        back_populates="line", cascade="all, delete-orphan", uselist=False
    )


class InsurerDecisionRow(Base):
    __tablename__ = "insurer_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_line_id: Mapped[int] = mapped_column(ForeignKey("claim_line.id", ondelete="CASCADE"), unique=True)
    decision: Mapped[str] = mapped_column(String(20))  # approved | reduced | rejected
    approved_cny: Mapped[Decimal | None] = mapped_column(Cny(), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    line: Mapped[ClaimLineRow] = relationship(back_populates="insurer_decision")


class PaymentRow(Base):
    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Cny())
    reference: Mapped[str] = mapped_column(Text, default="")

    claim: Mapped[ClaimRow] = relationship(back_populates="payments")


class AuditEventRow(Base):
    """Append-only: who changed what, when, with the values before and after."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(30), index=True)
    ref: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(30))
    changes: Mapped[dict] = mapped_column(JSON, default=dict)


class SettingRow(Base):
    """Store-wide settings (saved CSV mappings, backup rotation, ...), JSON values by key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict | list | str | int | None] = mapped_column(JSON, nullable=True)
