"""The renderers: page anatomy, escaping of contributor text, and generated documentation."""

from __future__ import annotations

import re

import markdown
import pytest
from conftest import TODAY, VALID

from catalog import claim_pages, listings, render
from catalog.contract import CLAIM_FIELDS, VERDICTS
from catalog.diagnostics import CODES
from catalog.docs import MARKERS, check_code_table, field_table, retarget_source_links
from catalog.pipeline import read_catalog
from catalog.site import Site

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "admonition", "tables", "toc"]
SITE = Site("https://example.org/", "Site", "https://github.com/owner/repo")


def to_html(text: str) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return markdown.markdown(body, extensions=EXTENSIONS)


@pytest.fixture
def catalog():
    return read_catalog(VALID, today=TODAY).catalog


def claim(catalog, claim_id):
    return next(c for c in catalog.claims if c.id == claim_id)


def test_claim_page_follows_the_anatomy_in_order(catalog):
    page = claim_pages.claim_page(claim(catalog, "sample-claim"), SITE)
    html = to_html(page)
    assert html.startswith('<div class="claim-review">')
    assert re.search(r'<h1 id="fact">There is no single national score\.</h1>', html)
    order = ['id="claim"', "Everyone has a score.", "verdict-badge verdict-false", 'class="verdict-meter"', 'id="fact"',
             'id="short-answer"', "data-share", 'class="review-line"', "also-heard", 'id="explanation"',
             'id="bottom-line"', 'id="evidence"', 'id="circulated"', 'id="dates"', 'id="related"', "report-link"]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_the_verdict_stands_in_one_line_with_the_claim_it_rates(catalog):
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    line = re.search(r'<p class="claim-line" [^>]*id="claim"[^>]*>(.*?)</p>', html, re.DOTALL).group(1)
    assert "Everyone has a score." in line and "verdict-badge verdict-false" in line and "verdict-meter" in line
    assert "There is no single national score" not in line


def test_the_claim_is_not_in_the_title_and_the_fact_is(catalog):
    page = claim_pages.claim_page(claim(catalog, "sample-claim"), SITE)
    title = re.search(r"^title: (.*)$", page, re.MULTILINE).group(1)
    assert "There is no single national score" in title and "Everyone has a score" not in title


def test_the_review_line_counts_sources_and_primary_ones(catalog):
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    assert "Reviewed 2026-02-01 · 2 sources (1 primary)" in html


def test_phrasings_are_shown_as_also_heard_as_with_their_language(catalog):
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    assert "“China gives each citizen a score.”" in html and 'href="https://example.org/post"' in html
    assert '<span lang="zh">“每个人都有一个信用分”</span>' in html


def test_the_meter_marks_exactly_the_verdicts_step():
    for verdict in VERDICTS:
        meter = render.verdict_meter(verdict)
        assert meter.count("is-here") == 1 and f"meter-{verdict.slug} is-here" in meter
        assert meter.count("meter-step") == len(VERDICTS)
        assert f'aria-label="{verdict.label}: ' in meter


def test_verdict_badge_links_to_its_definition(catalog):
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    assert 'href="../methodology.md#verdict-false"' in html


def test_evidence_shows_pinpoint_kind_language_and_archive_link(catalog):
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    assert "Pinpoint: Article 1." in html
    assert "Primary source: law or regulation, in Chinese." in html
    assert 'href="https://web.archive.org/web/https://example.org/law"' in html


def test_a_source_one_claim_cites_is_described_in_its_evidence_and_links_lead_there(catalog):
    story = next(s for s in catalog.sources if s.id == "sample-story")  # cited by sample-claim alone
    assert [c.id for c in story.cited_by] == ["sample-claim"]
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    entry = html[html.index('id="source-sample-story"'):]
    entry = entry[:entry.index("</li>")]
    assert story.title in entry and 'href="../sources/sample-story.md"' not in entry  # no page to link to
    assert 'id="source-sample-law"' in html and 'href="../sources/sample-law.md"' in html  # two claims cite it
    text = "[a](../sources/sample-story.md) [b](../sources/sample-law.md#cited-by) [c](https://example.org/sources/sample-story.md)"
    assert retarget_source_links(text, "topics/scope.md", catalog) == (
        "[a](../claims/sample-claim.md#source-sample-story) [b](../sources/sample-law.md#cited-by) "
        "[c](https://example.org/sources/sample-story.md)")
    assert retarget_source_links(text, "claims/sample-claim.md", catalog).startswith("[a](#source-sample-story) ")
    assert retarget_source_links("[s](sample-story.md)", "sources/index.md", catalog) == (
        "[s](../claims/sample-claim.md#source-sample-story)")


