"""Open data and structured data: the JSON API, the CSV, the Atom feed and ClaimReview JSON-LD.

All of them read the same enriched catalog objects as the pages. API_FIELDS documents every
field of the JSON API; the Open data page's tables are generated from it, and a test checks that the
exported records carry exactly these fields.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache, partial
from xml.etree import ElementTree

from .contract import CLAIM_FIELDS, SOURCE_FIELDS, VERDICTS, Field
from .models import Catalog, Claim, Source
from .render import rating_sentence
from .site import API, claim_path, source_address, source_path

API_VERSION = API.rsplit("/", 1)[1]
BEST_RANK = max(v.rank for v in VERDICTS if v.rank is not None)
WORST_RANK = min(v.rank for v in VERDICTS if v.rank is not None)
LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
DUMP_CHUNK = 500  # records per file of the full dump: no file passes a few megabytes at any size
# The dump is published gzip-compressed: it repeats every record's file, and compressed it takes an
# eighth of the room (claims-001.json.gz; `gunzip`, pandas and Python's gzip module read it as it is).


@dataclass(frozen=True)
class Derived:
    """A value the open data adds to a record's contract fields, documented like them."""

    name: str
    type: str
    help: str
    value: Callable  # (record, site_url) -> value


CLAIM_DERIVED = (
    Derived("url", "string", "Canonical URL of the claim page.", lambda c, url: url + claim_path(c.id)),
    Derived("verdict_label", "string", "Verdict as shown on the site.", lambda c, url: c.verdict.label),
    Derived("repeated", "integer", "How often we recorded the claim being said: its appearances and other wordings.",
            lambda c, url: len(c.appearances) + len(c.phrasings)),
    Derived("verdict_rank", "integer or null",
            f"Position on the ordinal scale, {WORST_RANK} (false) to {BEST_RANK} (true); null for unproven.",
            lambda c, url: c.verdict.rank),
)
SOURCE_DERIVED = (
    Derived("page", "string", "Where this site describes the source: its own page, or, for a source one claim cites, "
            "its entry in that claim's evidence.", lambda s, url: url + source_address(s)),
    Derived("primary", "boolean", "Whether it counts as a primary source.", lambda s, url: s.kind.primary),
    Derived("cited_by", "array of strings", "Ids of the claims that cite it.", lambda s, url: [c.id for c in s.cited_by]),
)
# The slim indexes list every record with the fields a list needs, in compact JSON; the addresses
# of each record's page and full file are given once, as templates ({id}), not on every record.
# The rest is in each record's file and the dump. An index holds INDEX_PART records a file and
# names all its files in `parts` (claims.json, claims-2.json, ...), so no file passes 5 MB however
# large the catalog grows; below INDEX_PART records (the catalog today) claims.json is the whole list.
INDEX_PART = 5_000
CLAIM_INDEX = ("id", "claim", "fact", "verdict", "topic", "last_reviewed", "repeated")
SOURCE_INDEX = ("id", "title", "publisher", "published", "kind", "primary")
CSV_SHAPES = ("line", "text", "answer", "verdict", "topic-ref", "date")  # one cell of plain text each


def api_type(f: Field) -> str:
    """How the open data writes a contract field's value."""
    if f.shape == "list":
        kind = "array of objects" if f.item.shape == "record" else "array of strings"
    else:
        kind = {"integer": "integer", "date": "string (date)",
                "partial-date": "string (YYYY, YYYY-MM or YYYY-MM-DD)"}.get(f.shape, "string")
    return kind if f.required or f.shape == "list" else f"{kind} or null"


def _api_help(f: Field) -> str:
    if f.shape == "list" and f.item.shape == "record":
        return f"{f.help} Each with {', '.join(sub.name for sub in f.item.fields)}."
    return f.help


API_FIELDS = {  # every field of the JSON records: contract fields (the id first), then derived ones
    kind: (("id", "string", f"Permanent id; the page is at /{kind}/<id>/."),
           *((f.name, api_type(f), _api_help(f)) for f in fields if f.name != "id"),
           *((d.name, d.type, d.help) for d in derived))
    for kind, fields, derived in (("claims", CLAIM_FIELDS, CLAIM_DERIVED), ("sources", SOURCE_FIELDS, SOURCE_DERIVED))
}
CSV_COLUMNS = ("id", "url", *(f.name for f in CLAIM_FIELDS
                              if f.shape in CSV_SHAPES or (f.shape == "list" and f.item.shape == "slug" and f.name == "tags")))
# claims.csv, one file for every claim, leaves out the long answers so that it stays under 5 MB at
# 10,000 claims; the dump's CSV files have every column.
CSV_LIST_COLUMNS = tuple(column for column in CSV_COLUMNS if column not in ("short_answer", "bottom_line"))


