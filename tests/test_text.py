"""Vietnamese text as grouping needs it: one spelling per word, and dates as news writes them."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.errors import DigestError
from digest.text import event_dates, normalize, parse_vn_datetime, syllables

JANUARY_2024 = datetime(2024, 1, 17, 7, 10, tzinfo=timezone.utc)
JULY_2023 = datetime(2023, 7, 28, 11, 52, tzinfo=timezone.utc)


@pytest.mark.parametrize("old, new", [
    ("Tỉnh uỷ", "Tỉnh ủy"), ("Uỷ viên", "Ủy viên"), ("hoà bình", "hòa bình"),
    ("khoẻ mạnh", "khỏe mạnh"), ("thuỷ sản", "thủy sản"), ("Thành uỷ", "Thành ủy"),
])
def test_old_and_new_tone_placement_are_one_spelling(old: str, new: str) -> None:
    assert normalize(old) == normalize(new)


def test_nfd_text_typed_by_hand_is_the_same_word() -> None:
    typed = unicodedata.normalize("NFD", "Trương Thị Mai chủ trì hội nghị")
    assert normalize(typed) == normalize("Trương Thị Mai chủ trì hội nghị")
    # Marks typed in the other order (tone before the vowel's own mark) still compose.
    assert normalize("e\u0301\u0302") == "ế"


@pytest.mark.parametrize("one, other", [
    ("báo", "bão"), ("quý", "quỳ"), ("Đà Nẵng", "Da Nang"), ("tổ chức", "tổ chực"),
])
def test_diacritics_are_never_stripped(one: str, other: str) -> None:
    assert normalize(one) != normalize(other)


def test_quy_keeps_its_mark_where_it_is() -> None:
    assert normalize("quý") == "quý" and normalize("Quỳnh") == "quỳnh"


def test_syllables_keep_quoc_gia_apart_from_gia() -> None:
    assert syllables("Kỳ thi THPT quốc gia") == ["kỳ", "thi", "thpt", "quốc", "gia"]


def test_invisible_characters_and_the_eth_lookalike() -> None:
    assert normalize("Hà\u200b Giang") == normalize("Hà Giang")
    assert normalize("Ðà Nẵng") == normalize("Đà Nẵng")


@pytest.mark.parametrize("text, published, expected", [
    ("Chiều 28/7, đồng chí Trương Thị Mai chủ trì hội nghị.", JULY_2023, date(2023, 7, 28)),
    ("Sáng ngày 27/6, Ban Thường vụ Tỉnh ủy họp.", datetime(2023, 6, 28, tzinfo=timezone.utc),
     date(2023, 6, 27)),
    # A "28/7" read in January belongs to the year before.
    ("Chiều 28/7, hội nghị giao ban đã diễn ra.", JANUARY_2024, date(2023, 7, 28)),
    ("Ngày 28/7/2023, Thường trực Ban Bí thư họp.", None, date(2023, 7, 28)),
    ("Hôm qua, tỉnh tổ chức lễ khai giảng.", JULY_2023, date(2023, 7, 27)),
    ("Sáng 17/1, Thường trực Ban Bí thư tổ chức Hội nghị trực tuyến.", JANUARY_2024,
     date(2024, 1, 17)),
    ("Sáng ngày 19.5, máy bay biến mất khỏi màn hình radar.",
     datetime(2016, 5, 20, tzinfo=timezone.utc), date(2016, 5, 19)),
])
def test_event_dates_as_vietnamese_news_writes_them(text: str, published: datetime | None,
                                                     expected: date) -> None:
    assert event_dates(text, published)[0] == expected


def test_late_evening_utc_is_the_next_day_in_vietnam() -> None:
    late = datetime(2023, 7, 27, 18, 30, tzinfo=timezone.utc)  # 01:30 on 28/7 in Hanoi
    assert event_dates("Hôm nay, hội nghị khai mạc.", late) == [date(2023, 7, 28)]


@pytest.mark.parametrize("text", [
    "Có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch.",  # a fraction, not a date
    "Thực hiện Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị.",  # a document's date
    "18:52, 28/07/2023",  # a time stamp: when it was published
    "Tỷ số 3-1 nghiêng về đội chủ nhà.",
])
def test_what_is_not_an_event_date(text: str) -> None:
    assert event_dates(text, JULY_2023) == []


@pytest.mark.parametrize("line, expected", [
    ("17/01/2024 | 14:10:07", datetime(2024, 1, 17, 7, 10, 7, tzinfo=timezone.utc)),
    ("18:52, 28/07/2023", datetime(2023, 7, 28, 11, 52, tzinfo=timezone.utc)),
    ("Thứ sáu, 28/7/2023 - 18:26", datetime(2023, 7, 28, 11, 26, tzinfo=timezone.utc)),
    ("06:47 ngày 02 tháng 06 năm 2016", datetime(2016, 6, 1, 23, 47, tzinfo=timezone.utc)),
    ("không có ngày", None),
])
def test_date_lines(line: str, expected: datetime | None) -> None:
    assert parse_vn_datetime(line) == expected


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(st.text(alphabet=st.sampled_from(list("0123456789/.-: ngàyhôm quasángchiều,")), max_size=60),
       st.one_of(st.none(), st.datetimes(timezones=st.just(timezone.utc))))
def test_the_date_readers_never_raise_on_any_input(text: str, published: datetime | None) -> None:
    try:
        event_dates(text, published)
        parse_vn_datetime(text)
    except DigestError:
        pass
