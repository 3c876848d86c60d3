"""People for `digest.figures`: names, the titles written around them, and who chaired.

Rules, not a statistical tagger. underthesea 9.5's `ner` was measured on the five seed articles:
about 1 s per article when fed paragraph by paragraph (4 s on the whole text) on the build
machine, and it found 4 of the 9 people a reader labelled (it misses "Tô Lâm", "Thái Thanh Quý",
"Nguyễn Mạnh Dũng", "Lâm Minh Đằng", "Nguyễn Phú Trọng") while tagging "Trưởng Ban", "Tổng" and
bylines as people. Its output would need the same rules to clean it, so it does not pay.

A name is a run of capitalised words. It is a person when something says so:
- an honorific before it: "đồng chí Trương Thị Mai", "Bà Trương Thị Mai", "ông Ahmed Adel";
- a title before it: "Bộ trưởng Bộ Công an Tô Lâm", "Tổng thống Mỹ Donald Trump";
- a title after it: "Lê Minh Hưng – Bí thư Trung ương Đảng", "Nguyễn Mạnh Dũng, Quyền Bí thư";
- or it is a Vietnamese name of three or four syllables starting with a known surname.
A two-syllable name ("Tô Lâm") needs one of the first three, since "Hà Giang" and "Lâm Đồng"
look the same. A one-word mention ("bà Mai") is a short form: it joins the one person whose
name ends (or, for Chinese names, starts) with it, and is dropped when there is no such person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from digest.figures_text import WORD, clearest_form, modern_tone_placement, phrase_key
from digest.figures_words import (
    FOREIGN_HEADS, FOREIGN_HONORIFICS, FOREIGN_SHORT_HEADS, HONORIFICS, ORG_CONNECTORS,
    ORG_SYLLABLES, PLACE_CONTEXT, PLACES, STREET_NAMES, SURNAMES, TITLE_HEADS, TITLE_PREFIXES,
    VERB_STOP,
)
from digest.models import Person

BYLINE_MARKERS = re.compile(r"^\s*(?:tác giả|theo|nguồn|ảnh|bài|ghi)\b", re.IGNORECASE)
ASCII_VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uy|ua|uo|ue|ui|oa|oe|oi|ai|ao|au|ay|eo|eu|ia|iu|ie|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt]|[iyou])?"
)
DISTRICT_NUMBER = re.compile(r"(?:[ \t][0-9]{1,2}(?![0-9]))?")
TITLE_SEPARATOR = re.compile(r"\s*(?:,|–|-|—|\()\s*")

SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+(?=\s|$)|\n|$)")
CHAIR = re.compile(r"chủ trì")
CHAIR_LIST_AFTER = re.compile(r"\s*(?:hội nghị\s+|cuộc họp\s+)?(?:có|là|gồm)\b")
LOCAL_CHAIR_AFTER = re.compile(r"\s+(?:hội nghị\s+|cuộc họp\s+)?(?:tại\s+)?điểm cầu")


class _Token(NamedTuple):
    """One word of the text, with what the rules ask of it computed once."""

    text: str
    start: int
    end: int
    key: str
    capitalised: bool
    abbreviation: bool
    lowercase: bool


def _tokens(text: str) -> list[_Token]:
    """The words of `text` as tokens; keyed by lower case with the modern tone placement."""
    keys = modern_tone_placement(text).lower()
    if len(keys) != len(text):  # a rare letter whose lower case is longer ("İ")
        keys = "".join(c.lower()[0] for c in modern_tone_placement(text))
    tokens = []
    for match in WORD.finditer(text):
        word, (start, end) = match.group(), match.span()
        abbreviation = len(word) > 1 and word.isupper()
        tokens.append(_Token(word, start, end, keys[start:end], word[0].isupper() and not abbreviation,
                             abbreviation, word[0].islower()))
    return tokens


@dataclass
class Mention:
    """One place a text names a person: the name as written and what is said around it."""

    name: str
    start: int
    end: int
    first_token: int
    last_token: int
    titles: list[str] = field(default_factory=list)

    @property
    def short(self) -> bool:
        """A one-word mention ("bà Mai"), to be matched to a full name."""
        return self.first_token == self.last_token


@dataclass
class _Title:
    """A title span [start, end) of tokens, and the token where the name after it starts."""

    start: int
    end: int
    name_start: int | None


class _Reader:
    """One text, cut into words, with the questions the people rules ask about them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)

    def adjacent(self, i: int) -> bool:
        """Whether token i follows token i-1 with only spaces between them."""
        if i <= 0 or i >= len(self.tokens):
            return False
        gap = self.text[self.tokens[i - 1].end:self.tokens[i].start]
        if gap == ".":  # "TP.Bạc Liêu", "TP.HCM": the city written without a space
            return self.tokens[i - 1].key == "tp"
        return bool(gap) and gap.strip(" \t\u00a0") == ""

    def gap_before(self, i: int) -> str:
        return self.text[self.tokens[i - 1].end if i > 0 else 0:self.tokens[i].start]

    def phrase_end(self, i: int, phrases: dict[str, list[tuple[str, ...]]]) -> int:
        """The end of the longest phrase of `phrases` (indexed by first word) at token i, or i."""
        if i >= len(self.tokens):
            return i
        best = i
        for words in phrases.get(self.tokens[i].key, ()):
            j = i + len(words)
            if best < j <= len(self.tokens) and all(
                    self.tokens[i + k].key == w and self.adjacent(i + k)
                    for k, w in enumerate(words) if k):
                best = j
        return best

    def run_end(self, i: int) -> int:
        """The end of the run of capitalised words that starts at token i."""
        j = i
        while j < len(self.tokens) and self.tokens[j].capitalised and (j == i or self.adjacent(j)):
            j += 1
        return j

    def place_end(self, i: int, end: int) -> int:
        """The end of a place name ("Hà Giang", "Ai Cập") starting at token i, or i."""
        for size in (3, 2, 1):
            if i + size <= end and " ".join(t.key for t in self.tokens[i:i + size]) in PLACES:
                return i + size
        return i

    def vietnamese_name_in(self, i: int, end: int) -> int | None:
        """Where a Vietnamese name (surname and 1-3 more words) fills the rest of run [i, end)."""
        if any("-" in t.text for t in self.tokens[max(i, end - 4):end]):
            return None
        for k in range(max(i, end - 4), end - 1):
            if self.tokens[k].key in SURNAMES and self.place_end(k, end) == k:
                return k
        return None

    def foreign_name_in(self, i: int, end: int) -> int | None:
        """Where a foreign name fills the rest of run [i, end), after leading place names."""
        k = i
        while k < end and (after_place := self.place_end(k, end)) > k:
            k = after_place
        names = self.tokens[k:end]
        if 1 <= len(names) <= 4 and any(not looks_vietnamese(t.key) for t in names):
            return k
        return None

    def title_at(self, i: int, lowercase_ok: bool = False) -> _Title | None:
        """The title that starts at token i ("Bộ trưởng Bộ Công an"), if one does."""
        tokens = self.tokens
        if i >= len(tokens) or (tokens[i].lowercase and not lowercase_ok):
            return None
        if tokens[i].key not in TITLE_PREFIXES and tokens[i].key not in TITLE_HEAD_INDEX:
            return None
        head = i
        while head < len(tokens) and tokens[head].key in TITLE_PREFIXES and self.adjacent(head + 1):
            head += 1
        j = self.phrase_end(head, TITLE_HEAD_INDEX)
        if j == head:
            return None
        head_words = tuple(t.key for t in tokens[head:j])
        after_head_or_place = head_words in FOREIGN_HEADS
        one_word_ok = head_words in FOREIGN_SHORT_HEADS
        while j < len(tokens) and self.adjacent(j):
            token = tokens[j]
            if token.capitalised:
                end = self.run_end(j)
                name = self.name_after_title(j, end, after_head_or_place, one_word_ok)
                if name is not None:
                    return _Title(i, name, name)
                after_head_or_place = one_word_ok = self.place_end(j, end) == end
                j = self.continue_organisation(j, end)
            elif token.abbreviation:
                j += 1
            elif (k := self.phrase_end(j, CONNECTOR_INDEX)) > j:
                j = k
            else:
                break
        while j > head + 1 and tokens[j - 1].key in {"và", "kiêm"}:
            j -= 1
        return _Title(i, j, None)

    def name_after_title(self, j: int, end: int, after_head_or_place: bool, one_word_ok: bool) -> int | None:
        """Where, in the run [j, end) inside a title, the name of the person starts."""
        name = self.vietnamese_name_in(j, end)
        if name is not None:
            return name
        foreign = self.foreign_name_in(j, end)
        if foreign is None or not (after_head_or_place or foreign > j):
            return None
        followed_by_word = self.adjacent(end) and self.tokens[end].lowercase
        return foreign if end - foreign > 1 or (one_word_ok and followed_by_word) else None

    def continue_organisation(self, j: int, end: int) -> int:
        """After the capitalised run [j, end), take one lower-case word of the same name
        ("Tổ chức", "Tỉnh ủy", "Hội Nhà báo Việt Nam"), but not a verb ("Tỉnh ủy chủ trì")."""
        if not self.adjacent(end) or not self.tokens[end].lowercase:
            return end
        if inner_end := self.lowercase_inside_name(end):
            return inner_end
        word = self.tokens[end].key
        capital_next = self.adjacent(end + 1) and self.tokens[end + 1].capitalised
        if word in ORG_SYLLABLES or (word not in VERB_STOP and (end - j == 1 or capital_next)):
            return end + 1
        return end

    def lowercase_inside_name(self, end: int) -> int | None:
        """After a capitalised run ending at `end`, up to two lower-case words that the name
        goes on past ("Cảng hàng không Buôn Ma Thuột"): where they end, or None."""
        k = end
        while k < end + 2 and self.adjacent(k) and self.tokens[k].lowercase and self.tokens[k].key not in VERB_STOP:
            k += 1
        capital_next = k > end and self.adjacent(k) and self.tokens[k].capitalised
        return k if capital_next and self.tokens[k].key not in SURNAMES else None

    def span_text(self, i: int, j: int) -> str:
        """The words of tokens [i, j) as written, with the number of a district that ends
        them ("Phó Chủ tịch UBND quận 5")."""
        end = self.tokens[j - 1].end
        if self.tokens[j - 1].key in {"quận", "phường", "khu", "tổ"}:
            end += len(DISTRICT_NUMBER.match(self.text, end).group())
        return " ".join(self.text[self.tokens[i].start:end].split())

    def honorific_before(self, i: int) -> str | None:
        """The honorific ("ông", "đồng chí") right before token i, if there is one."""
        for size in (2, 1):
            k = i - size
            if k >= 0 and all(self.adjacent(m) for m in range(k + 1, i + 1)):
                words = " ".join(t.key for t in self.tokens[k:i])
                if words in HONORIFICS and (self.tokens[k].lowercase or self.starts_sentence(k)):
                    return words
        return None

    def starts_sentence(self, i: int) -> bool:
        before = self.text[:self.tokens[i].start].rstrip(" \t\u00a0")
        return not before or before[-1] in ".!?:\n\"“-–"

    def in_place_context(self, i: int, end: int) -> bool:
        """Whether run [i, end) is a street, school or organisation rather than a person:
        "đường Trần Phú", "148 Hoàng Quốc Việt", "Trung tâm Chất lượng Nông Lâm Thủy sản"."""
        if " ".join(t.key for t in self.tokens[i:end]) in STREET_NAMES:
            return True
        if i == 0:
            return False
        before = self.text[self.tokens[i - 1].end:self.tokens[i].start]
        previous = self.tokens[i - 1]
        inside_name = previous.lowercase and self.adjacent(i) and self.adjacent(i - 1) \
            and self.tokens[i - 2].capitalised
        following = self.adjacent(end) and self.tokens[end].lowercase and self.tokens[end].key in ORG_SYLLABLES | {"sản"}
        return (self.adjacent(i) and previous.key in PLACE_CONTEXT) or before.rstrip().endswith(
            tuple("0123456789")) or inside_name or following

    def on_byline(self, i: int, end: int) -> bool:
        """Whether run [i, end) sits on a line of names only ("Xuân Hướng – Cảnh Toàn")."""
        line_start = self.text.rfind("\n", 0, self.tokens[i].start) + 1
        line_end = self.text.find("\n", self.tokens[end - 1].end)
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)]
        words = WORD.findall(line)
        return BYLINE_MARKERS.match(line) is not None or (
            len(words) <= 8 and all(w[:1].isupper() or w in {"và"} for w in words))


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        index.setdefault(words[0], []).append(words)
    return index


