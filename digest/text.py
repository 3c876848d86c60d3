"""Vietnamese text as the grouping needs it: one spelling per word, syllables, dates, names.

Everything here is pure and cheap enough to run on every article: regular expressions and
table look-ups, no word segmentation model (underthesea's segmenter costs ~36 ms an article;
only its word list is used, to tell whole words from syllable fragments when explaining).

Matching never strips diacritics: "báo" (newspaper) and "bão" (storm) stay different words.
Only the two conventions for placing the tone mark ("hoà"/"hòa", "uỷ"/"ủy") are unified.
`fold` strips them, for what is not Vietnamese matching: sort keys, foreign names.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.errors import ConfigError

DEFAULT_TZ = "Asia/Ho_Chi_Minh"

# The old and new conventions differ only in open syllables ending in oa, oe, uy: the old one
# marks the second vowel (hoà, khoẻ, thuỷ), the new one the first (hòa, khỏe, thủy). After "q"
# the "u" belongs to the consonant, so "quý" is the same in both and must not move.
_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde",
          "\u0323": "dot"}
_OLD_TO_NEW = {}
for _mark in _TONES:
    for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
        _old = unicodedata.normalize("NFC", _first + _second + _mark)
        _new = unicodedata.normalize("NFC", _first + _mark + _second)
        _OLD_TO_NEW[_old] = _new
_OLD_STYLE = re.compile(
    "(?<!q)(" + "|".join(sorted(_OLD_TO_NEW)) + r")(?!\w)"
)
_COMBINING = re.compile("[\u0300-\u036f]")
_QUALITY_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of the vowel itself
# Zero-width characters and soft hyphens, and "Ð"/"ð" (Icelandic eth), which old Vietnamese
# input tools type for "Đ". Found with one regular expression: str.translate with a table is
# slow enough on long texts to dominate grouping, and these characters are rare.
_INVISIBLE_OR_LOOKALIKE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00d0\u00f0]")
_REPLACEMENT = {"\u00d0": "đ", "\u00f0": "đ"}
_SYLLABLE = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents, as Vietnamese news writes foreign names ("Ibrahimović" ->
    "ibrahimovic", "Solskjær" -> "solskjaer") and as a dictionary sorts ("Đắk Lắk" among the Ds)."""
    text = text.lower().translate(str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d"}))
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """NFC, lower case, one tone-mark placement: the form every comparison uses."""
    text = _INVISIBLE_OR_LOOKALIKE.sub(lambda m: _REPLACEMENT.get(m.group(), ""),
                                       unicodedata.normalize("NFC", str(text)))
    if _COMBINING.search(text):
        text = _reorder_marks(text)
    text = text.lower()
    return _OLD_STYLE.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)


def _reorder_marks(text: str) -> str:
    """Put a vowel's own mark before its tone mark, as NFC cannot do for hand-typed NFD.

    Both marks have the same combining class, so NFC keeps "e + acute + circumflex" in the
    order typed, which never composes to "ế".
    """
    decomposed = unicodedata.normalize("NFD", text)
    ordered = re.sub("[\u0300-\u036f]+",
                     lambda m: "".join(sorted(m.group(0), key=lambda c: c not in _QUALITY_MARKS)),
                     decomposed)
    return unicodedata.normalize("NFC", ordered)


def syllables(text: str) -> list[str]:
    """The normalised syllables (and numbers) of a text, in order."""
    return _SYLLABLE.findall(normalize(text))


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Vietnamese words of more than one syllable, from the word list underthesea ships.

    Used to show readers whole words ("bí thư") rather than syllable pairs that straddle two
    words ("ban bí"). Empty when the list is not there: explanations then use syllable pairs.
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(word for word in (normalize(line.strip()) for line in lines) if " " in word)


# ---------------------------------------------------------------------------------- dates

@dataclass(frozen=True)
class DateMention:
    """A day the text names, how sure we are that it is the event's day, and where it is."""

    day: date
    score: float
    start: int
    text: str


