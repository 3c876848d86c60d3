"""Tests of digest.figures on one article: people, numbers, documents, places, the date.

Sentences come from the five seed articles (/work/shared/seeds) and from other real Vietnamese
news (/work/shared/eval/vims.jsonl, id in the comment). The merging of a story's sources is in
test_figures_story.py, the property tests in test_figures_properties.py.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.errors import InputError
from digest.figures import extract_figures, figures_to_json
from digest.figures_numbers import find_numbers
from digest.models import Figures

SEEDS = Path("/work/shared/seeds")
MEETING_A_HA_GIANG = SEEDS / "003_42e8c6facbdc909d.txt"


def people_of(text: str) -> dict[str, tuple[tuple[str, ...], bool]]:
    return {p.name: (p.titles, p.chair) for p in extract_figures(text).people}


def figures_of(text: str) -> list[tuple[str, float, str]]:
    return [(n.text, n.value, n.unit) for n in find_numbers(text)]


# People ------------------------------------------------------------------------------------

def test_a_chair_with_old_tone_marks_gets_the_titles_as_written_in_modern_form() -> None:
    text = ("Chiều 28/7, đồng chí Trương Thị Mai, Uỷ viên Bộ Chính trị, Thường trực Ban Bí thư, "
            "Trưởng Ban Tổ chức Trung ương đã chủ trì hội nghị giao ban trực tuyến. Đồng chí Thái "
            "Thanh Quý, Uỷ viên TW Đảng, Bí thư Tỉnh uỷ chủ trì điểm cầu tại Nghệ An.")
    assert people_of(text) == {
        "Trương Thị Mai": (("Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư",
                            "Trưởng Ban Tổ chức Trung ương"), True),
        # Chaired a bridge point, not the meeting.
        "Thái Thanh Quý": (("Ủy viên TW Đảng", "Bí thư Tỉnh ủy"), False),
    }


def test_two_chairs_named_before_chu_tri_are_both_chairs() -> None:
    text = ("Các đồng chí: Trương Thị Mai – Ủy viên Bộ Chính trị, Thường trực Ban Bí thư; Lê Minh "
            "Hưng – Bí thư Trung ương Đảng, Chánh Văn phòng Trung ương Đảng chủ trì hội nghị.\n"
            "Tại điểm cầu tỉnh Nghệ An, đồng chí Hoàng Nghĩa Hiếu – Phó Bí thư Tỉnh ủy chủ trì hội nghị.")
    people = people_of(text)
    assert people["Trương Thị Mai"][1] and people["Lê Minh Hưng"][1]
    assert people["Lê Minh Hưng"][0] == ("Bí thư Trung ương Đảng", "Chánh Văn phòng Trung ương Đảng")
    assert people["Hoàng Nghĩa Hiếu"] == (("Phó Bí thư Tỉnh ủy",), False)


def test_co_chairs_after_cung_chu_tri_co_and_a_short_mention_joining_the_full_name() -> None:
    text = ("Bà Trương Thị Mai chủ trì hội nghị.\n\nCùng chủ trì có Bộ trưởng Bộ Công an Tô Lâm, "
            "Chánh Văn phòng Trung ương Đảng Lê Minh Hưng.\n\nBà Mai nêu rõ hội nghị không chỉ dừng lại.")
    assert people_of(text) == {
        "Trương Thị Mai": ((), True),
        "Tô Lâm": (("Bộ trưởng Bộ Công an",), True),
        "Lê Minh Hưng": (("Chánh Văn phòng Trung ương Đảng",), True),
    }


def test_a_person_named_twice_is_one_entry_with_the_titles_of_both_places() -> None:
    text = ("Dự hội nghị tại điểm cầu tỉnh Hà Giang có đồng chí: Nguyễn Mạnh Dũng, Quyền Bí thư Tỉnh ủy. "
            "Tại Hội nghị, Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an đã quán triệt "
            "Chỉ thị số 24. Quyền Bí thư Tỉnh ủy Nguyễn Mạnh Dũng và các đại biểu tham dự.")
    assert people_of(text) == {
        "Nguyễn Mạnh Dũng": (("Quyền Bí thư Tỉnh ủy",), False),
        "Tô Lâm": (("Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"), False),
    }


@pytest.mark.parametrize(("text", "name", "titles"), [
    # vims Cluster_001/1
    ("Phó Chủ tịch EgyptAir, ông Ahmed Adel, không loại trừ khả năng máy bay bị đặt bom.",
     "Ahmed Adel", ("Phó Chủ tịch EgyptAir",)),
    ("Bộ trưởng Hàng không Ai Cập Sherif Fathy nghiêng về khả năng MS804 bị khủng bố.",
     "Sherif Fathy", ("Bộ trưởng Hàng không Ai Cập",)),
    # vims Cluster_287/1869
    ("Trước đó, báo cáo với Thủ tướng về chất lượng khám chữa bệnh, Bộ trưởng Y tế Nguyễn Thị Kim "
     "Tiến cho biết.", "Nguyễn Thị Kim Tiến", ("Bộ trưởng Y tế",)),
    # vims Cluster_202/1334
    ("Đại tá Phạm Quang Chung, Trưởng công an TP.Bạc Liêu (Bạc Liêu), cho biết khoảng 4 giờ 30 phút.",
     "Phạm Quang Chung", ("Đại tá", "Trưởng công an TP.Bạc Liêu")),
    # vims Cluster_299/1947
    ("Trước đó, ông Nguyễn Chánh Duy, Giám đốc Cảng hàng không Buôn Ma Thuột kỳ vọng, tất cả sẽ xong.",
     "Nguyễn Chánh Duy", ("Giám đốc Cảng hàng không Buôn Ma Thuột",)),
    ("Phó Bí thư Tỉnh ủy Lâm Minh Đằng chủ trì cuộc họp với các thành viên Ban Thường vụ Tỉnh ủy.",
     "Lâm Minh Đằng", ("Phó Bí thư Tỉnh ủy",)),
    # vims Cluster_218/1434: a rare surname, named by "Bà"
    ("Bà Văn Thị Bạch Tuyết, GĐ Sở du lịch TP.HCM cho hay, việc phủ sóng wifi sẽ có ích.",
     "Văn Thị Bạch Tuyết", ()),
])
def test_names_and_titles_from_real_news(text: str, name: str, titles: tuple[str, ...]) -> None:
    assert people_of(text)[name][0] == titles


@pytest.mark.parametrize("text", [
    "Khai trương cửa hàng trên đường Trần Hưng Đạo, thành phố Hà Giang.",
    "Đoàn công tác đến thăm tỉnh Lâm Đồng và Hà Giang trong tháng 7.",
    "Xuân Hướng – Cảnh Toàn",
    "Ông chủ xưởng sửa xe cho biết đã bán cho Vietnam Airlines.",
    "Trường THPT Chu Văn An được tặng 20 suất học bổng.",
])
def test_places_streets_schools_and_bylines_are_not_people(text: str) -> None:
    assert people_of(text) == {}


@pytest.mark.parametrize(("text", "names"), [
    # vims Cluster_260/1704: no honorific, but named again by the surname alone
    ("Ryan Giggs sắp chấm dứt mối quan hệ công việc với Manchester United. Giggs sẽ từ chối đề "
     "nghị làm trợ lý của Jose Mourinho. Mourinho đã tới Old Trafford.",
     {"Ryan Giggs", "Jose Mourinho"}),
    # vims Cluster_260/1704: lists joined by "lẫn" and "&" to a person; "Giggs, người đã ..."
    # names one more (in the article he is Ryan Giggs)
    ("Giggs, người đã làm trợ lý cho HLV Louis Van Gaal lẫn David Moyes, được xem là ứng viên.",
     {"Giggs", "Louis Van Gaal", "David Moyes"}),
    ("Các trợ lý thân cận, bao gồm Rui Faria & Silvino Louro, cũng sẽ tới. Faria là trợ lý chính.",
     {"Rui Faria", "Silvino Louro"}),
    # vims Cluster_064/429: a squad line under a role heading; the clubs in brackets are not people
    ("Tiền đạo: Sergio Aguero (Manchester City), Angel Di Maria (Paris Saint-Germain), Lionel Messi "
     "(Barcelona)", {"Sergio Aguero", "Angel Di Maria", "Lionel Messi"}),
    # vims Cluster_192/1255: a title after the name; a verb of speech after it
    ("Emre Telci, luật sư của Merve Buyuksarac cho rằng: “Merve bị truy tố là vô lý”.",
     {"Emre Telci", "Merve Buyuksarac"}),
    # vims Cluster_043/281: an age in brackets says a person
    ("Các đơn vị nghiệp vụ bắt giữ Kwon Yonggil (34 tuổi, quốc tịch Hàn Quốc) tại một chung cư.",
     {"Kwon Yonggil"}),
    # vims Cluster_230/1508: the second name of a list after "và"
    ("Buổi chiều cùng ngày, Vũ Thị Trang và Nguyễn Thị Sen cũng làm được điều tương tự.",
     {"Vũ Thị Trang", "Nguyễn Thị Sen"}),
    # vims Cluster_202/1336: a paragraph opening with "Theo" is not a byline
    ("Theo thông tin ban đầu, ông Nguyễn Hoàng Quân đang đi bộ thì bất ngờ bị Trần Văn Trường "
     "(25 tuổi, ngụ khóm 8) xông tới đạp ông Quân té ngã.", {"Nguyễn Hoàng Quân", "Trần Văn Trường"}),
    # vims Cluster_260/1704: a newspaper that speaks is no person; Giggs is famous
    ("Tờ Manchester Evening News cho biết, Giggs đã được mời ở lại.", {"Giggs"}),
])
def test_names_without_honorific_shown_to_be_people_by_the_text(text: str, names: set[str]) -> None:
    assert set(people_of(text)) == names


@pytest.mark.parametrize("text", [
    # vims Cluster_135/873: the first word of a sentence is capitalised
    "Với Liverpool, họ phải nộp thêm 17.000 euro. Liverpool đã hạ gục Manchester United 2-0.",
    # vims Cluster_098/643: a model, not a name
    "Hai chiếc máy bay là Boeing C-17 và C-32. Chiếc C-17 chở nhiều trang thiết bị, Boeing cho biết.",
])
def test_organisations_models_and_sentence_openers_are_not_people(text: str) -> None:
    assert people_of(text) == {}


# Numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Tổng vốn đầu tư toàn xã hội đạt 6.378 tỷ đồng.", ("6.378 tỷ đồng", 6.378e12, "VND")),
    ("Tổng kim ngạch xuất nhập khẩu đạt 148,5 triệu USD.", ("148,5 triệu USD", 148.5e6, "USD")),
    ("Tốc độ tăng trưởng (GRDP) của tỉnh ước đạt 1,18%.", ("1,18%", 1.18, "%")),
    ("Lượng khách du lịch đạt 1.418.000 lượt người.", ("1.418.000 lượt người", 1418000.0, "lượt người")),
    ("Bà Mai biểu dương kết quả của 63 tỉnh ủy, thành ủy về công tác lãnh đạo.",
     ("63 tỉnh ủy, thành ủy", 63.0, "tỉnh ủy, thành ủy")),
    ("Số tiền thu giữ hơn 52 ngàn USD.", ("hơn 52 ngàn USD", 52000.0, "USD")),        # Cluster_124/809
    ("Giá mua 670.000đ/kg tại cảng.", ("670.000đ/kg", 670000.0, "VND/kg")),          # Cluster_046/309
    ("Con cá được bán với giá 154,4 triệu Yên.", ("154,4 triệu Yên", 154.4e6, "JPY")),  # Cluster_046/309
    ("Bán 107.668.938 cổ phần cho đối tác.", ("107.668.938 cổ phần", 107668938.0, "cổ phần")),  # Cluster_115/749
    ("Khoảng 2,7 tỉ đồng mỗi con.", ("Khoảng 2,7 tỉ đồng", 2.7e9, "VND")),
    ("Có 5 nghìn hộ dân bị ảnh hưởng.", ("5 nghìn hộ dân", 5000.0, "hộ dân")),
    ("HĐXX đã tuyên phạt bị cáo 18 năm tù.", ("18 năm tù", 18.0, "năm tù")),      # Cluster_199/1310
    ("Chuyên điều khiển xe tải đâm thẳng vào 1 thượng úy CSGT.", ("1 thượng úy", 1.0, "thượng úy")),  # Cluster_199/1310
    ("Khu vực TP.HCM có tổng số 589 tuyến trung thế.", ("589 tuyến", 589.0, "tuyến")),  # Cluster_194/1267
    ("Vị Phó chủ tịch thông tin thêm, hệ thống wifi có 2 cấp độ.", ("2 cấp độ", 2.0, "cấp độ")),  # Cluster_218/1434
])
def test_a_figure_is_read_with_its_unit_and_value(text: str, expected: tuple[str, float, str]) -> None:
    assert figures_of(text) == [expected]


def test_a_range_and_a_part_of_a_whole_are_one_figure_each() -> None:
    ranged = find_numbers("Trong đó có 10 tỉnh, thành phố có mức tăng trưởng cao từ 7,7% đến 14,2%.")
    assert [(n.text, n.value, n.upper, n.unit) for n in ranged] == [
        ("10 tỉnh, thành phố", 10.0, None, "tỉnh, thành phố"), ("từ 7,7% đến 14,2%", 7.7, 14.2, "%")]
    part, = find_numbers("Tỉnh có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt Nghị quyết.")
    assert (part.value, part.total, part.unit) == (7.0, 24.0, "chỉ tiêu")


def test_a_figure_says_what_it_measures_and_keeps_its_sentence() -> None:
    text = ("6 tháng đầu năm 2023, tốc độ tăng trưởng (GRDP) của tỉnh ước đạt 1,18%. Tổng vốn đầu tư "
            "toàn xã hội đạt 6.378 tỷ đồng. Lượng khách du lịch đạt 1.418.000 lượt người.")
    numbers = find_numbers(text, "hg")
    assert [n.measure for n in numbers] == [
        "tốc độ tăng trưởng (GRDP)", "Tổng vốn đầu tư toàn xã hội", "Lượng khách du lịch"]
    assert numbers[1].clause == "Tổng vốn đầu tư toàn xã hội đạt 6.378 tỷ đồng."
    assert {n.article_id for n in numbers} == {"hg"}


def test_a_long_sentence_is_cut_between_words_and_the_cut_is_marked() -> None:
    # Seed 003: the sentence is longer than the clause a figure keeps.
    text = ("Kết luận hội nghị, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, Trưởng Ban Tổ chức Trung "
            "ương Trương Thị Mai nhấn mạnh: Các Tỉnh ủy, Thành ủy tập trung thực hiện 6 nhiệm vụ của Bộ "
            "chính trị đã chỉ đạo cho 6 tháng cuối năm và các nhiệm vụ trọng yếu khác.")
    clause = find_numbers(text)[0].clause
    assert clause.startswith("…") and clause.endswith("khác.")
    kept = clause.removeprefix("…")
    assert kept in text and text[text.index(kept) - 1] == " "  # not "…ường trực"


@pytest.mark.parametrize("text", [
    "Chiều 28/7, hội nghị khai mạc lúc 14:10 ngày 17/01/2024.",          # dates and times
    "Mọi thắc mắc xin gọi 0912.345.678 hoặc (024) 3822 1234.",            # phone numbers
    "Thực hiện Chỉ thị số 24 và Quy định số 96-QĐ/TW ngày 02/02/2023.",   # document codes
    "Nhiệm kỳ 2020 - 2025, Đại hội lần thứ 19, khóa XIII, năm 2023.",     # terms, ordinals, years
    "Hội nghị Trung ương 8 sẽ diễn ra tại Quận 1.",                       # names with numbers
    "Lượt xem: 1648",                                                      # bare counters
    "Trong 6 tháng đầu năm, bệnh nhân 31 tuổi đã xuất viện.",             # durations and ages
    "Đội nhà thắng với tỷ số 6-2 trong trận đấu tối qua.",                # scores
])
def test_dates_times_phones_codes_and_names_are_not_figures(text: str) -> None:
    assert figures_of(text) == []


def test_the_seed_article_of_ha_giang_gives_the_briefing_figures() -> None:
    body = MEETING_A_HA_GIANG.read_text(encoding="utf-8")
    values = {(n.value, n.unit) for n in extract_figures(body).numbers}
    assert {(1.18, "%"), (6.378e12, "VND"), (7.865e12, "VND"), (148.5e6, "USD"),
            (1418000.0, "lượt người"), (7.7, "%"), (10.0, "tỉnh, thành phố")} <= values


# Documents --------------------------------------------------------------------------------

def test_documents_are_normalised_so_two_citations_of_one_are_one() -> None:
    text = ("Bộ trưởng quán triệt những nội dung của chỉ thị số 24 của Bộ Chính trị. Tô Lâm đã quán "
            "triệt Chỉ thị số 24 ngày 13/7/2023. Theo Quy định số 96-QĐ/TW ngày 02/02/2023 và Quy "
            "định 96 của Bộ Chính trị; Kết luận số 21-KL/TW, Nghị quyết số 21-NQ/TW, Nghị quyết số "
            "21 - NQ/TW.")
    assert extract_figures(text).documents == (
        "Chỉ thị số 24", "Quy định số 96-QĐ/TW", "Kết luận số 21-KL/TW", "Nghị quyết số 21-NQ/TW")


@pytest.mark.parametrize(("text", "documents"), [
    # vims Cluster_030/193
    ("Theo Thông tư số 06/2011/TT-BYT và Công văn số 5/CV-HH.",
     ("Thông tư số 06/2011/TT-BYT", "Công văn số 5/CV-HH")),
    # vims Cluster_158/1040
    ("Căn cứ Nghị định số 42/2014/NĐ-CP về quản lý hoạt động bán hàng đa cấp.",
     ("Nghị định số 42/2014/NĐ-CP",)),
    ("Thực hiện Nghị quyết Đại hội XIII của Đảng, kế hoạch 5 năm và quyết định 3 người.", ()),
])
def test_documents_in_real_news(text: str, documents: tuple[str, ...]) -> None:
    assert extract_figures(text).documents == documents


# Places and date --------------------------------------------------------------------------

def test_the_kind_of_meeting_and_its_bridge_points() -> None:
    text = ("Ngày 28/7/2023, Thường trực Ban Bí thư đã tổ chức Hội nghị giao ban trực tuyến với các "
            "đồng chí bí thư Tỉnh ủy. Dự hội nghị tại điểm cầu tỉnh Hà Giang có đồng chí Nguyễn Mạnh "
            "Dũng. Các đại biểu dự hội nghị tại điểm cầu Tỉnh ủy Hà Giang.")
    figures = extract_figures(text)
    assert figures.places == ("hội nghị giao ban trực tuyến", "điểm cầu Tỉnh ủy Hà Giang")
    assert figures.event_date == date(2023, 7, 28)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Chiều 28/7, đồng chí Trương Thị Mai chủ trì.", datetime(2023, 7, 28, 11, 52, tzinfo=UTC),
     date(2023, 7, 28)),
    ("Sáng 17/1, Thường trực Ban Bí thư tổ chức hội nghị.", datetime(2024, 1, 17, 7, 10, tzinfo=UTC),
     date(2024, 1, 17)),
    # Published in January about a day in late December: the year before.
    ("Tối 30/12, đoàn công tác đã đến.", datetime(2024, 1, 2, tzinfo=UTC), date(2023, 12, 30)),
    # No publication date given: the year comes from the dateline in the text.
    ("18:52, 28/07/2023\nChiều 28/7, hội nghị diễn ra.", None, date(2023, 7, 28)),
    ("Chiều 28/7, hội nghị diễn ra.", None, None),
    ("Sáng ngày 31/2, hội nghị diễn ra.", datetime(2023, 3, 1, tzinfo=UTC), None),
])
def test_the_event_date(text: str, published: datetime | None, expected: date | None) -> None:
    assert extract_figures(text, published).event_date == expected


# Errors and the command -------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: extract_figures(None),  # type: ignore[arg-type]
    lambda: extract_figures(b"bytes"),  # type: ignore[arg-type]
    lambda: extract_figures("x", published="2023-07-28"),  # type: ignore[arg-type]
    lambda: extract_figures("x", article_id=3),  # type: ignore[arg-type]
    lambda: extract_figures("x", title=None),  # type: ignore[arg-type]
])
def test_wrong_input_types_are_input_errors(call: object) -> None:
    with pytest.raises(InputError):
        call()  # type: ignore[operator]


def test_empty_text_has_no_figures() -> None:
    assert extract_figures("") == Figures()


def test_the_figures_command_prints_the_json_of_one_seed_article() -> None:
    result = CliRunner().invoke(cli, ["figures", "--input", str(MEETING_A_HA_GIANG)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"people", "numbers", "documents", "places", "event_date"}
    assert data["people"][0] == {"name": "Trương Thị Mai", "chair": True, "titles": [
        "Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư", "Trưởng Ban Tổ chức Trung ương"]}
    investment = next(n for n in data["numbers"] if n["text"] == "6.378 tỷ đồng")
    assert (investment["value"], investment["unit"], investment["measure"]) == (
        6.378e12, "VND", "Tổng vốn đầu tư toàn xã hội")
    assert "Chỉ thị số 24" in data["documents"]
    assert data["event_date"] == "2023-07-28"
    title, body = _title_and_body(MEETING_A_HA_GIANG)
    assert data == figures_to_json(extract_figures(body, title=title))


def test_the_figures_command_takes_the_publication_date() -> None:
    seed = SEEDS / "004_b9e459340868e836.txt"
    result = CliRunner().invoke(cli, ["figures", "--input", str(seed), "--published", "2023-06-27"],
                                catch_exceptions=False)
    assert json.loads(result.output)["event_date"] == "2023-06-27"


def _title_and_body(path: Path) -> tuple[str, str]:
    title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
    return title, body
