"""Hostile feeds, hostile HTML, broken configuration (issue 6).

Every bad feed is served by a real HTTP server on 127.0.0.1 (pytest-httpserver) and polled
through the real pipeline into a real SQLite store; nothing is mocked. Each test checks what is
recorded against the feed (the line `digest status` shows), that a good feed polled alongside
still stores its articles, and that nothing stored before is lost.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import math
import random
import re
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit
from zoneinfo import ZoneInfo

import httpx
import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from digest import fetch_http, pipeline
from digest.cli import cli
from digest.config import check_http_url, feed_key, load_config
from digest.errors import DigestError
from digest.fetch import USER_AGENT, discover_feed, make_client
from digest.fetch_http import AddressRefused, address_problem, http_freshness, retry_after
from digest.fetch_read import parse_feed_date, repair_charset
from digest.figures_numbers import find_numbers
from digest.render import FontFetcher, refusal_reason, render_pdf, safe_url
from digest.store import FeedStatus, Store, canonical_url, open_store
from digest.text import event_dates, parse_vn_datetime
from texts import FLOOD, MEETING

HOSTILE = Path(__file__).parent / "hostile"
FIXTURES = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".xml", ".html"))
RSS = "application/rss+xml; charset=utf-8"
NOW = datetime.now(timezone.utc)


# Helpers ----------------------------------------------------------------------------------------

def rss(server: HTTPServer, prefix: str, count: int, extra: str = "") -> str:
    """A valid RSS 2.0 feed of `count` full-text items linking into `prefix` on the server."""
    when = format_datetime(NOW - timedelta(hours=2))
    items = "".join(
        f"<item><title>Tin {prefix} số {n}</title><link>{server.url_for(f'/{prefix}/{n}.html')}"
        f"</link><guid>{prefix}-{n}</guid><pubDate>{when}</pubDate>"
        f"<description>{MEETING} {FLOOD} ({prefix} {n})</description></item>"
        for n in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{prefix}'
            f"</title><link>{server.url_for('/')}</link>{extra}{items}</channel></rss>")


def write_config(folder: Path, server: HTTPServer, paths: list[str], every: str = "30m",
                 polling: str = "", digests: str = "", timeout: float = 3) -> Path:
    """A feeds.yaml polling `paths` on the server: the first is the good feed, named Good."""
    feeds = "".join(f"  - url: {_url(server, path)}\n    name: {_name(n, path)}\n"
                    f"    every: {every}\n" for n, path in enumerate(paths))
    path = folder / "feeds.yaml"
    path.write_text("store: sqlite:///digest.db\noutput: out\n"
                    f"polling:\n  host_delay: 0\n  timeout: {timeout}\n{polling}"
                    f"feeds:\n{feeds}{digests}", encoding="utf-8")
    return path


def _url(server: HTTPServer, path: str) -> str:
    return path if path.startswith(("http://", "https://")) else server.url_for(path)


def _name(index: int, path: str) -> str:
    return "Good" if index == 0 else "Bad" if path.startswith("http") else f"Feed {path.strip('/')}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'digest.db'}")
    yield opened
    opened.close()


def poll(config_path: Path, store: Store) -> pipeline.PollReport:
    return pipeline.poll(load_config(config_path), store, force=True)


def feed_state(store: Store, server: HTTPServer, path: str) -> FeedStatus:
    url = server.url_for(path)
    return next(row for row in store.feed_status() if row.url == url)


def shown(config_path: Path, store: Store, name: str) -> pipeline.FeedRow:
    """The feed's row of `digest status`."""
    report = pipeline.status(load_config(config_path), store)
    return next(row for row in report.feeds if row.name == name)


def stored_urls(store: Store) -> list[str]:
    return sorted(article.url for article in store.articles())


def serve_good(server: HTTPServer, count: int = 2) -> None:
    server.expect_request("/good.xml").respond_with_data(rss(server, "good", count),
                                                         content_type=RSS)


def assert_good_stored(store: Store, server: HTTPServer, count: int = 2) -> None:
    urls = stored_urls(store)
    for n in range(count):
        assert server.url_for(f"/good/{n}.html") in urls
    assert feed_state(store, server, "/good.xml").last_error is None


# The corpus of self-describing bad feeds (tests/hostile) ----------------------------------------

def fixture_header(path: Path) -> dict[str, str]:
    """The `Name: value` lines of a fixture's first comment; a value may run on indented lines."""
    comment = re.search(r"<!--(.*?)-->", path.read_text(encoding="utf-8"), re.S)
    assert comment, f"{path.name} has no header comment"
    text = re.sub(r"\n[ \t]+", " ", comment.group(1))
    return dict(re.findall(r"^([A-Z][\w-]*):\s*(.*)$", text, re.M))


def fixture_body(path: Path, header: dict[str, str]) -> bytes:
    """The bytes to serve: converted to the charset the fixture says the site really sends."""
    body = path.read_bytes()
    if "Send-Charset" in header:
        body = subprocess.run(["iconv", "-f", "UTF-8", "-t", header["Send-Charset"]], input=body,
                              capture_output=True, check=True).stdout
    if header.get("Prepend-BOM") == "yes":
        body = b"\xef\xbb\xbf" + body
    return body


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_corpus_feed_is_recorded_as_its_header_says(tmp_path: Path, httpserver: HTTPServer,
                                                    store: Store, path: Path) -> None:
    header = fixture_header(path)
    httpserver.expect_request("/bad").respond_with_data(fixture_body(path, header),
                                                        content_type=header["Content-Type"])
    serve_good(httpserver)
    config = write_config(tmp_path, httpserver, ["/good.xml", "/bad"])
    url = httpserver.url_for("/bad")

    report = poll(config, store)
    result = next(r for r in report.results if r.feed_url == url)
    state = feed_state(store, httpserver, "/bad")
    row = shown(config, store, "Feed bad")
    assert_good_stored(store, httpserver)
    if "Expect-Error" in header:
        expected = header["Expect-Error"].format(url=url)
        assert result.error is not None and result.error.startswith(expected)
        assert state.last_error == result.error and state.articles == 0
        assert row.message.startswith(f"failing (once): {expected}")
        return
    assert result.error is None, result.error
    assert len(result.items) == int(header["Expect-Items"])
    assert state.articles == int(header.get("Expect-Stored", header["Expect-Items"]))
    if "Expect-Title" in header:
        titles = {article.title for article in store.articles()}
        assert header["Expect-Title"] in titles
    if "Expect-Published" in header:
        published = [item.published.isoformat() if item.published else "none"
                     for item in result.items]
        assert published == [value.strip() for value in header["Expect-Published"].split("|")]
    if "Expect-Warning" in header:
        assert result.warning is not None and header["Expect-Warning"] in result.warning
        assert row.message.startswith("warning: ") and header["Expect-Warning"] in row.message
    else:
        assert result.warning is None and row.message == ""


