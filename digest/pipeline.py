"""The pipeline, end to end: the one place the stages are called in order.

config -> fetch -> extract -> store -> group -> figures -> render -> deliver

The CLI and the scheduler are two doors onto these functions and hold no logic of their own.

The later stages (group, figures, render, deliver) are imported inside the functions that use
them: they pull in scikit-learn and WeasyPrint, seconds of start-up that a poll bringing nothing
new should not pay.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx

from digest.config import Config, DeliverConfig, DigestConfig, FeedConfig
from digest.errors import DeliveryError, DigestError
from digest.extract import add_pages, draft_items
from digest.fetch import fetch_all, fetch_each, make_client, next_poll_delay
from digest.models import (Article, ArticleDraft, DigestView, FeedSource, FetchResult, Story,
                           StoryView)
from digest.store import DigestRun, FeedInfo, FeedStatus, RunStory, Store
from digest.workers import process_pool

# How far back new articles look for a story to join. Stories older than this are closed: a
# meeting reported again weeks later is a follow-up, and a bounded window keeps polling cheap.
GROUPING_WINDOW = timedelta(days=21)
DEFAULT_EVERY = timedelta(minutes=30)
# Feeds made ready to store at once: each waits on a worker process or on its teasers' pages.
PREPARE_THREADS = 16

# A feed that answers but has brought nothing new for this long is listed as silent.
SILENT_AFTER = timedelta(days=3)
# How many issues the Atom feed lists.
FEED_ENTRIES = 30

Progress = Callable[[str], None]
# Waits the given seconds between delivery attempts; True means "stop now, retry later".
Wait = Callable[[float], bool]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollReport:
    """What one poll did, feed by feed, and how long fetching and storing, then grouping, took."""

    results: tuple[FetchResult, ...]
    new_articles: int
    stories: int
    fetch_seconds: float = 0.0
    group_seconds: float = 0.0

    @property
    def failed(self) -> tuple[FetchResult, ...]:
        return tuple(result for result in self.results if not result.ok)


def sync_feeds(config: Config, store: Store) -> None:
    """Make the store's feed table match feeds.yaml."""
    store.sync_feeds([FeedInfo(url=feed.url, name=feed.name, province=feed.province,
                               outlet=feed.outlet, enabled=feed.enabled) for feed in config.feeds])


def poll(config: Config, store: Store, client: httpx.Client | None = None,
         progress: Progress | None = None, force: bool = False) -> PollReport:
    """Poll the enabled feeds that are due (all of them with `force`), store what is new, and
    update the stories. Each feed's poll is saved in one transaction with its next due time."""
    sync_feeds(config, store)
    now = datetime.now(timezone.utc)
    sources = store.feed_sources(due=None if force else now)
    own_client = client is None
    client = client or make_poll_client(config)
    started = time.perf_counter()
    try:
        results, new_ids = _poll_sources(config, store, client, sources, now, progress)
    finally:
        if own_client:
            client.close()
    fetched = time.perf_counter()
    # Articles a killed poll stored but never grouped are grouped now, even with nothing new.
    regroup = bool(new_ids) or store.has_articles_without_story()
    stories = update_stories(store, config.timezone) if regroup else []
    return PollReport(tuple(results), len(new_ids), len(stories),
                      fetch_seconds=fetched - started, group_seconds=time.perf_counter() - fetched)


def make_poll_client(config: Config) -> httpx.Client:
    """The HTTP client for polling: the configured timeout and pause per host, and only the
    configured feeds' hosts trusted when they are private addresses (the user chose them)."""
    hosts = {host for feed in config.feeds if (host := urlsplit(feed.url).hostname)}
    return make_client(config.polling.timeout, config.polling.host_delay, trusted_hosts=hosts)


def check_secrets(config: Config) -> None:
    """What loading cannot check: every SMTP password variable named is set (ConfigError)."""
    for digest in config.digests:
        if digest.deliver.email is not None:
            digest.deliver.email.password()


def check_feeds(config: Config) -> list[tuple[FeedConfig, FetchResult]]:
    """Check what loading cannot (the SMTP password variables are set), then fetch each
    configured feed once, without validators, storing nothing."""
    check_secrets(config)
    sources = [FeedSource(url=feed.url, name=feed.name) for feed in config.feeds]
    with make_poll_client(config) as client, process_pool(len(sources)) as pool:
        results = fetch_all(client, sources, max_bytes=config.polling.max_bytes,
                            tz=config.timezone, pool=pool)
    return list(zip(config.feeds, results))


