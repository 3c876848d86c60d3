"""Tests of digest.figures on a story: sources merged, figures reconciled, disputes kept.

The speed of `story_figures` is measured in benchmarks/figures.py, not here."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from digest.figures import merge_people, merge_places, reconcile_numbers, story_figures
from digest.models import Article, Number, Person

SEEDS = Path("/work/shared/seeds")


def seed(name: str, published: datetime) -> Article:
    title, _, body = (SEEDS / name).read_text(encoding="utf-8").strip().partition("\n")
    return Article(id=name[:3], title=title, text=body, published=published)


def meeting_a() -> list[Article]:
    """The three seed articles that report Meeting A (28/7/2023)."""
    return [seed("000_5f2caca0118feb31.txt", datetime(2023, 7, 28, 11, 52, tzinfo=UTC)),
            seed("002_7a10bffd121dacb3.txt", datetime(2023, 7, 28, 9, 30, tzinfo=UTC)),
            seed("003_42e8c6facbdc909d.txt", datetime(2023, 7, 28, 11, 26, tzinfo=UTC))]


def test_meeting_a_from_three_sources_has_one_entry_per_person_chair_first() -> None:
    figures = story_figures(meeting_a())
    names = [p.name for p in figures.people]
    assert len(names) == len(set(names))
    mai = figures.people[0]
    assert (mai.name, mai.chair) == ("Trương Thị Mai", True)
    assert mai.titles[:3] == ("Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư",
                              "Trưởng Ban Tổ chức Trung ương")
    to_lam = next(p for p in figures.people if p.name == "Tô Lâm")
    assert to_lam.titles == ("Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an")
    assert figures.event_date == date(2023, 7, 28)
    assert "Chỉ thị số 24" in figures.documents
    assert figures.places[0] == "hội nghị giao ban trực tuyến"


def test_a_city_written_tp_and_thanh_pho_is_one_place() -> None:
    assert merge_places(["hội nghị", "tại TP Vinh", "tại thành phố Vinh"]) == ("hội nghị", "tại thành phố Vinh")


def test_old_and_new_tone_marks_and_different_title_lists_merge_into_one_person() -> None:
    merged = merge_people([
        Person("Trương Thị Mai", ("Thường trực Ban Bí thư",)),
        Person("Trương Thị Mai", ("Uỷ viên Bộ Chính trị", "Thường trực Ban Bí thư",
                                  "Trưởng ban Tổ chức TW"), chair=True),
        Person("Tô Lâm", ("Bộ trưởng Bộ Công an",)),
        Person("Trương Thị Mai", ("Ủy viên Bộ Chính trị", "Trưởng Ban Tổ chức Trung ương")),
    ])
    assert merged == (
        Person("Trương Thị Mai", ("Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư",
                                  "Trưởng Ban Tổ chức Trung ương"), chair=True),
        Person("Tô Lâm", ("Bộ trưởng Bộ Công an",)),
    )


def test_the_same_figure_from_two_sources_is_shown_once_with_both() -> None:
    numbers = reconcile_numbers([
        Number("6.378 tỷ đồng", 6.378e12, "VND", "Tổng vốn đầu tư toàn xã hội", "hg"),
        Number("6.378 tỷ", 6.378e12, "VND", "vốn đầu tư toàn xã hội", "na"),
        Number("1,18%", 1.18, "%", "tốc độ tăng trưởng (GRDP)", "hg"),
    ])
    assert [(n.text, n.sources, n.disputed) for n in numbers] == [
        ("6.378 tỷ đồng", ("hg", "na"), False), ("1,18%", ("hg",), False)]


def test_two_sources_disagreeing_are_kept_side_by_side_and_marked() -> None:
    numbers = reconcile_numbers([
        Number("1.418.000 lượt người", 1418000, "lượt người", "Lượng khách du lịch", "hg"),
        Number("148,5 triệu USD", 148.5e6, "USD", "Tổng kim ngạch xuất nhập khẩu", "hg"),
        Number("1,4 triệu lượt người", 1.4e6, "lượt người", "lượng khách du lịch", "tt"),
    ])
    assert [(n.text, n.sources, n.disputed) for n in numbers] == [
        ("1.418.000 lượt người", ("hg",), True),
        ("1,4 triệu lượt người", ("tt",), True),
        ("148,5 triệu USD", ("hg",), False),
    ]


def test_two_different_figures_of_one_source_are_not_a_dispute() -> None:
    numbers = reconcile_numbers([
        Number("21 chương trình", 21, "chương trình", "chương trình, đề án trọng điểm", "na"),
        Number("6 chương trình", 6, "chương trình", "chương trình, đề án trọng điểm", "na"),
    ])
    assert not any(n.disputed for n in numbers)


def test_meeting_a_numbers_keep_their_sources() -> None:
    numbers = story_figures(meeting_a()).numbers
    investment = next(n for n in numbers if n.value == 6.378e12)
    assert (investment.sources, investment.article_id) == (("003",), "003")
    assert investment.clause == "Tổng vốn đầu tư toàn xã hội đạt 6.378 tỷ đồng."
