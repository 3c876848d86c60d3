"""Tests of digest.render: the HTML page, the PDF and the fetcher that keeps rendering offline."""

from __future__ import annotations

import importlib.resources
import io
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import lxml.html
import pypdf
import pytest
from pytest_httpserver import HTTPServer

from digest.errors import RenderError
from digest.models import Article, DigestView, Figures, Number, Person, Story, StoryView
from digest.render import FONT_DIR, FontFetcher, format_number, render_html, render_pdf

OUTLETS = ("Cổng TTĐT Nghệ An", "Báo Tuổi Trẻ", "Đài PT-TH Hà Giang")
CHAIR = "Trương Thị Mai"
HOSTILE = "<script>alert(1)</script>"


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def meeting_a() -> StoryView:
    """Meeting A of the seeds: three outlets report the same online briefing of 28/7/2023."""
    articles = (
        Article(
            id="1",
            title="Thường trực Ban Bí thư giao ban 6 tháng đầu năm với Bí thư Tỉnh uỷ, Thành uỷ cả nước",
            text="Chiều 28/7, đồng chí Trương Thị Mai ... chủ trì hội nghị giao ban trực tuyến",
            published=utc(2023, 7, 28, 11, 52),
            url="https://www.nghean.gov.vn/tin-tuc/giao-ban-6-thang",
            source=OUTLETS[0],
            outlet="government",
            province="Nghệ An",
        ),
        Article(
            id="2",
            title="Bí thư cấp ủy phải kịp thời chỉ đạo xử lý vấn đề mới phát sinh",
            text="Bà Trương Thị Mai chủ trì hội nghị ... Chỉ thị số 24",
            published=utc(2023, 7, 28, 9, 30),
            url="https://tuoitre.vn/bi-thu-cap-uy.htm",
            source=OUTLETS[1],
            outlet="national",
        ),
        Article(
            id="3",
            title="Thường trực Ban Bí thư giao ban trực tuyến với Bí thư các Tỉnh ủy, Thành ủy",
            text="Ngày 28/7/2023, Thường trực Ban Bí thư Trung ương đã tổ chức Hội nghị giao ban",
            published=utc(2023, 7, 28, 11, 26),
            url="https://hagiangtv.vn/giao-ban-truc-tuyen",
            source=OUTLETS[2],
            outlet="provincial",
            province="Hà Giang",
        ),
    )
    figures = Figures(
        people=(
            Person("Tô Lâm", ("Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an")),
            Person(
                CHAIR,
                ("Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư", "Trưởng Ban Tổ chức Trung ương"),
                chair=True,
            ),
            Person("Nguyễn Mạnh Dũng", ("Quyền Bí thư Tỉnh ủy Hà Giang",)),
        ),
        numbers=(
            Number("1,18%", 1.18, "%", "Tăng trưởng GRDP Hà Giang 6 tháng", "3"),
            Number("6.378 tỷ đồng", 6.378e12, "VND", "Tổng vốn đầu tư toàn xã hội", "3"),
            Number("148,5 triệu USD", 148.5e6, "USD", "Kim ngạch xuất nhập khẩu", "3"),
            Number("1.418.000 lượt người", 1418000, "lượt", "Khách du lịch", "3"),
        ),
        documents=("Chỉ thị số 24 ngày 13/7/2023 của Bộ Chính trị",),
        places=("Hà Nội",),
        event_date=date(2023, 7, 28),
    )
    story = Story(
        id="a",
        article_ids=("1", "2", "3"),
        title="Thường trực Ban Bí thư giao ban trực tuyến với Bí thư Tỉnh ủy, Thành ủy cả nước",
        event_date=date(2023, 7, 28),
        summary="Đồng chí Trương Thị Mai chủ trì hội nghị giao ban 6 tháng đầu năm 2023.",
        why=("cùng ngày 28/07/2023", "cùng người chủ trì: Trương Thị Mai"),
    )
    return StoryView(story, articles, figures)


def meeting_c(title: str = "Thường trực Tỉnh ủy cho ý kiến về dự thảo báo cáo sơ kết giữa nhiệm kỳ") -> StoryView:
    """Meeting C of the seeds: one article, no outlet kind, reposted by an outlet seen above."""
    article = Article(
        id="4",
        title=title,
        text="Sáng ngày 27/6, Phó Bí thư Tỉnh ủy Lâm Minh Đằng chủ trì cuộc họp",
        published=utc(2023, 7, 27, 2, 0),
        url="javascript:alert(1)",
        source=OUTLETS[0],
        province="Nghệ An",
    )
    story = Story(id="c", article_ids=("4",), title=title, summary="Cho ý kiến về báo cáo.")
    figures = Figures(people=(Person("Lâm Minh Đằng", ("Phó Bí thư Tỉnh ủy",), chair=True),))
    return StoryView(story, (article,), figures)


