"""Read a whole catalog folder: find every file, load it, check it, and build the models.

read_catalog() is the single entry point used by the validator script, the MkDocs hook, the
exports and the tests. It reports every problem in every file before anyone decides to stop.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .checks import (SLUG, Context, Record, check_date_order, check_glossary_references, check_record,
                     check_references)
from .contract import CLAIM_FIELDS, GLOSSARY_FIELDS, SOURCE_FIELDS, TOPIC_FIELDS
from .diagnostics import Diagnostic
from .loader import LoadedFile, load_bytes, parse_yaml
from .models import Catalog, build_catalog

CLAIMS_DIR = "claims"
SOURCES_DIR = "sources"
TOPICS_DIR = "docs/topics"
GLOSSARY_DIR = "glossary"
RESERVED_IDS = {"index"}


@dataclass
class Result:
    catalog: Catalog | None  # None whenever there is at least one diagnostic
    diagnostics: list[Diagnostic]
    files: int


def read_catalog(root: Path | str, today: date | None = None) -> Result:
    # Loading builds millions of small objects and no reference cycles; with the cyclic garbage
    # collector on, its full collections walk all of them again and again (a third of the time
    # at 10,000 claims). Reference counting still frees everything that is dropped.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_catalog(Path(root), today)
    finally:
        if collecting:
            gc.enable()


def _read_catalog(root: Path, today: date | None) -> Result:
    today = today or date.today()
    diagnostics: list[Diagnostic] = []
    # Ids count as existing even when their file failed to load, so one broken file does not
    # make every reference to it fail as well.
    claims, claim_ids = _read_folder(root, CLAIMS_DIR, ".yaml", CLAIM_FIELDS, diagnostics, today)
    sources, source_ids = _read_folder(root, SOURCES_DIR, ".yaml", SOURCE_FIELDS, diagnostics, today)
    topics, topic_ids = _read_folder(root, TOPICS_DIR, ".md", TOPIC_FIELDS, diagnostics, today)
    glossary, _ = _read_folder(root, GLOSSARY_DIR, ".yaml", GLOSSARY_FIELDS, diagnostics, today)
    for claim in claims:
        check_date_order(Context(claim.path, diagnostics, today), claim,
                         (("first_published", "last_reviewed"), ("evidence_as_of", "last_reviewed")))
    for source in sources:
        check_date_order(Context(source.path, diagnostics, today), source, (("signed", "published"),))
    check_references(claims, sources, claim_ids, source_ids, topic_ids, diagnostics, today)
    check_glossary_references(glossary, claim_ids, source_ids, diagnostics, today)
    files = len(claims) + len(sources) + len(topics) + len(glossary)
    diagnostics.sort()
    if diagnostics:
        return Result(None, diagnostics, files)
    catalog = build_catalog(
        {c.id: (c.path, c.values) for c in claims},
        {s.id: (s.path, s.values) for s in sources},
        {t.id: (t.path, t.values) for t in topics},
        {g.id: (g.path, g.values) for g in glossary},
    )
    return Result(catalog, diagnostics, files)


def _read_folder(root: Path, folder: str, suffix: str, fields, diagnostics: list[Diagnostic],
                 today: date) -> tuple[list[Record], set[str]]:
    """Load every file below folder; anything that is not a well-named record file is reported.

    Returns the records that loaded and the ids of every well-named file."""
    base = root / folder
    records: list[Record] = []
    ids: set[str] = set()
    if not base.is_dir():
        return records, ids
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        record_id = path.name[: -len(suffix)] if path.name.endswith(suffix) else None
        if path.parent != base or record_id is None or not SLUG.match(record_id) or record_id in RESERVED_IDS:
            diagnostics.append(Diagnostic(relative, 1, 1, "SC007", _bad_name_message(folder, suffix, path.name, record_id)))
            continue
        ids.add(record_id)
        loaded = _load(relative, path.read_bytes(), suffix)
        diagnostics.extend(loaded.diagnostics)
        if loaded.root is None:
            continue
        ctx = Context(relative, diagnostics, today)
        values = check_record(ctx, loaded.root, fields)
        if values.get("id", record_id) != record_id:
            ctx.report(loaded.root.value["id"].value, "SC008", f"id '{values['id']}' differs from the file name '{record_id}'")
        records.append(Record(record_id, relative, values, loaded.root))
    return records, ids


def _bad_name_message(folder: str, suffix: str, name: str, record_id: str | None) -> str:
    if record_id in RESERVED_IDS:
        return f"'{name}' uses a reserved name; choose another id"
    if record_id is None:
        return f"'{name}' is not a {suffix} file; only {suffix} record files belong in {folder}/"
    return f"'{name}' must be named in lowercase ASCII kebab-case, like single-national-score{suffix}, directly in {folder}/"


def _load(relative: str, data: bytes, suffix: str) -> LoadedFile:
    if suffix == ".yaml":
        return load_bytes(relative, data)
    return load_front_matter(relative, data)


def load_front_matter(relative: str, data: bytes) -> LoadedFile:
    """Load the YAML front matter of a Markdown page (between the first two '---' lines)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return load_bytes(relative, data)  # reports SC001 with the position
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return LoadedFile(relative, None, [Diagnostic(relative, 1, 1, "SC006", "the page must start with front matter: a '---' line, the fields, and another '---' line")])
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return parse_yaml(relative, "\n".join(lines[1:index]), line_offset=1)
    return LoadedFile(relative, None, [Diagnostic(relative, 1, 1, "SC006", "the front matter has no closing '---' line")])
