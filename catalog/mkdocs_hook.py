"""The MkDocs adapter: the only module that knows about MkDocs.

It reads the catalog when a build starts, stops the build after printing every diagnostic,
adds the rendered pages as files that exist only during the build, fills the markers in
hand-written pages, and points each generated page's edit link at its YAML file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from catalog import render
from catalog.diagnostics import summary_line
from catalog.docs import MARKERS
from catalog.pipeline import read_catalog

log = logging.getLogger("mkdocs.hooks.catalog")
MARKER = re.compile(r"<!--\s*catalog:([a-z-]+)\s*-->")

_state: dict = {}


def on_config(config):
    repository = config.extra.get("repository")
    if not repository:
        raise PluginError("mkdocs.yml must set extra.repository (the project's GitHub address)")
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
    _state["catalog"] = catalog
    _state["edit_paths"] = {}

    def add(src_uri: str, content: str, edit_path: str | None = None) -> None:
        files.append(File.generated(config, src_uri, content=content))
        if edit_path:
            _state["edit_paths"][src_uri] = edit_path

    add("claims/index.md", render.catalog_page(catalog))
    add("sources/index.md", render.sources_index(catalog))
    add("topics/index.md", render.topics_index(catalog))
    add("timeline/index.md", render.timeline_page(catalog))
    add("glossary/index.md", render.glossary_page(catalog))
    for claim in catalog.claims:
        add(f"claims/{claim.id}.md", render.claim_page(claim), claim.path)
    for source in catalog.sources:
        add(f"sources/{source.id}.md", render.source_page(source), source.path)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    catalog = _state["catalog"]
    src = page.file.src_uri
    if src in _state["edit_paths"]:
        page.edit_url = config.edit_uri.replace("/docs/", "/", 1) + _state["edit_paths"][src]
    topic = next((t for t in catalog.topics if src == f"topics/{t.id}.md"), None)
    if topic is not None:
        markdown += render.topic_claims(topic)

    if src.startswith(("claims/", "topics/")):
        markdown += "\n" + render.abbreviations(catalog, markdown)

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in MARKERS:
            raise PluginError(f"docs/{src}: unknown marker catalog:{name}; known markers: {', '.join(MARKERS)}")
        return MARKERS[name](catalog)

    return MARKER.sub(fill, markdown)
