"""JSON Lines in and out of `digest group`: the interface the evaluation uses."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.models import Article, Story


def read_articles(path: Path) -> list[Article]:
    """One article a line: id, title, text, and optionally published (ISO 8601), source, url."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it as UTF-8 text: {exc}")
    articles = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            articles.append(_article(path, number, line))
    return articles


def _article(path: Path, number: int, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{number}: not valid JSON: {exc.msg}")
    if not isinstance(record, dict) or "id" not in record:
        raise InputError(f"{path}:{number}: expected an object with at least an 'id'")
    return Article(
        id=str(record["id"]),
        title=_text(record.get("title")),
        text=_text(record.get("text")),
        published=_published(path, number, record.get("published")),
        url=record.get("url"),
        source=record.get("source"),
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _published(path: Path, number: int, value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        published = datetime.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{path}:{number}: 'published' must be ISO 8601, got {value!r}")
    # A time without a zone is taken as UTC: the grouping only compares times with each other.
    return published if published.tzinfo else published.replace(tzinfo=timezone.utc)


def story_line(story: Story) -> dict[str, Any]:
    """The JSON object written for one story."""
    return {
        "story": story.id,
        "articles": list(story.article_ids),
        "title": story.title,
        "date": story.event_date.isoformat() if story.event_date else None,
    }
