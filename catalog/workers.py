"""Share CPU-bound work over the machine's cores, or do it here when that would not pay.

Checking a catalog file is parsing YAML and checking values: pure CPU. At 10,000 claims worker
processes nearly halve the wall time on two cores. Workers are forked, so they start at once with
everything imported and never re-run the caller's script (as "spawn" workers would). Forking is
only safe while this process has a single thread, so a threaded caller such as `mkdocs serve`,
another system than Linux, or a small catalog (every real one so far) is read in this process.

MkDocs renders pages on one core; stream_aside() and run_aside() put work the build does beside
it (making the pages' Markdown, writing the data files) on another core, under the same conditions.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import TypeVar

T = TypeVar("T")
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


def stream_aside(produce: Callable[[], Iterable[T]]) -> Iterator[T]:
    """produce()'s items, made in a forked process on a spare core and taken here one by one, in
    order, while this process goes on; where forking is not safe or no core is spare, each item is
    made here as it is taken. A failure in produce() is raised where the next item is taken, as
    RuntimeError saying what failed, and no traceback is printed. Closing the iterator early ends
    the worker."""
    if can_fork() and available_cores() >= 2:
        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_send_all, args=(produce, reader, writer), daemon=True)
        try:
            process.start()
        except OSError:
            reader.close()
        else:
            return _Received(reader, process)
        finally:
            writer.close()  # this process only reads
    return _made_here(produce)


def run_aside(work: Callable[[], None]) -> Callable[[], None]:
    """Start work() as stream_aside() would. Returns wait(): it returns once the work is done (and
    does it then, where it could not be done aside), and raises RuntimeError saying what failed if it did."""
    stream = stream_aside(lambda: _nothing_after(work))

    def wait() -> None:
        deque(stream, maxlen=0)
    return wait


def _nothing_after(work: Callable[[], None]) -> tuple:
    work()
    return ()


def _send_all(produce: Callable[[], Iterable], reader, writer) -> None:
    reader.close()  # the parent alone reads: if it stops, sending fails and this process ends
    try:
        for item in produce():
            writer.send((True, item))
        writer.send((False, None))
    except BaseException as error:  # handed to the parent, which reports it; no traceback here
        with suppress(OSError):
            writer.send((False, f"{type(error).__name__}: {error}"[:2000]))
        raise SystemExit(1) from None


class _Received:
    """What a worker sends, taken in order; close() stops taking and ends the worker."""

    def __init__(self, reader, process):
        self._reader, self._process = reader, process

    def __iter__(self):
        return self

    def __next__(self):
        if self._reader is None:
            raise StopIteration
        try:
            more, value = self._reader.recv()
        except EOFError:  # the worker ended without a word
            self.close()
            raise RuntimeError(f"a worker process ended with code {self._process.exitcode}") from None
        if more:
            return value
        self.close()
        if value is None:
            raise StopIteration
        raise RuntimeError(value)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
            self._process.join()


def _made_here(produce: Callable[[], Iterable]) -> Iterator:
    try:
        yield from produce()
    except Exception as error:  # reported as a worker's failure would be
        raise RuntimeError(f"{type(error).__name__}: {error}") from None