# A feed that worked, then misbehaves ------------------------------------------------------------

def poll_good_then_bad(tmp_path: Path, server: HTTPServer, store: Store, bad: Response,
                       path: str = "/bad", every: str = "30m", polling: str = ""
                       ) -> tuple[Path, pipeline.PollReport]:
    """Poll twice: the feed at `path` answers well then as `bad`; the good feed grows between."""
    config = poll_good(tmp_path, server, store, path, every, polling)
    return config, poll_bad(config, server, store, bad, path)


def poll_good(tmp_path: Path, server: HTTPServer, store: Store, path: str = "/bad",
              every: str = "30m", polling: str = "") -> Path:
    """A first poll where both feeds answer well: 1 article from Good, 2 from `path`."""
    server.expect_request(path).respond_with_data(rss(server, "bad", 2), content_type=RSS)
    serve_good(server, 1)
    config = write_config(tmp_path, server, ["/good.xml", path], every=every, polling=polling)
    first = poll(config, store)
    assert not first.failed and first.new_articles == 3
    return config


def poll_bad(config: Path, server: HTTPServer, store: Store, bad: Response,
             path: str = "/bad", good: int = 2) -> pipeline.PollReport:
    """The next poll: `path` answers `bad`, Good has `good` articles (one more by default)."""
    server.clear_all_handlers()
    server.expect_request(path).respond_with_response(bad)
    serve_good(server, good)
    return poll(config, store)


def assert_nothing_lost(store: Store, server: HTTPServer, path: str = "/bad") -> None:
    """The misbehaving feed's earlier articles are kept; the good feed stored its new one."""
    urls = stored_urls(store)
    assert {server.url_for(f"/bad/{n}.html") for n in range(2)} <= set(urls)
    assert feed_state(store, server, path).articles == 2
    assert_good_stored(store, server, 2)
    assert len(urls) == len(set(urls)) == 4


TWENTY_MB = 20_000_000


