"""Share CPU-bound work over the machine's cores, or do it here when that would not pay.

Checking a catalog file is parsing YAML and checking values: pure CPU. At 10,000 claims worker
processes nearly halve the wall time on two cores. Workers are forked, so they start at once with
everything imported and never re-run the caller's script (as "spawn" workers would). Forking is
only safe while this process has a single thread, so a threaded caller such as `mkdocs serve`,
another system than Linux, or a small catalog (every real one so far) is read in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

ITEMS_PER_WORKER = 1000  # below this a worker costs more than it saves
BATCHES_PER_WORKER = 4  # several batches each, so a slow batch does not leave a core idle


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(items: int) -> int:
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return max(1, min(available_cores(), items // ITEMS_PER_WORKER))


def map_batches(function: Callable[[list], list], items: list, workers: int | None = None) -> list:
    """function(batch) gives one result per item of the batch; returns all results in item order.

    workers=None chooses from the number of items and cores (see the module's docstring); 1 runs
    everything here. If worker processes cannot be started, the work is done here instead."""
    workers = worker_count(len(items)) if workers is None else workers
    if workers <= 1 or len(items) < 2:
        return function(items)
    size = -(-len(items) // (workers * BATCHES_PER_WORKER))
    batches = [items[start:start + size] for start in range(0, len(items), size)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for batch_results in pool.map(function, batches) for result in batch_results]
    except (OSError, BrokenProcessPool):
        return function(items)
