"""Hostile feeds, hostile HTML, broken configuration (issue 6).

Every bad feed is served by a real HTTP server on 127.0.0.1 (pytest-httpserver) and polled
through the real pipeline into a real SQLite store; nothing is mocked. Each test checks what is
recorded against the feed (the line `digest status` shows), that a good feed polled alongside
still stores its articles, and that nothing stored before is lost.
"""

from __future__ import annotations

import gzip
import re
import socket
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from digest import pipeline
from digest.config import Config, load_config
from digest.fetch import USER_AGENT
from digest.store import FeedStatus, Store, open_store
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
                 polling: str = "", digests: str = "") -> Path:
    """A feeds.yaml polling `paths` on the server: the first is the good feed, named Good."""
    feeds = "".join(f"  - url: {server.url_for(path)}\n    name: {_name(n, path)}\n"
                    f"    every: {every}\n" for n, path in enumerate(paths))
    path = folder / "feeds.yaml"
    path.write_text("store: sqlite:///digest.db\noutput: out\n"
                    f"polling:\n  host_delay: 0\n  timeout: 3\n{polling}"
                    f"feeds:\n{feeds}{digests}", encoding="utf-8")
    return path


def _name(index: int, path: str) -> str:
    return "Good" if index == 0 else f"Feed {path.strip('/')}"


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
