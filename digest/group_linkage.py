"""Average-linkage clustering on a sparse similarity graph, with editors' constraints.

Written here rather than taken from scikit-learn or SciPy: both want a dense distance matrix
(or dense features) for average linkage, which is n^2 memory, 80 GB at 100,000 articles. Here
only the candidate pairs carry a similarity; a pair that was never a candidate counts as 0,
so the average between two clusters is (sum of their pairs' similarities) / (|A| * |B|).

Two clusters are merged, best average first, while the average stays at or above the
threshold, unless they are kept apart:
- a cannot-link pair between them, or each holding articles of a different existing story
  (only an editor merges two stories that exist);
- with `cohesion_ratio`, two clusters of three or more whose average together is below that
  share of the looser one's own average: a fixed threshold alone cannot tell "two reports of
  one event" from "two events of one topic", but their tightness relative to each other can.

Average linkage is greedy: an article joins the cluster that is best when it is compared, and
the clusters grow on after that. `reassign` is the refinement pass that follows (as k-means
refines a hierarchical clustering): once the clusters are final, an article that is closer on
average to another cluster than to the rest of its own moves there.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp


def average_linkage(size: int, pairs: Iterable[tuple[int, int, float]], threshold: float,
                    initial: Sequence[Sequence[int]] = (),
                    cannot_link: Iterable[tuple[int, int]] = (),
                    owners: dict[int, str] | None = None,
                    cohesion_ratio: float = 0.0) -> list[list[int]]:
    """Clusters of the items 0..size-1, each a sorted list, largest first.

    `initial` are groups that start as one cluster (existing stories, must-links); `owners`
    names the existing story of an item, and two clusters with different owners never merge.
    Pairs inside one initial group count towards that cluster's own average.
    """
    leader = list(range(size))
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    for group in initial:
        for item in group[1:]:
            _absorb(members, leader, leader[group[0]], leader[item])
    owner = {leader[item]: story for item, story in (owners or {}).items()}
    forbidden: dict[int, set[int]] = {}
    for a, b in cannot_link:
        a, b = leader[a], leader[b]
        forbidden.setdefault(a, set()).add(b)
        forbidden.setdefault(b, set()).add(a)

    links: dict[int, dict[int, float]] = {}
    inside = dict.fromkeys(members, 0.0)
    for a, b, similarity in pairs:
        a, b = leader[a], leader[b]
        if a == b:
            inside[a] += similarity
        else:
            links.setdefault(a, {})[b] = links.get(a, {}).get(b, 0.0) + similarity
            links.setdefault(b, {})[a] = links[a][b]

    heap = [(-total / (len(members[a]) * len(members[b])), a, b)
            for a, near in links.items() for b, total in near.items() if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members or b not in links.get(a, {}):
            continue  # merged away since this entry was pushed
        average = links[a][b] / (len(members[a]) * len(members[b]))
        if abs(average + negative) > 1e-9:
            continue  # stale: the clusters grew since
        if b in forbidden.get(a, ()) or _owned_apart(owner, a, b):
            continue
        if average < cohesion_ratio * min(_cohesion(members, inside, a),
                                          _cohesion(members, inside, b)):
            continue  # two tight clusters, looser together: two events on one topic
        keep, gone = (a, b) if len(members[a]) >= len(members[b]) else (b, a)
        inside[keep] += inside.pop(gone) + links[keep][gone]
        _merge(members, links, forbidden, owner, keep, gone)
        for other, total in links.get(keep, {}).items():
            heapq.heappush(heap, (-total / (len(members[keep]) * len(members[other])),
                                  min(keep, other), max(keep, other)))
    clusters = [sorted(group) for group in members.values()]
    return sorted(clusters, key=lambda group: (-len(group), group[0]))


def reassign(clusters: Sequence[Sequence[int]], left: np.ndarray, right: np.ndarray,
             similarity: np.ndarray, threshold: float, fixed: Iterable[int] = (),
             rounds: int = 3) -> list[list[int]]:
    """The clusters after moving each article to the cluster it is closest to on average.

    `clusters` cover the items 0..n-1; (left[k], right[k], similarity[k]) are the pairs they
    were built from. An item moves when its average similarity to another cluster of two or
    more is at least `threshold` and higher than to the rest of its own; `fixed` items never move (articles of
    stories that exist, articles an editor's decision names). At most `rounds` passes.
    """
    label = np.empty(sum(len(members) for members in clusters), dtype=np.int64)
    for index, members in enumerate(clusters):
        label[list(members)] = index
    movable = np.ones(len(label), dtype=bool)
    movable[list(fixed)] = False
    for _ in range(rounds):
        items, targets = _closer_clusters(label, left, right, similarity, threshold)
        wanted = movable[items]
        if not wanted.any():
            break
        label[items[wanted]] = targets[wanted]
    groups: dict[int, list[int]] = {}
    for item, cluster in enumerate(label.tolist()):
        groups.setdefault(cluster, []).append(item)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))


def _closer_clusters(label: np.ndarray, left: np.ndarray, right: np.ndarray,
                     similarity: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """(items, clusters): each item that has a closer cluster than its own, and that cluster."""
    sizes = np.bincount(label).astype(np.float64)
    weights = np.concatenate([similarity, similarity]).astype(np.float64)
    items, others = np.concatenate([left, right]), np.concatenate([right, left])
    totals = sp.csr_matrix((weights, (items, label[others])),
                           shape=(len(label), len(sizes))).tocoo()  # summed per cluster
    own = totals.col == label[totals.row]
    average = totals.data / np.where(own, sizes[totals.col] - 1, sizes[totals.col])
    own_average = np.zeros(len(label))
    own_average[totals.row[own]] = average[own]
    # Never into a single article: one pair is no average, and linkage has weighed it already.
    closer = ~own & (sizes[totals.col] > 1) & (average >= threshold) & (average > own_average[totals.row])
    rows, cols, average = totals.row[closer], totals.col[closer], average[closer]
    order = np.lexsort((cols, -average, rows))  # per item, the closest cluster first
    rows, cols = rows[order], cols[order]
    first = np.unique(rows, return_index=True)[1]
    return rows[first].astype(np.int64), cols[first].astype(np.int64)


def _cohesion(members: dict[int, list[int]], inside: dict[int, float], cluster: int) -> float:
    """The average similarity of a cluster's own pairs (0 for a single article)."""
    size = len(members[cluster])
    return inside[cluster] / (size * (size - 1) / 2) if size > 2 else 0.0


def _owned_apart(owner: dict[int, str], a: int, b: int) -> bool:
    return a in owner and b in owner and owner[a] != owner[b]


def _absorb(members: dict[int, list[int]], leader: list[int], keep: int, gone: int) -> None:
    """Before any link exists: fold cluster `gone` into `keep`."""
    if keep == gone:
        return
    for item in members.pop(gone):
        leader[item] = keep
        members[keep].append(item)


def _merge(members: dict[int, list[int]], links: dict[int, dict[int, float]],
           forbidden: dict[int, set[int]], owner: dict[int, str], keep: int, gone: int) -> None:
    """Fold cluster `gone` into `keep`: members, summed links, constraints and owner."""
    members[keep].extend(members.pop(gone))
    near_keep = links.setdefault(keep, {})
    for other, total in links.pop(gone, {}).items():
        near_other = links[other]
        del near_other[gone]
        if other == keep:
            continue
        near_keep[other] = near_keep.get(other, 0.0) + total
        near_other[keep] = near_keep[other]
    near_keep.pop(gone, None)
    for other in forbidden.pop(gone, set()):
        forbidden[other].discard(gone)
        if other != keep:
            forbidden[other].add(keep)
            forbidden.setdefault(keep, set()).add(other)
    if gone in owner:
        owner.setdefault(keep, owner.pop(gone))
