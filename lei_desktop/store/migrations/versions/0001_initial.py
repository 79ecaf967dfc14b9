"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25 04:10:30.428722
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_entity"), ["entity"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_ref"), ["ref"], unique=False)

    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob")),
    )
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("uscc_override", sa.Text(), nullable=False),
        sa.Column("registered_address_zh", sa.Text(), nullable=False),
        sa.Column("registered_address_en", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("overseas_revenue_share", sa.BigInteger(), nullable=True),
        sa.Column("export_markets", sa.JSON(), nullable=False),
        sa.Column("eligibility", sa.JSON(), nullable=False),
        sa.Column("products", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
    )
    op.create_table(
        "fx_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=False),
        sa.Column("per", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fx_rate")),
        sa.UniqueConstraint("currency", "on_date", name=op.f("uq_fx_rate_currency")),
    )
    with op.batch_alter_table("fx_rate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fx_rate_on_date"), ["on_date"], unique=False)

    op.create_table(
        "policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("policy_number", sa.String(length=100), nullable=False),
        sa.Column("insurer_zh", sa.String(length=200), nullable=False),
        sa.Column("insurer_en", sa.String(length=300), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("retroactive_date", sa.Date(), nullable=True),
        sa.Column("territories", sa.JSON(), nullable=False),
        sa.Column("ip_types", sa.JSON(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("insured_products", sa.JSON(), nullable=False),
        sa.Column("deductible", sa.BigInteger(), nullable=False),
        sa.Column("coinsurance", sa.BigInteger(), nullable=False),
        sa.Column("per_claim_limit", sa.BigInteger(), nullable=False),
        sa.Column("aggregate_limit", sa.BigInteger(), nullable=False),
        sa.Column("fx_basis", sa.String(length=20), nullable=False),
        sa.Column("premium", sa.BigInteger(), nullable=True),
        sa.Column("subsidy_ratio", sa.BigInteger(), nullable=True),
        sa.Column("subsidy_cap", sa.BigInteger(), nullable=True),
        sa.Column("notice_days", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy")),
        sa.UniqueConstraint("ref", name=op.f("uq_policy_ref")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "dispute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("title_zh", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("ip_type", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("forum_country", sa.String(length=2), nullable=False),
        sa.Column("forum", sa.Text(), nullable=False),
        sa.Column("case_number", sa.String(length=100), nullable=False),
        sa.Column("opposing_party", sa.Text(), nullable=False),
        sa.Column("ip_rights", sa.JSON(), nullable=False),
        sa.Column("accused_products", sa.JSON(), nullable=False),
        sa.Column("first_asserted_on", sa.Date(), nullable=False),
        sa.Column("infringement_began_on", sa.Date(), nullable=True),
        sa.Column("known_before_inception", sa.Boolean(), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["policy.id"], name=op.f("fk_dispute_policy_id_policy"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute")),
        sa.UniqueConstraint("ref", name=op.f("uq_dispute_ref")),
    )
    op.create_table(
        "policy_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("covered", sa.Boolean(), nullable=False),
        sa.Column("requires_consent", sa.Boolean(), nullable=False),
        sa.Column("sub_limit", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["policy.id"], name=op.f("fk_policy_category_policy_id_policy"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_category")),
        sa.UniqueConstraint("policy_id", "category", name=op.f("uq_policy_category_policy_id")),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("supplementary_to_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("rejection_reason", sa.Text(), nullable=False),
        sa.Column("assessment", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_claim_dispute_id_dispute"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["supplementary_to_id"], ["claim.id"], name=op.f("fk_claim_supplementary_to_id_claim")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
        sa.UniqueConstraint("ref", name=op.f("uq_claim_ref")),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_dispute_id"), ["dispute_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("letter_ref", sa.String(length=100), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("cap", sa.BigInteger(), nullable=True),
        sa.Column("scope_zh", sa.Text(), nullable=False),
        sa.Column("scope_en", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_consent_dispute_id_dispute"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("ref", name=op.f("uq_consent_ref")),
    )
    op.create_table(
        "ledes_invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("law_firm_id", sa.String(length=100), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"],
            ["dispute.id"],
            name=op.f("fk_ledes_invoice_dispute_id_dispute"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledes_invoice")),
        sa.UniqueConstraint("law_firm_id", "invoice_number", name=op.f("uq_ledes_invoice_law_firm_id")),
    )
    op.create_table(
        "expense",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("payee", sa.Text(), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("description_zh", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("incurred_by_insured_staff", sa.Boolean(), nullable=False),
        sa.Column("rate_override", sa.BigInteger(), nullable=True),
        sa.Column("rate_override_per", sa.Integer(), nullable=True),
        sa.Column("rate_override_note", sa.Text(), nullable=False),
        sa.Column("utbms_code", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("ledes_invoice_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_expense_dispute_id_dispute"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["ledes_invoice_id"],
            ["ledes_invoice.id"],
            name=op.f("fk_expense_ledes_invoice_id_ledes_invoice"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expense")),
        sa.UniqueConstraint("ref", name=op.f("uq_expense_ref")),
    )
    with op.batch_alter_table("expense", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expense_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_expense_dispute_id"), ["dispute_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_expense_paid_on"), ["paid_on"], unique=False)

    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_payment_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("expense_id", sa.Integer(), nullable=True),
        sa.Column("dispute_id", sa.Integer(), nullable=True),
        sa.Column("consent_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["consent.id"], name=op.f("fk_attachment_consent_id_consent"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_attachment_dispute_id_dispute"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["expense_id"], ["expense.id"], name=op.f("fk_attachment_expense_id_expense"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["blob.sha256"], name=op.f("fk_attachment_sha256_blob"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_consent_id"), ["consent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_dispute_id"), ["dispute_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_expense_id"), ["expense_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)

    op.create_table(
        "claim_expense",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("expense_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_claim_expense_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["expense_id"],
            ["expense.id"],
            name=op.f("fk_claim_expense_expense_id_expense"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_expense")),
        sa.UniqueConstraint("claim_id", "expense_id", name=op.f("uq_claim_expense_claim_id")),
    )
    with op.batch_alter_table("claim_expense", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_expense_expense_id"), ["expense_id"], unique=False)

    op.create_table(
        "claim_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("expense_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("expense_ref", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=True),
        sa.Column("rate_per", sa.Integer(), nullable=False),
        sa.Column("rate_date", sa.Date(), nullable=True),
        sa.Column("rate_source", sa.Text(), nullable=False),
        sa.Column("rate_overridden", sa.Boolean(), nullable=False),
        sa.Column("cny", sa.BigInteger(), nullable=True),
        sa.Column("covered_cny", sa.BigInteger(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("payee", sa.Text(), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("description_zh", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("attachment_hashes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_claim_line_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["expense_id"], ["expense.id"], name=op.f("fk_claim_line_expense_id_expense"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_line")),
        sa.UniqueConstraint("claim_id", "expense_ref", name=op.f("uq_claim_line_claim_id")),
    )
    op.create_table(
        "insurer_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_line_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("approved_cny", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_line_id"],
            ["claim_line.id"],
            name=op.f("fk_insurer_decision_claim_line_id_claim_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurer_decision")),
        sa.UniqueConstraint("claim_line_id", name=op.f("uq_insurer_decision_claim_line_id")),
    )


def downgrade() -> None:

    op.drop_table("insurer_decision")
    op.drop_table("claim_line")
    with op.batch_alter_table("claim_expense", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_expense_expense_id"))

    op.drop_table("claim_expense")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachment_expense_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_dispute_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_consent_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_claim_id"))

    op.drop_table("payment")
    with op.batch_alter_table("expense", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expense_paid_on"))
        batch_op.drop_index(batch_op.f("ix_expense_dispute_id"))
        batch_op.drop_index(batch_op.f("ix_expense_category"))

    op.drop_table("expense")
    op.drop_table("ledes_invoice")
    op.drop_table("consent")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_dispute_id"))

    op.drop_table("claim")
    op.drop_table("policy_category")
    op.drop_table("dispute")
    op.drop_table("setting")
    op.drop_table("policy")
    with op.batch_alter_table("fx_rate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fx_rate_on_date"))

    op.drop_table("fx_rate")
    op.drop_table("company")
    op.drop_table("blob")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_ref"))
        batch_op.drop_index(batch_op.f("ix_audit_event_entity"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