TITLE_HEAD_INDEX = _by_first_word(TITLE_HEADS)
CONNECTOR_INDEX = _by_first_word(tuple(c.split()) for c in ORG_CONNECTORS)


def looks_vietnamese(word: str) -> bool:
    """Whether a lower-case word could be a Vietnamese syllable ("minh" yes, "trump" no)."""
    if not word.isascii():
        return True
    return all(ASCII_VIETNAMESE_SYLLABLE.fullmatch(part) for part in word.split("-"))


def _titles(reader: _Reader) -> list[_Title]:
    """Every title in the text, left to right, none inside another."""
    found, i = [], 0
    while i < len(reader.tokens):
        title = reader.title_at(i)
        if title and title.end > i:
            found.append(title)
            i = title.name_start if title.name_start is not None else title.end
        else:
            i += 1
    return found


def _titles_chained_before(reader: _Reader, titles: list[_Title], index: int) -> list[str]:
    """"Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, Trưởng Ban ... NAME": the titles joined
    by commas that end at title `index`, in reading order."""
    chain = [reader.span_text(titles[index].start, titles[index].end)]
    k = index
    while k > 0 and titles[k - 1].end == titles[k].start and titles[k - 1].name_start is None \
            and reader.gap_before(titles[k].start).strip() == ",":
        k -= 1
        chain.insert(0, reader.span_text(titles[k].start, titles[k].end))
    return chain


