"""Names that no honorific or title introduces, taken when the rest of the text shows them
to be people.

`figures_people` takes a capitalised run as a person on local evidence (an honorific, a title,
a Vietnamese name of three words or more). News about sport, shows and the world names many
people with none of that: "Ryan Giggs sắp chấm dứt...", "Rui Faria & Silvino Louro", "Emre
Telci, luật sư của...". A run left over is taken when it has the shape of a name (a Vietnamese
surname first, or foreign words that are not a place or an organisation) and one of:
- a verb of speech follows it: "Emre Telci ... cho rằng";
- a title follows it: "Emre Telci, luật sư của Merve Buyuksarac";
- an age or a birth year follows it, as for nobody but a person: "Kwon Yonggil (34 tuổi",
  "Bo Tý, 16 tuổi" (then any two to four words will do, surname or not);
- its last word stands alone elsewhere, as people are named again: "Ryan Giggs" ... "Giggs";
- "dẫn lời" (quoting) comes before it: "AFP dẫn lời Prayad Singsin";
- it is an initial and a surname joined by a dot: "C.Ronaldo";
- it is on a line that a role heads: "Thủ môn: Mariano Andujar (Estudiantes), ...";
- it is in a list with a person: "HLV Louis Van Gaal lẫn David Moyes";
- it is a Korean surname and a hyphenated given name: "gặp Kim Jong-un của Donald Trump", or
  two one-syllable words: "lãnh tụ Bắc Triều Tiên Kim Jong Un", "Junsu (Kang Tae Oh)";
- its first word is a given name common around the world: "Roger Federer", "Pep Guardiola",
  unless the article writes it after a word of an event, a medium, a place or a brand ("giải
  Roland Garros", "tạp chí Marie Claire", "thương hiệu Louis Vuitton");
- it is a famous person's full name, or a common given name and a famous surname
  (`figures_famous`): "Famke Janssen", "Van Gaal", "Andy Murray";
- it is two or three Vietnamese words with no surname after a role of the arts, or in its list:
  a stage name, "nghệ sĩ đàn nhị Thùy Anh", "các nhà thiết kế Minh Hạnh, Quang Huy và Xuân Hảo".
One foreign word that is not a place or an organisation's is a person on the strongest of
these: a role around it ("nghệ sĩ violon Marica", "Demi, một cô bé 12 tuổi"), a kin noun or a
role in apposition before it ("con gái đầu lòng là Laura", "HLV hiện tại là Deila"), an age
after it, or a list with a person where it is an item of its own ("Justin Bieber, Drake, Taylor
Swift"; not "nhà sáng lập Lenovo, Jean Liu", nor "Sau cái chết của Mansour, Taliban tuyên bố");
unless the article puts it after a club's or a place's word ("CLB Chelsea"); and on its own
when it is a famous person's surname, unless a thing's word, an abbreviation or a place says
otherwise ("Mourinho còn nhắm đến Matic"; not "căn cứ Carroll", "CNN Turk").
"""

from __future__ import annotations

import re

from digest.figures_cues import NOT_QUALIFIERS, named_as_a_thing
from digest.figures_famous import famous_lone_name, famous_run
from digest.figures_reader import Mention, Reader, looks_vietnamese
from digest.figures_words import (
    ARTIST_ROLES, CANDIDATES, FOREIGN_HEADS, FOREIGN_NOT_A_NAME, GIVEN_NAMES, KIN_NOUNS, KIN_OF_NOUNS, KOREAN_SURNAMES,
    NAME_LIST_JOINS, PERSON_NOUNS, PLACE_CONTEXT, ROLE_NOUNS, SURNAMES,
)

ROLE_HEADING = re.compile(
    r"^\s*(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\s*(?:\([0-9]+\)\s*)?:",
    re.IGNORECASE)
