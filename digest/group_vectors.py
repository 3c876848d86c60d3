"""Articles as vectors, and the pairs worth comparing: the first half of grouping.

An article becomes a TF-IDF vector over its syllables and syllable pairs (a pair of syllables
stands in for a Vietnamese word, at none of the ~36 ms an article word segmentation costs), the
title counted three times. Numbers stay whole ("6.378", "1,18") because a figure two articles
share is strong evidence they report the same event.

Features are hashed (scikit-learn's HashingVectorizer) so memory does not grow with a
vocabulary of millions of syllable pairs, and a batch of 100,000 articles fits in a few GB.

Candidate pairs come from blocking, never from comparing every article with every other: each
article offers its most distinctive terms as keys, terms that most articles carry are no key,
and only articles that share a key are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.utils import murmurhash3_32

from digest.text import normalize

TITLE_WEIGHT = 3
# Words too common to say anything about which event an article reports. Kept short: TF-IDF
# already weighs common words down; this only stops them from pairing up into "words".
_FUNCTION_WORDS = frozenset(normalize(word) for word in (
    "và của là có được cho các những này đã với trong một không người khi đến từ theo về "
    "để tại thì cũng như vào ra còn lại sẽ nhiều năm ngày đang rằng đó nên mà hay bị do "
    "nhưng sau trên dưới hơn vì họ nó chúng tôi ông bà anh chị em"
).split())
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*|[^\W\d_]+")
_FEATURES = 2 ** 21
# Blocking: each article offers this many of its heaviest terms as keys; a term carried by
# more than this share of the articles (and more than _MIN_POSTINGS of them) is no key.
KEYS_PER_ARTICLE = 24
_COMMON_SHARE = 0.02
_MIN_POSTINGS = 60


def terms(title: str, text: str) -> list[str]:
    """The terms an article is compared by: syllables, numbers and syllable pairs."""
    words = _TOKEN.findall(normalize(title)) * TITLE_WEIGHT + ["|"] + _TOKEN.findall(normalize(text))
    found = [word for word in words if word != "|"]
    found += [f"{a} {b}" for a, b in zip(words, words[1:])
              if a != "|" and b != "|" and not (a in _FUNCTION_WORDS and b in _FUNCTION_WORDS)]
    return found


def vectorize(documents: Iterable[tuple[str, str]]) -> sp.csr_matrix:
    """Rows of L2-normalised TF-IDF over hashed terms, one per (title, text)."""
    hasher = HashingVectorizer(analyzer=lambda doc: terms(*doc), n_features=_FEATURES,
                               alternate_sign=False, norm=None, dtype=np.float32)
    counts = hasher.transform(documents)
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32).tocsr()


def term_column(term: str) -> int:
    """The column a term is hashed to, as HashingVectorizer (without alternating signs) does."""
    return murmurhash3_32(term, positive=True) % _FEATURES


def candidate_pairs(vectors: sp.csr_matrix, times: np.ndarray | None = None,
                    window: float | None = None, subset: Sequence[int] | None = None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of articles sharing at least one blocking key.

    With `times` (days, NaN where unknown) and `window`, only articles published at most about
    two windows apart are compared, and articles with no time with every other. With `subset`,
    only pairs with at least one article of the subset: what an incremental update needs when
    the rest are grouped already.
    """
    count = vectors.shape[0]
    if count < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    keys = _blocking_keys(vectors)
    wanted = np.zeros(count, dtype=bool)
    wanted[list(subset) if subset is not None else slice(None)] = True
    found_rows, found_cols = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for rows, cols in _time_blocks(count, times, window):
        for part_rows, part_cols in ((rows[wanted[rows]], cols), (rows[~wanted[rows]],
                                                                  cols[wanted[cols]])):
            if len(part_rows) and len(part_cols):
                shared = (keys[part_rows] @ keys[part_cols].T).tocoo()
                found_rows.append(part_rows[shared.row])
                found_cols.append(part_cols[shared.col])
    rows, cols = np.concatenate(found_rows), np.concatenate(found_cols)
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    keep = low < high
    pairs = np.unique(np.stack([low[keep], high[keep]]), axis=1)
    return pairs[0].astype(np.int64), pairs[1].astype(np.int64)


def _time_blocks(count: int, times: np.ndarray | None, window: float | None
                 ) -> list[tuple[np.ndarray, np.ndarray]]:
    """(rows, columns) blocks that together hold every pair at most `window` apart in time.

    Block k compares the articles of window k with those of windows k and k + 1; articles
    without a time are compared with all.
    """
    everything = np.arange(count)
    if times is None or window is None:
        return [(everything, everything)]
    undated = everything[np.isnan(times)]
    blocks = [(undated, everything)] if len(undated) else []
    dated = everything[~np.isnan(times)]
    slot = np.floor(times[dated] / window).astype(np.int64)
    for value in np.unique(slot):
        blocks.append((dated[slot == value], dated[(slot == value) | (slot == value + 1)]))
    return blocks


def _blocking_keys(vectors: sp.csr_matrix) -> sp.csr_matrix:
    """A 0/1 matrix: each article's heaviest terms, leaving out the common ones."""
    postings = np.bincount(vectors.indices, minlength=vectors.shape[1])
    common = postings > max(_MIN_POSTINGS, _COMMON_SHARE * vectors.shape[0])
    rows, cols = [], []
    for row in range(vectors.shape[0]):
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        columns = vectors.indices[start:end]
        weights = np.where(common[columns], 0.0, vectors.data[start:end])
        top = columns[np.argsort(-weights)[:KEYS_PER_ARTICLE]]
        top = top[~common[top]]
        rows.append(np.full(len(top), row))
        cols.append(top)
    row_index = np.concatenate(rows) if rows else np.empty(0, np.int64)
    col_index = np.concatenate(cols) if cols else np.empty(0, np.int64)
    data = np.ones(len(row_index), dtype=np.float32)
    return sp.csr_matrix((data, (row_index, col_index)), shape=vectors.shape)


def pair_similarity(vectors: sp.csr_matrix, left: np.ndarray, right: np.ndarray,
                    chunk: int = 10_000) -> np.ndarray:
    """Cosine similarity of each pair (left[k], right[k]); rows are L2-normalised."""
    out = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), chunk):
        end = start + chunk
        products = vectors[left[start:end]].multiply(vectors[right[start:end]])
        out[start:end] = np.asarray(products.sum(axis=1)).ravel()
    return out
