"""Grouping at scale: `digest group` on 1k, 10k and 100k synthetic articles.

    python -m benchmarks.grouping_scale                       # 1,000 10,000 100,000
    python -m benchmarks.grouping_scale --sizes 1000 10000

The articles come from benchmarks.corpus (events re-dated, re-placed and re-numbered from the
labelled set, so each has a gold label). Each size runs the real command,
`python -m digest group --input articles.jsonl --output stories.jsonl`, in its own process; its
wall time and peak resident memory are that process's (os.wait4), and the stories it writes are
scored against the gold labels with B-cubed and pairwise precision, recall and F1 (an article
the output leaves out counts as a story of its own).

Judged by: 100k within 300 s; time(100k) / time(10k) under 12 (n log n gives 12.5); peak
memory under 3 GB; B-cubed F1 at 100k no more than 0.02 below F1 at 1k.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import met, print_table, synthetic_articles, write_jsonl
from benchmarks.scoring import Scores, bcubed, pairwise

SECONDS_TARGET = 300.0
GROWTH_TARGET = 12.0
MEMORY_TARGET_MB = 3000.0
F1_DROP_TARGET = 0.02


@dataclass(frozen=True)
class Run:
    size: int
    seconds: float
    peak_mb: float
    stories: int
    events: int
    bcubed: Scores
    pairwise: Scores


def run_group(folder: Path, size: int, seed: int) -> Run:
    """Generate `size` articles, group them with `digest group`, time and score it."""
    articles = synthetic_articles(size, seed=seed)
    source = write_jsonl(articles, folder / f"articles-{size}.jsonl")
    output = folder / f"stories-{size}.jsonl"
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "digest", "group", "--input", str(source),
                              "--output", str(output)], stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[1])
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"digest group failed on {size} articles: {errors[-2000:]}")
    predicted = {article: line["story"]
                 for line in map(json.loads, output.read_text(encoding="utf-8").splitlines())
                 for article in line["articles"]}
    gold = {article.id: article.story for article in articles}
    return Run(size=size, seconds=seconds, peak_mb=usage.ru_maxrss / 1024,
               stories=len(set(predicted.values())), events=len(set(gold.values())),
               bcubed=bcubed(predicted, gold), pairwise=pairwise(predicted, gold))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="digest-bench-group-") as workdir:
        runs = [run_group(Path(workdir), size, args.seed) for size in sorted(args.sizes)]
    print(f"grouping: digest group on {', '.join(f'{run.size:,}' for run in runs)} "
          "synthetic articles (benchmarks.corpus)")
    print_table(["articles", "events", "stories", "seconds", "peak MB", "B3 P", "B3 R", "B3 F1",
                 "pair P", "pair R", "pair F1"],
                [[f"{r.size:,}", f"{r.events:,}", f"{r.stories:,}", f"{r.seconds:.1f}",
                  f"{r.peak_mb:.0f}", *(f"{value:.3f}" for value in (
                      r.bcubed.precision, r.bcubed.recall, r.bcubed.f1, r.pairwise.precision,
                      r.pairwise.recall, r.pairwise.f1))] for r in runs])
    print()
    print_table(["judged by", "value", "target", "met"], judgements(runs))
    return 0


def judgements(runs: list[Run]) -> list[list[str]]:
    """The targets that the sizes run can judge (all four need 1k, 10k and 100k)."""
    by_size = {run.size: run for run in runs}
    largest, smallest = runs[-1], runs[0]
    rows = [[f"seconds at {largest.size:,}", f"{largest.seconds:.1f}", f"<= {SECONDS_TARGET:.0f}",
             met(largest.seconds <= SECONDS_TARGET)],
            ["peak memory, MB", f"{max(r.peak_mb for r in runs):.0f}",
             f"< {MEMORY_TARGET_MB:.0f}", met(max(r.peak_mb for r in runs) < MEMORY_TARGET_MB)]]
    if 10_000 in by_size and 100_000 in by_size:
        growth = by_size[100_000].seconds / by_size[10_000].seconds
        rows.append(["time(100k) / time(10k)", f"{growth:.2f}", f"< {GROWTH_TARGET:.0f}",
                     met(growth < GROWTH_TARGET)])
    drop = smallest.bcubed.f1 - largest.bcubed.f1
    rows.append([f"B3 F1 at {smallest.size:,} - at {largest.size:,}", f"{drop:.3f}",
                 f"<= {F1_DROP_TARGET}", met(drop <= F1_DROP_TARGET)])
    return rows


if __name__ == "__main__":
    sys.exit(main())
