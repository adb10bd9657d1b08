"""The real catalog builds into the site a reader expects, and a broken one stops the build."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

from conftest import FIXTURES, ROOT, copy_catalog
from site_build import ENV, mkdocs_build, project_copy

from catalog.contract import VERDICTS
from catalog.pipeline import read_catalog


def real_catalog():
    result = read_catalog(ROOT)
    assert result.diagnostics == [], [str(d) for d in result.diagnostics]
    return result.catalog


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_claim_has_a_permanent_page_titled_with_its_fact(built_site):
    catalog = real_catalog()
    assert len(catalog.claims) >= 6
    for claim in catalog.claims:
        html = page(built_site, f"claims/{claim.id}")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        assert re.sub(r"<[^>]+>", "", h1).strip() == claim.fact.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f"/edit/main/claims/{claim.id}.yaml" in html
        assert f'href="../../methodology/#verdict-{claim.verdict.slug}"' in html


def test_catalog_topic_and_source_pages_exist(built_site):
    catalog = real_catalog()
    listings = [page(built_site, "claims")] + [path.read_text(encoding="utf-8") for path in
                                               sorted((built_site / "claims" / "page").glob("*/index.html"))]
    for claim in catalog.claims:  # on exactly one page of the list (claims/, then claims/page/N/)
        hits = [f'href="{claim.id}/"' in listings[0]] + [f'href="../../{claim.id}/"' in listing for listing in listings[1:]]
        assert sum(hits) == 1, claim.id
    for topic in catalog.topics:
        html = page(built_site, f"topics/{topic.id}")
        for claim in topic.claims:
            assert f'href="../../claims/{claim.id}/"' in html
    own_pages = [s for s in catalog.sources if len(s.cited_by) != 1]
    assert own_pages and len(own_pages) < len(catalog.sources)  # both kinds are exercised
    for source in own_pages:
        html = page(built_site, f"sources/{source.id}")
        assert f"/edit/main/sources/{source.id}.yaml" in html
        for claim in source.cited_by:
            assert f'href="../../claims/{claim.id}/"' in html


def test_a_source_one_claim_cites_is_described_in_that_claims_evidence_where_its_address_leads(built_site):
    catalog = real_catalog()
    for source in (s for s in catalog.sources if len(s.cited_by) == 1):
        claim = source.cited_by[0]
        assert f'url=../../claims/{claim.id}/#source-{source.id}"' in page(built_site, f"sources/{source.id}")
        claim_html = page(built_site, f"claims/{claim.id}")
        entry = claim_html[claim_html.index(f'id="source-{source.id}"'):]
        entry = re.sub(r"<[^>]+>", "", entry[:entry.index("</li>")])
        assert escaped(source.title) in entry and escaped(source.publisher) in entry and source.published in entry
        if source.notes:
            assert escaped(" ".join(source.notes.split())) in entry
        if source.title_original:
            assert escaped(source.title_original) in entry
        # links to it from any page (explanations, the sources list) lead to the entry, never to the address
        assert f'href="../../sources/{source.id}/"' not in claim_html
        assert f'href="{source.id}/"' not in page(built_site, "sources")


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_methodology_defines_every_verdict(built_site):
    html = page(built_site, "methodology")
    for verdict in VERDICTS:
        assert f'id="verdict-{verdict.slug}"' in html


def test_generated_pages_are_never_written_into_the_repository(built_site):
    assert not (ROOT / "docs" / "claims").exists()
    assert not (ROOT / "docs" / "sources").exists()
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "docs/claims/" not in tracked and "docs/sources/" not in tracked


class AssetCollector(HTMLParser):
    """Collects URLs the browser would fetch on load: scripts, stylesheets, images, icons, fonts."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "preconnect", "manifest"):
            self.urls.append(attrs.get("href", ""))


def test_pages_load_nothing_from_third_parties(built_site):
    for html_file in built_site.rglob("*.html"):
        collector = AssetCollector()
        collector.feed(html_file.read_text(encoding="utf-8"))
        external = [u for u in collector.urls if re.match(r"^(https?:)?//", u)]
        assert external == [], f"{html_file.relative_to(built_site)} loads {external}"
    assert "fonts.googleapis" not in page(built_site, "")