def test_first_appearance_is_the_earliest(catalog):
    html = to_html(claim_pages.claim_page(claim(catalog, "sample-claim"), SITE))
    assert "2019-07: " in html and "(first known appearance)" in html


def test_related_claims_fall_back_to_the_same_topic(catalog):
    other = claim(catalog, "other-claim")
    assert [r.id for r in other.related] == ["sample-claim"]


HOSTILE = 'Say "hi" & <script>alert(1)</script> <img src=x onerror=alert(2)> *bold* [x](javascript:alert(3)) {: onclick="x"} 失信 😀'


EVENT_ATTRIBUTE = re.compile(r"<[^>]*\son[a-z]+=", re.IGNORECASE)


def test_plain_text_fields_render_as_text_never_as_markup():
    html = to_html(render.inline(HOSTILE))
    assert "<script" not in html and "<img" not in html and "<em>" not in html and "<a " not in html
    assert not EVENT_ATTRIBUTE.search(html)
    text = re.sub(r"<[^>]+>", "", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "失信 😀" in text


def test_trusted_markdown_disarms_raw_html_and_attribute_lists():
    source = 'Paragraph\n{: onclick="alert(1)" }\n\n<script>alert(1)</script>'
    assert EVENT_ATTRIBUTE.search(to_html(source)), "the unescaped input would inject a handler"
    html = to_html(render.trusted_markdown(source))
    assert "<script" not in html
    assert not EVENT_ATTRIBUTE.search(html)


def test_front_matter_survives_quotes_newlines_and_emoji():
    import yaml
    title = 'A "quoted" <title> & more\nwith a newline 😀 and 失信'
    text = render.front_matter(title=title, description="2014")
    data = yaml.safe_load(text.strip().strip("-"))
    # Material prints titles unescaped, so the title is escaped; plain_title keeps it as written
    assert data == {"title": 'A "quoted" &lt;title&gt; &amp; more\nwith a newline 😀 and 失信',
                    "plain_title": title, "description": "2014"}


def test_methodology_scale_has_an_anchor_per_verdict():
    html = to_html(listings.verdict_scale())
    for verdict in VERDICTS:
        assert f'id="verdict-{verdict.slug}"' in html
        assert verdict.definition in html


def test_check_code_table_lists_every_code():
    table = check_code_table()
    for code in CODES:
        assert f"`{code.code}`" in table


def test_field_table_lists_nested_fields():
    table = field_table(CLAIM_FIELDS)
    assert "`citations[].locator` | required" in table
    assert "`verdict` | required" in table


def test_every_marker_renders(catalog):
    for name, fill in MARKERS.items():
        assert fill(catalog, SITE).strip(), name


def test_topic_page_lists_its_claims_first_most_repeated_first(catalog):
    page = render.after_title("---\ntitle: Scope\n---\n\n# Scope\n\nThe explainer.\n", listings.topic_claims(catalog.topics[0]))
    html = to_html(page)
    assert html.index("Claims in this topic") < html.index("The explainer.")
    # sample-claim has an appearance and two phrasings, other-claim one phrasing
    assert html.index("Everyone has a score.") < html.index("Companies have codes.")


def test_source_page_lists_the_claims_that_cite_it(catalog):
    law = next(s for s in catalog.sources if s.id == "sample-law")
    html = to_html(listings.source_page(law))
    assert "../claims/other-claim.md" in html and "../claims/sample-claim.md" in html
    assert "sample-translation.md" in html


def test_timeline_lists_milestones(catalog):
    html = to_html(listings.timeline_page(catalog))
    assert 'id="sample-law"' in html and "2014-06-14" in html


def test_glossary_lists_terms_and_their_claims(catalog):
    html = to_html(listings.glossary_page(catalog))
    assert "信用" in html and "../claims/sample-claim.md" in html


def test_abbreviations_define_terms_found_in_text(catalog):
    assert "*[信用]: credit, trustworthiness" in render.abbreviations(catalog, "The word 信用 appears.")
    assert render.abbreviations(catalog, "Nothing here.") == ""


def test_share_text_starts_with_the_claim_and_its_verdict(catalog):
    text = claim_pages.share_text(claim(catalog, "sample-claim"), SITE)
    assert text == ("“Everyone has a score.” — rated False. No national score exists. Several lists do. "
                    "https://example.org/claims/sample-claim/")


def test_share_buttons_escape_the_copied_text(catalog):
    hostile = claim(catalog, "sample-claim")
    hostile.short_answer = 'He said "no" & left <now>'
    block = claim_pages.share_buttons(hostile, SITE)
    assert ('data-clipboard-text="“Everyone has a score.” — rated False. He said &quot;no&quot; &amp; left &lt;now&gt; '
            'https://example.org/claims/sample-claim/"') in block


def test_the_catalog_lists_claims_by_topic_and_points_its_filters_at_the_open_data(catalog):
    html = to_html(listings.catalog_page(catalog, SITE, catalog.claims))
    item = re.search(r'<li class="claim-item">(.*?)</li>', html, re.DOTALL)
    assert item, html
    assert "verdict-badge" in item.group(1)
    assert 'data-claim-filters' in html and 'data-index="../api/v1/claims.json"' in html


@pytest.mark.parametrize("page", ["catalog", "source", "related", "topic"])
def test_every_list_binds_each_verdict_to_its_claim(catalog, page):
    sample, other = claim(catalog, "sample-claim"), claim(catalog, "other-claim")
    law = next(s for s in catalog.sources if s.id == "sample-law")
    text = {"catalog": lambda: listings.catalog_page(catalog, SITE, catalog.claims), "source": lambda: listings.source_page(law),
            "related": lambda: claim_pages.claim_page(other, SITE), "topic": lambda: listings.topic_claims(catalog.topics[0])}[page]()
    html = to_html(text)
    items = re.findall(r"<li[^>]*>(.*?)</li>", html, re.DOTALL)
    rated = [item for item in items if "verdict-badge" in item]
    assert rated
    for item in rated:
        rated_claims = [c for c in (sample, other) if f"verdict-{c.verdict.slug}" in item and f"“{c.claim}”" in item]
        assert len(rated_claims) == 1, item


def test_a_long_catalog_is_split_into_pages_that_link_to_each_other(catalog, monkeypatch):
    monkeypatch.setattr(listings, "CATALOG_PAGE", 1)
    pages = listings.catalog_pages(catalog, SITE)
    assert [uri for uri, _ in pages] == ["claims/index.md", "claims/page/2.md"]
    first, second = (to_html(make()) for _, make in pages)
    assert 'href="page/2.md"' in first and 'href="../index.md"' in second
    assert "(page 2 of 2)" in second and 'data-index="../../api/v1/claims.json"' in second
    assert sum(html.count('class="claim-item"') for html in (first, second)) == len(catalog.claims)


def test_related_claims_rank_declared_first_then_by_what_they_share():
    from types import SimpleNamespace as Record

    from catalog.models import Catalog, enrich

    home, away = Record(id="home", claims=[]), Record(id="away", claims=[])

    def claim(claim_id, topic, tags, related=()):
        return Record(id=claim_id, topic=topic, tags=list(tags), related=list(related), citations=[])

    shares_all = claim("b-shares-topic-and-both-tags", home, "xy")
    shares_tags = claim("c-shares-both-tags", away, "xy")
    shares_topic = claim("d-shares-the-topic", home, "")
    shares_a_tag = claim("e-shares-one-tag", away, "x")
    declared = claim("z-declared", away, "")
    stranger = claim("f-shares-nothing", away, "q")
    subject = claim("a-subject", home, "xy", related=[declared])
    enrich(Catalog(claims=[subject, shares_all, shares_tags, shares_topic, shares_a_tag, stranger, declared], sources=[], topics=[]))
    assert [c.id for c in subject.related] == [
        "z-declared",  # declared first, whatever it shares
        "b-shares-topic-and-both-tags",  # 3 in common
        "c-shares-both-tags",  # 2
        "d-shares-the-topic", "e-shares-one-tag",  # 1 each: by id
    ]
    assert stranger not in subject.related and subject not in subject.related


@pytest.mark.parametrize("typed", [
    "AT&T said &lt;b&gt; is not bold", "# not a heading", "1. not a list", "2014) not a list either",
    "> not a quote", "- not a bullet", "+ nor this", "*not emphasis* and _not either_", "`not code`",
    "a \\ backslash, a | pipe, {curly} and [square] brackets", "![not an image](x.png)", "<b>not bold</b>",
])
def test_plain_text_shows_exactly_as_typed(typed):
    html = to_html(render.inline(typed))
    assert re.fullmatch(r"<p>.*</p>", html.strip(), re.DOTALL), html
    shown = __import__("html").unescape(re.sub(r"<[^>]+>", "", html)).strip()
    assert shown == typed
