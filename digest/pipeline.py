"""The pipeline, end to end: the one place the stages are called in order.

config -> fetch -> extract -> store -> group -> figures -> render -> deliver

The CLI and the scheduler are two doors onto these functions and hold no logic of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

from digest.config import Config, DigestConfig
from digest.deliver import write_digest_files
from digest.extract import extract_all
from digest.fetch import fetch_all, make_client
from digest.figures import story_figures
from digest.group import group_articles
from digest.models import Article, DigestView, FetchResult, Story, StoryView
from digest.render import render_html, render_pdf
from digest.store import FeedInfo, Store

# How far back new articles look for a story to join. Stories older than this are closed: a
# meeting reported again weeks later is a follow-up, and a bounded window keeps polling cheap.
GROUPING_WINDOW = timedelta(days=21)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class PollReport:
    """What one poll did, feed by feed."""

    results: tuple[FetchResult, ...]
    new_articles: int
    stories: int

    @property
    def failed(self) -> tuple[FetchResult, ...]:
        return tuple(result for result in self.results if not result.ok)


def sync_feeds(config: Config, store: Store) -> None:
    """Make the store's feed table match feeds.yaml."""
    store.sync_feeds([FeedInfo(url=feed.url, name=feed.name, province=feed.province,
                               outlet=feed.outlet, enabled=feed.enabled) for feed in config.feeds])


def poll(config: Config, store: Store, client: httpx.Client | None = None,
         progress: Progress | None = None) -> PollReport:
    """Poll every enabled feed once, store what is new, and update the stories."""
    sync_feeds(config, store)
    own_client = client is None
    client = client or make_client()
    try:
        results = fetch_all(client, store.feed_sources())
        new_ids: list[str] = []
        for result in results:
            drafts = extract_all(client, result.feed_url, result.items) if result.items else []
            new_ids += store.save_poll(result, drafts)
            if progress:
                progress(result.feed_url)
    finally:
        if own_client:
            client.close()
    stories = update_stories(store, config.timezone) if new_ids else []
    return PollReport(tuple(results), len(new_ids), len(stories))


def update_stories(store: Store, tz: str, now: datetime | None = None) -> list[Story]:
    """Group the articles of the recent window, keeping earlier assignments and editors' edits."""
    newest = store.newest_article_time() or now or datetime.now(timezone.utc)
    articles = store.articles(since=newest - GROUPING_WINDOW)
    existing, must_link, cannot_link = editor_constraints(store, store.story_map())
    window_ids = {article.id for article in articles}
    existing = {article: story for article, story in existing.items() if article in window_ids}
    stories = group_articles(articles, existing=existing, must_link=must_link,
                             cannot_link=cannot_link, tz=tz)
    store.save_stories(stories)
    return stories


def editor_constraints(store: Store, story_map: dict[str, str]
                       ) -> tuple[dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Turn recorded merges and splits into assignments and must/cannot-link pairs.

    A merge moves the second story's articles into the first (which keeps its id) and links
    them; a split takes the article out of its story and forbids it from joining the rest again.
    Edits are replayed in the order they were made, so a later edit wins.
    """
    existing = dict(story_map)
    must_link: list[tuple[str, str]] = []
    cannot_link: list[tuple[str, str]] = []
    for edit in store.edits():
        if edit.kind == "merge":
            keep = _members(existing, edit.story_id)
            for article in _members(existing, edit.other_story_id):
                existing[article] = edit.story_id
                must_link += [(keep[0], article)] if keep else []
        elif edit.kind == "split" and edit.article_id in existing:
            others = [a for a in _members(existing, edit.story_id) if a != edit.article_id]
            del existing[edit.article_id]
            cannot_link += [(edit.article_id, other) for other in others]
    return existing, must_link, cannot_link


def _members(assignments: dict[str, str], story: str) -> list[str]:
    return sorted(article for article, owner in assignments.items() if owner == story)


def build_view(config: Config, store: Store, title: str, since: datetime, until: datetime,
               provinces: Sequence[str] = ()) -> DigestView:
    """Collect the stories that have articles in the period, with their sources and figures."""
    views = []
    for story in store.stories_with_articles_between(since, until):
        articles = tuple(sorted(store.articles(ids=story.article_ids), key=_published_key))
        if provinces and not any(article.province in provinces for article in articles):
            continue
        views.append(StoryView(story=story, articles=articles, figures=story_figures(articles)))
    views.sort(key=lambda view: (-len(view.articles), view.story.title))
    return DigestView(title=title, start=since, end=until, timezone=config.timezone,
                      stories=tuple(views), generated=datetime.now(timezone.utc))


def _published_key(article: Article) -> datetime:
    return article.published or datetime.max.replace(tzinfo=timezone.utc)


def generate(config: Config, store: Store, since: datetime | None = None,
             until: datetime | None = None, formats: Sequence[str] | None = None,
             output: Path | None = None, digest: DigestConfig | None = None) -> list[Path]:
    """Render a digest of what is stored for the period and write its files."""
    digest = digest or (config.digests[0] if config.digests else DigestConfig(name="digest"))
    until = until or datetime.now(timezone.utc)
    since = since or until - digest.period_length
    view = build_view(config, store, digest.title, since, until, digest.provinces)
    html = render_html(view, config.templates_dir)
    outputs: dict[str, bytes] = {}
    for fmt in formats or digest.formats:
        outputs[fmt] = html.encode("utf-8") if fmt == "html" else render_pdf(html)
    folder = (output or config.output_dir) / digest.name
    return write_digest_files(folder, until.astimezone(timezone.utc).strftime("%Y-%m-%d"), outputs)
