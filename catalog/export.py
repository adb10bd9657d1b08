"""Open data and structured data: the JSON API, the CSV, the Atom feed and ClaimReview JSON-LD.

All of them read the same enriched catalog objects as the pages. API_FIELDS documents every
field of the JSON API; the Open data page's tables are generated from it, and a test checks that the
exported records carry exactly these fields.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timezone
from xml.etree import ElementTree

from .contract import VERDICTS
from .models import Catalog, Claim, Source
from .render import rating_sentence
from .site import claim_path, source_path

API_VERSION = "v1"
BEST_RANK = max(v.rank for v in VERDICTS if v.rank is not None)
WORST_RANK = min(v.rank for v in VERDICTS if v.rank is not None)

API_FIELDS = {
    "claims": (
        ("id", "string", "Permanent id; the page is at /claims/<id>/."),
        ("url", "string", "Canonical URL of the claim page."),
        ("claim", "string", "The claim as people say it."),
        ("phrasings", "array of objects", "Other wordings people use for the claim: text, language (ISO 639-1), url (where it was seen, or null)."),
        ("fact", "string", "The fact, in one sentence."),
        ("verdict", "string", "Verdict slug: " + ", ".join(v.slug for v in VERDICTS) + "."),
        ("verdict_label", "string", "Verdict as shown on the site."),
        ("verdict_rank", "integer or null", f"Position on the ordinal scale, {WORST_RANK} (false) to {BEST_RANK} (true); null for unproven."),
        ("short_answer", "string", "Two or three sentences that stand alone."),
        ("explanation", "string", "The explanation, as Markdown."),
        ("topic", "string", "Topic id."),
        ("tags", "array of strings", "Tags."),
        ("citations", "array of objects", "Each with source (id), locator and establishes."),
        ("related", "array of strings", "Ids of related claims, declared ones first."),
        ("aliases", "array of strings", "Old ids that redirect to this claim."),
        ("appearances", "array of objects", "Where the claim circulated: title, publisher, date, url."),
        ("first_published", "string (date)", "When the claim page was first published."),
        ("last_reviewed", "string (date)", "When the claim was last checked."),
        ("evidence_as_of", "string (date)", "Date of the newest evidence considered."),
        ("changes", "array of objects", "Change log: date, summary, verdict (or null)."),
    ),
    "sources": (
        ("id", "string", "Permanent id; the page is at /sources/<id>/."),
        ("url", "string", "Where the cited text can be read."),
        ("archive_url", "string", "An archived copy (given, or derived from url)."),
        ("page", "string", "Canonical URL of the source's page on this site."),
        ("title", "string", "Title in English."),
        ("title_original", "string or null", "Title in the original language."),
        ("publisher", "string", "Who issued or published it."),
        ("authors", "array of strings", "Named authors or translators."),
        ("signed", "string or null", "When it was signed or dated (YYYY, YYYY-MM or YYYY-MM-DD)."),
        ("published", "string", "When it was published (YYYY, YYYY-MM or YYYY-MM-DD)."),
        ("effective", "string or null", "When it took effect."),
        ("kind", "string", "Source kind slug."),
        ("primary", "boolean", "Whether it counts as a primary source."),
        ("language", "string", "ISO 639-1 language code of the text at url."),
        ("translates", "string or null", "Id of the source it translates."),
        ("milestone", "string or null", "Timeline sentence, when it marks a milestone."),
        ("cited_by", "array of strings", "Ids of the claims that cite it."),
    ),
}
CSV_COLUMNS = ("id", "url", "claim", "fact", "verdict", "short_answer", "topic", "tags",
               "first_published", "last_reviewed", "evidence_as_of")


def claim_record(claim: Claim, site_url: str) -> dict:
    return {
        "id": claim.id,
        "url": site_url + claim_path(claim.id),
        "claim": claim.claim,
        "phrasings": [vars(p).copy() for p in claim.phrasings],
        "fact": claim.fact,
        "verdict": claim.verdict.slug,
        "verdict_label": claim.verdict.label,
        "verdict_rank": claim.verdict.rank,
        "short_answer": claim.short_answer,
        "explanation": claim.explanation,
        "topic": claim.topic.id,
        "tags": claim.tags,
        "citations": [{"source": c.source.id, "locator": c.locator, "establishes": c.establishes} for c in claim.citations],
        "related": [r.id for r in claim.related],
        "aliases": claim.aliases,
        "appearances": [vars(a).copy() for a in claim.appearances],
        "first_published": claim.first_published.isoformat(),
        "last_reviewed": claim.last_reviewed.isoformat(),
        "evidence_as_of": claim.evidence_as_of.isoformat(),
        "changes": [{"date": c.date.isoformat(), "summary": c.summary, "verdict": c.verdict.slug if c.verdict else None}
                    for c in claim.changes],
    }


def source_record(source: Source, site_url: str) -> dict:
    return {
        "id": source.id, "url": source.url, "archive_url": source.archive_link, "page": site_url + source_path(source.id),
        "title": source.title, "title_original": source.title_original, "publisher": source.publisher,
        "authors": source.authors, "signed": source.signed, "published": source.published,
        "effective": source.effective, "kind": source.kind.slug, "primary": source.kind.primary,
        "language": source.language, "translates": source.translates.id if source.translates else None,
        "milestone": source.milestone, "cited_by": [c.id for c in source.cited_by],
    }


def claims_json(catalog: Catalog, site_url: str) -> str:
    records = [claim_record(c, site_url) for c in catalog.claims]
    return json.dumps({"version": API_VERSION, "claims": records}, ensure_ascii=False, indent=1) + "\n"


def sources_json(catalog: Catalog, site_url: str) -> str:
    records = [source_record(s, site_url) for s in catalog.sources]
    return json.dumps({"version": API_VERSION, "sources": records}, ensure_ascii=False, indent=1) + "\n"


def claims_csv(catalog: Catalog, site_url: str) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in catalog.claims:
        record = claim_record(claim, site_url)
        record["tags"] = " ".join(claim.tags)
        writer.writerow(spreadsheet_safe(str(record[column])) for column in CSV_COLUMNS)
    return output.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula (OWASP: CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _timestamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")


FEED_ENTRIES = 50  # a feed reader wants what is new; the full catalog is in the JSON and CSV


def atom_feed(catalog: Catalog, site_url: str, site_name: str) -> str:
    """The FEED_ENTRIES most recently reviewed claims, newest first; updated is the last review."""
    atom = "http://www.w3.org/2005/Atom"
    ElementTree.register_namespace("", atom)
    feed = ElementTree.Element(f"{{{atom}}}feed")

    def add(parent, tag, text=None, **attributes):
        element = ElementTree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    claims = sorted(catalog.claims, key=lambda c: (c.last_reviewed, c.id), reverse=True)[:FEED_ENTRIES]
    add(feed, "title", f"{site_name}: new and updated claims")
    add(feed, "id", site_url)
    add(feed, "link", href=site_url + "feed.xml", rel="self")
    add(feed, "link", href=site_url)
    add(feed, "updated", _timestamp(claims[0].last_reviewed) if claims else _timestamp(date(2026, 1, 1)))
    add(add(feed, "author"), "name", site_name)
    for claim in claims:
        entry = add(feed, "entry")
        add(entry, "title", claim.fact)
        add(entry, "id", site_url + claim_path(claim.id))
        add(entry, "link", href=site_url + claim_path(claim.id))
        add(entry, "published", _timestamp(claim.first_published))
        add(entry, "updated", _timestamp(claim.last_reviewed))
        add(entry, "summary", f"{rating_sentence(claim)} {' '.join(claim.short_answer.split())}")
        add(entry, "category", term=claim.topic.id, label=claim.topic.title)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def claim_review(claim: Claim, site_url: str, site_name: str) -> dict:
    """schema.org ClaimReview for one claim page."""
    rating = {"@type": "Rating", "name": claim.verdict.label, "alternateName": claim.verdict.label}
    if claim.verdict.rank is not None:
        rating.update(ratingValue=claim.verdict.rank, bestRating=BEST_RANK, worstRating=WORST_RANK)
    item = {"@type": "Claim", "name": claim.claim}
    if claim.appearances:
        works = [{"@type": "CreativeWork", "url": a.url, "headline": a.title, "datePublished": a.date,
                  "author": {"@type": "Organization", "name": a.publisher}}
                 for a in sorted(claim.appearances, key=lambda a: a.date)]
        item["firstAppearance"] = works[0]
        item["appearance"] = works
        item["datePublished"] = works[0]["datePublished"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": site_url + claim_path(claim.id),
        "claimReviewed": claim.claim,
        "headline": claim.fact,
        "reviewBody": claim.short_answer,
        "author": {"@type": "Organization", "name": site_name, "url": site_url},
        "datePublished": claim.first_published.isoformat(),
        "dateModified": claim.last_reviewed.isoformat(),
        "reviewRating": rating,
        "itemReviewed": item,
    }


def script_json(data: dict) -> str:
    """JSON safe to place inside a <script> element: no '<', '>' or '&' can close or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Every data file the build publishes: path -> function(catalog, site_url, site_name) -> text.
DATA_FILES = {
    f"api/{API_VERSION}/claims.json": lambda catalog, url, name: claims_json(catalog, url),
    f"api/{API_VERSION}/sources.json": lambda catalog, url, name: sources_json(catalog, url),
    f"api/{API_VERSION}/claims.csv": lambda catalog, url, name: claims_csv(catalog, url),
    "feed.xml": atom_feed,
}
