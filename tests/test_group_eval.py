"""The quality floor on the labelled set (../shared/eval): a change that lowers it fails.

The same floor as `python -m benchmarks.grouping`, run in-process (about ten seconds).
"""

from __future__ import annotations

import pytest

from benchmarks.corpus import EVAL_PATH
from benchmarks.grouping import FLOOR, load_gold
from benchmarks.scoring import bcubed
from digest.group import group_articles
from digest.jsonl import read_articles

pytestmark = pytest.mark.skipif(not EVAL_PATH.exists(), reason=f"no labelled set at {EVAL_PATH}")


def test_grouping_the_labelled_set_stays_above_the_floor() -> None:
    stories = group_articles(read_articles(EVAL_PATH))
    predicted = {article: story.id for story in stories for article in story.article_ids}
    assert sorted(predicted) == sorted(load_gold())  # every article in exactly one story
    assert bcubed(predicted, load_gold()).f1 >= FLOOR
