"""Hostile input: every payload a hostile contributor tried, through every field they control.

Two guards are tested apart. The validator must reject each payload with a located, coded error.
And rendering must be safe on its own: the checks are bypassed, the site is built with every
payload in every field (topic bodies included), and every page is loaded in Chromium with
dialog, console and request listeners while every element is hovered, focused and clicked. No
dialog may open, no handler may run, no request may leave 127.0.0.1.
"""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from conftest import TODAY, VALID, copy_catalog

from catalog import pipeline
from catalog.models import Appearance, Phrasing
from catalog.pipeline import read_catalog

# Markup and Markdown that tries to run script, call another site or break the page.
TEXT_PAYLOADS = [
    "<script>window.pwned = 'script'</script>",
    "<img src=x onerror=\"window.pwned = 'img'\">",
    "<svg onload=\"window.pwned = 'svg'\"></svg>",
    "<iframe src=\"javascript:window.pwned = 'iframe'\"></iframe>",
    "[click](javascript:window.pwned='link')",
    "[entity](javascript&#58;window.pwned='entity')",
    "[tab](java\tscript:window.pwned='tab')",
    "[data](data:text/html,<script>window.pwned='data'</script>)",
    "Paragraph\n{: onclick=\"window.pwned = 'attr'\" }",
    "Paragraph { onmouseover=\"window.pwned = 'hover'\" }",
    "> [quoted]: javascript:window.pwned='quoted-definition'\n\n[quoted]",
    "- [listed]: javascript:window.pwned='listed-definition'\n\n[listed]",
    "*[China]: a tooltip on every mention",
    "![pixel](https://tracker.example.com/pixel.png)",
    "# A second title\n\nSetext\n===",
    "2014. A line that starts like a list",
    "Reversed \u202etext\u202c here",
    "=HYPERLINK(\"https://evil.example.com\")",
]
URL_PAYLOADS = [
    "https://example.org/z)[click](javascript:window.pwned='url-link')",
    "https://example.org/x)![x](https://evil.example.com/y.png){onerror=\"window.pwned='url-img'\"}",
    "https://example.org/\"><script>window.pwned='url-attr'</script>",
    "javascript:window.pwned='url-scheme'",
]
PAYLOAD = "\n\n".join(TEXT_PAYLOADS)
CLAIM_TEXT_FIELDS = ("claim", "fact", "short_answer", "explanation", "bottom_line")
SOURCE_TEXT_FIELDS = ("title", "title_original", "publisher", "milestone", "notes")


def hostile_catalog():
    """The valid fixture catalog with every payload in every text and address field."""
    result = read_catalog(VALID, today=TODAY)
    catalog = result.catalog
    for claim in catalog.claims:
        for field in CLAIM_TEXT_FIELDS:
            setattr(claim, field, f"{field}: {PAYLOAD}")
        claim.phrasings = [Phrasing(f"phrasing: {PAYLOAD}", url=url) for url in URL_PAYLOADS]
        claim.appearances = [Appearance(f"appearance: {PAYLOAD}", PAYLOAD, "2019-07", url) for url in URL_PAYLOADS]
        claim.tags = ["tag", "<script>window.pwned='tag'</script>"]
        for citation in claim.citations:
            citation.locator, citation.establishes = f"locator: {PAYLOAD}", f"establishes: {PAYLOAD}"
        for change in claim.changes:
            change.summary = f"change: {PAYLOAD}"
    for index, source in enumerate(catalog.sources):
        for field in SOURCE_TEXT_FIELDS:
            setattr(source, field, f"{field}: {PAYLOAD}")
        source.authors = [PAYLOAD]
        source.url = URL_PAYLOADS[index % len(URL_PAYLOADS)]
        source.archive_url = URL_PAYLOADS[(index + 1) % len(URL_PAYLOADS)]
    for topic in catalog.topics:
        topic.title, topic.summary = f"title: {PAYLOAD}", f"summary: {PAYLOAD}"
    for term in catalog.glossary:
        term.pinyin, term.translation, term.why = PAYLOAD, f"translation {PAYLOAD}", PAYLOAD
    for queued in catalog.queue:
        queued.claim, queued.notes = f"queued: {PAYLOAD}", PAYLOAD
        queued.appearances = [Appearance(PAYLOAD, PAYLOAD, "2020", url) for url in URL_PAYLOADS]
    return result


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from site_build import project_copy

    work = tmp_path_factory.mktemp("hostile")
    project = project_copy(work / "project", copy_catalog(work / "catalog"))
    topic = project / "docs" / "topics" / "scope.md"
    topic.write_text(topic.read_text(encoding="utf-8") + "\n" + PAYLOAD + "\n", encoding="utf-8")
    hostile = hostile_catalog()
    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "read_catalog", lambda root, **options: hostile)  # the checks are bypassed
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(work / "site"), strict=False))
    finally:
        patch.undo()
    yield work / "site"
    shutil.rmtree(work, ignore_errors=True)