def test_claims_stay_out_of_the_sidebar(built_site):
    catalog = real_catalog()
    html = page(built_site, "methodology")
    nav = html[html.index('md-nav--primary'): html.index("</nav>", html.index('md-nav--primary'))]
    for claim in catalog.claims:
        assert f"claims/{claim.id}/" not in nav


def test_search_forms_are_labelled_landmarks(built_site):
    for path in ("", "search"):
        html = page(built_site, path)
        assert re.search(r'<form[^>]*role="search"[^>]*aria-label="Search the claims"', html), path
        assert '<label for="search-query">' in html and 'id="search-query"' in html


def test_broken_catalog_stops_the_build_with_the_validators_messages(tmp_path):
    project = project_copy(tmp_path / "project", FIXTURES / "everything-wrong" / "catalog")
    validator = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(project)],
                               capture_output=True, text=True, env=ENV)
    assert validator.returncode == 1
    expected = validator.stdout.splitlines()
    assert len(expected) > 30
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode != 0
    output = built.stdout + built.stderr
    reported = [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
    assert reported[: len(expected)] == expected
    assert f"the catalog has {len(expected)} errors in" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "claims").exists()


def test_a_page_that_cannot_be_made_stops_the_build_with_one_message_and_no_traceback(tmp_path):
    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    code = ("from catalog import claim_pages\n"
            "def fail(claim, site): raise ValueError('no source called x')\n"
            "claim_pages.claim_page = fail\n"
            "from mkdocs.__main__ import cli\n"
            f"cli(['build', '--strict', '--site-dir', {str(tmp_path / 'site')!r}])\n")
    built = subprocess.run([sys.executable, "-c", code], cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert re.search(r"making the page claims/[a-z0-9-]+\.md failed: ValueError: no source called x", output), output
    assert "Traceback" not in output


def test_validator_exits_zero_on_the_real_catalog():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("ok: ")


def test_every_generated_page_is_in_the_nav_or_declared_outside_it(tmp_path):
    """A page neither in the nav nor in not_in_nav fails the strict build; at 151 claims the list
    of claims gains claims/page/2.md, so the manifest is checked with a page size of 1."""
    import pathspec

    from catalog import listings
    from catalog.project import mkdocs_settings
    from catalog.site import Site, manifest

    settings = mkdocs_settings(ROOT)
    ignored = pathspec.GitIgnoreSpec.from_lines(settings["not_in_nav"].splitlines())
    in_nav = set(re.findall(r"[\w/-]+\.md", str(settings["nav"])))
    catalog = read_catalog(ROOT).catalog
    listings.CATALOG_PAGE, size = 1, listings.CATALOG_PAGE
    try:
        pages = [f.uri for f in manifest(catalog, Site("https://x.org/", "X", "https://github.com/o/r"), ROOT, cards=False)
                 if f.is_page and not f.redirect_to]
    finally:
        listings.CATALOG_PAGE = size
    assert "claims/page/2.md" in pages
    left_out = [uri for uri in pages if uri not in in_nav and not uri.startswith("topics/") and not ignored.match_file("/" + uri)]
    assert left_out == []


VERDICT_WORDS = "mostly true|mostly false|true|false|mixed|misleading|unproven"
NAMED_VERDICT = re.compile(r"\]\(\.\./claims/([a-z0-9-]+)\.md[^)]*\)\s+(?:as|is rated|rated)\s+(" + VERDICT_WORDS + r")\b", re.IGNORECASE)


def test_hand_written_pages_name_each_claim_s_verdict_as_its_file_has_it():
    # A topic page that says "we rate [claim](...) as mixed" goes stale when the claim's verdict
    # changes (it did once); the verdict must stand with its claim correctly everywhere.
    verdicts = {c.id: c.verdict.label.lower() for c in read_catalog(ROOT).catalog.claims}
    named = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in NAMED_VERDICT.finditer(text):
            claim_id, said = match.group(1), " ".join(match.group(2).lower().split())
            line = text.count("\n", 0, match.start()) + 1
            named.append(claim_id)
            assert verdicts[claim_id] == said, f"{page.relative_to(ROOT)}:{line}: says {claim_id} is {said}; its file says {verdicts[claim_id]}"
    assert "us-has-social-credit-system" in named  # the pattern still finds the sentence that went stale
