"""Quality in real Chromium: accessibility (axe-core), no third-party requests, pages readable
without JavaScript, no script injection, keyboard operation and a helpful 404 page."""

from __future__ import annotations

import json
from functools import partial
from urllib.parse import quote, urlsplit

import pytest
from conftest import ROOT

from catalog.pipeline import read_catalog

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 390, "height": 844}}


def audited_pages():
    catalog = read_catalog(ROOT).catalog
    claims = [c for c in catalog.claims][:: max(1, len(catalog.claims) // 3)][:3]
    return (["", "claims/", "search/?q=social+credit+score", "methodology/", "glossary/", "timeline/",
             f"sources/{next(s for s in catalog.sources if len(s.cited_by) > 1).id}/", "no-such-page/"]
            + [f"topics/{t.id}/" for t in catalog.topics] + [f"claims/{c.id}/" for c in claims])


@pytest.fixture(scope="module")
def pages():
    return audited_pages()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations(chromium, served_site, pages, viewport):
    assert AXE.is_file(), "axe-core is missing: run `make test`, which installs node_modules"
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    failures = {}
    for path in pages:
        page.goto(served_site + path, wait_until="load")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


def test_pages_request_only_this_host(chromium, served_site, pages):
    page = chromium.new_page()
    requested = []
    page.on("request", lambda request: requested.append((page.url, request.url)))
    for path in pages:
        page.goto(served_site + path, wait_until="networkidle")
    page.close()
    foreign = [(at, url) for at, url in requested if urlsplit(url).hostname not in ("127.0.0.1", None)]
    assert foreign == []
    assert any("/search-index/" in url for _, url in requested), "search never loaded its index"


def test_catalog_lists_every_claim_without_javascript(chromium, served_site):
    """Every claim is on one page of the list, and the pages link to each other without JavaScript."""
    catalog = read_catalog(ROOT).catalog
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    listed, to_visit, visited = [], [served_site + "claims/"], set()
    while to_visit:
        url = to_visit.pop()
        visited.add(url)
        page.goto(url)
        assert page.locator("[data-claim-filters]").is_hidden()
        listed += [href.rstrip("/").rsplit("/", 1)[-1] for href in
                   page.locator(".claim-item > a:first-of-type").evaluate_all("links => links.map(a => a.href)")]
        pages = page.locator(".catalog-pages a").evaluate_all("links => links.map(a => a.href)")
        to_visit += [href for href in pages if href not in visited and href not in to_visit]
    assert sorted(listed) == sorted(claim.id for claim in catalog.claims)
    context.close()


def test_not_found_page_offers_search_and_ways_in(chromium, served_site):
    """A dead link lands on a search already holding the words of the address, the claims
    people repeat most, and a way to suggest the claim."""
    page = chromium.new_page()
    response = page.goto(served_site + "claims/jaywalking-lowers-score%E0/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    box = page.locator("#search-query")
    assert box.is_visible()
    assert box.input_value().startswith("jaywalking lowers score")
    most = page.locator("#most-repeated + ul .claim-item")
    assert most.count() >= 5
    first = most.first
    assert first.locator(".claim-label").text_content() == "Claim"
    assert first.locator(".verdict-badge").count() == 1
    assert first.locator(".fact-label").text_content() == "Fact"
    suggest = page.get_by_role("link", name="Suggest a claim")
    assert "template=suggest-claim.yml" in suggest.get_attribute("href")
    page.press("#search-query", "Enter")
    page.wait_for_url("**/search/?q=jaywalking*")
    page.close()


def test_filters_are_operable_by_keyboard_and_recorded_in_the_url(chromium, served_site):
    catalog = read_catalog(ROOT).catalog
    verdict = catalog.claims[0].verdict
    page = chromium.new_page()
    page.goto(served_site + "claims/")
    page.focus("#filter-verdict")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.select_option("#filter-verdict", verdict.slug)
    expected = sum(1 for c in catalog.claims if c.verdict is verdict)
    counted = f"{expected} of {len(catalog.claims)} claims shown"
    page.wait_for_function("text => document.querySelector('#filter-count').textContent === text", arg=counted)
    assert page.locator(".claim-item:visible").count() == expected
    assert page.locator(".claim-item:visible .verdict-badge").all_text_contents() == [verdict.label] * expected
    assert f"verdict={verdict.slug}" in page.url
    page.goto(page.url)  # the shared address restores the filter
    page.wait_for_function("text => document.querySelector('#filter-count').textContent === text", arg=counted)
    assert page.locator(".claim-item:visible").count() == expected
    page.close()


def fulfil(route, *, body):
    route.fulfill(json=body)


def test_the_filter_reads_every_part_of_an_index_split_into_parts(chromium, served_site, built_site):
    """Past INDEX_PART claims, claims.json names further files in `parts`: the filter must read them all."""
    index = json.loads((built_site / "api/v1/claims.json").read_text(encoding="utf-8"))
    half = len(index["claims"]) // 2
    first = {**index, "parts": ["claims.json", "claims-2.json"], "claims": index["claims"][:half]}
    second = {**first, "claims": index["claims"][half:]}
    last = index["claims"][-1]  # only in the second part
    page = chromium.new_page()
    for name, body in (("claims.json", first), ("claims-2.json", second)):
        page.route(f"**/api/v1/{name}", partial(fulfil, body=body))
    page.goto(served_site + "claims/?q=" + quote(last["claim"]))
    page.wait_for_function("() => document.querySelector('#filter-count').textContent.endsWith('claims shown')")
    assert page.locator("#filter-count").text_content().endswith(f" of {len(index['claims'])} claims shown")
    assert any(last["claim"] in text for text in page.locator(".catalog-results .claim-item").all_text_contents())
    page.close()


def test_a_filter_that_matches_nothing_offers_to_suggest_the_claim_and_to_search_every_wording(chromium, served_site, catalog):
    page = chromium.new_page()
    page.goto(served_site + "claims/?q=qqqqwwwwzz")
    page.wait_for_selector(".catalog-results__none")
    assert page.locator("#filter-count").text_content() == f"0 of {len(catalog.claims)} claims shown"
    suggest = page.get_by_role("link", name="Suggest this claim")
    assert "template=suggest-claim.yml" in suggest.get_attribute("href") and "claim=qqqqwwwwzz" in suggest.get_attribute("href")
    page.get_by_role("link", name="search every wording people use").click()
    page.wait_for_url("**/search/?q=qqqqwwwwzz")
    page.close()


def test_copy_buttons_work_from_the_keyboard(chromium, served_site):
    claim = read_catalog(ROOT).catalog.claims[0]
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + f"claims/{claim.id}/")
    button = page.get_by_role("button", name="Copy short answer")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Copy short answer":
            break
    assert page.evaluate("document.activeElement.textContent") == "Copy short answer"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.share-status').textContent === 'Copied.'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"“{claim.claim}” — rated {claim.verdict.label}. ") and copied.endswith(f"/claims/{claim.id}/")
    assert button.is_visible()
    context.close()
