"""Numbers for `digest.figures`: the figures of a Vietnamese text, with unit and measure,
and the numbered documents it cites.

Vietnamese writes "1.418.000" (a dot groups thousands) and "148,5" (a comma marks decimals);
"tỷ" is 10^9, "triệu" 10^6, "nghìn"/"ngàn" 10^3. A dot followed by anything but exactly three
digits ("3.5") is read as an English decimal point, which some outlets use.

What counts as a figure: a number followed by a multiplier ("2 triệu"), a percent, a currency,
a unit of measure ("30 kg") or a counted noun from `COUNT_NOUNS` ("63 tỉnh ủy, thành ủy",
"1.418.000 lượt người"). Everything else is left out on purpose: dates and times ("28/7",
"14:10", "ngày 9-4"), years and terms ("năm 2023", "2020 - 2025"), ordinals and names
("lần thứ 19", "khóa XIII", "Hội nghị Trung ương 8", "Quận 1"), document numbers ("Chỉ thị số
24"), durations and ages ("6 tháng đầu năm", "31 tuổi") and bare numbers with no unit at all
("Lượt xem: 1648", "tỷ số 6-2"). Numbers written as words ("ba chương trình") are not read.

A range ("từ 7,7% đến 14,2%", "2-2,5 triệu lượt khách") is one figure: `value` is the low end
and `upper` the high end. A part of a whole ("7/24 chỉ tiêu") is one figure: `value` 7, `total` 24.
Each figure keeps the sentence it was read from (`clause`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.errors import InputError
from digest.figures_words import ADMINISTRATIVE_UNITS, CONTEST, ROLE_NOUNS, SPEECH_VERBS
from digest.models import Number
from digest.text import dictionary_words, normalize


MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

PERCENT_UNIT = "%"

CURRENCIES = {
    "đồng": "VND", "vnđ": "VND", "vnd": "VND", "đ": "VND",
    "usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "đôla": "USD", "đô": "USD",
    "euro": "EUR", "eur": "EUR", "yên nhật": "JPY", "yên": "JPY", "nhân dân tệ": "CNY",
    "ndt": "CNY", "bảng anh": "GBP", "bảng": "GBP", "rúp": "RUB", "won": "KRW", "bạt": "THB",
}

MEASURE_UNITS = (
    "km2", "km²", "km/h", "km", "m2", "m²", "m3", "m³", "mét vuông", "mét khối", "mét", "m",
    "cm", "mm", "ha", "hecta", "héc-ta", "tấn", "tạ", "kg", "gram", "gam", "gr", "mg", "lít", "ml",
    "mw", "kw", "kwh", "gw", "gwh", "mwh", "độ c", "°c", "thùng", "teu", "hải lý", "dặm",
    "cây số", "inch", "độ", "độ richter", "richter", "mã lực", "phân khối", "cc", "dwt", "chỉ vàng",
    "lượng vàng", "carat", "feet", "dặm/giờ", "vòng/phút", "nm", "cv", "kv", "g",
)

COUNT_NOUNS = (
    "người", "lượt người", "lượt khách", "lượt", "khách", "du khách", "hành khách", "hộ",
    "hộ dân", "hộ gia đình", "hộ nghèo", "gia đình", "ca mắc", "ca bệnh", "ca nhiễm",
    "trường hợp", "vụ", "vụ án", "vụ việc", "vụ tai nạn", "bị can", "bị cáo", "đối tượng",
    "nạn nhân", "người dân", "học sinh", "sinh viên", "giáo viên", "thí sinh", "bác sĩ",
    "bệnh nhân", "cán bộ", "công chức", "viên chức", "đảng viên", "chiến sĩ", "binh sĩ",
    "công nhân", "lao động", "việc làm", "đại biểu", "cử tri", "thành viên", "cổ đông",
    "tổ viên", "ngư dân", "nông dân", "trẻ em", "cháu", "doanh nghiệp", "công ty", "dự án",
    "chương trình", "đề án", "văn bản", "chỉ tiêu", "nhiệm vụ", "giải pháp", "kiến nghị",
    "ý kiến", "tỉnh", "thành phố", "tỉnh ủy", "thành ủy", "huyện", "xã", "phường", "thị trấn",
    "địa phương", "đơn vị", "cơ sở", "cơ quan", "tổ chức", "trường", "trường học",
    "bệnh viện", "quốc gia", "nước", "xe", "ô tô", "xe máy", "chiếc", "tàu", "tàu cá",
    "máy bay", "chuyến bay", "chuyến", "căn", "căn hộ", "căn nhà", "ngôi nhà", "nhà", "nhà đầu tư", "con",
    "cây", "bánh", "viên", "sản phẩm", "mặt hàng", "tác phẩm", "cuốn", "hồ sơ", "cổ phần",
    "cổ phiếu", "tài khoản", "suất", "phần quà", "huy chương", "trận", "bàn thắng", "cuộc",
    "cuộc họp", "cuộc kiểm tra", "công trình", "hạng mục", "tuyến", "điểm cầu", "điểm",
    "thửa", "nhóm", "nhóm hàng", "phiếu", "đồng chí", "đoàn", "container", "bao", "kiện",
    "quả", "lô", "tiêu chí", "thủ tục", "dịch vụ", "giấy phép", "sai phạm", "công dân",
    "cầu thủ", "đội", "đội bóng", "cửa hàng", "nhân viên", "phi công", "tổ bầu cử", "em",
    "em nhỏ", "doanh nhân", "tầng", "phòng", "học viên", "cảnh sát", "tay súng", "phiến quân",
    "tên lửa", "quả bom", "vụ nổ", "vụ tấn công", "ca tử vong", "người chết", "người bị thương",
    "năm tù", "tháng tù", "năm tù giam", "tháng tù treo", "năm tù treo", "nghi can", "đường dây",
    "trạm", "mũi", "chủng loại", "loại", "lần vô địch", "cấp độ", "thiếu úy", "trung úy",
    "thượng úy", "đại úy", "thiếu tá", "trung tá", "thượng tá", "đại tá",
    # The nouns that most often follow a number in general news (vims.jsonl) and were missing.
    "bậc", "vị trí", "vấn đề", "nội dung", "thân nhân", "phụ nữ", "thanh niên", "đứa trẻ",
    "đứa con", "trẻ", "vợ chồng", "quan chức", "cá nhân", "bị hại", "dân làng", "khẩu súng",
    "tòa nhà", "nhà máy", "hợp đồng", "đường bay", "tiền án", "mẫu", "mẫu xe", "gói",
    "đoạn", "cá thể", "làn xe", "đề cử", "danh hiệu", "giải", "giải thưởng", "chức vô địch",
    "ván", "trận thắng", "trận hòa", "trận thua", "sổ tiết kiệm", "liên đoàn", "bản đồ", "dân",
    "dân thường", "dân quân", "vòng đấu", "đồng phạm", "đồng nghiệp", "đồng đội", "đồng hương",
    "đồng bào",
    "tác giả", "hành vi", "tội danh", "bộ", "bộ sưu tập", "lính", "lính cứu hỏa", "chi nhánh",
    "máy", "thiết bị", "bài", "bài báo", "ca khúc", "bộ phim", "chỗ ngồi", "ghế", "dn",
    *ROLE_NOUNS,
)

# Counted nouns that head a longer word more often than they stand alone: "máy xúc", "xe
# chữa cháy", "con voi", "khách sạn", "bao tải", "trẻ nhỏ", "tầng hầm", "tỉnh thành".
GENERIC_COUNT_NOUNS = frozenset({"máy", "xe", "con", "khách", "bao", "trẻ", "tầng", "tỉnh"})

LISTED_NOUNS = frozenset(normalize(noun) for noun in COUNT_NOUNS)
# Nouns after a number that score a contest rather than count: "cho Nam Em 9 điểm".
SCORE_NOUNS = frozenset({"điểm", "bàn thắng"})

# Counted nouns the press abbreviates, shown whole: "12 DN" counts "doanh nghiệp".
ABBREVIATED_NOUNS = {"dn": "doanh nghiệp"}

# A unit or counted noun that is the first half of another word: "1/5 con số", "12 ca nô",
# a coordinate "105,53 độ kinh Đông", "2 đồng hồ" (a unit that heads a counted noun of the
# list, "9 đồng phạm", is read as that noun).
NOT_COUNTED = frozenset({"con số", "con đường", "con người", "em ấy", "nhà nước", "độ kinh", "độ vĩ",
                         "lần lượt", "bao gồm", "đồng minh", "đồng môn", "đồng hồ", "đồng sáng"})

# A count whose noun is in no list ("2 mục tiêu", "5 thang máy", "20 phương án"): the words
# after an integer are taken as its noun when they make a word of the Vietnamese word list, or
# are one of these nouns of one syllable, which count things ("3 lần", "4 kẻ", "2 nhát")...
ONE_SYLLABLE_COUNT_NOUNS = frozenset(
    "lần bên tên kẻ gã bé cái nòng nhịp phát can bồn khu tổ chất chữ cánh đời thang vị chân "
    "nhát cú pha kíp chợ cột ổ bình túi hộp thùng gói tờ lá bức tấm cuốn quyển bản ngôi "
    "tòa toà căn gian cửa chai lọ ống sợi khẩu cặp đôi giống loài nam nữ môn khối tàu thuyền ngành "
    "két rạp lốc".split())
# ... unless they say when, how long or how old, or are a verb, a link or an adverb: "2 năm
# sau", "3 tiếng", "cả 2 đều", "Album 25 được ghi nhận", "cả 3 có biểu hiện".
NOT_COUNT_HEADS = frozenset(
    "năm tuổi phút giờ tháng ngày tuần giây tiếng mùa đêm buổi hiệp kỳ khóa khoá quý thế thập "
    "sao chỗ số và của đã là sẽ tại được với có bị do cùng thuộc cũng đi để về trong trên dưới "
    "đang vẫn đều như mà vì khi nhưng cho sau này đó thì từ đến tới không nên bởi ở bằng đầu "
    "sắp so đối liên kết sử thi lưu giao yêu rồi còn hay hoặc lại ra vào lên xuống hôm rạng bắt trở "
    "sáng trưa chiều tối".split())
# A number with no unit may be a year ("Copa America 2016 đầu tháng 6"): never a count then.
YEARS = range(1900, 2101)

PER_UNITS = (
    "ngày", "tháng", "năm", "người", "kg", "con", "tấn", "lít", "m2", "giờ", "km", "ha",
    "lượt", "hộ", "chiếc", "sản phẩm", "thùng", "kwh", "đêm", "tuần", "tín chỉ",
)

# Words right before a number that make it an ordinal, a code, a date or part of a name.
NOT_A_FIGURE_BEFORE = frozenset(
    "số thứ khóa khoá lần điều khoản chương mục phần lớp quận phường tầng phòng lô km ql "
    "đường kỳ phiên đợt vòng bảng hạng top trang tập mùa tuần ngày tháng năm quý sn "
    "thôn ấp tổ khu xóm bản tuổi covid nhiệm khối mã hệ cấp giai đoạn tỷ số phút áo".split()
)

# Periods before an amount of money say how often, not which day: "trả mỗi ngày 500 nghìn đồng".
PERIODS = frozenset({"ngày", "tuần", "tháng", "năm", "quý"})
CURRENCY_CODES = frozenset(CURRENCIES.values())
# Longer words that end in one of those: "tổng số 589 tuyến" is a total, "lên con số 175 triệu
# bảng Anh", "trong số 6 triệu cử tri", "cung cấp 18 tàu tuần tra", "bộ sưu tập 65 bản đồ" and
# "triệu tập 30 cầu thủ" are figures, though "số 44" is an address, "cấp 3" a level and "tập 5"
# an episode.
LONGER_WORD_BEFORE = re.compile(r"(?:^|\s)(?:tổng số|con số|trong số|cung cấp|sưu tập|triệu tập)$")

# "điều" is an article's number ("khoản 2, điều 135"), but after these a verb, to dispatch:
# "đã điều 6 xe nước", "khẩn trương điều 15 xe cứu thương".
DISPATCHED = re.compile(r"(?:^|\s)(?:đã|sẽ|vừa|được|liền|khẩn trương|nhanh chóng|lập tức|tức tốc)\s+điều$")

DATE_WORDS = frozenset({"sáng", "chiều", "tối", "trưa", "đêm", "hôm", "từ", "đến"})

QUALIFIERS = ("ít nhất", "tối thiểu", "tối đa", "xấp xỉ", "khoảng", "hơn", "gần", "trên",
              "dưới", "chừng", "từ")

VERBS_BEFORE_FIGURE = (
    "ước đạt", "đạt được", "đạt mức", "ở mức", "lên tới", "lên đến", "tăng lên", "giảm xuống",
    "gồm có", "chỉ có", "tổng cộng", "vào khoảng", "trị giá", "bảo đảm", "đảm bảo", "đạt",
    "ước", "là", "có", "gồm", "bằng", "tăng", "giảm", "lên", "xuống", "tới", "đến", "còn",
    "chiếm", "với", "thu", "mất", "được", "đã", "sẽ", "cho", "của", "mức", "trong đó",
)

LINKING_VERBS = ("ước đạt", "đạt được", "đạt mức", "ở mức", "lên tới", "lên đến", "tăng lên",
                 "giảm xuống", "tổng cộng", "vào khoảng", "trị giá", "đạt", "ước", "là", "tăng",
                 "giảm", "chiếm", "bằng", "gồm", "gồm có", "còn", "lên", "xuống", ":")

DANGLING_WORDS = ("theo", "số", "tại", "trong", "để", "về", "và", "hoặc", "như", "từ", "so với", "lần",
                  "lần thứ", "thứ", "khóa", "khoá", "năm", "ngày", "tháng", "quý", "giai đoạn")

OPENERS = ("trong đó", "theo đó", "cụ thể", "ngoài ra", "đồng thời", "bên cạnh đó", "và",
           "nhưng", "còn", "riêng")

OWNER_SUFFIX = re.compile(
    r"\s+của\s+(?:toàn\s+|cả\s+)?(?:tỉnh|thành phố|huyện|xã|địa phương|cả nước|nước ta)$",
    re.IGNORECASE,
)


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, longest first so "lượt người" wins over "lượt"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


BARE_NUMBER = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[.,][0-9]+)?)(?![0-9])")
# A number starts after no letter or digit, or after the "x" of a dimension ("2mx2,5mx0,1m").
NUMBER = re.compile(r"(?:(?<![\w.,:/+\-–])|(?<=[0-9m][x×]))" + BARE_NUMBER.pattern)
# "2.025 x 725 x 1.102 mm", "40x40cm": each side of a dimension has the unit written last.
DIMENSION_NEXT = re.compile(r"[ \t]*[x×][ \t]*" + BARE_NUMBER.pattern)
# "cao 1m75": metres, then centimetres written without a unit.
CENTIMETRES = re.compile(r"[0-9]{2}(?![0-9])")
FRACTION = re.compile(r"([0-9]+)/([0-9]+)(?![/0-9])")
DATE_OR_TIME_AHEAD = re.compile(r"[/:][0-9]|h[0-9]|,[0-9]")
MULTIPLIER = re.compile(r"[ \t\u00a0]*(" + _alternation(list(MULTIPLIERS)) + r")(?![^\W\d_])")
PERCENT = re.compile(r"[ \t\u00a0]*(%|phần trăm)")
LINE_AFTER_NUMBER = re.compile(r"(?<=[0-9])\n")
I_FOR_Y = dict(zip("yýỳỷỹỵ", "iíìỉĩị"))
Y_AFTER_CONSONANT = re.compile(r"(?<=[bcdđghklmnpqrstvx])[yýỳỷỹỵ](?![^\W\d_])")
UNIT = re.compile(
    r"[ \t\u00a0]*(" + _alternation(list(CURRENCIES) + list(MEASURE_UNITS)) + r")(?!(?![x×][0-9])[^\W\d_²³])",
    re.IGNORECASE,
)
COUNT_NOUN = re.compile(r"[ \t\u00a0]*(" + _alternation(COUNT_NOUNS) + r")(?![^\W\d_])", re.IGNORECASE)
COORDINATED_NOUN = re.compile(r",[ \t\u00a0]*(" + _alternation(COUNT_NOUNS) + r")(?![^\W\d_])")
# A match record: "thắng", "hòa", "thua" count results only as items of a list; otherwise they
# are verbs ("tỉ lệ đánh bạc thua 7 thắng 3").
MATCH_RESULT = re.compile(r"[ \t\u00a0]+(thắng|hòa|hoà|thua)(?=[ \t\u00a0]*[,;)]|[ \t\u00a0]+và\b)", re.IGNORECASE)
PART_OF = re.compile(r"[ \t\u00a0]+trong số(?![^\W\d_])", re.IGNORECASE)
PER_UNIT = re.compile(r"[ \t\u00a0]*/[ \t\u00a0]*(" + _alternation(PER_UNITS) + r")(?![^\W\d_])", re.IGNORECASE)
# Verbs of speech that are no nouns too (unlike "500 bình luận", "2 thông báo").
VERBS_OF_SPEECH_ONLY = frozenset(SPEECH_VERBS) - {"bình luận", "thông báo", "nhận xét", "nhận định", "tuyên bố",
                                                  "phát biểu", "ý kiến"}
THOUSANDS_COMMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")  # thousands written the English way
RANGE_JOIN = re.compile(r"[ \t\u00a0]*(?:-|–|—|đến|tới)[ \t\u00a0]*")
AT_LEAST_AFTER = re.compile(r"[ \t\u00a0]+(trở lên|trở xuống)")
QUALIFIER_BEFORE = re.compile(r"(?<![^\W\d_])(" + _alternation(QUALIFIERS) + r")[ \t\u00a0]+$", re.IGNORECASE)
WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]*$")
SENTENCE_BREAK = re.compile(r"[.!?;…](?=\s)|\n")
CLAUSE_BREAK = re.compile(r"[,:](?=\s)")
CLAUSE_END = re.compile(r"[,.;:!?\n()\[\]“”\"…]|[0-9]")
VERB_TAIL = re.compile(r"(?:\s+|^)(?:" + _alternation(VERBS_BEFORE_FIGURE + QUALIFIERS) + r")$", re.IGNORECASE)
OPENER_HEAD = re.compile(r"^(?:" + _alternation(OPENERS) + r")\b[\s,]*", re.IGNORECASE)
LINKING_TAIL = re.compile(r"(?:^|\s)(?:" + _alternation(LINKING_VERBS) + r")(?:\s+(?:" + _alternation(QUALIFIERS) + r"))?$", re.IGNORECASE)
DANGLING_TAIL = re.compile(r"(?:\s+|^)(?:" + _alternation(VERBS_BEFORE_FIGURE + QUALIFIERS + DANGLING_WORDS) + r")$", re.IGNORECASE)
LAST_LINK = re.compile(r".*\b(?:có|với)\s+", re.IGNORECASE | re.DOTALL)
COMPARISON_HEAD = re.compile(r"[\s,)]*(?:so với|so|bằng|tương đương|tương ứng)\b", re.IGNORECASE)

MAX_MEASURE_WORDS = 12
MAX_CLAUSE_CHARS = 240


def parse_number(written: str) -> float:
    """The value of a number written the Vietnamese way: "1.418.000" -> 1418000, "148,5" -> 148.5.

    Anything else raises InputError: the function is public, and not only fed by the regexes here.
    """
    whole, _, decimals = written.partition(",")
    groups = whole.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        whole = "".join(groups)
    elif len(groups) == 2 and not decimals:
        whole, decimals = groups
    try:
        return float(f"{int(whole)}.{decimals or 0}")
    except ValueError:
        raise InputError(f"{written!r} is not a number written the Vietnamese way "
                         "(digits, dots between thousands, a decimal comma)") from None


@dataclass(frozen=True)
class _Unit:
    """What follows a number: its multiplier, its unit and where the unit ends."""

    factor: float
    unit: str
    end: int
    counted: bool


def read_unit(text: str, pos: int, written: str = "") -> _Unit | None:
    """The multiplier and unit written at `pos`, or None when the number has neither.

    `written` is the number before `pos`: given, an integer may also count a noun that no list
    names ("2 mục tiêu")."""
    factor, end = 1.0, pos
    while match := MULTIPLIER.match(text, end):
        factor *= MULTIPLIERS[match.group(1)]
        end = match.end()
    unit, counted = "", False
    if match := PERCENT.match(text, end):
        unit, end = PERCENT_UNIT, match.end()
    elif (match := UNIT.match(text, end)) and not _not_a_count(text, match) and not _hour_or_network(text, pos, match) \
            and not _heads_a_counted_noun(text, match):
        written = match.group(1)
        unit, end = CURRENCIES.get(written.lower(), written), match.end()
    elif (match := COUNT_NOUN.match(text, end)) and not _not_a_count(text, match):
        noun, end = _whole_noun(text, match.group(1).lower(), match.end())
        unit, counted = ABBREVIATED_NOUNS.get(noun, noun), True
        # "63 tỉnh ủy, thành ủy": nouns of a list, but not after a longer word ("3 tầng hầm, đối
        # tượng") nor a place's before its name ("6 người, huyện Nghi Lộc 2 người").
        listed = end == match.end()
        while listed and (more := COORDINATED_NOUN.match(text, end)) and not _digit_follows(text, more.end()) \
                and not _not_a_count(text, more) and not _place_named(text, more):
            unit, end = f"{unit}, {more.group(1)}", more.end()
    elif match := MATCH_RESULT.match(text, end):  # "(3 thắng, 1 hòa, 1 thua)"
        unit, end, counted = match.group(1).lower(), match.end(), True
    elif match := PART_OF.match(text, end):  # "9 trong số đó phải nhập viện"
        end, counted = match.end(), True
    elif factor == 1.0 and written and (noun := _noun_in_word_list(written, text, end)):
        (unit, end), counted = noun, True
    if unit and (per := PER_UNIT.match(text, end)):
        unit, end = f"{unit}/{per.group(1).lower()}", per.end()
    if not unit and factor == 1.0 and not counted:
        return None
    return _Unit(factor, unit, end, counted)


WORD = re.compile(r"[^\W\d_]+")
LOWER_WORDS = re.compile(r"[ \t\u00a0]+([^\W\d_]+)(?:[ \t\u00a0]+([^\W\d_]+))?(?:[ \t\u00a0]+([^\W\d_]+))?")


def _noun_in_word_list(written: str, text: str, pos: int) -> tuple[str, int] | None:
    """The counted noun at `pos` after the integer `written` that no list names, and where it
    ends: the longest run of two or three lower-case words that the word list holds, or one
    noun of ONE_SYLLABLE_COUNT_NOUNS; never after a year, a decimal or a name, whose number it
    is ("Lữ đoàn 270 công binh")."""
    if not written.replace(".", "").isdigit() or ("." not in written and int(written) in YEARS):
        return None
    window = max(0, pos - len(written) - 30)
    for word in list(WORD.finditer(text, window, pos - len(written)))[-2:]:
        if word.group()[:1].isupper() and not _starts_sentence(text, word.start()):
            return None
    words = LOWER_WORDS.match(text, pos)
    if words is None or not words.group(1).islower() or normalize(words.group(1)) in NOT_COUNT_HEADS:
        return None
    lowered = [w for w in words.groups() if w and w.islower()]
    for size in range(len(lowered), 1, -1):
        noun = " ".join(lowered[:size])
        if noun in NOT_COUNTED or noun in VERBS_OF_SPEECH_ONLY:  # "vùng Cảnh sát biển 2 bày tỏ"
            return None
        if normalize(noun) in dictionary_words() or _i_spelling(normalize(noun)) in dictionary_words():
            return noun, words.end(size)
    return (lowered[0], words.end(1)) if normalize(lowered[0]) in ONE_SYLLABLE_COUNT_NOUNS else None


def _whole_noun(text: str, noun: str, end: int) -> tuple[str, int]:
    """The counted noun with the lower-case words after it that make one word of the word
    list with it, and where it ends: "6 máy xúc" counts excavators, not "máy". Only after the
    heads of GENERIC_COUNT_NOUNS: after "người", "hộ", "phòng" the word list's compounds
    straddle two words more often than not ("9 người ở lại", "10 hộ sinh sống")."""
    words = LOWER_WORDS.match(text, end)
    if words is None or noun not in GENERIC_COUNT_NOUNS:
        return noun, end
    lowered = [w for w in words.groups() if w and w.islower()]
    for size in range(len(lowered), 0, -1):
        longer = " ".join([noun, *lowered[:size]])
        if normalize(longer) in dictionary_words():
            return longer, words.end(size)
    return noun, end


def _i_spelling(words: str) -> str:
    """The words with a final "y" after a consonant written "i", as the word list spells
    them: "sỹ quan" is "sĩ quan", "kỹ sư" is "kĩ sư"."""
    return Y_AFTER_CONSONANT.sub(lambda y: I_FOR_Y[y.group()], words)


def _not_a_count(text: str, noun: re.Match[str]) -> bool:
    """Whether the unit or counted noun after a number is the first half of another word ("1/5
    con số", "105,53 độ kinh Đông") or the start of a name ("số nhà 176 Xã Đàn")."""
    next_word = _next_word(text, noun.end())
    return _starts_a_name(text, noun) or f"{noun.group(1).lower()} {next_word.lower()}" in NOT_COUNTED


def _place_named(text: str, noun: re.Match[str]) -> bool:
    """Whether the noun is a unit of the country's map with its name after it: "huyện Nghi Lộc"."""
    return noun.group(1).lower() in ADMINISTRATIVE_UNITS and _next_word(text, noun.end())[:1].isupper()


def _hour_or_network(text: str, pos: int, unit: re.Match[str]) -> bool:
    """Whether a "g" after a number is an hour, not grams: the press writes "lúc 19g30",
    "khoảng 17g chiều"; or a network's generation, "4G". Grams are taken after a decimal or a
    number no hour can be: "5,2 g ma túy", "thu giữ 300 g", "gói trà 250g"."""
    if unit.group(1).lower() != "g":
        return False
    number = re.search(r"[0-9]+(?:[.,][0-9]+)?$", text[max(0, pos - 12):pos])
    hour = number is not None and number.group().isdigit() and int(number.group()) <= 24
    return unit.group(1) == "G" or hour or _digit_follows(text, unit.end())


def _starts_a_name(text: str, unit: re.Match[str]) -> bool:
    """Whether the unit after a number is the first word of a street's name: a capital, then
    another ("176 Xã Đàn", "61 Yên Lãng"); not an abbreviation ("30.000 DWT")."""
    written = unit.group(1)
    return written[0].isupper() and not written.isupper() and _next_word(text, unit.end())[:1].isupper()


def _heads_a_counted_noun(text: str, unit: re.Match[str]) -> bool:
    """Whether the unit and the word after it are a counted noun of the list: "9 đồng phạm"
    counts accomplices, not 9 đồng."""
    return normalize(f"{unit.group(1)} {_next_word(text, unit.end())}") in LISTED_NOUNS


def _next_word(text: str, pos: int) -> str:
    word = re.match(r"[ \t]+([^\W\d_]+)", text[pos:pos + 20])
    return word.group(1) if word else ""


def _digit_follows(text: str, pos: int) -> bool:
    return bool(re.match(r"[ \t]*[0-9]", text[pos:pos + 8]))


def _word_before(text: str, pos: int) -> str:
    match = WORD_BEFORE.search(text[max(0, pos - 40):pos])
    return match.group(1) if match else ""


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:\n\"“"


def _blocked_by_context(text: str, start: int, unit: _Unit) -> bool:
    """Whether the word before the number makes it an ordinal, a code or part of a name."""
    before = text[max(0, start - 40):start].rstrip().lower()
    if any(before.endswith(" " + w) or before == w for w in ("giai đoạn", "tỷ số", "trung ương", "nhiệm kỳ")):
        return True
    word = _word_before(text, start)
    money_per_period = word.lower() in PERIODS and unit.unit in CURRENCY_CODES  # "mỗi ngày 500 nghìn đồng"
    if word.lower() in NOT_A_FIGURE_BEFORE and not LONGER_WORD_BEFORE.search(before) and not money_per_period \
            and not DISPATCHED.search(before):
        return True
    named = word[:1].isupper() and not _starts_sentence(text, start - len(word) - 1)
    return named and unit.factor == 1.0 and (not unit.unit or unit.counted and _numbers_the_name(text, start, unit))


def _numbers_the_name(text: str, start: int, unit: _Unit) -> bool:
    """Whether a count right after a name is the name's number or a score rather than a count:
    "EURO 2016 tổ chức ...", "Nam Em 9 điểm". A count of the word list after a name is counted
    ("huyện Diễn Châu 6 người", "Trương Xuân Quang ... 20 năm tù", "cho Việt Nam 18 tàu"); the
    words the word list alone gives are not ("Lữ đoàn 270 công binh")."""
    written = BARE_NUMBER.match(text, start)
    year = written is not None and written.group(1).isdigit() and int(written.group(1)) in YEARS
    return year or unit.unit in SCORE_NOUNS or normalize(unit.unit) not in LISTED_NOUNS


def _measure(text: str, start: int, end: int, unit: _Unit, previous: _Previous | None) -> str:
    """What the figure measures.

    "Lượng khách du lịch đạt 1.418.000 lượt người": the subject linked to the figure by a verb
    ("đạt", "là", "tăng") names it. A count without such a subject ("đã có 21 chương trình,
    đề án trọng điểm ...") is described by the counted noun and the words after it. A figure
    that follows another in the same clause measures what the words since that figure name
    ("17 doanh nghiệp ... với số tiền xử phạt lên tới 1.561,4 tỷ đồng"), or, when they only
    compare ("CPI tăng 0,54% so với tháng trước, tăng 2,28%"), the same thing as that figure.
    """
    subject, linked, same_as_previous = _subject_before(text, start, previous.end if previous else None)
    if same_as_previous and previous is not None:
        return previous.figure.measure
    if unit.counted and not linked:
        return f"{unit.unit} {_phrase_after(text, end)}".strip()
    if len(subject.split()) >= 2:
        return subject
    after = _phrase_after(text, end)
    if unit.counted:
        return f"{unit.unit} {after}".strip()
    return after or subject


def _subject_before(text: str, start: int, previous_end: int | None) -> tuple[str, bool, bool]:
    """The clause before the figure without its trailing verbs, whether a verb linked them,
    and whether the figure only restates the previous one's measure."""
    window_start = max(0, start - 300)
    sentence_start = max([m.end() for m in SENTENCE_BREAK.finditer(text, window_start, start)] or [window_start])
    breaks = [sentence_start] + [m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, start)]
    clause_start = breaks[-1]
    previous_in_sentence = previous_end is not None and previous_end > sentence_start
    if previous_in_sentence and COMPARISON_HEAD.match(text[previous_end:start]) and (
            previous_end >= breaks[-2 if len(breaks) > 1 else -1]):
        return "", False, True
    if previous_in_sentence and previous_end >= clause_start:
        clause_start = previous_end
        if not text[clause_start:start].strip(" ,(\t"):
            return "", False, True
    elif len(text[clause_start:start].split()) <= 2 and len(breaks) >= 2 and not (
            previous_in_sentence and previous_end > breaks[-2]):
        clause_start = breaks[-2]
    clause = OPENER_HEAD.sub("", " ".join(text[clause_start:start].split()))
    linked = bool(LINKING_TAIL.search(clause))
    while (trimmed := VERB_TAIL.sub("", clause).strip()) != clause:
        clause = trimmed
    if (after_link := LAST_LINK.sub("", clause)) != clause and len(after_link.split()) >= 2:
        clause = after_link
    clause = OWNER_SUFFIX.sub("", clause).strip(" ,–-").removesuffix("(").lstrip(")").strip()
    return " ".join(clause.split()[-MAX_MEASURE_WORDS:]), linked, False


