"""digest.extract: sanitising, text, chrome removal, and article pages from a real local server."""

from __future__ import annotations

import os
from html import escape
import unicodedata
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from digest.extract import (add_pages, clean_html, draft_items, extract_all, extract_article,
                            html_to_text, strip_chrome)
from digest.models import FeedItem
from digest.workers import POOL_MIN_FEEDS, process_pool

PAGE = Path(__file__).parent / "fixtures" / "fetch" / "pages" / "article_hagiang.html"
SEEDS = Path(os.environ.get("DIGEST_SEEDS", "/work/shared/seeds"))
FEED = "https://baohagiang.vn/rss/thoi-su.rss"
PUBLISHED = datetime(2023, 7, 28, 11, 26, tzinfo=timezone.utc)
# Each seed's last line of real text (a byline or source line) must survive strip_chrome.
SEED_LAST_LINES = {
    "000_5f2caca0118feb31.txt": "Xuân Hướng – Cảnh Toàn",
    "001_d68447a230ed3e37.txt": "Theo nghean.gov.vn",
    "002_7a10bffd121dacb3.txt": "Nguồn tin: Báo Tuổi trẻ",
    "003_42e8c6facbdc909d.txt": "Đình Anh- Văn Hương",
    "004_b9e459340868e836.txt": "Minh Tú",
}
SEED_CHROME = (
    "Chia sẻ bài viết", "submit to reddit", "scroll to top", "Xem thêm sự kiện",
    "Sự kiện liên quan", "Tin khác", "Ý kiến bạn đọc", "Lượt xem: 1648", "oC",
)
PAGE_CHROME = (
    "Trang chủ", "Thời sự", "Lượt xem", "28oC", "Chia sẻ bài viết", "submit to reddit",
    "In bài viết", "Tin liên quan", "Hà Giang đón hơn một triệu lượt khách du lịch",
    "Ý kiến bạn đọc", "Họ tên", "Gửi ý kiến", "Đọc nhiều", "Cao nguyên đá Đồng Văn",
    "Cơ quan chủ quản", "Theo dõi chúng tôi", "scroll to top", "dataLayer",
)


def item(
    summary: str = "", content: str | None = None, url: str | None = None,
    title: str = "Giao ban 6 tháng", guid: str | None = "g-1",
) -> FeedItem:
    return FeedItem(guid=guid, url=url, title=title, summary_html=summary, content_html=content,
                    published=PUBLISHED)


def serve(server: HTTPServer, path: str, body: bytes | str, content_type: str = "text/html",
          status: int = 200) -> str:
    """Serve `body` at `path` on the local server; return its URL."""
    server.expect_request(path).respond_with_data(body, status=status, content_type=content_type)
    return server.url_for(path)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0, follow_redirects=True) as http:
        yield http


# clean_html and html_to_text

def test_clean_html_removes_scripts_handlers_and_js_urls() -> None:
    dirty = (
        '<p onclick="steal()">Hội nghị <b>giao ban</b></p><script>alert("x")</script>'
        '<img src="x.jpg" onerror="alert(1)"><a href="javascript:alert(2)">bấm</a>'
        '<a href="https://baohagiang.vn/a.html">đọc</a><img src="data:image/png;base64,AAAA">'
        "<style>p{}</style><iframe src='https://evil.example/'></iframe>"
    )
    cleaned = clean_html(dirty)
    for bad in ("<script", "alert", "onerror", "onclick", "javascript:", "data:", "<iframe",
                "<style"):
        assert bad not in cleaned
    assert "<b>giao ban</b>" in cleaned
    assert 'href="https://baohagiang.vn/a.html"' in cleaned
    assert '<img src="x.jpg">' in cleaned


def test_html_to_text_paragraphs_entities_and_whitespace() -> None:
    html = (
        "<div><p>Xin&nbsp;chào   &amp; tạm&#160;biệt</p>\n<p>dòng 1<br>  dòng 2<br><br>đoạn 3</p>"
        "<ul><li>mục một</li><li>mục hai</li></ul><script>var x = 'ẩn';</script></div>"
    )
    assert html_to_text(html) == (
        "Xin chào & tạm biệt\n\ndòng 1\ndòng 2\n\nđoạn 3\n\nmục một\n\nmục hai"
    )


