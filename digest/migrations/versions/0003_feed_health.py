"""Feed health: consecutive failures, when the failing began, when the feed is next due, and
the last warning (a poll that worked but found something odd, such as a wrong charset).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)
COLUMNS = ("failures", "failing_since", "next_poll", "last_warning")


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("failures", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("failing_since", UTC_TIME))
        batch.add_column(sa.Column("next_poll", UTC_TIME))
        batch.add_column(sa.Column("last_warning", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