_DAY_MONTH = re.compile(
    r"(?<![\d/.\-:])(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})"
    r"(?:\s?(?P=sep)\s?(?P<y>\d{4}))?(?![\d/]|[.\-]\d)"
)
_WORDY_DATE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,|/)\s*(?P<y>\d{4}))?(?!\d)"
)
_RELATIVE = re.compile(
    r"(?<!\w)(?P<part>hôm|sáng|trưa|chiều|tối|đêm|ngày)\s+(?P<rel>nay|qua|kia|mai)(?!\w)"
)
_REL_OFFSET = {"nay": 0, "qua": -1, "kia": -2, "mai": 1}
_TIME_OF_DAY = r"(?:rạng\s+sáng|sáng\s+sớm|sáng|trưa|chiều|tối|đêm|khuya)"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
# A day-month pair only counts as a date after words that introduce one ("ngày", "sáng",
# "từ", "(hôm nay) ("): bare "7/24" is a fraction and "3-1" a score.
_CONTEXT_BEFORE = re.compile(
    r"(?:ngày|hôm|nay|qua|mai|từ|đến|tới|vào|trước|sau|" + _TIME_OF_DAY + "|" + _WEEKDAY
    + r")\s*[(,]?\s*(?:ngày\s*)?$"
)
_TIME_OF_DAY_BEFORE = re.compile(_TIME_OF_DAY + r"(?:\s+(?:nay|qua))?\s*[(,]?\s*(?:ngày\s*)?$")
_CLOCK_NEAR = re.compile(r"\d{1,2}\s?[:h]\s?\d{2}")
# A document cited with its date ("Quy định số 96-QĐ/TW ngày 02/02/2023") names the day the
# document was signed, not the day of the event.
_DOCUMENT_BEFORE = re.compile(
    r"(?:số\s*\S+|\d+[-/][a-zđ]{1,8}(?:[-/][a-zđ]{1,8})+|"
    r"(?:quyết định|nghị quyết|chỉ thị|thông tư|nghị định|quy định|kết luận|công văn|"
    r"luật|thông báo|văn bản|kế hoạch|công điện|tờ trình)(?:\s+số)?)\s*(?:ban hành\s*)?"
    r"(?:ngày\s*)?$"
)
_LAST_BOUNDARY = re.compile(r"[.!?;\n][^.!?;\n]*$")


def event_dates(text: str, published: datetime | None = None, tz: str = DEFAULT_TZ) -> list[date]:
    """The days a text names as the day something happened, most salient first.

    "Chiều 28/7" in an article published on 5 January 2024 is 28 July 2023; "hôm qua" is the
    day before publication in `tz`. Without a publication date only days written with their
    year can be placed. Time stamps ("18:52, 28/07/2023") and the dates of cited documents
    are left out.
    """
    seen: set[date] = set()
    days = []
    for mention in date_mentions(text, published, tz):
        if mention.day not in seen:
            seen.add(mention.day)
            days.append(mention.day)
    return days


def date_mentions(text: str, published: datetime | None = None,
                  tz: str = DEFAULT_TZ) -> list[DateMention]:
    """Every event-day mention with a salience score, best first (see `event_dates`)."""
    zone = _zone(tz)
    text = normalize(text)
    today = _local_day(published, zone)
    mentions = [m for m in _explicit_mentions(text, today) + _relative_mentions(text, today)
                if m is not None]
    return sorted(mentions, key=lambda m: (-m.score, m.start))


def _explicit_mentions(text: str, today: date | None) -> list[DateMention | None]:
    found = []
    for match in list(_DAY_MONTH.finditer(text)) + list(_WORDY_DATE.finditer(text)):
        before = text[max(0, match.start() - 40):match.start()]
        after = text[match.end():match.end() + 12]
        has_year = match.group("y") is not None
        wordy = match.re is _WORDY_DATE
        in_context = wordy or bool(_CONTEXT_BEFORE.search(before))
        if not in_context and not has_year:
            continue
        if _CLOCK_NEAR.search(before[-10:]) or _CLOCK_NEAR.match(after.lstrip(" ,|-")):
            continue  # a time stamp: when it was published, not what happened
        if _DOCUMENT_BEFORE.search(before):
            continue
        day = _resolve(int(match.group("d")), int(match.group("m")),
                       int(match.group("y")) if has_year else None, today)
        if day is None:
            continue
        score = _salience(text, match.start(), day, today, before,
                          strong=bool(_TIME_OF_DAY_BEFORE.search(before)),
                          weak=not in_context)
        found.append(DateMention(day, score, match.start(), match.group(0)))
    return found


