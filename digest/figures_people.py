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

from digest.figures_cues import FIRM_CUE, NOT_A_PERSON_OR_PLACE_CUE, named_as_a_thing
from digest.figures_names import LONE_NAME_ROLES, mentions_by_evidence
from digest.figures_reader import Mention, Reader, Title, looks_vietnamese
from digest.figures_text import clearest_form, modern_tone_placement, phrase_key
from digest.figures_words import (
    CHILD_HONORIFICS, FOREIGN_HONORIFICS, FOREIGN_NOT_A_NAME, GIVEN_NAMES, KIN_NOUNS, KOREAN_SURNAMES, LEADING_HONORIFICS,
    LEADING_HONORIFICS_BEFORE_SURNAME, MEDIA_WORDS, NAME_PARTICLES, SENTENCE_OPENERS, SURNAME_BRANDS, SURNAMES,
)
from digest.models import Person
from digest.text import fold

TITLE_SEPARATOR = re.compile(r"\s*(?:,|–|-|—|\()\s*")
SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+(?=\s|$)|\n|$)")
CHAIR = re.compile(r"chủ trì")
CHAIR_LIST_AFTER = re.compile(r"\s*(?:hội nghị\s+|cuộc họp\s+)?(?:có|là|gồm)\b")
LOCAL_CHAIR_AFTER = re.compile(r"\s+(?:hội nghị\s+|cuộc họp\s+)?(?:tại\s+)?điểm cầu")


def _titles(reader: Reader) -> list[Title]:
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


def _titles_chained_before(reader: Reader, titles: list[Title], index: int) -> list[str]:
    """"Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, Trưởng Ban ... NAME": the titles joined
    by commas that end at title `index`, in reading order."""
    chain = [reader.span_text(titles[index].start, titles[index].end)]
    k = index
    while k > 0 and titles[k - 1].end == titles[k].start and titles[k - 1].name_start is None \
            and reader.gap_before(titles[k].start).strip() == ",":
        k -= 1
        chain.insert(0, reader.span_text(titles[k].start, titles[k].end))
    return chain


def _titles_after(reader: Reader, end: int, starts_of_names: set[int]) -> list[str]:
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


def _mentions(reader: Reader) -> list[Mention]:
    """Every place the text names a person, with the titles written around that place."""
    titles = _titles(reader)
    titled_names = {t.name_start: n for n, t in enumerate(titles) if t.name_start is not None}
    mentions: list[Mention] = []
    left_over: list[tuple[int, int]] = []
    i = 0
    while i < len(reader.tokens):
        if not reader.tokens[i].capitalised:
            i += 1
            continue
        end = reader.run_end(i)
        mention = _mention_in_run(reader, i, end, titles, titled_names)
        if mention:
            mentions.append(mention)
        else:
            left_over.append((i, end))
        i = end
    title_ends = {end for _, end in left_over if _title_follows(reader, end)}
    mentions += mentions_by_evidence(reader, left_over, mentions, title_ends)
    mentions = sorted((m for m in mentions if not _anonymised(reader, m) and not _one_word_place(reader, m)),
                      key=lambda m: m.start)
    starts = {m.first_token for m in mentions}
    for mention in mentions:
        mention.titles += _titles_after(reader, mention.last_token + 1, starts)
    return mentions


