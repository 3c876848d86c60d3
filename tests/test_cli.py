"""The `digest` command: exit codes, exact error lines, and the commands that need no config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from digest.cli import cli

CONFIG = """\
# the feeds I read
feeds:
  - url: https://tuoitre.vn/rss/thoi-su.rss  # national paper
    name: Báo Tuổi Trẻ
digests:
  - name: daily
    period: 1d
"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Báo Hà Giang</title>
<item><title>Tin</title><link>https://example.invalid/1</link></item></channel></rss>"""


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def run(*args: str) -> "click.testing.Result":
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_config_error_is_one_line_with_the_line_number_and_exit_1(config_path: Path) -> None:
    config_path.write_text(CONFIG.replace("period: 1d", "period: daily"), encoding="utf-8")
    result = run("--config", str(config_path), "feeds", "list")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {config_path}:7: digests[0].period: expected a duration such "
                             "as 30m, 6h, 1d or 7d, got 'daily'\n")


def test_feeds_add_keeps_comments_and_feeds_list_shows_it(config_path: Path) -> None:
    result = run("--config", str(config_path), "feeds", "add", "https://baohagiang.vn/rss/home.rss",
                 "--name", "Báo Hà Giang", "--province", "Hà Giang", "--outlet", "provincial",
                 "--no-discover")
    assert result.exit_code == 0, result.output
    text = config_path.read_text(encoding="utf-8")
    assert "# the feeds I read" in text and "# national paper" in text
    listing = run("--config", str(config_path), "feeds", "list")
    assert "Báo Hà Giang" in listing.stdout


def test_feeds_add_refuses_a_non_http_url(config_path: Path) -> None:
    result = run("--config", str(config_path), "feeds", "add", "ftp://x.vn/rss", "--name", "X")
    assert result.exit_code == 1
    assert result.stderr == "Error: expected an http:// or https:// URL, got 'ftp://x.vn/rss'\n"


def test_feeds_add_finds_the_feed_of_a_home_page(config_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss/home.rss">'
        "</head><body>Trang chủ</body></html>", content_type="text/html")
    httpserver.expect_request("/rss/home.rss").respond_with_data(FEED, content_type="application/rss+xml")
    result = run("--config", str(config_path), "feeds", "add", httpserver.url_for("/"),
                 "--name", "Báo Hà Giang")
    assert result.exit_code == 0, result.output
    assert f"found the feed {httpserver.url_for('/rss/home.rss')}" in result.stdout
    assert httpserver.url_for("/rss/home.rss") in config_path.read_text(encoding="utf-8")


def test_feeds_export_then_import(config_path: Path, tmp_path: Path) -> None:
    exported = run("--config", str(config_path), "feeds", "export").stdout
    assert 'xmlUrl="https://tuoitre.vn/rss/thoi-su.rss"' in exported
    opml = tmp_path / "mine.opml"
    opml.write_text(exported.replace("tuoitre.vn/rss/thoi-su", "tuoitre.vn/rss/the-gioi"), encoding="utf-8")
    result = run("--config", str(config_path), "feeds", "import", str(opml))
    assert result.stdout == f"added 1 feeds from {opml}\n"


def test_generate_refuses_an_unknown_format(config_path: Path) -> None:
    result = run("--config", str(config_path), "generate", "--format", "docx")
    assert result.exit_code == 1
    assert result.stderr == "Error: --format takes html, pdf or html,pdf, got 'docx'\n"


def test_group_reads_and_writes_jsonl_without_config(tmp_path: Path) -> None:
    articles = [
        {"id": "a", "title": "Hà Giang: sạt lở chia cắt Quốc lộ 4C",
         "text": "Sáng 27/7, mưa lớn gây sạt lở 14 điểm trên Quốc lộ 4C qua Đồng Văn, Mèo Vạc.",
         "published": "2023-07-27T09:15:00+07:00"},
        {"id": "b", "title": "Quốc lộ 4C ở Hà Giang bị chia cắt do sạt lở",
         "text": "Mưa lớn sáng 27/7 làm sạt lở 14 điểm trên Quốc lộ 4C đoạn qua Đồng Văn và Mèo Vạc.",
         "published": "2023-07-27T11:40:00+07:00"},
        {"id": "c", "title": "Nghệ An xúc tiến đầu tư năm 2023",
         "text": "Chiều 26/7, UBND tỉnh Nghệ An tổ chức hội nghị xúc tiến đầu tư tại TP Vinh.",
         "published": "2023-07-26T16:00:00+07:00"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run("group", "--input", str(source), "--output", str(target))
    assert result.exit_code == 0, result.output
    stories = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sorted(sorted(story["articles"]) for story in stories) == [["a", "b"], ["c"]]
    assert all(set(story) >= {"story", "articles", "title", "date"} for story in stories)


def test_group_names_the_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "title": "x", "text": "y"}\n{"id": \n', encoding="utf-8")
    result = run("group", "--input", str(source))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {source}:2: not valid JSON")


def test_figures_prints_json(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Giao ban\nChiều 28/7, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, chủ trì "
                       "hội nghị. Tổng vốn đầu tư toàn xã hội đạt 6.378 tỷ đồng.\n", encoding="utf-8")
    result = run("figures", "--input", str(article), "--published", "2023-07-28")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert set(figures) >= {"people", "numbers", "documents", "places", "event_date"}
    assert figures["event_date"] == "2023-07-28"
    assert any(person["name"] == "Trương Thị Mai" for person in figures["people"])
    assert any(number["value"] == 6.378e12 for number in figures["numbers"])
