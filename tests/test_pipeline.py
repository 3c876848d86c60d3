"""The pipeline end to end, against feeds served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from digest import pipeline
from digest.config import Config, DigestConfig, FeedConfig
from digest.store import Store, open_store
from texts import FLOOD, MEETING



def rss(items: list[tuple[str, str, str, datetime]]) -> str:
    """An RSS 2.0 document with full text in each description."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{text}</description></item>"
        for title, link, text, when in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'


def conditional(body: str, etag: str) -> "callable":
    """A handler that answers 304 when the client sends the ETag back, as real servers do."""
    def handle(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="application/rss+xml; charset=utf-8", headers={"ETag": etag})
    return handle


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'digest.db'}")
    yield opened
    opened.close()


def make_config(tmp_path: Path, server: HTTPServer, paths: list[str]) -> Config:
    feeds = [FeedConfig(url=server.url_for(path), name=f"Outlet {n}", province="Hà Giang",
                        outlet="provincial") for n, path in enumerate(paths)]
    return Config(store=f"sqlite:///{tmp_path / 'digest.db'}", output=str(tmp_path / "out"),
                  feeds=feeds, digests=[DigestConfig(name="daily", period="7d")], base_dir=tmp_path)


WHEN = datetime(2023, 7, 28, 11, 52, tzinfo=timezone.utc)


def serve_two_outlets(httpserver: HTTPServer) -> None:
    """Two outlets carrying the same meeting article (one with tracking parameters) and more."""
    shared = httpserver.url_for("/news/hoi-nghi.html")
    first = rss([("Giao ban 6 tháng", shared, MEETING, WHEN),
                 ("Sạt lở Quốc lộ 4C", httpserver.url_for("/news/sat-lo.html"), FLOOD, WHEN)])
    second = rss([("Giao ban 6 tháng", shared + "?utm_source=rss&utm_medium=feed", MEETING, WHEN)])
    httpserver.expect_request("/a.xml").respond_with_handler(conditional(first, '"a1"'))
    httpserver.expect_request("/b.xml").respond_with_handler(conditional(second, '"b1"'))


def test_second_poll_gets_304_and_stores_nothing_new(tmp_path: Path, httpserver: HTTPServer,
                                                     store: Store) -> None:
    serve_two_outlets(httpserver)
    config = make_config(tmp_path, httpserver, ["/a.xml", "/b.xml"])
    first = pipeline.poll(config, store)
    assert first.new_articles == 2 and not first.failed
    second = pipeline.poll(config, store, force=True)  # not due yet: as `digest poll --all`
    assert second.new_articles == 0 and len(second.results) == 2
    assert all(result.not_modified for result in second.results)
    sent = [request.headers.get("If-None-Match") for request, _ in httpserver.log[-2:]]
    assert sorted(sent) == ['"a1"', '"b1"']


def test_the_same_article_in_two_feeds_is_stored_once(tmp_path: Path, httpserver: HTTPServer,
                                                      store: Store) -> None:
    serve_two_outlets(httpserver)
    pipeline.poll(make_config(tmp_path, httpserver, ["/a.xml", "/b.xml"]), store)
    titles = sorted(article.title for article in store.articles())
    assert titles == ["Giao ban 6 tháng", "Sạt lở Quốc lộ 4C"]


def test_a_failing_feed_never_stops_the_others(tmp_path: Path, httpserver: HTTPServer,
                                               store: Store) -> None:
    serve_two_outlets(httpserver)
    httpserver.expect_request("/broken.xml").respond_with_data("oops", status=500)
    httpserver.expect_request("/garbage.xml").respond_with_data("\x00\x01 not xml <<<",
                                                                content_type="application/rss+xml")
    config = make_config(tmp_path, httpserver, ["/broken.xml", "/a.xml", "/garbage.xml"])
    report = pipeline.poll(config, store)
    assert report.new_articles == 2
    failed = {result.feed_url: result.error for result in report.failed}
    assert set(failed) == {httpserver.url_for("/broken.xml"), httpserver.url_for("/garbage.xml")}
    assert "500" in failed[httpserver.url_for("/broken.xml")]
    status = {row.url: row for row in store.feed_status()}
    assert status[httpserver.url_for("/broken.xml")].last_error
    assert status[httpserver.url_for("/a.xml")].last_error is None


def test_generate_writes_html_and_pdf_for_the_period(tmp_path: Path, httpserver: HTTPServer,
                                                     store: Store) -> None:
    serve_two_outlets(httpserver)
    config = make_config(tmp_path, httpserver, ["/a.xml", "/b.xml"])
    pipeline.poll(config, store)
    paths = pipeline.generate(config, store, since=datetime(2023, 7, 27, tzinfo=timezone.utc),
                              until=datetime(2023, 7, 29, tzinfo=timezone.utc))
    assert sorted(path.suffix for path in paths) == [".html", ".pdf"]
    assert all(path.parent == tmp_path / "out" / "daily" for path in paths)
    html = next(path for path in paths if path.suffix == ".html").read_text(encoding="utf-8")
    assert "Giao ban 6 tháng" in html and "Sạt lở Quốc lộ 4C" in html
    pdf_text = "".join(page.extract_text() for page in PdfReader(paths[-1]).pages)
    assert "Trương Thị Mai" in pdf_text


def test_a_period_without_articles_still_makes_a_digest(tmp_path: Path, httpserver: HTTPServer,
                                                        store: Store) -> None:
    serve_two_outlets(httpserver)
    config = make_config(tmp_path, httpserver, ["/a.xml"])
    pipeline.poll(config, store)
    paths = pipeline.generate(config, store, since=datetime(2020, 1, 1, tzinfo=timezone.utc),
                              until=datetime(2020, 1, 2, tzinfo=timezone.utc), formats=["html"])
    assert "Sạt lở" not in paths[0].read_text(encoding="utf-8")
