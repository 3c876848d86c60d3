"""Poll RSS/Atom feeds: conditional GET with httpx, parsing with feedparser.

feedparser's maintainers advise fetching with your own HTTP client and handing it the bytes and
the response headers; that is what this module does (the HTTP side is `digest.fetch_http`, the
repair of charsets and dates `digest.fetch_read`). Every byte a feed sends is hostile: a wrong
charset is repaired, a bot-check page is named as such, dates in the future are not believed,
and whatever was odd but readable is returned as a warning. A feed that cannot be fetched or
read becomes a FetchResult with `error` set: `fetch_feed` and `fetch_all` never raise.

Etiquette: the User-Agent names the project, every poll is a conditional GET, the client keeps
two requests to one host apart, and the hints a server gives on when to come back
(Retry-After, Cache-Control, Expires, RSS <ttl>) are returned for `next_poll_delay`.
"""

from __future__ import annotations

import calendar
import io
import logging
import queue
import re
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from digest.errors import FeedError
from digest.fetch_http import (USER_AGENT, AddressRefused, Download, describe_http_error,
                               get_capped, http_freshness, make_client, retry_after)
from digest.fetch_read import DEFAULT_TZ, parse_feed_date, plausible_date, repair_charset
from digest.models import FeedItem, FeedSource, FetchResult

__all__ = ["USER_AGENT", "AddressRefused", "FeedReading", "discover_feed", "fetch_all",
           "fetch_each", "fetch_feed", "make_client", "next_poll_delay", "read_feed"]

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
USUAL_FEED_PATHS = (
    "/rss", "/feed", "/rss.xml", "/feed.xml", "/atom.xml", "/index.rss", "/rss/home.rss",
    "/rss/tin-moi-nhat.rss", "/rss.html", "/rss.htm", "/feeds/posts/default",
)
# Paths that look like a feed (or a site's list of feeds) when seen in an <a href>.
FEED_HREF_ENDINGS = (".rss", ".xml", ".atom", "/rss", "/feed", "/rss.html", "/rss.htm")
DISCOVERY_MAX_REQUESTS = 30
DISCOVERY_MAX_BYTES = 5_000_000
# Words of the pages that bot walls (Cloudflare, DDoS-Guard, Sucuri, cookie checks) answer with.
CHALLENGE_MARKERS = (
    "just a moment...", "cf-browser-verification", "/cdn-cgi/challenge-platform", "cf_chl_",
    "checking your browser", "enable javascript and cookies", "ddos-guard",
    "sucuri website firewall", "please enable cookies", "please turn javascript on",
    "document.cookie=", "document.cookie =", "vui lòng bật javascript",
)


@dataclass(frozen=True)
class FeedReading:
    """What `read_feed` found in a body: picklable, to come back from a worker process."""

    items: tuple[FeedItem, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None  # why the body is not a feed
    ttl_seconds: float = 0.0


FeedReader = Callable[[Download, str], FeedReading]


def fetch_feed(client: httpx.Client, source: FeedSource, max_bytes: int = 10_000_000,
               tz: str = DEFAULT_TZ, reader: FeedReader | None = None) -> FetchResult:
    """Poll one feed; every failure is returned as `FetchResult.error`, never raised.

    A body larger than `max_bytes` is an error naming the cap: the rest is not read and what
    came is not parsed, because a truncated feed would silently lose its last entries. Dates
    that name no time zone are read in `tz`. `reader` reads the body (`read_feed` by default).
    """
    try:
        return _poll(client, source, max_bytes, tz, reader or read_feed)
    except FeedError as exc:
        return FetchResult(feed_url=source.url, status=None, error=str(exc))
    except Exception as exc:  # a bug must not stop the other feeds; log it loudly
        log.exception("unexpected error fetching %s", source.url)
        error = f"unexpected error fetching {source.url}: {exc!r}"
        return FetchResult(feed_url=source.url, status=None, error=error)


def fetch_all(client: httpx.Client, sources: Sequence[FeedSource], workers: int = 128,
              max_bytes: int = 10_000_000, tz: str = DEFAULT_TZ,
              pool: Executor | None = None) -> list[FetchResult]:
    """Poll many feeds concurrently; results come back in the order of `sources`."""
    results: list[FetchResult | None] = [None] * len(sources)
    for index, result in fetch_each(client, sources, workers, max_bytes, tz, pool):
        results[index] = result
    return [result for result in results if result is not None]


def fetch_each(client: httpx.Client, sources: Sequence[FeedSource], workers: int = 128,
               max_bytes: int = 10_000_000, tz: str = DEFAULT_TZ, pool: Executor | None = None
               ) -> Iterator[tuple[int, FetchResult]]:
    """Poll many feeds concurrently; yield (index in `sources`, result) as each one is done.

    Feeds on the same host are polled one after another, so a site with twenty category feeds
    never sees more than one request from us at a time (the client's HostPacer spaces them).
    One thread per host, up to `workers`: a thread spends most of its time waiting for the
    network or for its host's pause, and a host waiting for a free thread would add its whole
    queue of pauses to the poll. With `pool` (worker processes, see `digest.workers`), bodies
    are read there: parsing holds the GIL, and this process has the results to store. The
    caller stores each result while the rest are fetched.
    """
    by_host: dict[str, list[int]] = defaultdict(list)
    for index, source in enumerate(sources):
        by_host[(urlsplit(source.url).hostname or "").lower()].append(index)
    done: queue.SimpleQueue[tuple[int, FetchResult]] = queue.SimpleQueue()
    reader = read_feed if pool is None else (
        lambda download, tz: pool.submit(read_feed, download, tz).result())

    def poll_host(indexes: list[int]) -> None:
        for index in indexes:
            done.put((index, fetch_feed(client, sources[index], max_bytes, tz, reader)))

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host)))) as threads:
        for indexes in by_host.values():
            threads.submit(poll_host, indexes)
        for _ in sources:
            yield done.get()


