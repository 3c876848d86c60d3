"""`digest demo`, the README's first command: a real digest from the bundled sample feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from pypdf import PdfReader

from digest.cli import cli

SEED_MEETING_OUTLETS = {"Cổng TTĐT tỉnh Nghệ An", "Báo Tuổi Trẻ", "Đài PT-TH Hà Giang"}


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    output = tmp_path_factory.mktemp("demo") / "output"
    result = CliRunner().invoke(cli, ["demo", "--output", str(output)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    paths = [Path(line) for line in result.stdout.splitlines()]
    return {path.suffix: path for path in paths}


def test_demo_writes_an_html_and_a_pdf_into_output(demo_files: dict[str, Path]) -> None:
    assert set(demo_files) == {".html", ".pdf"}
    assert all(path.stat().st_size > 1000 for path in demo_files.values())


def test_the_pdf_names_the_chair_with_correct_diacritics(demo_files: dict[str, Path]) -> None:
    text = "".join(page.extract_text() for page in PdfReader(demo_files[".pdf"]).pages)
    assert "Trương Thị Mai" in text
    assert SEED_MEETING_OUTLETS <= {name for name in SEED_MEETING_OUTLETS if name in text}


def test_the_three_outlets_of_the_seed_meeting_are_one_story(demo_files: dict[str, Path]) -> None:
    """Seeds 000, 002, 003 are one story; 001 (six months later) and 004 stand apart."""
    page = lxml_html.fromstring(demo_files[".html"].read_text(encoding="utf-8"))
    stories = page.xpath("//*[contains(concat(' ', @class, ' '), ' story ')]")
    links = [{href.split("/", 3)[-1] for href in story.xpath(".//a/@href") if "127.0.0.1" in href}
             for story in stories]
    meeting = [found for found in links if "nghean/0.html" in found]
    assert meeting == [{"nghean/0.html", "tuoitre/0.html", "hagiang/0.html"}]
    assert any(found == {"nghean/1.html"} for found in links)
    assert any(found == {"tinhuy/0.html"} for found in links)
