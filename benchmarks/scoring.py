"""Scores of a grouping against gold labels: B-cubed and pairwise precision, recall, F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """B-cubed over every article of `gold`, each counted once; missing ones are singletons."""
    assigned = {article: predicted.get(article, "missing:" + article) for article in gold}
    both = Counter((assigned[article], gold[article]) for article in gold)
    size_c, size_g = Counter(assigned.values()), Counter(gold.values())
    precision = sum(n * n / size_c[c] for (c, _), n in both.items()) / len(gold)
    recall = sum(n * n / size_g[g] for (_, g), n in both.items()) / len(gold)
    return Scores(precision, recall, _f1(precision, recall))


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Precision and recall over pairs of articles put (or labelled) in one story."""
    assigned = {article: predicted.get(article, "missing:" + article) for article in gold}
    together = _pairs(Counter((assigned[a], gold[a]) for a in gold))
    said, true = _pairs(Counter(assigned.values())), _pairs(Counter(gold.values()))
    precision = together / said if said else 1.0
    recall = together / true if true else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def _pairs(sizes: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
