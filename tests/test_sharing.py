"""Sharing a claim: link previews, share cards, ClaimReview, open data, feed and permalinks."""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import jsonschema
import pytest
from conftest import ROOT, TODAY, VALID, copy_catalog
from PIL import Image
from site_build import mkdocs_build, project_copy

from catalog import export
from catalog.contract import VERDICTS
from catalog.permalinks import read_registry, site_paths
from catalog.pipeline import read_catalog
from catalog.site import DATA_FILES

CLAIM_REVIEW_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "claimreview.schema.json").read_text())


class PreviewParser(HTMLParser):
    """Reads a page the way a chat app's link-preview fetcher does: meta tags and JSON-LD."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self.canonical, self._in_ld, self.title = {}, [], None, False, ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        self._in_ld = self._in_ld and tag != "script"
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data
        if self._in_title:
            self.title += data


def preview(site: Path, path: str) -> PreviewParser:
    parser = PreviewParser()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


def card_path(site: Path, url: str) -> Path:
    return site / url.split("/", 3)[3]


def redirect_target(site: Path, url: str) -> str | None:
    """The absolute address a built redirect page sends readers to, or None for a page of content."""
    written = (card_path(site, url) / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', written)
    return urljoin(url, html.unescape(found.group(1))) if found else None


def test_every_claim_page_has_a_preview_with_the_claim_its_verdict_the_fact_and_card(built_site):
    catalog = read_catalog(ROOT).catalog
    for claim in catalog.claims:
        page = preview(built_site, f"claims/{claim.id}")
        assert page.meta["og:title"] == claim.fact
        rated = f"Claim: “{claim.claim}” Rated {claim.verdict.label.lower()}. "
        assert page.meta["og:description"] == rated + claim.short_answer
        # X falls back to the og: tags; a twitter: copy could only drift from them
        assert not {"twitter:title", "twitter:description", "twitter:image"} & page.meta.keys()
        assert page.meta["og:url"] == page.canonical == f"https://social-credit-checked.github.io/claims/{claim.id}/"
        assert page.meta["og:site_name"] == "Social Credit, Checked"
        assert page.meta["twitter:card"] == "summary_large_image"
        with Image.open(card_path(built_site, page.meta["og:image"])) as card:
            assert card.size == (1200, 630) and card.format == "PNG"


def test_home_catalog_and_topic_pages_have_cards(built_site):
    catalog = read_catalog(ROOT).catalog
    for path in ["", "claims"] + [f"topics/{t.id}" for t in catalog.topics]:
        page = preview(built_site, path)
        assert card_path(built_site, page.meta["og:image"]).is_file(), path


def test_each_claim_page_has_one_valid_claim_review(built_site):
    catalog = read_catalog(ROOT).catalog
    for claim in catalog.claims:
        page = preview(built_site, f"claims/{claim.id}")
        assert len(page.json_ld) == 1
        review = json.loads(page.json_ld[0])
        jsonschema.validate(review, CLAIM_REVIEW_SCHEMA, format_checker=jsonschema.FormatChecker())
        assert review["claimReviewed"] == claim.claim
        assert review["reviewRating"]["alternateName"] == review["reviewRating"]["name"] == claim.verdict.label
        assert review["url"] == page.canonical
        if claim.appearances:
            assert review["itemReviewed"]["datePublished"] == claim.first_appearance.date


def test_claim_review_schema_rejects_a_review_without_a_rating():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"@context": "https://schema.org", "@type": "ClaimReview"}, CLAIM_REVIEW_SCHEMA)


def test_claim_review_for_unproven_has_no_numeric_rating_and_appearances_when_known():
    catalog = read_catalog(VALID, today=TODAY).catalog
    claim = next(c for c in catalog.claims if c.id == "sample-claim")
    review = export.claim_review(claim, "https://example.org/", "Site")
    assert review["itemReviewed"]["firstAppearance"]["url"] == "https://example.org/story"
    jsonschema.validate(review, CLAIM_REVIEW_SCHEMA)
    claim.verdict = next(v for v in export.VERDICTS if v.slug == "unproven")
    rating = export.claim_review(claim, "https://example.org/", "Site")["reviewRating"]
    assert rating == {"@type": "Rating", "name": "Unproven", "alternateName": "Unproven"}


def test_open_data_matches_the_documented_fields(built_site):
    catalog = read_catalog(ROOT).catalog
    claims = json.loads((built_site / "api/v1/claims.json").read_text(encoding="utf-8"))
    sources = json.loads((built_site / "api/v1/sources.json").read_text(encoding="utf-8"))
    assert claims["version"] == sources["version"] == "v1"
    assert claims["license"]["name"] == sources["license"]["name"] == "CC BY 4.0"
    for index, kind, records in ((claims, "claims", catalog.claims), (sources, "sources", catalog.sources)):
        listed = [r["id"] for name in index["parts"]
                  for r in json.loads((built_site / "api/v1" / name).read_text(encoding="utf-8"))[kind]]
        assert index["parts"][0] == f"{kind}.json" and index["count"] == len(records)
        assert listed == [r.id for r in records]
    for entry in claims["claims"]:  # the slim index leads, through its address templates, to each claim's full record
        assert set(entry) == set(export.CLAIM_INDEX)
        full = json.loads(card_path(built_site, claims["data"].replace("{id}", entry["id"])).read_text(encoding="utf-8"))["claim"]
        assert list(full) == [name for name, _, _ in export.API_FIELDS["claims"]]
        assert {key: full[key] for key in export.CLAIM_INDEX} == entry
        assert full["url"] == claims["page"].replace("{id}", entry["id"])
    for entry in sources["sources"]:
        assert set(entry) == set(export.SOURCE_INDEX)
        full = json.loads(card_path(built_site, sources["data"].replace("{id}", entry["id"])).read_text(encoding="utf-8"))["source"]
        assert list(full) == [name for name, _, _ in export.API_FIELDS["sources"]]
        address = sources["page"].replace("{id}", entry["id"])  # a source's page, or an address that leads to its entry
        assert full["page"] == address or redirect_target(built_site, address) == full["page"]
    dumped = [r for path in sorted((built_site / "api/v1/dump").glob("claims-*.json.gz"))
              for r in json.loads(gzip.decompress(path.read_bytes()))["claims"]]
    assert [r["id"] for r in dumped] == [c.id for c in catalog.claims]
    rows = list(csv.DictReader(io.StringIO((built_site / "api/v1/claims.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [c.id for c in catalog.claims]
    assert list(rows[0]) == list(export.CSV_LIST_COLUMNS)
    claim = catalog.claims[0]
    assert rows[0]["tags"] == " ".join(claim.tags) and rows[0]["verdict"] == claim.verdict.slug  # tags joined by spaces
    full_rows = [row for path in sorted((built_site / "api/v1/dump").glob("claims-*.csv.gz"))
                 for row in csv.DictReader(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8")))]
    assert [r["id"] for r in full_rows] == [c.id for c in catalog.claims]
    assert list(full_rows[0]) == list(export.CSV_COLUMNS)
    assert full_rows[0]["short_answer"] == claim.short_answer.strip()
    assert all({key: full[key] for key in export.CSV_LIST_COLUMNS} == row for full, row in zip(full_rows, rows, strict=True))


def test_a_large_index_is_split_into_parts_that_name_each_other(catalog, monkeypatch):
    monkeypatch.setattr(export, "INDEX_PART", 3)
    files = export.claims_index(catalog, "https://example.org/")
    parts = [json.loads(make()) for make in files.values()]
    expected = ["claims.json", *(f"claims-{n}.json" for n in range(2, -(-len(catalog.claims) // 3) + 1))]
    assert list(files) == [f"{export.API}/{name}" for name in expected]
    assert all(p["parts"] == expected and p["count"] == len(catalog.claims) and len(p["claims"]) <= 3 for p in parts)
    assert [c["id"] for p in parts for c in p["claims"]] == [c.id for c in catalog.claims]
    assert all(p["data"] == "https://example.org/api/v1/claims/{id}.json" for p in parts)


def test_the_open_data_page_links_every_data_file_and_documents_every_field(built_site):
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    for path in DATA_FILES:
        assert f'href="../{path}"' in page, path
        assert (built_site / path).is_file(), path
    for kind in ("claims", "sources"):
        for name, _, _ in export.API_FIELDS[kind]:
            assert f"<code>{name}</code>" in page, name
    assert f"The {export.FEED_ENTRIES} most recently reviewed or changed claims" in page


def test_atom_feed_parses_and_lists_the_latest_reviewed_claims_newest_first(built_site):
    catalog = read_catalog(ROOT).catalog
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == min(len(catalog.claims), export.FEED_ENTRIES) > 0
    by_id = {c.id: c for c in catalog.claims}
    listed = [by_id[entry.link.rstrip("/").rsplit("/", 1)[1]] for entry in feed.entries]
    for entry, claim in zip(feed.entries, listed, strict=True):
        assert entry.title == claim.fact
        assert entry.summary.startswith(f"Claim: “{claim.claim}” Rated {claim.verdict.label.lower()}. ")
        assert entry.updated.startswith(claim.last_changed.isoformat())
    assert [c.last_changed for c in listed] == sorted((c.last_changed for c in listed), reverse=True)
    left_out = [c for c in catalog.claims if c not in listed]
    assert all(c.last_changed <= listed[-1].last_changed for c in left_out)
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' in (built_site / "feed.xml").read_text(encoding="utf-8")


HOSTILE_FACT = 'A "quoted" fact & <3 > 1 with 失信被执行人 and 😀'
HOSTILE_ANSWER = 'Line one with "quotes" & ampersands, 1 < 2.\nLine two: 社会信用 &lt;b&gt; 😀'


def test_hostile_text_still_gives_valid_meta_json_ld_and_feed(tmp_path):
    catalog_root = copy_catalog(tmp_path / "catalog")
    claim_file = catalog_root / "claims" / "sample-claim.yaml"
    text = claim_file.read_text(encoding="utf-8")
    text = text.replace("fact: There is no single national score.", f"fact: {json.dumps(HOSTILE_FACT, ensure_ascii=False)}")
    text = text.replace("short_answer: No national score exists. Several lists do.",
                        f"short_answer: {json.dumps(HOSTILE_ANSWER, ensure_ascii=False)}")
    text = text.replace("claim: Everyone has a score.", 'claim: "Everyone\'s \\"score\\" <= 100 & 失信"')
    claim_file.write_text(text, encoding="utf-8")
    project = project_copy(tmp_path / "project", catalog_root)
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = preview(tmp_path / "site", "claims/sample-claim")
    assert page.meta["og:title"] == HOSTILE_FACT
    assert page.meta["og:description"] == f"Claim: “Everyone's \"score\" <= 100 & 失信” Rated false. {HOSTILE_ANSWER}"
    assert page.title == f"{HOSTILE_FACT} - Social Credit, Checked"
    review = json.loads(page.json_ld[0])
    assert review["claimReviewed"] == "Everyone's \"score\" <= 100 & 失信"
    assert "</title>" not in page.json_ld[0] and "<" not in page.json_ld[0]
    feed = feedparser.parse((tmp_path / "site" / "feed.xml").read_bytes())
    assert not feed.bozo
    entry = next(e for e in feed.entries if e.link.endswith("/sample-claim/"))
    assert entry.title == HOSTILE_FACT


def test_report_link_is_prefilled_with_the_claim_id(built_site):
    catalog = read_catalog(ROOT).catalog
    claim = catalog.claims[0]
    html = (built_site / f"claims/{claim.id}/index.html").read_text(encoding="utf-8")
    link = re.search(r'href="([^"]*issues/new[^"]*)"', html).group(1)
    assert f"claim={claim.id}" in link and "template=report-error.yml" in link


def test_every_registered_url_still_resolves(built_site):
    registered = read_registry(ROOT)
    assert registered, "permalinks.txt is empty"
    for path in registered:
        target = built_site / path.lstrip("/")
        assert (target / "index.html").is_file() or target.is_file(), f"{path} was published and now returns 404"


def test_every_published_url_is_registered():
    catalog = read_catalog(ROOT).catalog
    missing = site_paths(catalog, ROOT) - set(read_registry(ROOT))
    assert not missing, f"run `python scripts/permalinks.py --update` to register {sorted(missing)}"


def test_old_ids_redirect_to_the_claim(built_site):
    catalog = read_catalog(ROOT).catalog
    for claim in catalog.claims:
        for alias in claim.aliases:
            html = (built_site / f"claims/{alias}/index.html").read_text(encoding="utf-8")
            assert f'url=../{claim.id}/"' in html


def test_the_copied_short_answer_starts_with_the_claim_and_its_verdict(built_site):
    catalog = read_catalog(ROOT).catalog
    for claim in catalog.claims:
        page = (built_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
        copied = [html.unescape(t) for t in re.findall(r'data-clipboard-text="([^"]*)"', page)]
        assert copied[0] == f"https://social-credit-checked.github.io/claims/{claim.id}/"
        assert copied[1].startswith(f"“{claim.claim}” — rated {claim.verdict.label}. ")
        assert copied[1].endswith(copied[0])


def test_each_claim_card_is_drawn_from_its_claim_verdict_and_fact(tmp_path, monkeypatch):
    from catalog import cards

    drawn = []
    original = cards.claim_card
    monkeypatch.setattr(cards, "claim_card", lambda card: drawn.append(card) or original(card))
    fixture = read_catalog(VALID, today=TODAY).catalog
    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert sorted((c.claim, c.verdict.slug, c.fact) for c in drawn) == \
        sorted((c.claim, c.verdict.slug, c.fact) for c in fixture.claims)
    for claim in fixture.claims:
        with Image.open(tmp_path / "site" / "assets" / "cards" / "claims" / f"{claim.id}.png") as image:
            assert image.size == (1200, 630)


def test_a_cached_card_is_put_in_the_site_by_hard_link_or_else_by_copy(tmp_path, monkeypatch):
    from catalog import mkdocs_hook

    cached, in_site = tmp_path / "cache" / "card.png", tmp_path / "site" / "assets" / "cards" / "claims" / "a.png"
    cached.parent.mkdir()
    cached.write_bytes(b"the card")
    mkdocs_hook._link_or_copy(cached, in_site)
    assert in_site.read_bytes() == b"the card" and in_site.samefile(cached)
    mkdocs_hook._link_or_copy(cached, in_site)  # a --dirty build finds last build's link in place
    assert in_site.samefile(cached)

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")
    monkeypatch.setattr(mkdocs_hook.os, "link", cross_device)
    mkdocs_hook._link_or_copy(cached, in_site)
    assert in_site.read_bytes() == b"the card" and not in_site.samefile(cached)
    in_site.write_bytes(b"changed in the site")
    assert cached.read_bytes() == b"the card"


def test_a_claim_card_differs_when_only_the_verdict_differs():
    from catalog import cards
    from catalog.contract import VERDICT_BY_SLUG

    first = cards.claim_card(cards.ClaimCard("A claim.", VERDICT_BY_SLUG["false"], "A fact.", "Site"))
    second = cards.claim_card(cards.ClaimCard("A claim.", VERDICT_BY_SLUG["mostly-false"], "A fact.", "Site"))
    assert first != second


@pytest.mark.parametrize("text", [
    "A Chinese court's high-consumption restriction (限高) is the same thing as the list.",
    "失信被执行人（老赖）名单，限制高消费。在全国范围内公布",
    "They call it a “social credit” score, or 「信用分」, in the news",
])
def test_a_card_line_never_ends_with_an_opening_bracket_or_starts_with_a_closing_one(text):
    from catalog import cards

    face = cards.font(True, 42)
    for width in range(120, 1100, 7):  # every place a line could break
        lines = cards.wrap(text, face, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not [line for line in lines if line[-1] in cards.OPENING and line[-1] not in cards.CLOSING], (width, lines)
        assert not [line for line in lines[1:] if line[0] in cards.CLOSING and line[0] not in cards.OPENING], (width, lines)


@pytest.mark.parametrize("slug", [v.slug for v in VERDICTS])
def test_a_card_s_palette_keeps_the_drawing_it_was_made_from(slug, monkeypatch):
    # Cards are mapped to a fixed palette of their colours and the anti-aliasing shades between
    # them; a colour the palette lacks would show as a visible change from the drawing.
    from PIL import ImageChops, ImageStat

    from catalog import cards
    from catalog.contract import VERDICT_BY_SLUG

    drawn = []
    quantize = Image.Image.quantize
    monkeypatch.setattr(Image.Image, "quantize", lambda image, *args, **kwargs: drawn.append(image.copy()) or quantize(image, *args, **kwargs))
    card = cards.ClaimCard("Everyone in China has a “score”; 失信被执行人 are listed?", VERDICT_BY_SLUG[slug],
                           "Courts list debtors who defy judgments; there is no national score.", "Social Credit, Checked")
    with Image.open(io.BytesIO(cards.claim_card(card))) as saved:
        assert saved.mode == "P" and saved.size == (1200, 630)
        difference = ImageChops.difference(drawn[0], saved.convert("RGB"))
    assert max(ImageStat.Stat(difference).mean) < 0.5  # mean per channel, out of 255
    assert max(high for _, high in difference.getextrema()) <= 24  # no pixel changes visibly


def test_every_claim_has_a_small_embed_and_oembed_discovery(built_site):
    catalog = read_catalog(ROOT).catalog
    for claim in catalog.claims:
        html_text = (built_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html_text)
        assert link, claim.id
        data = json.loads(card_path(built_site, link.group(1)).read_text(encoding="utf-8"))
        assert data["version"] == "1.0" and data["type"] == "rich"
        assert f'src="https://social-credit-checked.github.io/embed/{claim.id}/"' in data["html"]
        assert claim.claim in data["title"] and claim.verdict.label in data["title"]
        embed = built_site / "embed" / claim.id / "index.html"
        text = embed.read_text(encoding="utf-8")
        assert embed.stat().st_size < 4000
        assert "<script" not in text and not re.search(r"<[^>]*\son[a-z]+\s*=", text, re.IGNORECASE)
        assert all(url.startswith("https://social-credit-checked.github.io/") for url in re.findall(r"https?://[^\"\s<]+", text))
        body = re.sub(r"<[^>]+>", "", text.split("<body>", 1)[1])
        claim_at = body.index(html.escape(claim.claim, quote=False))
        assert claim_at < body.index(claim.verdict.label) < body.index(html.escape(claim.fact, quote=False))


def test_the_sitemap_dates_each_page_and_splits_past_the_limit(built_site):
    from xml.etree import ElementTree

    from catalog.export import sitemap_file, sitemap_names

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    real = ElementTree.parse(built_site / "sitemap.xml").getroot()
    locs = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in real.findall("s:url", ns)}
    catalog = read_catalog(ROOT).catalog
    claim = catalog.claims[0]
    assert locs[f"https://social-credit-checked.github.io/claims/{claim.id}/"] == claim.last_changed.isoformat()
    assert "https://social-credit-checked.github.io/search/" not in locs and len(locs) > 300
    assert all(loc.endswith("/") for loc in locs)  # pages only: no cards, data or assets

    pages = {f"p{n}/": f"2026-0{n}-01" for n in range(1, 6)} | {"undated/": None}
    names = sitemap_names(len(pages), limit=2)
    assert names == ["sitemap.xml", "sitemaps/sitemap-001.xml", "sitemaps/sitemap-002.xml", "sitemaps/sitemap-003.xml"]
    index = ElementTree.fromstring(sitemap_file("sitemap.xml", pages, "https://x.org/", limit=2))
    assert [e.findtext("s:loc", namespaces=ns) for e in index.findall("s:sitemap", ns)] == [f"https://x.org/{n}" for n in names[1:]]
    listed = []
    for name in names[1:]:
        urls = ElementTree.fromstring(sitemap_file(name, pages, "https://x.org/", limit=2)).findall("s:url", ns)
        assert 1 <= len(urls) <= 2
        listed += [u.findtext("s:loc", namespaces=ns) for u in urls]
    assert sorted(listed) == sorted(f"https://x.org/{p}" for p in pages)
    assert index.findall("s:sitemap", ns)[0].findtext("s:lastmod", namespaces=ns) == "2026-02-01"  # the newest of p1/, p2/


def test_the_corrections_feed_has_every_change_newest_first(built_site):
    feed = feedparser.parse((built_site / "corrections.xml").read_bytes())
    catalog = read_catalog(ROOT).catalog
    changes = sorted(((c.date, claim) for claim in catalog.claims for c in claim.changes), key=lambda p: p[0], reverse=True)
    assert not feed.bozo and feed.feed.get("language") == "en"
    assert len(feed.entries) == len(changes) > 0
    assert [e.updated[:10] for e in feed.entries] == [day.isoformat() for day, _ in changes]
    for entry in feed.entries:
        claim = next(c for c in catalog.claims if entry.link.endswith(f"/claims/{c.id}/"))
        assert f"“{claim.claim}”" in entry.title  # the claim stands with the verdict it was given then
        assert "Now rated" not in entry.title
