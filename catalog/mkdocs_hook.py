"""The MkDocs adapter: the only module that knows about MkDocs.

It reads the catalog when a build starts, stops the build after printing every diagnostic,
adds the rendered pages, data files and share cards as files that exist only during the build,
registers old claim ids with mkdocs-redirects, fills the markers in hand-written pages, and
points each generated page's edit link at its YAML file.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from catalog import embed, export, render
from catalog.cards import ClaimCard, MissingFont
from catalog.card_cache import CardCache
from catalog.diagnostics import summary_line
from catalog.docs import MARKERS
from catalog.pipeline import FOLDERS, read_catalog

log = logging.getLogger("mkdocs.hooks.catalog")
MARKER = re.compile(r"<!--\s*catalog:([a-z-]+)\s*-->")

_state: dict = {}


def on_config(config):
    repository = config.extra.get("repository")
    if not repository or not config.site_url:
        raise PluginError("mkdocs.yml must set site_url and extra.repository (the project's GitHub address)")
    config.edit_uri = f"{repository.rstrip('/')}/edit/main/docs/"
    return config


@event_priority(100)  # before plugins such as redirects look for their targets
def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    result = read_catalog(root)
    if result.diagnostics:
        for diagnostic in result.diagnostics:
            log.error(str(diagnostic))
        raise PluginError(f"the catalog has {summary_line(result.diagnostics)}; fix them and build again")
    catalog = result.catalog
    site = render.Site(config.site_url, config.site_name, config.extra["repository"].rstrip("/"))
    _state.update(catalog=catalog, site=site, edit_paths={}, pages={})

    def add(src_uri: str, content: str | bytes, edit_path: str | None = None) -> None:
        files.append(File.generated(config, src_uri, content=content))
        if edit_path:
            _state["edit_paths"][src_uri] = edit_path

    add("claims/index.md", render.catalog_page(catalog))
    add("sources/index.md", render.sources_index(catalog))
    add("topics/index.md", render.topics_index(catalog))
    add("timeline/index.md", render.timeline_page(catalog))
    add("glossary/index.md", render.glossary_page(catalog))
    add("queue/index.md", render.queue_page(catalog, site))
    add("assets/verdicts.css", render.verdict_css())
    for claim in catalog.claims:
        add(f"claims/{claim.id}.md", render.claim_page(claim, site), claim.path)
        _state["pages"][f"claims/{claim.id}.md"] = claim
    for claim in catalog.claims:
        for claim_id in (claim.id, *claim.aliases):  # an old id's embed keeps working
            add(f"embed/{claim_id}/index.html", embed.embed_page(claim, site.url, site.name))
        add(f"{embed.OEMBED_FOLDER}/{claim.id}.json", embed.oembed(claim, site.url, site.name))
    for source in catalog.sources:
        add(f"sources/{source.id}.md", render.source_page(source), source.path)
    for path, make in export.DATA_FILES.items():
        add(path, make(catalog, site.url, site.name))
    _add_cards(catalog, site, files, config, root)
    _register_redirects(catalog, config)
    return files


def _add_cards(catalog, site, files: Files, config, root: Path) -> None:
    # MkDocs copies each card from the cache: held in memory, 10,000 cards took 600 MB of RAM.
    cards = CardCache(root / ".cache" / "cards")

    def add(src_uri: str, path: Path) -> None:
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))

    try:
        for claim in catalog.claims:
            card = ClaimCard(claim.claim, claim.verdict, claim.fact, site.name)
            add(f"assets/cards/claims/{claim.id}.png", cards.claim(card))
        for topic in catalog.topics:
            add(f"assets/cards/topics/{topic.id}.png", cards.title(topic.title, site.name, "Topic"))
        add("assets/cards/home.png", cards.title(site.name, site.name, "Claims checked against primary sources"))
    except MissingFont as error:
        raise PluginError(str(error)) from None


def _register_redirects(catalog, config) -> None:
    redirects = config.plugins.get("redirects")
    if redirects is None:
        raise PluginError("mkdocs.yml must enable the redirects plugin: old claim ids redirect through it")
    maps = redirects.config["redirect_maps"]
    for claim in catalog.claims:
        for alias in claim.aliases:
            maps[f"claims/{alias}.md"] = f"claims/{claim.id}.md"


def on_serve(server, config, builder):
    """`mkdocs serve` rebuilds when any data folder or the package changes (folders that exist)."""
    root = Path(config.config_file_path).parent
    for folder in (*FOLDERS, "catalog"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def on_page_markdown(markdown: str, page, config, files) -> str:
    catalog, site = _state["catalog"], _state["site"]
    src = page.file.src_uri
    if page.meta.get("title"):
        # Material prints page titles into the HTML unescaped; escape them once here.
        page.meta["title"] = page.title = html.escape(str(page.meta["title"]), quote=True)
    if src in _state["edit_paths"]:
        page.edit_url = config.edit_uri.replace("/docs/", "/", 1) + _state["edit_paths"][src]
    claim = _state["pages"].get(src)
    if claim is not None:
        page.meta["card"] = f"assets/cards/claims/{claim.id}.png"
        page.meta["claim_review"] = export.script_json(export.claim_review(claim, site.url, site.name))
        page.meta["oembed"] = f"{embed.OEMBED_FOLDER}/{claim.id}.json"
    topic = next((t for t in catalog.topics if src == f"topics/{t.id}.md"), None)
    if topic is not None:
        page.meta["card"] = f"assets/cards/topics/{topic.id}.png"
        markdown = render.with_topic_claims(markdown, topic)
    if src.startswith(("claims/", "topics/")):
        markdown += "\n" + render.abbreviations(catalog, markdown)

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in MARKERS:
            raise PluginError(f"docs/{src}: unknown marker catalog:{name}; known markers: {', '.join(MARKERS)}")
        return MARKERS[name](catalog)

    return MARKER.sub(fill, markdown)
