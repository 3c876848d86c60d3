"""Poll RSS/Atom feeds: conditional GET with httpx, parsing with feedparser.

feedparser's maintainers advise fetching with your own HTTP client and handing it the bytes and
the response headers; that is what this module does. A feed that cannot be fetched or read
becomes a FetchResult with `error` set: `fetch_feed` and `fetch_all` never raise.
"""

from __future__ import annotations

import calendar
import io
import logging
import time
from collections import defaultdict, deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from digest.errors import FeedError
from digest.models import FeedItem, FeedSource, FetchResult

log = logging.getLogger(__name__)

USER_AGENT = "digest/0.1 (+https://github.com/digest-news/digest)"

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
PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True)
class _Download:
    """A body read in full (within the cap) and what the server said about it."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    moved_to: str | None


def make_client(timeout: float = 20.0) -> httpx.Client:
    """An httpx client for feeds and article pages: our User-Agent, redirects followed."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
        max_redirects=5,
        # A server that accepts the connection but never answers must not hold a worker forever.
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
    )


def fetch_feed(
    client: httpx.Client, source: FeedSource, max_bytes: int = 10_000_000
) -> FetchResult:
    """Poll one feed; every failure is returned as `FetchResult.error`, never raised.

    A body larger than `max_bytes` is an error naming the cap: the rest is not read and what
    came is not parsed, because a truncated feed would silently lose its last entries.
    """
    try:
        return _poll(client, source, max_bytes)
    except FeedError as exc:
        return FetchResult(feed_url=source.url, status=None, error=str(exc))
    except Exception as exc:  # a bug must not stop the other feeds; log it loudly
        log.exception("unexpected error fetching %s", source.url)
        return FetchResult(
            feed_url=source.url, status=None, error=f"unexpected error fetching {source.url}: {exc!r}"
        )


def fetch_all(
    client: httpx.Client, sources: Sequence[FeedSource], workers: int = 8
) -> list[FetchResult]:
    """Poll many feeds concurrently; results come back in the order of `sources`.

    Feeds on the same host are polled one after another, so a site with twenty category feeds
    never sees more than one request from us at a time.
    """
    by_host: dict[str, list[int]] = defaultdict(list)
    for index, source in enumerate(sources):
        by_host[urlsplit(source.url).netloc.lower()].append(index)
    results: list[FetchResult | None] = [None] * len(sources)

    def poll_host(indexes: list[int]) -> None:
        for index in indexes:
            results[index] = fetch_feed(client, sources[index])

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host)))) as pool:
        list(pool.map(poll_host, by_host.values()))
    return [result for result in results if result is not None]


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


def _poll(client: httpx.Client, source: FeedSource, max_bytes: int) -> FetchResult:
    try:
        download = _download(client, source.url, max_bytes, _conditional_headers(source))
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return FetchResult(feed_url=source.url, status=None, error=_describe_http_error(exc, source.url))
    if download.status >= 400:
        return FetchResult(source.url, download.status, error=f"HTTP {download.status} from {download.url}")
    parsed = None if download.status == 304 else _parse(download)
    if parsed is not None and not _is_feed(parsed, need_entries=False):
        # No validators kept: the next poll must fetch in full and see whether it is fixed.
        return FetchResult(source.url, download.status, error=_not_a_feed(download, parsed))
    answered = FetchResult(
        feed_url=source.url,
        status=download.status,
        etag=download.headers.get("etag") or source.etag,
        last_modified=download.headers.get("last-modified") or source.last_modified,
        # Only a feed that answers at its new address earns the stored URL a change.
        new_url=download.moved_to if download.moved_to != source.url else None,
    )
    if parsed is None:
        return replace(answered, not_modified=True)
    return replace(answered, items=tuple(_to_item(entry) for entry in parsed.entries))


def _conditional_headers(source: FeedSource) -> dict[str, str]:
    headers = {"Accept": FEED_ACCEPT}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return headers


