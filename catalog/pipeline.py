"""Read a whole catalog folder: find every file, load it, check it, and build the models.

read_catalog() is the single entry point used by the validator script, the MkDocs hook, the
exports and the tests. It reports every problem in every file before anyone decides to stop.
Each file is loaded and checked on its own (check_file), in worker processes when the catalog is
large; what records say about each other is checked afterwards, here.
"""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from .checks import Record, check_date_order, check_glossary_references, check_queue, check_record, check_references, check_wordings
from .contract import CLAIM_FIELDS, GLOSSARY_FIELDS, QUEUE_FIELDS, SOURCE_FIELDS, TOPIC_FIELDS
from .diagnostics import Diagnostic
from .links import link_problems, site_pages
from .loader import load_file, load_front_matter
from .markdown_rules import markdown_problems
from .models import Catalog, build_catalog
from .permalinks import check_registry
from .values import SLUG, Context, in_text
from .workers import map_batches

CLAIMS_DIR = "claims"
SOURCES_DIR = "sources"
TOPICS_DIR = "docs/topics"
GLOSSARY_DIR = "glossary"
QUEUE_DIR = "queue"
RESERVED_IDS = {"index", "page"}  # claims/index.md is the list of claims, claims/page/ its further pages
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


def read_catalog(root: Path | str, today: date | None = None, workers: int | None = None,
                 registry: bool = True) -> Result:
    """workers: processes that check files; None chooses by catalog size, 1 checks them here.
    registry=False leaves out the permalink registry check (for the script that updates it)."""
    with _no_cyclic_gc():
        return _read_catalog(Path(root), today or date.today(), workers, registry)


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


def _read_catalog(root: Path, today: date, workers: int | None, registry: bool) -> Result:
    diagnostics: list[Diagnostic] = []
    # Ids count as existing even when their file failed to load, so one broken file does not
    # make every reference to it fail as well.
    found = {folder: _record_files(root, folder, suffix, diagnostics) for folder, (suffix, _) in FOLDERS.items()}
    ids = {folder: {record_id for _, record_id in files} for folder, files in found.items()}
    tasks = [(relative, record_id, folder) for folder, files in found.items() for relative, record_id in files]
    records: dict[str, list[Record]] = {folder: [] for folder in FOLDERS}
    checked = map_batches(partial(check_files, str(root), today), tasks, workers)
    for (relative, record_id, folder), (file_diagnostics, values, positions) in zip(tasks, checked, strict=True):
        diagnostics.extend(file_diagnostics)
        if values is not None:
            records[folder].append(Record(record_id, relative, values, positions))
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
    pages = site_pages({folder: {r.id: r.values for r in folder_records} for folder, folder_records in records.items()}, root)
    check_explanation_links(claims, pages, diagnostics, today)
    hand_written_pages(root, pages, diagnostics)
    files = sum(len(folder_records) for folder_records in records.values())
    diagnostics.sort()
    if diagnostics:
        return Result(None, diagnostics, files)
    by_id = {folder: {r.id: (r.path, r.values) for r in folder_records} for folder, folder_records in records.items()}
    catalog = build_catalog(by_id[CLAIMS_DIR], by_id[SOURCES_DIR], by_id[TOPICS_DIR], by_id[GLOSSARY_DIR], by_id[QUEUE_DIR])
    problems = check_registry(root, catalog) if registry else []  # needs the whole site: runs on a clean catalog
    if problems:
        return Result(None, sorted(problems), files)
    return Result(catalog, diagnostics, files)


def _record_files(root: Path, folder: str, suffix: str, diagnostics: list[Diagnostic]) -> list[tuple[str, str]]:
    """(path relative to root, id) of every well-named record file; every other entry is reported.

    Only regular files are read: a symbolic link (which could lead out of the repository or to a
    device), a FIFO or a device file is reported instead, and so is a linked folder."""
    base = root / folder
    files = []
    for directory, folders, names in os.walk(base):
        nested = directory != str(base)
        for name in folders:
            if os.path.islink(os.path.join(directory, name)):
                relative = Path(directory, name).relative_to(root).as_posix()
                diagnostics.append(Diagnostic(relative, 1, 1, "SC010", f"'{name}' is a link to a folder; put record files directly in {folder}/"))
        for name in names:
            relative = Path(directory, name).relative_to(root).as_posix() if nested else f"{folder}/{name}"
            record_id = name[: -len(suffix)] if name.endswith(suffix) else None
            mode = os.lstat(os.path.join(directory, name)).st_mode
            if not stat.S_ISREG(mode):
                what = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file (a pipe, socket or device)"
                diagnostics.append(Diagnostic(relative, 1, 1, "SC010", f"'{name}' is {what}; record files must be ordinary files in the repository"))
            elif nested or record_id is None or not SLUG.match(record_id) or record_id in RESERVED_IDS:
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


