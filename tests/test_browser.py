"""The built site in real Chromium: no third-party requests, and readable with JavaScript off."""

from __future__ import annotations

from urllib.parse import urlsplit

from catalog.pipeline import read_catalog

from conftest import ROOT


def first_claim():
    return read_catalog(ROOT).catalog.claims[0]


def test_claim_page_requests_nothing_but_this_host(chromium, served_site):
    claim = first_claim()
    page = chromium.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site + f"claims/{claim.id}/", wait_until="networkidle")
    page.keyboard.press("/")  # opens search, which loads the search worker and index
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, requested
    assert any("search" in url for url in requested)
    assert page.locator("h1").inner_text() == claim.fact
    page.close()


def test_claim_page_is_complete_without_javascript(chromium, served_site):
    claim = first_claim()
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + f"claims/{claim.id}/")
    assert page.locator("h1").inner_text() == claim.fact
    assert page.locator(".verdict-badge").first.inner_text() == claim.verdict.label
    assert page.locator("#short-answer").is_visible()
    for section in ("claim", "explanation", "bottom-line", "evidence", "dates"):
        assert page.locator(f"#{section}").is_visible(), section
    context.close()
