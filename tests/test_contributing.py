"""The contributor guide: one source (docs/contributing.md), CONTRIBUTING.md generated from it, and
validator output that leads to the guide's entry for each code."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, copy_catalog

from catalog import generate, new_claim
from catalog.diagnostics import CODES
from catalog.docs import MARKERS
from catalog.permalinks import read_registry
from catalog.project import mkdocs_settings

PAGE = ROOT / "docs" / "contributing.md"
GUIDE = ROOT / "CONTRIBUTING.md"
MARKER = re.compile(r"<!--\s*catalog:([a-z-]+)\s*-->")
REPO_PATH = re.compile(r"(?<![\w./-])((?:claims|sources|glossary|queue|templates|schemas|scripts|catalog|docs|tests|\.github)/[\w./-]*"
                       r"|\.pre-commit-config\.yaml|CONTRIBUTING\.md|Makefile)")
HEADING = re.compile(r"^(#{1,2}) (.+?)\s*(?:\{#[\w-]+\})?$", re.MULTILINE)


def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def code_in(text: str) -> str:
    """The inline code spans and indented code lines of a Markdown text."""
    spans = re.findall(r"`([^`\n]+)`", text)
    blocks = re.findall(r"^(?: {4}| {8})(\S.*)$", text, re.MULTILINE)
    return "\n".join(spans + blocks)


def test_contributing_md_keeps_the_site_page_s_headings():
    # that it is current is checked once, with every generated file, in test_schema
    assert HEADING.findall(page()) == HEADING.findall(guide())


def test_the_page_asks_for_the_generated_tables():
    requested = MARKER.findall(page())
    assert set(requested) <= set(MARKERS)
    assert {"check-codes", "claim-fields", "source-fields", "source-kinds", "verdict-scale"} <= set(requested)
    assert not MARKER.search(guide())


def test_the_guide_covers_what_the_issue_asks_for():
    headings = [title for _, title in HEADING.findall(guide())]
    for section in ("Add a claim, step by step", "Sourcing rules", "Choosing a verdict", "The claim template",
                    "The source template", "Field reference", "Check codes"):
        assert section in headings
    steps = guide().split("## Add a claim, step by step")[1].split("\n## ")[0]
    order = ["Fork", "make new-claim", "Edit", "make validate", "make serve", "pull request"]
    positions = [steps.index(words) for words in order]
    assert positions == sorted(positions)
    for code in CODES:
        assert f'<span id="{code.code.lower()}"></span>`{code.code}`' in guide()
    assert generate.fenced(generate.template("claim")) in guide()
    assert generate.fenced(generate.template("source")) in guide()
    assert generate.fenced(generate.template("queue")) in guide()


def test_every_command_and_path_the_guide_names_exists():
    targets = set(re.findall(r"^([A-Za-z0-9][\w.-]*)\s*:(?!=)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    code = code_in(page())
    for target in re.findall(r"\bmake ([a-z][\w-]*)", code):
        assert target in targets, f"the guide tells people to run `make {target}`"
    for path in REPO_PATH.findall(code):
        if path.startswith(("claims/", "sources/", "glossary/")):
            path = path.split("/")[0]  # a file in these folders is an example of a name
        assert (ROOT / path).exists(), f"the guide names {path}, which does not exist"


def test_the_guides_links_to_site_pages_lead_to_pages_that_exist():
    site_url = mkdocs_settings(ROOT)["site_url"].rstrip("/") + "/"
    links = re.findall(rf"\]\({re.escape(site_url)}([\w/-]*?)/?(?:#[\w-]+)?\)", guide())
    assert links
    published = set(read_registry(ROOT))  # generated pages such as /queue/ have no file in docs/
    for link in links:
        assert (ROOT / "docs" / f"{link or 'index'}.md").exists() or f"/{link}/" in published, link


def test_the_page_is_in_the_site_navigation():
    nav = str(mkdocs_settings(ROOT)["nav"])
    assert "contributing.md" in nav


def test_the_example_message_is_what_the_validator_says(tmp_path):
    root = copy_catalog(tmp_path / "catalog")
    assert new_claim.main(["--claim", "Jaywalking lowers your social credit score", "--topic", "scope", "--root", str(root)]) == 0
    path = root / "claims" / "jaywalking-lowers-social-credit-score.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nverdict:\n", "\nverdict: mostly false\n"), encoding="utf-8")
    example = next(line.strip() for line in page().splitlines() if " SC104 " in line and line.startswith("    claims/"))
    said = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(root)], capture_output=True, text=True)
    wanted = example.split(": ", 1)[1]  # position apart: it moves when the template grows
    assert any(line.split(": ", 1)[1] == wanted and line.startswith(example.split(":")[0]) for line in said.stdout.splitlines()), said.stdout


@pytest.mark.parametrize("catalog_files", [{"claims/broken.yaml": "claim: x\nverdict: perhaps\ntopic: nowhere\n"}])
def test_every_code_reported_comes_with_its_fix_and_a_link_to_the_guide(tmp_path, catalog_files):
    root = copy_catalog(tmp_path / "catalog", files=catalog_files)
    said = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(root)], capture_output=True, text=True)
    assert said.returncode == 1
    codes = {line.split(": ")[1].split()[0] for line in said.stdout.splitlines()}
    assert {"SC101", "SC104"} <= codes
    site_url = mkdocs_settings(ROOT)["site_url"].rstrip("/")
    for code in codes:
        entry = next(c for c in CODES if c.code == code)
        assert f"  {code} {entry.summary} {entry.fix}\n        {site_url}/contributing/#{code.lower()}" in said.stderr
        assert f'<span id="{code.lower()}">' in MARKERS["check-codes"](None, None)
    assert re.match(r"\d+ errors in 1 file\. ", said.stderr)


def test_the_readme_maps_every_module_of_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme.split("## How the pieces fit", 1)[1].split("```", 2)[1]
    for package in ("catalog", "tools"):
        for module in sorted((ROOT / package).glob("*.py")):
            if module.name != "__init__.py":
                assert module.name in tree, module
    for script in sorted((ROOT / "scripts").glob("*.py")):
        assert script.stem in tree, script
