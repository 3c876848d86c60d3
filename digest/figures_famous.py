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
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files

from digest.figures_text import fold
from digest.figures_words import NAME_PARTICLES

MIN_SURNAME_LETTERS = 4  # "Ali", "Lee", "Kim": too many other things are written so
# The person is famous, but the news means the brand, the unit or the prize: "độ Richter",
# "xe Ford", "thương hiệu Dior", "súng máy Browning", "giải Nobel".
EPONYMS = frozenset(
    "richter ford disney dior chanel porsche ferrari mclaren boeing bosch dell tesla renault "
    "citroen browning nobel armani versace gucci fender marconi diesel kalashnikov dassault "
    "kelvin oscar".split())
SURNAME = re.compile(r"[a-z][a-z'-]*")
ROMAN_NUMERAL = re.compile(r"[ivxl]+")  # "Elizabeth II", "Pope John XXIII"


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
