"""People famous the world over, from Pantheon 1.0, for the names news gives with no cue.

Sport, show and world news names the people its readers know by a surname alone and nothing
around it: "Mourinho còn nhắm đến Matic, Stones, Ibrahimovic", "Tài sản của Adele tăng gấp
đôi". No rule on the text can tell "Mourinho" from "Forbes" there; knowing who is famous can.
No package of the chosen ones carries such a list (underthesea's NER tags half of these and
as many places and firms, see docs/figures.md), so one is bundled: `data/famous_people.tsv`,
the 6,494 people born in 1900 or later of Pantheon 1.0 (Yu, Ronen, Hu, Lu and Hidalgo, "Pantheon
1.0, a manually verified dataset of globally famous biographies", Harvard Dataverse, 2016,
doi:10.7910/DVN/28201; CC0), people with a Wikipedia biography in 25 languages or more. It was
frozen in 2013: players and singers famous since then are not in it.

Two things are read off it: the surnames (a name's last word, accents folded: "ibrahimovic"),
for one foreign word, and the full names with the tail from a particle ("louis van gaal",
"van gaal", "bin laden"), for a run of words. Left out: surnames that are a birthplace of one of
them ("Mendoza", "Lugano") and a few that news uses mostly for the brand, the unit or the prize
named after the person.

`famous_lone_name` and `famous_run` are the evidence `figures_names` takes from it: a famous
surname alone is a person unless the words around it make it a thing, a place or a title ("căn
cứ Carroll", "CNN Turk", "Mendoza (Argentina)"); a famous full name is one wherever it stands.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files

from digest.figures_cues import NOT_A_PERSON_BEFORE, NOT_QUALIFIERS, named_as_a_thing
from digest.figures_reader import Reader
from digest.figures_words import GIVEN_NAMES, NAME_PARTICLES, PLACE_CONTEXT, PLACE_PREPOSITIONS
from digest.text import fold

MIN_SURNAME_LETTERS = 4  # "Ali", "Lee", "Kim": too many other things are written so
# The person is famous, but the news means the brand, the unit or the prize: "độ Richter",
# "xe Ford", "thương hiệu Dior", "súng máy Browning", "giải Nobel".
EPONYMS = frozenset(
    "richter ford disney dior chanel porsche ferrari mclaren boeing bosch dell tesla renault "
    "citroen browning nobel armani versace gucci fender marconi diesel kalashnikov dassault "
    "kelvin oscar".split())
SURNAME = re.compile(r"[a-z][a-z'-]*")
ROMAN_NUMERAL = re.compile(r"[ivxl]+")  # "Elizabeth II", "Pope John XXIII"
# Before a famous surname (or the first of a list it ends), the word of a thing named after
# someone: "căn cứ Carroll", "súng máy Browning", "mẫu xe mới hybrid là Corolla và Levin".
THING_NOUNS = frozenset(NOT_A_PERSON_BEFORE) | frozenset(
    {"căn cứ", "mẫu", "mẫu xe", "dòng xe", "súng", "súng máy", "nhóm", "phim truyền hình"})
QUOTES = " \"“”'‘’"
MAX_THING_QUALIFIERS = 2


@cache
def _people() -> list[tuple[list[str], set[str]]]:
    """Each famous person's name as folded words, and the folded words of their birthplace."""
    with files("digest").joinpath("data", "famous_people.tsv").open(encoding="utf-8") as table:
        return [(fold(row["name"]).replace(".", " ").split(), set(fold(row["birthplace"]).replace(",", " ").split()))
                for row in csv.DictReader(table, delimiter="\t")]


@cache
def famous_surnames() -> frozenset[str]:
    places = set().union(*(place for _, place in _people()))
    surnames = {words[-1] for words, _ in _people() if words and " of " not in " ".join(words)}
    return frozenset(s for s in surnames if len(s) >= MIN_SURNAME_LETTERS and SURNAME.fullmatch(s)
                     and not ROMAN_NUMERAL.fullmatch(s) and s not in places | EPONYMS)


@cache
def famous_full_names() -> frozenset[str]:
    names = set()
    for words, _ in _people():
        if len(words) >= 2:
            names.add(" ".join(words))
        names.update(" ".join(words[k:]) for k in range(1, len(words) - 1) if words[k] in NAME_PARTICLES)
    return frozenset(names)


