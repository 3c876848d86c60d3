"""Grouping: the same meeting is one story, the same kind of meeting later is another."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from importlib import resources

import numpy as np
import pytest

from digest.group import group_articles
from digest.group_linkage import average_linkage, reassign
from digest.group_vectors import candidate_pairs, terms, vectorize
from digest.models import Article


def seed_articles() -> list[Article]:
    """The five seed articles as the demo's feeds carry them, with their publication times."""
    samples = resources.files("digest.samples")
    about = json.loads(samples.joinpath("samples.json").read_text(encoding="utf-8"))
    found = []
    for feed in about["feeds"]:
        for item in feed["items"]:
            if "file" in item:
                title, _, text = samples.joinpath(item["file"]).read_text(
                    encoding="utf-8").partition("\n")
                found.append(Article(id=item["file"][:3], title=title, text=text,
                                     published=datetime.fromisoformat(item["published"]),
                                     source=feed["name"]))
    return found


def groups(stories: list) -> list[set[str]]:
    return [set(story.article_ids) for story in stories]


def test_the_seed_meeting_is_one_story_and_the_others_stand_apart() -> None:
    stories = group_articles(seed_articles())
    assert sorted(map(sorted, groups(stories))) == [["000", "002", "003"], ["001"], ["004"]]
    meeting = next(story for story in stories if len(story.article_ids) == 3)
    assert meeting.event_date.isoformat() == "2023-07-28"
    assert any("Trương Thị Mai" in reason for reason in meeting.why)
    assert "Trương Thị Mai" in meeting.summary


def test_the_same_report_on_another_day_is_another_event() -> None:
    text = ("{day}, mưa lớn kéo dài gây sạt lở 14 điểm trên Quốc lộ 4C qua huyện Đồng Văn, Mèo Vạc "
            "của tỉnh Hà Giang, giao thông bị chia cắt. Sở Giao thông vận tải điều 6 máy xúc.")
    when = datetime(2023, 7, 30, 3, tzinfo=timezone.utc)
    articles = [Article(id="a", title="Sạt lở Quốc lộ 4C", text=text.format(day="Sáng 27/7"),
                        published=when),
                Article(id="b", title="Sạt lở trên Quốc lộ 4C", text=text.format(day="Sáng 27/7"),
                        published=when),
                Article(id="c", title="Sạt lở Quốc lộ 4C", text=text.format(day="Chiều 29/7"),
                        published=when)]
    assert sorted(map(sorted, groups(group_articles(articles)))) == [["a", "b"], ["c"]]


def test_reports_published_months_apart_are_never_one_story() -> None:
    text = "Hội đồng nhân dân tỉnh Hà Giang khai mạc kỳ họp thường lệ, thảo luận ngân sách tỉnh."
    start = datetime(2023, 7, 1, tzinfo=timezone.utc)
    articles = [Article(id=str(n), title="Khai mạc kỳ họp HĐND tỉnh", text=text,
                        published=start + timedelta(days=180 * n)) for n in range(2)]
    assert len(group_articles(articles)) == 2


def meeting(article_id: str, hours: int = 0) -> Article:
    return Article(id=article_id, title="Giao ban công tác 6 tháng đầu năm",
                   text=("Chiều 28/7, đồng chí Trương Thị Mai chủ trì hội nghị giao ban trực tuyến "
                         "với Bí thư Tỉnh ủy, Thành ủy trực thuộc Trung ương; quán triệt Chỉ thị "
                         "số 24 của Bộ Chính trị."),
                   published=datetime(2023, 7, 28, 11, tzinfo=timezone.utc) + timedelta(hours=hours))


def test_a_new_article_joins_the_existing_story_and_its_id_stays() -> None:
    first = group_articles([meeting("1")])
    again = group_articles([meeting("1"), meeting("2", hours=2)],
                           existing={"1": first[0].id})
    assert groups(again) == [{"1", "2"}] and again[0].id == first[0].id


def test_two_existing_stories_are_never_merged_by_the_machine() -> None:
    stories = group_articles([meeting("1"), meeting("2")], existing={"1": "s-one", "2": "s-two"})
    assert sorted((s.id, s.article_ids) for s in stories) == [("s-one", ("1",)),
                                                             ("s-two", ("2",))]


