"""Tests of the key-figure rules added for general news, one real sentence each.

Every sentence is from /work/shared/eval/vims.jsonl (its id in the comment); the rules are
described in docs/figures.md. The older rules are tested in test_figures.py.
"""

from __future__ import annotations

import pytest

from digest.figures import extract_figures
from digest.figures_numbers import find_numbers
from texts import FLOOD


def figures_of(text: str) -> list[tuple[str, float, str]]:
    return [(n.text, n.value, n.unit) for n in find_numbers(text)]


# Numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # Cluster_258/1691: steps on a ranking are counted, the rank itself is not.
    ("Theo đó, ĐT Việt Nam đã tăng tới 12 bậc lên hạng 133 thế giới.", [("12 bậc", 12, "bậc")]),
    # Cluster_191/1250
    ("Trận động đất này mạnh 6,4 độ Richter, với tâm chấn cách thành phố Đài Bắc, khoảng 110 km.",
     [("6,4 độ Richter", 6.4, "độ Richter"), ("khoảng 110 km", 110, "km")]),
    # Cluster_017/111: a part of the people just counted.
    ("Vụ tấn công trên khiến 14 trẻ em bị thương, 9 trong số đó phải nhập viện.",
     [("14 trẻ em", 14, "trẻ em"), ("9 trong số", 9, "")]),
    # Cluster_040/257: the nouns that name people in a role count them ("nữ sinh").
    ("Thì 7 nữ sinh Trường THCS Nguyễn Du (xã Cam Phước Đông, TP Cam Ranh) trượt chân rơi xuống "
     "lòng hồ Tà Rục.", [("7 nữ sinh", 7, "nữ sinh")]),
    # Cluster_087/573
    ("Bị bắt giữ cùng với tang vật gồm 6 kg ma túy “đá”, 1 khẩu súng ngắn, 15 viên đạn.",
     [("6 kg", 6, "kg"), ("1 khẩu súng", 1, "khẩu súng"), ("15 viên", 15, "viên")]),
    # Cluster_131/841
    ("Honda Winner là mẫu xe côn tay 150 phân khối đầu tiên của công ty Nhật Bản.",
     [("150 phân khối", 150, "phân khối")]),
    # Cluster_290/1889
    ("Hai tuần trước, một nhóm gồm 33 thân nhân của những hành khách người Úc đã đệ đơn kiện.",
     [("33 thân nhân", 33, "thân nhân")]),
])
def test_more_counted_nouns_and_units(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    # Cluster_190/1237: a house number before a street whose first word is a counted noun.
    "Đoạn ngang qua số nhà 176 Xã Đàn, đã bất ngờ mất lái.",
    # Cluster_059/396: points on a league table are a score.
    "Thầy trò HLV Trương Việt Hoàng đang dẫn đầu bảng xếp hạng với 25 điểm, bỏ xa Thanh Hóa xếp "
    "sau tới 6 điểm.",
    # Cluster_043/281: a betting ratio, "thắng" is a verb.
    "Nhóm này chủ động \"sắp xếp\" tỉ lệ đánh bạc \"thua 7 thắng 3\".",
])
def test_street_numbers_scores_and_ratios_are_not_figures(text: str) -> None:
    assert figures_of(text) == []


def test_places_are_still_counted_with_points_outside_a_contest() -> None:
    assert ("14 điểm", 14, "điểm") in figures_of(FLOOD)


def test_the_title_gives_the_figures_the_body_leaves_out_once() -> None:
    # Cluster_255/1677: the price and the distance are only in the title.
    body = "Vụ tai nạn xảy ra sáng 2-6. Cú tông mạnh khiến chiếc Bentley bị nát phần đuôi."
    figures = extract_figures(body, title="Siêu xe hơn 10 tỉ bị xe container tông văng hơn 10 m")
    assert [(n.text, n.value, n.unit) for n in figures.numbers] == [
        ("hơn 10 tỉ", 10e9, ""), ("hơn 10 m", 10, "m")]
    # Cluster_195/1277: a figure of the title that the body repeats is not read twice.
    body = "Một vụ hỏa hoạn đã xảy ra tại một kho đạn dược khiến ít nhất 17 binh sĩ thiệt mạng."
    figures = extract_figures(body, title="Cháy kho đạn ở Ấn Độ: 17 binh sĩ thiệt mạng")
    assert [n.value for n in figures.numbers] == [17]