def _relative_mentions(text: str, today: date | None) -> list[DateMention | None]:
    if today is None:
        return []
    found = []
    for match in _RELATIVE.finditer(text):
        if match.group("part") == "ngày" and match.group("rel") in ("nay", "qua"):
            continue  # "ngày nay" means "nowadays", "ngày qua" "in recent days"
        day = _shift(today, _REL_OFFSET[match.group("rel")])
        if day is None:
            continue
        before = text[max(0, match.start() - 40):match.start()]
        score = _salience(text, match.start(), day, today, before, strong=True, weak=False)
        found.append(DateMention(day, score, match.start(), match.group(0)))
    return found


def _salience(text: str, start: int, day: date, today: date | None, before: str,
              strong: bool, weak: bool) -> float:
    """How likely a mention names the event's day: the lead's "Chiều 28/7, ..." scores best."""
    score = 1.0
    if strong:
        score += 2.0
    if _opens_sentence(before, start):
        score += 1.0  # "Sáng 27/6, ..." rather than a date in passing
    if start < 400:
        score += 1.5
    elif start < 1000:
        score += 0.75
    if weak:
        score -= 1.5
    if today is not None:
        if day > today + timedelta(days=1):
            score -= 2.0  # an event announced for later
        elif day < today - timedelta(days=30):
            score -= 1.5  # background, not the news
    return score


def _opens_sentence(before: str, start: int) -> bool:
    """Whether at most three words stand between the last sentence break and the mention."""
    boundary = _LAST_BOUNDARY.search(before)
    if boundary is not None:
        return len(before[boundary.start() + 1:].split()) <= 3
    return start <= len(before) and len(before.split()) <= 3


def _resolve(day: int, month: int, year: int | None, today: date | None) -> date | None:
    """A day and month, with the year written or, failing that, the one nearest publication.

    Past dates are preferred a little: news reports what happened more than what will.
    """
    if year is not None:
        return _make_date(year, month, day)
    if today is None:
        return None
    best: tuple[float, date] | None = None
    for candidate_year in (today.year - 1, today.year, today.year + 1):
        candidate = _make_date(candidate_year, month, day)
        if candidate is None:
            continue
        distance = (candidate - today).days
        cost = -distance if distance <= 0 else 1.5 * distance
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _local_day(published: datetime | None, zone: ZoneInfo) -> date | None:
    """The publication day on the reader's calendar (a naive datetime is taken as UTC)."""
    if published is None:
        return None
    try:
        aware = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
        return aware.astimezone(zone).date()
    except (OverflowError, ValueError):
        return published.date()


@lru_cache(maxsize=64)
def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise ConfigError(f"unknown time zone {tz!r}: use an IANA name such as "
                          f"{DEFAULT_TZ}") from exc


# ----------------------------------------------------------------------------- date lines

_LINE_DATE = re.compile(
    r"(?<!\d)(?:(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    r"|ngày\s+(?P<d3>\d{1,2})\s+tháng\s+(?P<m3>\d{1,2})\s+năm\s+(?P<y3>\d{4}))(?!\d)"
)
_LINE_TIME = re.compile(
    r"(?<![\d/.\-])(?P<h>\d{1,2})\s?(?::|h|giờ)\s?(?P<min>\d{2})(?:\s?(?::|phút)\s?(?P<s>\d{2}))?"
    r"(?!\s?[/.\-]\s?\d)(?!\d)"
)


def parse_vn_datetime(line: str, tz: str = DEFAULT_TZ) -> datetime | None:
    """The moment a date line states, as UTC; None when the line holds no full date.

    Reads "17/01/2024 | 14:10:07", "18:52, 28/07/2023", "06:47 ngày 02 tháng 06 năm 2016",
    "Thứ sáu, 28/7/2023 - 18:52" and ISO "2023-07-28 18:52". The clock time is read in `tz`;
    a line with a date and no time gives midnight.
    """
    zone = _zone(tz)
    text = normalize(line)
    found = _LINE_DATE.search(text)
    if found is None:
        return None
    parts = found.groupdict()
    year, month, day = next((int(parts["y" + s]), int(parts["m" + s]), int(parts["d" + s]))
                            for s in ("", "2", "3") if parts["y" + s] is not None)
    clock = _LINE_TIME.search(text[:found.start()] + " " * (found.end() - found.start())
                              + text[found.end():])
    hour, minute, second = 0, 0, 0
    if clock is not None:
        hour, minute = int(clock.group("h")), int(clock.group("min"))
        second = int(clock.group("s") or 0)
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=zone)
        return local.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None


