"""The built site in real Chromium: no third-party requests, and readable with JavaScript off."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import ROOT

from catalog.pipeline import read_catalog


def first_claim():
    return read_catalog(ROOT).catalog.claims[0]


def test_claim_page_requests_nothing_but_this_host(chromium, served_site):
    claim = first_claim()
    page = chromium.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site + f"claims/{claim.id}/", wait_until="networkidle")
    page.locator(".site-search-button").click()  # the header's search button leads to the search page
    page.fill("#search-query", "jaywalking")
    page.wait_for_selector(".search-results__list > li", timeout=15000)
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, requested
    assert any("/search-index/" in url for url in requested)
    page.goto(served_site + f"claims/{claim.id}/", wait_until="networkidle")
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


def test_the_code_decoder_explains_a_typed_code(chromium, served_site):
    page = chromium.new_page()
    page.goto(served_site + "topics/codes/", wait_until="networkidle")
    page.fill("#code-decoder-input", "9144 0300-1922 0382 16")
    page.press("#code-decoder-input", "Enter")
    results = page.locator("#code-decoder-results")
    results.get_by_text("Guangdong").first.wait_for()
    text = results.inner_text()
    assert "read it as 914403001922038216" in text and "Removed spaces" in text
    assert "Every check character matches the standard" in text and "contains no score" in text
    page.get_by_role("button", name="Explain this code").focus()
    page.fill("#code-decoder-input", "91350100M0001TGQXM")  # an early Fujian pilot code
    page.keyboard.press("Enter")
    results.get_by_text("Does not match").first.wait_for()
    assert "Removed spaces" not in results.inner_text()
    page.close()


def test_the_code_decoder_form_is_hidden_but_its_worked_example_shown_without_javascript(chromium, served_site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "topics/codes/")
    assert not page.locator("#code-decoder-form").is_visible()
    assert page.locator("#worked-example").is_visible()
    assert page.get_by_text("914403001922038216").first.is_visible()
    # Playwright turns off running scripts, not the parser's scripting flag, so <noscript> content
    # is not rendered here; it is checked in the HTML.
    assert "The interactive decoder needs JavaScript." in page.locator("noscript").first.inner_html()
    context.close()