def _phrase_after(text: str, end: int) -> str:
    stop = CLAUSE_END.search(text, end)
    words = text[end:stop.start() if stop else len(text)].split()[:MAX_MEASURE_WORDS]
    phrase = " ".join(words)
    while (trimmed := DANGLING_TAIL.sub("", phrase).strip()) != phrase:
        phrase = trimmed
    return phrase


def _qualifier_start(text: str, start: int) -> int:
    match = QUALIFIER_BEFORE.search(text[max(0, start - 20):start])
    return start - (len(match.group(0)) if match else 0)


def _read_range(text: str, pos: int, low: float, unit: _Unit | None) -> tuple[float, float, _Unit] | None:
    """The range that starts with `low` (unit `unit`, ending at `pos`), if one is written.

    The unit may be written once, after the high end ("60 - 95%", "2-2,5 triệu lượt khách"),
    or twice ("10 triệu đồng - 20 triệu đồng"), what it is per after the second only. A low
    end too large for the high end's multiplier is written whole ("từ 50.000 đến 3 triệu đồng").
    """
    join = RANGE_JOIN.match(text, pos)
    high = join and BARE_NUMBER.match(text, join.end())
    if not high or DATE_OR_TIME_AHEAD.match(text, high.end()):
        return None
    high_unit = read_unit(text, high.end(), high.group(1))
    if high_unit is None or (unit is not None and unit.unit not in ("", high_unit.unit)
                             and not high_unit.unit.startswith(unit.unit + "/")):  # "8.000đ – 70.000đ/người"
        return None
    value = low * (unit or high_unit).factor
    upper = parse_number(high.group(1)) * high_unit.factor
    if unit is None and low < upper <= value:
        value = low  # "từ 50.000 đến 3 triệu đồng": the low end written whole, the multiplier the high end's
    return (value, upper, high_unit) if upper > value else None