def next_poll_delay(result: FetchResult, every: timedelta, failures: int,
                    bounds: tuple[timedelta, timedelta]) -> timedelta:
    """How long to wait before polling a feed again.

    `every` for a feed that answered, longer if the server said its answer stays fresh;
    `every` doubled for each failure in a row (`failures` counts this one), so a dead feed is
    tried less and less but never dropped; at least as long as Retry-After asked. The wait is
    kept within `bounds` (min, max), and a feed set to poll less often than max keeps its own.
    """
    low, high = bounds
    if result.ok:
        wait = max(every, timedelta(seconds=result.fresh_for or 0))
    else:
        wait = every * 2 ** min(max(failures - 1, 0), 20)
    wait = max(wait, timedelta(seconds=result.retry_after or 0))
    return max(low, min(wait, max(high, every)))


def discover_feed(client: httpx.Client, url: str) -> str:
    """Find the feed of a site from its home page (or any page of it).

    Tries, in order: the URL itself; the page's <link rel="alternate"> feeds; feed-looking
    <a href> links on it; the usual feed paths of the site. A page of feed links (Vietnamese
    sites often have /rss or /rss.html listing their category feeds) is followed one level.
    Raises FeedError when nothing answers a feed.
    """
    start = _download_or_raise(client, url)
    if _is_feed(_parse(start), need_entries=False):
        return start.url
    root = "{0.scheme}://{0.netloc}".format(urlsplit(start.url))
    queue = deque(_candidates_from_page(start, depth=1))
    queue.extend((urljoin(root, path), 1, True) for path in USUAL_FEED_PATHS)
    seen = {start.url, url}
    budget = DISCOVERY_MAX_REQUESTS
    while queue and budget > 0:
        candidate, depth, need_entries = queue.popleft()
        if candidate in seen:
            continue
        seen.add(candidate)
        budget -= 1
        found = _try_candidate(client, candidate, depth, need_entries, queue)
        if found:
            return found
    raise FeedError(
        f"no feed found at {url}: the page links to no RSS or Atom feed and none of the usual "
        f"paths ({', '.join(USUAL_FEED_PATHS[:6])}, ...) answered one; "
        "find the RSS link on the site and add that URL instead"
    )


def _poll(client: httpx.Client, source: FeedSource, max_bytes: int, tz: str,
          reader: FeedReader) -> FetchResult:
    url = source.moved_to or source.url
    try:
        download = get_capped(client, url, max_bytes, _conditional_headers(source))
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return FetchResult(source.url, None, error=describe_http_error(exc, url))
    hints = {"retry_after": retry_after(download.headers),
             "fresh_for": http_freshness(download.headers)}
    if download.status >= 400:
        error = _status_error(download.status, download.url, hints["retry_after"])
        return FetchResult(source.url, download.status, error=error, **hints)
    if download.status == 304:
        reading = FeedReading()
    else:
        reading = reader(download, tz)
        if reading.error:
            # No validators kept: the next poll must fetch in full and see whether it is fixed.
            return FetchResult(source.url, download.status, error=reading.error, **hints)
        hints["fresh_for"] = max(hints["fresh_for"] or 0, reading.ttl_seconds) or None
    return FetchResult(
        feed_url=source.url,
        status=download.status,
        items=reading.items,
        etag=download.headers.get("etag") or source.etag,
        last_modified=download.headers.get("last-modified") or source.last_modified,
        not_modified=download.status == 304,
        # Only a feed that answers at its new address earns the stored URL a change.
        new_url=download.moved_to if download.moved_to != url else None,
        warning="; ".join(reading.warnings) or None,
        **hints,
    )


