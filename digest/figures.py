"""Key figures of an article or a story: people, numbers, documents, places, the event's date.

Pure: plain text in, `Figures` out; no network, no database, no configuration.

    extract_figures(text, published, article_id, title) -> Figures     one article
    story_figures(articles) -> Figures                                 one story, sources merged
    figures_to_json(figures) -> dict                                   what `digest figures` prints

The rules live beside this module: `figures_people` (names, titles, chairs), `figures_numbers`
(numbers, units, measures), `figures_documents` (documents cited) and `figures_places` (the
meeting, its places and date). This module runs them and merges a story's articles.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from digest.errors import InputError
from digest.figures_documents import find_documents, merge_documents
from digest.figures_numbers import find_numbers, parse_number
from digest.figures_people import find_people, merge_titles
from digest.figures_places import find_event_date, find_places, keep_longest, place_key
from digest.figures_text import clearest_form, phrase_key
from digest.models import Article, Figures, Number, Person

__all__ = ["extract_figures", "figures_to_json", "merge_people", "parse_number",
           "reconcile_numbers", "story_figures"]

# Share of the shorter measure's words two measures must have in common to name one thing.
SAME_MEASURE_OVERLAP = 0.6
# How far the title is looked for at the top of the body before it is read in again.
TITLE_IN_BODY_WINDOW = 200


def extract_figures(text: str, published: datetime | None = None, article_id: str | None = None,
                    title: str = "") -> Figures:
    """The key figures of one article.

    `published` gives the year to dates written without one ("Chiều 28/7"); `article_id` is
    stamped on every number; `title` is read for people, documents, places and the date, and
    for the numbers the body does not repeat ("Siêu xe hơn 10 tỉ bị ... tông văng hơn 10 m").
    """
    _check_inputs(text, published, article_id, title)
    body = unicodedata.normalize("NFC", text)
    heading = unicodedata.normalize("NFC", title).strip()
    in_body = not heading or heading in body[:len(heading) + TITLE_IN_BODY_WINDOW]
    full = body if in_body else f"{heading}\n\n{body}"
    numbers = find_numbers(body, article_id)
    if not in_body:
        numbers += _numbers_only_in(heading, numbers, article_id)
    return Figures(
        people=find_people(full),
        numbers=tuple(numbers),
        documents=find_documents(full),
        places=find_places(full),
        event_date=find_event_date(full, published),
    )


def _numbers_only_in(title: str, body_numbers: list[Number], article_id: str | None) -> list[Number]:
    """The figures of the title whose value the body does not give: headlines often carry the
    one figure the body leaves out, and otherwise repeat the body's, same or rounded ("9 triệu
    xe" for "9.014.000 chiếc")."""
    return [n for n in find_numbers(title, article_id)
            if not any(_same_value(n, seen) or _rounded(n.value, seen.value) for seen in body_numbers)]


def _rounded(headline: float, body: float) -> bool:
    """Whether a headline's figure is the body's rounded to the headline's significant digits
    ("9 triệu" for 9.014.000, not 0,54% for 0,55%, nor "2 đạo chích" for a height of 1m65). An
    equal value in another unit is another fact ("tàu hơn 30.000 tấn", "bến tàu 30.000 DWT")."""
    digits = len(f"{abs(headline):.15g}".replace(".", "").strip("0")) or 1
    return headline != body and abs(body) >= 10 and float(f"{body:.{digits}g}") == headline


def _check_inputs(text: object, published: object, article_id: object, title: object) -> None:
    """Wrong types are the caller's mistake, reported as the project's own error."""
    for name, value in (("text", text), ("title", title)):
        if not isinstance(value, str):
            raise InputError(f"article {name} must be a string, not {type(value).__name__}")
    if article_id is not None and not isinstance(article_id, str):
        raise InputError(f"article id must be a string, not {type(article_id).__name__}")
    if published is not None and not isinstance(published, datetime):
        raise InputError(f"published must be a datetime, not {type(published).__name__}")


def story_figures(articles: Sequence[Article]) -> Figures:
    """The figures of a story: each article's figures merged, every source kept."""
    per_article = [extract_figures(a.text, a.published, a.id, a.title) for a in articles]
    return Figures(
        people=merge_people([p for f in per_article for p in f.people]),
        numbers=reconcile_numbers([n for f in per_article for n in f.numbers]),
        documents=merge_documents([d for f in per_article for d in f.documents]),
        places=merge_places([p for f in per_article for p in f.places]),
        event_date=_most_reported([f.event_date for f in per_article]),
    )


