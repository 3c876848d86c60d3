"""Incremental grouping: 20 new articles arrive in a store of 100,000 already grouped.

    python -m benchmarks.incremental                  # 100,000 stored, 20 new
    python -m benchmarks.incremental --stored 10000 --new 20

The store (SQLite, in a temporary folder) is filled with synthetic articles from
benchmarks.corpus (the labelled set's events repeated over the years, about 1,950 articles
every 35 days, so 100,000 articles cover some five years) and grouped once by the real path,
`pipeline.update_stories`. Then the next `--new` articles are stored the way a poll stores
them (`Store.save_poll`) and `update_stories` runs again: that second call is what is timed,
and its result is checked: the new articles are placed, no story outside the grouping window
changed, and the new articles' stories are scored against the gold labels.

Judged by: the update after a poll under 2 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from benchmarks.corpus import SyntheticArticle, met, print_table, synthetic_articles
from digest.models import ArticleDraft, FetchResult, Story
from digest.pipeline import update_stories
from digest.store import FeedInfo, Store, open_store

SECONDS_TARGET = 2.0
FEED_URL = "http://127.0.0.1/bench.rss"
BATCH = 5000


def store_articles(store: Store, articles: Sequence[SyntheticArticle]) -> list[str]:
    """Store `articles` as polls of one feed would, in batches; the ids the store gave them."""
    ids: list[str] = []
    for start in range(0, len(articles), BATCH):
        drafts = [ArticleDraft(feed_url=FEED_URL, url=a.url, guid=a.id, title=a.title,
                               text=a.text, published=a.published_at)
                  for a in articles[start:start + BATCH]]
        ids += store.save_poll(FetchResult(feed_url=FEED_URL, status=200), drafts)
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    articles = synthetic_articles(args.stored + args.new, seed=args.seed)
    old, new = articles[:args.stored], articles[args.stored:]
    with tempfile.TemporaryDirectory(prefix="digest-bench-incr-") as workdir:
        with open_store(f"sqlite:///{Path(workdir) / 'digest.db'}") as store:
            store.sync_feeds([FeedInfo(url=FEED_URL, name="bench")])
            start = time.perf_counter()
            old_ids = store_articles(store, old)
            filled = time.perf_counter() - start
            start = time.perf_counter()
            update_stories(store, "Asia/Ho_Chi_Minh")
            first = time.perf_counter() - start
            before = store.stories()
            new_ids = store_articles(store, new)
            start = time.perf_counter()
            touched = update_stories(store, "Asia/Ho_Chi_Minh")
            update = time.perf_counter() - start
            after = {story.id: story for story in store.stories()}
    placed = {a for story in after.values() for a in story.article_ids}
    gold = {stored: a.story for stored, a in zip(old_ids + new_ids, old + new, strict=True)}

    changed_outside = _changed_outside(before, after, {s.id for s in touched})
    precision, recall = _new_story_scores(new_ids, after, gold)
    print(f"incremental: {args.new} new articles into a store of {args.stored} "
          f"(SQLite), {date.today()}")
    print_table(["measure", "value", "target", "met"], [
        ["store filled", f"{filled:.1f} s", "", ""],
        ["first grouping, whole store", f"{first:.1f} s", "", ""],
        ["stories regrouped by the update", f"{len(touched)} of {len(after)}", "", ""],
        ["update after the poll", f"{update:.2f} s", f"< {SECONDS_TARGET:.0f} s",
         met(update < SECONDS_TARGET)],
        ["new articles placed", f"{len(set(new_ids) & placed)} of {len(new_ids)}", "all",
         met(set(new_ids) <= placed)],
        ["stories outside the window changed", str(changed_outside), "0",
         met(changed_outside == 0)],
        ["new articles' stories, pairwise P / R", f"{precision:.3f} / {recall:.3f}", "", ""],
    ])
    return 0 if update < SECONDS_TARGET and set(new_ids) <= placed else 1


def _changed_outside(before: Sequence[Story], after: dict[str, Story], touched: set[str]) -> int:
    """Stories the update did not hand back whose articles are no longer the same."""
    return sum(1 for story in before if story.id not in touched
               and set(after.get(story.id, story).article_ids) != set(story.article_ids))


def _new_story_scores(new_ids: Sequence[str], stories: dict[str, Story],
                      gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the pairs (new article, any other article)."""
    story_of = {a: s.id for s in stories.values() for a in s.article_ids}
    by_gold: dict[str, set[str]] = {}
    for article, label in gold.items():
        by_gold.setdefault(label, set()).add(article)
    found = right = wanted = 0
    for article in new_ids:
        mates = set(stories[story_of[article]].article_ids) - {article}
        truth = by_gold[gold[article]] - {article}
        found, right, wanted = found + len(mates), right + len(mates & truth), wanted + len(truth)
    return (right / found if found else 1.0), (right / wanted if wanted else 1.0)


if __name__ == "__main__":
    sys.exit(main())
