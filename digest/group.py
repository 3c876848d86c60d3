"""Group articles into stories: one story per real-world meeting or event.

Pure: articles in, stories out, no database or configuration (what lets `digest group` run on
a JSONL file). The steps:

1. vectors and candidate pairs (`digest.group_vectors`): TF-IDF over syllables and syllable
   pairs; only articles sharing a distinctive term are compared;
2. what tells two meetings of the same kind apart: publication times too far apart, or event
   days named in the text that differ, push a pair's similarity down;
3. average linkage over those pairs (`digest.group_linkage`), starting from the stories that
   exist already and respecting editors' merges and splits; two clusters that are each tight
   and looser together stay apart (two events on one topic); then each new article that is
   closer to another cluster than to its own moves there;
4. per story: its title, event day, a short extractive summary and why its articles belong
   together (`digest.group_story`).

Story ids are stable: a story that exists keeps its id as articles join it; two stories that
exist are never merged except by an editor; a new story's id derives from its first article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

import numpy as np
import scipy.sparse as sp

from digest.group_linkage import average_linkage, reassign
from digest.group_story import describe_story
from digest.group_vectors import candidate_pairs, pair_similarity, vectorize
from digest.models import Article, Story
from digest.text import DEFAULT_TZ, date_mentions

# Average cosine similarity two clusters need to be one story; the top of a plateau on the eval
# set, where any value from 0.06 to 0.12 gives the same F1 (see benchmarks/grouping.py).
THRESHOLD = 0.12
# Two clusters of three or more articles each also need to be at least this close, relative to
# the looser of the two on its own: the follow-up of an event ("the airport's runway failed",
# "the runway is repaired") shares its topic, but each report is closer to its own event.
COHESION_RATIO = 0.6
# Reports of one event are published within days of each other; beyond this, another session.
MAX_PUBLISHED_GAP = timedelta(days=10)
# Two articles whose leads name event days more than a day apart report different events (the
# same flood two days later is another flood); one day apart is "tối 26/7" against "sáng 27/7".
MAX_EVENT_DAY_GAP = 1
EVENT_DAY_PENALTY = 0.1
# Salience a date mention needs to count as the article's event day (see text._salience).
EVENT_DAY_SALIENCE = 4.0


def group_articles(articles: Sequence[Article], existing: Mapping[str, str] | None = None,
                   must_link: Iterable[tuple[str, str]] = (),
                   cannot_link: Iterable[tuple[str, str]] = (),
                   tz: str = DEFAULT_TZ, threshold: float = THRESHOLD) -> list[Story]:
    """The stories of a batch of articles, largest first.

    `existing` maps article id -> the story it is in already; those stories keep their ids and
    are only joined, never merged together. `must_link` pairs end in one story, `cannot_link`
    pairs never do. Ids in the constraints that are not in `articles` are ignored.
    """
    articles = list({article.id: article for article in articles}.values())
    if not articles:
        return []
    position = {article.id: index for index, article in enumerate(articles)}
    existing = {a: s for a, s in (existing or {}).items() if a in position}
    vectors = vectorize((article.title, article.text) for article in articles)
    days = [event_day(article, tz) for article in articles]
    new = [position[a.id] for a in articles if a.id not in existing]
    times = _days_since_epoch([article.published for article in articles])
    left, right = candidate_pairs(vectors, times, MAX_PUBLISHED_GAP / timedelta(days=1),
                                  subset=new if len(new) < len(articles) else None)
    similarity = _apart_in_time(times, days, left, right, pair_similarity(vectors, left, right))
    related = similarity > 0
    left, right, similarity = left[related], right[related], similarity[related]
    must_link, cannot_link = list(must_link), list(cannot_link)
    clusters = average_linkage(
        len(articles), zip(left.tolist(), right.tolist(), similarity.tolist()), threshold,
        initial=_initial_groups(existing, must_link, position),
        cannot_link=[(position[a], position[b]) for a, b in cannot_link
                     if a in position and b in position],
        owners={position[a]: story for a, story in existing.items()},
        cohesion_ratio=COHESION_RATIO)
    decided = {article for pair in must_link + cannot_link for article in pair} | set(existing)
    clusters = reassign(clusters, left, right, similarity, threshold,
                        fixed=[position[a] for a in decided if a in position])
    taken = set(existing.values())
    stories = []
    for cluster in clusters:
        stories.append(_story(cluster, articles, days, vectors, existing, taken, tz))
        taken.add(stories[-1].id)
    return stories


def event_day(article: Article, tz: str = DEFAULT_TZ) -> date | None:
    """The day the article's lead says the event happened, when it says so clearly."""
    mentions = date_mentions(article.title + ".\n" + article.text[:1500], article.published, tz)
    if mentions and mentions[0].score >= EVENT_DAY_SALIENCE:
        return mentions[0].day
    return None


def _days_since_epoch(moments: Sequence[datetime | None]) -> np.ndarray:
    """Times as days (float), NaN where unknown: what pairs are compared by in bulk."""
    return np.array([moment.timestamp() / 86400 if moment else np.nan for moment in moments])


def _apart_in_time(times: np.ndarray, days: Sequence[date | None], left: np.ndarray,
                   right: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """Similarity pushed down for pairs that cannot be one event: too far apart in time.

    Published more than MAX_PUBLISHED_GAP apart: 0. Event days named more than
    MAX_EVENT_DAY_GAP apart: EVENT_DAY_PENALTY times as similar.
    """
    ordinals = np.array([day.toordinal() if day else np.nan for day in days])
    with np.errstate(invalid="ignore"):
        too_late = np.abs(times[left] - times[right]) > MAX_PUBLISHED_GAP / timedelta(days=1)
        other_day = np.abs(ordinals[left] - ordinals[right]) > MAX_EVENT_DAY_GAP
    adjusted = np.where(other_day, similarity * EVENT_DAY_PENALTY, similarity)
    return np.where(too_late, 0.0, adjusted).astype(np.float32)


def _initial_groups(existing: Mapping[str, str], must_link: Iterable[tuple[str, str]],
                    position: Mapping[str, int]) -> list[list[int]]:
    """Existing stories as groups, then each must-link pair as a group of two."""
    stories: dict[str, list[int]] = {}
    for article, story in existing.items():
        stories.setdefault(story, []).append(position[article])
    groups = list(stories.values())
    groups += [[position[a], position[b]] for a, b in must_link if a in position and b in position]
    return groups


def _story(cluster: Sequence[int], articles: Sequence[Article], days: Sequence[date | None],
           vectors: sp.csr_matrix, existing: Mapping[str, str], taken: set[str], tz: str) -> Story:
    members = [articles[i] for i in cluster]
    ids = [article.id for article in members]
    story_id = (next((existing[a] for a in ids if a in existing), None)
                or new_story_id(members, taken))
    title, summary, why, day = describe_story(members, [days[i] for i in cluster],
                                              vectors[list(cluster)], tz)
    return Story(id=story_id, article_ids=tuple(ids), title=title, event_date=day,
                 summary=summary, why=tuple(why))


def new_story_id(members: Sequence[Article], taken: set[str]) -> str:
    """A new story's id: from its earliest article, so the same grouping gives the same ids.

    An id already `taken` (the article was split out of the story it once started) is
    followed by a counter.
    """
    first = min(members, key=lambda a: (a.published is None, a.published or 0, a.id))
    base = "s" + hashlib.sha256(first.id.encode("utf-8")).hexdigest()[:12]
    candidate, count = base, 1
    while candidate in taken:
        count += 1
        candidate = f"{base}-{count}"
    return candidate