# "Kwon Yonggil – nghi phạm ...", "William Hague, người đã ...", "Demi, một cô bé", "Sheryl
# Allison, mẹ của ...", "Taylor Swift luôn là ngôi sao", "Dybala (người chơi cực hay ...)",
# "Mourinho là một trong những HLV ...": a role, a kin noun or "người" in apposition or after "là".
ROLE_AFTER = re.compile(
    r"(?:\s*(?:,|–|-|—|\()\s*(?:một\s+)?|\s+(?:(?:vẫn|đang|luôn|cũng|chính|từng)\s+)*là\s+"
    r"(?:một\s+(?:trong\s+(?:những|các|số)\s+)?)?)(?:"
    + "|".join(sorted((ROLE_NOUNS - set(CANDIDATES)) | PERSON_NOUNS | KIN_NOUNS | KIN_OF_NOUNS | {"người"},
                      key=len, reverse=True))
    + r")(?![^\W\d_])", re.IGNORECASE)
CODE_AFTER = re.compile(r"-?[0-9]")
NAME_GIVERS = (["dẫn", "lời"], ["với", "tên"], ["tên", "thật", "là"], ["tên", "thật"], ["tên", "là"])
NAMING_VERBS = frozenset({"lấy", "đặt", "mang", "đổi"})  # a thing takes its name
LINE_UP = re.compile(r"[^\n:]{1,40}\(\s*[0-9](?:\s*-\s*[0-9]){2,4}\s*\)\s*:")
LIST_ASIDE = re.compile(r"^\s*\([^()\n]{1,40}\)")
ITEM_END = re.compile(r"\s*(?:[,;&.…!?()\n]|(?:và|lẫn|hay|hoặc)\s|$)")
STRONG_LIST_JOINS = frozenset({"và", "&", "lẫn"})
SHIRT_NUMBER = re.compile(r"\s[0-9]{1,2}\s*[-–]\s*$")  # "20-Geoff Cameron (Stoke City), 21-Timmy Chandler"
MAX_NAME_WORDS = 4
MAX_ROLE_QUALIFIERS = 3
ROLE_WORDS = ROLE_NOUNS | {" ".join(head) for head in FOREIGN_HEADS}
# Before a country and a name, "người" says whose nationality: "tay vợt người Ấn Độ Aditya Joshi".
NATIONALITY_QUALIFIERS = NOT_QUALIFIERS - {"người", "đội", "tuyển"}  # "phát ngôn viên quân đội Iraq Yahya Rasoul"
# Before a given name, a saint's: the name is a place's ("San Jose", "Santa Maria").
# Words before a list of people: "những trụ cột như Dempsey, Tim Howard", "phò tá cho Moyes và Van Gaal".
LIST_OPENERS = frozenset({"như", "gồm", "là", "cả", "cho", "với", "thay", "trước"})
SAINTS = frozenset({"san", "santa", "santo", "são", "saint", "st", "sankt"})
# Before one foreign word, fewer roles and qualifiers are trusted: "nghệ sĩ violon Marica",
# "tiền đạo ngoại Osmar", but not "Phó Tổng Giám đốc ngân hàng VPBank", "phóng viên Reuters",
# "cựu ngôi sao vùng Ruhr", "nạn nhân thảm họa Hillsborough".
LONE_NAME_ROLES = ROLE_NOUNS - {"phóng viên", "nhà báo", "đối tượng", "nạn nhân", "tiến sĩ", "tiến sỹ", "giáo sư",
                                "sinh viên", "nhân viên"}
LONE_NAME_QUALIFIERS = 2
NOT_LONE_NAME_QUALIFIERS = NOT_QUALIFIERS | PLACE_CONTEXT | frozenset(
    "vùng bang vụ thảm họa ngân hàng tổ chức điện ảnh xe máy".split())
# "Apocalypse, người hâm mộ ...": "người" that starts a noun of people is no apposition.
NOT_APPOSITION = re.compile(r"\s+(?:dân|hâm mộ|ta|lao động|dùng|xem|thân|tiêu dùng|nhà|nước ngoài)\b")