@dataclass(frozen=True)
class _Previous:
    """The figure read last, and where it ended."""

    figure: Number
    end: int


@dataclass(frozen=True)
class _Reading:
    """A figure read from the text, before its measure is worked out."""

    start: int
    end: int
    value: float
    unit: _Unit
    upper: float | None = None
    total: float | None = None


def find_numbers(text: str, article_id: str | None = None) -> list[Number]:
    """Every figure in `text`, in reading order, once per value, unit and measure."""
    text = _mend_broken_units(text)
    found: list[Number] = []
    consumed = 0
    previous: _Previous | None = None
    scored = CONTEST.search(text) is not None
    for match in NUMBER.finditer(text):
        if match.start() < consumed:
            continue
        reading, end = _read_figure(text, match)
        consumed = max(consumed, end)
        if reading is None or (scored and reading.unit.unit == "điểm"):
            continue
        figure = _build(text, reading, article_id, previous)
        previous = _Previous(figure, reading.end)
        if not any(_same_figure(figure, seen) for seen in found):
            found.append(figure)
    return found


def _mend_broken_units(text: str) -> str:
    """The text with a line broken between a number and its unit ("trong vali có chứa 200.000
    / USD để thanh toán", as feeds cut lines) joined by a space, so the figure keeps its unit.
    Only before a unit or a multiplier: a line that starts with any other word is left alone."""
    def mended(line_break: re.Match[str]) -> str:
        ahead = " " + text[line_break.end():line_break.end() + 30]
        return " " if any(p.match(ahead) for p in (UNIT, MULTIPLIER, PERCENT)) else "\n"
    return LINE_AFTER_NUMBER.sub(mended, text)