def _mention_in_run(reader: Reader, i: int, end: int, titles: list[Title],
                    titled_names: dict[int, int]) -> Mention | None:
    """The person named by the capitalised run [i, end), if the evidence says it is one."""
    for k in range(i, end):
        if k in titled_names:
            chain = _titles_chained_before(reader, titles, titled_names[k])
            first = k + 1 if reader.tokens[k].key in LEADING_HONORIFICS and end - k > 2 else k  # "... Lord William Hague"
            if end - first >= 3 and _organisation_first(reader, first):
                first += 1  # "CEO Uber Travisk Kalanick", where "Uber" stands alone elsewhere
                if reader.place_end(first, end) == end:
                    return None  # "Tổng giám đốc Eurowindow Nha Trang": a firm's branch
            return _make_mention(reader, first, end, chain)
    start = i
    if reader.place_end(i, end) == end:  # "Bà Rịa-Vũng Tàu"
        return None
    if reader.tokens[i].key in LEADING_HONORIFICS and end - i > 1 or _honorific_before_surname(reader, i, end):
        start = i + 1
    honorific = reader.honorific_before(start) or (reader.tokens[i].key if start > i else None)
    vietnamese = reader.vietnamese_name_in(start, end)
    names = reader.tokens[start:end]
    if honorific and not reader.title_at(start) and names and names[0].key not in MEDIA_WORDS and not any(
            t.key in FOREIGN_NOT_A_NAME - SURNAME_BRANDS for t in names):  # "HLV Man United", "phóng viên Báo Công lý"
        foreign_ok = honorific in FOREIGN_HONORIFICS and len(names) <= 4
        name_start = None
        # "ông", "bà", "đồng chí" before two to four capitalised words name a person even
        # when the surname is rare ("Bà Văn Thị Bạch Tuyết") or foreign ("ông Ahmed Adel").
        if vietnamese == start or len(names) == 1 or (foreign_ok and reader.place_end(start, end) == start) \
                or reader.given_name_at_place(start, end) or _rare_surname_with_title(reader, start, end):
            name_start = start
        elif foreign_ok and (after_places := reader.foreign_name_in(start, end)) not in (None, start) \
                and len(names[-1].text) > 1:
            name_start = after_places  # "tuyển thủ Đức Gundogan": the nationality first
        if name_start is not None:
            mention = _make_mention(reader, name_start, end, _titles_before_honorific(
                reader, titles, start - len(honorific.split())))
            if reader.place_end(name_start, end) == name_start:  # not "người đàn ông Pakistan"
                mention.honorific = honorific
            # "tiền đạo Ibrahimovic", "vợ Kyle": a role before one foreign word (not "HLV Chelsea"
            # where the article writes "CLB Chelsea").
            # "anh Rachid (34 tuổi": an age after it says so too.
            mention.cued = len(names) == 1 and (honorific in LONE_NAME_ROLES | KIN_NOUNS | CHILD_HONORIFICS
                                                or reader.age_follows(end)) \
                and reader.lone_foreign_name(start)
            return mention
    if vietnamese is not None and vietnamese > i and end - vietnamese >= 3 and (
            reader.after_places(i, end) == vietnamese  # "... Việt Nam Trần Đại Quang": a country, then a full name
            or vietnamese == i + 1 and _capital_of_sentence_only(reader, i)):
        return _make_mention(reader, vietnamese, end, [])
    if vietnamese is None or vietnamese != i:
        return None
    if _title_follows(reader, end) or (
            end - i >= 3 and not reader.in_place_context(i, end) and not reader.on_byline(i, end)
            and not named_as_a_thing(reader, reader.span_text(i, end), FIRM_CUE)):  # "Hoàng Anh Gia Lai"
        return _make_mention(reader, i, end, [])
    return None


def _organisation_first(reader: Reader, i: int) -> bool:
    """Whether the foreign word at token i, first of a name after a title, is the title's
    organisation: the text writes it alone elsewhere, and it is no common given name or surname
    ("Kim" of "ông Kim Jong Un" ... "ông Kim" is one)."""
    key = reader.tokens[i].key
    return key in reader.lone_words and not looks_vietnamese(key) and key not in GIVEN_NAMES | KOREAN_SURNAMES


def _capital_of_sentence_only(reader: Reader, i: int) -> bool:
    """Whether token i, before a Vietnamese full name, is a word capitalised only because it
    opens a sentence: "Còn Nguyễn Thị Mai Hưng (Elo 2276) để thua" (not "Bến Bạch Đằng Sài
    Gòn", "Trường Nguyễn Văn Trỗi", where the word is what the name names)."""
    return reader.starts_sentence(i) and reader.tokens[i].key in SENTENCE_OPENERS


def _one_word_place(reader: Reader, mention: Mention) -> bool:
    """Whether a one-word mention is a word the text puts after "bang", "tỉnh", ... elsewhere:
    "Thống đốc Punjab" after "cảnh sát bang Punjab" is the state's governor, unnamed."""
    return mention.first_token == mention.last_token and named_as_a_thing(reader, mention.name, NOT_A_PERSON_OR_PLACE_CUE)


def _anonymised(reader: Reader, mention: Mention) -> bool:
    """Whether the name ends in an initial, as the press writes a suspect or a victim it does
    not name: "Nguyễn Văn H.", "chị Lê Thị T", "chị Lê Thị Th" (letters with no vowel, no
    syllable; no reader can look that person up)."""
    last = reader.tokens[mention.last_token].text
    initial = len(last) == 1 and last.isupper() or len(last) <= 3 and not any(c in "aeiouy" for c in fold(last))
    return not mention.short and initial