def test_editors_links_are_respected() -> None:
    apart = group_articles([meeting("1"), meeting("2")], cannot_link=[("1", "2")])
    assert len(apart) == 2
    flood = Article(id="3", title="Sạt lở Quốc lộ 4C", text="Mưa lớn gây sạt lở ở Mèo Vạc.",
                    published=datetime(2023, 7, 28, tzinfo=timezone.utc))
    together = group_articles([meeting("1"), flood], must_link=[("1", "3")])
    assert groups(together) == [{"1", "3"}]


def test_ids_are_the_same_every_run_and_never_reused() -> None:
    articles = [meeting("1"), meeting("2", hours=1)]
    assert [s.id for s in group_articles(articles)] == [s.id for s in group_articles(articles)]
    # "1" was split out of the story it started: its new story needs an id of its own.
    taken = group_articles(articles)[0].id
    stories = group_articles(articles, existing={"2": taken}, cannot_link=[("1", "2")])
    assert len({story.id for story in stories}) == 2


def test_old_and_new_tone_marks_are_one_term_but_diacritics_are_never_stripped() -> None:
    assert terms("Tỉnh uỷ", "") == terms("Tỉnh ủy", "")
    assert set(terms("", "báo")) != set(terms("", "bão"))
    assert "quốc gia" in terms("", "quốc gia") and "gia" in terms("", "quốc gia")


def test_numbers_stay_whole() -> None:
    assert {"6.378", "1,18"} <= set(terms("", "đạt 6.378 tỷ đồng, tăng 1,18%"))


def test_articles_with_nothing_distinctive_in_common_are_not_compared() -> None:
    texts = [("Lũ quét ở Mèo Vạc", "Lũ quét cuốn trôi cầu treo."),
             ("Khai giảng năm học", "Học sinh dự lễ khai giảng."),
             ("Lũ quét ở Mèo Vạc", "Lũ quét làm sập cầu treo.")]
    left, right = candidate_pairs(vectorize(texts))
    assert list(zip(left.tolist(), right.tolist())) == [(0, 2)]


def test_average_linkage_keeps_two_tight_clusters_of_one_topic_apart() -> None:
    # 0-2 and 3-5 are tight (0.9 inside); across them 0.4 on every pair.
    pairs = [(a, b, 0.9) for a, b in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)]]
    pairs += [(a, b, 0.4) for a in range(3) for b in range(3, 6)]
    assert average_linkage(6, pairs, 0.2) == [[0, 1, 2, 3, 4, 5]]
    assert average_linkage(6, pairs, 0.2, cohesion_ratio=0.6) == [[0, 1, 2], [3, 4, 5]]


def test_average_linkage_counts_missing_pairs_as_unrelated() -> None:
    # A chain: 0-1 and 1-2 are close, 0-2 was never a candidate.
    pairs = [(0, 1, 0.5), (1, 2, 0.5)]
    assert average_linkage(3, pairs, 0.4) == [[0, 1], [2]]
    assert average_linkage(3, pairs, 0.25) == [[0, 1, 2]]  # (0.5 + 0) / 2


def test_reassign_moves_an_article_the_greedy_merge_put_in_the_wrong_cluster() -> None:
    # 2 joins 0 first (0.7), then 1 joins them; but 2 is unrelated to 1 (0.0) and on average
    # closer to 3, 4, 5 (0.4 each) than to the rest of its own cluster ((0.7 + 0.0) / 2).
    pairs = [(0, 2, 0.7), (0, 1, 0.65), (1, 2, 0.0), (3, 4, 0.5), (3, 5, 0.5), (4, 5, 0.5)]
    pairs += [(2, other, 0.4) for other in (3, 4, 5)]
    clusters = average_linkage(6, pairs, 0.2)
    assert clusters == [[0, 1, 2], [3, 4, 5]]
    left, right, similarity = (np.array(column) for column in zip(*pairs))
    assert reassign(clusters, left, right, similarity, 0.2) == [[2, 3, 4, 5], [0, 1]]
    assert reassign(clusters, left, right, similarity, 0.2, fixed=[2]) == clusters
    assert reassign(clusters, left, right, similarity, 0.45) == clusters  # 0.4 is too far


@pytest.mark.parametrize("size", [0, 1])
def test_tiny_batches(size: int) -> None:
    assert len(group_articles([meeting(str(n)) for n in range(size)])) == size