def _same_figure(a: Number, b: Number) -> bool:
    return (a.value, a.unit, a.upper, a.total, a.measure) == (b.value, b.unit, b.upper, b.total, b.measure)


def _read_figure(text: str, match: re.Match[str]) -> tuple[_Reading | None, int]:
    """The figure that starts with the number `match`, and where reading stopped."""
    start = match.start()
    if fraction := FRACTION.match(text, start):
        return _read_fraction(text, fraction)
    if DATE_OR_TIME_AHEAD.match(text, match.end()):
        return None, match.end()
    low = parse_number(match.group(1))
    unit = read_unit(text, match.end(), match.group(1)) or _unit_of_dimension(text, match.end())
    if unit and unit.unit == "m" and unit.end == match.end() + 1:
        low, unit = _with_centimetres(text, low, unit)
    if unit and unit.counted and unit.factor == 1 and THOUSANDS_COMMA.fullmatch(match.group(1)):
        low = float(match.group(1).replace(",", ""))  # "hơn 1,700 căn": no count has a fraction (but "16,875 triệu cổ phần")
    end = unit.end if unit else match.end()
    if ranged := _read_range(text, end, low, unit):
        value, upper, unit = ranged
        if _blocked_by_context(text, start, unit):
            return None, unit.end
        return _Reading(start, unit.end, value, unit, upper=upper), unit.end
    if unit is None:
        return None, _skip_unitless_range(text, end)
    if _blocked_by_context(text, start, unit):
        return None, end
    return _Reading(start, end, low * unit.factor, unit), end