def could_be_name(reader: Reader, i: int, end: int) -> bool:
    """Whether the capitalised run [i, end) could be a person's name: two to four words, no
    place in them, not an organisation, a title, a byline, a model ("Boeing C-17") or cut at an
    initial ("Saleh A."), and not led by the capitalised first word of a sentence."""
    if not 2 <= end - i <= MAX_NAME_WORDS or reader.title_at(i) or len(reader.tokens[end - 1].text) == 1:
        return False
    if any(reader.place_end(k, end) > k for k in range(i, end)):  # "InBev Việt Nam"
        return False
    first = reader.tokens[i].key
    foreign_given_name = first in GIVEN_NAMES and any(not looks_vietnamese(t.key) for t in reader.tokens[i + 1:end])
    if reader.starts_sentence(i) and looks_vietnamese(first) and first not in SURNAMES and not foreign_given_name:
        return False  # "Theo Reuters", "Với Liverpool"; but "Tim Ingham, người sáng lập"
    if any(t.key in FOREIGN_NOT_A_NAME | reader.common_foreign_words for t in reader.tokens[i:end]) \
            or reader.in_place_context(i, end):
        return False
    return not CODE_AFTER.match(reader.text, reader.tokens[end - 1].end) and not reader.on_byline(i, end)


def name_shaped(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) could be a name and looks like one: a Vietnamese surname first, or
    a word that is not a Vietnamese syllable and no toned Vietnamese word first."""
    first = reader.tokens[i].key
    if not first.isascii() and first not in SURNAMES:  # "Với Liverpool": a Vietnamese word first
        return False
    foreign = any(not looks_vietnamese(t.key) for t in reader.tokens[i:end])
    return could_be_name(reader, i, end) and (foreign or reader.vietnamese_name_in(i, end) == i)


def role_follows(reader: Reader, end: int) -> bool:
    """Whether a role noun or "người" stands in apposition right after token `end - 1`, and
    does not introduce the next name ("màu áo Hebei Fortune, tiền đạo Ezequiel Lavezzi"), as
    a kin noun with "của" does not ("Rafaqat Abbasi, chú của Maria Abbasi")."""
    role = ROLE_AFTER.match(reader.text, reader.tokens[end - 1].end)
    if role is None or role.group().endswith("người") and NOT_APPOSITION.match(reader.text, role.end()):
        return False
    if role.group().endswith(" của"):
        return True
    after = re.match(r"\s+(\w)", reader.text[role.end():role.end() + 4])
    return not (after and after.group(1).isupper())


def role_shortly_before(reader: Reader, i: int, roles: frozenset[str] = ROLE_WORDS,
                        most: int = MAX_ROLE_QUALIFIERS, stops: frozenset[str] = NOT_QUALIFIERS) -> bool:
    """Whether a role noun or a head of title stands one to three lower-case words before token
    i, the words that say what kind: "HLV thể lực Carlos Lalin", "ca sĩ nổi tiếng Taylor Swift",
    maybe with "là" last: "hai đối tượng còn lại là Oh Junghyun"."""
    if i > 1 and reader.tokens[i - 1].key == "là" and reader.adjacent(i):
        i -= 1
    k = i
    while k > 0 and i - k < most and reader.adjacent(k) and reader.tokens[k - 1].key not in stops \
            and (reader.tokens[k - 1].lowercase or _capitalised_domain(reader, k - 1)):
        k -= 1
        words = [t.key for t in reader.tokens[max(0, k - 3):k]]
        if k < i and any(" ".join(words[n:]) in roles and all(
                reader.adjacent(m) for m in range(k - len(words) + n + 1, k + 1)) for n in range(len(words))):
            return True
    return False


def _capitalised_domain(reader: Reader, k: int) -> bool:
    """Whether token k is a Vietnamese word capitalised as the first of a domain, its second
    word in lower case: "bộ trưởng Quốc phòng Manohar Parikar"."""
    return reader.tokens[k].capitalised and looks_vietnamese(reader.tokens[k].key) \
        and k + 1 < len(reader.tokens) and reader.tokens[k + 1].lowercase and not reader.starts_sentence(k)


def under_role_heading(reader: Reader, i: int) -> bool:
    """Whether token i is on a line that starts "Tiền đạo:" and is not inside brackets,
    where the club or the country is written."""
    start = reader.tokens[i].start
    line = reader.text[reader.text.rfind("\n", 0, start) + 1:start]
    return ROLE_HEADING.match(line) is not None and line.count("(") == line.count(")")


def in_line_up(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) is a foreign name of one to three words in a team's line-up, after
    its formation and a colon: "Man Utd (4-1-4-1): De Gea; Valencia, Smalling, Blind, Rojo
    (Darmian 66'); ...", where every name is a player's, clubs' names included ("Valencia")."""
    start = reader.tokens[i].start
    line_start = reader.text.rfind("\n", 0, start) + 1
    line_up = LINE_UP.match(reader.text, line_start)
    return line_up is not None and line_up.end() <= start and end - i <= 3 \
        and any(not looks_vietnamese(t.key) for t in reader.tokens[i:end]) and len(reader.tokens[end - 1].text) > 1


