"""Every check code has a fixture that raises exactly that code, and the golden fixture's full output."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, TODAY, VALID

from catalog.diagnostics import CODES
from catalog.pipeline import read_catalog

CODE_FIXTURES = FIXTURES / "codes"


def test_the_valid_fixture_is_clean():
    result = read_catalog(VALID, today=TODAY)
    assert [str(d) for d in result.diagnostics] == []
    assert {c.id for c in result.catalog.claims} == {"sample-claim", "other-claim"}


@pytest.mark.parametrize("code", [c.code for c in CODES])
def test_fixture_raises_exactly_its_code(code, fixture_catalog):
    overlay = CODE_FIXTURES / code
    assert overlay.is_dir(), f"no fixture for {code}: add tests/fixtures/codes/{code}/"
    result = fixture_catalog(overlay)
    assert result.catalog is None
    assert {d.code for d in result.diagnostics} == {code}, [str(d) for d in result.diagnostics]


def test_every_fixture_folder_names_a_known_code():
    known = {c.code for c in CODES}
    assert {p.name for p in CODE_FIXTURES.iterdir()} <= known


def test_codes_are_unique_and_documented():
    assert len({c.code for c in CODES}) == len(CODES)
    assert all(c.summary and c.fix for c in CODES)


def test_everything_wrong_fixture_reports_exactly_the_expected_messages():
    folder = FIXTURES / "everything-wrong"
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = read_catalog(folder / "catalog", today=TODAY)
    assert [str(d) for d in result.diagnostics] == expected