def _poll_sources(config: Config, store: Store, client: httpx.Client,
                  sources: Sequence[FeedSource], now: datetime,
                  progress: Progress | None = None) -> tuple[list[FetchResult], list[str]]:
    """Fetch, extract and save each feed (one transaction each) with its next due time.

    Each feed is saved as soon as its articles are ready, while the others are still being
    fetched, in whatever order they become ready: a feed of teasers waiting on its pages does
    not hold up the rest. In a poll of many feeds, feeds are read and their items drafted in
    worker processes (`digest.workers`), so this process is left with the network and the store.
    """
    intervals = {feed.url: feed.interval for feed in config.feeds}
    results: list[FetchResult | None] = [None] * len(sources)
    new_ids: list[str] = []

    def save(ready: Future[tuple[int, FetchResult, list[ArticleDraft]]]) -> None:
        index, result, drafts = ready.result()
        source = sources[index]
        failures = 0 if result.ok else source.failures + 1
        delay = next_poll_delay(result, intervals.get(source.url, DEFAULT_EVERY), failures,
                                config.polling.bounds)
        new_ids.extend(store.save_poll(result, drafts, next_poll=now + delay))
        results[index] = result
        if progress:
            progress(result.feed_url)

    with process_pool(len(sources)) as pool, ThreadPoolExecutor(PREPARE_THREADS) as threads:
        pending: set[Future[tuple[int, FetchResult, list[ArticleDraft]]]] = set()
        for index, result in fetch_each(client, sources, max_bytes=config.polling.max_bytes,
                                        tz=config.timezone, pool=pool):
            pending.add(threads.submit(_articles_of, client, pool, index, result))
            ready = {future for future in pending if future.done()}
            pending -= ready
            for future in ready:
                save(future)
        for future in as_completed(pending):
            save(future)
    return [result for result in results if result is not None], new_ids


def _articles_of(client: httpx.Client, pool: Executor | None, index: int, result: FetchResult
                 ) -> tuple[int, FetchResult, list[ArticleDraft]]:
    """A fetched feed's drafts: drafted in `pool` (or here), then teasers' pages fetched."""
    if not result.items:
        return index, result, []
    if pool is None:
        return index, result, add_pages(client, draft_items(result.feed_url, result.items))
    try:
        drafts = pool.submit(draft_items, result.feed_url, result.items).result()
    except Exception:  # the worker died (killed, out of memory): draft here instead
        log.exception("drafting %s in a worker process failed; drafting it here", result.feed_url)
        drafts = draft_items(result.feed_url, result.items)
    return index, result, add_pages(client, drafts)


def update_stories(store: Store, tz: str, now: datetime | None = None) -> list[Story]:
    """Group the articles of the recent window and those no story holds yet, keeping earlier
    assignments and editors' edits."""
    from digest.group import group_articles

    newest = store.newest_article_time() or now or datetime.now(timezone.utc)
    recent = store.articles(since=newest - GROUPING_WINDOW)
    in_window = {article.id for article in recent}
    articles = recent + [a for a in store.articles_without_story() if a.id not in in_window]
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
    from digest.figures import story_figures

    views = []
    for story in store.stories_with_articles_between(since, until):
        articles = tuple(sorted(store.articles(ids=story.article_ids), key=_published_key))
        if provinces and not any(article.province in provinces for article in articles):
            continue
        views.append(StoryView(story=story, articles=articles, figures=story_figures(articles)))
    views.sort(key=lambda view: (-len(view.articles), view.story.title))
    return DigestView(title=title, start=since, end=until, timezone=config.timezone,
                      stories=tuple(views), generated=datetime.now(timezone.utc),
                      health=tuple(store.feed_health(until, SILENT_AFTER)))


def _published_key(article: Article) -> datetime:
    return article.published or datetime.max.replace(tzinfo=timezone.utc)


def generate(config: Config, store: Store, since: datetime | None = None,
             until: datetime | None = None, formats: Sequence[str] | None = None,
             output: Path | None = None, digest: DigestConfig | None = None) -> list[Path]:
    """Render a digest of what is stored for the period and write its files."""
    from digest.deliver import write_digest_files
    from digest.render import render_html, render_pdf

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