def check_explanation_links(claims: list[Record], pages: dict, diagnostics: list[Diagnostic], today: date) -> None:
    for claim in claims:
        explanation = claim.values.get("explanation")
        for problem in link_problems(explanation, f"claims/{claim.id}.md", pages, "explanation") if explanation else []:
            diagnostics.append(in_text(claim.path, claim.position("explanation"), problem))


def _page_body(lines: list[str]) -> tuple[int, list[str]]:
    """The line where a page's Markdown body starts, and the body with its one # title blanked."""
    start = 0
    if lines and lines[0].rstrip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() == "---"), len(lines))
    body = lines[start:]
    title = next((i for i, line in enumerate(body) if line.strip()), None)
    if title is not None and body[title].startswith("# "):
        body = body[:title] + [""] + body[title + 1:]  # the page's title is its one level-1 heading
    return start, body


def page_body_diagnostics(relative: str, lines: list[str], pages: dict | None = None) -> list[Diagnostic]:
    """Problems in the Markdown body of a page: the Markdown rules, and its links when pages is given."""
    start, body = _page_body(lines)
    text = "\n".join(body)
    problems = markdown_problems(text, "the page", lowest_heading=2, comments=True)
    if pages is not None:
        page = relative.removeprefix("docs/")
        problems += link_problems(text, page, pages, "the page")
    return [Diagnostic(relative, start + p.line + 1, p.column, p.code, p.message) for p in problems]


def hand_written_pages(root: Path, pages: dict, diagnostics: list[Diagnostic]) -> None:
    """Pages in docs/ follow the Markdown rules of topic pages; the links of both are checked here,
    once every page that a link may point to is known."""
    for page in sorted([*(root / "docs").glob("*.md"), *(root / TOPICS_DIR).glob("*.md")]):
        relative = page.relative_to(root).as_posix()
        try:
            lines = page.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            continue  # a topic page that cannot be read is reported where it is loaded
        if relative.startswith(TOPICS_DIR):
            start, body = _page_body(lines)
            diagnostics.extend(Diagnostic(relative, start + p.line + 1, p.column, p.code, p.message)
                               for p in link_problems("\n".join(body), relative.removeprefix("docs/"), pages, "the page"))
        else:  # MkDocs shows front matter it cannot read as text at the top of the page
            if lines and lines[0].rstrip() == "---":
                diagnostics.extend(load_front_matter(relative, "\n".join(lines).encode("utf-8")).diagnostics)
            diagnostics.extend(page_body_diagnostics(relative, lines, pages))


def check_files(root: str, today: date, tasks: list[tuple[str, str, str]]) -> list[tuple[list[Diagnostic], dict | None, dict]]:
    """Load and check (relative path, id, folder) files; for each, its problems and its values.

    Runs in worker processes for large catalogs, so it takes and returns only plain data."""
    with _no_cyclic_gc():
        return [check_file(root, relative, record_id, folder, today) for relative, record_id, folder in tasks]


def check_file(root: str, relative: str, record_id: str, folder: str, today: date) -> tuple[list[Diagnostic], dict | None, dict]:
    """One file's problems, its checked values, and where each value stood."""
    try:
        with open(os.path.join(root, relative), "rb") as file:
            data = file.read()
    except OSError as error:
        return [Diagnostic(relative, 1, 1, "SC010", f"the file cannot be read: {error.strerror or error}")], None, {}
    loaded = load_file(relative, data)
    lines = data.decode("utf-8", "replace").split("\n")
    if folder == TOPICS_DIR:
        loaded.diagnostics.extend(page_body_diagnostics(relative, lines))
    if loaded.root is None:
        return loaded.diagnostics, None, {}
    ctx = Context(relative, loaded.diagnostics, today, lines)
    values = check_record(ctx, loaded.root, FOLDERS[folder][1])
    if values.get("id", record_id) != record_id:
        ctx.report(loaded.root.value["id"].value, "SC008", f"id '{values['id']}' differs from the file name '{record_id}'")
    return loaded.diagnostics, values, ctx.positions