PROVOKE = """async () => {
  document.addEventListener('click', e => e.preventDefault(), true);  // stay on the page
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));  // let queued handlers run
  return [window.pwned === undefined ? null : String(window.pwned),
          [...document.querySelectorAll('a[href], iframe[src], img[src], form[action]')]
            .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))];
}"""
BAD_SCHEMES = ("javascript", "data", "vbscript")


def test_no_payload_runs_or_calls_another_site_on_any_page(chromium, hostile_site):
    from site_build import StaticServer

    pages = sorted(p.relative_to(hostile_site).parent.as_posix() for p in hostile_site.rglob("index.html"))
    assert len(pages) >= 20
    page = chromium.new_page()
    dialogs, requests, errors = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if "pwned" in message.text else None)
    links = 0
    with StaticServer(hostile_site) as server:
        for path in pages:
            page.goto(server.url + ("" if path == "." else path + "/"), wait_until="load")
            pwned, targets = page.evaluate(PROVOKE)
            assert pwned is None, (path, pwned)
            for target in targets:
                scheme = urlsplit(target.strip().lower()).scheme
                assert scheme not in BAD_SCHEMES, (path, target)
            links += len(targets)
    page.close()
    assert dialogs == [] and errors == []
    outside = {urlsplit(url).hostname for url in requests if not url.startswith("data:")} - {"127.0.0.1"}
    assert not outside, sorted(outside)
    assert links > 100
    print(f"hostile site: {len(pages)} pages, {links} links and sources checked")


def test_payloads_read_as_text(chromium, hostile_site):
    from site_build import StaticServer

    page = chromium.new_page()
    with StaticServer(hostile_site) as server:
        page.goto(server.url + "claims/sample-claim/")
        assert "<script>window.pwned = 'script'</script>" in page.locator("#claim").inner_text()
        assert page.locator("article script, article iframe, article [onclick], article [onerror], article [onload]").count() == 0
        assert page.locator("article h1").count() == 1  # the explanation's "# A second title" is not one
        assert page.locator("article img[src^='http']").count() == 0
        assert "\u202e" not in page.locator("article").inner_text()
    page.close()


def test_the_csv_cannot_start_a_formula(hostile_site):
    import csv
    import gzip
    import io

    dumped = sorted((hostile_site / "api/v1/dump").glob("claims-*.csv.gz"))
    texts = [(hostile_site / "api/v1/claims.csv").read_text(encoding="utf-8"),
             *(gzip.decompress(path.read_bytes()).decode("utf-8") for path in dumped)]
    rows = [row for text in texts for row in list(csv.reader(io.StringIO(text)))[1:]]
    assert dumped and len(rows) > 2
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


