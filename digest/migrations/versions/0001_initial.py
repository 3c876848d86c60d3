"""The first schema: feeds, articles and the feeds that carried them, stories, editors' edits.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("province", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("gone", sa.Boolean, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_polled", UTC_TIME),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_success", UTC_TIME),
        sa.Column("last_error", sa.Text),
        sa.Column("moved_to", sa.Text),
        sa.Column("added", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feeds"),
        sa.UniqueConstraint("url", name="uq_feeds_url"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("guid_key", sa.Text),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", UTC_TIME),
        sa.Column("first_seen", UTC_TIME, nullable=False),
        sa.Column("feed_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("key", name="uq_articles_key"),
        sa.UniqueConstraint("guid_key", name="uq_articles_guid_key"),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name="fk_articles_feed_id_feeds"),
    )
    op.create_index("ix_articles_feed_id", "articles", ["feed_id"])
    op.create_table(
        "article_feeds",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("feed_id", sa.Integer, nullable=False),
        sa.Column("guid", sa.Text),
        sa.Column("first_seen", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "feed_id", name="pk_article_feeds"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_article_feeds_article_id_articles"),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], ondelete="CASCADE",
                                name="fk_article_feeds_feed_id_feeds"),
    )
    op.create_index("ix_article_feeds_feed_id", "article_feeds", ["feed_id"])
    op.create_table(
        "stories",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("created", UTC_TIME, nullable=False),
        sa.Column("updated", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_articles"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_story_articles_article_id_articles"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE",
                                name="fk_story_articles_story_id_stories"),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
    op.create_table(
        "story_edits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("story_id", sa.Text, nullable=False),
        sa.Column("other_story_id", sa.Text),
        sa.Column("article_id", sa.Integer),
        sa.Column("created", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_story_edits"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_story_edits_article_id_articles"),
    )


def downgrade() -> None:
    for table in ("story_edits", "story_articles", "stories", "article_feeds", "articles",
                  "feeds"):
        op.drop_table(table)