def digest_view(*stories: StoryView, title: str = "Bản tin giao ban") -> DigestView:
    return DigestView(
        title=title,
        start=utc(2023, 7, 26, 17, 0),
        end=utc(2023, 7, 28, 16, 59),
        timezone="Asia/Ho_Chi_Minh",
        stories=stories,
        generated=utc(2023, 7, 28, 23, 0),
    )


def seed_view() -> DigestView:
    return digest_view(meeting_a(), meeting_c())


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def first(element: lxml.html.HtmlElement, tag: str, cls: str) -> lxml.html.HtmlElement:
    return element.xpath(f".//{tag}[@class='{cls}']")[0]


def stories_of(page: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return page.xpath("//article[@class='story']")


def text_of(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def page() -> lxml.html.HtmlElement:
    return parse(render_html(seed_view()))


@pytest.fixture(scope="module")
def pdf() -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(render_pdf(render_html(seed_view()))))


def test_default_templates_ship_as_package_resources() -> None:
    folder = importlib.resources.files("digest.templates")
    for name in ("digest.html", "_story.html", "_coverage.html", "_labels.html", "style.css"):
        assert folder.joinpath(name).is_file(), name


def test_page_has_title_period_and_counts(page: lxml.html.HtmlElement) -> None:
    header = first(page, "header", "masthead")
    assert text_of(header.xpath(".//h1")[0]) == "Bản tin giao ban"
    # 26/07 17:00 UTC is midnight of 27/07 in Hà Nội.
    assert "Kỳ: 27/07/2023 – 28/07/2023" in text_of(header)
    # Two outlets reported twice: four articles, three distinct outlets.
    assert "2 tin 4 bài báo 3 nguồn" in text_of(header)


def test_table_of_contents_links_every_story(page: lxml.html.HtmlElement) -> None:
    links = [a.get("href") for a in page.xpath("//nav//a")]
    stories = [article.get("id") for article in stories_of(page)]
    assert links == [f"#{anchor}" for anchor in stories]
    assert len(stories) == 2


def test_one_story_lists_its_three_outlets(page: lxml.html.HtmlElement) -> None:
    sources = stories_of(page)[0].xpath(".//*[@class='sources']//li")

    def parts(cls: str) -> list[str]:
        return [" ".join(text_of(el) for el in li.xpath(f"*[@class='{cls}']")) for li in sources]

    assert parts("outlet") == list(OUTLETS)
    assert parts("kind") == ["Cổng thông tin điện tử", "Báo trung ương", "Báo địa phương"]
    assert [text_of(li.xpath("time")[0]) for li in sources] == [
        "28/07/2023 18:52",
        "28/07/2023 16:30",
        "28/07/2023 18:26",
    ]
    hrefs = [a.get("href") for li in sources for a in li.xpath("a")]
    assert hrefs[0] == "https://www.nghean.gov.vn/tin-tuc/giao-ban-6-thang"
    assert len(hrefs) == 3


def test_story_shows_people_numbers_documents_and_why(page: lxml.html.HtmlElement) -> None:
    story = stories_of(page)[0]
    people = [text_of(li) for li in story.xpath(".//*[@class='people']//li")]
    assert people[0] == (
        "Trương Thị Mai chủ trì — Ủy viên Bộ Chính trị, Thường trực Ban Bí thư,"
        " Trưởng Ban Tổ chức Trung ương"
    )
    rows = [[text_of(td) for td in tr.xpath("td")] for tr in story.xpath(".//*[@class='numbers']//tbody/tr")]
    assert ["Tổng vốn đầu tư toàn xã hội", "6.378 tỷ đồng", "6.378.000.000.000", "VND"] in rows
    assert ["Tăng trưởng GRDP Hà Giang 6 tháng", "1,18%", "1,18", "%"] in rows
    assert "Chỉ thị số 24" in text_of(first(story, "section", "documents"))
    assert text_of(story.xpath(".//details[@class='why']/summary")[0]) == "Vì sao gộp"
    meta = text_of(first(story, "p", "story-meta"))
    assert "Ngày: 28/07/2023" in meta and "Địa điểm: Hà Nội" in meta


def test_outlet_without_kind_and_unsafe_link(page: lxml.html.HtmlElement) -> None:
    story = stories_of(page)[1]
    assert not story.xpath(".//*[@class='sources']//*[@class='kind']")
    assert not story.xpath(".//*[@class='sources']//a")
    assert "javascript:" not in lxml.html.tostring(page, encoding="unicode")


def test_page_is_self_contained(page: lxml.html.HtmlElement) -> None:
    assert "font-family" in page.xpath("/html/head/style")[0].text
    assert not page.xpath("//script | //link | //img | //iframe | //object")
    bars = page.xpath("//header//svg//rect")
    assert bars, "coverage chart missing"
    labels = [text_of(t) for t in page.xpath("//header//svg//text")]
    # Stories per province, the outlet standing in for a province it does not name.
    assert labels == ["Nghệ An", "2", "Báo Tuổi Trẻ", "1", "Hà Giang", "1"]


def test_hostile_title_is_escaped() -> None:
    view = digest_view(meeting_a(), meeting_c(title=HOSTILE), title=HOSTILE)
    html = render_html(view)
    doc = parse(html)
    assert not doc.xpath("//script")
    handlers = [name for el in doc.iter() for name in el.attrib if name.lower().startswith("on")]
    assert handlers == []
    assert text_of(doc.xpath("//h1")[0]) == HOSTILE
    assert HOSTILE not in html


def test_empty_digest_is_friendly() -> None:
    doc = parse(render_html(digest_view()))
    assert text_of(first(doc, "p", "empty")) == "Không có tin mới trong kỳ này."
    assert not doc.xpath("//nav | //article | //svg")


def test_user_template_overrides_default(tmp_path: Path) -> None:
    (tmp_path / "_story.html").write_text(
        '<article class="mine" id="{{ anchor }}">{{ story_view.story.title }}</article>',
        encoding="utf-8",
    )
    doc = parse(render_html(seed_view(), tmp_path))
    assert [a.get("id") for a in doc.xpath("//article[@class='mine']")] == ["tin-1", "tin-2"]
    assert not doc.xpath("//*[@class='sources']")
    assert "font-family" in doc.xpath("/html/head/style")[0].text


@pytest.mark.parametrize(
    "source, where",
    [("{{ story_view.no_such_field }}", "_story.html"), ("{% if %}", "_story.html, line 1")],
)
def test_template_mistake_is_render_error(tmp_path: Path, source: str, where: str) -> None:
    (tmp_path / "_story.html").write_text(source, encoding="utf-8")
    with pytest.raises(RenderError, match=where):
        render_html(seed_view(), tmp_path)


def test_missing_templates_folder_is_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        render_html(seed_view(), tmp_path / "nowhere")


def test_unknown_timezone_is_render_error() -> None:
    view = DigestView("x", utc(2023, 7, 27, 0, 0), utc(2023, 7, 28, 0, 0), "Mars/Olympus", (), utc(2023, 7, 28, 0, 0))
    with pytest.raises(RenderError, match="Mars/Olympus"):
        render_html(view)


@pytest.mark.parametrize(
    "value, text",
    [(6378, "6.378"), (1.18, "1,18"), (6.378e12, "6.378.000.000.000"), (148.5e6, "148.500.000"),
     (1418000, "1.418.000"), (0.5, "0,5"), (-7.7, "-7,7"), (24, "24")],
)
def test_format_number_vietnamese(value: float, text: str) -> None:
    assert format_number(value) == text


def test_pdf_keeps_vietnamese_text(pdf: pypdf.PdfReader) -> None:
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in pdf.pages))
    assert CHAIR in text
    for outlet in OUTLETS:
        assert outlet in text