def streamed(size: int) -> Iterator[bytes]:
    """`size` bytes of one endless feed item, sent without a Content-Length."""
    yield b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><title>'
    chunk = b"x" * 65536
    for _ in range(size // len(chunk)):
        yield chunk


@pytest.mark.parametrize("case, bad, expected", [
    ("empty body", Response(b"", content_type=RSS),
     "not a feed: {url} answered HTTP 200 with an empty body"),
    ("404", Response("Không tìm thấy", status=404),
     "HTTP 404 from {url} (no feed at this address any more: check the URL in feeds.yaml)"),
    ("500", Response("oops", status=500), "HTTP 500 from {url}"),
    ("redirect loop", Response("", status=302, headers={"Location": "/bad"}),
     "too many redirects from {url} (more than 5, or a loop)"),
    ("20 MB declared", Response(b"x" * TWENTY_MB, content_type=RSS),
     "{url} is 20,000,000 bytes, over the 10,000,000-byte cap"),
    ("20 MB streamed", Response(streamed(TWENTY_MB), content_type=RSS),
     "{url} is larger than the 10,000,000-byte cap; stopped reading"),
    ("unknown compression", Response(b"\x00" * 100, content_type=RSS,
                                     headers={"Content-Encoding": "br"}),
     "{url} is compressed as 'br', which digest did not ask for and cannot read"),
], ids=lambda value: value if isinstance(value, str) and "{url}" not in value else "")
def test_a_feed_that_goes_bad_is_recorded_and_loses_nothing(
        tmp_path: Path, httpserver: HTTPServer, store: Store, case: str, bad: Response,
        expected: str) -> None:
    config, report = poll_good_then_bad(tmp_path, httpserver, store, bad)
    message = expected.format(url=httpserver.url_for("/bad"))
    assert [result.error for result in report.failed] == [message]
    assert report.new_articles == 1
    assert_nothing_lost(store, httpserver)
    row = shown(config, store, "Feed bad")
    assert row.message == f"failing (once): {message}"
    assert row.last_success is not None


def test_a_failing_feed_backs_off_exponentially_and_stays_polled(
        tmp_path: Path, httpserver: HTTPServer, store: Store) -> None:
    config, _ = poll_good_then_bad(tmp_path, httpserver, store, Response("down", status=500),
                                   every="10m")
    waits = [feed_state(store, httpserver, "/bad").next_poll - datetime.now(timezone.utc)]
    for _ in range(3):
        poll(config, store)
        waits.append(feed_state(store, httpserver, "/bad").next_poll - datetime.now(timezone.utc))
    # 10 min after the first failure, then 20, 40, 80: doubled each time, never dropped.
    for wait, minutes in zip(waits, (10, 20, 40, 80)):
        assert timedelta(minutes=minutes) - timedelta(seconds=30) < wait <= timedelta(
            minutes=minutes)
    assert httpserver.url_for("/bad") in [s.url for s in store.feed_sources()]
    row = shown(config, store, "Feed bad")
    assert row.message.startswith("failing (4 polls in a row): HTTP 500 from ")
    assert row.next_poll is not None and row.next_poll > datetime.now(timezone.utc) + timedelta(
        minutes=79)
    assert_nothing_lost(store, httpserver)


# When to come back ------------------------------------------------------------------------------

def http_date(delay: timedelta) -> str:
    return format_datetime(datetime.now(timezone.utc) + delay, usegmt=True)


@pytest.mark.parametrize("case, status, headers, ttl, wait", [
    ("429 Retry-After seconds", 429, {"Retry-After": "7200"}, "", timedelta(hours=2)),
    ("503 Retry-After date", 503, {"Retry-After": timedelta(hours=3)}, "",
     timedelta(hours=3)),
    ("503 Retry-After past the maximum", 503, {"Retry-After": str(10 * 86400)}, "",
     timedelta(days=1)),
    ("Cache-Control max-age", 200, {"Cache-Control": "public, max-age=7200"}, "",
     timedelta(hours=2)),
    ("Expires", 200, {"Date": timedelta(0), "Expires": timedelta(hours=3)},
     "", timedelta(hours=3)),
    ("RSS ttl", 200, {}, "<ttl>240</ttl>", timedelta(hours=4)),
    ("max-age shorter than the feed's interval", 200, {"Cache-Control": "max-age=60"}, "",
     timedelta(minutes=10)),
    ("no-cache", 200, {"Cache-Control": "no-cache", "Expires": timedelta(days=2)}, "",
     timedelta(minutes=10)),
], ids=lambda value: value if isinstance(value, str) and value[:1].isalnum() else "")
def test_next_poll_honours_what_the_server_asked_within_bounds(
        tmp_path: Path, httpserver: HTTPServer, store: Store, case: str, status: int,
        headers: dict[str, str | timedelta], ttl: str, wait: timedelta) -> None:
    # A date is written when the test runs: from now, as the server would.
    sent = {name: http_date(value) if isinstance(value, timedelta) else value
            for name, value in headers.items()}
    body = rss(httpserver, "bad", 2, extra=ttl) if status == 200 else "Quá tải"
    httpserver.expect_request("/bad").respond_with_data(body, status=status, headers=sent,
                                                        content_type=RSS)
    serve_good(httpserver)
    config = write_config(tmp_path, httpserver, ["/good.xml", "/bad"], every="10m",
                          polling="  min_interval: 5m\n  max_interval: 1d\n")
    before = datetime.now(timezone.utc)
    report = poll(config, store)
    after = datetime.now(timezone.utc)
    state = feed_state(store, httpserver, "/bad")
    assert state.next_poll is not None
    assert before + wait - timedelta(seconds=5) <= state.next_poll <= after + wait
    assert shown(config, store, "Feed bad").next_poll == state.next_poll
    assert_good_stored(store, httpserver)
    assert feed_state(store, httpserver, "/good.xml").next_poll <= after + timedelta(minutes=10)
    if status != 200:
        [failed] = report.failed
        assert failed.error.startswith(f"HTTP {status} from {httpserver.url_for('/bad')}")
        assert "(Retry-After), and it will" in failed.error
        # Not due: a poll that is not forced leaves the feed alone.
        requests = len(httpserver.log)
        pipeline.poll(load_config(config), store)
        assert all(request.path != "/bad" for request, _ in httpserver.log[requests:])


def test_a_feed_below_the_minimum_interval_is_polled_at_the_minimum(
        tmp_path: Path, httpserver: HTTPServer, store: Store) -> None:
    serve_good(httpserver)
    config = write_config(tmp_path, httpserver, ["/good.xml"], every="1m",
                          polling="  min_interval: 5m\n")
    poll(config, store)
    wait = feed_state(store, httpserver, "/good.xml").next_poll - datetime.now(timezone.utc)
    assert timedelta(minutes=4, seconds=55) < wait <= timedelta(minutes=5)


# Gone, moved, unanswered ------------------------------------------------------------------------

def test_410_marks_the_feed_gone_and_it_is_no_longer_polled(
        tmp_path: Path, httpserver: HTTPServer, store: Store) -> None:
    config, report = poll_good_then_bad(tmp_path, httpserver, store,
                                        Response("Đã xóa", status=410))
    url = httpserver.url_for("/bad")
    assert [result.error for result in report.failed] == [f"HTTP 410 from {url}"]
    assert feed_state(store, httpserver, "/bad").gone
    row = shown(config, store, "Feed bad")
    assert row.message == f"gone (HTTP 410 at {url}): no longer polled; remove it from feeds.yaml"
    assert row.next_poll is None
    command = CliRunner().invoke(cli, ["-c", str(config), "status", "--json"])
    listed = {feed["name"]: feed for feed in json.loads(command.stdout)["feeds"]}
    assert (listed["Feed bad"]["message"], listed["Feed bad"]["next_poll"]) == (row.message, None)
    assert listed["Good"]["message"] == ""
    assert "gone (HTTP 410" in CliRunner().invoke(cli, ["-c", str(config), "status"]).stdout
    requests = len(httpserver.log)
    poll(config, store)  # even a forced poll (`digest poll --all`) leaves it alone
    assert [request.path for request, _ in httpserver.log[requests:]] == ["/good.xml"]
    assert_nothing_lost(store, httpserver)


def test_301_saves_the_new_address_shows_it_and_polls_there(
        tmp_path: Path, httpserver: HTTPServer, store: Store) -> None:
    new = httpserver.url_for("/rss/new.rss")
    config, report = poll_good_then_bad(tmp_path, httpserver, store,
                                        Response("", status=301, headers={"Location": new}))
    httpserver.expect_request("/rss/new.rss").respond_with_data(
        rss(httpserver, "bad", 3), content_type=RSS)
    assert report.failed  # the new address had no feed yet: not trusted, not saved
    assert feed_state(store, httpserver, "/bad").moved_to is None
    report = poll(config, store)
    assert not report.failed and report.new_articles == 1
    state = feed_state(store, httpserver, "/bad")
    assert state.moved_to == new and state.articles == 3
    assert shown(config, store, "Feed bad").message == (
        f"moved permanently to {new}: update feeds.yaml")
    requests = len(httpserver.log)
    poll(config, store)
    assert sorted(request.path for request, _ in httpserver.log[requests:]) == [
        "/good.xml", "/rss/new.rss"]


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers: the kernel completes the handshake
    of a listening socket that never calls accept()."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed.rss"


def test_a_server_that_never_answers_times_out(tmp_path: Path, httpserver: HTTPServer,
                                               store: Store, silent_server: str) -> None:
    serve_good(httpserver)
    config = write_config(tmp_path, httpserver, ["/good.xml", silent_server], timeout=0.5)
    started = datetime.now(timezone.utc)
    report = poll(config, store)
    assert datetime.now(timezone.utc) - started < timedelta(seconds=5)
    assert [result.error for result in report.failed] == [
        f"timed out waiting for {silent_server} to answer"]
    assert shown(config, store, "Bad").message == (
        f"failing (once): timed out waiting for {silent_server} to answer")
    assert_good_stored(store, httpserver)


def test_a_gzip_bomb_is_stopped_at_the_cap_without_inflating_it(
        tmp_path: Path, httpserver: HTTPServer, store: Store) -> None:
    bomb = gzip.compress(b"<rss>" + b"\0" * 64_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    bad = Response(bomb, content_type=RSS, headers={"Content-Encoding": "gzip"})
    config = poll_good(tmp_path, httpserver, store, polling="  max_bytes: 1000000\n")
    tracemalloc.start()
    try:
        # Good brings nothing new, so no regrouping: the peak is the poll's reading alone
        # (and the test's own server, which runs in this process).
        report = poll_bad(config, httpserver, store, bad, good=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    url = httpserver.url_for("/bad")
    assert [result.error for result in report.failed] == [
        f"{url} is larger than the 1,000,000-byte cap; stopped reading"]
    # Inflated in full, the 64 MB would be in memory at once; reading stops past the 1 MB cap.
    assert peak < 24_000_000, f"peak {peak:,} bytes"
    assert feed_state(store, httpserver, "/bad").articles == 2
    assert_good_stored(store, httpserver, 1)


def test_polls_name_the_project_and_are_conditional(tmp_path: Path, httpserver: HTTPServer,
                                                    store: Store) -> None:
    modified = "Sat, 22 Aug 2026 13:06:00 GMT"
    body = rss(httpserver, "bad", 2)

    def handler(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == modified:
            return Response(status=304)
        return Response(body, content_type=RSS, headers={"Last-Modified": modified})

    httpserver.expect_request("/bad").respond_with_handler(handler)
    serve_good(httpserver)
    config = write_config(tmp_path, httpserver, ["/good.xml", "/bad"])
    assert poll(config, store).new_articles == 4
    report = poll(config, store)
    assert report.new_articles == 0 and not report.failed
    assert [r.not_modified for r in report.results if r.feed_url.endswith("/bad")] == [True]
    assert feed_state(store, httpserver, "/bad").articles == 2
    sent = [request.headers for request, _ in httpserver.log if request.path == "/bad"]
    assert "If-Modified-Since" not in sent[0] and sent[1]["If-Modified-Since"] == modified
    agents = {request.headers.get("User-Agent") for request, _ in httpserver.log}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("digest/")


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    """A server TLS context with a self-signed certificate for localhost (openssl CLI)."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_a_certificate_that_fails_is_named(tmp_path: Path, httpserver: HTTPServer, store: Store,
                                           self_signed: ssl.SSLContext) -> None:
    tls = HTTPServer(ssl_context=self_signed)
    tls.start()
    try:
        tls.expect_request("/feed.rss").respond_with_data(rss(tls, "tls", 1), content_type=RSS)
        url = tls.url_for("/feed.rss")
        serve_good(httpserver)
        config = write_config(tmp_path, httpserver, ["/good.xml", url])
        report = poll(config, store)
        assert tls.log == []  # the handshake failed: no request was ever made
    finally:
        tls.stop()
    message = (f"the TLS certificate of {url} could not be verified (self-signed certificate); "
               "digest will not read a feed whose certificate fails: tell the site, or use its "
               "http:// address")
    assert [result.error for result in report.failed] == [message]
    assert shown(config, store, "Bad").message == f"failing (once): {message}"
    assert_good_stored(store, httpserver)


# Hostile HTML ---------------------------------------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle r=9 /></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    '<a href="  JaVaScRiPt:alert(1)">hoa</a>',
    '<div style="background:url(javascript:alert(1));width:expression(alert(1))">x</div>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<embed src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    '"><script>alert(document.cookie)</script>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>',
    '<link rel="stylesheet" href="data:text/css,*{x:expression(alert(1))}">',
    "<style>@import 'javascript:alert(1)'; body{behavior:url(x.htc)}</style>",
    '<body onload=alert(1)><details open ontoggle=alert(1)>',
    # Escaped once: the text reads as markup after decoding, and must stay text.
    "&lt;script&gt;alert(2)&lt;/script&gt; &lt;img src=x onerror=alert(3)&gt;",
]
PAYLOAD = " ".join(XSS)


def hostile_rss(server: HTTPServer) -> str:
    """Items carrying every payload in title, summary and body, and in their links."""
    when = format_datetime(NOW - timedelta(hours=2))
    links = [("javascript:alert(1)", server.url_for("/x/1.html")),
             ("data:text/html,<script>alert(1)</script>", "x-2"),
             (server.url_for("/x/3.html"), server.url_for("/x/3.html"))]
    items = "".join(
        f"<item><title><![CDATA[Tin {n} {PAYLOAD}]]></title><link><![CDATA[{link}]]></link>"
        f"<guid isPermaLink=\"false\">{guid}</guid><pubDate>{when}</pubDate>"
        f"<description><![CDATA[{PAYLOAD} {MEETING}]]></description>"
        f"<content:encoded><![CDATA[<p>{FLOOD}</p>{PAYLOAD}<p>{MEETING}</p>]]></content:encoded>"
        "</item>" for n, (link, guid) in enumerate(links, 1))
    # A teaser: the article is read from its page, which is just as hostile.
    items += (f"<item><title>Tin 4</title><link>{server.url_for('/x/4.html')}</link>"
              f"<pubDate>{when}</pubDate><description><![CDATA[{XSS[1]} Xem]]></description>"
              "</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title><![CDATA[Báo {XSS[0]}]]></title><link>{server.url_for('/')}</link>{items}"
            "</channel></rss>")


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background",
                  "poster", "srcset", "content",
                  "{http://www.w3.org/1999/xlink}href"}


def dangerous_urls(page: lxml.html.HtmlElement) -> list[str]:
    found = []
    for element in page.iter():
        for name, value in element.attrib.items():
            scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name.lower() in URL_ATTRIBUTES and scheme.startswith(("javascript:", "data:",
                                                                      "vbscript:")):
                found.append(f"{element.tag} {name}={value}")
    return found


PAGE_SENTENCE = "Trang bài viết kể thêm rằng đoàn công tác đã kiểm tra 14 điểm sạt lở."
HOSTILE_PAGE = (f"<!DOCTYPE html><html><head><title>Tin 4</title>{XSS[0]}{XSS[12]}{XSS[15]}"
                f"</head><body {XSS[17][6:]}<nav>{XSS[4]}</nav><article><h1>Tin 4</h1>"
                f"<p>{MEETING}</p><p>{PAYLOAD}</p><p>{PAGE_SENTENCE}</p><p>{FLOOD}</p>"
                "</article></body></html>")


def test_no_payload_survives_a_poll_and_generate(tmp_path: Path, httpserver: HTTPServer,
                                                 store: Store) -> None:
    httpserver.expect_request("/xss.xml").respond_with_data(hostile_rss(httpserver),
                                                            content_type=RSS)
    httpserver.expect_request("/x/4.html").respond_with_data(
        HOSTILE_PAGE, content_type="text/html; charset=utf-8")
    config_path = write_config(tmp_path, httpserver, ["/xss.xml"],
                               digests="digests:\n  - name: daily\n    period: 1d\n")
    assert poll(config_path, store).new_articles == 4
    page_article = next(a for a in store.articles() if a.title == "Tin 4")
    assert PAGE_SENTENCE in page_article.text
    # Markup is gone with its content; only the payload escaped once is left, as text.
    assert "alert(1)" not in page_article.text and "cookie" not in page_article.text
    paths = pipeline.generate(load_config(config_path), store, since=NOW - timedelta(days=1),
                              until=NOW + timedelta(hours=1))
    html = next(path for path in paths if path.suffix == ".html").read_text(encoding="utf-8")
    page = lxml.html.fromstring(html)
    text = page.text_content()
    assert "Tin 1" in text and "Trương Thị Mai" in text  # the articles are in the digest
    assert "<script>alert(2)</script>" in text  # shown as text, never as markup
    assert not page.xpath("//script | //iframe | //frame | //object | //embed | //form | //base"
                          " | //link | //meta[@http-equiv] | //img | //math | //button")
    handlers = [f"{el.tag} {name}" for el in page.iter() for name in el.attrib
                if name.lower().startswith("on")]
    assert handlers == []
    assert dangerous_urls(page) == []
    styles = [el.get("style", "") for el in page.iter()] + [el.text or "" for el in
                                                            page.xpath("//style")]
    assert not [s for s in styles if re.search(r"expression\(|javascript:|behavior:|@import", s,
                                               re.I)]
    hrefs = [a.get("href") for a in page.xpath("//a")]
    assert hrefs and all(h.startswith(("#", "http://", "https://")) for h in hrefs), hrefs
    assert httpserver.url_for("/x/3.html") in hrefs  # the one real link is kept
    pdf = next(path for path in paths if path.suffix == ".pdf")
    uris = [str(annotation.get_object().get("/A", {}).get("/URI", ""))
            for page_ in PdfReader(pdf).pages for annotation in page_.get("/Annots") or []]
    assert not [uri for uri in uris if uri and not uri.startswith(("http://", "https://"))]


@pytest.fixture
def image_server() -> Iterator[HTTPServer]:
    """A second local server, for images only: the digest must never ask it for anything."""
    server = HTTPServer()
    server.start()
    server.expect_request("/pixel.png").respond_with_data(PNG, content_type="image/png")
    yield server
    server.stop()


# A 1x1 PNG: what WeasyPrint would embed if it fetched the image.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360f8cfc0f01f0005000201e2e8a8a10000000049454e44ae426082")


def pdf_images_and_text(pdf: bytes | Path) -> tuple[int, str]:
    reader = PdfReader(pdf if isinstance(pdf, Path) else io.BytesIO(pdf))
    return (sum(len(page.images) for page in reader.pages),
            "\n".join(page.extract_text() for page in reader.pages))


def test_pdf_of_a_poll_loads_no_image_and_no_local_file(
        tmp_path: Path, httpserver: HTTPServer, store: Store, image_server: HTTPServer) -> None:
    pixel = image_server.url_for("/pixel.png")
    images = (f'<img src="file:///etc/passwd"><img src="{pixel}">'
              f'<p style="background-image:url({pixel})">ảnh</p>'
              f'<svg><image href="{pixel}" width="9" height="9"/></svg>')
    body = rss(httpserver, "img", 1).replace("</description>", f"{images}</description>")
    body = body.replace("<description>", "<description><![CDATA[").replace(
        "</description>", "]]></description>")
    httpserver.expect_request("/img.xml").respond_with_data(body, content_type=RSS)
    config = write_config(tmp_path, httpserver, ["/img.xml"],
                          digests="digests:\n  - name: daily\n    period: 1d\n")
    assert poll(config, store).new_articles == 1
    [pdf] = pipeline.generate(load_config(config), store, since=NOW - timedelta(days=1),
                              until=NOW + timedelta(hours=1), formats=["pdf"])
    count, text = pdf_images_and_text(pdf)
    assert "Tin img số 0" in text and count == 0
    assert "root:" not in text and "passwd" not in text
    assert image_server.log == []


def test_pdf_engine_fetches_nothing_a_page_asks_for(image_server: HTTPServer) -> None:
    """Even HTML that reached the PDF engine unsanitised (a user's template, say)."""
    pixel = image_server.url_for("/pixel.png")
    html = (f'<html><head><style>@import url("{image_server.url_for("/a.css")}");'
            f'@font-face {{ font-family: X; src: url("{image_server.url_for("/f.ttf")}"); }}'
            f'body {{ background: url("{pixel}"); font-family: X; }}</style></head>'
            f'<body><p>Hội nghị</p><img src="file:///etc/passwd"><img src="{pixel}">'
            f'<img src="{pixel.replace("localhost", "127.0.0.1")}"><object data="{pixel}">'
            f'</object><svg><image href="{pixel}" width="9" height="9"/></svg>'
            f'<img src="data:image/png;base64,{base64.b64encode(PNG).decode()}"></body></html>')
    count, text = pdf_images_and_text(render_pdf(html))
    assert "Hội nghị" in text and count == 0
    assert "root:" not in text
    assert image_server.log == []


@pytest.mark.parametrize("address, problem", [
    ("127.0.0.1", "a loopback address"), ("::1", "a loopback address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("169.254.169.254", "a link-local address"),
    ("fe80::1%eth0", "a link-local address"), ("10.1.2.3", "a private address"),
    ("172.16.0.1", "a private address"), ("192.168.1.1", "a private address"),
    ("fd00::1", "a private address"), ("0.0.0.0", "a private address"),
    ("224.0.0.1", "a multicast address"), ("100.64.0.1", "not a public address"),
    ("8.8.8.8", None), ("2001:4860:4860::8888", None), ("[2001:db8::1]", "a private address"),
])
def test_address_check_refuses_what_is_not_public(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


def test_the_address_guard_asks_the_resolver_once_a_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name that does not resolve (or a private one) is looked up once, not once a page."""
    asked: list[str] = []
    resolve = fetch_http.host_problem

    def counted(host: str, port: int | None = None) -> str | None:
        asked.append(host)
        return resolve(host, port)

    guard = fetch_http.AddressGuard(trusted_hosts=())
    monkeypatch.setattr(fetch_http, "host_problem", counted)
    for path in ("/a", "/b", "/c"):
        with pytest.raises(AddressRefused, match="a loopback address"):
            guard(httpx.Request("GET", f"http://localhost:9{path}"))
    assert asked == ["localhost"]
    forgetful = fetch_http.AddressGuard(trusted_hosts=(), remember=0)
    for path in ("/a", "/b"):
        with pytest.raises(AddressRefused):
            forgetful(httpx.Request("GET", f"http://localhost:9{path}"))
    assert asked == ["localhost"] * 3


@pytest.mark.parametrize("url, reason", [
    ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
    ("http://10.0.0.1/x.png", "a private address"),
    ("http://[::1]:8080/x.png", "a loopback address"),
    ("http://localhost/x.png", "a loopback address"),
    ("https://example.vn/x.png", "a remote URL"),
    ("file:///etc/passwd", "a local file outside the digest's fonts"),
    ("data:image/png;base64,AAAA", "a data: URL"),
])
def test_pdf_fetcher_refuses_before_any_request(url: str, reason: str) -> None:
    assert refusal_reason(url) == reason
    with pytest.raises(ValueError, match=re.escape(f"refused {url}: {reason}")):
        FontFetcher().fetch(url)


# Crash safety ---------------------------------------------------------------------------------

CRASH_FEEDS, CRASH_ITEMS, CRASH_KILLS = 6, 150, 5


def test_a_poll_killed_at_random_points_loses_and_doubles_nothing(
        tmp_path: Path, httpserver: HTTPServer) -> None:
    """`digest poll` killed (SIGKILL) five times while fetching, storing or grouping, the feeds
    growing between runs, then a full poll: every item stored once and in a story."""
    bodies = {n: [rss(httpserver, f"crash{n}", count) for count in
                  [CRASH_ITEMS * (run + 1) // (CRASH_KILLS + 1) for run in range(CRASH_KILLS + 1)]]
              for n in range(CRASH_FEEDS)}
    run = 0

    def serve(n: int) -> Callable[[Request], Response]:
        return lambda request: Response(bodies[n][run], content_type=RSS)

    paths = [f"/crash{n}.xml" for n in range(CRASH_FEEDS)]
    for n, path in enumerate(paths):
        httpserver.expect_request(path).respond_with_handler(serve(n))
    config = write_config(tmp_path, httpserver, paths)
    command = [sys.executable, "-m", "digest", "-c", str(config), "poll", "--all"]
    rng = random.Random(6)
    # Measured: start-up ~0.7 s, fetching to ~1.2 s, storing to ~1.6 s, grouping to ~3.4 s.
    for run in range(CRASH_KILLS):
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.7, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    run = CRASH_KILLS
    final = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert final.returncode == 0, final.stderr
    assert final.stdout.startswith(f"{CRASH_FEEDS} feeds polled, 0 failed")

    with sqlite3.connect(tmp_path / "digest.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with open_store(f"sqlite:///{tmp_path / 'digest.db'}") as store:
        expected = sorted(httpserver.url_for(f"/crash{n}/{i}.html")
                          for n in range(CRASH_FEEDS) for i in range(CRASH_ITEMS))
        assert stored_urls(store) == expected  # every item once: none lost, none doubled
        assert all(state.articles == CRASH_ITEMS and state.last_error is None
                   for state in store.feed_status())
        assert store.articles_without_story() == []


def test_a_poll_with_nothing_new_groups_what_an_earlier_one_left_ungrouped(
        tmp_path: Path, httpserver: HTTPServer, store: Store) -> None:
    """As a poll killed between storing and grouping leaves it (or the service's per-feed
    polls, which store without grouping)."""
    serve_good(httpserver)
    config = write_config(tmp_path, httpserver, ["/good.xml"])
    loaded = load_config(config)
    pipeline.sync_feeds(loaded, store)
    with make_client(timeout=3) as client:
        assert pipeline.poll_feed(loaded, store, httpserver.url_for("/good.xml"), client).ok
    assert len(store.articles_without_story()) == 2
    report = poll(config, store)
    assert report.new_articles == 0 and report.stories >= 1
    assert store.articles_without_story() == []


# Broken configuration -------------------------------------------------------------------------

CONFIG = """\
store: sqlite:///digest.db
feeds:
  - url: https://baohagiang.vn/rss/thoi-su.rss
    name: Báo Hà Giang
    every: 30m
  - url: https://baolaocai.vn/rss/tin-moi.rss
    name: Báo Lào Cai
digests:
  - name: daily
    schedule: "0 7 * * *"
    period: 1d
    deliver:
      email:
        host: smtp.example.vn
        user: digest
        password_env: DIGEST_TEST_SMTP_PASSWORD
        from: digest@example.vn
        to: [editor@example.vn]
"""


@pytest.mark.parametrize("case, old, new, line, message", [
    ("bad YAML", "    name: Báo Lào Cai", "    name: [Báo Lào Cai", 8,
     "not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence started "
     "at line 7)"),
    ("unknown key", "    every: 30m", "    evry: 30m", 5,
     "feeds[0].evry: unknown setting (check its spelling)"),
    ("bad URL", "https://baolaocai.vn/rss/tin-moi.rss", "baolaocai.vn/rss/tin-moi.rss", 6,
     "feeds[1].url: expected an http:// or https:// URL, got 'baolaocai.vn/rss/tin-moi.rss'"),
    ("bad cron", '"0 7 * * *"', '"0 25 * * *"', 10,
     "digests[0].schedule: expected a valid cron line such as '0 7 * * *', got '0 25 * * *'"),
    ("bad period", "period: 1d", "period: daily", 11,
     "digests[0].period: expected a duration such as 30m, 6h, 1d or 7d, got 'daily'"),
    ("bad interval", "every: 30m", "every: 0m", 5,
     "feeds[0].every: expected a duration such as 30m, 6h, 1d or 7d, got '0m'"),
    ("duplicate feed", "https://baolaocai.vn/rss/tin-moi.rss",
     "http://www.baohagiang.vn/rss/thoi-su.rss/", 6,
     "feeds[1].url: duplicate feed url 'http://www.baohagiang.vn/rss/thoi-su.rss/': the same "
     "feed is already listed at line 3; remove one of them"),
    ("password in the file", "password_env: DIGEST_TEST_SMTP_PASSWORD", "password: hunter2", 13,
     "digests[0].deliver.email: a password does not go in feeds.yaml"),
], ids=lambda value: value if isinstance(value, str) and value[:1].islower() and len(value) < 24
   else "")
@pytest.mark.parametrize("command", [["poll"], ["feeds", "check"], ["status"]])
def test_each_config_mistake_is_one_line_with_its_line_and_exit_1(
        tmp_path: Path, case: str, old: str, new: str, line: int, message: str,
        command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_TEST_SMTP_PASSWORD", "secret")
    path = tmp_path / "feeds.yaml"
    assert old in CONFIG
    path.write_text(CONFIG.replace(old, new), encoding="utf-8")
    result = CliRunner().invoke(cli, ["-c", str(path), *command], catch_exceptions=False)
    assert result.exit_code == 1
    [error] = result.stderr.splitlines()
    assert error.startswith(f"Error: {path}:{line}: {message}")
    assert result.stdout == ""
    assert not (tmp_path / "digest.db").exists()


def test_a_missing_smtp_password_variable_is_named_before_anything_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGEST_TEST_SMTP_PASSWORD", raising=False)
    path = tmp_path / "feeds.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    expected = (f"Error: {path}:13: password_env: the environment variable "
                "DIGEST_TEST_SMTP_PASSWORD is not set; export it (the SMTP password) before "
                "starting digest\n")
    checked = CliRunner().invoke(cli, ["-c", str(path), "feeds", "check"])
    assert (checked.exit_code, checked.stderr) == (1, expected)
    # The service says it at start, not at the first delivery hours later.
    service = subprocess.run([sys.executable, "-m", "digest", "-c", str(path), "run"],
                             cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert service.returncode == 1
    assert service.stderr.endswith(expected)


def test_feeds_check_prints_what_answered(tmp_path: Path, httpserver: HTTPServer) -> None:
    serve_good(httpserver)
    httpserver.expect_request("/bad").respond_with_data("Không tìm thấy", status=404)
    config = write_config(tmp_path, httpserver, ["/good.xml", "/bad"])
    result = CliRunner().invoke(cli, ["-c", str(config), "feeds", "check"])
    assert result.exit_code == 1
    rows = {line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]]
            for line in result.stdout.splitlines() if line.count("│") == 6}
    assert rows["Good"] == [httpserver.url_for("/good.xml"), "200", "2", "ok"]
    url, status, items, outcome = rows["Feed bad"]
    assert (url, status, items) == (httpserver.url_for("/bad"), "404", "0")
    assert outcome.startswith(f"HTTP 404 from {httpserver.url_for('/bad')}")
    assert result.stdout.splitlines()[-1] == "1 of 2 feeds answered"
    assert not (tmp_path / "digest.db").exists()  # a check stores nothing


# Properties of the normalisers ----------------------------------------------------------------

FEED_DATE_PIECES = st.sampled_from(list("0123456789/:-+., TZ") + [
    "AM", "PM", "GMT", "ICT", "Mon, ", "Aug ", "Feb ", "2026", "12", "31", "29", "00:00", "T"])
DATE_LIKE = st.one_of(st.text(max_size=80),
                      st.lists(FEED_DATE_PIECES, max_size=24).map("".join))
ZONES = st.sampled_from(["Asia/Ho_Chi_Minh", "UTC", "America/New_York", "Pacific/Kiritimati"])
MOMENTS = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2199, 1, 1),
                       timezones=st.just(timezone.utc)).map(lambda when: when.replace(
                           microsecond=0))


@settings(max_examples=400, deadline=None)
@given(DATE_LIKE, ZONES)
def test_no_feed_date_makes_the_reader_raise(text: str, tz: str) -> None:
    when = parse_feed_date(text, tz)
    assert when is None or when.utcoffset() == timedelta(0)


@settings(max_examples=200, deadline=None)
@given(MOMENTS)
def test_feed_dates_in_every_form_read_back(when: datetime) -> None:
    local = when.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    hour12 = local.hour % 12 or 12
    forms = [format_datetime(when), when.isoformat(), local.isoformat(),
             local.strftime("%a, %d %b %Y %H:%M:%S"),  # RFC 822 without a zone: local time
             f"{local.month}/{local.day}/{local.year} {hour12}:{local:%M:%S} "
             f"{'PM' if local.hour >= 12 else 'AM'}",
             f"{local:%d/%m/%Y %H:%M:%S}"]
    for form in forms:
        if form.endswith(tuple(f"/{local.year} {local:%H:%M:%S}")) and local.day <= 12:
            continue  # "05/06/2026" without AM/PM is read day first, as written in Vietnam
        assert parse_feed_date(form) == when, form


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=60))
def test_no_header_makes_the_poll_timing_raise(retry: str, control: str, expires: str) -> None:
    # As they come off the wire: bytes, which httpx decodes.
    raw = {"retry-after": retry, "cache-control": control, "expires": expires, "date": expires}
    headers = httpx.Headers([(name.encode(), value.encode("utf-8", "replace"))
                             for name, value in raw.items()])
    for value in (retry_after(headers), http_freshness(headers)):
        assert value is None or value >= 0


URL_PIECES = st.sampled_from(["http://", "https://", "HTTP://", "www.", "baohagiang.vn", "[::1]",
                              ":80", ":443", ":8080", ":99999", ":x", "/", "/tin", "/hội", "%e1",
                              "%E1%BB%99", "?", "&", "=", "utm_source=rss", "id=7", "#", "a",
                              "@", "user:pw@", " ", ".", "..", "[", "]", "\\", "%", "fbclid=1"])
URLS = st.one_of(st.text(max_size=80), st.lists(URL_PIECES, max_size=16).map("".join))


@settings(max_examples=500, deadline=None)
@given(URLS)
@example("HTTP://WWW.WWW.0")  # found by hypothesis: one "www." came off each time
@example("HTTP:// /")  # found by hypothesis: a blank host became "https:// "
def test_no_url_makes_the_article_key_raise_and_keys_are_stable(url: str) -> None:
    key = canonical_url(url)
    assert canonical_url(key) == key
    if key != url.strip():  # normalised: a web address, without its tracking parameters
        names = [unquote_plus(pair.partition("=")[0]).lower()
                 for pair in urlsplit(key).query.split("&")]
        assert key.startswith("https://") and not any(n.startswith("utm_") for n in names)


@settings(max_examples=300, deadline=None)
@given(URLS)
def test_no_url_makes_the_feed_key_or_the_checks_raise(url: str) -> None:
    try:
        feed_key(url)
        check_http_url(url)
    except ValueError:
        pass  # feed_key and check_http_url say "not a URL" with ValueError, by contract
    address_problem(url)
    refusal_reason(url)
    link = safe_url(url)
    assert link is None or link.lower().startswith(("http://", "https://"))


NUMBERISH = st.lists(st.sampled_from(list("0123456789.,%") + [" ", " tỷ", " triệu", " nghìn",
                                                                " đồng", " USD", "-", " - ",
                                                                " đến ", "/", " lượt"]),
                     max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(NUMBERISH)
def test_no_run_of_digits_and_separators_makes_the_number_reader_raise(text: str) -> None:
    try:
        numbers = find_numbers(f"Tổng vốn đạt {text} trong năm.")
    except DigestError:
        return
    assert all(math.isfinite(number.value) for number in numbers)


@settings(max_examples=300, deadline=None)
@given(DATE_LIKE, st.one_of(st.none(), MOMENTS))
def test_no_text_makes_the_article_date_readers_raise(text: str, published: datetime | None
                                                      ) -> None:
    try:
        parse_vn_datetime(text)
        event_dates(text, published)
    except DigestError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["", "text/xml", "application/rss+xml; "
                                                 "charset=utf-8", "text/xml; charset=latin-1"]))
def test_no_body_makes_the_charset_repair_raise(body: bytes, content_type: str) -> None:
    repaired, _, _ = repair_charset(body, content_type)
    assert isinstance(repaired, bytes)


def test_discovery_skips_links_no_parser_reads(httpserver: HTTPServer) -> None:
    httpserver.no_handler_status_code = 404
    page = ('<html><body><a href="http://[baohagiang.vn/rss">RSS cũ</a>'
            '<a href="/rss/tin-moi.rss">RSS</a></body></html>')
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/rss/tin-moi.rss").respond_with_data(
        rss(httpserver, "d", 1), content_type=RSS)
    with make_client(timeout=3) as client:
        found = discover_feed(client, httpserver.url_for("/"))
    assert found == httpserver.url_for("/rss/tin-moi.rss")
