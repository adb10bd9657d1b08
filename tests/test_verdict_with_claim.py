"""A verdict always stands with the claim it rates: on every page that shows one, in real Chromium.

A badge or meter beside anything but its claim (the fact, say) would tell a reader that a true
sentence is false. So every verdict's smallest enclosing unit (the line or list item it sits in)
must hold the claim it rates, and only that claim.
"""

from __future__ import annotations

from catalog.contract import VERDICTS

# Badges inside [hidden] are the copies the search and filter scripts place beside each claim
# they list; they are never shown or read out where they are. A .verdict-sample is the scale's
# legend on the methodology page: the badge beside its definition, not a rating.
UNITS = """() => Array.from(document.querySelectorAll('.verdict-badge, .verdict-meter, .card .badge'))
  .filter(el => !el.closest('[hidden], .verdict-sample')).map(el => {
  const unit = el.closest('p, li, td, dd, figure');
  return {label: el.classList.contains('verdict-meter') ? el.getAttribute('aria-label').split(':')[0] : el.innerText.trim(),
          unit: unit ? unit.innerText : ''};
})"""

CONTRAST = """() => {
  function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
  function luminance(rgb) { const [r, g, b] = rgb.match(/\\d+(\\.\\d+)?/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); }
  function background(el) {
    for (; el; el = el.parentElement) { const bg = getComputedStyle(el).backgroundColor; if (!/rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) return bg; }
    return 'rgb(255, 255, 255)';
  }
  return Array.from(document.querySelectorAll('.verdict-sample .verdict-badge')).map(el => {
    const [a, b] = [luminance(getComputedStyle(el).color), luminance(background(el))];
    return {label: el.innerText.trim(), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
  });
}"""


def pages_with_verdicts(built_site) -> list[str]:
    """Every built page that shows a verdict, found in the output rather than listed, so a new
    page with badges is covered the day it appears."""
    pages = []
    for html_file in sorted(built_site.rglob("*.html")):
        text = html_file.read_text(encoding="utf-8")
        if "verdict-badge" in text or "verdict-meter" in text or 'class="card verdict-' in text:
            path = html_file.relative_to(built_site).as_posix()
            pages.append(path.removesuffix("index.html"))
    return pages


def test_every_verdict_shown_stands_with_the_claim_it_rates(chromium, served_site, built_site, catalog):
    page = chromium.new_page()
    checked, pages = 0, pages_with_verdicts(built_site)
    assert "" in pages  # the home page
    for kind in ("claims/", "topics/", "corrections/", "embed/", "sources/"):
        assert any(p.startswith(kind) for p in pages), kind  # each kind of page is among them
    for path in pages:
        if path == "404.html":
            continue  # served at missing addresses; test_quality opens it there
        page.goto(served_site + path, wait_until="load")
        for shown in page.evaluate(UNITS):
            rated = [c for c in catalog.claims if f"“{c.claim}”" in shown["unit"]]
            assert len(rated) == 1, (path, shown)
            if path == "corrections/":  # the log gives each change's verdict, current or since replaced
                held = {rated[0].verdict.label} | {c.verdict.label for c in rated[0].changes if c.verdict}
                assert shown["label"] in held and "from this date" in shown["unit"], (path, shown)
            else:
                assert shown["label"] == rated[0].verdict.label, (path, shown)
            checked += 1
    page.close()
    # the home page, the catalog, the topics, each claim page (its header and related claims),
    # each source page (the claims citing it), the embeds and the corrections log
    assert checked >= 4 * len(catalog.claims)


def longest(catalog, count: int = 3):
    return sorted(catalog.claims, key=lambda c: -(len(c.claim) + len(c.fact) + len(c.short_answer)))[:count]


def test_a_phone_shows_claim_verdict_fact_answer_and_buttons_without_scrolling(chromium, served_site, catalog):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    for claim in longest(catalog):
        page.goto(served_site + f"claims/{claim.id}/", wait_until="networkidle")
        for selector in ("#claim", "#claim .verdict-badge", "#fact", "#short-answer", ".share-buttons", ".review-line"):
            box = page.locator(selector).first.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844, (claim.id, selector, box)
        assert page.locator(".md-tags").first.is_hidden()  # tags sit at the foot of the page
    context.close()


def test_every_verdict_badge_passes_wcag_aa_contrast(chromium, served_site):
    page = chromium.new_page()
    page.goto(served_site + "methodology/", wait_until="load")
    measured = page.evaluate(CONTRAST)
    assert sorted(m["label"] for m in measured) == sorted(v.label for v in VERDICTS)
    for m in measured:
        assert m["ratio"] >= 4.5, m
    page.close()


def test_grades_next_to_each_other_differ_in_shape_not_only_colour(chromium, served_site):
    page = chromium.new_page()
    page.goto(served_site + "methodology/", wait_until="load")
    looks = page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('.verdict-sample .verdict-badge'))
        .map(el => [el.innerText.trim(), [getComputedStyle(el, '::before').maskImage, getComputedStyle(el).backgroundColor]]))""")
    for full, mostly in (("True", "Mostly true"), ("False", "Mostly false")):
        assert looks[full][0] != looks[mostly][0]  # another icon
        assert looks[full][1] != looks[mostly][1]  # solid against outlined
    assert all(icon.startswith('url("data:image/svg+xml,') for icon, _ in looks.values())  # drawn, not "none"
    assert len({icon for icon, _ in looks.values()}) == len(VERDICTS)
    page.close()