def test_html_to_text_normalises_to_nfc_and_keeps_diacritics() -> None:
    decomposed = unicodedata.normalize("NFD", "<p>Tỉnh ủy Hà Giang</p>")
    assert html_to_text(decomposed) == "Tỉnh ủy Hà Giang"


def test_html_to_text_reads_attributes_holding_angle_brackets() -> None:
    html = ('<p>Một <a href="http://x.vn/?a=1&b=2" title="a>b<c">liên kết</a> &amp; 5 &lt; 6</p>'
            '<div>Hai<br/>dòng</div><img alt=">" src="http://x.vn/a.png"><P>Ba</P>')
    assert html_to_text(html) == "Một liên kết & 5 < 6\n\nHai\ndòng\n\nBa"


@given(st.text(alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=80))
def test_html_to_text_gives_back_any_escaped_text(text: str) -> None:
    expected = " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())
    assert html_to_text(f"<p>{escape(text)}</p>") == expected


# strip_chrome on inline text

def test_strip_chrome_removes_chrome_lines_and_keeps_the_article() -> None:
    text = (
        "Đài Phát thanh và Truyền hình Hà giang\n  • Hà Giang\n    oC\n\n"
        "Thường trực Tỉnh ủy cho ý kiến về dự thảo báo cáo\nLượt xem: 1648\n"
        "Sáng ngày 27/6, Phó Bí thư Tỉnh ủy Lâm Minh Đằng chủ trì cuộc họp với các thành viên "
        "Ban Thường vụ Tỉnh ủy.\nĐọc thêm\nIn bài viết\nGửi bài viết\n"
        "Có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt Nghị quyết.\n\n"
        "Xuân Hướng – Cảnh Toàn\n\nChia sẻ bài viết\nsubmit to reddit\nscroll to top\n"
        "Theo dõi chúng tôi\nBình luận (12)\n"
    )
    assert strip_chrome(text) == (
        "Đài Phát thanh và Truyền hình Hà giang\n\n"
        "Thường trực Tỉnh ủy cho ý kiến về dự thảo báo cáo\n"
        "Sáng ngày 27/6, Phó Bí thư Tỉnh ủy Lâm Minh Đằng chủ trì cuộc họp với các thành viên "
        "Ban Thường vụ Tỉnh ủy.\n"
        "Có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt Nghị quyết.\n\n"
        "Xuân Hướng – Cảnh Toàn"
    )


@pytest.mark.parametrize("marker", ["Tin khác", "Ý kiến bạn đọc", "Tin liên quan",
                                    "Sự kiện liên quan", "TIN LIÊN QUAN:"])
def test_strip_chrome_drops_everything_after_a_terminal_marker(marker: str) -> None:
    body = ("Hội nghị giao ban trực tuyến đánh giá công tác 6 tháng đầu năm 2023 với "
            "Bí thư Tỉnh ủy, Thành ủy trực thuộc Trung ương.\n\nMinh Tú")
    tail = "\n\n".join([marker, "Hà Giang đón một triệu lượt khách", "Lễ hội hoa tam giác mạch"])
    assert strip_chrome(f"{body}\n\n{tail}") == body


def test_strip_chrome_ignores_a_marker_before_the_article() -> None:
    """A menu item "Tin khác" at the top must not cost the article that follows it."""
    paragraph = "Tổng vốn đầu tư toàn xã hội đạt 6.378 tỷ đồng, tăng so với cùng kỳ năm 2022. " * 4
    text = f"Trang chủ\nTin khác\n\n{paragraph.strip()}\n\n{paragraph.strip()}"
    assert strip_chrome(text) == f"{paragraph.strip()}\n\n{paragraph.strip()}"


def test_strip_chrome_matches_decomposed_text_and_keeps_diacritics() -> None:
    text = "Ủy ban nhân dân tỉnh Nghệ An họp phiên thường kỳ tháng 7 năm 2023 tại thành phố Vinh.\n"
    decomposed = unicodedata.normalize("NFD", text + "Chia sẻ bài viết\nTin khác\nTin cũ")
    assert strip_chrome(decomposed) == text.strip()


