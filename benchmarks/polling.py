"""Polling: `digest poll` on N feeds of M items served on 127.0.0.x, against bare feedparser.

    python -m benchmarks.polling                    # 1,000 feeds x 50 items, 100 hosts
    python -m benchmarks.polling --feeds 20 --items 5

Measured in one run, in this order: the baseline (feedparser.parse on every feed's bytes, one
after another, in this process), the first `digest poll` (every item new: fetched, extracted,
stored, stories grouped), the baseline again (the machine is shared: two baseline runs bracket
the first poll, and the ratio uses their mean), and the second poll, `digest poll --all` (every
feed is asked again and answers 304). Each poll is the real command, `python -m digest -c
feeds.yaml poll`, in its own process, so its time includes starting Python and importing digest.
The first poll also reports its own split: fetching, extracting and storing, then grouping.

Judged by: first poll, everything new stored / bare parse <= 1.5 (the whole command, grouping
50,000 new articles included, is shown beside it: grouping has its own benchmarks);
second poll / first poll < 0.05.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import feedparser

from benchmarks.corpus import (feed_layout, met, print_table, serve_feeds, synthetic_articles,
                               write_feeds)


FIRST_TARGET = 1.5
SECOND_TARGET = 0.05


def bare_parse_seconds(documents: list[bytes]) -> float:
    """feedparser.parse on each document in turn: the least any poller has to do."""
    start = time.perf_counter()
    for data in documents:
        feedparser.parse(io.BytesIO(data))
    return time.perf_counter() - start


def write_config(folder: Path, urls: list[str], names: list[str]) -> Path:
    """feeds.yaml for the served feeds (JSON is YAML), with the store in the same folder."""
    config = {"store": "sqlite:///digest.db", "output": "output",
              "feeds": [{"url": url, "name": name} for url, name in zip(urls, names)]}
    path = folder / "feeds.yaml"
    path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def run_poll(config: Path, *options: str) -> tuple[float, str]:
    """Run `digest poll` once; its wall time and its summary line. Raises if it fails."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "digest", "-c", str(config), "poll", *options],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"digest poll failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[-1]


def stage_seconds(summary: str) -> tuple[float, float]:
    """(fetched and stored, grouped) seconds from the line `digest poll` ends with."""
    found = re.search(r"stored in ([0-9.]+) s, grouped in ([0-9.]+) s", summary)
    if not found:
        raise RuntimeError(f"no timings in the poll's summary: {summary!r}")
    return float(found.group(1)), float(found.group(2))


def stored_articles(folder: Path) -> int:
    with sqlite3.connect(folder / "digest.db") as db:
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=100,
                        help="loopback hosts the feeds are spread over (127.0.0.1 ...)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="digest-bench-poll-") as workdir:
        folder = Path(workdir)
        # A week of news ending yesterday: all of it inside the grouping window.
        start = datetime.now(timezone.utc).date() - timedelta(days=8)
        articles = synthetic_articles(args.feeds * args.items, seed=args.seed, span_days=7,
                                      start=start)
        layout = feed_layout(args.feeds, min(args.hosts, args.feeds))
        items = [articles[i::args.feeds] for i in range(args.feeds)]
        documents = write_feeds(folder / "served", layout, items)
        megabytes = sum(map(len, documents)) / 1e6
        with serve_feeds(folder / "served", min(args.hosts, args.feeds)) as bases:
            config = write_config(folder, [feed.url(bases) for feed in layout],
                                  [feed.name for feed in layout])
            bare_before = bare_parse_seconds(documents)
            first, first_line = run_poll(config)
            bare_after = bare_parse_seconds(documents)
            stored = stored_articles(folder)
            second, second_line = run_poll(config, "--all")
    bare = (bare_before + bare_after) / 2
    stored_in, grouped_in = stage_seconds(first_line)
    print(f"polling: {args.feeds} feeds x {args.items} items ({megabytes:.1f} MB of RSS) "
          f"on {min(args.hosts, args.feeds)} loopback hosts, {date.today()}")
    print(f"first poll:  {first_line}")
    print(f"second poll: {second_line}")
    print_table(["measure", "seconds", "ratio", "target", "met"], [
        ["bare feedparser.parse, before", f"{bare_before:.2f}", "", "", ""],
        ["bare feedparser.parse, after", f"{bare_after:.2f}", "", "", ""],
        ["digest poll, first: start, fetch, store", f"{first - grouped_in:.2f}",
         f"{(first - grouped_in) / bare:.2f} x bare", f"<= {FIRST_TARGET}",
         met((first - grouped_in) / bare <= FIRST_TARGET)],
        ["  of which fetched, extracted, stored", f"{stored_in:.2f}", "", "", ""],
        ["  then grouping the new articles", f"{grouped_in:.2f}", "", "", ""],
        ["digest poll, first, whole command", f"{first:.2f}", f"{first / bare:.2f} x bare",
         "", ""],
        ["digest poll, second (all 304)", f"{second:.2f}", f"{second / first:.3f} x first",
         f"< {SECOND_TARGET}", met(second / first < SECOND_TARGET)],
    ])
    print(f"articles stored: {stored} of {args.feeds * args.items}")
    return 0 if stored == len(articles) else 1


if __name__ == "__main__":
    sys.exit(main())
