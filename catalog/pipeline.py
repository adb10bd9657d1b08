"""Read a whole catalog folder: find every file, load it, check it, and build the models.

read_catalog() is the single entry point used by the validator script, the MkDocs hook, the
exports and the tests. It reports every problem in every file before anyone decides to stop.
Each file is loaded and checked on its own (check_file), in worker processes when the catalog is
large; what records say about each other is checked afterwards, here.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from .checks import (SLUG, Context, Record, check_date_order, check_glossary_references, check_queue, check_record,
                     check_references, check_wordings)
from .contract import CLAIM_FIELDS, GLOSSARY_FIELDS, QUEUE_FIELDS, SOURCE_FIELDS, TOPIC_FIELDS
from .diagnostics import Diagnostic
from .loader import load_file
from .models import Catalog, build_catalog
from .workers import map_batches

CLAIMS_DIR = "claims"
SOURCES_DIR = "sources"
TOPICS_DIR = "docs/topics"
GLOSSARY_DIR = "glossary"
QUEUE_DIR = "queue"
RESERVED_IDS = {"index"}
# Each folder of record files: the suffix of its files and the fields of its records.
FOLDERS = {
    CLAIMS_DIR: (".yaml", CLAIM_FIELDS),
    SOURCES_DIR: (".yaml", SOURCE_FIELDS),
    TOPICS_DIR: (".md", TOPIC_FIELDS),
    GLOSSARY_DIR: (".yaml", GLOSSARY_FIELDS),
    QUEUE_DIR: (".yaml", QUEUE_FIELDS),
}


@dataclass
class Result:
    catalog: Catalog | None  # None whenever there is at least one diagnostic
    diagnostics: list[Diagnostic]
    files: int


def read_catalog(root: Path | str, today: date | None = None, workers: int | None = None) -> Result:
    """workers: processes that check files; None chooses by catalog size, 1 checks them here."""
    with _no_cyclic_gc():
        return _read_catalog(Path(root), today or date.today(), workers)


@contextmanager
def _no_cyclic_gc():
    # Loading builds millions of small objects and no reference cycles; with the cyclic garbage
    # collector on, its full collections walk all of them again and again (a third of the time
    # at 10,000 claims). Reference counting still frees everything that is dropped.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_catalog(root: Path, today: date, workers: int | None) -> Result:
    diagnostics: list[Diagnostic] = []
    # Ids count as existing even when their file failed to load, so one broken file does not
    # make every reference to it fail as well.
    found = {folder: _record_files(root, folder, suffix, diagnostics) for folder, (suffix, _) in FOLDERS.items()}
    ids = {folder: {record_id for _, record_id in files} for folder, files in found.items()}
    tasks = [(relative, record_id, folder) for folder, files in found.items() for relative, record_id in files]
    records: dict[str, list[Record]] = {folder: [] for folder in FOLDERS}
    checked = map_batches(partial(check_files, str(root), today), tasks, workers)
    for (relative, record_id, folder), (file_diagnostics, values) in zip(tasks, checked):
        diagnostics.extend(file_diagnostics)
        if values is not None:
            records[folder].append(Record(record_id, relative, values, os.path.join(root, relative)))
    claims, sources = records[CLAIMS_DIR], records[SOURCES_DIR]
    for claim in claims:
        check_date_order(Context(claim.path, diagnostics, today), claim,
                         (("first_published", "last_reviewed"), ("evidence_as_of", "last_reviewed")))
    for source in sources:
        check_date_order(Context(source.path, diagnostics, today), source, (("signed", "published"),))
    check_references(claims, sources, ids[CLAIMS_DIR], ids[SOURCES_DIR], ids[TOPICS_DIR], diagnostics, today)
    check_glossary_references(records[GLOSSARY_DIR], ids[CLAIMS_DIR], ids[SOURCES_DIR], diagnostics, today)
    check_queue(records[QUEUE_DIR], ids[CLAIMS_DIR], ids[TOPICS_DIR], diagnostics, today)
    check_wordings(claims, records[QUEUE_DIR], diagnostics, today)
    files = sum(len(folder_records) for folder_records in records.values())
    diagnostics.sort()
    if diagnostics:
        return Result(None, diagnostics, files)
    by_id = {folder: {r.id: (r.path, r.values) for r in folder_records} for folder, folder_records in records.items()}
    catalog = build_catalog(by_id[CLAIMS_DIR], by_id[SOURCES_DIR], by_id[TOPICS_DIR], by_id[GLOSSARY_DIR], by_id[QUEUE_DIR])
    return Result(catalog, diagnostics, files)


def _record_files(root: Path, folder: str, suffix: str, diagnostics: list[Diagnostic]) -> list[tuple[str, str]]:
    """(path relative to root, id) of every well-named record file; every other file is reported."""
    base = root / folder
    files = []
    for directory, _, names in os.walk(base):
        nested = directory != str(base)
        for name in names:
            relative = Path(directory, name).relative_to(root).as_posix() if nested else f"{folder}/{name}"
            record_id = name[: -len(suffix)] if name.endswith(suffix) else None
            if nested or record_id is None or not SLUG.match(record_id) or record_id in RESERVED_IDS:
                diagnostics.append(Diagnostic(relative, 1, 1, "SC007", _bad_name_message(folder, suffix, name, record_id)))
            else:
                files.append((relative, record_id))
    return sorted(files)


def _bad_name_message(folder: str, suffix: str, name: str, record_id: str | None) -> str:
    if record_id in RESERVED_IDS:
        return f"'{name}' uses a reserved name; choose another id"
    if record_id is None:
        return f"'{name}' is not a {suffix} file; only {suffix} record files belong in {folder}/"
    return f"'{name}' must be named in lowercase ASCII kebab-case, like single-national-score{suffix}, directly in {folder}/"


def check_files(root: str, today: date, tasks: list[tuple[str, str, str]]) -> list[tuple[list[Diagnostic], dict | None]]:
    """Load and check (relative path, id, folder) files; for each, its problems and its values.

    Runs in worker processes for large catalogs, so it takes and returns only plain data."""
    with _no_cyclic_gc():
        return [check_file(root, relative, record_id, folder, today) for relative, record_id, folder in tasks]


def check_file(root: str, relative: str, record_id: str, folder: str, today: date) -> tuple[list[Diagnostic], dict | None]:
    try:
        with open(os.path.join(root, relative), "rb") as file:
            data = file.read()
    except OSError as error:
        return [Diagnostic(relative, 1, 1, "SC010", f"the file cannot be read: {error.strerror or error}")], None
    loaded = load_file(relative, data)
    if loaded.root is None:
        return loaded.diagnostics, None
    ctx = Context(relative, loaded.diagnostics, today)
    values = check_record(ctx, loaded.root, FOLDERS[folder][1])
    if values.get("id", record_id) != record_id:
        ctx.report(loaded.root.value["id"].value, "SC008", f"id '{values['id']}' differs from the file name '{record_id}'")
    return loaded.diagnostics, values
