"""Plain data passed from one pipeline stage to the next.

config -> fetch -> extract -> store -> group -> figures -> render -> deliver

Every class here is a frozen dataclass: stages hand these on and never mutate them. Datetimes
are timezone-aware (UTC) unless a field says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class FeedSource:
    """What the fetcher needs to know about one feed: where it is and what it last answered."""

    url: str
    name: str
    etag: str | None = None
    last_modified: str | None = None
    # Polls in a row that failed: the fetcher backs off exponentially from the feed's interval.
    failures: int = 0
    # Where a permanent redirect said the feed now lives: polled there, recorded under `url`.
    moved_to: str | None = None


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, as the feed itself carries it (HTML not yet sanitised)."""

    guid: str | None
    url: str | None
    title: str
    summary_html: str
    content_html: str | None
    published: datetime | None


@dataclass(frozen=True)
class FetchResult:
    """The outcome of polling one feed. A failure is data here, never an exception."""

    feed_url: str
    status: int | None
    items: tuple[FeedItem, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    new_url: str | None = None
    error: str | None = None
    # Something odd that did not stop the poll (wrong charset, repeated GUIDs, future dates).
    warning: str | None = None
    # Seconds the server asked us to wait (Retry-After) or said its answer stays fresh
    # (Cache-Control max-age, Expires, RSS <ttl>); the next poll honours them within bounds.
    retry_after: float | None = None
    fresh_for: float | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class ArticleDraft:
    """An article ready to be stored: plain text extracted, page chrome removed."""

    feed_url: str
    url: str
    guid: str | None
    title: str
    text: str
    published: datetime | None


@dataclass(frozen=True)
class Article:
    """A stored article, with the outlet that published it.

    `id` is a string everywhere (the store's integer key, or the id of a JSONL line), so the
    grouping stage works the same on the database and on files.
    """

    id: str
    title: str
    text: str
    published: datetime | None = None
    url: str | None = None
    source: str | None = None
    outlet: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class Story:
    """One real-world meeting or event and the articles that report it."""

    id: str
    article_ids: tuple[str, ...]
    title: str
    event_date: date | None = None
    summary: str = ""
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    titles: tuple[str, ...] = ()
    chair: bool = False


@dataclass(frozen=True)
class Number:
    """A figure as written ("6.378 tỷ đồng") and parsed (6.378e12, "VND").

    A range ("từ 7,7% đến 14,2%") has its high end in `upper`; a part of a whole ("7/24 chỉ
    tiêu") the whole in `total`. `clause` is the text it was read from; `sources` the ids of
    every article that reports it; `disputed` marks figures that other sources give otherwise.
    """

    text: str
    value: float
    unit: str
    measure: str = ""
    article_id: str | None = None
    upper: float | None = None
    total: float | None = None
    clause: str = ""
    sources: tuple[str, ...] = ()
    disputed: bool = False


@dataclass(frozen=True)
class Figures:
    """The key facts of an article or a story."""

    people: tuple[Person, ...] = ()
    numbers: tuple[Number, ...] = ()
    documents: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    event_date: date | None = None


@dataclass(frozen=True)
class StoryView:
    """A story as a digest shows it: the story, its articles and its figures."""

    story: Story
    articles: tuple[Article, ...]
    figures: Figures = field(default_factory=Figures)
    # Sent before in an earlier digest of the same name, with fewer sources than now.
    updated: bool = False


@dataclass(frozen=True)
class FeedHealth:
    """A feed that needs a look, for the block at the end of a digest.

    problem: "failed" (its last poll failed), "silent" (answers but has had nothing new for
    days), "moved" (redirected permanently to `detail`) or "gone" (HTTP 410).
    """

    name: str
    url: str
    problem: str
    detail: str = ""
    since: datetime | None = None


@dataclass(frozen=True)
class DigestView:
    """Everything a template needs to render one digest."""

    title: str
    start: datetime
    end: datetime
    timezone: str
    stories: tuple[StoryView, ...]
    generated: datetime
    health: tuple[FeedHealth, ...] = ()