def _honorific_before_surname(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) opens a sentence with a capitalised "Anh", "Cô", "Chú" ... before a
    Vietnamese full name: "Anh Vi Văn Xan trú cùng bản cho biết" (but not "Anh Quốc")."""
    return reader.tokens[i].key in LEADING_HONORIFICS_BEFORE_SURNAME and reader.starts_sentence(i) \
        and 3 <= end - i <= 4 and reader.vietnamese_name_in(i + 1, end) == i + 1


def _rare_surname_with_title(reader: Reader, start: int, end: int) -> bool:
    """Whether run [start, end), after an honorific, is two to four Vietnamese syllables with a
    title after them, as a name with a surname not in the list is: "anh Điện Anh Quốc, Giám đốc
    Công ty CP Tân Phố"."""
    return 2 <= end - start <= 4 and reader.place_end(start, end) == start and _title_follows(reader, end) \
        and all(looks_vietnamese(t.key) for t in reader.tokens[start:end])


def _titles_before_honorific(reader: Reader, titles: list[Title], honorific: int) -> list[str]:
    """"Phó Chủ tịch EgyptAir, ông Ahmed Adel": the titles that end at the comma before the
    honorific."""
    if honorific <= 0 or reader.gap_before(honorific).strip() != ",":
        return []
    for index, title in enumerate(titles):
        if title.end == honorific and title.name_start is None:
            return _titles_chained_before(reader, titles, index)
    return []


def _title_follows(reader: Reader, end: int) -> bool:
    """Whether "NAME – TITLE" / "NAME, TITLE" continues at token `end`."""
    if end >= len(reader.tokens) or not TITLE_SEPARATOR.fullmatch(reader.gap_before(end)):
        return False
    title = reader.title_at(end, lowercase_ok=True)
    return title is not None and title.end > end and title.name_start is None


def _make_mention(reader: Reader, i: int, end: int, titles: list[str]) -> Mention:
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
    return _mentions(Reader(text))


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

    Full names come first; a Vietnamese name that is the end of a fuller one ("HLV Hữu Thắng"
    after "HLV Nguyễn Hữu Thắng", "An Khương" after "Trần Nguyễn An Khương") is that person. A one-word mention ("bà Mai", "ông Trump") joins the one person
    whose name ends, or starts, with it; without one it stays only when a title or an honorific
    that may introduce a foreign name comes with it and it is not a Vietnamese syllable
    ("Tổng thống Sisi", "ông Trump", "tiền đạo Ibrahimovic"), since "ông Thọ" alone says nobody.
    """
    people: dict[str, list[int]] = {}
    owner: dict[int, str] = {}
    full_keys = {phrase_key(m.name) for m in mentions if not m.short}
    for n, mention in enumerate(mentions):
        if not mention.short:
            owner[n] = _fuller_name(phrase_key(mention.name), full_keys)
            people.setdefault(owner[n], []).append(n)
    for n, mention in enumerate(mentions):
        word = phrase_key(mention.name)
        if not mention.short:
            continue
        matches = [k for k in people if k.split()[-1] == word or k.split()[0] == word]
        introduced = mention.titles or mention.cued or (mention.honorific in {"ông", "bà", "ngài"} and len(word) > 2)
        if not matches and (introduced or word in people) and not looks_vietnamese(word):
            matches = [word]
        if len(matches) == 1:
            owner[n] = matches[0]
            people.setdefault(matches[0], []).append(n)
    first_seen = {k: min(mentions[n].start for n in ns) for k, ns in people.items()}
    return dict(sorted(people.items(), key=lambda item: first_seen[item[0]])), owner


def _fuller_name(key: str, keys: set[str]) -> str:
    """The one longer Vietnamese name of `keys` that ends with the words of the Vietnamese
    name `key` ("hữu thắng" in "nguyễn hữu thắng"), or `key` itself. Foreign runs are not
    merged so: the longer one is more often a name with an organisation before it
    ("Hollywood Paul Blackthorne"), unless the shorter starts with a particle ("Van der Bellen"
    after "Alexander van der Bellen") or the longer is Korean ("Kim Yo Jong")."""
    particle_first = key.split()[0] in NAME_PARTICLES
    korean = [k for k in keys if k.endswith(" " + key) and k.split()[0] in KOREAN_SURNAMES]
    if not particle_first and not all(looks_vietnamese(word) for word in key.split()):
        return korean[0] if len(korean) == 1 else key  # "cô Yo Jong" after "Kim Yo Jong"
    longer = [k for k in keys if k.endswith(" " + key) and (particle_first or k.split()[0] in SURNAMES)]
    return longer[0] if len(longer) == 1 else key


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
