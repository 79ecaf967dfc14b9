"""company.legal_representative (法定代表人) and expense.service_date (LEDES LINE_ITEM_DATE)

Revision ID: 0003_docs3
Revises: 0002_safety
Create Date: 2026-11-26 03:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_docs3"
down_revision = "0002_safety"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("legal_representative", sa.String(length=100), nullable=False, server_default=""))
    with op.batch_alter_table("expense") as batch:
        batch.add_column(sa.Column("service_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("expense") as batch:
        batch.drop_column("service_date")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("legal_representative")
