"""Files checked in worker processes give exactly what checking them here gives."""

from __future__ import annotations

import os
import threading

import pytest

from catalog import workers
from catalog.pipeline import read_catalog
from catalog.workers import map_batches, worker_count

from conftest import FIXTURES, ROOT, TODAY


def pids(batch: list[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in batch]


def test_results_come_back_in_item_order_from_other_processes():
    results = map_batches(pids, list(range(100)), workers=2)
    assert [item for item, _ in results] == list(range(100))
    assert os.getpid() not in {pid for _, pid in results}


def test_one_worker_means_this_process():
    assert {pid for _, pid in map_batches(pids, list(range(10)), workers=1)} == {os.getpid()}


def test_work_is_done_here_when_workers_cannot_start(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no processes for you")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)
    assert map_batches(pids, list(range(10)), workers=2) == [(i, os.getpid()) for i in range(10)]


def test_small_catalogs_and_threaded_callers_are_read_here(monkeypatch):
    monkeypatch.setattr(workers, "available_cores", lambda: 8)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert worker_count(500) == 1
    assert worker_count(3000) == 3
    assert worker_count(100_000) == 8
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # as under `mkdocs serve`
    assert worker_count(100_000) == 1


@pytest.mark.parametrize("folder", [FIXTURES / "everything-wrong" / "catalog", FIXTURES / "valid"])
def test_workers_report_exactly_what_a_single_process_reports(folder):
    here = read_catalog(folder, today=TODAY, workers=1)
    shared = read_catalog(folder, today=TODAY, workers=2)
    assert [str(d) for d in shared.diagnostics] == [str(d) for d in here.diagnostics]
    assert shared.files == here.files


def test_workers_build_the_same_catalog():
    here = read_catalog(ROOT, workers=1).catalog
    shared = read_catalog(ROOT, workers=2).catalog
    assert [(c.id, c.verdict.slug, [r.id for r in c.related]) for c in shared.claims] == \
        [(c.id, c.verdict.slug, [r.id for r in c.related]) for c in here.claims]
    assert [(s.id, [c.id for c in s.cited_by]) for s in shared.sources] == \
        [(s.id, [c.id for c in s.cited_by]) for s in here.sources]