def _titles_after(reader: _Reader, end: int, starts_of_names: set[int]) -> list[str]:
    """"NAME, TITLE, TITLE" / "NAME – TITLE": the titles written right after a name."""
    found: list[str] = []
    separator = TITLE_SEPARATOR
    while end < len(reader.tokens) and separator.fullmatch(reader.gap_before(end)):
        title = reader.title_at(end, lowercase_ok=True)
        if not title or title.end == end or title.name_start is not None or end in starts_of_names:
            break
        found.append(reader.span_text(title.start, title.end))
        end, separator = title.end, re.compile(r"\s*,\s*")
    return found


def _mentions(reader: _Reader) -> list[Mention]:
    """Every place the text names a person, with the titles written around that place."""
    titles = _titles(reader)
    titled_names = {t.name_start: n for n, t in enumerate(titles) if t.name_start is not None}
    mentions: list[Mention] = []
    i = 0
    while i < len(reader.tokens):
        if not reader.tokens[i].capitalised:
            i += 1
            continue
        end = reader.run_end(i)
        mention = _mention_in_run(reader, i, end, titles, titled_names)
        if mention:
            mentions.append(mention)
        i = end
    starts = {m.first_token for m in mentions}
    for mention in mentions:
        mention.titles += _titles_after(reader, mention.last_token + 1, starts)
    return mentions


