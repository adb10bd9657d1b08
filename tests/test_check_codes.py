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


@pytest.mark.parametrize(("path", "typed", "mistyped", "code", "meant"), [
    ("claims/sample-claim.yaml", "  - source: sample-law\n", "  - source: sample-lwa\n", "SC201", "sample-law"),
    ("claims/sample-claim.yaml", "topic: scope\n", "topic: scpoe\n", "SC202", "scope"),
    ("claims/sample-claim.yaml", "related: [other-claim]", "related: [other-cliam]", "SC203", "other-claim"),
    ("sources/sample-translation.yaml", "translates: sample-law", "translates: sample-laww", "SC204", "sample-law"),
    ("glossary/xinyong.yaml", "claims: [sample-claim]", "claims: [sampel-claim]", "SC203", "sample-claim"),
    ("glossary/xinyong.yaml", "sources: [sample-law]", "sources: [smaple-law]", "SC201", "sample-law"),
    ("queue/heard-claim.yaml", "topic: scope", "topic: scop", "SC202", "scope"),
])
def test_a_mistyped_id_gets_a_did_you_mean(fixture_catalog, path, typed, mistyped, code, meant):
    text = (VALID / path).read_text(encoding="utf-8")
    assert typed in text
    result = fixture_catalog(files={path: text.replace(typed, mistyped, 1)})
    messages = [d.message for d in result.diagnostics if d.code == code and d.path == path]
    assert len(messages) == 1 and f"did you mean '{meant}'?" in messages[0], [str(d) for d in result.diagnostics]


def test_no_did_you_mean_when_nothing_is_close(fixture_catalog):
    text = (VALID / "claims/sample-claim.yaml").read_text(encoding="utf-8")
    result = fixture_catalog(files={"claims/sample-claim.yaml": text.replace("  - source: sample-law\n", "  - source: xyz\n")})
    (message,) = [d.message for d in result.diagnostics if d.code == "SC201"]
    assert message == "source 'xyz' is not in sources/"


@pytest.mark.parametrize(("wording", "flagged"), [
    ("每个公司都有社会信用代码。", True),
    ("Каждый гражданин имеет социальный рейтинг.", True),
    ("China's 失信被执行人 list names debtors who ignore court orders.", False),
    ("Gerechter als die Schufa: Das chinesische System ist öffentlich.", False),  # Latin script: left to review
])
def test_a_claim_must_be_worded_in_english_script(fixture_catalog, wording, flagged):
    path = "claims/sample-claim.yaml"
    text = (VALID / path).read_text(encoding="utf-8")
    claim_line = next(line for line in text.splitlines() if line.startswith("claim: "))
    result = fixture_catalog(files={path: text.replace(claim_line, f'claim: "{wording}"', 1)})
    assert any(d.code == "SC121" for d in result.diagnostics) is flagged, [str(d) for d in result.diagnostics]
    if not flagged:
        assert result.catalog is not None, [str(d) for d in result.diagnostics]


@pytest.mark.parametrize(("url", "named", "clean"), [
    ("https://news.example.org/a?id=7&utm_source=rss&fbclid=x", "utm_source, fbclid", "https://news.example.org/a?id=7"),
    ("https://metro.example/story/?ito=article.desktop.share", "ito", "https://metro.example/story/"),
    ("https://www.example.com/p?UTM_Medium=email#part", "UTM_Medium", "https://www.example.com/p#part"),
    ("https://www.example.com/p?a=1&b&gclid=z&c=%20d", "gclid", "https://www.example.com/p?a=1&b&c=%20d"),
    ("https://www.example.com/search?q=utm_source&ref=home", None, None),  # a parameter's value, and ref, are left alone
])
def test_tracking_parameters_are_named_with_the_clean_address(fixture_catalog, url, named, clean):
    path = "claims/other-claim.yaml"
    text = (VALID / path).read_text(encoding="utf-8")
    wording = "  - text: Every firm gets a code.\n"
    result = fixture_catalog(files={path: text.replace(wording, f"{wording}    url: {url}\n", 1)})
    messages = [d.message for d in result.diagnostics if d.code == "SC122"]
    if named is None:
        assert messages == [] and result.catalog is not None, [str(d) for d in result.diagnostics]
    else:
        assert messages == [f"'phrasings[1].url' carries tracking parameters ({named}); give the page's own address: {clean}"]