def joined(reader: Reader, left_end: int, right_start: int) -> bool:
    """Whether tokens [.., left_end) and [right_start, ..) are two items of a list of names:
    only a comma, a semicolon, "&", or one joining word ("và", "lẫn") between them, after the
    first one's club or country in brackets ("Danny Drinkwater (Leicester City) và Andros
    Townsend") and before the second one's shirt number ("20-Geoff Cameron")."""
    if right_start < left_end or left_end == 0:
        return False
    between = reader.text[reader.tokens[left_end - 1].end:reader.tokens[right_start].start]
    between = SHIRT_NUMBER.sub("", LIST_ASIDE.sub("", between, count=1), count=1)
    return between.strip().lower() in NAME_LIST_JOINS


def mentions_by_evidence(reader: Reader, runs: list[tuple[int, int]], known: list[Mention],
                         title_follows: set[int]) -> list[Mention]:
    """The runs left over from the local rules that the text shows to be people.

    `runs` are the capitalised runs [i, end) no local rule took, `known` the mentions found,
    `title_follows` the token positions where "NAME, TITLE" has its title.
    """
    alone_unnamed = {reader.tokens[i].key for i, end in runs if end - i == 1}
    runs = runs + [tail for i, end in runs if (tail := _after_organisation_word(reader, i, end))]
    alone = alone_unnamed | {reader.tokens[m.first_token].key for m in known if m.short}
    shaped = [(i, end) for i, end in runs if name_shaped(reader, i, end)]
    found = [(i, end) for i, end in shaped
             if reader.speech_follows(end, start=i) or end in title_follows or role_follows(reader, end)
             or end - i >= 2 and reader.country_follows(end) and not named_as_a_thing(reader, reader.span_text(i, end))
             or role_shortly_before(reader, i) or quoted(reader, i) or initialled(reader, i, end)
             or end - i >= 2 and role_right_before(reader, i)  # "văn phòng tổng thống Ashraf Ghani"
             and not named_as_a_thing(reader, reader.span_text(i, end))  # not "chủ tịch Metal Shark" ... "tàu Metal Shark"
             or under_role_heading(reader, i) or given_name_first(reader, i, end)
             or (reader.tokens[end - 1].key in alone and not looks_vietnamese(reader.tokens[end - 1].key)
                 and not any(toned_vietnamese(t.key) for t in reader.tokens[i:end - 1])  # not "Ban Giám Khảo Cannes"
                 and not named_as_a_thing(reader, reader.span_text(i, end)))]  # "tàu sân bay John C.Stennis"
    found += [(i, end) for i, end in runs if (i, end) not in found and famous_run(reader, i, end)]
    found += [(k, end) for i, end in runs if (k := reader.after_places(i, end)) < end and (k, end) not in found
              and reader.age_follows(end)  # "đồng hương Trung Quốc Wei Yi (elo 2.694)"
              and (could_be_name(reader, k, end) or end - k == 1 and reader.lone_foreign_name(k))]
    last_words = {reader.tokens[end - 1].key for _, end in found}
    found += [(i, end) for i, end in runs if end - i == 1 and reader.tokens[i].key in last_words]
    found += [(i, end) for i, end in runs if end - i == 1 and (i, end) not in found
              and lone_name_cued(reader, i)]
    found += [(i, end) for i, end in runs if (i, end) not in found and in_line_up(reader, i, end)]
    stage_shaped = [(i, end) for i, end in runs if stage_name_shaped(reader, i, end)]
    found += [(i, end) for i, end in stage_shaped if (i, end) not in found
              and role_shortly_before(reader, i, ARTIST_ROLES, LONE_NAME_QUALIFIERS)]
    found += [korean for i, end in runs if (korean := _korean_name(reader, i, end)) and korean not in found]
    known_surnames = {reader.tokens[m.last_token].key for m in known if not looks_vietnamese(reader.tokens[m.last_token].key)}
    found += [name for i, end in runs if (name := _name_after_place(reader, i, end, known_surnames)) and name not in found]
    found += [name for i, end in runs if (i, end) not in found
              and (name := _given_name_inside(reader, i, end)) and name not in found]
    people = [(m.first_token, m.last_token + 1) for m in known] + found
    lone = [(i, end) for i, end in runs if end - i == 1 and reader.lone_foreign_name(i)]
    stage = [(i, end) for i, end in stage_shaped if reader.artist_role_before(i)]
    people += _listed_with(reader, [r for r in shaped + lone + stage if r not in found], people)
    people = people[:len(known)] + [_without_organisation(reader, i, end, alone_unnamed)
                                    for i, end in people[len(known):]]
    return [Mention(reader.span_text(i, end), reader.tokens[i].start, reader.tokens[end - 1].end, i, end - 1,
                    cued=True)
            for i, end in people[len(known):]]


