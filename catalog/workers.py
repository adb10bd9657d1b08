"""Share CPU-bound work over the machine's cores, or do it here when that would not pay.

Checking a catalog file is parsing YAML and checking values: pure CPU. At 10,000 claims worker
processes nearly halve the wall time on two cores. Workers are forked, so they start at once with
everything imported and never re-run the caller's script (as "spawn" workers would). Forking is
only safe while this process has a single thread, so a threaded caller such as `mkdocs serve`,
another system than Linux, or a small catalog (every real one so far) is read in this process.

MkDocs renders pages on one core; run_aside() puts work the build does beside it (writing the
data files) on another core, under the same conditions.
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


def can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


def worker_count(items: int) -> int:
    if not can_fork():
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


def run_aside(work: Callable[[], None]) -> Callable[[], None]:
    """Start work() in a forked process, so that it runs on a spare core while this process goes
    on; where forking is not safe or no core is spare, work() runs here, now. Returns wait(): it
    returns once the work is done, and raises RuntimeError saying what failed if it did."""
    if not can_fork() or available_cores() < 2:
        return _run_here(work)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
        try:
            work()
        except BaseException as error:  # handed to the parent, which reports it; no traceback here
            writer.send(f"{type(error).__name__}: {error}"[:2000])
            raise SystemExit(1) from None
    process = context.Process(target=child, daemon=True)
    try:
        process.start()
    except OSError:
        return _run_here(work)

    def wait() -> None:
        process.join()
        if process.exitcode != 0:
            raise RuntimeError(reader.recv() if reader.poll() else f"a worker process ended with code {process.exitcode}")
    return wait


def _run_here(work: Callable[[], None]) -> Callable[[], None]:
    try:
        work()
    except Exception as error:  # reported by wait(), as a worker's would be
        message = f"{type(error).__name__}: {error}"

        def fail() -> None:
            raise RuntimeError(message)
        return fail
    return lambda: None
