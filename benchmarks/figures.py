"""Key-figure quality and speed: people and numbers scored against hand labels, and the time
`story_figures` takes on real stories.

    python -m benchmarks.figures              # the tables, and whether the targets are met
    python -m benchmarks.figures --misses     # also every missed and every wrong item

Labels: tests/fixtures/figures_labels.jsonl, one article a line, made by reading the article
before looking at what the extractor gives (the rules are in docs/figures.md). 123 samples:
"seeds" (the five seed articles, the development set), "seed 11" (twenty articles of
../shared/eval/vims.jsonl under 2,200 characters, `random.seed(11)`), then "seed 23" to "seed
727" (twenty more each the same way with that seed, articles already labelled left out),
"the rest" (the 77 articles under 2,200 characters none of those had drawn), and four samples
of the longer ones: "long articles" (45 of 494, `random.seed(739)`, `random.sample(longer,
45)`), "more long articles" (45, `random.seed(743)`), "third long articles" (50,
`random.seed(751)`) and "fourth long articles" (50, `random.seed(757)`), each among those left.
Each was held out once and its misses then studied, but for the last (HELD_OUT), whose misses
are unread; since "seed 71" they were labelled blind by helpers given only the articles and the
protocol. The targets are judged on HELD_OUT; the first run of each, the one that counts, is in
docs/figures.md, and what this prints for the earlier ones is after their misses were read.

Scoring, per article:
- people: a found name is right when it equals a label (case and tone placement ignored) or the
  label is one word the found name ends with ("Messi" for "Lionel Messi"). `people_optional`
  holds names that are neither required nor wrong (a player called only "Công Phượng", a
  misspelling of a labelled name): found, they are left out of precision.
- numbers: a found figure is right when its value (and high end, for a range) is a labelled
  one; each label is found when a distinct found figure has its value. The same figure
  repeated in a text is not counted wrong.

Speed: `story_figures` on the first 50 stories of vims.jsonl (333 articles), CPU time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import EVAL_PATH, met, print_table
from digest.figures import extract_figures, story_figures
from digest.figures_text import phrase_key
from digest.models import Article, Figures, Number

LABELS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "figures_labels.jsonl"
SEEDS = EVAL_PATH.parents[1] / "seeds"
# The last samples drawn: few articles were left to draw from, so each seed gave one to six.
SEEDS_593_TO_727 = (593, 599, 601, 607, 613, 617, 619, 631, 641, 643, 647, 653, 659, 661, 673, 677, 683,
                    691, 701, 719, 727)
SAMPLES = ("seeds", "seed 11", "seed 23", "seed 37", "seed 41", "seed 53", "seed 59", "seed 61",
           "seed 67", "seed 71", "seed 73", "seed 79", "seed 83", "seed 89", "seed 97", "seed 101", "seed 103",
           "seed 107", "seed 109", "seed 113", "seed 127",
           "seed 131", "seed 137", "seed 139", "seed 149", "seed 151", "seed 157", "seed 163",
           "seed 167", "seed 173", "seed 179", "seed 181", "seed 191", "seed 193", "seed 197",
           "seed 199", "seed 211", "seed 223", "seed 227", "seed 229",
           "seed 233", "seed 239", "seed 241", "seed 251", "seed 257",
           "seed 263", "seed 269", "seed 271", "seed 277", "seed 281", "seed 283",
           "seed 293", "seed 307", "seed 311", "seed 313", "seed 317", "seed 331",
           "seed 337", "seed 347", "seed 349", "seed 353", "seed 359", "seed 367", "seed 373",
           "seed 379", "seed 383", "seed 389", "seed 397", "seed 401", "seed 409", "seed 419",
           "seed 421", "seed 431", "seed 433", "seed 439",
           "seed 443", "seed 449", "seed 457", "seed 461", "seed 463", "seed 467", "seed 479",
           "seed 487", "seed 491", "seed 499",
           "seed 503", "seed 509", "seed 521", "seed 523", "seed 541", "seed 547", "seed 557",
           "seed 563", "seed 569", "seed 571", "seed 577", "seed 587",
           *(f"seed {n}" for n in SEEDS_593_TO_727), "the rest", "long articles",
           "more long articles", "third long articles", "fourth long articles")
# The latest samples labelled blind: the targets are judged on these, pooled. Their first run
# is in docs/figures.md.
HELD_OUT = ("fourth long articles",)
RECALL_TARGET = 0.9
PRECISION_TARGET = 0.95
STORIES_TIMED = 50
SECONDS_TIMED = 3.0  # for the 50 stories; about 3-4 ms an article was measured


@dataclass
class Tally:
    """Counts for one kind of figure: what was labelled, found, right, and the misses."""

    labels: int = 0
    found: int = 0
    right: int = 0
    found_labels: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.found_labels / self.labels if self.labels else 1.0


def pooled(tallies: list[Tally]) -> Tally:
    """One tally of several samples' counts."""
    return Tally(*(sum(getattr(t, name) for t in tallies) for name in ("labels", "found", "right", "found_labels")))


def load_articles() -> dict[str, Article]:
    """The labelled articles: vims.jsonl by id, the seeds by "seeds/FILE"."""
    articles = {}
    for line in EVAL_PATH.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["id"]] = Article(id=row["id"], title=row["title"], text=row["text"])
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        articles[f"seeds/{path.name}"] = Article(id=path.name[:3], title=title, text=body)
    return articles


