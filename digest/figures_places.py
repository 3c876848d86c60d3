"""Where and when, for `digest.figures`: the kind of meeting, its places, the event's date.

Places come from the sentences about the meeting: "hội nghị giao ban trực tuyến" (the kind, as
written), "điểm cầu Tỉnh ủy Hà Giang" (a bridge point of an online meeting), "tại Trụ sở UBND
tỉnh". The date is the day the event happened ("Chiều 28/7", "Ngày 28/7/2023"), not the day of
publication.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from digest.figures_text import WORD, modern_tone_placement, phrase_key, sentences
from digest.figures_words import ORG_SYLLABLES, VERB_STOP

MEETING = re.compile(
    r"(?<![^\W\d_])(hội nghị|cuộc họp|phiên họp|kỳ họp|hội thảo|tọa đàm|buổi làm việc|diễn đàn|họp báo)"
    r"((?:[ \t]+(?:giao ban|trực tuyến|trực tiếp|kết hợp|sơ kết|tổng kết|thường kỳ|mở rộng|"
    r"chuyên đề|toàn quốc|quốc tế|thường niên))*)",
    re.IGNORECASE,
)
MEETING_VERBS = re.compile(
    r"chủ trì|tổ chức|diễn ra|khai mạc|tham dự|đến dự|bế mạc|triệu tập|dự (?:hội|lễ|buổi|cuộc|phiên)")
BRIDGE_POINT = re.compile(r"điểm cầu[ \t]+(?:tại[ \t]+)?", re.IGNORECASE)
AT_PLACE = re.compile(r"(?<![^\W\d_])tại[ \t]+(?=[^\W\d_])")
# Lower-case words that may sit inside a place's name ("Trụ sở UBND tỉnh", "điểm cầu thành phố").
PLACE_CONNECTORS = frozenset({"tỉnh", "thành", "phố", "huyện", "quận", "xã", "phường", "thị"})
# Lower-case words that end a place's name: "tại Miami vào", "tại Hà Nội sáng nay".
PLACE_STOP = VERB_STOP | frozenset("vào ngày sáng chiều tối hôm khi lúc hồi sau trước nay này năm tháng".split())
# Second syllables of words that name buildings and grounds ("Trụ sở", "Trung tâm", "Nhà hát").
PLACE_SYLLABLES = ORG_SYLLABLES | frozenset("sở tâm hát tàng niệm sạn động trình đài đường ty".split())
# Capitalised words that start a building or a unit, not the proper name of a place ("TP
# Vinh" is "thành phố Vinh").
PLACE_HEADS = frozenset({"Tỉnh", "Thành", "Trụ", "UBND", "HĐND", "TP", "TP.", "Tp"})
DOCUMENT_WORDS = ("nghị quyết", "chỉ thị", "quyết định", "quy định", "kết luận", "luật")
MAX_PLACE_WORDS = 7
MAX_PLACES = 6

TIME_OF_DAY_DATE = re.compile(
    r"(?<![^\W\d_])(?:sáng|trưa|chiều|tối|đêm|hôm nay|hôm qua)[ \t]+(?:nay[ \t]+)?(?:ngày[ \t]+)?"
    r"\(?([0-9]{1,2})[/.\-]([0-9]{1,2})(?:[/.\-]([0-9]{4}))?(?![0-9])",
    re.IGNORECASE,
)
OPENING_DATE = re.compile(
    r"(?:^|[\n.!?][ \t]*)(?:vào ngày|ngày|hôm)[ \t]+([0-9]{1,2})(?:[/.\-]|[ \t]+tháng[ \t]+)([0-9]{1,2})"
    r"(?:(?:[/.\-]|[ \t]+năm[ \t]+)([0-9]{4}))?(?![0-9])",
    re.IGNORECASE,
)
FULL_DATE = re.compile(r"(?<![0-9])([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?![0-9])")
VIETNAM_TIME = timezone(timedelta(hours=7))
# Dates are looked for near the top: the lead says when; later dates are history or plans.
DATE_WINDOW = 3000


def find_places(text: str) -> tuple[str, ...]:
    """The kind of meeting, then the places it was held, each once."""
    places: dict[str, str] = {}
    if kind := meeting_kind(text):
        places[phrase_key(kind)] = kind
    for sentence in sentences(text):
        for match in BRIDGE_POINT.finditer(sentence):
            if name := place_name(sentence, match.end()):
                keep_longest(places, place_key(name), f"điểm cầu {name}")
        if MEETING.search(sentence) or MEETING_VERBS.search(sentence.lower()):
            for match in AT_PLACE.finditer(sentence):
                if (name := place_name(sentence, match.end())) and place_key(name) not in places:
                    places[place_key(name)] = f"tại {name}"
    return tuple(list(places.values())[:MAX_PLACES])


def meeting_kind(text: str) -> str:
    """The first meeting the text says was held, chaired or attended, as written, lower-cased."""
    for sentence in sentences(text):
        if MEETING_VERBS.search(sentence.lower()) and (match := MEETING.search(sentence)):
            kind = " ".join(match.group(0).split())
            return kind[0].lower() + kind[1:]
    return ""


def place_name(text: str, start: int) -> str:
    """The place written at `start`: "Tỉnh ủy Hà Giang", "Trung tâm Hội nghị Quốc gia",
    "Trụ sở UBND tỉnh": capitalised words, administrative words ("tỉnh"), and a lower-case
    syllable that finishes a capitalised word ("Trụ sở", "Tỉnh ủy")."""
    words: list[re.Match[str]] = []
    after_capital = False
    for word in WORD.finditer(text, start):
        gap = text[words[-1].end() if words else start:word.start()]
        if gap.strip(" \t") or len(words) >= MAX_PLACE_WORDS:
            break
        lower = modern_tone_placement(word.group()).lower()
        if word.group()[0].isupper():
            after_capital = not word.group().isupper()
        elif lower in PLACE_CONNECTORS or (after_capital and lower in PLACE_SYLLABLES):
            after_capital = False
        else:
            break
        words.append(word)
    while words and words[-1].group().lower() in PLACE_STOP:
        words.pop()
    if not any(w.group()[0].isupper() for w in words):
        return ""
    name = " ".join(text[words[0].start():words[-1].end()].split())
    return "" if phrase_key(name).startswith(DOCUMENT_WORDS) else name


def place_key(place: str) -> str:
    """The proper name at the end of a place ("điểm cầu Tỉnh ủy Nghệ An" -> "nghệ an")."""
    tail: list[str] = []
    for word in reversed(place.split()):
        if not word[0].isupper() or word in PLACE_HEADS:
            break
        tail.insert(0, word)
    return phrase_key(" ".join(tail) or place)


def keep_longest(places: dict[str, str], key: str, place: str) -> None:
    """Keep `place` under `key` unless a longer bridge point is there already."""
    kept = places.get(key, "")
    if len(place) > len(kept) or kept.startswith("tại "):
        places[key] = place


def find_event_date(text: str, published: datetime | None) -> date | None:
    """The day the reported event happened: "Chiều 28/7", "Sáng ngày 27/6", "Ngày 28/7/2023".

    A date with a time of day wins; then one opening a sentence. A date without a year takes
    it from `published` (in Vietnam's time zone) or, failing that, from the first full date in
    the text (a dateline such as "18:52, 28/07/2023").
    """
    head = text[:DATE_WINDOW]
    reference = _reference_day(head, published)
    for pattern in (TIME_OF_DAY_DATE, OPENING_DATE):
        for match in pattern.finditer(head):
            day, month, year = match.groups()
            found = _resolve_date(int(day), int(month), int(year) if year else None, reference)
            if found:
                return found
    return None


def _reference_day(text: str, published: datetime | None) -> date | None:
    if published is not None:
        return published.astimezone(VIETNAM_TIME).date() if published.tzinfo else published.date()
    for match in FULL_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if found := _resolve_date(day, month, year, None):
            return found
    return None


def _resolve_date(day: int, month: int, year: int | None, reference: date | None) -> date | None:
    """The date, its year from `reference` when missing: a day after the reference (by more
    than one, for time zones) belongs to the year before."""
    if year is None:
        if reference is None:
            return None
        year = reference.year
        if (month, day) > (reference.month, reference.day + 1):
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None