def _after_organisation_word(reader: Reader, i: int, end: int) -> tuple[int, int] | None:
    """The two words or more after the last word of an organisation's name inside run [i,
    end), as a run of their own: "chủ tịch Mitsubishi Motors Tetsuro Aikawa tuyên bố"."""
    last = max((k for k in range(i, end - 2) if reader.tokens[k].key in FOREIGN_NOT_A_NAME), default=None)
    return (last + 1, end) if last is not None else None


def lone_name_cued(reader: Reader, i: int) -> bool:
    """Whether the one word at token i is a foreign person's name by a role around it:
    "nghệ sĩ violon Marica", "Demi, một cô bé", "Karius, người có 9 trận giữ sạch lưới", a kin
    noun in apposition before it: "con gái đầu lòng là Laura", "Garratt và vợ, Julia".

    A verb of speech after it is not enough: "Forbes cho biết", "VPBank cho biết" are as
    common as "Mourinho cho biết"."""
    return reader.lone_foreign_name(i) and (
        role_shortly_before(reader, i, LONE_NAME_ROLES, LONE_NAME_QUALIFIERS, NOT_LONE_NAME_QUALIFIERS)
        or role_follows(reader, i + 1) or quoted(reader, i)
        or _kin_or_role_in_apposition(reader, i) or famous_lone_name(reader, i))


def _kin_or_role_in_apposition(reader: Reader, i: int) -> bool:
    """Whether a kin noun and a comma, a dash or "là", or a role and "là", with up to two
    lower-case words of what kind between, come right before token i: "vợ, Julia", "con gái
    đầu lòng là Laura", "HLV hiện tại là Deila"."""
    k = i - 1
    link = reader.gap_before(i).strip()
    if link == "" and k >= 0 and reader.tokens[k].key == "là":
        link, k = "là", k - 1
    elif link not in (",", "-", "–"):
        return False
    nouns = KIN_NOUNS | LONE_NAME_ROLES if link == "là" else KIN_NOUNS
    for qualifiers in range(3):
        end = k + 1 - qualifiers
        if end <= 0 or qualifiers and not all(t.lowercase for t in reader.tokens[end:k + 1]):
            return False
        for size in (1, 2, 3):
            words = reader.tokens[end - size:end] if end >= size else []
            if words and " ".join(t.key for t in words) in nouns:
                return True
    return False


def stage_name_shaped(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) could be a stage name: two or three Vietnamese words, no surname
    first ("Thùy Anh", "Xuân Hảo", "Mỹ Linh"), not a place, a title or a street as a whole."""
    tokens = reader.tokens[i:end]
    return 2 <= end - i <= 3 and all(looks_vietnamese(t.key) for t in tokens) and tokens[0].key not in SURNAMES \
        and reader.place_end(i, end) < end and reader.after_places(i, end) == i and not reader.title_at(i) \
        and not reader.in_place_context(i, end) and not reader.on_byline(i, end)


def initialled(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) is an initial and a foreign surname joined by a dot, a shape only
    a person's name has: "C.Ronaldo", "K.Benzema"."""
    return end - i == 2 and reader.gap_before(i + 1) == "." and reader.initial_joined(i + 1)


