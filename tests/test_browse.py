"""Browsing in Chromium: home -> topic -> claim -> related claim -> back with the keyboard alone,
old ids found by search, and the pages that lead to claims (glossary, timeline, tags)."""

from __future__ import annotations

from conftest import ROOT

from catalog.pipeline import read_catalog


def test_claims_are_found_by_their_old_ids(chromium, tmp_path):
    """The real catalog has no renamed claim yet, so a fixture catalog with an old id is built."""
    from conftest import copy_catalog
    from site_build import StaticServer, mkdocs_build, project_copy

    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = chromium.new_page()
    with StaticServer(tmp_path / "site") as server:
        page.goto(server.url + "search/?q=old-sample-claim")
        page.wait_for_selector(".search-results__list > li", timeout=15000)
        links = page.eval_on_selector_all(".search-results__list > li a", "els => els.map(e => e.href)")
        assert any("/claims/sample-claim/" in link for link in links), links
    page.close()


def tab_to(page, css: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches css."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("css => document.activeElement && document.activeElement.matches(css)", css):
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
            return
    raise AssertionError(f"could not reach {css} with Tab")


def test_keyboard_only_journey_home_topic_claim_related_and_back(chromium, served_site):
    catalog = read_catalog(ROOT).catalog
    topic = catalog.topics[0]
    claim = topic.claims[0]
    related = claim.related[0]
    page = chromium.new_page()
    page.goto(served_site, wait_until="networkidle")
    tab_to(page, f"article a[href='topics/{topic.id}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/topics/{topic.id}/")
    tab_to(page, f"article a[href='../../claims/{claim.id}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/claims/{claim.id}/")
    assert page.locator("h1").inner_text() == claim.fact
    tab_to(page, f".claim-record .claim-list a[href='../{related.id}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/claims/{related.id}/")
    # Alt+Left is handled by the browser's own window, which headless Chromium does not have.
    page.go_back()
    page.wait_for_url(f"**/claims/{claim.id}/")
    assert page.locator("h1").inner_text() == claim.fact
    page.close()


def test_sidebar_lists_topics_and_pages_not_claims(chromium, served_site):
    catalog = read_catalog(ROOT).catalog
    page = chromium.new_page()
    page.goto(served_site + "methodology/")
    links = page.locator("nav.md-nav--primary a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any("topics/" in href for href in links)
    assert not any(f"claims/{c.id}/" in href for c in catalog.claims for href in links)
    page.close()


def test_related_claims_are_never_empty_when_the_topic_has_others():
    catalog = read_catalog(ROOT).catalog
    for claim in catalog.claims:
        if len(claim.topic.claims) > 1:
            assert claim.related, claim.id
        declared = claim.declared_related
        assert claim.related[: len(declared)] == declared


def test_glossary_and_timeline_link_to_claims_and_claims_back_to_their_terms(built_site):
    catalog = read_catalog(ROOT).catalog
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    for term in catalog.glossary:
        for claim in term.claims:
            assert f"../claims/{claim.id}/" in glossary
            # and back: the claim page names the term, linked to its entry
            page = (built_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
            terms_line = page[page.index('<p class="key-terms">'):].split("</p>", 1)[0]
            assert f'href="../../glossary/#{term.id}"' in terms_line and term.term in terms_line, (claim.id, term.id)
    for source in catalog.milestones:
        for claim in source.cited_by:
            assert f"../claims/{claim.id}/" in timeline
    assert len(catalog.milestones) >= 10


def test_tags_index_links_every_tag(built_site):
    catalog = read_catalog(ROOT).catalog
    tags_page = (built_site / "tags" / "index.html").read_text(encoding="utf-8")
    for tag in {t for c in catalog.claims for t in c.tags}:
        assert tag in tags_page, tag