def _mention_in_run(reader: _Reader, i: int, end: int, titles: list[_Title],
                    titled_names: dict[int, int]) -> Mention | None:
    """The person named by the capitalised run [i, end), if the evidence says it is one."""
    for k in range(i, end):
        if k in titled_names:
            chain = _titles_chained_before(reader, titles, titled_names[k])
            return _make_mention(reader, k, end, chain)
    start = i
    if reader.tokens[i].key in {"ông", "bà", "ngài"} and end - i > 1:
        start = i + 1
    honorific = reader.honorific_before(start) or (reader.tokens[i].key if start > i else None)
    vietnamese = reader.vietnamese_name_in(start, end)
    if honorific and not reader.title_at(start):
        names = reader.tokens[start:end]
        # "ông", "bà", "đồng chí" before two to four capitalised words name a person even
        # when the surname is rare ("Bà Văn Thị Bạch Tuyết") or foreign ("ông Ahmed Adel").
        if vietnamese == start or len(names) == 1 or (
                honorific in FOREIGN_HONORIFICS and len(names) <= 4 and reader.place_end(start, end) == start):
            return _make_mention(reader, start, end, _titles_before_honorific(
                reader, titles, start - len(honorific.split())))
    if vietnamese is None or vietnamese != i:
        return None
    if _title_follows(reader, end) or (
            end - i >= 3 and not reader.in_place_context(i, end) and not reader.on_byline(i, end)):
        return _make_mention(reader, i, end, [])
    return None


def _titles_before_honorific(reader: _Reader, titles: list[_Title], honorific: int) -> list[str]:
    """"Phó Chủ tịch EgyptAir, ông Ahmed Adel": the titles that end at the comma before the
    honorific."""
    if honorific <= 0 or reader.gap_before(honorific).strip() != ",":
        return []
    for index, title in enumerate(titles):
        if title.end == honorific and title.name_start is None:
            return _titles_chained_before(reader, titles, index)
    return []


def _title_follows(reader: _Reader, end: int) -> bool:
    """Whether "NAME – TITLE" / "NAME, TITLE" continues at token `end`."""
    if end >= len(reader.tokens) or not TITLE_SEPARATOR.fullmatch(reader.gap_before(end)):
        return False
    title = reader.title_at(end, lowercase_ok=True)
    return title is not None and title.end > end and title.name_start is None