def poll_feed(config: Config, store: Store, url: str, client: httpx.Client) -> FetchResult | None:
    """Poll one feed and store what is new; None when it is not to be polled (disabled, gone).

    Stories are not regrouped here: with many feeds each polled on its own, the scheduler
    regroups once before each digest instead of once per feed.
    """
    now = datetime.now(timezone.utc)
    # Not due yet: a Retry-After, a Cache-Control or a failing feed's backoff asked for a wait.
    sources = [source for source in store.feed_sources(due=now) if source.url == url]
    if not sources:
        return None
    results, _ = _poll_sources(config, store, client, sources, now)
    return results[0]


# Digest runs: periods, delivery, retries -------------------------------------------------------

def run_digest(config: Config, store: Store, digest: DigestConfig, now: datetime | None = None,
               wait: Wait | None = None) -> DigestRun:
    """What the scheduler does at a digest's time: finish any run a crash or an outage left
    pending, then make and deliver the run for the period since the last one.

    The period starts where the previous delivered (or pending) run of this digest ended, or
    one `period` back for the first run, and ends now; a story in it that an earlier run sent is
    marked updated when it has new sources, and left out when it has none. Fewer new stories
    than `min_stories` records a skipped run, and the next run starts from the same place.
    """
    resume_pending(config, store, digest, wait)
    now = now or datetime.now(timezone.utc)
    update_stories(store, config.timezone, now)
    run = prepare_run(config, store, digest, now)
    if run.outcome == "pending":
        deliver_run(config, store, digest, run, wait)
    return store.run(run.id)


def deliver_on_demand(config: Config, store: Store, digest: DigestConfig,
                      since: datetime | None = None, until: datetime | None = None,
                      wait: Wait | None = None) -> DigestRun:
    """`digest generate --deliver`: without dates, exactly the scheduled run; with dates, a
    one-off run of that period that leaves the schedule's periods alone."""
    if since is None and until is None:
        return run_digest(config, store, digest, wait=wait)
    until = until or datetime.now(timezone.utc)
    run = prepare_run(config, store, digest, until, since or until - digest.period_length)
    if run.outcome == "pending":
        deliver_run(config, store, digest, run, wait)
    return store.run(run.id)


def resume_pending(config: Config, store: Store, digest: DigestConfig,
                   wait: Wait | None = None) -> list[DigestRun]:
    """Deliver the runs of a digest that some target has not received yet, oldest first."""
    pending = list(reversed(store.runs(digest.name, outcomes=["pending"])))
    for run in pending:
        deliver_run(config, store, digest, run, wait)
    return [store.run(run.id) for run in pending]


def prepare_run(config: Config, store: Store, digest: DigestConfig, until: datetime,
                since: datetime | None = None) -> DigestRun:
    """Choose the stories of a period and record the run (pending, or skipped).

    Without `since` this is the next run of the schedule's chain (see run_digest); with it, a
    one-off run over the articles dated in [since, until) that marks no story as sent.
    """
    scheduled = since is None
    if since is None:
        since = store.last_period_end(digest.name) or until - digest.period_length
        found = store.stories_first_seen_between(since, until, since - digest.period_length)
        sent = store.story_sends(digest.name, [story.id for story in found])
    else:
        found = store.stories_with_articles_between(since, until)
        sent = {}
    chosen = []
    for story in found:
        before = sent.get(story.id)
        if before is not None and set(story.article_ids) <= before:
            continue  # sent already, and nothing new since
        if digest.provinces and not any(article.province in digest.provinces
                                        for article in store.articles(ids=story.article_ids)):
            continue
        chosen.append(RunStory(story.id, story.title, story.article_ids, before is not None))
    chosen.sort(key=lambda item: (item.updated, -len(item.article_ids), item.title))
    new = sum(not item.updated for item in chosen)
    return store.create_run(digest.name, scheduled, since, until, digest.title,
                            _stem(store, digest, until, config.timezone), chosen,
                            send=new >= digest.min_stories)


def _stem(store: Store, digest: DigestConfig, until: datetime, tz: str) -> str:
    """The files' name: the local date, with the time when that date has an issue already."""
    local = until.astimezone(ZoneInfo(tz))
    taken = store.run_stems(digest.name)
    for stem in (f"{local:%Y-%m-%d}", f"{local:%Y-%m-%d-%H%M}", f"{local:%Y-%m-%d-%H%M%S}"):
        if stem not in taken:
            return stem
    return f"{local:%Y-%m-%d-%H%M%S}-{len(taken)}"


