"""Browse and trust, in Chromium: the home page's search comes first, a topic's claims come
before its explainer, the decoder fits a phone, print drops the buttons and shows addresses,
every page names its licences, and the corrections log holds every change of every claim."""

from __future__ import annotations

import re

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_home_puts_search_and_the_most_repeated_claims_before_the_prose(chromium, served_site):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.goto(served_site, wait_until="networkidle")
    box = page.locator("article #search-query")
    assert box.is_visible() and box.get_attribute("placeholder").startswith("Paste what you heard")
    assert box.bounding_box()["y"] + box.bounding_box()["height"] <= 844  # above the fold on a phone
    first_claim = page.locator("#most-repeated + .claim-list .claim-item").first
    assert first_claim.locator(".verdict-badge").count() == 1
    prose = page.locator("#in-brief").bounding_box()["y"]
    assert box.bounding_box()["y"] < first_claim.bounding_box()["y"] < prose
    box.fill("jaywalking")
    box.press("Enter")
    page.wait_for_url("**/search/?q=jaywalking")
    page.wait_for_selector(".search-results__list > li", timeout=15000)
    context.close()


def test_the_site_name_appears_once_in_the_title_and_not_in_the_desktop_sidebar(chromium, served_site):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_site, wait_until="load")
    assert page.title().count("Social Credit, Checked") == 1
    assert not page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__title").is_visible()
    assert page.locator(".md-header__topic").first.inner_text().strip() == "Social Credit, Checked"
    page.close()


def test_a_topic_shows_its_claims_before_its_explainer(chromium, served_site, catalog):
    page = chromium.new_page()
    for topic in catalog.topics:
        page.goto(served_site + f"topics/{topic.id}/", wait_until="load")
        headings = page.locator("article h2").all_inner_texts()
        assert headings[0].startswith("Claims in this topic"), (topic.id, headings[:3])
        listed = page.locator("article .claim-list").first.locator(".claim-item")
        assert listed.count() == len(topic.claims)
        first_after = page.evaluate("""() => {
            const list = document.querySelector('article .claim-list');
            const h2s = [...document.querySelectorAll('article h2')];
            return h2s.length > 1 ? h2s[1].getBoundingClientRect().top - list.getBoundingClientRect().bottom : 1;
        }""")
        assert first_after > 0, topic.id  # the explainer's sections come after the list
        assert page.locator('meta[property="og:description"]').get_attribute("content") == topic.summary
        assert f"assets/cards/topics/{topic.id}.png" in page.locator('meta[property="og:image"]').get_attribute("content")
        blocks = page.locator("article :is(p, ul, ol, table, h2, h3):not(.md-source-file)")  # the end of the topic is no dead end
        last = blocks.last
        assert last.get_attribute("class") == "topic-suggest", (topic.id, last.inner_text()[:80])
        assert "template=suggest-claim.yml" in last.get_by_role("link", name="Suggest a claim").get_attribute("href")
        queue = last.get_by_role("link", name="claims we've heard but not checked yet")
        queue.click()
        page.wait_for_url("**/queue/**")
        assert page.locator("h1").inner_text() == "Claims we've heard"
    page.close()


def test_the_decoder_fits_a_360_px_phone(chromium, served_site):
    context = chromium.new_context(**{**PHONE, "viewport": {"width": 360, "height": 740}})
    page = context.new_page()
    page.goto(served_site + "topics/codes/#decoder", wait_until="networkidle")
    assert page.locator("h2#decoder").count() == 1
    page.fill("#code-decoder-input", "91350100M000100Y43")
    page.press("#code-decoder-input", "Enter")
    page.wait_for_selector("#code-decoder-results table")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    for table in page.locator("article table").all():  # a table either fits or scrolls in its own box
        box = table.bounding_box()
        fits = box["x"] >= 0 and box["x"] + box["width"] <= 360
        scrolls = table.evaluate("t => { const w = t.closest('.md-typeset__scrollwrap') || t.parentElement;"
                                 " return getComputedStyle(w).overflowX !== 'visible' && w.getBoundingClientRect().right <= 360; }")
        assert fits or scrolls
    context.close()


def test_print_drops_the_buttons_and_shows_where_links_go(chromium, served_site, catalog):
    page = chromium.new_page()
    page.goto(served_site + f"claims/{catalog.claims[0].id}/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".share-buttons", ".md-header", ".md-sidebar--primary", ".report-link"):
        assert all(not el.is_visible() for el in page.locator(selector).all()), selector
    external = page.locator("article a[href^='http']").first
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in after
    page.close()


def test_every_page_names_the_licences_in_its_footer(built_site):
    pages = [p for p in built_site.rglob("*.html") if not p.relative_to(built_site).as_posix().startswith("embed/")]
    assert len(pages) > 300
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in text:  # an address that redirects at once shows nothing to credit
            continue
        footer = text.split('<footer class="md-footer">', 1)
        assert len(footer) == 2, path
        assert "creativecommons.org/licenses/by/4.0/" in footer[1] and "/LICENSE" in footer[1], path


def test_the_corrections_log_lists_every_change_of_every_claim(built_site, catalog):
    html = (built_site / "corrections" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="correction">(.*?)</li>', html, re.DOTALL)
    expected = [(change.date.isoformat(), claim.id) for claim in catalog.claims for change in claim.changes]
    assert len(entries) == len(expected) and len(expected) > 0
    for day, claim_id in expected:
        assert any(day in entry and f"../claims/{claim_id}/" in entry for entry in entries), (day, claim_id)
    days = [re.search(r"\d{4}-\d{2}-\d{2}", entry).group(0) for entry in entries]
    assert days == sorted(days, reverse=True)  # newest first