def quoted(reader: Reader, i: int) -> bool:
    """Whether "dẫn lời" (quoting) or words that give a name ("với tên", "tên thật là") come
    right before token i, as before a person's name: "AFP dẫn lời Prayad Singsin", "Reuters
    dẫn lời Messi", "Thành viên thứ 3 được biết với tên Abd Arahman"."""
    for words in NAME_GIVERS:
        start = i - len(words)
        if start >= 0 and [t.key for t in reader.tokens[start:i]] == words \
                and all(reader.adjacent(k) for k in range(start + 1, i + 1)):
            return start == 0 or reader.tokens[start - 1].key not in NAMING_VERBS  # not "lấy tên là Didi Kuaidi"
    return False


def given_name_first(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) starts with a given name common around the world ("Roger Federer"),
    is foreign words without Vietnamese letters, and no occurrence of it follows a word of an
    event, a medium, a place or a brand ("giải Roland Garros")."""
    tokens = reader.tokens[i:end]
    if tokens[0].key not in GIVEN_NAMES or all(looks_vietnamese(t.key) for t in tokens) \
            or not all(t.key.isascii() for t in tokens):  # "John Thánh chiến", a nickname
        return False
    return not named_as_a_thing(reader, reader.span_text(i, end))


def toned_vietnamese(word: str) -> bool:
    """Whether a word is a Vietnamese syllable with letters English has not ("giám", "khảo")."""
    return not word.isascii() and looks_vietnamese(word)


def _korean_name(reader: Reader, i: int, end: int) -> tuple[int, int] | None:
    """The Korean name that ends run [i, end), or None: a surname and a hyphenated given name
    ("Kim Jong-un", "Choe Ryong-hae"), or a surname and two one-syllable words not all of them
    Vietnamese ("Kim Jong Un", "Moon Sang Gyun", "Kang Tae Oh")."""
    tokens = reader.tokens
    if end - i >= 2 and tokens[end - 2].key in KOREAN_SURNAMES and "-" in tokens[end - 1].text \
            and reader.adjacent(end - 1):
        return end - 2, end
    if end - i >= 3 and tokens[end - 3].key in KOREAN_SURNAMES and reader.adjacent(end - 2) \
            and reader.adjacent(end - 1) and all(t.key.isascii() and len(t.key) <= 5 for t in tokens[end - 2:end]) \
            and not all(looks_vietnamese(t.key) for t in tokens[end - 3:end]):
        return end - 3, end
    return None


def _name_after_place(reader: Reader, i: int, end: int, known_surnames: set[str]) -> tuple[int, int] | None:
    """The foreign name of two words or more after the country that opens run [i, end), when a
    role with what kind in lower case comes before it: "Bộ trưởng quốc phòng Mỹ Ashton Carter",
    "tay vợt người Ấn Độ Aditya Joshi",
    "Bộ trưởng thông tin Syria Omran al-Zoubi", or right before the country: "tổng thống Pháp
    François Hollande" (the capitalised "Bộ trưởng Quốc phòng Mỹ" is a title, read as one), or
    when it ends in the surname of a person the text names elsewhere: "Giám đốc quỹ đầu tư công
    Ả-Rập Xê-út Yasir Al Rumayyan" ... "ông Al Rumayyan"."""
    name = reader.foreign_name_in(i, end)
    if name is None or name == i or end - name < 2:
        return None
    if not role_shortly_before(reader, i, stops=NATIONALITY_QUALIFIERS) and not role_right_before(reader, i) \
            and reader.tokens[end - 1].key not in known_surnames and not reader.speech_follows(end):
        return None
    return (name, end) if could_be_name(reader, name, end) else None


def role_right_before(reader: Reader, i: int) -> bool:
    """Whether a role or a head of title written in lower case ends right before token i:
    "tổng thống Pháp François Hollande", as many outlets write a title."""
    for size in (3, 2, 1):
        words = reader.tokens[i - size:i] if i >= size else []
        if words and " ".join(t.key for t in words) in ROLE_WORDS and all(t.lowercase for t in words) \
                and all(reader.adjacent(k) for k in range(i - size + 1, i + 1)):
            return True
    return False


