"""The store: feeds, articles, stories and editors' edits, in SQLite or PostgreSQL.

SQLAlchemy Core with one code path for both databases: no dialect-specific SQL outside
`open_store`. The schema is owned by the Alembic migrations in `digest/migrations/versions`;
`open_store` upgrades an existing store to the newest revision and never rebuilds it.
The tables below mirror what the migrations build (a test compares the two).

An article is stored once, keyed by its canonical URL (`canonical_url`); the feeds that carried it
are rows of `article_feeds`. All datetimes go in and come out timezone-aware in UTC.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, unquote_plus, urlsplit

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Integer, LargeBinary,
                        MetaData, Table, Text, Unicode, bindparam, create_engine, delete, event,
                        func, insert, select, update)
from sqlalchemy.engine import URL, Connection, Dialect, Engine, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.types import TypeDecorator

from digest.errors import StoreError
from digest.models import Article, ArticleDraft, FeedHealth, FeedSource, FetchResult, Story

# Our own name, so a PostgreSQL database shared with another Alembic-managed app never mixes up
# the two version tables.
VERSION_TABLE = "digest_alembic_version"
MIGRATIONS = "digest:migrations"
_URL_HINT = ("the store URL in feeds.yaml should look like sqlite:///path/to/digest.db or "
             "postgresql+psycopg://user@host/dbname")

# Query parameters that only say how a reader arrived (Zalo adds zarsrc and gidzl).
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "zarsrc", "gidzl", "ref", "ref_src", "_ga", "_gl", "mkt_tok",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# Longer keys are cut and suffixed with a hash: a PostgreSQL index entry holds ~2,700 bytes.
_MAX_KEY = 600
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


def canonical_url(url: str) -> str:
    """The article key for a URL: the same for every variant of one address.

    http and https are one, the host is lowercased without "www.", ports 80 and 443, the fragment,
    a trailing slash and tracking parameters are dropped, the rest of the query is sorted, and
    percent-escapes are written one way.
    Anything that is not an http(s) URL comes back stripped, unchanged otherwise.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname or any(
                char.isspace() for char in parts.hostname):
            return url  # not a web address: "mailto:", "http:// /"
        # Every "www." ("www.www.x" too): a key must be its own key.
        host = re.sub(r"^(?:www\.)+", "", parts.hostname.rstrip("."))
        host = f"[{host}]" if ":" in host else host
        port = parts.port
    except ValueError:
        return url
    netloc = host if port in (None, *_DEFAULT_PORTS.values()) else f"{host}:{port}"
    if parts.username is not None:
        netloc = parts.netloc.rpartition("@")[0] + "@" + netloc
    query = sorted(_escaped(pair) for pair in parts.query.split("&")
                   if pair and not _is_tracking(pair))
    path = _escaped(parts.path.rstrip("/"))
    return f"https://{netloc}{path}" + ("?" + "&".join(query) if query else "")


def _escaped(text: str) -> str:
    """Raw non-ASCII percent-encoded and escapes upper-cased: "/hội" and "/h%e1%bb%99i" meet."""
    return _ESCAPE.sub(lambda m: m.group().upper(), quote(text, safe="/%:@!$&'()*+,;=-._~?"))


def _is_tracking(pair: str) -> bool:
    name = unquote_plus(pair.partition("=")[0]).lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


@dataclass(frozen=True)
class FeedInfo:
    """A feed as configured in feeds.yaml."""

    url: str
    name: str
    province: str | None = None
    outlet: str | None = None
    enabled: bool = True


@dataclass(frozen=True)
class FeedStatus:
    """One feed's poll state, for `digest feeds status`."""

    url: str
    name: str
    province: str | None
    outlet: str | None
    enabled: bool
    gone: bool
    last_polled: datetime | None
    last_success: datetime | None
    last_status: int | None
    last_error: str | None
    moved_to: str | None
    articles: int
    failures: int = 0
    failing_since: datetime | None = None
    next_poll: datetime | None = None
    last_warning: str | None = None

    @property
    def message(self) -> str:
        """One line on the feed's health, for `digest status`; "" when all is well."""
        if self.gone:
            return (f"gone (HTTP 410 at {self.url}): no longer polled; remove it from "
                    "feeds.yaml")
        parts = []
        if self.last_error:
            times = "once" if self.failures <= 1 else f"{self.failures} polls in a row"
            parts.append(f"failing ({times}): {self.last_error}")
        if self.moved_to:
            parts.append(f"moved permanently to {self.moved_to}: update feeds.yaml")
        if self.last_warning and not self.last_error:
            parts.append(f"warning: {self.last_warning}")
        return "; ".join(parts)


EditKind = Literal["merge", "split"]


@dataclass(frozen=True)
class StoryEdit:
    """An editor's decision: merge other_story_id into story_id, or split article_id out of it."""

    id: int
    kind: EditKind
    story_id: str
    other_story_id: str | None
    article_id: str | None
    created: datetime


@dataclass(frozen=True)
class RunStory:
    """One story as a digest run holds it: the articles it had then, and whether it is an update."""

    story_id: str
    title: str
    article_ids: tuple[str, ...]
    updated: bool = False


