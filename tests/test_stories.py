"""Editors correct the grouping: `digest stories merge` and `split`, respected from then on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest import pipeline
from digest.cli import cli
from digest.config import load_config
from digest.models import ArticleDraft, FetchResult
from digest.store import Store, open_store

FEED = "https://baohagiang.example.vn/rss.xml"
MEETING = ("Chiều 28/7, đồng chí Trương Thị Mai chủ trì hội nghị giao ban trực tuyến công tác 6 "
           "tháng đầu năm với Bí thư Tỉnh ủy, Thành ủy trực thuộc Trung ương; quán triệt Chỉ thị "
           "số 24 của Bộ Chính trị.")
FLOOD = ("Sáng 28/7, mưa lớn gây sạt lở 14 điểm trên Quốc lộ 4C qua huyện Đồng Văn, Mèo Vạc, giao "
         "thông bị chia cắt; Sở Giao thông vận tải điều 6 máy xúc thông tuyến.")


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(f"store: sqlite:///{tmp_path / 'digest.db'}\noutput: out\nfeeds:\n"
                    f"  - url: {FEED}\n    name: Báo Hà Giang\n"
                    "digests:\n  - name: daily\n    period: 7d\n    formats: [html]\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def store(config_path: Path) -> Iterator[Store]:
    config = load_config(config_path)
    opened = open_store(config.store_url)
    pipeline.sync_feeds(config, opened)
    yield opened
    opened.close()


def publish(store: Store, slug: str, title: str, text: str) -> str:
    url = f"https://baohagiang.example.vn/{slug}.html"
    published = datetime.now(timezone.utc) - timedelta(hours=2)
    return store.save_poll(FetchResult(feed_url=FEED, status=200),
                           [ArticleDraft(FEED, url, url, title, text, published)])[0]


def edit(config_path: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--config", str(config_path), "stories", *args])
    assert result.exit_code == 0, result.output


def story_of(store: Store, article: str) -> str:
    return store.story_map()[article]


def test_a_merge_is_kept_when_new_articles_arrive_and_the_digest_shows_it(
        config_path: Path, store: Store) -> None:
    meeting, flood = publish(store, "hoi-nghi", "Giao ban 6 tháng", MEETING), \
        publish(store, "sat-lo", "Sạt lở Quốc lộ 4C", FLOOD)
    pipeline.update_stories(store, "Asia/Ho_Chi_Minh")
    kept, other = story_of(store, meeting), story_of(store, flood)
    assert kept != other

    edit(config_path, "merge", kept, other)
    assert story_of(store, meeting) == story_of(store, flood) == kept
    publish(store, "giao-ban", "Giao ban công tác tổ chức", MEETING)
    pipeline.update_stories(store, "Asia/Ho_Chi_Minh")
    assert story_of(store, flood) == kept

    paths = pipeline.generate(load_config(config_path), store, formats=["html"])
    html = paths[0].read_text(encoding="utf-8")
    assert html.count('class="story"') == 1 and "Sạt lở Quốc lộ 4C" in html


def test_a_split_article_never_rejoins_its_story(config_path: Path, store: Store) -> None:
    first = publish(store, "hoi-nghi", "Giao ban 6 tháng", MEETING)
    second = publish(store, "giao-ban", "Giao ban 6 tháng đầu năm", MEETING)
    pipeline.update_stories(store, "Asia/Ho_Chi_Minh")
    story = story_of(store, first)
    assert story_of(store, second) == story

    edit(config_path, "split", story, second)
    assert story_of(store, first) == story and story_of(store, second) != story
    publish(store, "giao-ban-2", "Giao ban công tác", MEETING)
    pipeline.update_stories(store, "Asia/Ho_Chi_Minh")
    assert story_of(store, first) == story and story_of(store, second) != story


def test_an_unknown_story_is_a_clear_error(config_path: Path, store: Store) -> None:
    result = CliRunner().invoke(cli, ["--config", str(config_path), "stories", "merge",
                                      "nope", "nada"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no story nope in the store")