def _given_name_inside(reader: Reader, i: int, end: int) -> tuple[int, int] | None:
    """The name that starts with a common given name inside run [i, end), after the name of
    what the person runs or plays for: "ông chủ của Facebook Mark Zuckerberg"; not a saint's
    place ("San Jose Earthquakes")."""
    for k in range(i + 1, end - 1):
        if reader.tokens[k].key in GIVEN_NAMES and reader.tokens[k - 1].key not in SAINTS \
                and could_be_name(reader, k, end) and given_name_first(reader, k, end):
            return k, end
    return None


def _without_organisation(reader: Reader, i: int, end: int, alone: set[str]) -> tuple[int, int]:
    """The run without a first word that stands alone elsewhere (and is not a person's there,
    as "bà Julia" is), when two words or more are left: "chỉ huy của Taliban Mullah Abdul Rauf" ... "của
    Taliban", "Boeing Ray Conner" ... "Boeing"; or that a place noun before it names, before a
    name of two words: "Thủ hiến bang Maharashtra Devendra Fadnavis"."""
    if end - i >= 3 and reader.tokens[i].key in alone and reader.tokens[i].key != reader.tokens[end - 1].key \
            and _korean_name(reader, i, end) != (i, end):  # "cô Kim" and "Kim Jong Un"
        return i + 1, end
    if end - i == 3 and reader.place_noun_before(i):
        return i + 1, end
    return i, end


def _listed_with(reader: Reader, candidates: list[tuple[int, int]],
                 people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidates in a list of names with a person, taken until none is left to add; not
    one that opens a bracket, where a club or a country is written ("Tim Howard (Colorado
    Rapids, 22-Ethan Horvath", a bracket left open)."""
    candidates = [(i, end) for i, end in candidates if not reader.gap_before(i).rstrip().endswith("(")]
    added: list[tuple[int, int]] = []
    while True:
        known = people + added
        new = [(i, end) for i, end in candidates if (i, end) not in added and any(
            joined(reader, p_end, i) and (end - i > 1 or _item_ends(reader, p_end, i))
            or joined(reader, end, p_start) and (end - i > 1 or _may_open_list(reader, i, p_start))
            for p_start, p_end in known)]
        if not new:
            return added
        added += new


def _may_open_list(reader: Reader, i: int, right: int) -> bool:
    """Whether the one word at token i can stand in a list of names before the name at token
    `right`: right before it ("Suarez, Aguero, Paul Pogba"), not after the noun it belongs to
    ("nhà sáng lập Lenovo, Jean Liu", "người Jamaica, Erroll Stevens") nor with a capitalised
    aside of its own ("Miami, Florida (Mỹ), Cesc Fabregas"; but "Lewandowski (thứ 17), Toni Kroos")."""
    between = reader.text[reader.tokens[i].end:reader.tokens[right].start]
    aside = LIST_ASIDE.match(between)
    if aside and not aside.group().lstrip(" (")[:1].isupper():  # "(thứ 17, 52 triệu bảng)", not "(Mỹ)"
        between = between[aside.end():]
    if between.strip().lower() not in NAME_LIST_JOINS:
        return False
    return not (i > 0 and reader.adjacent(i) and reader.tokens[i - 1].lowercase
                and reader.tokens[i - 1].key not in LIST_OPENERS)


def _item_ends(reader: Reader, left_end: int, i: int) -> bool:
    """Whether the one word at token i, after a name that ends before token `left_end`, is an
    item of a list of names: joined by "và" ("Kaka và Robinho đã ..."), or by a comma and followed
    by the next item's join, an aside or the end of the sentence ("Justin Bieber, Drake, Taylor
    Swift"), not by a verb ("Sau cái chết của Mansour, Taliban tuyên bố")."""
    between = reader.text[reader.tokens[left_end - 1].end:reader.tokens[i].start]
    return between.strip().lower() in STRONG_LIST_JOINS or ITEM_END.match(reader.text, reader.tokens[i].end) is not None
