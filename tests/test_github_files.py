"""The files GitHub reads: workflows, issue forms, the pull-request template and the pre-commit hook.

Each must parse, and every `make` target and `scripts/` path it names must exist.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from conftest import ROOT, TODAY, VALID

from catalog.pipeline import read_catalog
from catalog.project import mkdocs_settings
from catalog.site import Site

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
ACTION = re.compile(r"^[\w.-]+/[\w.-]+@v\d+$")
MAKE = re.compile(r"\bmake ([a-z][\w-]*)")
SCRIPT = re.compile(r"\bscripts/[\w./-]+")
FORM_TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9][\w.-]*)\s*:(?!=)", text, re.MULTILINE))


def assert_names_only_what_exists(text: str, where: str) -> None:
    for target in MAKE.findall(text):
        assert target in make_targets(), f"{where} runs `make {target}`, which the Makefile does not define"
    for script in SCRIPT.findall(text):
        assert (ROOT / script).exists(), f"{where} names {script}, which does not exist"


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    return {name: None for name in on} if isinstance(on, list) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_the_expected_workflows_exist():
    assert {p.name for p in WORKFLOWS} == {"test.yml", "deploy.yml", "links.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_each_workflow_parses_and_names_only_what_exists(path):
    workflow = load(path)
    assert workflow["name"] and triggers(workflow) and workflow["permissions"]
    for name, job in workflow["jobs"].items():
        assert job["runs-on"] == "ubuntu-latest", name
        assert job["steps"], name
    for step in steps(workflow):
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert ACTION.match(step["uses"]), f"pin {step['uses']} to a major version"
        else:
            assert_names_only_what_exists(step["run"], path.name)


def test_pull_requests_run_make_test_and_attach_the_built_site():
    workflow = load(GITHUB / "workflows" / "test.yml")
    assert "pull_request" in triggers(workflow)
    runs = [step["run"] for step in steps(workflow) if "run" in step]
    assert runs[:2] == ["make test", "make build"]
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert not any(step.get("continue-on-error") for step in steps(workflow))


def test_main_is_deployed_to_github_pages():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    uses = [step.get("uses", "") for step in steps(workflow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert "make build" in [step.get("run") for step in steps(workflow)]


def test_links_are_checked_weekly_and_on_demand():
    workflow = load(GITHUB / "workflows" / "links.yml")
    on = triggers(workflow)
    assert "workflow_dispatch" in on
    (schedule,) = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert day == month == "*" and weekday.isdigit()
    assert "make check-links" in [step.get("run") for step in steps(workflow)]


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_each_issue_form_is_well_formed(path):
    form = load(path)
    assert form["name"] and form["description"] and form["body"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in FORM_TYPES
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
        else:
            assert re.fullmatch(r"[a-z][a-z0-9_-]*", item["id"]) and item["attributes"]["label"]
    assert_names_only_what_exists(path.read_text(encoding="utf-8"), path.name)


def required_fields(name: str) -> dict[str, str]:
    form = load(GITHUB / "ISSUE_TEMPLATE" / name)
    return {item["id"]: item["attributes"]["label"] for item in form["body"]
            if item.get("validations", {}).get("required")}


def test_the_forms_ask_what_we_need():
    assert {"claim", "seen_at"} <= set(required_fields("suggest-claim.yml"))
    report = required_fields("report-error.yml")
    assert report == {"claim": "Claim", "what_we_say": "What we say",
                      "what_the_source_says": "What the source says", "source_link": "The source link"}


def test_claim_pages_open_the_report_form_with_fields_it_has():
    claim = read_catalog(VALID, today=TODAY).catalog.claims[0]
    site = Site(url="https://example.org/", name="Test", repository="https://github.com/o/r")
    query = parse_qs(urlparse(site.report_url(claim)).query)
    form = load(GITHUB / "ISSUE_TEMPLATE" / query.pop("template")[0])
    ids = {item.get("id") for item in form["body"]}
    assert set(query) - {"title", "labels", "assignees"} <= ids


def test_blank_issues_are_disabled_and_contact_links_lead_to_the_site():
    config = load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert config["blank_issues_enabled"] is False
    site_url = mkdocs_settings(ROOT)["site_url"].rstrip("/") + "/"
    for link in config["contact_links"]:
        assert link["url"].startswith(site_url) and link["name"] and link["about"]
        page = link["url"][len(site_url):].split("#")[0].strip("/")
        assert (ROOT / "docs" / f"{page}.md").exists(), link["url"]


def test_the_pull_request_template_has_the_claim_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(checklist) >= 6
    for words in ("primary", "locator", "own words", "make validate", "make serve", "verdict"):
        assert any(words in line for line in checklist), words
    assert_names_only_what_exists(text, "pull_request_template.md")


def test_the_pre_commit_hooks_run_the_validator_and_the_linter_locally():
    config = load(ROOT / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    for hook in hooks.values():
        assert hook["language"] == "system" and hook["pass_filenames"] is False
        assert_names_only_what_exists(hook["entry"], ".pre-commit-config.yaml")
    assert MAKE.findall(hooks["validate-catalog"]["entry"]) == ["validate"]
    assert MAKE.findall(hooks["ruff"]["entry"]) == ["lint"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/validate.py" in makefile.split("\nvalidate:")[1].split("\n\n")[0]
    assert "ruff check" in makefile.split("\nlint:")[1].split("\n\n")[0]
    assert " lint" in makefile.split("\ntest:")[1].split("\n")[0]  # make test lints first
    files = re.compile(hooks["validate-catalog"]["files"])
    for path in ("claims/a.yaml", "sources/b.yaml", "glossary/c.yaml", "docs/topics/scope.md"):
        assert files.search(path), path
    assert not files.search("docs/index.md")
    assert re.search(hooks["ruff"]["files"], "catalog/site.py")


def test_no_github_file_spells_out_the_repository_address():
    repository = mkdocs_settings(ROOT)["extra"]["repository"].rstrip("/")
    for path in [*GITHUB.rglob("*"), ROOT / ".pre-commit-config.yaml"]:
        if path.is_file():
            assert repository not in path.read_text(encoding="utf-8"), f"{path} hard-codes {repository}; read it from mkdocs.yml"
