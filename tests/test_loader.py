"""The loader keeps positions, keeps text as typed, and turns every YAML problem into a diagnostic."""

from __future__ import annotations

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