def _with_centimetres(text: str, metres: float, unit: _Unit) -> tuple[float, _Unit]:
    """A height written "1m75": the centimetres after the "m", added, and the unit ending after
    them; the figure as it was when no two digits follow."""
    centimetres = CENTIMETRES.match(text, unit.end)
    if centimetres is None:
        return metres, unit
    return round(metres + int(centimetres.group()) / 100, 2), _Unit(unit.factor, unit.unit, centimetres.end(), unit.counted)


def _unit_of_dimension(text: str, pos: int) -> _Unit | None:
    """The unit written after the last side of a dimension that goes on at `pos` ("2.025 x
    725 x 1.102 mm"), as the unit of the number that ends at `pos`; None when there is none."""
    end = pos
    while side := DIMENSION_NEXT.match(text, end):
        if unit := read_unit(text, side.end()):
            return None if unit.counted else _Unit(unit.factor, unit.unit, pos, False)
        end = side.end()
    return None


def _skip_unitless_range(text: str, pos: int) -> int:
    """Past "2020 - 2025" or "6-2" as a whole, so the second number is not read alone."""
    join = RANGE_JOIN.match(text, pos)
    high = join and BARE_NUMBER.match(text, join.end())
    return high.end() if high else pos


def _read_fraction(text: str, fraction: re.Match[str]) -> tuple[_Reading | None, int]:
    """"7/24 chỉ tiêu" (7 of 24): only with a counted noun after it, else it is a date."""
    part, whole = int(fraction.group(1)), int(fraction.group(2))
    unit = read_unit(text, fraction.end())
    before = _word_before(text, fraction.start()).lower()
    if not unit or not unit.counted or part > whole or before in NOT_A_FIGURE_BEFORE | DATE_WORDS:
        return None, fraction.end()
    return _Reading(fraction.start(), unit.end, float(part), unit, total=float(whole)), unit.end