def read_feed(download: Download, tz: str = DEFAULT_TZ) -> FeedReading:
    """What a feed's body says: its items, what was odd, or why it is not a feed.

    No network and no shared state, so it can run in a worker process (see `fetch_each`).
    """
    download, warnings = _repaired(download)
    parsed = _parse(download)
    items, item_warnings = _read_items(parsed, tz)
    warnings += item_warnings
    if not items and not _is_feed(parsed, need_entries=False):
        return FeedReading(error=_not_a_feed(download, parsed))
    warnings += _bozo_warning(parsed)
    return FeedReading(items, tuple(warnings), ttl_seconds=_ttl_seconds(parsed))


def _conditional_headers(source: FeedSource) -> dict[str, str]:
    headers = {"Accept": FEED_ACCEPT}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return headers


_STATUS_HINTS = {
    401: "the feed asks for a login, which digest does not have",
    403: "the site refuses digest; it may block feed readers",
    404: "no feed at this address any more: check the URL in feeds.yaml",
    429: "the site says digest polls too often",
}


def _status_error(status: int, url: str, wait: float | None) -> str:
    message = f"HTTP {status} from {url}"
    if status in _STATUS_HINTS:
        message += f" ({_STATUS_HINTS[status]})"
    if wait is not None:
        message += f"; it asked digest to wait {_seconds_text(wait)} (Retry-After), and it will"
    return message


def _ttl_seconds(parsed: Any) -> float:
    """RSS <ttl>: minutes the channel may be cached."""
    ttl = str(parsed.feed.get("ttl", "")).strip()
    return float(ttl) * 60 if re.fullmatch(r"[0-9]{1,6}", ttl) else 0.0


def _repaired(download: Download) -> tuple[Download, list[str]]:
    content_type = download.headers.get("content-type", "")
    body, repaired_type, warning = repair_charset(download.body, content_type)
    if warning is None or body is download.body:
        return download, [warning] if warning else []
    headers = httpx.Headers(download.headers)
    headers["content-type"] = repaired_type
    return replace(download, body=body, headers=headers), [warning]


def _seconds_text(seconds: float) -> str:
    if seconds < 120:
        return f"{int(seconds)} s"
    return f"{round(seconds / 60)} min" if seconds < 7200 else f"{seconds / 3600:.1f} h"


def _parse(download: Download) -> Any:
    # A BytesIO, not bytes: feedparser.parse() tries open() on bytes as a file path first, so a
    # body reading "/etc/passwd" would make it read a local file.
    location = download.headers.get("content-location")
    headers = {
        "content-type": download.headers.get("content-type", ""),
        # feedparser resolves relative links against content-location; default to where we were.
        "content-location": urljoin(download.url, location) if location else download.url,
    }
    # feedparser's own HTML sanitising and link rewriting inside content are left off: every
    # piece of HTML goes through nh3 in `digest.extract` before anything reads it, and only the
    # text is kept. They cost a third of the parse. Item links are made absolute regardless.
    return feedparser.parse(io.BytesIO(download.body), response_headers=headers,
                            resolve_relative_uris=False, sanitize_html=False)


def _is_feed(parsed: Any, need_entries: bool) -> bool:
    if _items(parsed):
        return True
    # A well-formed feed with no entries yet is still a feed; a bozo empty parse is not.
    # .get: an empty body parses to a result with no "version" key at all.
    return not need_entries and bool(parsed.get("version")) and not parsed.get("bozo")


def _bozo_warning(parsed: Any) -> list[str]:
    """Broken XML that feedparser could still read; HTML entities and labels are not news."""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if problem is None or isinstance(problem, harmless) or "undefined entity" in str(problem):
        return []
    return [f"not well-formed XML ({problem}); kept the items that could be read"]


def _looks_like_html(download: Download) -> bool:
    content_type = download.headers.get("content-type", "").lower()
    head = download.body[:1024].lower()
    return "html" in content_type or b"<!doctype html" in head or b"<html" in head


def _is_challenge(download: Download) -> bool:
    page = download.body[:65536].decode("utf-8", errors="replace").lower()
    return any(marker in page for marker in CHALLENGE_MARKERS)


def _not_a_feed(download: Download, parsed: Any) -> str:
    if not download.body.strip():
        return f"not a feed: {download.url} answered HTTP {download.status} with an empty body"
    if _looks_like_html(download) and _is_challenge(download):
        return (
            f"not a feed: {download.url} answered with a bot check (a JavaScript or cookie "
            "challenge page) instead of the feed; digest runs no scripts: ask the site to let "
            "feed readers through"
        )
    if _looks_like_html(download):
        return (
            f"not a feed: {download.url} looks like an HTML page; "
            "use the feed's own URL (`digest feeds add` can find it from the site's home page)"
        )
    reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
    return f"not a feed: {download.url} could not be read as RSS or Atom ({reason})"


