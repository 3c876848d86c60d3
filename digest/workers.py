"""Worker processes for the CPU-bound steps of a poll: reading feeds and drafting articles.

feedparser, nh3's callers and the chrome stripper are pure Python that holds the GIL: in
threads, a poll of a thousand feeds would run them on one core however many it has. The
pipeline opens one pool per poll and hands it to the stages that can use it; a stage's own
functions stay plain functions that also run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

# Below this many feeds in one poll, starting worker processes costs more than it saves.
POOL_MIN_FEEDS = 20


@contextmanager
def process_pool(feeds: int) -> Iterator[Executor | None]:
    """A pool of one worker process per core for a poll of `feeds` feeds, or None when the
    poll is too small to pay for starting them, or the machine has one core.

    The workers are spawned, not forked: forking a process that runs threads can copy a lock
    another thread holds.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if feeds < POOL_MIN_FEEDS or (cores or 1) < 2:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
        yield pool
