"""digest.fetch against a real local HTTP server (pytest-httpserver); nothing is mocked."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from digest.errors import FeedError
from digest.fetch import (USER_AGENT, discover_feed, fetch_all, fetch_feed, make_client,
                          read_feed)
from digest.fetch_http import get_capped
from digest.models import FeedSource
from digest.workers import POOL_MIN_FEEDS, process_pool

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"
# Self-describing feeds: a header comment says what each tests and what fetch_feed must return.
FEED_FIXTURES = sorted(p for p in FIXTURES.iterdir() if p.is_file())
RSS = "application/rss+xml; charset=utf-8"


def rss(*titles: str) -> str:
    """A small valid RSS 2.0 feed with one item per title."""
    items = "".join(
        f"<item><title>{title}</title><link>https://example.vn/{n}.html</link>"
        f"<guid>https://example.vn/{n}.html</guid>"
        f"<pubDate>Fri, 28 Jul 2023 18:52:00 +0700</pubDate>"
        f"<description>Tóm tắt {n}</description></item>"
        for n, title in enumerate(titles)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Báo tỉnh</title><link>https://example.vn/</link>{items}</channel></rss>"
    )


def fixture_header(path: Path) -> dict[str, str]:
    """The `Name: value` lines of a fixture's first comment (see tests/fixtures/fetch)."""
    comment = re.search(r"<!--(.*?)-->", path.read_text(encoding="utf-8"), re.S)
    assert comment, f"{path.name} has no header comment"
    return dict(re.findall(r"^([A-Z][\w-]*):\s*(.*)$", comment.group(1), re.M))


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(timeout=5.0) as http:
        yield http


@pytest.mark.parametrize("path", FEED_FIXTURES, ids=lambda p: p.name)
def test_fixture_feeds(httpserver: HTTPServer, client: httpx.Client, path: Path) -> None:
    header = fixture_header(path)
    httpserver.expect_request("/feed").respond_with_data(
        path.read_bytes(), content_type=header["Content-Type"]
    )
    url = httpserver.url_for("/feed")
    result = fetch_feed(client, FeedSource(url=url, name=path.stem))
    if "Expect-Error" in header:
        assert result.error is not None
        assert result.error.startswith(header["Expect-Error"].format(url=url))
        assert result.items == ()
    else:
        assert result.error is None, result.error
        assert len(result.items) == int(header["Expect-Items"])


def test_items_are_mapped_from_entries(httpserver: HTTPServer, client: httpx.Client) -> None:
    body = (FIXTURES / "rss2_vietnamese.xml").read_bytes()
    httpserver.expect_request("/rss/thoi-su.rss").respond_with_data(body, content_type=RSS)
    url = httpserver.url_for("/rss/thoi-su.rss")
    first, second = fetch_feed(client, FeedSource(url=url, name="hg")).items
    assert first.guid == "hg-2023-0728-01"
    assert first.url == "https://baohagiang.vn/thoi-su/giao-ban-6-thang.html"
    assert first.title == "Thường trực Ban Bí thư giao ban trực tuyến với Bí thư các Tỉnh ủy"
    assert first.published == datetime(2023, 7, 28, 11, 26, tzinfo=timezone.utc)
    assert first.content_html is not None and "6.378 tỷ đồng" in first.content_html
    assert "hội nghị giao ban" in first.summary_html
    # A relative <link> is resolved against the URL the feed was served from.
    assert second.url == httpserver.url_for("/thoi-su/so-ket-giua-nhiem-ky.html")
    assert second.content_html is None


def test_atom_date_falls_back_to_updated(httpserver: HTTPServer, client: httpx.Client) -> None:
    body = (FIXTURES / "atom_updated_only.xml").read_bytes()
    httpserver.expect_request("/atom").respond_with_data(body, content_type="application/atom+xml")
    (item,) = fetch_feed(client, FeedSource(url=httpserver.url_for("/atom"), name="a")).items
    assert item.published == datetime(2023, 6, 27, 3, 30, tzinfo=timezone.utc)
    assert item.guid == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"