# ------------------------------------------------------------------- names, documents, text

_SURNAMES = frozenset(normalize(name) for name in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Lâm "
    "Mai Tô Thái Hà Cao Đoàn Lương Trịnh Đào Chu Lại Tạ Quách Kiều Khổng La Lưu Mạc Tăng Tôn "
    "Thân Triệu Từ Vương Châu Phùng Đồng Nghiêm Âu Giang Hứa Diệp Đàm Khúc Lò Lục Ninh Quan "
    "Thạch Tống Ông Kim Văn Viên Doãn Hầu Lã Lạc Mẫn Nông Phí Sầm Tiêu Vi Yên Hàn Đậu Điểu"
).split())
_WORD = re.compile(r"[^\W\d_]+")
# A capitalised run after these words is a place or an office, not a person ("tỉnh Hà Giang").
_PLACE_BEFORE = re.compile(
    r"(?:tỉnh|thành phố|tp\.?|huyện|quận|xã|phường|thị xã|thị trấn|sông|núi|đường|phố|cầu|"
    r"sân bay|cảng|bệnh viện|trường|khu|vùng|miền|đảo|hồ|làng|bản|thôn|ấp|tại|ở|về)\s*$"
)
# Two-syllable names ("Tô Lâm") are only trusted shortly after a title or form of address.
_TITLE_NEAR = re.compile(
    r"(?:ông|bà|anh|chị|đồng chí|chủ tịch|bí thư|bộ trưởng|thứ trưởng|thủ tướng|giám đốc|"
    r"trưởng ban|chánh văn phòng|cục trưởng|tướng|đại tá|tiến sĩ|bác sĩ|luật sư|hlv|cụ)"
    r"(?!\w)[^.;:!?\n]*$"
)


def find_people(text: str) -> list[str]:
    """Names of people in a text, as written, in order of first mention (a cheap heuristic).

    A run of capitalised syllables from a Vietnamese surname on: three or four syllables
    unless a place word precedes, two only shortly after a title ("Bộ trưởng ... Tô Lâm").
    """
    text = unicodedata.normalize("NFC", str(text))
    people: dict[str, str] = {}
    for run in _capitalised_runs(text):
        first = next((i for i, m in enumerate(run) if normalize(m.group()) in _SURNAMES), None)
        if first is None or len(run) - first < 2:
            continue
        words = run[first:first + 4]
        before = normalize(text[max(0, words[0].start() - 40):words[0].start()])
        if _PLACE_BEFORE.search(before):
            continue
        if len(words) == 2 and not _TITLE_NEAR.search(before):
            continue
        name = " ".join(m.group() for m in words)
        people.setdefault(normalize(name), name)
    return list(people.values())


def _capitalised_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words ("Trương Thị Mai") separated by single spaces only."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        capitalised = word[0].isupper() and (len(word) == 1 or word[1:].islower())
        joined = bool(current) and text[current[-1].end():match.start()] == " "
        if capitalised and (joined or not current):
            current.append(match)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [match] if capitalised else []
    if len(current) >= 2:
        runs.append(current)
    return runs


_DOCUMENT_CODE = re.compile(
    r"(?<![\w/-])(\d{1,4}(?:/\d{4})?[-/][A-ZĐ]{1,6}(?:[-/][A-ZĐ]{1,6})+)(?![\w/-])"
)


def find_documents(text: str) -> list[str]:
    """Document numbers such as "24-CT/TW", "96-QĐ/TW", "42/2014/NĐ-CP", in order."""
    found: dict[str, None] = {}
    for match in _DOCUMENT_CODE.finditer(unicodedata.normalize("NFC", str(text))):
        found.setdefault(match.group(1), None)
    return list(found)


_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-ZĐ]{1,4}|Tp|ThS|Th\.S)\.$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\s*\n\s*")


def sentences(text: str) -> list[str]:
    """The sentences of a text (line breaks end a sentence too), stripped, empty ones dropped.

    A full stop followed by a lower-case word ("TP. Vinh") does not end a sentence.
    """
    pieces = [p.strip() for p in _SENTENCE_BREAK.split(unicodedata.normalize("NFC", str(text)))]
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if merged and (piece[0].islower() or _ABBREVIATION.search(merged[-1])):
            merged[-1] = merged[-1] + " " + piece
        else:
            merged.append(piece)
    return merged