def _items(parsed: Any, tz: str = DEFAULT_TZ) -> tuple[FeedItem, ...]:
    """Entries with a link or an id; any other (say, the stub of a body cut short) is unusable."""
    now = datetime.now(timezone.utc)
    return tuple(_to_item(e, tz, now) for e in parsed.entries if e.get("link") or e.get("id"))


def _read_items(parsed: Any, tz: str) -> tuple[tuple[FeedItem, ...], list[str]]:
    """The feed's items and what was odd about them: repeated GUIDs, dates in the future."""
    now = datetime.now(timezone.utc)
    usable = [entry for entry in parsed.entries if entry.get("link") or entry.get("id")]
    items = tuple(_to_item(entry, tz, now) for entry in usable)
    warnings = []
    if len(usable) < len(parsed.entries):
        warnings.append(f"skipped {_items_text(len(parsed.entries) - len(usable))} with neither "
                        "link nor GUID")
    repeated = sum(n - 1 for guid, n in Counter(i.guid for i in items if i.guid).items() if n > 1)
    if repeated:
        warnings.append(f"{_items_text(repeated)} repeat a GUID already used in the feed; "
                        "articles were told apart by their links")
    future = sum(_entry_time(entry, tz) is not None and item.published is None
                 for entry, item in zip(usable, items))
    if future:
        warnings.append(f"{_items_text(future)} dated more than a day in the future; dated "
                        "when first seen instead")
    return items, warnings


def _items_text(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"


def _to_item(entry: Any, tz: str, now: datetime) -> FeedItem:
    content = entry.get("content") or []
    return FeedItem(
        guid=entry.get("id") or None,
        url=entry.get("link") or None,
        title=entry.get("title", ""),
        summary_html=entry.get("summary", ""),
        content_html=content[0].get("value") if content else None,
        published=plausible_date(_entry_time(entry, tz), now),
    )


def _entry_time(entry: Any, tz: str) -> datetime | None:
    """The entry's date: our own reading of the text first, for the zone feedparser assumes
    (UTC) when none is written; then feedparser's, which knows more exotic formats."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = entry.get(raw_key)
        if not raw:
            continue
        when = parse_feed_date(str(raw), tz)
        if when is not None:
            return when
        parsed: time.struct_time | None = entry.get(parsed_key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
            except (OverflowError, ValueError, OSError):
                return None
    return None


def _download_or_raise(client: httpx.Client, url: str) -> Download:
    try:
        download = get_capped(client, url, DISCOVERY_MAX_BYTES, {"Accept": FEED_ACCEPT})
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FeedError(describe_http_error(exc, url)) from exc
    if download.status >= 400:
        raise FeedError(f"HTTP {download.status} from {download.url}")
    return download


def _try_candidate(
    client: httpx.Client,
    url: str,
    depth: int,
    need_entries: bool,
    queue: deque[tuple[str, int, bool]],
) -> str | None:
    """Return `url`'s final address if it is a feed; queue its feed links if it is a page."""
    try:
        download = get_capped(client, url, DISCOVERY_MAX_BYTES, {"Accept": FEED_ACCEPT})
    except (httpx.HTTPError, httpx.InvalidURL, FeedError):
        return None
    if download.status >= 400:
        return None
    if _is_feed(_parse(download), need_entries):
        return download.url
    if depth < 2 and _looks_like_html(download):
        queue.extend(_candidates_from_page(download, depth=depth + 1))
    return None


def _candidates_from_page(download: Download, depth: int) -> list[tuple[str, int, bool]]:
    """Feeds a page declares (trusted even when empty), then feed-looking links (need entries)."""
    finder = _LinkFinder()
    finder.feed(download.body.decode("utf-8", errors="replace"))
    base = urljoin(download.url, finder.base) if finder.base else download.url
    declared = [(urljoin(base, href), depth, False) for href in finder.alternates]
    linked = [(urljoin(base, href), depth, True) for href in finder.feed_links]
    return declared + linked


class _LinkFinder(HTMLParser):
    """Collects <base href>, <link rel=alternate> feeds and feed-looking <a href> of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.alternates: list[str] = []
        self.feed_links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        href = values.get("href", "")
        if not href:
            return
        if tag == "base" and self.base is None:
            self.base = href
        elif tag == "link" and _is_alternate_feed(values):
            self.alternates.append(href)
        elif tag == "a" and _path_of(href).lower().endswith(FEED_HREF_ENDINGS):
            self.feed_links.append(href)


def _path_of(href: str) -> str:
    try:
        return urlsplit(href).path
    except ValueError:  # a link no parser reads ("http://[x") is no feed
        return ""


def _is_alternate_feed(values: dict[str, str]) -> bool:
    rels = values.get("rel", "").lower().split()
    kind = values.get("type", "").lower().split(";")[0].strip()
    return "alternate" in rels and kind in FEED_TYPES