def test_strip_chrome_keeps_lines_that_merely_contain_chrome_words() -> None:
    text = ("Bình luận về dự thảo, các đại biểu chia sẻ kinh nghiệm.\n"
            "Tin khác với dự báo, tăng trưởng đạt 1,18%.")
    assert strip_chrome(text) == text


# strip_chrome on the real seed articles (skipped when the seed folder is absent)

def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not seed_files(), reason=f"no seed texts in {SEEDS}")
@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name)
def test_strip_chrome_on_seed(path: Path) -> None:
    raw = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    stripped = strip_chrome(raw)
    kept = lines_of(stripped)
    for chrome in SEED_CHROME:
        assert chrome not in kept, chrome
    if path.name in SEED_LAST_LINES:
        assert kept[-1] == SEED_LAST_LINES[path.name]
    for line in lines_of(raw):
        if len(line) > 80:  # every real paragraph survives whole
            assert line in kept


# extract_article and extract_all against a local server

def test_extract_article_fetches_page_for_summary_only_item(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    url = serve(httpserver, "/thoi-su/giao-ban.html", PAGE.read_bytes(), "text/html; charset=utf-8")
    summary = "<p>Ngày 28/7/2023, Thường trực Ban Bí thư tổ chức hội nghị giao ban.</p>"
    title = "Thường trực Ban Bí thư giao ban trực tuyến với Bí thư các Tỉnh ủy"
    draft = extract_article(client, FEED, item(summary=summary, url=url, title=title))
    assert draft is not None
    assert (draft.feed_url, draft.url, draft.guid, draft.published) == (FEED, url, "g-1", PUBLISHED)
    for kept in ("triển khai một số nhiệm vụ trọng tâm 6 tháng cuối năm 2023", "6.378 tỷ đồng",
                 "1.418.000 lượt người", "Chỉ thị số 24 ngày 13/7/2023", "Đình Anh- Văn Hương"):
        assert kept in draft.text, kept
    for chrome in PAGE_CHROME:
        assert chrome not in draft.text, chrome
    assert not draft.text.startswith(draft.title)  # the page's <h1> is not repeated in the text
    assert "\n\n" in draft.text


def test_extract_article_falls_back_to_summary(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    url = serve(httpserver, "/missing.html", "không có", status=404)
    summary = "Sáng 17/1, Thường trực Ban Bí thư tổ chức Hội nghị trực tuyến.<br>Chia sẻ bài viết"
    draft = extract_article(client, FEED, item(summary=summary, url=url))
    assert draft is not None
    assert draft.text == "Sáng 17/1, Thường trực Ban Bí thư tổ chức Hội nghị trực tuyến."


@pytest.mark.parametrize("content_type", ["application/pdf", "text/plain"])
def test_extract_article_ignores_a_non_html_page(
    httpserver: HTTPServer, client: httpx.Client, content_type: str
) -> None:
    """Only a page served as HTML is read: a browser would show text/plain as source, too."""
    url = serve(httpserver, "/file", PAGE.read_bytes(), content_type)
    draft = extract_article(client, FEED, item(summary="Tóm tắt ngắn.", url=url))
    assert draft is not None and draft.text == "Tóm tắt ngắn."


@pytest.mark.parametrize("charset", ["", "; charset=utf8mb4", "; charset=utf-8"])
def test_extract_article_decodes_the_page(
    httpserver: HTTPServer, client: httpx.Client, charset: str
) -> None:
    """No charset, or one Python does not know, is sniffed (here from the <meta> tag)."""
    url = serve(httpserver, "/p.html", PAGE.read_bytes(), f"text/html{charset}")
    draft = extract_article(client, FEED, item(summary="Tóm tắt ngắn.", url=url))
    assert draft is not None and "Tổng kim ngạch xuất nhập khẩu đạt 148,5 triệu USD" in draft.text


def test_extract_article_reads_a_short_page(httpserver: HTTPServer, client: httpx.Client) -> None:
    paragraph = "Tổng vốn đầu tư toàn xã hội đạt 6.378 tỷ đồng, tăng so với cùng kỳ năm 2022. "
    url = serve(httpserver, "/short.html", f"<p>{paragraph * 8}</p>")
    draft = extract_article(client, FEED, item(summary="Tóm tắt ngắn.", url=url))
    assert draft is not None and draft.text == (paragraph * 8).strip()


def test_extract_article_respects_the_size_cap(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    url = serve(httpserver, "/big.html", PAGE.read_bytes())
    draft = extract_article(client, FEED, item(summary="Tóm tắt ngắn.", url=url), max_bytes=500)
    assert draft is not None and draft.text == "Tóm tắt ngắn."
    assert len(httpserver.log) == 1


def test_extract_article_uses_full_content_without_fetching(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    paragraph = "Các tỉnh ủy, thành ủy tiếp tục đổi mới phương thức lãnh đạo theo hướng toàn diện. "
    content = f"<p>{paragraph * 4}</p><p>{paragraph * 4}</p><p>Theo nghean.gov.vn</p>"
    url = httpserver.url_for("/never-fetched.html")
    draft = extract_article(client, FEED, item(summary="ngắn", content=content, url=url))
    assert draft is not None
    assert draft.text.endswith("\n\nTheo nghean.gov.vn")
    assert httpserver.log == []


def test_extract_article_title_and_url() -> None:
    with httpx.Client() as http:
        draft = extract_article(http, FEED, item(
            summary="<p>Nội dung ngắn.</p>", title="  <b>Hà Giang</b> &amp; Lào&nbsp;Cai ",
            guid="https://example.vn/guid-as-url"))
    assert draft is not None
    assert draft.title == "Hà Giang & Lào Cai"
    assert draft.url == "https://example.vn/guid-as-url"


def test_extract_article_returns_none_without_title_or_text() -> None:
    with httpx.Client() as http:
        assert extract_article(http, FEED, item(summary="<p> </p>", title="")) is None
        assert extract_article(http, FEED, item(summary="Nội dung", url=None, guid=None)) is None


def test_extract_all_keeps_order_and_skips_failures(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    items = [
        item(summary="Tóm tắt một.", url=serve(httpserver, "/a.html", PAGE.read_bytes()), guid="1"),
        item(summary="", title="", guid="2"),  # nothing to draft: skipped
        item(summary="Tóm tắt ba.", url="http://127.0.0.1:9/dead.html", guid="3"),
        item(summary="Tóm tắt bốn.", guid="4"),
    ]
    drafts = extract_all(client, FEED, items, workers=3)
    assert [d.guid for d in drafts] == ["1", "3", "4"]
    assert "6.378 tỷ đồng" in drafts[0].text
    assert drafts[1].text == "Tóm tắt ba."  # a dead page falls back to the summary
    assert extract_all(client, FEED, []) == []


def test_a_teaser_with_no_title_or_text_is_kept_until_its_page_is_read(
    httpserver: HTTPServer, client: httpx.Client
) -> None:
    with_page = item(summary="", title="", url=serve(httpserver, "/p.html", PAGE.read_bytes()),
                     guid="1")
    dead_page = item(summary="", title="", url="http://127.0.0.1:9/dead.html", guid="2")
    drafts = draft_items(FEED, [with_page, dead_page])
    assert [(d.guid, d.title, d.text) for d in drafts] == [("1", "", ""), ("2", "", "")]
    completed = add_pages(client, drafts)
    assert [d.guid for d in completed] == ["1"]
    assert "6.378 tỷ đồng" in completed[0].text


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: items are drafted in this process")
def test_items_drafted_in_a_worker_process_are_drafted_as_here() -> None:
    items = [item(content=PAGE.read_text(encoding="utf-8"), guid="1"),
             item(summary="<p>Tin <b>ngắn</b></p><p>Chia sẻ</p>", guid="2", title="Tin")]
    with process_pool(POOL_MIN_FEEDS) as pool:
        assert pool is not None
        assert pool.submit(draft_items, FEED, items).result() == draft_items(FEED, items)