FIELDS = {  # file, the YAML line to replace, the field's key
    "claim": ("claims/sample-claim.yaml", "claim: Everyone has a score."),
    "fact": ("claims/sample-claim.yaml", "fact: There is no single national score."),
    "short_answer": ("claims/sample-claim.yaml", "short_answer: No national score exists. Several lists do."),
    "locator": ("claims/sample-claim.yaml", "    locator: Article 1"),
    "establishes": ("claims/sample-claim.yaml", "    establishes: The plan sets out lists."),
    "source title": ("sources/sample-story.yaml", "title: A sample story"),
    "glossary why": ("glossary/xinyong.yaml", "why: The word covers both financial credit and keeping one's word."),
}
REJECTED_IN_TEXT = TEXT_PAYLOADS[:4] + ["Reversed \u202etext\u202c here", "Paragraph { onmouseover=\"x\" }"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("payload", REJECTED_IN_TEXT)
def test_the_validator_rejects_markup_in_text_fields(fixture_catalog, field, payload):
    import json

    path, line = FIELDS[field]
    key, _, _ = line.partition(": ")
    original = (VALID / path).read_text(encoding="utf-8")
    result = fixture_catalog(files={path: original.replace(line, f"{key}: {json.dumps(payload, ensure_ascii=False)}")})
    codes = {d.code for d in result.diagnostics if d.path == path}
    assert codes & {"SC107", "SC119"}, [str(d) for d in result.diagnostics]


@pytest.mark.parametrize("payload, code", [
    (TEXT_PAYLOADS[4], "SC108"), (TEXT_PAYLOADS[5], "SC108"), (TEXT_PAYLOADS[7], "SC108"),
    (TEXT_PAYLOADS[10], "SC116"), (TEXT_PAYLOADS[11], "SC116"), (TEXT_PAYLOADS[12], "SC116"),
    (TEXT_PAYLOADS[13], "SC118"), (TEXT_PAYLOADS[14], "SC117"), (TEXT_PAYLOADS[0], "SC107"),
])
@pytest.mark.parametrize("where", ["explanation", "topic body"])
def test_the_validator_rejects_hostile_markdown_with_a_located_code(fixture_catalog, payload, code, where):
    if where == "explanation":
        original = (VALID / "claims/sample-claim.yaml").read_text(encoding="utf-8")
        body = "\n".join("  " + line for line in payload.split("\n"))
        files = {"claims/sample-claim.yaml": original.replace(
            "explanation: |\n", f"explanation: |\n{body}\n\n", 1)}
        path = "claims/sample-claim.yaml"
    else:
        original = (VALID / "docs/topics/scope.md").read_text(encoding="utf-8")
        files = {"docs/topics/scope.md": original + "\n" + payload + "\n"}
        path = "docs/topics/scope.md"
    result = fixture_catalog(files=files)
    found = [d for d in result.diagnostics if d.code == code and d.path == path]
    assert found and all(d.line > 1 for d in found), [str(d) for d in result.diagnostics]


@pytest.mark.parametrize("url", [URL_PAYLOADS[3], "https://www.wsj.com]/articles/x", "https://a.example.com/a b",
                                 "http://user:password@example.com/", "https://example.com:99999/"])
def test_the_validator_rejects_unusable_addresses(fixture_catalog, url):
    import json

    original = (VALID / "sources/sample-story.yaml").read_text(encoding="utf-8")
    result = fixture_catalog(files={"sources/sample-story.yaml": original.replace(
        "url: https://example.org/story", f"url: {json.dumps(url)}")})
    assert [d.code for d in result.diagnostics if d.path == "sources/sample-story.yaml"] == ["SC108"]


def test_links_pipes_and_devices_are_reported_not_read(fixture_catalog, tmp_path):
    import os

    outside = tmp_path / "outside.yaml"
    outside.write_text((VALID / "claims/sample-claim.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    root = copy_catalog(tmp_path / "catalog")
    os.symlink("/dev/zero", root / "claims" / "zero.yaml")  # read to the end, it would fill the memory
    os.mkfifo(root / "claims" / "pipe.yaml")  # read, it would block for ever
    os.symlink(outside, root / "claims" / "from-outside.yaml")  # a claim from outside the repository
    (tmp_path / "more").mkdir()
    os.symlink(tmp_path / "more", root / "claims" / "linked-folder")  # a folder os.walk would skip silently
    result = read_catalog(root, today=TODAY)
    reported = {(d.path, d.code) for d in result.diagnostics}
    assert reported == {("claims/zero.yaml", "SC010"), ("claims/pipe.yaml", "SC010"),
                        ("claims/from-outside.yaml", "SC010"), ("claims/linked-folder", "SC010")}


def test_deeply_nested_brackets_are_refused_before_parsing(fixture_catalog):
    deep = "claim: " + "[" * 90_000 + "]" * 90_000 + "\n"  # about 180 KB: under the size limit
    result = fixture_catalog(files={"claims/deep.yaml": deep})
    assert [(d.path, d.code) for d in result.diagnostics] == [("claims/deep.yaml", "SC011")]


def test_front_matter_mkdocs_cannot_read_is_reported_not_shown_as_text(fixture_catalog):
    """MkDocs prints unreadable front matter at the top of the page; the catalog refuses it first."""
    page = "---\ntitle: About\ndescription: Who we are: the editors\n---\n\n# About\n\nText.\n"
    result = fixture_catalog(files={"docs/about.md": page})
    assert [(d.path, d.line, d.column, d.code) for d in result.diagnostics] == [("docs/about.md", 3, 24, "SC002")]


def test_a_value_cut_short_by_a_comment_is_reported_where_the_comment_starts(fixture_catalog):
    original = (VALID / "claims/sample-claim.yaml").read_text(encoding="utf-8")
    result = fixture_catalog(files={"claims/sample-claim.yaml": original.replace(
        "    locator: Article 1", "    locator: Article 2 #3 and #4")})
    found = [d for d in result.diagnostics if d.code == "SC012"]
    assert len(found) == 1 and "'#3 and #4'" in found[0].message and found[0].column == len("    locator: Article 2") + 1


def test_removing_a_published_address_from_the_registry_is_caught_through_git_history(tmp_path):
    import subprocess

    root = copy_catalog(tmp_path / "catalog")
    git = lambda *args: subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "published")
    # Deleting a claim together with its lines in permalinks.txt: the registry looks consistent.
    (root / "claims" / "other-claim.yaml").unlink()
    text = (root / "permalinks.txt").read_text(encoding="utf-8")
    text = "".join(line for line in text.splitlines(keepends=True) if "other-claim" not in line)
    (root / "permalinks.txt").write_text(text, encoding="utf-8")
    sample = root / "claims" / "sample-claim.yaml"
    sample.write_text(sample.read_text(encoding="utf-8").replace("related: [other-claim]\n", ""), encoding="utf-8")
    glossary = root / "glossary" / "xinyong.yaml"
    result = read_catalog(root, today=TODAY)
    found = sorted(d.message.split()[0] for d in result.diagnostics if d.code == "SC214")
    assert found == ["/claims/other-claim/", "/embed/other-claim/"], [str(d) for d in result.diagnostics]
    assert glossary.exists()


def test_mkdocs_serve_shows_catalog_errors_on_the_page(tmp_path):
    import urllib.request

    from site_build import project_copy, serving

    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    claim = project / "claims" / "sample-claim.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace('verdict: "false"', "verdict: maybe"), encoding="utf-8")
    with serving(project) as (url, _), urllib.request.urlopen(url, timeout=30) as response:
        page = response.read().decode("utf-8")
    assert 'class="catalog-errors"' in page
    assert "claims/sample-claim.yaml:" in page and "SC104" in page


# Pieces of Markdown that make links, anchors, images and headings, the things MkDocs checks.
LINK_PIECES = ["[a](", "](", ")", "../claims/", "../sources/", "other-claim", "sample-claim", "sample-law", "no-such",
               ".md", "#", "evidence", "heading", "https://example.org/", "![i](", "{#x}", "### Heading\n", " ", "\n",
               "\n\n", "`", "*", "<", "../", "topics/scope.md", "index.md", "?q=1"]


def test_what_the_validator_accepts_the_strict_build_accepts(tmp_path):
    """Whatever the validator lets through, `mkdocs build --strict` builds without a warning,
    so the build never has to name a generated page instead of the YAML line it came from."""
    import json
    import random

    from site_build import mkdocs_build, project_copy

    rng, accepted = random.Random(20261201), {"explanation": [], "short_answer": [], "establishes": []}
    scratch = copy_catalog(tmp_path / "scratch")
    claim_file = scratch / "claims" / "sample-claim.yaml"
    original = claim_file.read_text(encoding="utf-8")
    fields = {"explanation": ("explanation: |\n", "explanation: {}\nbottom_line: |\n"),
              "short_answer": ("short_answer: No national score exists. Several lists do.", "short_answer: {}"),
              "establishes": ("establishes: The plan sets out lists.", "establishes: {}")}

    def written(field: str, text: str) -> str:
        old, new = fields[field]
        return original.replace(old, new.format(json.dumps(text)), 1)

    for attempt in range(600):
        field = list(fields)[attempt % 3]
        text = "Text " + "".join(rng.choice(LINK_PIECES) for _ in range(rng.randint(2, 14))) + " end."
        claim_file.write_text(written(field, text), encoding="utf-8")
        if read_catalog(scratch, today=TODAY, registry=False).catalog is not None:
            accepted[field].append(text)
    assert all(len(texts) >= 20 for texts in accepted.values()), {k: len(v) for k, v in accepted.items()}

    catalog = copy_catalog(tmp_path / "catalog")
    text = original
    for field, texts in accepted.items():
        if field != "explanation":  # short fields: as many as fit their limits
            texts = [t for i, t in enumerate(texts) if sum(len(u) + 1 for u in texts[:i + 1]) < 280]
        joined = ("\n\n" if field == "explanation" else " ").join(texts)
        old, new = fields[field]
        text = text.replace(old, new.format(json.dumps(joined)), 1)
    (catalog / "claims" / "sample-claim.yaml").write_text(text, encoding="utf-8")
    assert read_catalog(catalog, today=TODAY, registry=False).diagnostics == []
    project = project_copy(tmp_path / "project", catalog)
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr[-3000:]
