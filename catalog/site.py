"""The site manifest: every file the site publishes and every address, from the loaded catalog.

manifest() is one function from the catalog to the list of files the site publishes: generated
pages (with the YAML file each comes from, for its edit link), the metadata that hand-written
pages get (cards, claim lists), data files, share cards, embeds and redirects. It renders
nothing itself: each file knows how to make its content when it is asked for. The MkDocs hook
maps the list onto MkDocs, the permalink registry takes its addresses from it, and the
benchmark's plain-MkDocs baseline writes its pages. All knowledge of where things live on the
site is in this module.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

from .cards import ClaimCard, TitleCard
from .models import Catalog, Claim

API = "api/v1"
# The data files at fixed addresses (the per-record files and the dump's parts follow the catalog).
DATA_FILES = (f"{API}/claims.json", f"{API}/sources.json", f"{API}/claims.csv", "feed.xml", "corrections.xml")


@dataclass(frozen=True)
class Site:
    """What pages need to know about the site itself."""

    url: str  # with a trailing slash
    name: str
    repository: str  # https://github.com/owner/name

    def report_url(self, claim: Claim) -> str:
        query = urlencode({"template": "report-error.yml", "claim": claim.id, "title": f"Problem with claim: {claim.id}"})
        return f"{self.repository}/issues/new?{query}"

    def suggest_url(self, claim_text: str = "") -> str:
        """The "Suggest a claim" issue form, pre-filled with a wording when one is given."""
        fields = {"template": "suggest-claim.yml"}
        if claim_text:
            fields.update(claim=claim_text, title=f"Suggest a claim: {claim_text[:80]}")
        return f"{self.repository}/issues/new?{urlencode(fields)}"

    def edit_url(self, path: str) -> str:
        return f"{self.repository}/edit/main/{path}"


# Addresses, relative to the site root.
def claim_path(claim_id: str) -> str:
    return f"claims/{claim_id}/"


def source_path(source_id: str) -> str:
    return f"sources/{source_id}/"


# A source cited by exactly one claim is described in full in that claim's evidence and has no
# page of its own: at 10,000 claims such pages were a third of the site, each repeating what its
# one claim already shows. Its address, sources/<id>/, redirects to the entry.
def has_own_page(source) -> bool:
    return len(source.cited_by) != 1


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def source_uri(source) -> str:
    """Where a source is described, as a path under docs/: its page, or its entry on its one claim's page."""
    if has_own_page(source):
        return f"sources/{source.id}.md"
    return f"claims/{source.cited_by[0].id}.md#{source_anchor(source.id)}"


def source_address(source) -> str:
    """The same place as an address relative to the site root."""
    page, hash_mark, anchor = source_uri(source).partition("#")
    return SiteFile(page).path + hash_mark + anchor


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}/"


def embed_path(claim_id: str) -> str:
    return f"embed/{claim_id}/"


def oembed_uri(claim_id: str) -> str:
    return f"{API}/oembed/{claim_id}.json"


def claim_card_uri(claim_id: str) -> str:
    return f"assets/cards/claims/{claim_id}.png"


def topic_card_uri(topic_id: str) -> str:
    return f"assets/cards/topics/{topic_id}.png"


HOME_CARD = "assets/cards/home.png"


@dataclass
class SiteFile:
    """One file of the site. uri is its path under docs/ (claims/x.md is served at /claims/x/)."""

    uri: str
    make: Callable[[], str | bytes] | None = None  # makes a generated file's content
    card: ClaimCard | TitleCard | None = None  # a share card, drawn (or taken from the cache) by the hook
    edit: str | None = None  # the repository file it is made from, for the page's edit link
    redirect_to: str | None = None  # an address whose content lives elsewhere: the uri it redirects to (#anchor allowed)
    meta: dict = field(default_factory=dict)  # page metadata for the templates
    after_title: str = ""  # Markdown put right after a hand-written page's title (a topic's claims)
    closing: str = ""  # Markdown put at the end of a hand-written page (a topic's way to suggest a claim)
    scripts: tuple[str, ...] = ()  # page scripts, loaded only where they are used

    @property
    def is_page(self) -> bool:
        return self.uri.endswith(".md")

    @property
    def path(self) -> str:
        """The address it is served at, relative to the site root."""
        if not self.is_page:
            return self.uri.removesuffix("index.html")
        stem = self.uri[:-3]
        return "" if stem == "index" else (stem[:-6] if stem.endswith("/index") else stem) + "/"


