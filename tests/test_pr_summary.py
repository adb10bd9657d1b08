"""The pull request summary: what a change does to the site, read from git and the catalog."""

from __future__ import annotations

import subprocess

from conftest import VALID, copy_catalog

from catalog.pr_summary import summary


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"})


def test_the_summary_lists_changed_claims_with_their_verdicts_and_other_pages(tmp_path):
    root = copy_catalog(tmp_path / "catalog")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "change")
    sample = root / "claims" / "sample-claim.yaml"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace('verdict: "false"', "verdict: mostly-false").replace(
        '    verdict: "false"\n', '    verdict: "false"\n  - date: 2026-02-01\n    summary: Softened.\n    verdict: mostly-false\n'),
        encoding="utf-8")
    (root / "sources" / "sample-story.yaml").write_text(
        (VALID / "sources" / "sample-story.yaml").read_text(encoding="utf-8").replace("title: ", "title: Renamed "), encoding="utf-8")
    git(root, "commit", "-q", "-am", "change")
    text = summary(root, "main")
    assert "| `/claims/sample-claim/` | edited: “Everyone has a score.” | Mostly false (was False) |" in text
    assert ("- `sources/sample-story.yaml`: shown in its claim's evidence, at `/claims/sample-claim/#source-sample-story`, "
            "cited by 1 claim") in text
    assert "other-claim" not in text  # unchanged claims are left out


def test_a_broken_change_is_summarised_without_pages(tmp_path):
    root = copy_catalog(tmp_path / "catalog")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    (root / "claims" / "other-claim.yaml").write_text("claim: [\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "break")
    text = summary(root, "main~1")
    assert "The catalog has 1 error in 1 file, so no page can be shown yet" in text
    assert "| `/claims/other-claim/` | edited (has problems) | |" in text
