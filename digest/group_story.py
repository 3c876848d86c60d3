"""What a story says about itself: its title, event day, summary, and why it was grouped.

The summary is extractive and prefers what the sources agree on: a sentence scores by how much
of it the story's other articles also say, with a small bonus for the lead, where Vietnamese
news puts who, what and when.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from zoneinfo import ZoneInfo

import numpy as np
import scipy.sparse as sp

from digest.group_vectors import term_column
from digest.models import Article
from digest.text import dictionary_words, find_documents, find_people, normalize, sentences, syllables

SUMMARY_SENTENCES = 2
SUMMARY_MAX_CHARS = 420
_MIN_SENTENCE_CHARS = 40
_LEAD_SENTENCES = 4
_WHY_TERMS = 5
# People and documents shared are looked for in the first part of each article, where the
# news is; the rest is background and costs time on every story.
_WHY_CHARS = 2500


def describe_story(members: Sequence[Article], days: Sequence[date | None],
                   vectors: sp.csr_matrix, tz: str) -> tuple[str, str, list[str], date | None]:
    """(title, summary, why, event day) of the story made of `members`."""
    bags = [_pairs(f"{article.title} {article.text}") for article in members]
    compact, columns = _compact(vectors)
    return (story_title(members, compact), story_summary(members, bags),
            why_grouped(members, days, (compact, columns), bags), story_day(members, days, tz))


def _compact(vectors: sp.csr_matrix) -> tuple[sp.csr_matrix, np.ndarray]:
    """The rows over only the columns they use, and those columns.

    A story's few rows use a few thousand of the 2M hashed columns; anything that touches
    every column (a dense centroid, a transpose) would cost more than the whole story.
    """
    columns = np.unique(vectors.indices)
    compact = sp.csr_matrix((vectors.data, np.searchsorted(columns, vectors.indices),
                             vectors.indptr), shape=(vectors.shape[0], len(columns)))
    return compact, columns


def story_title(members: Sequence[Article], vectors: sp.csr_matrix) -> str:
    """The clearest headline: the one of the article closest to the story's centre."""
    closeness = vectors @ np.asarray(vectors.sum(axis=0)).ravel()
    ranked = sorted(range(len(members)), key=lambda i: (not members[i].title.strip(),
                                                         -float(closeness[i]), members[i].id))
    return members[ranked[0]].title.strip() or _first_sentence(members[ranked[0]].text)


def story_day(members: Sequence[Article], days: Sequence[date | None], tz: str) -> date | None:
    """The event day most sources name; failing that, the day of the first report."""
    named = Counter(day for day in days if day is not None)
    if named:
        return max(named, key=lambda day: (named[day], day))
    published = [a.published for a in members if a.published is not None]
    return min(published).astimezone(ZoneInfo(tz)).date() if published else None


def story_summary(members: Sequence[Article], bags: Sequence[set[str]]) -> str:
    """Up to two sentences, those the other sources agree with most, in reading order.

    `bags` holds each member's syllable pairs.
    """
    scored = []
    for index, article in enumerate(members):
        for place, sentence in enumerate(_lead(article.text)):
            own = _pairs(sentence)
            if not own:
                continue
            agreement = sum(len(own & bag) / len(own) for other, bag in enumerate(bags)
                            if other != index)
            scored.append((agreement + (_LEAD_SENTENCES - place) * 0.1, index, place, sentence))
    chosen: list[tuple[int, int, str]] = []
    for _, index, place, sentence in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if len(chosen) == SUMMARY_SENTENCES:
            break
        if all(_overlap(sentence, kept) < 0.6 for _, _, kept in chosen):
            chosen.append((index, place, sentence))
    chosen.sort()
    summary = " ".join(sentence for _, _, sentence in chosen)
    return summary if len(summary) <= SUMMARY_MAX_CHARS else summary[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0] + "…"


def why_grouped(members: Sequence[Article], days: Sequence[date | None],
                vectors: tuple[sp.csr_matrix, np.ndarray], bags: Sequence[set[str]]) -> list[str]:
    """Short reasons, in Vietnamese like the digest: the day, people, documents, terms shared.

    `vectors` are the members' rows over the columns they use (see `_compact`).
    """
    if len(members) < 2:
        return []
    reasons = []
    named = Counter(day for day in days if day is not None)
    if named and max(named.values()) >= 2:
        day = max(named, key=lambda d: (named[d], d))
        reasons.append(f"cùng ngày sự kiện {day:%d/%m/%Y} ({named[day]} bài)")
    people = _shared(members, find_people)
    if people:
        reasons.append("cùng nhắc tới " + ", ".join(people[:4]))
    documents = _shared(members, find_documents)
    if documents:
        reasons.append("cùng dẫn văn bản " + ", ".join(documents[:4]))
    words = _shared_words(bags, vectors)
    if words:
        reasons.append("từ ngữ chung: " + ", ".join(words))
    return reasons


def _shared(members: Sequence[Article], find: Callable[[str], list[str]]) -> list[str]:
    """What `find` finds in at least two of the members, most widely shared first."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for article in members:
        for found in dict.fromkeys(find(f"{article.title}\n{article.text[:_WHY_CHARS]}")):
            key = normalize(found)
            counts[key] += 1
            shown.setdefault(key, found)
    return [shown[key] for key, count in counts.most_common() if count >= 2]


def _shared_words(bags: Sequence[set[str]], vectors: tuple[sp.csr_matrix, np.ndarray]
                  ) -> list[str]:
    """Whole words most of the members use, heaviest in the story's TF-IDF first."""
    words = dictionary_words()
    counts: Counter[str] = Counter()
    for found in bags:
        counts.update(found & words if words else found)
    needed = max(2, (len(bags) + 1) // 2)
    common = sorted(pair for pair, count in counts.items() if count >= needed)
    if not common:
        return []
    compact, columns = vectors
    totals = np.asarray(compact.sum(axis=0)).ravel()

    def weight(pair: str) -> float:
        at = int(np.searchsorted(columns, term_column(pair)))
        return float(totals[at]) if at < len(columns) and columns[at] == term_column(pair) else 0.0

    return sorted(common, key=lambda pair: (-weight(pair), pair))[:_WHY_TERMS]


def _lead(text: str) -> list[str]:
    found = [s for s in sentences(text) if len(s) >= _MIN_SENTENCE_CHARS]
    return found[:_LEAD_SENTENCES]


def _first_sentence(text: str) -> str:
    found = sentences(text)
    return found[0][:120] if found else ""


def _pairs(text: str) -> set[str]:
    words = syllables(text)
    return {f"{a} {b}" for a, b in zip(words, words[1:])}


def _overlap(a: str, b: str) -> float:
    first, second = _pairs(a), _pairs(b)
    return len(first & second) / max(1, min(len(first), len(second)))