def run_view(config: Config, store: Store, run: DigestRun) -> DigestView:
    """The run's stories as they were chosen (the articles they had then), with their figures."""
    from digest.figures import story_figures

    current = {story.id: story for story in store.stories([item.story_id for item in run.stories])}
    views = []
    for item in run.stories:
        story = current.get(item.story_id) or Story(id=item.story_id, article_ids=(),
                                                    title=item.title)
        articles = tuple(sorted(store.articles(ids=item.article_ids), key=_published_key))
        views.append(StoryView(story=replace(story, article_ids=item.article_ids),
                               articles=articles, figures=story_figures(articles),
                               updated=item.updated))
    return DigestView(title=run.title, start=run.period_start, end=run.period_end,
                      timezone=config.timezone, stories=tuple(views), generated=run.created,
                      health=tuple(store.feed_health(run.period_end, SILENT_AFTER)))


def deliver_run(config: Config, store: Store, digest: DigestConfig, run: DigestRun,
                wait: Wait | None = None) -> None:
    """Send a run to every configured target that has not had it, then mark it delivered.

    Each target is tried `attempts` times with growing waits, and every attempt is recorded
    before it is made and again when it ends. A target that still fails leaves the run pending
    (resume_pending sends it later) and raises DeliveryError.
    """
    from digest.render import render_html, render_pdf

    view = run_view(config, store, run)
    html = render_html(view, config.templates_dir)
    email = digest.deliver.email
    pdf = render_pdf(html) if "pdf" in digest.formats or email else None
    sent = store.sent_targets(run.id)
    failed = []
    for target, action in _targets(config, store, digest, run, view, html, pdf):
        if target not in sent and not _deliver_target(store, run.id, target, action,
                                                      digest.deliver, wait):
            failed.append(target)
    if failed:
        raise DeliveryError(f"digest {digest.name} ({run.stem}): not delivered to "
                            f"{', '.join(failed)}; it stays pending and is sent again at the "
                            "next run (see digest status)")
    store.finish_run(run.id)


def _targets(config: Config, store: Store, digest: DigestConfig, run: DigestRun,
             view: DigestView, html: str, pdf: bytes | None
             ) -> list[tuple[str, Callable[[], str]]]:
    """(target, action) pairs in delivery order: files first, so mail never precedes them."""
    from digest.deliver import (atom_feed, build_email, message_id, send_email,
                                write_atomically, write_digest_files)
    from digest.render import format_date, render_page

    folder = config.output_dir / digest.name
    outputs = {fmt: html.encode("utf-8") if fmt == "html" else pdf or b""
               for fmt in digest.formats}

    def files() -> str:
        paths = write_digest_files(folder, run.stem, outputs)
        write_archive_page(config, store)
        return ", ".join(str(path) for path in paths)

    def atom() -> str:
        runs = store.runs(digest.name, outcomes=["pending", "delivered"], limit=FEED_ENTRIES)
        data = atom_feed(digest.name, digest.title, runs, digest.formats, digest.deliver.base_url)
        return str(write_atomically(folder / "feed.xml", data))

    def email() -> str:
        settings = digest.deliver.email
        assert settings is not None
        text = render_page("digest.txt", config.templates_dir, config.timezone, view=view)
        day = format_date(run.period_end, ZoneInfo(config.timezone))
        message = build_email(settings, f"{run.title} · {day}", html, text, pdf,
                              f"{digest.name}-{run.stem}.pdf",
                              message_id(digest.name, run.id, run.period_end, settings.sender),
                              run.period_end)
        return send_email(settings, message)

    chosen: list[tuple[str, Callable[[], str]]] = []
    if digest.deliver.files:
        chosen.append(("files", files))
    if digest.deliver.atom:
        chosen.append(("atom", atom))
    if digest.deliver.email is not None:
        chosen.append(("email", email))
    return chosen


