"""The renderers: page anatomy, escaping of contributor text, and generated documentation."""

from __future__ import annotations

import re

import markdown
import pytest

from catalog import render
from catalog.contract import VERDICTS
from catalog.docs import MARKERS, check_code_table, field_table
from catalog.contract import CLAIM_FIELDS
from catalog.diagnostics import CODES
from catalog.pipeline import read_catalog

from conftest import TODAY, VALID, copy_catalog

EXTENSIONS = ["abbr", "attr_list", "admonition", "tables", "toc"]
SITE = render.Site("https://example.org/", "Site", "https://github.com/owner/repo")


def to_html(text: str) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return markdown.markdown(body, extensions=EXTENSIONS)


@pytest.fixture
def catalog():
    return read_catalog(VALID, today=TODAY).catalog


def claim(catalog, claim_id):
    return next(c for c in catalog.claims if c.id == claim_id)


def test_claim_page_follows_the_anatomy_in_order(catalog):
    page = render.claim_page(claim(catalog, "sample-claim"), SITE)
    html = to_html(page)
    assert html.startswith("<h1")
    assert re.search(r"<h1[^>]*>There is no single national score\.</h1>", html)
    order = ["verdict-badge verdict-false", 'id="short-answer"', "data-share", 'id="claim"', 'id="explanation"',
             'id="bottom-line"', 'id="evidence"', 'id="circulated"', 'id="dates"', 'id="related"', "report-link"]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_the_claim_as_people_say_it_appears_once_and_not_in_the_title(catalog):
    page = render.claim_page(claim(catalog, "sample-claim"), SITE)
    assert page.count("Everyone has a score.") == 1
    assert "Everyone has a score" not in page.split("\n# ", 1)[1].splitlines()[0]


def test_verdict_badge_links_to_its_definition(catalog):
    html = to_html(render.claim_page(claim(catalog, "sample-claim"), SITE))
    assert 'href="../methodology.md#verdict-false"' in html


def test_evidence_shows_pinpoint_kind_language_and_archive_link(catalog):
    html = to_html(render.claim_page(claim(catalog, "sample-claim"), SITE))
    assert "Pinpoint: Article 1." in html
    assert "Primary source: law or regulation, in Chinese." in html
    assert 'href="https://web.archive.org/web/https://example.org/law"' in html


def test_first_appearance_is_the_earliest(catalog):
    html = to_html(render.claim_page(claim(catalog, "sample-claim"), SITE))
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
    text = render.front_matter(title='A "quoted" title\nwith a newline 😀 and 失信', description="2014")
    data = yaml.safe_load(text.strip().strip("-"))
    assert data == {"title": 'A "quoted" title\nwith a newline 😀 and 失信', "description": "2014"}


def test_methodology_scale_has_an_anchor_per_verdict():
    html = to_html(render.verdict_scale())
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
        assert fill(catalog).strip(), name


def test_topic_page_groups_claims_by_verdict(catalog):
    section = render.topic_claims(catalog.topics[0])
    assert section.index("{#claims-true ") < section.index("{#claims-false ")


def test_source_page_lists_the_claims_that_cite_it(catalog):
    law = next(s for s in catalog.sources if s.id == "sample-law")
    html = to_html(render.source_page(law))
    assert "../claims/other-claim.md" in html and "../claims/sample-claim.md" in html
    assert "sample-translation.md" in html


def test_timeline_lists_milestones(catalog):
    html = to_html(render.timeline_page(catalog))
    assert 'id="sample-law"' in html and "2014-06-14" in html


def test_glossary_lists_terms_and_their_claims(catalog):
    html = to_html(render.glossary_page(catalog))
    assert "信用" in html and "../claims/sample-claim.md" in html


def test_abbreviations_define_terms_found_in_text(catalog):
    assert "*[信用]: credit, trustworthiness" in render.abbreviations(catalog, "The word 信用 appears.")
    assert render.abbreviations(catalog, "Nothing here.") == ""


def test_share_text_is_plain_verdict_answer_and_link(catalog):
    text = render.share_text(claim(catalog, "sample-claim"), SITE)
    assert text == "False: No national score exists. Several lists do. https://example.org/claims/sample-claim/"


def test_share_buttons_escape_the_copied_text(catalog):
    hostile = claim(catalog, "sample-claim")
    hostile.short_answer = 'He said "no" & left <now>'
    block = render.share_buttons(hostile, SITE)
    assert 'data-copy="False: He said &quot;no&quot; &amp; left &lt;now&gt; https://example.org/claims/sample-claim/"' in block


def test_catalog_list_items_carry_verdict_and_topic_for_the_filters(catalog):
    html = to_html(render.catalog_page(catalog))
    assert '<li class="claim-item" data-topic="scope" data-verdict="false">' in html
    assert 'data-claim-filters' in html
    assert "No national score exists. Several lists do." in html
