"""Files checked in worker processes give exactly what checking them here gives.

Forking is unsafe in a process that runs other threads (the browser tests leave some in this
one), so the tests that fork do it in a fresh Python process of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from catalog import workers
from catalog.workers import map_batches, worker_count


def pids(batch: list[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in batch]


def in_fresh_process(code: str):
    """Run code (which prints one JSON value) in a new interpreter and return the value; the run
    must end normally and print no traceback, not even from a worker process."""
    done = subprocess.run([sys.executable, "-c", "import json, os, sys\n" + code], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def test_results_come_back_in_item_order_from_other_processes():
    parent, results = in_fresh_process(
        "from catalog.workers import map_batches\n"
        "def pids(batch): return [(item, os.getpid()) for item in batch]\n"
        "print(json.dumps([os.getpid(), map_batches(pids, list(range(100)), workers=2)]))")
    assert [item for item, _ in results] == list(range(100))
    assert parent not in {pid for _, pid in results}


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


SUMMARY = """
from catalog.pipeline import read_catalog
def summary(root, workers):
    result = read_catalog(root, today=TODAY, workers=workers)
    claims = result.catalog.claims if result.catalog else []
    sources = result.catalog.sources if result.catalog else []
    return {"diagnostics": [str(d) for d in result.diagnostics], "files": result.files,
            "claims": [(c.id, c.verdict.slug, [r.id for r in c.related]) for c in claims],
            "sources": [(s.id, [c.id for c in s.cited_by]) for s in sources]}
print(json.dumps([summary(ROOT, 1), summary(ROOT, 2)]))
"""


@pytest.mark.parametrize("folder", [FIXTURES / "everything-wrong" / "catalog", FIXTURES / "valid", ROOT])
def test_workers_give_exactly_what_a_single_process_gives(folder):
    today = "None" if folder == ROOT else "__import__('datetime').date(2026, 11, 21)"  # fixtures are dated then
    here, shared = in_fresh_process(f"ROOT = {str(folder)!r}\nTODAY = {today}\n" + SUMMARY)
    assert shared == here
    assert here["files"] > 0
    if folder == ROOT:
        assert here["diagnostics"] == [] and len(here["claims"]) > 100


def test_work_run_aside_is_done_in_another_process_and_waited_for(tmp_path):
    out = tmp_path / "written"
    parent, child, written = in_fresh_process(
        "from pathlib import Path\n"
        "from catalog.workers import run_aside\n"
        f"out = Path({str(out)!r})\n"
        "wait = run_aside(lambda: out.write_text(str(os.getpid())))\n"
        "wait()\n"
        "print(json.dumps([os.getpid(), int(out.read_text()), out.exists()]))")
    assert written and child != parent


def test_a_failure_aside_is_reported_by_wait_without_a_traceback():
    reported = in_fresh_process(
        "from catalog.workers import run_aside\n"
        "def fail(): raise ValueError('no such file: api/v1/x.json')\n"
        "wait = run_aside(fail)\n"
        "try:\n"
        "    wait()\n"
        "except RuntimeError as error:\n"
        "    print(json.dumps(str(error)))\n")
    assert reported == "ValueError: no such file: api/v1/x.json"


def test_where_forking_is_unsafe_work_aside_runs_here_when_waited_for(monkeypatch):
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # as under `mkdocs serve`
    done = []
    wait = workers.run_aside(lambda: done.append(os.getpid()))
    wait()
    assert done == [os.getpid()]

    def fail():
        raise ValueError("bad record")
    with pytest.raises(RuntimeError, match="ValueError: bad record"):
        workers.run_aside(fail)()


def test_a_stream_aside_is_made_in_another_process_and_taken_in_order():
    parent, taken = in_fresh_process(
        "from catalog.workers import stream_aside\n"
        "stream = stream_aside(lambda: ((n, os.getpid(), 'x' * 50_000) for n in range(40)))\n"
        "print(json.dumps([os.getpid(), [(n, pid, len(text)) for n, pid, text in stream]]))")
    assert [n for n, _, _ in taken] == list(range(40))
    assert {length for _, _, length in taken} == {50_000}  # more than a pipe holds at once
    assert parent not in {pid for _, pid, _ in taken}


def test_a_failure_in_a_stream_aside_is_raised_where_the_next_item_is_taken_without_a_traceback():
    taken = in_fresh_process(
        "from catalog.workers import stream_aside\n"
        "def pages():\n"
        "    yield 'claims/a.md'\n"
        "    raise KeyError('no source x')\n"
        "stream = stream_aside(pages)\n"
        "first = next(stream)\n"
        "try:\n"
        "    next(stream)\n"
        "except RuntimeError as error:\n"
        "    print(json.dumps([first, str(error)]))\n")
    assert taken == ["claims/a.md", "KeyError: 'no source x'"]


def test_closing_a_stream_aside_early_ends_its_worker():
    ended = in_fresh_process(
        "import time\n"
        "from catalog.workers import stream_aside\n"
        "stream = stream_aside(lambda: ('x' * 100_000 for _ in range(1000)))\n"
        "next(stream)\n"
        "start = time.monotonic()\n"
        "stream.close()  # the worker is blocked sending what nobody takes\n"
        "import multiprocessing\n"
        "print(json.dumps([time.monotonic() - start < 10, multiprocessing.active_children() == []]))")
    assert ended == [True, True]


def test_where_forking_is_unsafe_a_stream_aside_makes_each_item_here_as_it_is_taken(monkeypatch):
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    made = []

    def produce():
        for n in range(3):
            made.append((n, os.getpid()))
            yield n
    stream = workers.stream_aside(produce)
    assert made == []
    assert next(stream) == 0 and made == [(0, os.getpid())]
    assert list(stream) == [1, 2]

    def fail():
        yield 1
        raise ValueError("bad page")
    failing = workers.stream_aside(fail)
    assert next(failing) == 1
    with pytest.raises(RuntimeError, match="ValueError: bad page"):
        next(failing)
