"""Documents cited in a Vietnamese text, for `digest.figures`.

A document is a type and a number ("Chỉ thị số 24", "Nghị định 100/2019/NĐ-CP") or a named law
("Luật Đất đai 2024", "Bộ luật Hình sự"); "Nghị quyết Đại hội XIII" (named after a congress,
not numbered) is not read. Each is written one way, "Type số NUMBER", so that "chỉ thị số 24 của
Bộ Chính trị" and "Chỉ thị số 24 ngày 13/7/2023" are one, and a coded citation ("Quy định số
96-QĐ/TW") absorbs a bare one of the same type and number ("Quy định 96").
"""

from __future__ import annotations

import re

from digest.figures_text import WORD, modern_tone_placement, phrase_key

DOCUMENT_TYPES = (
    "thông báo kết luận", "thông tư liên tịch", "chương trình hành động", "nghị quyết", "chỉ thị",
    "quyết định", "quy định", "kết luận", "thông báo", "nghị định", "thông tư", "công văn",
    "công điện", "hướng dẫn", "kế hoạch", "pháp lệnh", "đề án", "văn bản", "tờ trình", "quy chế",
)
# Types that are also ordinary words ("quyết định 3 người", "Kế hoạch 5 năm"): they name a
# document only with "số" or a code ("21-NQ/TW"); the others also with a bare number.
BARE_NUMBER_TYPES = frozenset({"nghị quyết", "chỉ thị", "kết luận", "quy định", "nghị định", "thông tư"})

DOCUMENT = re.compile(
    r"(?<![^\W\d_])(" + "|".join(DOCUMENT_TYPES) + r")[ \t]+(số[ \t]+)?"
    r"([0-9]+(?:[ \t]*[/\-–][ \t]*[0-9A-ZĐ][^\s,;.()“”\"'/\-–]*)*)(?![0-9])",
    re.IGNORECASE,
)
LAW = re.compile(r"(?<![^\W\d_])(Bộ luật|Luật|Hiến pháp)(?=[ \t])")
NAME_BEFORE_LAW = re.compile(r"(?:[A-ZĐ]\w*|Đại học|ĐH|Trường)[ \t]+$")
LAW_NAME_STOP = frozenset(
    "về của và có được đã quy là này mới hiện cho với thì sẽ đang để theo tại trong khi không "
    "cũng ban qua nêu nói các những một được sửa bổ nhưng do đến từ".split()
)
YEAR_AFTER_LAW = re.compile(r"[ \t]+(?:năm[ \t]+)?((?:19|20)[0-9]{2})(?![0-9])|[ \t]*\((sửa đổi[^)]*)\)")


def find_documents(text: str) -> tuple[str, ...]:
    """Documents cited, each once: "chỉ thị số 24 của Bộ Chính trị" and "Chỉ thị số 24 ngày
    13/7/2023" are one "Chỉ thị số 24"; a coded citation ("Chỉ thị số 24-CT/TW") absorbs the
    bare one of the same type and number."""
    found: list[tuple[str, str, str]] = []
    for match in DOCUMENT.finditer(text):
        kind = modern_tone_placement(match.group(1)).lower()
        number = re.sub(r"[ \t]*([/\-–])[ \t]*", r"\1", match.group(3)).replace("–", "-")
        coded = number != number.split("-")[0].split("/")[0]
        if not coded and not match.group(2) and (kind not in BARE_NUMBER_TYPES or match.group(1)[0].islower()):
            continue
        _add_document(found, kind, number)
    documents = [f"{kind[0].upper()}{kind[1:]} số {number}" for kind, number, _ in found]
    return tuple(documents + [law for law in _laws(text) if law not in documents])


def _add_document(found: list[tuple[str, str, str]], kind: str, number: str) -> None:
    digits = re.match(r"[0-9]+", number)
    lead = digits.group() if digits else number
    for n, (other_kind, other_number, other_lead) in enumerate(found):
        if other_kind == kind and other_lead.lstrip("0") == lead.lstrip("0"):
            if other_number == other_lead or other_number == number:
                found[n] = (kind, number if len(number) > len(other_number) else other_number, lead)
                return
            if number == lead:
                return
    found.append((kind, number, lead))


def _laws(text: str) -> list[str]:
    """"Luật Đất đai 2024", "Bộ luật Hình sự": a law's name runs while its words are
    capitalised, or lower-case words that are not verbs or prepositions."""
    laws: list[str] = []
    for match in LAW.finditer(text):
        if NAME_BEFORE_LAW.search(text[max(0, match.start() - 12):match.start()]) and not _opens_sentence(text, match.start()):
            continue
        words = []
        for word in WORD.finditer(text, match.end()):
            gap = text[(words[-1].end() if words else match.end()):word.start()]
            if gap.strip(" \t") or len(words) >= 6:
                break
            if not words and not word.group()[0].isupper():
                break
            if word.group().lower() in LAW_NAME_STOP:
                break
            words.append(word)
        if not words:
            continue
        end = words[-1].end()
        name = f"{match.group(1)} {text[words[0].start():end]}"
        if extra := YEAR_AFTER_LAW.match(text, end):
            name += f" {extra.group(1)}" if extra.group(1) else f" ({extra.group(2)})"
        if phrase_key(name) not in {phrase_key(law) for law in laws}:
            laws.append(" ".join(name.split()))
    return laws


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:\n"


def merge_documents(documents: list[str]) -> tuple[str, ...]:
    """The documents of several articles, each once (see `find_documents`)."""
    found: list[tuple[str, str, str]] = []
    laws: list[str] = []
    for document in documents:
        if match := re.fullmatch(r"(.+) số (\S+)", document):
            _add_document(found, match.group(1).lower(), match.group(2))
        elif phrase_key(document) not in {phrase_key(law) for law in laws}:
            laws.append(document)
    return tuple([f"{k[0].upper()}{k[1:]} số {n}" for k, n, _ in found] + laws)
