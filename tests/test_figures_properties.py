"""Property tests of digest.figures: Vietnamese number formats round-trip, nothing else raises."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.errors import DigestError
from digest.figures import extract_figures, figures_to_json, story_figures
from digest.figures_numbers import find_numbers, parse_number
from digest.models import Article

MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9}


def vietnamese(whole: int, decimals: str = "") -> str:
    """A number the way Vietnamese outlets write it: "1.418.000", "148,5"."""
    grouped = f"{whole:,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_grouped_with_dots_read_back(whole: int) -> None:
    assert parse_number(vietnamese(whole)) == whole


@given(st.integers(min_value=0, max_value=10**6), st.from_regex(r"[0-9]{1,3}", fullmatch=True))
def test_decimals_after_a_comma_read_back(whole: int, decimals: str) -> None:
    assert parse_number(vietnamese(whole, decimals)) == float(f"{whole}.{decimals}")


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_clear_error(text: str) -> None:
    try:
        assert isinstance(parse_number(text), float)
    except DigestError as error:
        assert repr(text) in str(error)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(sorted(MULTIPLIERS)),
       st.sampled_from(["đồng", "USD", "lượt người", "hộ dân"]))
def test_a_figure_with_a_multiplier_and_unit_reads_back_in_a_sentence(
        whole: int, multiplier: str, unit: str) -> None:
    written = f"{vietnamese(whole)} {multiplier} {unit}"
    figure, = find_numbers(f"Tổng giá trị đạt {written} trong năm.")
    assert figure.text == written
    assert figure.value == whole * MULTIPLIERS[multiplier]


@given(st.integers(min_value=0, max_value=999), st.from_regex(r"[0-9]{1,2}", fullmatch=True))
def test_a_percent_reads_back(whole: int, decimals: str) -> None:
    figure, = find_numbers(f"Tăng trưởng đạt {whole},{decimals}%.")
    assert (figure.value, figure.unit) == (float(f"{whole}.{decimals}"), "%")


PIECES = list("0123456789.,/:%-– \n()“”ĐđƯưỦủỷÂâaAbcdeghiklmnopqrstuvxyỹàáạ") + [
    "tỷ ", "triệu ", "nghìn ", "đồng ", "USD ", "lượt người ", "Chỉ thị số ", "-QĐ/TW ", "ông ",
    "Bí thư ", "Nguyễn Văn ", "chủ trì ", "điểm cầu ", "tại ", "Sáng ", "từ ", "đến ", "Luật "]
# Text made of the pieces the rules look for, so the fuzzing reaches them.
VIETNAMISH = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(VIETNAMISH, st.one_of(st.none(), st.datetimes(timezones=st.just(UTC))))
def test_no_text_makes_the_extractor_raise(text: str, published: datetime | None) -> None:
    figures = extract_figures(text, published, "1", text[:20])
    assert isinstance(figures_to_json(figures), dict)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_unicode_raises_nothing_or_only_the_projects_errors(title: str, text: str) -> None:
    try:
        story_figures([Article(id="1", title=title, text=text), Article(id="2", title=text, text=title)])
    except DigestError:
        pass