def name_matches(found: str, label: str) -> bool:
    found_key, label_key = phrase_key(found), phrase_key(label)
    return found_key == label_key or (" " not in label_key and found_key.split()[-1] == label_key)


def score_people(found: list[str], labels: list[str], optional: list[str], tally: Tally,
                 where: str) -> None:
    tally.labels += len(labels)
    for name in found:
        if any(name_matches(name, label) for label in labels):
            tally.found += 1
            tally.right += 1
        elif not any(name_matches(name, other) for other in optional):
            tally.found += 1
            tally.wrong.append(f"{where}: {name}")
    for label in labels:
        if any(name_matches(name, label) for name in found):
            tally.found_labels += 1
        else:
            tally.missed.append(f"{where}: {label}")


def number_matches(number: Number, label: list[float]) -> bool:
    def close(a: float, b: float) -> bool:
        return abs(a - b) <= 1e-9 * max(1.0, abs(b))
    upper = label[1] if len(label) > 1 else None
    same_upper = upper is None if number.upper is None else upper is not None and close(number.upper, upper)
    return close(number.value, label[0]) and same_upper


def score_numbers(found: tuple[Number, ...], labels: list[list[float]], tally: Tally, where: str) -> None:
    tally.labels += len(labels)
    tally.found += len(found)
    for number in found:
        if any(number_matches(number, label) for label in labels):
            tally.right += 1
        else:
            tally.wrong.append(f"{where}: {number.text}")
    unused = list(found)
    for label in labels:
        match = next((n for n in unused if number_matches(n, label)), None)
        if match is None:
            tally.missed.append(f"{where}: " + "-".join(f"{v:g}" for v in label))
        else:
            unused.remove(match)
            tally.found_labels += 1


def score(articles: dict[str, Article]) -> tuple[dict[str, tuple[Tally, Tally]], float, int]:
    """People and number tallies per sample, and the seconds and count of articles read."""
    tallies = {sample: (Tally(), Tally()) for sample in SAMPLES}
    seconds, count = 0.0, 0
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        article = articles[label["id"]]
        started = time.process_time()
        figures: Figures = extract_figures(article.text, article.published, article.id, article.title)
        seconds += time.process_time() - started
        count += 1
        people, numbers = tallies[label["sample"]]
        score_people([p.name for p in figures.people], label["people"], label["people_optional"],
                     people, label["id"])
        score_numbers(figures.numbers, label["numbers"], numbers, label["id"])
    return tallies, seconds, count


def time_stories() -> tuple[float, int]:
    """CPU seconds of `story_figures` on the first stories of vims.jsonl, and their articles."""
    by_story: dict[str, list[Article]] = defaultdict(list)
    for line in EVAL_PATH.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_story[row["story"]].append(Article(id=row["id"], title=row["title"], text=row["text"]))
    stories = list(by_story.values())[:STORIES_TIMED]
    started = time.process_time()
    for articles in stories:
        story_figures(articles)
    return time.process_time() - started, sum(map(len, stories))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every missed and wrong item")
    args = parser.parse_args(argv)
    tallies, seconds, count = score(load_articles())
    rows = []
    for sample, (people, numbers) in tallies.items():
        for kind, tally in (("people", people), ("numbers", numbers)):
            rows.append([sample, kind, tally.labels, tally.found, tally.right,
                         f"{tally.precision:.2f}", f"{tally.recall:.2f}"])
    print(f"figures: {count} labelled articles, {1000 * seconds / count:.1f} ms of CPU an article")
    print_table(["sample", "kind", "labels", "found", "right", "precision", "recall"], rows)
    story_seconds, story_articles = time_stories()
    print()
    held_out = [pooled([tallies[sample][k] for sample in HELD_OUT]) for k in (0, 1)]
    judged_on = HELD_OUT[0] if len(HELD_OUT) == 1 else f"{HELD_OUT[0]} to {HELD_OUT[-1]}, {len(HELD_OUT)} samples pooled"
    print_table(["judged by", "value", "target", "met"], [
        *([f"{kind} {measure}, {judged_on}", f"{value:.2f}", f">= {target}", met(value >= target)]
          for kind, tally in (("people", held_out[0]), ("numbers", held_out[1]))
          for measure, value, target in (("precision", tally.precision, PRECISION_TARGET),
                                         ("recall", tally.recall, RECALL_TARGET))),
        [f"story_figures, {STORIES_TIMED} stories ({story_articles} articles), s",
         f"{story_seconds:.2f}", f"< {SECONDS_TIMED}", met(story_seconds < SECONDS_TIMED)],
    ])
    print(f"({judged_on}: what the rules give now. Once its misses are read and fixed it judges no more;\n"
          " its first run, the blind one, is in docs/figures.md.)")
    if args.misses:
        for sample, (people, numbers) in tallies.items():
            for what, items in (("people missed", people.missed), ("people wrong", people.wrong),
                                ("numbers missed", numbers.missed), ("numbers wrong", numbers.wrong)):
                if items:
                    print(f"\n{sample}, {what}:\n  " + "\n  ".join(items))
    return 0 if story_seconds < SECONDS_TIMED else 1


if __name__ == "__main__":
    sys.exit(main())
