"""The loader keeps positions, keeps text as typed, and turns every YAML problem into a diagnostic."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.loader import load_bytes


def load(text: str):
    return load_bytes("claims/x.yaml", text.encode("utf-8"))


def test_positions_are_one_based_line_and_column():
    loaded = load("claim: a\ntags:\n  - first\n  - second\n")
    tags = loaded.root.value["tags"]
    assert (tags.key.line, tags.key.column) == (2, 1)
    second = tags.value.value[1]
    assert (second.value, second.line, second.column) == ("second", 4, 5)


def test_yaml_booleans_numbers_and_dates_stay_text():
    loaded = load("verdict: no\nlocator: 1e3\ndate: 2024-01-01\nother: yes\n")
    values = {k: e.value.value for k, e in loaded.root.value.items()}
    assert values == {"verdict": "no", "locator": "1e3", "date": "2024-01-01", "other": "yes"}


def test_empty_and_null_plain_scalars_are_empty_but_quoted_ones_are_text():
    loaded = load("a:\nb: ~\nc: null\nd: 'null'\n")
    values = {k: e.value.value for k, e in loaded.root.value.items()}
    assert values == {"a": None, "b": None, "c": None, "d": "null"}


def test_duplicate_keys_are_reported_and_the_first_value_kept():
    loaded = load("title: one\ntitle: two\n")
    assert [str(d) for d in loaded.diagnostics] == ["claims/x.yaml:2:1: SC003 key 'title' repeats the key at line 1"]
    assert loaded.root.value["title"].value.value == "one"


def test_second_document_is_reported():
    loaded = load("title: one\n---\ntitle: two\n")
    assert [d.code for d in loaded.diagnostics] == ["SC006"]
    assert loaded.root.value["title"].value.value == "one"


def test_byte_order_mark_is_accepted():
    loaded = load_bytes("claims/x.yaml", "\ufefftitle: one\n".encode("utf-8"))
    assert loaded.diagnostics == []


def test_invalid_utf8_position_counts_lines_and_columns():
    loaded = load_bytes("claims/x.yaml", b"a: b\nclaim: caf\xe9\n")
    assert [str(d) for d in loaded.diagnostics] == ["claims/x.yaml:2:11: SC001 byte 0xe9 is not valid UTF-8"]


def test_complex_keys_are_reported():
    loaded = load("? [a, b]\n: value\n")
    assert [d.code for d in loaded.diagnostics] == ["SC103"]


def test_deeply_nested_input_is_a_diagnostic_not_a_crash():
    loaded = load("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert loaded.root is not None or loaded.diagnostics


def test_month_and_day_zero_and_non_ascii_digits_are_not_dates(fixture_catalog):
    story = "title: S\npublisher: P\nurl: https://example.org/s\nkind: journalism\nlanguage: en\npublished: {}\n"
    for value in ("2019-00", "2026-01-00", "２０１９"):
        result = fixture_catalog(files={"sources/extra-story.yaml": story.format(value)})
        assert [d.code for d in result.diagnostics] == ["SC109"], value


VALID_CLAIM = (Path(__file__).parent / "fixtures" / "valid" / "claims" / "sample-claim.yaml").read_text(encoding="utf-8")
SLIPS = [  # (what the contributor typed instead of the valid text, line, column, the message's start)
    (("fact: There is no single national score.", "fact: There is no score: only lists."), 7, 24,
     "the value of 'fact' contains ': '"),
    (("  - text: China gives each citizen a score.", "  - text: China gives: each citizen a score."), 3, 22,
     "the value of 'text' contains ': '"),
    (("  - source: sample-law", "\t- source: sample-law"), 15, 1, "a tab is used for indentation"),
    (("claim: Everyone has a score.", 'claim: "Everyone has a score.'), 1, 8, 'the " that opens this value is never closed'),
    (("evidence_as_of: 2026-01-15", "evidence_as_of: '2026-01-15"), 23, 17, "the ' that opens this value is never closed"),
    (("    locator: Article 1", "      locator: Article 1"), 16, 7, "this line's indentation does not match"),
    (("    locator: Article 1", "   locator: Article 1"), 16, 4, "this line's indentation does not match"),
]


@pytest.mark.parametrize(("change", "line", "column", "message"), SLIPS)
def test_common_yaml_slips_are_explained_where_they_are(change, line, column, message):
    loaded = load(VALID_CLAIM.replace(*change))
    syntax = [d for d in loaded.diagnostics if d.code == "SC002"]
    assert len(syntax) == 1, [str(d) for d in loaded.diagnostics]
    assert (syntax[0].line, syntax[0].column) == (line, column)
    assert syntax[0].message.startswith(message)


def test_a_repairable_slip_does_not_hide_the_other_problems_of_the_file(fixture_catalog):
    broken = VALID_CLAIM.replace("fact: There is no single national score.", "fact: There is no score: only lists.")
    result = fixture_catalog(files={"claims/sample-claim.yaml": broken.replace("topic: scope\n", "")})
    found = {(d.code, d.line) for d in result.diagnostics if d.path == "claims/sample-claim.yaml"}
    assert ("SC002", 7) in found and ("SC101", 1) in found  # the colon, and the missing topic
    assert result.catalog is None