def test_client_names_the_project(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.expect_request("/feed", headers={"User-Agent": USER_AGENT}).respond_with_data(
        rss("Một"), content_type=RSS
    )
    result = fetch_feed(client, FeedSource(url=httpserver.url_for("/feed"), name="f"))
    assert result.ok, result.error


def test_conditional_get(httpserver: HTTPServer, client: httpx.Client) -> None:
    etag, modified = '"v1"', "Fri, 28 Jul 2023 12:00:00 GMT"

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(
            rss("Một", "Hai"), content_type=RSS, headers={"ETag": etag, "Last-Modified": modified}
        )

    httpserver.expect_request("/feed").respond_with_handler(handler)
    url = httpserver.url_for("/feed")
    first = fetch_feed(client, FeedSource(url=url, name="f"))
    assert (first.status, len(first.items), first.not_modified) == (200, 2, False)
    assert (first.etag, first.last_modified) == (etag, modified)

    second = fetch_feed(client, FeedSource(url=url, name="f", etag=first.etag,
                                           last_modified=first.last_modified))
    sent = httpserver.log[-1][0].headers
    assert sent["If-None-Match"] == etag and sent["If-Modified-Since"] == modified
    assert second.ok and second.not_modified and second.status == 304
    assert second.items == ()
    assert (second.etag, second.last_modified) == (etag, modified)


def test_first_poll_sends_no_validators(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.expect_request("/feed").respond_with_data(rss("Một"), content_type=RSS)
    fetch_feed(client, FeedSource(url=httpserver.url_for("/feed"), name="f"))
    sent = httpserver.log[-1][0].headers
    assert "If-None-Match" not in sent and "If-Modified-Since" not in sent


def test_fetch_all_keeps_order_and_survives_failures(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    httpserver.expect_request("/good").respond_with_data(rss("Một", "Hai"), content_type=RSS)
    httpserver.expect_request("/garbage").respond_with_data(
        b"\x00\x01 this is not xml", content_type="text/plain"
    )
    urls = [httpserver.url_for(p) for p in ("/broken", "/good", "/garbage")]
    results = fetch_all(client, [FeedSource(url=u, name=u) for u in urls], workers=3)
    assert [r.feed_url for r in results] == urls
    broken, good, garbage = results
    assert broken.error == f"HTTP 500 from {urls[0]}" and broken.status == 500
    assert good.ok and len(good.items) == 2
    assert garbage.error is not None and garbage.error.startswith("not a feed:")


def test_fetch_all_spreads_over_hosts(httpserver: HTTPServer, client: httpx.Client) -> None:
    # localhost and 127.0.0.1 are two hosts to fetch_all, one server here.
    httpserver.expect_request("/a").respond_with_data(rss("A"), content_type=RSS)
    httpserver.expect_request("/b").respond_with_data(rss("B1", "B2"), content_type=RSS)
    a = httpserver.url_for("/a")
    b = httpserver.url_for("/b").replace("localhost", "127.0.0.1")
    c = httpserver.url_for("/a").replace("localhost", "127.0.0.1")
    results = fetch_all(client, [FeedSource(u, u) for u in (a, b, c)])
    assert [len(r.items) for r in results] == [1, 2, 1]
    assert fetch_all(client, []) == []


def test_fetch_all_parses_many_feeds_in_worker_processes(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    count = POOL_MIN_FEEDS + 2
    for n in range(count):
        httpserver.expect_request(f"/{n}").respond_with_data(
            rss(f"Tin {n} tỉnh Hà Giang", "Tin chung") if n != 3 else "<html>trang</html>",
            content_type=RSS)
    urls = [httpserver.url_for(f"/{n}") for n in range(count)]
    with process_pool(count) as pool:
        assert pool is not None or (os.cpu_count() or 1) < 2
        results = fetch_all(client, [FeedSource(u, u) for u in urls], pool=pool)
    assert [r.feed_url for r in results] == urls
    assert results[3].error is not None and results[3].error.startswith("not a feed:")
    assert [r.items[0].title for r in results if r.ok] == [
        f"Tin {n} tỉnh Hà Giang" for n in range(count) if n != 3]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: feeds are parsed in this process")
def test_worker_processes_read_as_this_one_does(httpserver: HTTPServer,
                                                client: httpx.Client) -> None:
    httpserver.expect_request("/feed").respond_with_data(rss("Một", "Hai"), content_type=RSS)
    download = get_capped(client, httpserver.url_for("/feed"), 1_000_000, {})
    with process_pool(POOL_MIN_FEEDS) as pool:
        assert pool is not None
        in_worker = pool.submit(read_feed, download, "Asia/Ho_Chi_Minh").result()
        assert in_worker == read_feed(download, "Asia/Ho_Chi_Minh")
    with process_pool(POOL_MIN_FEEDS - 1) as pool:
        assert pool is None


def test_html_page_instead_of_feed(httpserver: HTTPServer, client: httpx.Client) -> None:
    body = "<!DOCTYPE html><html><body><h1>Trang chủ</h1><p>Tin mới</p></body></html>"
    httpserver.expect_request("/").respond_with_data(body, content_type="text/html")
    url = httpserver.url_for("/")
    result = fetch_feed(client, FeedSource(url=url, name="home"))
    assert result.error is not None
    assert result.error.startswith(f"not a feed: {url} looks like an HTML page")
    assert result.etag is None


def test_permanent_redirect_sets_new_url(httpserver: HTTPServer, client: httpx.Client) -> None:
    new = httpserver.url_for("/rss/new.rss")
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": new})
    httpserver.expect_request("/rss/new.rss").respond_with_data(rss("Một"), content_type=RSS)
    result = fetch_feed(client, FeedSource(url=httpserver.url_for("/old"), name="f"))
    assert result.ok and len(result.items) == 1
    assert result.new_url == new


def test_temporary_redirect_keeps_url(httpserver: HTTPServer, client: httpx.Client) -> None:
    new = httpserver.url_for("/today.rss")
    httpserver.expect_request("/feed").respond_with_data("", status=302, headers={"Location": new})
    httpserver.expect_request("/today.rss").respond_with_data(rss("Một"), content_type=RSS)
    result = fetch_feed(client, FeedSource(url=httpserver.url_for("/feed"), name="f"))
    assert result.ok and result.new_url is None


def test_permanent_then_temporary_redirect(httpserver: HTTPServer, client: httpx.Client) -> None:
    moved, today = httpserver.url_for("/moved"), httpserver.url_for("/today.rss")
    httpserver.expect_request("/old").respond_with_data("", status=308, headers={"Location": moved})
    httpserver.expect_request("/moved").respond_with_data(
        "", status=307, headers={"Location": today}
    )
    httpserver.expect_request("/today.rss").respond_with_data(rss("Một"), content_type=RSS)
    result = fetch_feed(client, FeedSource(url=httpserver.url_for("/old"), name="f"))
    assert result.new_url == moved


def test_redirect_to_an_error_does_not_move(httpserver: HTTPServer, client: httpx.Client) -> None:
    gone = httpserver.url_for("/gone")
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": gone})
    httpserver.expect_request("/gone").respond_with_data("", status=410)
    result = fetch_feed(client, FeedSource(url=httpserver.url_for("/old"), name="f"))
    assert result.error == f"HTTP 410 from {gone}"
    assert result.new_url is None


def test_declared_size_over_cap(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.expect_request("/big").respond_with_data(rss(*["Tin"] * 100), content_type=RSS)
    source = FeedSource(url=httpserver.url_for("/big"), name="f")
    result = fetch_feed(client, source, max_bytes=1000)
    assert result.error is not None and "1,000-byte cap" in result.error
    assert result.items == ()


def test_streamed_size_over_cap(httpserver: HTTPServer, client: httpx.Client) -> None:
    """No Content-Length: the cap must be enforced while reading, not from the header."""
    body = rss(*["Tin"] * 100).encode()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 256):
            yield body[start:start + 256]

    httpserver.expect_request("/big").respond_with_handler(
        lambda request: Response(chunks(), content_type=RSS)
    )
    source = FeedSource(url=httpserver.url_for("/big"), name="f")
    result = fetch_feed(client, source, max_bytes=1000)
    assert "content-length" not in {k.lower() for k in httpserver.log[-1][1].headers.keys()}
    assert result.error is not None and "1,000-byte cap" in result.error


def test_body_within_cap_is_read(httpserver: HTTPServer, client: httpx.Client) -> None:
    body = rss("Một")
    httpserver.expect_request("/f").respond_with_data(body, content_type=RSS)
    source = FeedSource(url=httpserver.url_for("/f"), name="f")
    assert fetch_feed(client, source, max_bytes=len(body.encode())).ok


def test_timeout_is_an_error_not_an_exception(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(rss("Muộn"), content_type=RSS)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    url = httpserver.url_for("/slow")
    with make_client(timeout=0.25) as http:
        started = time.monotonic()
        result = fetch_feed(http, FeedSource(url=url, name="slow"))
    assert time.monotonic() - started < 0.9
    assert result.error == f"timed out waiting for {url} to answer"
    assert result.status is None


def test_connection_refused_names_the_feed(client: httpx.Client) -> None:
    url = "http://127.0.0.1:9/feed.rss"  # the discard port: nothing listens there
    result = fetch_feed(client, FeedSource(url=url, name="dead"))
    assert result.error is not None and result.error.startswith(f"could not connect to {url}")


def test_invalid_url_is_an_error(client: httpx.Client) -> None:
    result = fetch_feed(client, FeedSource(url="ftp://example.vn/feed", name="ftp"))
    assert result.error is not None and "ftp://example.vn/feed" in result.error


def test_discover_returns_a_feed_url_as_is(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.expect_request("/rss/home.rss").respond_with_data(rss("Một"), content_type=RSS)
    url = httpserver.url_for("/rss/home.rss")
    assert discover_feed(client, url) == url


def test_discover_via_link_alternate(httpserver: HTTPServer, client: httpx.Client) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Báo tỉnh</title>"
        '<link rel="stylesheet" href="/s.css">'
        '<link rel="alternate" type="application/rss+xml" title="Tin mới" href="rss/tin-moi.rss">'
        "</head><body><p>Trang chủ</p></body></html>"
    )
    httpserver.expect_request("/vi/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/vi/rss/tin-moi.rss").respond_with_data(rss("Một"), content_type=RSS)
    found = discover_feed(client, httpserver.url_for("/vi/"))
    assert found == httpserver.url_for("/vi/rss/tin-moi.rss")


def test_discover_via_usual_path(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.no_handler_status_code = 404
    page = "<!DOCTYPE html><html><body><p>Không có link RSS ở đây.</p></body></html>"
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/rss.xml").respond_with_data(rss("Một"), content_type=RSS)
    assert discover_feed(client, httpserver.url_for("/")) == httpserver.url_for("/rss.xml")


def test_discover_usual_path_needs_entries(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.no_handler_status_code = 404
    page = "<!DOCTYPE html><html><body><p>Trang chủ</p></body></html>"
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/rss").respond_with_data(rss(), content_type=RSS)
    httpserver.expect_request("/feed.xml").respond_with_data(rss("Một"), content_type=RSS)
    assert discover_feed(client, httpserver.url_for("/")) == httpserver.url_for("/feed.xml")


def test_discover_via_rss_index_page(httpserver: HTTPServer, client: httpx.Client) -> None:
    """Vietnamese sites often link an /rss.html page that lists their category feeds."""
    httpserver.no_handler_status_code = 404
    home = '<html><body><footer><a href="/rss.html">RSS</a></footer></body></html>'
    index = (
        '<html><body><ul><li><a href="/rss/thoi-su.rss">Thời sự</a></li>'
        '<li><a href="/rss/kinh-te.rss">Kinh tế</a></li></ul></body></html>'
    )
    httpserver.expect_request("/").respond_with_data(home, content_type="text/html")
    httpserver.expect_request("/rss.html").respond_with_data(index, content_type="text/html")
    httpserver.expect_request("/rss/thoi-su.rss").respond_with_data(rss("Một"), content_type=RSS)
    assert discover_feed(client, httpserver.url_for("/")) == httpserver.url_for("/rss/thoi-su.rss")


def test_discover_finds_nothing(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.no_handler_status_code = 404
    page = "<html><body><p>Không có RSS.</p></body></html>"
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/")
    with pytest.raises(FeedError, match=rf"^no feed found at {re.escape(url)}: "):
        discover_feed(client, url)


def test_discover_unreachable_site(httpserver: HTTPServer, client: httpx.Client) -> None:
    httpserver.expect_request("/").respond_with_data("down", status=503)
    url = httpserver.url_for("/")
    with pytest.raises(FeedError, match=rf"^HTTP 503 from {re.escape(url)}$"):
        discover_feed(client, url)
