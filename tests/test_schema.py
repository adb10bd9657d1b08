"""The editor schemas: generated from the contract, committed current, and never stricter than the validator."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES, ROOT, VALID
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog import generate
from catalog.checks import Context, check_value
from catalog.contract import CLAIM_FIELDS, GLOSSARY_FIELDS, SOURCE_FIELDS, VERDICTS, Field
from catalog.loader import Node, load_bytes
from catalog.pipeline import read_catalog
from catalog.schema import schemas
from catalog.shapes import text_pattern

FOLDERS = {"claim": ("claims", CLAIM_FIELDS), "source": ("sources", SOURCE_FIELDS), "glossary": ("glossary", GLOSSARY_FIELDS)}
FAR_FUTURE = date(9999, 12, 31)
YAML12_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
YAML12_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def committed(name: str) -> dict:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def plain(node: Node, typed: bool = False):
    """A loaded tree as plain data: all text (as our loader reads it), or typed as YAML 1.2 reads it."""
    if node.is_mapping:
        return {key: plain(entry.value, typed) for key, entry in node.value.items()}
    if node.is_sequence:
        return [plain(item, typed) for item in node.value]
    text = node.value
    if not typed or text is None:
        return text
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if YAML12_INT.match(text):
        return int(text, 0) if text.startswith(("0o", "0x")) else int(text)
    if YAML12_FLOAT.match(text):
        return float(text)
    return text


def accepted_files(root: Path, today: date | None = None) -> list[tuple[str, Path]]:
    """Every claim, source and glossary file under root on which the validator reports nothing."""
    flagged = {d.path for d in read_catalog(root, today=today).diagnostics}
    return [(name, path) for name, (folder, _) in FOLDERS.items() for path in sorted((root / folder).glob("*.yaml"))
            if path.relative_to(root).as_posix() not in flagged]


def test_committed_schemas_templates_and_contributing_are_current():
    assert generate.stale() == [], "run `make generate` and commit the result"


@pytest.mark.parametrize("name", list(FOLDERS))
def test_schemas_are_valid_draft_2020_12_and_match_the_committed_copies(name):
    schema = schemas()[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert committed(name) == schema


@pytest.mark.parametrize("name", list(FOLDERS))
def test_every_contract_field_is_described_with_its_requirement(name):
    fields = FOLDERS[name][1]
    schema = committed(name)
    assert list(schema["properties"]) == [f.name for f in fields]
    assert schema["required"] == [f.name for f in fields if f.required]
    assert schema["additionalProperties"] is False
    for f in fields:
        assert schema["properties"][f.name]["description"].startswith("Required." if f.required else "Optional.")


def test_template_first_lines_point_editors_at_the_schemas():
    for kind, folder in (("claim", "claims"), ("source", "sources")):
        first = (ROOT / "templates" / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
        # The relative path works both from templates/ and from the folder a copy is saved in.
        assert (ROOT / folder / f"../schemas/{kind}.schema.json").resolve().is_file()


@pytest.mark.parametrize("typed", [False, True], ids=["as-text", "as-yaml-1.2"])
@pytest.mark.parametrize("root", [VALID, ROOT], ids=["fixtures", "catalog"])
def test_the_schema_accepts_every_file_the_validator_accepts(root, typed):
    files = accepted_files(root, today=FAR_FUTURE)
    assert files, "no file passed the validator"
    for name, path in files:
        loaded = load_bytes(path.name, path.read_bytes())
        errors = [e.message for e in jsonschema.Draft202012Validator(committed(name)).iter_errors(plain(loaded.root, typed))]
        assert errors == [], path


def test_an_unquoted_boolean_verdict_is_accepted_like_the_text():
    schema = committed("claim")["properties"]["verdict"]
    for value in [v.slug for v in VERDICTS] + [True, False]:
        jsonschema.validate(value, schema)
    for value in ("yes", "True", "mostly false", None, 1):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(value, schema)


@pytest.mark.parametrize("code", ["SC101", "SC102", "SC103", "SC104", "SC105", "SC106", "SC108", "SC112"])
def test_the_schema_rejects_what_the_fixture_for_a_code_gets_wrong(code):
    overlay = FIXTURES / "codes" / code
    (path,) = [p for p in overlay.rglob("*.yaml")]
    name = {"claims": "claim", "sources": "source", "glossary": "glossary"}[path.parent.name]
    loaded = load_bytes(path.name, path.read_bytes())
    assert not jsonschema.Draft202012Validator(committed(name)).is_valid(plain(loaded.root)), code


def validator_accepts(text: str, shape: str, limit: int | None) -> bool:
    diagnostics: list = []
    ctx = Context("x.yaml", diagnostics, FAR_FUTURE)
    check_value(ctx, Node(text, 1, 1), Field("x", shape, True, "Help.", limit), "x", ("x",))
    return not diagnostics


TEXT = st.text(alphabet="ab \n\t\u3000", max_size=14)


@settings(max_examples=400, deadline=None)
@given(text=TEXT, limit=st.one_of(st.none(), st.integers(1, 8)), shape=st.sampled_from(["line", "text", "markdown"]))
def test_text_patterns_count_characters_exactly_as_the_validator(text, limit, shape):
    pattern = text_pattern(limit, shape == "line")
    assert bool(re.search(pattern, text)) == validator_accepts(text, shape, limit)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.from_regex(r"\A ?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)? ?\Z"), st.text(alphabet="0123456789- ", max_size=12)),
       shape=st.sampled_from(["date", "partial-date"]))
def test_date_patterns_accept_every_date_the_validator_accepts(text, shape):
    # catalog/checks.py reads a month or day of 00 as 01 (so it accepts 2019-00); the schema keeps
    # the calendar's 01-12 and 01-31 instead of copying that slip. (The checker's \d also takes
    # non-ASCII digits, which an editor's \d does not; only ASCII digits are generated here.)
    if validator_accepts(text, shape, None) and not re.search(r"-00(?!\d)", text):
        schema = committed("source" if shape == "partial-date" else "claim")
        field = "published" if shape == "partial-date" else "first_published"
        jsonschema.validate(text, schema["properties"][field])
