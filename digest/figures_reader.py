"""The words of a text as the people rules read them: tokens, capitalised runs, titles,
places, honorifics and bylines (`Reader`), and the `Mention` of a person they produce."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from digest.figures_text import WORD, modern_tone_placement
from digest.figures_words import (
    ARTIST_ROLES, CONTEST, FOREIGN_HEADS, FOREIGN_NOT_A_NAME, FOREIGN_SHORT_HEADS, HONORIFICS,
    NAME_PARTICLES, ONE_WORD_NOT_A_NAME, ORG_CONNECTORS, ORG_SYLLABLES, ORGANISATION_CUES, PLACE_CONTEXT,
    PLACE_CONTEXT_PAIRS, PLACE_NOUNS, PLACES, SPEECH_VERBS, STREET_NAMES, SURNAMES, TITLE_HEADS, TITLE_PREFIXES, VERB_STOP,
)

BYLINE_MARKERS = re.compile(r"^\s*(?:tác giả|theo|nguồn|ảnh|bài|ghi)\b", re.IGNORECASE)
BYLINE_WORDS = 8
ASCII_VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uy|ua|uo|ue|ui|oa|oe|oi|ai|ao|au|ay|eo|eu|ia|iu|ie|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt]|[iyou])?"
)
# The lower-case letters of Vietnamese: a-z, đ, and the vowels with their marks and five tones.
VIETNAMESE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ-'’") | frozenset(
    unicodedata.normalize("NFC", vowel + tone) for vowel in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"))
# The article of an Arabic name, written before its capital: "Bashar al-Assad", "Anwar al-Awlaki".
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at)-[A-Z]")
# What follows nobody but a person: an age, a year of birth, a nationality, a chess rating.
AGE_AFTER = re.compile(r"\s*[(,\-–]\s*(?:[0-9]{1,3}\s*(?:tháng\s+)?tuổi|sn\b|sinh năm|quốc tịch|(?:[^()\n,]{2,25},\s*)?elo\s*[0-9])",
                       re.IGNORECASE)
ARTIST_ROLE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(ARTIST_ROLES, key=len, reverse=True)) + r")(?![^\W\d_])")
SPEECH_ADVERBS = frozenset({"đã", "cũng", "vừa", "từng", "còn"})  # between a name and its verb of speech
# "(Trung Quốc)", "(Ấn Độ, Elo 2336)": the country first in the brackets.
COUNTRY_IN_BRACKETS = re.compile(r"\s*\(\s*([^()\n,]{2,25}?)\s*[,)]")
# A word of place after the verb or the word of time it belongs to, not before a place: "vượt
# qua David Ferrer" (to beat), "thuộc về Lionel Messi" (to belong to), "nhắc đến Prince", "mùa
# giải vừa qua Riyad Mahrez" (the season just past).
NOT_PLACE_PREPOSITIONS = frozenset({("vượt", "qua"), ("vừa", "qua"), ("thuộc", "về"), ("nói", "về"), ("kể", "về"),
                                    ("nhắc", "đến"), ("nhắc", "tới")})
NUMBER_AFTER = re.compile(r"\s*[0-9]")
DISTRICT_NUMBER = re.compile(r"(?:[ \t][0-9]{1,2}(?![0-9]))?")


class Token(NamedTuple):
    """One word of the text, with what the rules ask of it computed once."""

    text: str
    start: int
    end: int
    key: str
    capitalised: bool
    abbreviation: bool
    lowercase: bool


def tokens_of(text: str) -> list[Token]:
    """The words of `text` as tokens; keyed by lower case with the modern tone placement."""
    keys = modern_tone_placement(text).lower()
    if len(keys) != len(text):  # a rare letter whose lower case is longer ("İ")
        keys = "".join(c.lower()[0] for c in modern_tone_placement(text))
    tokens = []
    for match in WORD.finditer(text):
        word, (start, end) = match.group(), match.span()
        abbreviation = len(word) > 1 and word.isupper()
        capitalised = (word[0].isupper() or "-" in word and ARABIC_ARTICLE.match(word) is not None) \
            and not abbreviation
        tokens.append(Token(word, start, end, keys[start:end], capitalised, abbreviation,
                            word[0].islower() and not capitalised))
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
    honorific: str | None = None
    cued: bool = False  # a one-word name that the words around it show to be a person's

    @property
    def short(self) -> bool:
        """A one-word mention ("bà Mai"), to be matched to a full name."""
        return self.first_token == self.last_token


@dataclass
class Title:
    """A title span [start, end) of tokens, and the token where the name after it starts."""

    start: int
    end: int
    name_start: int | None


class Reader:
    """One text, cut into words, with the questions the people rules ask about them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokens_of(text)

    def adjacent(self, i: int) -> bool:
        """Whether token i follows token i-1 with only spaces between them."""
        if i <= 0 or i >= len(self.tokens):
            return False
        gap = self.text[self.tokens[i - 1].end:self.tokens[i].start]
        if gap == ".":  # "TP.Bạc Liêu", "TP.HCM": the city written without a space; "C.Ronaldo"
            return self.tokens[i - 1].key == "tp" or self.initial_joined(i)
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
        """The end of the run of capitalised words that starts at token i, particles of a
        foreign name included ("Van der Bellen")."""
        j = i
        while j < len(self.tokens) and (j == i or self.adjacent(j) or self.middle_initial_before(j)):
            if self.tokens[j].capitalised:
                j += 1
            elif j > i and (after := self.after_particles(j)) > j:
                j = after
            else:
                break
        return j

    def initial_joined(self, i: int) -> bool:
        """Whether token i is a foreign surname joined by a dot to the initial of a given name
        before it, as sport news writes players: "C.Ronaldo", "K.Benzema" (not "M.U", "TP.HCM")."""
        initial, name = self.tokens[i - 1], self.tokens[i]
        return len(initial.text) == 1 and initial.text.isupper() and name.capitalised and len(name.text) > 2 \
            and name.text[1:].islower() and not looks_vietnamese(name.key)

    def middle_initial_before(self, j: int) -> bool:
        """Whether a middle initial and its dot stand between two foreign words before token
        j: "Leroy B. Black", "George W. Bush" (not "Nguyễn Văn A. Sau đó", where the initial
        ends an anonymised name and a sentence)."""
        if j < 2 or self.text[self.tokens[j - 1].end:self.tokens[j].start] != ". ":
            return False
        initial, before, after = self.tokens[j - 1], self.tokens[j - 2], self.tokens[j]
        return len(initial.text) == 1 and initial.text.isupper() and self.adjacent(j - 1) \
            and before.capitalised and after.capitalised and not looks_vietnamese(before.key) \
            and not looks_vietnamese(after.key)

    def after_particles(self, j: int) -> int:
        """Where a run of capitals goes on after one or two lower-case particles at token j
        ("Van der Bellen", "Leonardo da Vinci", "Ursula von der Leyen"), or j. Only between
        words of a foreign name: one of the words around them is no Vietnamese syllable."""
        k = j
        while k < len(self.tokens) and k - j < 2 and self.tokens[k].lowercase \
                and self.tokens[k].key in NAME_PARTICLES and self.adjacent(k):
            k += 1
        if k == j or k >= len(self.tokens) or not self.tokens[k].capitalised or not self.adjacent(k):
            return j
        return k if any(not looks_vietnamese(t.key) for t in self.tokens[j - 1:k + 1]) else j

    def place_end(self, i: int, end: int) -> int:
        """The end of a place name ("Hà Giang", "Ai Cập") starting at token i, or i."""
        for size in (3, 2, 1):
            if i + size <= end and " ".join(t.key for t in self.tokens[i:i + size]) in PLACES:
                return i + size
        return i

    def place_ends_at(self, j: int) -> bool:
        """Whether a place name ("Tây Ban Nha") ends right before token j."""
        return any(self.place_end(j - size, j) == j for size in (3, 2, 1) if j - size >= 0)

    def vietnamese_name_in(self, i: int, end: int) -> int | None:
        """Where a Vietnamese name (surname and 1-3 more words) fills the rest of run [i, end).

        A surname not in the list counts before "Thị", the middle name of most women, when two
        words or three follow: "Liêu Thị Luyến"."""
        if any("-" in t.text for t in self.tokens[max(i, end - 4):end]):
            return None
        for k in range(max(i, end - 4), end - 1):
            surname = self.tokens[k].key in SURNAMES or (
                self.tokens[k + 1].key == "thị" and end - k >= 3 and looks_vietnamese(self.tokens[k].key))
            if surname and self.place_end(k, end) == k:
                return k
        return None

    def given_name_at_place(self, i: int, end: int) -> bool:
        """Whether run [i, end) is a Vietnamese name that starts with a place's word, as stage
        and given names often do: "đạo diễn Đức Thịnh", "ca sĩ Mỹ Tâm" (but not "Hà Nội")."""
        after_place = self.place_end(i, end)
        return i < after_place < end <= i + 3 and len(self.tokens[end - 1].text) > 1 and all(
            looks_vietnamese(t.key) for t in self.tokens[i:end]) and self.place_end(after_place, end) == after_place

    def after_places(self, i: int, end: int) -> int:
        """Where run [i, end) goes on after the place names it starts with ("Syria", "Việt Nam")."""
        k = i
        while k < end and (after_place := self.place_end(k, end)) > k:
            k = after_place
        return k

    def place_noun_before(self, i: int) -> bool:
        """Whether a lower-case noun of a place's kind ("bang", "thành phố") comes right before token i."""
        return any(i >= size and self.adjacent(i) and all(t.lowercase for t in self.tokens[i - size:i])
                   and " ".join(t.key for t in self.tokens[i - size:i]) in PLACE_NOUNS for size in (1, 2))

    def foreign_name_in(self, i: int, end: int) -> int | None:
        """Where a foreign name fills the rest of run [i, end), after leading place names."""
        k = self.after_places(i, end)
        names = self.tokens[k:end]
        if 1 <= len(names) <= 4 and any(not looks_vietnamese(t.key) for t in names):
            return k
        return None

    def title_at(self, i: int, lowercase_ok: bool = False) -> Title | None:
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
        head_end = j
        after_head_or_place = head_words in FOREIGN_HEADS
        one_word_ok = head_words in FOREIGN_SHORT_HEADS
        while j < len(tokens) and self.adjacent(j):
            token = tokens[j]
            if token.capitalised:
                end = self.run_end(j)
                if j == head_end and " ".join(t.key for t in tokens[j:end]) in STREET_NAMES:
                    return Title(i, j, j)  # "Chủ tịch Hồ Chí Minh": the hero, not the street or city
                after_organisation = tokens[j - 1].lowercase and j - 1 > head and tokens[j - 1].key not in VERB_STOP
                name = self.name_after_title(j, end, after_head_or_place, one_word_ok, after_organisation)
                if name is not None:
                    return Title(i, name, name)
                after_head_or_place = one_word_ok = self.place_end(j, end) == end
                j = self.continue_organisation(j, end)
            elif token.abbreviation:
                j += 1
            elif (k := self.phrase_end(j, CONNECTOR_INDEX)) > j:
                j = k
            elif token.key in ORG_SYLLABLES and token.key not in VERB_STOP and j > head + 1:
                j += 1  # "Cục Quản lý chất lượng Nông lâm sản và Thủy sản"
            else:
                break
        while j > head + 1 and tokens[j - 1].key in {"và", "kiêm"}:
            j -= 1
        return Title(i, j, None)

    def name_after_title(self, j: int, end: int, after_head_or_place: bool, one_word_ok: bool,
                         after_organisation: bool = False) -> int | None:
        """Where, in the run [j, end) inside a title, the name of the person starts.

        After an organisation that ends in a lower-case word, a run of two foreign words is the
        name ("Phó cố vấn An ninh quốc gia Ben Rhodes"); a longer one may hold the
        organisation's own name ("Giám đốc điều hành Apple Tim Cook")."""
        name = self.vietnamese_name_in(j, end)
        if name is not None:
            return name
        foreign = self.foreign_name_in(j, end)
        two_foreign_words = after_organisation and foreign == j and end - j == 2
        if foreign is None or not (after_head_or_place or foreign > j or two_foreign_words) \
                or any(t.key in FOREIGN_NOT_A_NAME for t in self.tokens[foreign:end]):  # "Vietnam Airlines"
            return None
        followed_by_word = self.adjacent(end) and self.tokens[end].lowercase or self.age_follows(end)
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

    def artist_role_before(self, i: int) -> bool:
        """Whether a role of the arts comes before token i in its sentence: "các nhà thiết kế
        Minh Hạnh, Quang Huy và Xuân Hảo" (for the later names of such a list)."""
        start = max(self.text.rfind(mark, 0, self.tokens[i].start) for mark in ".!?\n") + 1
        return ARTIST_ROLE.search(modern_tone_placement(self.text[start:self.tokens[i].start]).lower()) is not None

    @cached_property
    def lone_words(self) -> frozenset[str]:
        """The capitalised words the text writes somewhere as a run of their own: "Uber vẫn là
        startup", "Giggs quyết định"."""
        words, i = set(), 0
        while i < len(self.tokens):
            end = self.run_end(i) if self.tokens[i].capitalised else i + 1
            if end - i == 1 and self.tokens[i].capitalised:
                words.add(self.tokens[i].key)
            i = end
        return frozenset(words)

    @cached_property
    def common_foreign_words(self) -> frozenset[str]:
        """The foreign words the text also writes in lower case, as no name is written: "Uber vẫn
        là startup" (then "Startup Uber nhận ..." is no person)."""
        return frozenset(t.key for t in self.tokens if t.lowercase and not looks_vietnamese(t.key)
                         and t.key not in NAME_PARTICLES)

    @cached_property
    def organisation_words(self) -> frozenset[str]:
        """The capitalised words that the text puts right after a word of a club, a company or
        a place somewhere ("CLB Chelsea", "gia nhập Manchester", "tại Hollywood")."""
        words = set()
        for i in range(len(self.tokens)):
            j = self.phrase_end(i, ORGANISATION_CUE_INDEX)
            if i < j < len(self.tokens) and self.tokens[j].capitalised and self.adjacent(j):
                words.add(self.tokens[j].key)
        return frozenset(words)

    def lone_foreign_name(self, i: int) -> bool:
        """Whether the one capitalised word at token i may be a foreign person's name: not a
        Vietnamese syllable, a place, a word of an organisation, nor a word the text puts after
        a club's or a place's word elsewhere, nor one with a capital inside ("VPBank"); it still
        needs a cue to be one."""
        token = self.tokens[i]
        return len(token.text) > 2 and not looks_vietnamese(token.key) and self.place_end(i, i + 1) == i \
            and token.text[1:] == token.text[1:].lower() \
            and token.key not in FOREIGN_NOT_A_NAME | ONE_WORD_NOT_A_NAME and token.key not in self.organisation_words \
            and not self.in_place_context(i, i + 1) and not self.on_byline(i, i + 1)

    @cached_property
    def contest(self) -> bool:
        """Whether the text reports a contest (a match, a tournament, an exam)."""
        return CONTEST.search(self.text) is not None

    def country_follows(self, end: int) -> bool:
        """Whether, in a text about a contest, a country in brackets comes right after token
        `end - 1`, as sports news writes a player's: "Chu Wei Chao (Trung Quốc)", "Li Xueyi
        (Trung Quốc, Elo 2105)"."""
        return self.contest and self.country_in_brackets(end)

    def country_in_brackets(self, end: int) -> bool:
        """Whether a country in brackets comes right after token `end - 1`: a player's in
        sports news, elsewhere a city's ("Mendoza (Argentina)")."""
        bracket = COUNTRY_IN_BRACKETS.match(self.text, self.tokens[end - 1].end)
        return bracket is not None and " ".join(modern_tone_placement(bracket.group(1)).lower().split()) in PLACES

    def speech_follows(self, end: int, start: int | None = None) -> bool:
        """Whether a verb of speech comes right after token `end - 1`, maybe after an adverb:
        "... Telci cho rằng", "Egidio Torre Cantu đã nói"; given `start`, also after the comma
        that closes an apposition a comma opened before token `start`: "Phát ngôn viên của ...,
        Jeannie Groeneveld, cho biết"."""
        after_comma = start is not None and self.gap_before(start).strip() == ","
        if end < len(self.tokens) and self.tokens[end].key in SPEECH_ADVERBS and self.adjacent(end):
            end += 1
        for verb in SPEECH_VERBS:
            words = verb.split()
            if all(end + k < len(self.tokens) and self.tokens[end + k].key == w
                   and (self.adjacent(end + k) or k == 0 and after_comma and self.gap_before(end).strip() == ",")
                   for k, w in enumerate(words)):
                return True
        return False

    def age_follows(self, end: int) -> bool:
        """Whether "(34 tuổi", ", 16 tuổi", "(10 tháng tuổi", "(SN 1991", "(elo 2.694" or "(Ấn Độ,
        elo 2.646" comes right after token `end - 1`, as after nobody but a person."""
        return AGE_AFTER.match(self.text, self.tokens[end - 1].end) is not None

    def span_text(self, i: int, j: int) -> str:
        """The words of tokens [i, j) as written, with the number of a district that ends
        them ("Phó Chủ tịch UBND quận 5")."""
        end = self.tokens[j - 1].end
        if self.tokens[j - 1].key in {"quận", "phường", "khu", "tổ"}:
            end += len(DISTRICT_NUMBER.match(self.text, end).group())
        return " ".join(self.text[self.tokens[i].start:end].split())

    def honorific_before(self, i: int) -> str | None:
        """The honorific ("ông", "đồng chí") right before token i, if there is one."""
        for size in (4, 3, 2, 1):
            k = i - size
            if k >= 0 and all(self.adjacent(m) for m in range(k + 1, i + 1)):
                words = " ".join(t.key for t in self.tokens[k:i])
                if words in HONORIFICS and (self.tokens[k].lowercase or self.starts_sentence(k)
                                            or self.capitalised_role(k, i)
                                            or self.tokens[k].abbreviation and size == 1):  # "HLV", "DJ"
                    return words
        return None

    def capitalised_role(self, k: int, i: int) -> bool:
        """Whether tokens [k, i) are a role of two words or more written with a capital, as a
        title often is, before a name: "là Thẩm phán Nguyễn Cường", "Hoa hậu Phạm Hương" (not
        "Anh Quốc", "Trợ lý Phòng Kinh doanh", "Nghệ sĩ Top Billboard 200")."""
        if i - k < 2 or not all(t.lowercase for t in self.tokens[k + 1:i]) or i >= len(self.tokens):
            return False
        end = self.run_end(i)
        if NUMBER_AFTER.match(self.text, self.tokens[end - 1].end):
            return False
        return self.vietnamese_name_in(i, end) == i or any(not looks_vietnamese(t.key) for t in self.tokens[i:end])

    def starts_sentence(self, i: int) -> bool:
        before = self.text[:self.tokens[i].start].rstrip(" \t\u00a0")
        return not before or before[-1] in ".!?:\n\"“-–"

    def in_place_context(self, i: int, end: int) -> bool:
        """Whether run [i, end) is a street, school or organisation rather than a person:
        "đường Trần Phú", "148 Hoàng Quốc Việt", "Trung tâm Chất lượng Nông Lâm Thủy sản",
        "ngã ba Xã Đàn - Phạm Ngọc Thạch" (the second street of a crossing too)."""
        if self.street_at(i, end):
            return True
        if i == 0:
            return False
        before = self.text[self.tokens[i - 1].end:self.tokens[i].start]
        previous = self.tokens[i - 1]
        # "Trung tâm Chất lượng Nông Lâm", "Hải quân Hoàng Gia Australia": a Vietnamese
        # organisation's name goes on after the lower-case second syllable of one of its words
        # (not after a verb: "Hùng gặp Nguyễn Tiến Khanh", "Man City thay Manuel Pellegrini";
        # nor before a foreign name: "bộ Ngoại giao John Kirby", "bộ trưởng Quốc phòng Manohar
        # Parikar", nor a Vietnamese full name).
        inside_name = previous.lowercase and previous.key in ORG_SYLLABLES | {"sản", "quân"} and self.adjacent(i) \
            and self.adjacent(i - 1) and self.tokens[i - 2].capitalised and not self.starts_sentence(i - 2) \
            and not self.place_ends_at(i - 1) and looks_vietnamese(self.tokens[i - 2].key) \
            and any(looks_vietnamese(t.key) for t in self.tokens[i:end]) \
            and not (end - i >= 3 and self.vietnamese_name_in(i, end) == i  # "... của Quốc hội Đào Trọng Thi cho hay"
                     and all(looks_vietnamese(t.key) for t in self.tokens[i:end]))
        following = self.adjacent(end) and self.tokens[end].lowercase and self.tokens[end].key in ORG_SYLLABLES | {"sản"} \
            and not self.speech_follows(end) \
            and all(looks_vietnamese(t.key) for t in self.tokens[i:end])  # not "Robert Fernandez thông báo", "Roy Hodgson quyết định"
        of_a_verb = i >= 2 and (self.tokens[i - 2].key, previous.key) in NOT_PLACE_PREPOSITIONS
        # "148 Hoàng Quốc Việt", but not "tàu cá KH 90297 Huỳnh Phi Minh (50 tuổi)" nor a name
        # on the line after a number.
        numbered = before.rstrip().endswith(tuple("0123456789")) and "\n" not in before and not self.age_follows(end)
        return (self.adjacent(i) and previous.key in PLACE_CONTEXT and not of_a_verb) or numbered or inside_name or following

    def street_at(self, i: int, end: int) -> bool:
        """Whether run [i, end) is a street: "Trần Phú", "ngã ba Xã Đàn", or the second street
        of a crossing, "giao lộ Nguyễn Văn Linh - Nguyễn Đức Cảnh"."""
        if " ".join(t.key for t in self.tokens[i:end]) in STREET_NAMES:
            return True
        if i >= 2 and self.adjacent(i) and self.adjacent(i - 1) and \
                f"{self.tokens[i - 2].key} {self.tokens[i - 1].key}" in PLACE_CONTEXT_PAIRS:
            return True
        if i >= 1 and self.adjacent(i) and self.tokens[i - 1].key in {"đường", "phố"}:
            return True
        # "đường Nguyễn Hoàng và Nguyễn Phúc Nguyên": the second street of a list.
        if i >= 2 and self.tokens[i - 1].key == "và" and self.adjacent(i) and self.adjacent(i - 1) \
                and self.tokens[i - 2].capitalised:
            return self.street_at(self.run_start(i - 2), i - 1)
        if i < 1 or self.gap_before(i).strip() not in {"-", "–"} or not self.tokens[i - 1].capitalised:
            return False
        return self.street_at(self.run_start(i - 1), i)

    def run_start(self, k: int) -> int:
        """The first token of the run of capitalised words that token k ends."""
        start = k
        while start > 0 and self.tokens[start - 1].capitalised and self.adjacent(start):
            start -= 1
        return start

    def on_byline(self, i: int, end: int) -> bool:
        """Whether run [i, end) sits on a line of names only ("Xuân Hướng – Cảnh Toàn"), with
        no age after it, as a list of victims has: "3. Nguyễn Đức Khôi (SN 2002)"."""
        if self.age_follows(end):
            return False
        line_start = self.text.rfind("\n", 0, self.tokens[i].start) + 1
        line_end = self.text.find("\n", self.tokens[end - 1].end)
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)]
        words = WORD.findall(line)
        return len(words) <= BYLINE_WORDS and (BYLINE_MARKERS.match(line) is not None or all(
            w[:1].isupper() or w in {"và"} for w in words))


def by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        index.setdefault(words[0], []).append(words)
    return index


TITLE_HEAD_INDEX = by_first_word(TITLE_HEADS)
CONNECTOR_INDEX = by_first_word(tuple(c.split()) for c in ORG_CONNECTORS)
ORGANISATION_CUE_INDEX = by_first_word(ORGANISATION_CUES)


def looks_vietnamese(word: str) -> bool:
    """Whether a lower-case word could be a Vietnamese syllable ("minh" yes, "trump" no, "müller"
    no: a letter Vietnamese does not have)."""
    if not word.isascii():
        return all(c in VIETNAMESE_LETTERS for c in word)
    return all(ASCII_VIETNAMESE_SYLLABLE.fullmatch(part) for part in word.split("-"))
