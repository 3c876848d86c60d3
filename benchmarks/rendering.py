"""Rendering: a digest of 50 stories and 300 articles, to HTML and to PDF.

    python -m benchmarks.rendering
    python -m benchmarks.rendering --stories 5 --articles 20

The stories are events of benchmarks.corpus with their articles, their figures extracted as
`digest generate` does (timed apart, not judged here). render_html and render_pdf are then each
run `--repeat` times in this process; the first run is the one judged, since `digest generate`
renders once (later runs show what a warm process costs).

Judged by: HTML under 0.5 s, PDF under 10 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from itertools import groupby

from benchmarks.corpus import SyntheticArticle, met, print_table, synthetic_articles
from digest.figures import story_figures
from digest.models import Article, DigestView, Story, StoryView
from digest.render import render_html, render_pdf

HTML_TARGET = 0.5
PDF_TARGET = 10.0


def digest_view(stories: int, articles: int, seed: int = 0) -> tuple[DigestView, float]:
    """A view of `stories` events holding `articles` articles in all; and seconds of figures."""
    made = synthetic_articles(articles * 2, seed=seed)
    events = [list(group) for _, group in groupby(sorted(made, key=_event), key=_event)][:stories]
    chosen = _trim(events, articles)
    start = time.perf_counter()
    views = []
    for number, event in enumerate(chosen):
        members = tuple(_article(item) for item in event)
        story = Story(id=f"s{number}", article_ids=tuple(a.id for a in members),
                      title=members[0].title, event_date=members[0].published.date()
                      if members[0].published else None)
        views.append(StoryView(story=story, articles=members, figures=story_figures(members)))
    figures_seconds = time.perf_counter() - start
    times = [a.published for view in views for a in view.articles if a.published]
    view = DigestView(title="Bản tin thử: 50 sự kiện", start=min(times),
                      end=max(times) + timedelta(hours=1), timezone="Asia/Ho_Chi_Minh",
                      stories=tuple(views), generated=datetime.now(timezone.utc))
    return view, figures_seconds


def _event(article: SyntheticArticle) -> str:
    return article.story


def _trim(events: list[list[SyntheticArticle]], total: int) -> list[list[SyntheticArticle]]:
    """Drop articles from the largest events until `total` are left (every event keeps one)."""
    events = [list(event) for event in events]
    while sum(map(len, events)) > total:
        largest = max(events, key=len)
        if len(largest) == 1:
            break
        largest.pop()
    return events


def _article(item: SyntheticArticle) -> Article:
    return Article(id=item.id, title=item.title, text=item.text, published=item.published_at,
                   url=item.url, source=item.source, outlet="provincial"
                   if item.source.startswith(("Báo ", "Cổng")) else "national",
                   province=item.province)


def timed(action: object, repeat: int) -> tuple[list[float], object]:
    """Seconds of each call of `action` and what the last call returned."""
    seconds, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()  # type: ignore[operator]
        seconds.append(time.perf_counter() - start)
    return seconds, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    view, figures_seconds = digest_view(args.stories, args.articles)
    html_times, html = timed(lambda: render_html(view), args.repeat)
    assert isinstance(html, str)
    pdf_times, pdf = timed(lambda: render_pdf(html), args.repeat)
    assert isinstance(pdf, bytes)
    count = sum(len(item.articles) for item in view.stories)
    print(f"rendering: {len(view.stories)} stories, {count} articles; HTML {len(html) / 1e3:.0f} "
          f"kB, PDF {len(pdf) / 1e6:.2f} MB")
    print_table(["stage", "first s", f"median of {args.repeat} s", "target", "met"], [
        ["figures (all stories)", f"{figures_seconds:.2f}", "", "", ""],
        ["HTML", f"{html_times[0]:.3f}", f"{statistics.median(html_times):.3f}",
         f"< {HTML_TARGET}", met(html_times[0] < HTML_TARGET)],
        ["PDF", f"{pdf_times[0]:.2f}", f"{statistics.median(pdf_times):.2f}",
         f"< {PDF_TARGET:.0f}", met(pdf_times[0] < PDF_TARGET)],
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