def _build(text: str, reading: _Reading, article_id: str | None, previous: _Previous | None) -> Number:
    end = reading.end
    if at_least := AT_LEAST_AFTER.match(text, end):
        end = at_least.end()
    written = " ".join(text[_qualifier_start(text, reading.start):end].split())
    return Number(
        text=written, value=reading.value, unit=reading.unit.unit,
        measure=_measure(text, reading.start, end, reading.unit, previous),
        article_id=article_id, upper=reading.upper, total=reading.total,
        clause=_clause(text, reading.start, end), sources=(article_id,) if article_id else (),
    )


def _clause(text: str, start: int, end: int) -> str:
    """The sentence the figure stands in, cut to `MAX_CLAUSE_CHARS` around the figure; where
    it is cut, at a space and marked "…", so no word is shown in part ("ường trực")."""
    breaks_before = [m.end() for m in SENTENCE_BREAK.finditer(text, max(0, start - MAX_CLAUSE_CHARS), start)]
    break_after = SENTENCE_BREAK.search(text, end)
    sentence_start = max(breaks_before, default=0)
    sentence_end = break_after.end() if break_after else len(text)
    first = max(sentence_start, start - MAX_CLAUSE_CHARS // 2)
    last = min(sentence_end, end + MAX_CLAUSE_CHARS // 2)
    lead = trail = ""
    if first > sentence_start:
        space = text.find(" ", first, start)
        first, lead = (space + 1 if space >= 0 else first), "…"
    if last < sentence_end:
        space = text.rfind(" ", end, last)
        last, trail = (space if space >= 0 else last), "…"
    return lead + " ".join(text[first:last].split()) + trail