def merge_people(people: Sequence[Person]) -> tuple[Person, ...]:
    """One entry per person (however the name's tone marks are placed), chairs first.

    Titles start with those of the source that lists most of them, so they keep its order
    ("Đại tướng, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an"); the others' are added once.
    A person is a chair when any source says so.
    """
    by_name: dict[str, list[Person]] = {}
    for person in people:
        by_name.setdefault(phrase_key(person.name), []).append(person)
    merged = []
    for same in by_name.values():
        titles = [t for p in sorted(same, key=lambda p: -len(p.titles)) for t in p.titles]
        merged.append(Person(clearest_form([p.name for p in same]), merge_titles(titles),
                             any(p.chair for p in same)))
    return tuple(sorted(merged, key=lambda p: not p.chair))


def reconcile_numbers(numbers: Sequence[Number]) -> tuple[Number, ...]:
    """Each figure once with all the articles that report it; figures that disagree side by side.

    Two figures are the same when value, unit and range agree and their measures name the same
    thing (or one has none). Two disagree when they come from different articles, have the
    same unit and measure, and different values: both are kept, marked `disputed`, next to
    each other, so a reader sees the conflict instead of a silently chosen value.
    """
    merged: list[Number] = []
    for number in numbers:
        number = _with_sources(number)
        for n, kept in enumerate(merged):
            if _same_value(kept, number) and _same_measure(kept.measure, number.measure, empty_ok=True):
                sources = kept.sources + tuple(s for s in number.sources if s not in kept.sources)
                merged[n] = replace(kept, sources=sources, measure=kept.measure or number.measure)
                break
        else:
            merged.append(number)
    return _disputes_side_by_side(merged)


def _with_sources(number: Number) -> Number:
    if number.sources or not number.article_id:
        return number
    return replace(number, sources=(number.article_id,))


def _same_value(a: Number, b: Number) -> bool:
    close = abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))
    return close and (a.unit, a.upper, a.total) == (b.unit, b.upper, b.total)


def _same_measure(a: str, b: str, empty_ok: bool = False) -> bool:
    """Whether two measures name the same thing: most of the shorter one's words are shared."""
    words_a, words_b = set(phrase_key(a).split()), set(phrase_key(b).split())
    if not words_a or not words_b:
        return empty_ok
    return len(words_a & words_b) >= SAME_MEASURE_OVERLAP * min(len(words_a), len(words_b))


def _disagree(a: Number, b: Number) -> bool:
    """Whether two articles give different values for what reads as the same figure."""
    return (bool(a.sources) and bool(b.sources) and not set(a.sources) & set(b.sources)
            and a.unit == b.unit and not _same_value(a, b) and _same_measure(a.measure, b.measure))


def _disputes_side_by_side(numbers: list[Number]) -> tuple[Number, ...]:
    ordered: list[Number] = []
    placed: set[int] = set()
    for i, number in enumerate(numbers):
        if i in placed:
            continue
        rivals = [j for j in range(i + 1, len(numbers)) if j not in placed and _disagree(number, numbers[j])]
        ordered.append(replace(number, disputed=True) if rivals else number)
        ordered.extend(replace(numbers[j], disputed=True) for j in rivals)
        placed.update([i, *rivals])
    return tuple(ordered)


def merge_places(places: Sequence[str]) -> tuple[str, ...]:
    """Places once each: of the meeting kinds, the most detailed when the others are part of
    it; of the places, the longest way each was written."""
    kinds = [p for p in places if not p.startswith(("điểm cầu ", "tại "))]
    kept: dict[str, str] = {}
    widest = max(kinds, key=lambda k: len(k.split()), default="")
    if all(set(phrase_key(k).split()) <= set(phrase_key(widest).split()) for k in kinds):
        kinds = [widest] if widest else []
    for kind in kinds:
        kept.setdefault(phrase_key(kind), kind)
    for place in places:
        if place.startswith(("điểm cầu ", "tại ")):
            keep_longest(kept, place_key(place), place)
    return tuple(kept.values())


def _most_reported(dates: Sequence[date | None]) -> date | None:
    """The date most articles give; on a tie, the earliest."""
    counts = Counter(d for d in dates if d)
    if not counts:
        return None
    most = max(counts.values())
    return min(d for d, n in counts.items() if n == most)


def figures_to_json(figures: Figures) -> dict[str, Any]:
    """Figures as plain JSON-ready data, for `digest figures`."""
    return {
        "people": [{"name": p.name, "titles": list(p.titles), "chair": p.chair} for p in figures.people],
        "numbers": [_number_to_json(n) for n in figures.numbers],
        "documents": list(figures.documents),
        "places": list(figures.places),
        "event_date": figures.event_date.isoformat() if figures.event_date else None,
    }


def _number_to_json(number: Number) -> dict[str, Any]:
    data: dict[str, Any] = {
        "value": number.value, "unit": number.unit, "text": number.text, "measure": number.measure,
        "clause": number.clause, "sources": list(_with_sources(number).sources),
    }
    if number.upper is not None:
        data["upper"] = number.upper
    if number.total is not None:
        data["total"] = number.total
    if number.disputed:
        data["disputed"] = True
    return data
