"""Property-based tests: whatever bytes arrive, reading a catalog ends in located diagnostics.

Hypothesis mutates a valid claim file and also feeds random YAML-ish text. The loader and the
checks must never raise, and every diagnostic must carry a path, a line, a column and a known code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.diagnostics import CODE_BY_ID
from catalog.loader import load_bytes
from catalog.pipeline import read_catalog

from conftest import TODAY, VALID

VALID_CLAIM = (VALID / "claims" / "sample-claim.yaml").read_bytes()
YAML_PIECES = st.sampled_from([
    ":", "-", " ", "\n", "  ", "[", "]", "{", "}", "&a", "*a", "!!int", "!x", "'", '"', "#", "---", "...",
    "?", "|", ">", "\t", "claim", "verdict", "true", "no", "2024-02-30", "<script>", "\x00", "é", "失信", "\ufeff",
])


def assert_located(diagnostics, path_prefix=""):
    for d in diagnostics:
        assert d.code in CODE_BY_ID
        assert d.line >= 1 and d.column >= 1
        assert d.path.startswith(path_prefix)
        assert str(d).startswith(f"{d.path}:{d.line}:{d.column}: {d.code} ")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    loaded = load_bytes("claims/x.yaml", data)
    assert_located(loaded.diagnostics, "claims/x.yaml")
    assert loaded.root is not None or loaded.diagnostics


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_random_yaml_text_never_raises(text):
    loaded = load_bytes("claims/x.yaml", text.encode("utf-8", "surrogatepass"))
    assert_located(loaded.diagnostics, "claims/x.yaml")


@st.composite
def mutated_claim(draw):
    data = bytearray(VALID_CLAIM)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        position = draw(st.integers(0, len(data)))
        if action == "delete" and position < len(data):
            del data[position: position + draw(st.integers(1, 20))]
        elif action == "insert":
            data[position:position] = draw(YAML_PIECES).encode("utf-8")
        elif position < len(data):
            data[position] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_claim())
def test_mutated_claim_in_a_catalog_ends_in_located_diagnostics_or_a_catalog(tmp_path, data):
    root = tmp_path / "catalog"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(VALID, root)
    (root / "claims" / "sample-claim.yaml").write_bytes(data)
    result = read_catalog(root, today=TODAY)
    assert_located(result.diagnostics)
    assert (result.catalog is None) == bool(result.diagnostics)
