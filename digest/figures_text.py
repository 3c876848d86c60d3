"""Shared text helpers for the key-figure rules: words, tone placement, comparison keys."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# The old convention puts the tone on the second vowel of oa, oe, uy ("hoà", "Uỷ"), the new one
# on the first ("hòa", "Ủy"). Mapped on precomposed (NFC) pairs so one pass of one regular
# expression does it and every offset stays put; after "q" the "u" is a consonant ("quý").
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TO_NEW = {
    first + unicodedata.normalize("NFC", second + mark): unicodedata.normalize("NFC", first + mark) + second
    for firsts, seconds in (("oO", "aeAE"), ("uU", "yY"))
    for first in firsts for second in seconds for mark in _TONE_MARKS
}
OLD_TONE_PLACEMENT = re.compile(
    "(?<![qQ])[oOuU][" + "".join(sorted({pair[1] for pair in _OLD_TO_NEW})) + r"](?![^\W\d_])")

ABBREVIATIONS = {"tw": "trung ương", "tư": "trung ương", "ubnd": "ủy ban nhân dân",
                 "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc", "bch": "ban chấp hành",
                 "tp": "thành phố", "hđqt": "hội đồng quản trị", "vn": "việt nam"}


def modern_tone_placement(text: str) -> str:
    """"Uỷ viên" -> "Ủy viên", "hoà" -> "hòa": the tone on the first vowel of oa/oe/uy.

    Works on NFC text and keeps its length, so offsets in the result are offsets in `text`.
    """
    return OLD_TONE_PLACEMENT.sub(lambda match: _OLD_TO_NEW.get(match.group(), match.group()), text)


def phrase_key(text: str) -> str:
    """A key that is the same for the same words whatever their case, tone placement or
    abbreviation ("Ủy viên TW Đảng" = "Uỷ viên Trung ương Đảng")."""
    words = modern_tone_placement(" ".join(text.split())).split()
    return " ".join(ABBREVIATIONS.get(w.lower(), w.lower()) if w.isupper() else w.lower() for w in words)


def clearest_form(forms: list[str]) -> str:
    """Of several spellings of one phrase, the unabbreviated, properly capitalised one
    ("Trưởng Ban" over "Trưởng ban"), its tone marks placed the modern way ("Ủy", not "Uỷ")."""
    def score(form: str) -> tuple[int, int]:
        words = form.split()
        abbreviated = sum(w.lower() in ABBREVIATIONS and w.isupper() for w in words)
        return (-abbreviated, sum(w[:1].isupper() for w in words))
    return modern_tone_placement(max(forms, key=score))


def sentences(text: str) -> list[str]:
    """The sentences of `text`: split after ".", "!" or "?" and at line breaks."""
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