def jsonable(f: Field, value):
    """A model value as the open data writes it: records by their id, verdicts by their slug."""
    if value is None:
        return None
    if f.shape == "list":
        return [jsonable(f.item, item) for item in value]
    if f.shape == "record":
        return {sub.name: jsonable(sub, getattr(value, sub.name)) for sub in f.fields}
    if f.shape in ("verdict", "source-kind", "topic-ref", "source-ref", "claim-ref"):
        return value.slug if hasattr(value, "slug") else value.id
    return value.isoformat() if isinstance(value, date) else value


def _record(obj, fields, derived, site_url: str) -> dict:
    record = {"id": obj.id}
    record.update((f.name, jsonable(f, getattr(obj, f.name))) for f in fields if f.name != "id")
    record.update((d.name, d.value(obj, site_url)) for d in derived)
    return record


def claim_record(claim: Claim, site_url: str) -> dict:
    return _record(claim, CLAIM_FIELDS, CLAIM_DERIVED, site_url)


def source_record(source: Source, site_url: str) -> dict:
    return _record(source, SOURCE_FIELDS, SOURCE_DERIVED, site_url)


def _document(kind: str, records: list, compact: bool = False, **extra) -> str:
    data = {"version": API_VERSION, "license": LICENSE, **extra, kind: records}
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def slim_index(kind: str, records: list, make: Callable, fields: tuple[str, ...], page: str,
               site_url: str) -> dict[str, Callable[[], str]]:
    """The slim index of `kind`, the `fields` of each record, as files of INDEX_PART records:
    path -> a function that writes it. The slim records are made once, when the first file is written."""
    parts = max(1, -(-len(records) // INDEX_PART))
    names = [f"{kind}.json", *(f"{kind}-{n}.json" for n in range(2, parts + 1))]

    @cache
    def slim() -> list[dict]:
        return [{key: value for key, value in make(record, site_url).items() if key in fields} for record in records]

    def write(n: int) -> str:
        return _document(kind, slim()[n * INDEX_PART:(n + 1) * INDEX_PART], compact=True, count=len(records), parts=names,
                         page=page, data=f"{site_url}{API}/{kind}/{{id}}.json")
    return {f"{API}/{name}": partial(write, n) for n, name in enumerate(names)}


def claims_index(catalog: Catalog, site_url: str) -> dict[str, Callable[[], str]]:
    return slim_index("claims", catalog.claims, claim_record, CLAIM_INDEX, site_url + claim_path("{id}"), site_url)


def sources_index(catalog: Catalog, site_url: str) -> dict[str, Callable[[], str]]:
    return slim_index("sources", catalog.sources, source_record, SOURCE_INDEX, site_url + source_path("{id}"), site_url)


def dump_chunks(records: list, kind: str, suffix: str = "json") -> dict[str, list]:
    """The full records in files of DUMP_CHUNK: dump/claims-001.json.gz, dump/claims-002.json.gz ..."""
    return {f"{API}/dump/{kind}-{n + 1:03d}.{suffix}.gz": records[n * DUMP_CHUNK:(n + 1) * DUMP_CHUNK]
            for n in range(max(1, -(-len(records) // DUMP_CHUNK)))}


def claims_csv(claims: list[Claim], site_url: str, columns: tuple[str, ...] = CSV_COLUMNS) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(columns)
    for claim in claims:
        record = claim_record(claim, site_url)
        record["tags"] = " ".join(claim.tags)
        writer.writerow(spreadsheet_safe(str(record[column] if record[column] is not None else "")) for column in columns)
    return output.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula (OWASP: CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _timestamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=UTC).isoformat().replace("+00:00", "Z")


FEED_ENTRIES = 50  # a feed reader wants what is new; the full catalog is in the JSON and CSV


ATOM = "http://www.w3.org/2005/Atom"


def _add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _feed(title: str, feed_id: str, self_url: str, page_url: str, updated: date | None, site_name: str) -> ElementTree.Element:
    """An Atom feed element in English with its title, id, links, date and author."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    _add(feed, "title", title)
    _add(feed, "id", feed_id)
    _add(feed, "link", href=self_url, rel="self")
    _add(feed, "link", href=page_url)
    _add(feed, "updated", _timestamp(updated or date(2026, 1, 1)))
    _add(_add(feed, "author"), "name", site_name)
    return feed


def _xml(root: ElementTree.Element) -> str:
    """A feed or sitemap as a document, with its XML declaration."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def atom_feed(catalog: Catalog, site_url: str, site_name: str) -> str:
    """The FEED_ENTRIES most recently reviewed or changed claims, newest first."""
    claims = sorted(catalog.claims, key=lambda c: (c.last_changed, c.id), reverse=True)[:FEED_ENTRIES]
    feed = _feed(f"{site_name}: new and updated claims", site_url, site_url + "feed.xml", site_url,
                 claims[0].last_changed if claims else None, site_name)
    for claim in claims:
        entry = _add(feed, "entry")
        _add(entry, "title", claim.fact)
        _add(entry, "id", site_url + claim_path(claim.id))
        _add(entry, "link", href=site_url + claim_path(claim.id))
        _add(entry, "published", _timestamp(claim.first_published))
        _add(entry, "updated", _timestamp(claim.last_changed))
        _add(entry, "summary", f"{rating_sentence(claim)} {' '.join(claim.short_answer.split())}")
        _add(entry, "category", term=claim.topic.id, label=claim.topic.title)
    return _xml(feed)


def corrections_feed(catalog: Catalog, site_url: str, site_name: str) -> str:
    """Every change-log entry of every claim, newest first (the corrections page as a feed)."""
    entries = sorted(((change, claim, n) for claim in catalog.claims for n, change in enumerate(claim.changes)),
                     key=lambda entry: (entry[0].date, entry[1].id, entry[2]), reverse=True)
    feed = _feed(f"{site_name}: corrections and verdict changes", site_url + "corrections/", site_url + "corrections.xml",
                 site_url + "corrections/", entries[0][0].date if entries else None, site_name)
    for change, claim, n in entries:
        entry = _add(feed, "entry")
        verdict = f" Rated {change.verdict.label.lower()} from this date." if change.verdict else ""
        _add(entry, "title", f"{change.date.isoformat()}: “{claim.claim}”{verdict}")
        _add(entry, "id", f"{site_url}{claim_path(claim.id)}#change-{n + 1}")
        _add(entry, "link", href=site_url + claim_path(claim.id))
        _add(entry, "updated", _timestamp(change.date))
        _add(entry, "summary", " ".join(change.summary.split()))
    return _xml(feed)


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


def data_files(catalog: Catalog, site_url: str, site_name: str) -> dict[str, Callable[[], str]]:
    """Every data file the build publishes: path -> a function that writes it."""
    files = {
        **claims_index(catalog, site_url),
        **sources_index(catalog, site_url),
        f"{API}/claims.csv": partial(claims_csv, catalog.claims, site_url, CSV_LIST_COLUMNS),
        "feed.xml": partial(atom_feed, catalog, site_url, site_name),
        "corrections.xml": partial(corrections_feed, catalog, site_url, site_name),
    }
    for kind, records, make in (("claims", catalog.claims, claim_record), ("sources", catalog.sources, source_record)):
        for record in records:
            files[f"{API}/{kind}/{record.id}.json"] = partial(_one, kind[:-1], record, make, site_url)
        for path, chunk in dump_chunks(records, kind).items():
            files[path] = partial(_gzipped, partial(_many, kind, chunk, make, site_url))
    for path, chunk in dump_chunks(catalog.claims, "claims", "csv").items():
        files[path] = partial(_gzipped, partial(claims_csv, chunk, site_url))
    return files


def _gzipped(make: Callable[[], str]) -> bytes:
    return gzip.compress(make().encode("utf-8"), compresslevel=9, mtime=0)  # mtime 0: the same bytes every build


def _one(kind: str, record, make, site_url: str) -> str:
    return _document(kind, make(record, site_url))


def _many(kind: str, records: list, make, site_url: str) -> str:
    return _document(kind, [make(record, site_url) for record in records])


SITEMAP_LIMIT = 50_000  # URLs per sitemap file, the protocol's limit
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_names(count: int, limit: int = SITEMAP_LIMIT) -> list[str]:
    """The sitemap files for count pages: sitemap.xml alone, or past limit URLs an index in
    sitemap.xml of sitemaps/sitemap-001.xml and the files after it, each within the limit."""
    chunks = -(-count // limit)
    return ["sitemap.xml"] + ([f"sitemaps/sitemap-{n:03d}.xml" for n in range(1, chunks + 1)] if chunks > 1 else [])


def sitemap_file(name: str, pages: dict[str, str | None], site_url: str, limit: int = SITEMAP_LIMIT) -> str:
    """One sitemap file (see sitemap_names) for pages: path -> last modified day, or None."""
    paths, names = sorted(pages), sitemap_names(len(pages), limit)
    if len(names) == 1:
        return _urlset(paths, pages, site_url)
    if name != "sitemap.xml":
        start = (names.index(name) - 1) * limit
        return _urlset(paths[start:start + limit], pages, site_url)
    index = ElementTree.Element("sitemapindex", xmlns=SITEMAP_NS)
    for n, chunk_name in enumerate(names[1:]):
        entry = ElementTree.SubElement(index, "sitemap")
        ElementTree.SubElement(entry, "loc").text = site_url + chunk_name
        if days := [pages[p] for p in paths[n * limit:(n + 1) * limit] if pages[p]]:
            ElementTree.SubElement(entry, "lastmod").text = max(days)
    return _xml(index)


def _urlset(paths: list[str], pages: dict[str, str | None], site_url: str) -> str:
    urlset = ElementTree.Element("urlset", xmlns=SITEMAP_NS)
    for path in paths:
        url = ElementTree.SubElement(urlset, "url")
        ElementTree.SubElement(url, "loc").text = site_url + path
        if pages[path]:
            ElementTree.SubElement(url, "lastmod").text = pages[path]
    return _xml(urlset)