def famous_surname(word: str) -> bool:
    """Whether `word` is the surname (or the one name: "Rihanna", "Ronaldinho") of a famous person."""
    return fold(word) in famous_surnames()


def famous_full_name(words: list[str]) -> bool:
    """Whether `words` are a famous person's full name, or its tail from a particle ("Van Gaal")."""
    return fold(" ".join(words)) in famous_full_names()


def famous_run(reader: Reader, i: int, end: int) -> bool:
    """Whether run [i, end) is a famous person's full name ("Famke Janssen") or its tail from a
    particle ("Van Gaal"), not named as a thing nor after a word of a street or a place; after
    a preposition of place it is still the person: "sẽ không để mắt tới Pep Guardiola"."""
    if end - i < 2:
        return False
    words = [t.text for t in reader.tokens[i:end]]
    known = famous_full_name(words) or end - i == 2 and reader.tokens[i].key in GIVEN_NAMES and famous_surname(words[-1])
    if not known or named_as_a_thing(reader, reader.span_text(i, end)) or reader.street_at(i, end):
        return False
    return not (reader.adjacent(i) and reader.tokens[i - 1].key in PLACE_CONTEXT - PLACE_PREPOSITIONS)


def famous_lone_name(reader: Reader, i: int) -> bool:
    """Whether the one foreign word at token i is a famous person's surname ("Mourinho còn
    nhắm đến Matic, Stones") and nothing around it makes it something named after them: a
    thing's word before it or before the list it ends ("căn cứ Carroll", "các thương hiệu
    Chanel, Dior"), an abbreviation or "the" right before it ("CNN Turk", "Walk the Moon"),
    brackets that gloss a title ("Mũi tên (Arrow)"), a place in its list ("giữa Zurich và
    Lugano") or a country in brackets after it outside sports news ("Mendoza (Argentina)")."""
    token = reader.tokens[i]
    if not famous_surname(token.key) or named_as_a_thing(reader, token.text):
        return False
    before = reader.tokens[i - 1] if i else None
    if before is not None and reader.adjacent(i) and (before.abbreviation or before.key in ("the", "of")):
        return False
    if reader.gap_before(i).endswith("(") and reader.text.startswith(")", token.end):
        return False
    if reader.country_in_brackets(i + 1) and not reader.contest:
        return False
    first = _list_start(reader, i)
    return not any(reader.place_end(k, k + 1) > k for k in range(first, i)) and not _thing_before(reader, first)


def _list_start(reader: Reader, i: int) -> int:
    """The first token of the list of capitalised items that token i ends ("Chanel, Dior":
    "Chanel"), or i."""
    while True:
        link = reader.gap_before(i).strip(QUOTES)
        j = i - 1
        if link == "" and j > 0 and reader.tokens[j].key in ("và", "hoặc", "hay"):
            if reader.gap_before(j).strip(QUOTES):
                return i
            link, j = "và", j - 1
        if link not in (",", "&", "và") or j < 0 or not reader.tokens[j].capitalised:
            return i
        while j > 0 and reader.tokens[j - 1].capitalised and reader.adjacent(j):
            j -= 1
        i = j


def _thing_before(reader: Reader, i: int) -> bool:
    """Whether a thing's word comes right before token i, maybe with "là" between, or a thing
    of two words or more with up to two lower-case words of what kind: "nhóm Fire", "súng máy
    Browning", "sân bay quân sự Buckley", "mẫu xe mới hybrid là Corolla"."""
    if reader.gap_before(i).strip(QUOTES) not in ("", ","):
        return False
    k = i - 1
    if k >= 0 and reader.tokens[k].key == "là":
        k -= 1
    for qualifiers in range(MAX_THING_QUALIFIERS + 1):
        end = k + 1 - qualifiers
        if end <= 0 or qualifiers and not all(t.lowercase and t.key not in NOT_QUALIFIERS and reader.adjacent(m)
                                              for m, t in enumerate(reader.tokens[end:k + 1], end)):
            return False
        for size in (1, 2, 3) if not qualifiers else (2, 3):
            if end >= size and " ".join(t.key for t in reader.tokens[end - size:end]) in THING_NOUNS:
                return True
    return False