def _make_mention(reader: _Reader, i: int, end: int, titles: list[str]) -> Mention:
    return Mention(reader.span_text(i, end), reader.tokens[i].start, reader.tokens[end - 1].end,
                    i, end - 1, titles)


def merge_titles(titles: list[str]) -> tuple[str, ...]:
    """Titles once each, in first-seen order: spellings that differ only in case, tone placement
    or abbreviation are one, shown in their clearest form; a title that is the start of a
    longer one ("Bí thư Tỉnh ủy" before "Bí thư Tỉnh ủy Nghệ An") gives way to it."""
    forms: dict[str, list[str]] = {}
    for title in titles:
        forms.setdefault(phrase_key(title), []).append(title)
    keys = [k for k in forms if not any(o != k and o.startswith(k + " ") for o in forms)]
    return tuple(clearest_form(forms[k]) for k in keys)


def find_mentions(text: str) -> list[Mention]:
    """Every place `text` names a person, in reading order, with the titles written there."""
    return _mentions(_Reader(text))


def find_people(text: str) -> tuple[Person, ...]:
    """The people named in `text`, one entry each: chairs first, then by first mention."""
    mentions = find_mentions(text)
    people, owner = _gather(mentions)
    chairs = _chairs(text, mentions, owner)
    ordered = sorted(people, key=lambda k: k not in chairs)
    return tuple(Person(clearest_form([mentions[n].name for n in people[k] if not mentions[n].short]
                                      or [mentions[people[k][0]].name]),
                        merge_titles([t for n in people[k] for t in mentions[n].titles]), k in chairs)
                 for k in ordered)


def _gather(mentions: list[Mention]) -> tuple[dict[str, list[int]], dict[int, str]]:
    """The mentions of each person (by name key, in first-mention order), and whose each is.

    Full names come first. A one-word mention ("bà Mai", "ông Trump") joins the one person
    whose name ends, or starts, with it; without one it stays only when a title comes with it
    and it is not a Vietnamese syllable ("Tổng thống Sisi"), since "ông Thọ" alone says nobody.
    """
    people: dict[str, list[int]] = {}
    owner: dict[int, str] = {}
    for n, mention in enumerate(mentions):
        if not mention.short:
            owner[n] = phrase_key(mention.name)
            people.setdefault(owner[n], []).append(n)
    for n, mention in enumerate(mentions):
        word = phrase_key(mention.name)
        if not mention.short:
            continue
        matches = [k for k in people if k.split()[-1] == word or k.split()[0] == word]
        if not matches and (mention.titles or word in people) and not looks_vietnamese(word):
            matches = [word]
        if len(matches) == 1:
            owner[n] = matches[0]
            people.setdefault(matches[0], []).append(n)
    first_seen = {k: min(mentions[n].start for n in ns) for k, ns in people.items()}
    return dict(sorted(people.items(), key=lambda item: first_seen[item[0]])), owner


def _chairs(text: str, mentions: list[Mention], owner: dict[int, str]) -> set[str]:
    """The people the text says chaired ("chủ trì") the meeting.

    "A, B chủ trì" names the chairs before the verb, "Cùng chủ trì có A, B" after it. A bridge
    point's host ("chủ trì điểm cầu tại Nghệ An", "Tại điểm cầu tỉnh Nghệ An, đồng chí ... chủ
    trì hội nghị") chaired one room of an online meeting, not the meeting: not a chair.
    """
    lowered = modern_tone_placement(text).lower()
    chairs: set[str] = set()
    if "chủ trì" not in lowered:
        return chairs
    for sentence_match in SENTENCE.finditer(lowered):
        start, end, sentence = sentence_match.start(), sentence_match.end(), sentence_match.group()
        verb = CHAIR.search(sentence)
        if not verb or "điểm cầu" in sentence[:verb.start()] or LOCAL_CHAIR_AFTER.match(sentence, verb.end()):
            continue
        at = start + verb.start()
        if CHAIR_LIST_AFTER.match(sentence, verb.end()) or sentence[:verb.start()].endswith("sự "):
            chosen = [n for n, m in enumerate(mentions) if at < m.start < end]
        else:
            since = start + max(sentence.rfind(" do ", 0, verb.start()), 0)
            chosen = [n for n, m in enumerate(mentions) if since <= m.start < at]
        chairs.update(owner[n] for n in chosen if n in owner)
    return chairs