def _download(
    client: httpx.Client, url: str, max_bytes: int, headers: dict[str, str] | None = None
) -> _Download:
    """GET `url` following redirects; raise FeedError past `max_bytes`, httpx errors as they come.

    The cap counts decoded bytes, so a small gzip body that inflates without end is stopped too.
    """
    with client.stream("GET", url, headers=headers) as response:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes and "content-encoding" not in response.headers:
            raise FeedError(f"{url} is {int(declared):,} bytes, over the {max_bytes:,}-byte cap")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FeedError(f"{url} is larger than the {max_bytes:,}-byte cap; stopped reading")
            chunks.append(chunk)
        return _Download(
            url=str(response.url),
            status=response.status_code,
            headers=response.headers,
            body=b"".join(chunks),
            moved_to=_permanent_location(response),
        )


def _permanent_location(response: httpx.Response) -> str | None:
    """Where the feed now lives, following only the leading run of permanent redirects.

    A 301 then a 302 means the feed moved to the 302's URL, which only lends the final one.
    """
    hops = [*response.history, response]
    moved: str | None = None
    for hop, following in zip(hops, hops[1:]):
        if hop.status_code not in PERMANENT_REDIRECTS:
            break
        moved = str(following.url)
    return moved


def _describe_http_error(exc: Exception, url: str) -> str:
    """One line for the person at the terminal: which URL and what happened."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting to {url}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out waiting for {url} to answer"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects from {url}"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {url}: {exc}"
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return f"not a valid http(s) URL: {url} ({exc})"
    return f"could not fetch {url}: {type(exc).__name__}: {exc}"


def _parse(download: _Download) -> Any:
    # A BytesIO, not bytes: feedparser.parse() tries open() on bytes as a file path first, so a
    # body reading "/etc/passwd" would make it read a local file.
    location = download.headers.get("content-location")
    headers = {
        "content-type": download.headers.get("content-type", ""),
        # feedparser resolves relative links against content-location; default to where we were.
        "content-location": urljoin(download.url, location) if location else download.url,
    }
    return feedparser.parse(io.BytesIO(download.body), response_headers=headers)


def _is_feed(parsed: Any, need_entries: bool) -> bool:
    if parsed.entries:
        return True
    # A well-formed feed with no entries yet is still a feed; a bozo empty parse is not.
    return not need_entries and bool(parsed.version) and not parsed.bozo


def _looks_like_html(download: _Download) -> bool:
    content_type = download.headers.get("content-type", "").lower()
    head = download.body[:512].lstrip().lower()
    return "html" in content_type or head.startswith((b"<!doctype html", b"<html"))


def _not_a_feed(download: _Download, parsed: Any) -> str:
    if _looks_like_html(download):
        return (
            f"not a feed: {download.url} looks like an HTML page; "
            "use the feed's own URL (`digest feeds add` can find it from the site's home page)"
        )
    reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
    return f"not a feed: {download.url} could not be read as RSS or Atom ({reason})"


def _to_item(entry: Any) -> FeedItem:
    content = entry.get("content") or []
    return FeedItem(
        guid=entry.get("id") or None,
        url=entry.get("link") or None,
        title=entry.get("title", ""),
        summary_html=entry.get("summary", ""),
        content_html=content[0].get("value") if content else None,
        published=_entry_time(entry),
    )


def _entry_time(entry: Any) -> datetime | None:
    """feedparser's parsed dates are UTC struct_times; some feeds carry impossible dates."""
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def _download_or_raise(client: httpx.Client, url: str) -> _Download:
    try:
        download = _download(client, url, DISCOVERY_MAX_BYTES, {"Accept": FEED_ACCEPT})
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FeedError(_describe_http_error(exc, url)) from exc
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
        download = _download(client, url, DISCOVERY_MAX_BYTES, {"Accept": FEED_ACCEPT})
    except (httpx.HTTPError, httpx.InvalidURL, FeedError):
        return None
    if download.status >= 400:
        return None
    if _is_feed(_parse(download), need_entries):
        return download.url
    if depth < 2 and _looks_like_html(download):
        queue.extend(_candidates_from_page(download, depth=depth + 1))
    return None


def _candidates_from_page(download: _Download, depth: int) -> list[tuple[str, int, bool]]:
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
        elif tag == "a" and urlsplit(href).path.lower().endswith(FEED_HREF_ENDINGS):
            self.feed_links.append(href)


def _is_alternate_feed(values: dict[str, str]) -> bool:
    rels = values.get("rel", "").lower().split()
    kind = values.get("type", "").lower().split(";")[0].strip()
    return "alternate" in rels and kind in FEED_TYPES