def _deliver_target(store: Store, run_id: int, target: str, action: Callable[[], str],
                    settings: DeliverConfig, wait: Wait | None) -> bool:
    """Try one target up to `attempts` times; True once it has the digest."""
    wait = wait or threading.Event().wait
    delay = settings.backoff_delay.total_seconds()
    for attempt in range(settings.attempts):
        if attempt and wait(delay * 4 ** (attempt - 1)):
            return False  # shutting down: the run stays pending and is resumed on restart
        delivery = store.start_delivery(run_id, target)
        try:
            detail = action()
        except DigestError as exc:
            store.finish_delivery(delivery, "failed", str(exc))
            if not isinstance(exc, DeliveryError):
                raise  # a configuration mistake: trying again cannot help
            log.warning("delivery to %s failed (attempt %d of %d): %s", target, attempt + 1,
                        settings.attempts, exc)
            continue
        # Written the moment the action returns: for e-mail, the only window in which a crash
        # sends the digest twice is between the server's "250 OK" and this line.
        store.finish_delivery(delivery, "sent", detail)
        return True
    return False


def write_archive_page(config: Config, store: Store) -> Path:
    """output/index.html: every digest of feeds.yaml and the files of each of its issues."""
    from digest.deliver import write_index
    from digest.render import render_page

    output = config.output_dir
    listing = []
    for digest in config.digests:
        folder = output / digest.name
        issues = []
        for run in store.runs(digest.name, outcomes=["pending", "delivered"]):
            files = [(fmt, f"{digest.name}/{run.stem}.{fmt}") for fmt in digest.formats
                     if (folder / f"{run.stem}.{fmt}").exists()]
            if files:
                issues.append((run, files))
        feed = f"{digest.name}/feed.xml" if digest.deliver.atom else None
        listing.append((digest.name, digest.title, feed, issues))
    html = render_page("index.html", config.templates_dir, config.timezone, digests=listing)
    return write_index(output, html)


# Status -------------------------------------------------------------------------------------

def poll_job_id(url: str) -> str:
    """The scheduler's id for a feed's poll job (hashed: APScheduler ids hold 191 characters)."""
    return "poll:" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def digest_job_id(name: str) -> str:
    return f"digest:{name}"


@dataclass(frozen=True)
class FeedRow:
    name: str
    url: str
    enabled: bool
    last_success: datetime | None
    last_error: str | None
    articles: int
    next_poll: datetime | None
    # One line on the feed's health (failing, gone, moved, a warning); "" when all is well.
    message: str = ""


@dataclass(frozen=True)
class DigestRow:
    name: str
    schedule: str
    last_run: datetime | None
    last_outcome: str | None
    last_delivery: datetime | None
    last_delivery_targets: tuple[str, ...]
    pending: int
    next_run: datetime | None


@dataclass(frozen=True)
class Status:
    feeds: tuple[FeedRow, ...]
    digests: tuple[DigestRow, ...]


def _next_poll(planned: datetime | None, row: FeedStatus) -> datetime | None:
    """When the feed is polled next: not before the time its last poll asked for (Retry-After,
    Cache-Control, backoff), even if the service's job wakes up earlier; never when gone."""
    if not row.enabled or row.gone:
        return None
    times = [when for when in (planned, row.next_poll) if when is not None]
    return max(times) if times else None


def status(config: Config, store: Store) -> Status:
    """Per feed its last success, last error, articles and next poll; per digest its last run
    and delivery and its next run. Next times are the service's plan, as stored, and for a
    feed never before the time its last poll set (Retry-After, Cache-Control, backoff)."""
    sync_feeds(config, store)
    planned = store.next_run_times()
    feeds = tuple(FeedRow(name=row.name, url=row.url, enabled=row.enabled,
                          last_success=row.last_success, last_error=row.last_error,
                          articles=row.articles, message=row.message,
                          next_poll=_next_poll(planned.get(poll_job_id(row.url)), row))
                  for row in store.feed_status())
    digests = []
    for digest in config.digests:
        runs = store.runs(digest.name)
        delivered = next((run for run in runs if run.outcome == "delivered"), None)
        sent = [d for d in store.deliveries(digest.name)
                if delivered is not None and d.run_id == delivered.id and d.outcome == "sent"]
        digests.append(DigestRow(
            name=digest.name, schedule=digest.schedule,
            last_run=runs[0].created if runs else None,
            last_outcome=runs[0].outcome if runs else None,
            last_delivery=delivered.finished if delivered else None,
            last_delivery_targets=tuple(dict.fromkeys(d.target for d in sent)),
            pending=sum(run.outcome == "pending" for run in runs),
            next_run=planned.get(digest_job_id(digest.name))))
    return Status(feeds, tuple(digests))
