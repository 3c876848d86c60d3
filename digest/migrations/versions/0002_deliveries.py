"""Scheduled digests: the runs of each digest, every delivery attempt, what each story looked like
when it was last sent, and APScheduler's job table.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "digest_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.Text, nullable=False),
        sa.Column("scheduled", sa.Boolean, nullable=False),
        sa.Column("period_start", UTC_TIME, nullable=False),
        sa.Column("period_end", UTC_TIME, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("stem", sa.Text, nullable=False),
        sa.Column("stories", sa.Text, nullable=False),
        sa.Column("new_stories", sa.Integer, nullable=False),
        sa.Column("updated_stories", sa.Integer, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("created", UTC_TIME, nullable=False),
        sa.Column("finished", UTC_TIME),
        sa.PrimaryKeyConstraint("id", name="pk_digest_runs"),
    )
    op.create_index("ix_digest_runs_digest", "digest_runs", ["digest"])
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("started", UTC_TIME, nullable=False),
        sa.Column("finished", UTC_TIME),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.ForeignKeyConstraint(["run_id"], ["digest_runs.id"], ondelete="CASCADE",
                                name="fk_deliveries_run_id_digest_runs"),
    )
    op.create_index("ix_deliveries_run_id", "deliveries", ["run_id"])
    op.create_table(
        "story_sends",
        sa.Column("digest", sa.Text, nullable=False),
        sa.Column("story_id", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("article_ids", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("digest", "story_id", name="pk_story_sends"),
        sa.ForeignKeyConstraint(["run_id"], ["digest_runs.id"], ondelete="CASCADE",
                                name="fk_story_sends_run_id_digest_runs"),
    )
    # APScheduler 3's SQLAlchemyJobStore table, column for column: built here so that it exists
    # (under open_store's lock) before any scheduler starts, and goes away on downgrade.
    # 191 and Float(25) are APScheduler's own choices.
    op.create_table(
        "digest_scheduler_jobs",
        sa.Column("id", sa.Unicode(191), nullable=False),
        sa.Column("next_run_time", sa.Float(25)),
        sa.Column("job_state", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digest_scheduler_jobs"),
    )
    op.create_index("ix_digest_scheduler_jobs_next_run_time", "digest_scheduler_jobs",
                    ["next_run_time"])


def downgrade() -> None:
    for table in ("digest_scheduler_jobs", "story_sends", "deliveries", "digest_runs"):
        op.drop_table(table)