def manifest(catalog: Catalog, site: Site, root: Path, cards: bool = True) -> list[SiteFile]:
    """Every file the site publishes (hand-written pages in docs/ only where they get metadata).
    Without cards (`mkdocs serve` on a machine with no Chinese font) pages name no share image."""
    from . import claim_pages, embed, export, listings, render  # rendering is imported here: the manifest itself renders nothing

    newest = _dated(max((c.last_changed for c in catalog.claims), default=None))
    files = [SiteFile(uri, make, scripts=("assets/catalog-filter.js",), meta=newest)
             for uri, make in listings.catalog_pages(catalog, site)]
    files += [
        SiteFile("sources/index.md", partial(listings.sources_index, catalog)),
        SiteFile("topics/index.md", partial(listings.topics_index, catalog)),
        SiteFile("timeline/index.md", partial(listings.timeline_page, catalog)),
        SiteFile("glossary/index.md", partial(listings.glossary_page, catalog)),
        SiteFile("queue/index.md", partial(listings.queue_page, catalog, site)),
        SiteFile("assets/site.css", render.site_css),
        SiteFile(HOME_CARD, card=TitleCard(site.name, site.name, "Claims checked against primary sources")),
    ]
    for claim in catalog.claims:
        files += [
            SiteFile(f"claims/{claim.id}.md", partial(claim_pages.claim_page, claim, site), edit=claim.path,
                     meta={"card": claim_card_uri(claim.id), "oembed": oembed_uri(claim.id), **_dated(claim.last_changed),
                           "claim_review": export.script_json(export.claim_review(claim, site.url, site.name))}),
            SiteFile(claim_card_uri(claim.id), card=ClaimCard(claim.claim, claim.verdict, claim.fact, site.name)),
            SiteFile(oembed_uri(claim.id), partial(embed.oembed, claim, site.url, site.name)),
        ]
        for claim_id in (claim.id, *claim.aliases):  # an old id's embed keeps working
            files.append(SiteFile(f"{embed_path(claim_id)}index.html", partial(embed.embed_page, claim, site.url, site.name)))
        files += [SiteFile(f"claims/{alias}.md", redirect_to=f"claims/{claim.id}.md") for alias in claim.aliases]
    for source in catalog.sources:
        if not has_own_page(source):
            files.append(SiteFile(f"sources/{source.id}.md", redirect_to=source_uri(source)))
            continue
        citing = [c.last_changed for c in source.cited_by]
        files.append(SiteFile(f"sources/{source.id}.md", partial(listings.source_page, source), edit=source.path,
                              meta=_dated(max(citing, default=None))))
    for topic in catalog.topics:
        files += [
            SiteFile(f"topics/{topic.id}.md", edit=topic.path, after_title=listings.topic_claims(topic),
                     closing=listings.topic_closing(topic, site),
                     meta={"card": topic_card_uri(topic.id), "description": topic.summary, **_titled(topic.title),
                           **_dated(max((c.last_changed for c in topic.claims), default=None))}),
            SiteFile(topic_card_uri(topic.id), card=TitleCard(topic.title, site.name, "Topic")),
        ]
    files += [SiteFile(path, make) for path, make in export.data_files(catalog, site.url, site.name).items()]
    if not cards:
        files = [f for f in files if f.card is None]
        for f in files:
            f.meta.pop("card", None)
    pages = _sitemap_pages(files, root)
    return files + [SiteFile(name, partial(export.sitemap_file, name, pages, site.url))
                    for name in export.sitemap_names(len(pages))]


def _sitemap_pages(files: list[SiteFile], root: Path) -> dict[str, str | None]:
    """Every page readers may land on (not redirects, not the search page) and its last change."""
    pages = {SiteFile(p.relative_to(root / "docs").as_posix()).path: None for p in (root / "docs").rglob("*.md")}
    pages.update({f.path: f.meta.get("lastmod") for f in files if f.is_page and not f.redirect_to})
    pages.pop("search/", None)
    return pages


def _titled(title: str) -> dict:
    """A hand-written page's title for the templates: Material prints it unescaped."""
    return {"title": html.escape(title, quote=False), "plain_title": title}


def _dated(day: date | None) -> dict:
    return {"lastmod": day.isoformat()} if day else {}


def published_paths(files: list[SiteFile], root: Path) -> set[str]:
    """The addresses readers may have shared: every page (hand-written ones in docs/ too), every
    redirect and embed, and the data files at fixed addresses; not cards, styles, scripts or the
    per-record data, whose addresses follow from the ids already registered."""
    docs = Path(root) / "docs"
    hand_written = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    paths = {SiteFile(uri).path for uri in hand_written}
    paths |= {f.path for f in files if f.is_page or f.uri.startswith("embed/") or f.uri in DATA_FILES}
    return {"/" + path for path in paths}