def test_pdf_embeds_be_vietnam_pro(pdf: pypdf.PdfReader) -> None:
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("BeVietnamPro" in name.replace("-", "") for name in fonts), fonts
    assert pdf.pages[0].mediabox.width == pytest.approx(595.28, abs=1)


def test_fetcher_serves_only_the_font_files() -> None:
    fetcher = FontFetcher()
    regular = FONT_DIR / "BeVietnamPro-Regular.ttf"
    assert fetcher(regular.as_uri()).read()[:4] == b"\x00\x01\x00\x00"
    refused = [
        "file:///etc/passwd",
        "http://127.0.0.1:1/x.png",
        "https://127.0.0.1:1/x.png",
        f"{FONT_DIR.as_uri()}/../__init__.py",
        (FONT_DIR.parent / "__init__.py").as_uri(),
        "data:font/ttf;base64,AAEAAA==",
        "BeVietnamPro-Regular.ttf",
    ]
    for url in refused:
        with pytest.raises(ValueError, match="refused"):
            fetcher(url)


def test_pdf_fetches_nothing_but_fonts(httpserver: HTTPServer) -> None:
    image = httpserver.url_for("/x.png")
    html = (
        f'<html><head><link rel="stylesheet" href="{httpserver.url_for("/s.css")}">'
        f'<link rel="stylesheet" href="file:///etc/passwd"></head>'
        f'<body><p>{CHAIR}</p><img src="{image}"><img src="file:///etc/hostname"></body></html>'
    )
    assert render_pdf(html).startswith(b"%PDF")
    assert httpserver.log == []
