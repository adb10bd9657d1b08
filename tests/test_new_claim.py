"""The scaffolder: ids from claim text, refusals, and a file the validator flags only where work is left."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from conftest import ROOT, copy_catalog

from catalog import new_claim
from catalog.pipeline import read_catalog

CLAIM = "Jaywalking lowers your social credit score"
ID = "jaywalking-lowers-social-credit-score"
LEFT_TO_FILL = [  # (code, what the message is about) for a freshly scaffolded claim
    ("SC105", "'phrasings[1].text' is empty"),
    ("SC105", "'fact' is empty"),
    ("SC105", "'verdict' is empty"),
    ("SC105", "'short_answer' is empty"),
    ("SC105", "'explanation' is empty"),
    ("SC105", "'citations[1].source' is empty"),
    ("SC207", "the citation has no 'citations[1].locator'"),
    ("SC105", "'citations[1].establishes' is empty"),
    ("SC105", "'evidence_as_of' is empty"),
]
FILLED = {
    "  - text:": "  - text: Crossing against the light costs you points.",
    "fact:": "fact: No national rule lowers a score for jaywalking.",
    "verdict:": "verdict: mostly-false",
    "short_answer:": "short_answer: Some cities shamed jaywalkers on screens. No national score exists to lower.",
    "explanation:": "explanation: |\n  A few cities put photos of jaywalkers on public screens.\n\n  None of this is a score.",
    "  - source:": "  - source: sample-law",
    "    locator:": "    locator: Article 1",
    "    establishes:": "    establishes: The plan sets out lists, not scores.",
    "evidence_as_of:": "evidence_as_of: 2026-01-15",
}


@pytest.fixture
def root(tmp_path):
    return copy_catalog(tmp_path / "catalog")


def run(root, *args: str) -> int:
    return new_claim.main([*args, "--root", str(root)])


@pytest.mark.parametrize("text, expected", [
    (CLAIM, ID),
    ("Every Chinese citizen has a single social credit score.", "chinese-citizen-single-social-credit-score"),
    ("China's social credit system is just like FICO", "china-social-credit-system-like-fico"),
    ("It's a system invented by the West!", "system-invented-west"),
    ("Businesses are NOT affected", "businesses-not-affected"),
    ("Les entreprises étrangères sont notées", "les-entreprises-etrangeres-sont-notees"),
    ("每个人都有一个分数", ""),
])
def test_ids_are_derived_from_the_claims_words(text, expected):
    assert new_claim.derive_id(text) == expected


def test_a_new_claim_is_flagged_only_for_the_fields_left_to_fill(root, capsys):
    assert run(root, "--claim", CLAIM, "--topic", "scope") == 0
    assert f"wrote claims/{ID}.yaml" in capsys.readouterr().out
    text = (root / "claims" / f"{ID}.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/claim.schema.json"
    assert not any(line.startswith("# Template:") for line in lines)
    today = date.today().isoformat()
    for line in (f'claim: "{CLAIM}"', "topic: scope", f"first_published: {today}", f"last_reviewed: {today}"):
        assert line in lines
    diagnostics = read_catalog(root).diagnostics
    assert {d.path for d in diagnostics} == {f"claims/{ID}.yaml"}
    assert [(d.code, d.message[: len(start)]) for d, (_, start) in zip(diagnostics, LEFT_TO_FILL, strict=False)] == LEFT_TO_FILL
    assert len(diagnostics) == len(LEFT_TO_FILL), [str(d) for d in diagnostics]


def test_filling_in_the_empty_fields_makes_it_valid(root):
    assert run(root, "--claim", CLAIM, "--topic", "scope") == 0
    path = root / "claims" / f"{ID}.yaml"
    lines = [FILLED.get(line, line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_catalog(root)
    assert [str(d) for d in result.diagnostics] == []
    claim = next(c for c in result.catalog.claims if c.id == ID)
    assert claim.claim == CLAIM


@pytest.mark.parametrize("args, files, complaint", [
    (["--id", "sample-claim"], {}, "is already used by claims/sample-claim.yaml"),
    (["--id", "old-sample-claim"], {}, "is an old id of claims/sample-claim.yaml"),
    (["--id", "retired-claim"], {"permalinks.txt": "# header\nclaims/retired-claim/\n/claims/retired-claim/\n"}, "was published before"),
    (["--id", "index"], {}, "is reserved"),
    (["--id", "Bad_Id"], {}, "is not a valid id"),
    (["--topic", "no-such-topic"], {}, "'no-such-topic' is not a topic; the topics are: scope"),
    (["--claim", "每个人都有一个分数"], {}, "choose one with --id"),
    (["--claim", "x" * 301], {}, "the limit is 300"),
    (["--claim", "   "], {}, "the claim is empty"),
])
def test_refusals_say_why_and_write_nothing(tmp_path, capsys, args, files, complaint):
    root = copy_catalog(tmp_path / "catalog", files=files)
    before = sorted(p.name for p in (root / "claims").iterdir())
    defaults = {"--claim": CLAIM, "--topic": "scope"}
    for flag, value in defaults.items():
        if flag not in args:
            args = [*args, flag, value]
    assert run(root, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("new-claim: ") and complaint in err, err
    assert sorted(p.name for p in (root / "claims").iterdir()) == before


def test_an_existing_file_is_never_overwritten(root, capsys):
    assert run(root, "--claim", CLAIM, "--topic", "scope") == 0
    path = root / "claims" / f"{ID}.yaml"
    path.write_text("claim: mine\n", encoding="utf-8")
    assert run(root, "--claim", CLAIM, "--topic", "scope") == 1
    assert "--id" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "claim: mine\n"


def test_missing_values_are_asked_for(root, monkeypatch, capsys):
    answers = iter([CLAIM, "scope"])
    prompts = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    assert run(root) == 0
    assert prompts[0].startswith("The claim") and "scope" in prompts[1]
    assert (root / "claims" / f"{ID}.yaml").exists()


def test_the_make_target_passes_the_variables_as_flags():
    dry = subprocess.run(["make", "-n", "new-claim", "CLAIM=It's \"quoted\"", "TOPIC=scope", "ID=my-id"],
                         cwd=ROOT, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    assert re.search(r'scripts/new_claim\.py --claim "\$CLAIM" --topic "\$TOPIC" --id "\$ID"', dry.stdout), dry.stdout