RunOutcome = Literal["pending", "delivered", "skipped"]


@dataclass(frozen=True)
class DigestRun:
    """One digest made for one period; `pending` until every target has it."""

    id: int
    digest: str
    scheduled: bool
    period_start: datetime
    period_end: datetime
    title: str
    stem: str
    stories: tuple[RunStory, ...]
    new_stories: int
    updated_stories: int
    outcome: RunOutcome
    created: datetime
    finished: datetime | None


DeliveryOutcome = Literal["started", "sent", "failed"]


@dataclass(frozen=True)
class Delivery:
    """One attempt to deliver a run to one target ("files", "atom", "email")."""

    id: int
    run_id: int
    digest: str
    target: str
    attempt: int
    outcome: DeliveryOutcome
    detail: str | None
    started: datetime
    finished: datetime | None


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on both databases.

    SQLite keeps no time zone, so it gets naive UTC and reads are marked UTC again. A naive
    datetime handed in is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = _as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _as_utc(value)


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

feeds = Table(
    "feeds", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("province", Text),
    Column("outlet", Text),
    Column("enabled", Boolean, nullable=False),
    Column("gone", Boolean, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", UTCDateTime),
    Column("last_status", Integer),
    Column("last_success", UTCDateTime),
    Column("last_error", Text),
    Column("moved_to", Text),
    Column("added", UTCDateTime, nullable=False),
    # Feed health (revision 0003): polls failed in a row and since when, when the feed is next
    # due (backoff, Retry-After, Cache-Control, <ttl>), and the last warning of a working poll.
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("failing_since", UTCDateTime),
    Column("next_poll", UTCDateTime),
    Column("last_warning", Text),
)

# key: canonical URL. guid_key: the GUID canonicalised if it is a URL, else "guid:HOST:GUID"
# so that two sites' numeric GUIDs never meet.
articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("guid_key", Text, unique=True),
    Column("url", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("published", UTCDateTime),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("feed_id", Integer, ForeignKey("feeds.id"), nullable=False, index=True),
)

article_feeds = Table(
    "article_feeds", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True,
           index=True),
    Column("guid", Text),
    Column("first_seen", UTCDateTime, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("event_date", Date),
    Column("summary", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("created", UTCDateTime, nullable=False),
    Column("updated", UTCDateTime, nullable=False),
)

story_articles = Table(
    "story_articles", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False,
           index=True),
)

# Story ids here are plain text, not foreign keys: an edit outlives the stories it named.
story_edits = Table(
    "story_edits", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("other_story_id", Text),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE")),
    Column("created", UTCDateTime, nullable=False),
)

# One digest made for one period. `stories` is the JSON snapshot of what it holds, so a run
# resumed after a crash sends exactly what it would have sent. outcome: pending (targets left to
# deliver), delivered, skipped (fewer stories than min_stories).
digest_runs = Table(
    "digest_runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", Text, nullable=False, index=True),
    Column("scheduled", Boolean, nullable=False),
    Column("period_start", UTCDateTime, nullable=False),
    Column("period_end", UTCDateTime, nullable=False),
    Column("title", Text, nullable=False),
    Column("stem", Text, nullable=False),
    Column("stories", Text, nullable=False),
    Column("new_stories", Integer, nullable=False),
    Column("updated_stories", Integer, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("created", UTCDateTime, nullable=False),
    Column("finished", UTCDateTime),
)

# Every attempt to deliver a run to one target. outcome: started (and not known to be done:
# the process died in between), sent, failed.
deliveries = Table(
    "deliveries", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("digest_runs.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("target", Text, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("detail", Text),
    Column("started", UTCDateTime, nullable=False),
    Column("finished", UTCDateTime),
)

# The articles each story had when a digest last included it: more now means "updated".
story_sends = Table(
    "story_sends", metadata,
    Column("digest", Text, primary_key=True),
    Column("story_id", Text, primary_key=True),
    Column("run_id", Integer, ForeignKey("digest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("article_ids", Text, nullable=False),
)

# APScheduler's job store (digest.schedule), declared so the migrations own it; the scheduler
# reads and writes it, the store only reads next run times for `digest status`.
scheduler_jobs = Table(
    "digest_scheduler_jobs", metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)


def open_store(url: str) -> Store:
    """Open the store at a SQLAlchemy URL, creating it or upgrading its schema to this version."""
    shown = safe_url(url)
    try:
        engine = _create_engine(make_url(url))
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open the store {shown}: {_reason(exc)}; {_URL_HINT}") from exc
    try:
        _migrate(engine, shown)
    except (SQLAlchemyError, CommandError) as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store {shown}: {_reason(exc)}") from exc
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, shown)


def safe_url(url: str) -> str:
    """The URL as it may be shown: password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return re.sub(r"(//[^:/@]*):[^@/]*@", r"\1:***@", url)


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    if url.get_backend_name() != "sqlite":
        raise StoreError(f"cannot open the store {url.render_as_string()}: digest stores in "
                         f"SQLite or PostgreSQL; {_URL_HINT}")
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        folder = Path(url.database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder {folder} for the store: "
                             f"{exc.strerror or exc}") from exc
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL lets a digest be rendered while a poll writes; SQLite leaves foreign keys off."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _migrate(engine: Engine, shown: str) -> None:
    """Upgrade the schema to the newest revision, refusing a store written by a newer digest.

    On SQLite, foreign keys are off while migrating: Alembic's batch mode copies tables, and
    dropping the old copy would otherwise cascade-delete rows that point at it.
    """
    config = AlembicConfig()
    config.set_main_option("script_location", MIGRATIONS)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        else:  # two processes opening a new PostgreSQL store at once must not both build it
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        _refuse_newer(conn, ScriptDirectory.from_config(config), shown)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def _refuse_newer(conn: Connection, script: ScriptDirectory, shown: str) -> None:
    current = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
    known = {revision.revision for revision in script.walk_revisions()}
    unknown = [rev for rev in current.get_current_heads() if rev not in known]
    if unknown:
        raise StoreError(f"the store {shown} was written by a newer version of digest (schema "
                         f"revision {unknown[0]}); upgrade digest to use it")


def _reason(exc: BaseException) -> str:
    """The first line of what the database driver said, without SQLAlchemy's boilerplate."""
    cause = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """An open store. Every method runs in its own transaction; errors raise StoreError."""

    def __init__(self, engine: Engine, shown_url: str) -> None:
        self.engine = engine
        self.url = shown_url  # password hidden: this one goes into messages

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except IntegrityError as exc:
            raise StoreError(f"store {self.url}: a write was refused ({_reason(exc)}); if another "
                             "digest process is using this store at the same time, run again"
                             ) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"store {self.url}: {_reason(exc)}") from exc

    # Feeds -------------------------------------------------------------------------------

    def sync_feeds(self, configured: Sequence[FeedInfo]) -> None:
        """Make the feeds table match the configuration, keeping every feed's poll state.

        A feed no longer configured is disabled, not deleted: its articles still name it.
        """
        with self._begin() as conn:
            stored = set(conn.execute(select(feeds.c.url)).scalars())
            conn.execute(update(feeds).values(enabled=False))
            for feed in configured:
                values = {"name": feed.name, "province": feed.province, "outlet": feed.outlet,
                          "enabled": feed.enabled}
                if feed.url in stored:
                    conn.execute(update(feeds).where(feeds.c.url == feed.url).values(values))
                else:
                    conn.execute(insert(feeds).values(url=feed.url, gone=False, added=_now(),
                                                      **values))

    def feed_sources(self, due: datetime | None = None) -> list[FeedSource]:
        """The feeds to poll: enabled and not gone (HTTP 410), with what they last answered.

        With `due`, only the feeds whose next poll time has come by then. A feed that moved
        permanently carries its new address in `moved_to`, where the fetcher polls it.
        """
        query = (select(feeds.c.url, feeds.c.name, feeds.c.etag, feeds.c.last_modified,
                        feeds.c.moved_to, feeds.c.failures)
                 .where(feeds.c.enabled.is_(True), feeds.c.gone.is_(False)).order_by(feeds.c.id))
        if due is not None:
            query = query.where((feeds.c.next_poll.is_(None)) | (feeds.c.next_poll <= due))
        with self._begin() as conn:
            return [FeedSource(url=r.url, name=r.name, etag=r.etag,
                               last_modified=r.last_modified, failures=r.failures,
                               moved_to=r.moved_to)
                    for r in conn.execute(query)]

    def feed_status(self) -> list[FeedStatus]:
        """Every feed's poll state and how many stored articles it carried."""
        count = (select(func.count()).select_from(article_feeds)
                 .where(article_feeds.c.feed_id == feeds.c.id).scalar_subquery())
        query = select(feeds, count.label("articles")).order_by(feeds.c.name, feeds.c.url)
        with self._begin() as conn:
            return [FeedStatus(
                url=r.url, name=r.name, province=r.province, outlet=r.outlet,
                enabled=r.enabled, gone=r.gone, last_polled=r.last_polled,
                last_success=r.last_success, last_status=r.last_status, last_error=r.last_error,
                moved_to=r.moved_to, articles=r.articles, failures=r.failures,
                failing_since=r.failing_since, next_poll=r.next_poll,
                last_warning=r.last_warning) for r in conn.execute(query)]

    # Polls and articles ------------------------------------------------------------------

    def save_poll(self, result: FetchResult, drafts: Sequence[ArticleDraft],
                  next_poll: datetime | None = None) -> list[str]:
        """Record one poll of a feed and store its new articles, in one transaction.

        Returns the ids of the articles stored for the first time. An article already stored
        (same canonical URL, else same GUID) is only linked to this feed. `next_poll` is when
        the feed is due again (None: at the next poll).
        """
        now = _now()
        with self._begin() as conn:
            feed_id = self._feed_id(conn, result.feed_url)
            health = _health_values(conn, feed_id, result, now)
            conn.execute(update(feeds).where(feeds.c.id == feed_id)
                         .values(_poll_values(result, now) | health | {"next_poll": next_poll}))
            shared = _shared_guids(drafts, result.feed_url)
            new_ids = _save_drafts(conn, feed_id, result.feed_url, drafts, shared, now)
        return [str(article_id) for article_id in new_ids]

    def _feed_id(self, conn: Connection, url: str) -> int:
        for column in (feeds.c.url, feeds.c.moved_to):
            found = conn.execute(select(feeds.c.id).where(column == url).limit(1)).scalar()
            if found is not None:
                return int(found)
        raise StoreError(f"store {self.url}: no feed {url}; sync the configured feeds first")

    def articles(self, since: datetime | None = None, until: datetime | None = None,
                 provinces: Sequence[str] | None = None,
                 ids: Sequence[str] | None = None) -> list[Article]:
        """Articles dated in [since, until), oldest first, with their outlet.

        An article is dated by its publication time, or when first seen if it has none. Empty
        `provinces` means every province; empty `ids` (or ids that are not numbers) match no
        article.
        """
        when = _dated()
        query = (select(articles, feeds.c.name.label("source"), feeds.c.outlet,
                        feeds.c.province, when.label("dated"))
                 .join(feeds, articles.c.feed_id == feeds.c.id))
        if since is not None:
            query = query.where(when >= since)
        if until is not None:
            query = query.where(when < until)
        if provinces:
            query = query.where(feeds.c.province.in_(list(provinces)))
        numbers = None if ids is None else [int(i) for i in ids if str(i).isdigit()]
        with self._begin() as conn:
            rows = _select_in(conn, query, articles.c.id, numbers)
        rows.sort(key=lambda row: (row.dated, row.id))
        return [Article(id=str(r.id), title=r.title, text=r.text, published=r.published,
                        url=r.url, source=r.source, outlet=r.outlet, province=r.province)
                for r in rows]

    def newest_article_time(self) -> datetime | None:
        """When the newest article is dated, but never later than now (feeds misdate)."""
        with self._begin() as conn:
            newest = conn.execute(select(func.max(_dated()))).scalar()
        return None if newest is None else min(newest, _now())

    # Stories -----------------------------------------------------------------------------

    def story_map(self) -> dict[str, str]:
        """Article id -> id of the story it belongs to."""
        with self._begin() as conn:
            return {str(row.article_id): row.story_id
                    for row in conn.execute(select(story_articles))}

    def articles_without_story(self) -> list[Article]:
        """Articles that no story holds yet (new ones, or old ones a new feed brought)."""
        query = (select(articles.c.id)
                 .where(articles.c.id.not_in(select(story_articles.c.article_id))))
        with self._begin() as conn:
            ids = [str(found) for found in conn.execute(query).scalars()]
        return self.articles(ids=ids) if ids else []

    def has_articles_without_story(self) -> bool:
        """Whether some article waits for a story: a poll killed between storing its articles
        and grouping them leaves such articles behind."""
        query = select(articles.c.id).where(
            articles.c.id.not_in(select(story_articles.c.article_id))).limit(1)
        with self._begin() as conn:
            return conn.execute(query).first() is not None

    def save_stories(self, new: Sequence[Story]) -> None:
        """Upsert stories and move their articles into them.

        `updated` changes only for stories whose set of articles changed (including a story
        that lost articles to another); a story left with no article is deleted.
        """
        wanted = _assignments(new)
        now = _now()
        with self._begin() as conn:
            self._check_articles(conn, wanted)
            current = {row.article_id: row.story_id for row in
                       _select_in(conn, select(story_articles), story_articles.c.article_id,
                                  list(wanted))}
            touched = {story.id for story in new} | set(current.values())
            before = _members(conn, touched)
            after = _moved(before, current, wanted)
            _upsert_stories(conn, new, now)
            _assign(conn, current, wanted)
            changed = [story for story in touched if before.get(story) != after.get(story)]
            empty = [story for story in touched if not after.get(story)]
            _execute_in(conn, update(stories).values(updated=now), stories.c.id, changed)
            _execute_in(conn, delete(stories), stories.c.id, empty)

    def _check_articles(self, conn: Connection, wanted: dict[int, str]) -> None:
        found = {row.id for row in
                 _select_in(conn, select(articles.c.id), articles.c.id, list(wanted))}
        missing = sorted(set(wanted) - found)
        if missing:
            raise StoreError(f"store {self.url}: stories name articles that are not stored: "
                             f"{', '.join(map(str, missing[:10]))}")

    def stories(self, ids: Sequence[str] | None = None) -> list[Story]:
        """Stored stories (all, or those with the given ids), oldest first."""
        with self._begin() as conn:
            rows = _select_in(conn, select(stories), stories.c.id,
                              None if ids is None else list(ids))
            members = _members(conn, {row.id for row in rows})
        rows.sort(key=lambda row: (row.created, row.id))
        return [Story(id=r.id, article_ids=tuple(str(a) for a in sorted(members.get(r.id, ()))),
                      title=r.title, event_date=r.event_date, summary=r.summary,
                      why=tuple(json.loads(r.why))) for r in rows]

    def stories_with_articles_between(self, since: datetime, until: datetime) -> list[Story]:
        """Stories with at least one article dated in [since, until)."""
        when = _dated()
        query = (select(story_articles.c.story_id).distinct()
                 .join(articles, articles.c.id == story_articles.c.article_id)
                 .where(when >= since, when < until))
        with self._begin() as conn:
            ids = list(conn.execute(query).scalars())
        return self.stories(ids)

    # Editors' decisions ------------------------------------------------------------------

    def record_merge(self, story_a: str, story_b: str) -> None:
        """Record that story_b belongs in story_a; grouping applies it on its next run."""
        if story_a == story_b:
            raise StoreError(f"cannot merge story {story_a} with itself")
        with self._begin() as conn:
            for story in (story_a, story_b):
                if conn.execute(select(stories.c.id).where(stories.c.id == story)).first() is None:
                    raise StoreError(f"no story {story} in the store {self.url}")
            conn.execute(insert(story_edits).values(kind="merge", story_id=story_a,
                                                    other_story_id=story_b, created=_now()))

    def record_split(self, story: str, article: str) -> None:
        """Record that an article does not belong with the rest of its story."""
        with self._begin() as conn:
            query = select(story_articles.c.story_id).where(
                story_articles.c.article_id == _int_id(article))
            if conn.execute(query).scalar() != story:
                raise StoreError(f"article {article} is not in story {story}")
            conn.execute(insert(story_edits).values(kind="split", story_id=story,
                                                    article_id=int(article), created=_now()))

    def edits(self) -> list[StoryEdit]:
        """Every recorded edit, in the order it was made."""
        with self._begin() as conn:
            rows = conn.execute(select(story_edits).order_by(story_edits.c.id))
            return [StoryEdit(id=r.id, kind=r.kind, story_id=r.story_id,
                              other_story_id=r.other_story_id,
                              article_id=None if r.article_id is None else str(r.article_id),
                              created=r.created) for r in rows]

    # Digest runs and deliveries ----------------------------------------------------------

    def stories_first_seen_between(self, since: datetime, until: datetime,
                                   dated_after: datetime) -> list[Story]:
        """Stories with an article first stored in [since, until) and dated after `dated_after`.

        Going by when an article was stored, not when it says it was published, is what leaves
        no gap between two digests: an article published at 06:50 and polled at 07:10 is in the
        digest after the 07:00 one. `dated_after` keeps out old articles a new feed brings.
        """
        query = (select(story_articles.c.story_id).distinct()
                 .join(articles, articles.c.id == story_articles.c.article_id)
                 .where(articles.c.first_seen >= since, articles.c.first_seen < until,
                        _dated() >= dated_after))
        with self._begin() as conn:
            ids = list(conn.execute(query).scalars())
        return self.stories(ids)

    def story_sends(self, digest: str, story_ids: Sequence[str]) -> dict[str, frozenset[str]]:
        """Story id -> the article ids it had when this digest last included it."""
        query = select(story_sends).where(story_sends.c.digest == digest)
        with self._begin() as conn:
            rows = _select_in(conn, query, story_sends.c.story_id, list(story_ids))
        return {row.story_id: frozenset(json.loads(row.article_ids)) for row in rows}

    def last_period_end(self, digest: str) -> datetime | None:
        """Where the last scheduled run of a digest that is (or will be) delivered ended."""
        query = select(func.max(digest_runs.c.period_end)).where(
            digest_runs.c.digest == digest, digest_runs.c.scheduled.is_(True),
            digest_runs.c.outcome.in_(["pending", "delivered"]))
        with self._begin() as conn:
            return conn.execute(query).scalar()

    def run_stems(self, digest: str) -> set[str]:
        with self._begin() as conn:
            return set(conn.execute(select(digest_runs.c.stem)
                                    .where(digest_runs.c.digest == digest)).scalars())

    def create_run(self, digest: str, scheduled: bool, period_start: datetime,
                   period_end: datetime, title: str, stem: str, run_stories: Sequence[RunStory],
                   send: bool) -> DigestRun:
        """Record a run: pending when `send`, else skipped.

        A pending scheduled run also records, in the same transaction, what each story looked
        like, so the next run knows which stories are updates.
        """
        now = _now()
        snapshot = json.dumps([{"story_id": s.story_id, "title": s.title,
                                "article_ids": list(s.article_ids), "updated": s.updated}
                               for s in run_stories], ensure_ascii=False)
        updated = sum(story.updated for story in run_stories)
        with self._begin() as conn:
            run_id = int(conn.execute(insert(digest_runs).values(
                digest=digest, scheduled=scheduled, period_start=period_start,
                period_end=period_end, title=title, stem=stem, stories=snapshot,
                new_stories=len(run_stories) - updated, updated_stories=updated,
                outcome="pending" if send else "skipped", created=now,
                finished=None if send else now).returning(digest_runs.c.id)).scalar_one())
            if send and scheduled:
                _record_sends(conn, digest, run_id, run_stories)
        return self.run(run_id)

    def run(self, run_id: int) -> DigestRun:
        with self._begin() as conn:
            row = conn.execute(select(digest_runs).where(digest_runs.c.id == run_id)).first()
        if row is None:
            raise StoreError(f"store {self.url}: no digest run {run_id}")
        return _run(row)

    def runs(self, digest: str | None = None, outcomes: Sequence[str] | None = None,
             limit: int | None = None) -> list[DigestRun]:
        """Runs, newest first."""
        query = select(digest_runs).order_by(digest_runs.c.period_end.desc(),
                                             digest_runs.c.id.desc())
        if digest is not None:
            query = query.where(digest_runs.c.digest == digest)
        if outcomes is not None:
            query = query.where(digest_runs.c.outcome.in_(list(outcomes)))
        with self._begin() as conn:
            return [_run(row) for row in conn.execute(query.limit(limit))]

    def finish_run(self, run_id: int) -> None:
        with self._begin() as conn:
            conn.execute(update(digest_runs).where(digest_runs.c.id == run_id)
                         .values(outcome="delivered", finished=_now()))

    def start_delivery(self, run_id: int, target: str) -> int:
        """Record that an attempt begins, before it is made: a crash leaves it "started"."""
        with self._begin() as conn:
            attempts = conn.execute(select(func.count()).select_from(deliveries).where(
                deliveries.c.run_id == run_id, deliveries.c.target == target)).scalar_one()
            return int(conn.execute(insert(deliveries).values(
                run_id=run_id, target=target, attempt=attempts + 1, outcome="started",
                started=_now()).returning(deliveries.c.id)).scalar_one())

    def finish_delivery(self, delivery_id: int, outcome: DeliveryOutcome,
                        detail: str | None = None) -> None:
        with self._begin() as conn:
            conn.execute(update(deliveries).where(deliveries.c.id == delivery_id)
                         .values(outcome=outcome, detail=detail, finished=_now()))

    def sent_targets(self, run_id: int) -> set[str]:
        query = select(deliveries.c.target).where(deliveries.c.run_id == run_id,
                                                  deliveries.c.outcome == "sent")
        with self._begin() as conn:
            return set(conn.execute(query).scalars())

    def deliveries(self, digest: str | None = None) -> list[Delivery]:
        """Every delivery attempt, oldest first."""
        query = (select(deliveries, digest_runs.c.digest)
                 .join(digest_runs, digest_runs.c.id == deliveries.c.run_id)
                 .order_by(deliveries.c.id))
        if digest is not None:
            query = query.where(digest_runs.c.digest == digest)
        with self._begin() as conn:
            return [Delivery(id=r.id, run_id=r.run_id, digest=r.digest, target=r.target,
                             attempt=r.attempt, outcome=r.outcome, detail=r.detail,
                             started=r.started, finished=r.finished)
                    for r in conn.execute(query)]

    def next_run_times(self) -> dict[str, datetime | None]:
        """Scheduler job id -> when it runs next, as the scheduler last wrote it."""
        with self._begin() as conn:
            return {row.id: None if row.next_run_time is None
                    else datetime.fromtimestamp(row.next_run_time, timezone.utc)
                    for row in conn.execute(select(scheduler_jobs.c.id,
                                                   scheduler_jobs.c.next_run_time))}

    def feed_health(self, now: datetime, silent_after: timedelta) -> list[FeedHealth]:
        """The enabled feeds that need a look: failed, gone, moved, or silent for too long."""
        newest = (select(func.max(article_feeds.c.first_seen))
                  .where(article_feeds.c.feed_id == feeds.c.id).scalar_subquery())
        query = (select(feeds, newest.label("newest")).where(feeds.c.enabled.is_(True))
                 .order_by(feeds.c.name, feeds.c.url))
        with self._begin() as conn:
            rows = list(conn.execute(query))
        found = []
        for row in rows:
            problem = _feed_problem(row, now, silent_after)
            if problem is not None:
                found.append(problem)
        return found


def _poll_values(result: FetchResult, now: datetime) -> dict[str, Any]:
    """The feed columns a poll sets. A failure keeps the validators of the last success."""
    values: dict[str, Any] = {"last_polled": now, "last_status": result.status,
                              "gone": result.status == 410}
    if result.new_url:
        values["moved_to"] = result.new_url
    if not result.ok:
        return values | {"last_error": result.error}
    values |= {"last_success": now, "last_error": None}
    if not result.not_modified:
        return values | {"etag": result.etag, "last_modified": result.last_modified}
    # A 304 need not repeat the validators; keep the stored ones unless it sent new ones.
    fresh = {"etag": result.etag, "last_modified": result.last_modified}
    return values | {name: value for name, value in fresh.items() if value}


def _record_sends(conn: Connection, digest: str, run_id: int,
                  run_stories: Sequence[RunStory]) -> None:
    ids = [story.story_id for story in run_stories]
    _execute_in(conn, delete(story_sends).where(story_sends.c.digest == digest),
                story_sends.c.story_id, ids)
    if run_stories:
        conn.execute(insert(story_sends), [
            {"digest": digest, "story_id": story.story_id, "run_id": run_id,
             "article_ids": json.dumps(list(story.article_ids))} for story in run_stories])


def _run(row: Any) -> DigestRun:
    return DigestRun(
        id=row.id, digest=row.digest, scheduled=row.scheduled, period_start=row.period_start,
        period_end=row.period_end, title=row.title, stem=row.stem,
        stories=tuple(RunStory(story_id=item["story_id"], title=item["title"],
                               article_ids=tuple(item["article_ids"]), updated=item["updated"])
                      for item in json.loads(row.stories)),
        new_stories=row.new_stories, updated_stories=row.updated_stories, outcome=row.outcome,
        created=row.created, finished=row.finished)


def _feed_problem(row: Any, now: datetime, silent_after: timedelta) -> FeedHealth | None:
    """What is wrong with one feed, the worst first; None when nothing is."""
    if row.gone:
        return FeedHealth(row.name, row.url, "gone", f"HTTP {row.last_status}", row.last_polled)
    if row.last_error:
        return FeedHealth(row.name, row.url, "failed", row.last_error, row.last_success)
    if row.moved_to:
        return FeedHealth(row.name, row.url, "moved", row.moved_to)
    heard = row.newest or row.added
    if row.last_success is not None and heard is not None and now - heard > silent_after:
        return FeedHealth(row.name, row.url, "silent", "", row.newest)
    return None


def _health_values(conn: Connection, feed_id: int, result: FetchResult,
                   now: datetime) -> dict[str, Any]:
    """Failures in a row and since when: a success clears both, a failure counts on."""
    if result.ok:
        return {"failures": 0, "failing_since": None, "last_warning": result.warning}
    row = conn.execute(select(feeds.c.failures, feeds.c.failing_since)
                       .where(feeds.c.id == feed_id)).one()
    return {"failures": row.failures + 1, "failing_since": row.failing_since or now}


def _shared_guids(drafts: Sequence[ArticleDraft], feed_url: str) -> set[str | None]:
    """GUIDs that one poll gives to different URLs: such a feed's GUIDs identify nothing."""
    urls: dict[str | None, set[str]] = {}
    for draft in drafts:
        urls.setdefault(draft.guid, set()).add(canonical_url(draft.url or feed_url))
    return {guid for guid, seen in urls.items() if guid is not None and len(seen) > 1}


def _guid_key(guid: str | None, url: str) -> str | None:
    guid = (guid or "").strip()
    if not guid:
        return None
    if guid.lower().startswith(("http://", "https://")):
        return _fit(canonical_url(guid))
    return _fit(f"guid:{_host_of(canonical_url(url))}:{guid}")


def _host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # "http://[x": no host can be read
        return ""


def _fit(key: str) -> str:
    if len(key) <= _MAX_KEY:
        return key
    return key[:_MAX_KEY - 72] + " sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _save_drafts(conn: Connection, feed_id: int, feed_url: str,
                 drafts: Sequence[ArticleDraft], shared: set[str | None],
                 now: datetime) -> list[int]:
    """Store the drafts not stored yet and link every draft to the feed; the new articles' ids.

    An article is found by its URL key, else its GUID key (either may sit in either column),
    among those stored and those earlier in this poll. A handful of statements per poll, not
    several per draft: a first poll of a thousand feeds stores tens of thousands of articles.
    """
    keyed = [(draft, *_draft_keys(draft, feed_url, draft.guid not in shared)) for draft in drafts]
    by_key, by_guid = _stored_ids(conn, {value for _, key, guid_key in keyed
                                         for value in (key, guid_key) if value})
    new_rows: list[dict[str, Any]] = []
    links: dict[int, str | None] = {}  # article (or -1 - index into new_rows) -> guid
    dated: list[dict[str, Any]] = []
    for draft, key, guid_key in keyed:
        if key is None:
            continue
        found = _first_found(by_key, by_guid, key, guid_key)
        if found is None:
            found = -1 - len(new_rows)
            by_key[key] = found
            if guid_key is not None:
                by_guid[guid_key] = found
            new_rows.append({"key": key, "guid_key": guid_key, "url": draft.url.strip(),
                             "title": draft.title, "text": draft.text,
                             "published": draft.published, "first_seen": now,
                             "feed_id": feed_id})
        elif found >= 0 and draft.published is not None:
            dated.append({"a": found, "p": draft.published})
        links.setdefault(found, draft.guid)
    new_ids = _insert_articles(conn, new_rows)
    if dated:  # a second feed may date what the first did not
        conn.execute(update(articles).where(articles.c.id == bindparam("a"),
                                            articles.c.published.is_(None))
                     .values(published=bindparam("p")), dated)
    _link_all(conn, feed_id, {(new_ids[-1 - a] if a < 0 else a): guid
                              for a, guid in links.items()}, now)
    return new_ids


def _draft_keys(draft: ArticleDraft, feed_url: str,
                trust_guid: bool) -> tuple[str | None, str | None]:
    """(URL key, GUID key); the URL key falls back to the GUID key, and is None with neither."""
    guid_key = _guid_key(draft.guid, draft.url or feed_url) if trust_guid else None
    key = _fit(canonical_url(draft.url)) if draft.url.strip() else guid_key
    return key, guid_key


def _stored_ids(conn: Connection, values: set[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Stored articles whose key, and whose guid_key, is one of `values`."""
    wanted = sorted(values)
    by_key = {row.key: row.id for row in
              _select_in(conn, select(articles.c.id, articles.c.key), articles.c.key, wanted)}
    by_guid = {row.guid_key: row.id for row in
               _select_in(conn, select(articles.c.id, articles.c.guid_key),
                          articles.c.guid_key, wanted)}
    return by_key, by_guid


def _first_found(by_key: dict[str, int], by_guid: dict[str, int], key: str,
                 guid_key: str | None) -> int | None:
    for table, value in ((by_key, key), (by_guid, key), (by_guid, guid_key),
                         (by_key, guid_key)):
        if value is not None and value in table:
            return table[value]
    return None


def _insert_articles(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in one executemany; their ids in the order of `rows`."""
    if not rows:
        return []
    statement = insert(articles).returning(articles.c.id, sort_by_parameter_order=True)
    return [int(article_id) for article_id in conn.execute(statement, rows).scalars()]


def _link_all(conn: Connection, feed_id: int, guids: dict[int, str | None],
              now: datetime) -> None:
    """Link the articles to the feed, those not linked to it yet."""
    linked = {row.article_id for row in
              _select_in(conn, select(article_feeds.c.article_id)
                         .where(article_feeds.c.feed_id == feed_id),
                         article_feeds.c.article_id, sorted(guids))}
    rows = [{"article_id": article, "feed_id": feed_id, "guid": guid, "first_seen": now}
            for article, guid in guids.items() if article not in linked]
    if rows:
        conn.execute(insert(article_feeds), rows)


def _dated() -> ColumnElement[datetime]:
    return func.coalesce(articles.c.published, articles.c.first_seen, type_=UTCDateTime)


def _select_in(conn: Connection, query: Select[Any], column: ColumnElement[Any],
               values: Sequence[Any] | None) -> list[Any]:
    """Run `query`, restricted to column IN values when values are given, a bounded list at a
    time (SQLite and psycopg both cap the number of bound parameters)."""
    if values is None:
        return list(conn.execute(query))
    return [row for start in range(0, len(values), _CHUNK)
            for row in conn.execute(query.where(column.in_(values[start:start + _CHUNK])))]


def _execute_in(conn: Connection, statement: Any, column: ColumnElement[Any],
                values: Sequence[Any]) -> None:
    for start in range(0, len(values), _CHUNK):
        conn.execute(statement.where(column.in_(values[start:start + _CHUNK])))


def _int_id(article: str) -> int:
    if not str(article).isdigit():
        raise StoreError(f"{article!r} is not an article id (article ids are numbers)")
    return int(article)


def _assignments(new: Sequence[Story]) -> dict[int, str]:
    """Article id -> story id from the stories given; an article may be in only one."""
    wanted: dict[int, str] = {}
    for story in new:
        for article in story.article_ids:
            number = _int_id(article)
            if wanted.setdefault(number, story.id) != story.id:
                raise StoreError(f"article {article} is in both story {wanted[number]} and "
                                 f"story {story.id}")
    return wanted


def _members(conn: Connection, story_ids: set[str]) -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for row in _select_in(conn, select(story_articles), story_articles.c.story_id,
                          sorted(story_ids)):
        found.setdefault(row.story_id, set()).add(row.article_id)
    return {story: frozenset(members) for story, members in found.items()}


def _moved(before: dict[str, frozenset[int]], current: dict[int, str],
           wanted: dict[int, str]) -> dict[str, frozenset[int]]:
    """The stories' article sets once the wanted articles have moved in."""
    after = {story: set(members) for story, members in before.items()}
    for article, story in wanted.items():
        if article in current:
            after[current[article]].discard(article)
        after.setdefault(story, set()).add(article)
    return {story: frozenset(members) for story, members in after.items() if members}


def _assign(conn: Connection, current: dict[int, str], wanted: dict[int, str]) -> None:
    """Write only the assignments that change."""
    moved = [{"a": a, "s": s} for a, s in wanted.items() if a in current and current[a] != s]
    added = [{"article_id": a, "story_id": s} for a, s in wanted.items() if a not in current]
    if moved:
        conn.execute(update(story_articles).where(story_articles.c.article_id == bindparam("a"))
                     .values(story_id=bindparam("s")), moved)
    if added:
        conn.execute(insert(story_articles), added)


def _upsert_stories(conn: Connection, new: Sequence[Story], now: datetime) -> None:
    existing = {row.id for row in _select_in(conn, select(stories.c.id), stories.c.id,
                                             [story.id for story in new])}
    for story in new:
        values = {"title": story.title, "event_date": story.event_date, "summary": story.summary,
                  "why": json.dumps(list(story.why), ensure_ascii=False)}
        if story.id in existing:
            conn.execute(update(stories).where(stories.c.id == story.id).values(values))
        else:
            conn.execute(insert(stories).values(id=story.id, created=now, updated=now, **values))
