"""The MkDocs adapter: it maps the site manifest (catalog/site.py) onto MkDocs, and nothing else.

It reads the catalog once per build, fails a build after printing every problem (`mkdocs serve`
shows them on every page instead), lists the topic pages in the nav, adds the manifest's files,
redirects and page metadata, fills the markers of hand-written pages, and passes every page's
HTML through the sanitiser.
"""

from __future__ import annotations

import html
import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from catalog import docs, render, safety
from catalog.card_cache import CardCache
from catalog.cards import MissingFont
from catalog.diagnostics import summary_line
from catalog.pipeline import FOLDERS, read_catalog
from catalog.site import Site, manifest

log = logging.getLogger("mkdocs.hooks.catalog")
_state: dict = {"serving": False}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    repository = (config.extra.get("repository") or "").rstrip("/")
    if not repository or not config.site_url:
        raise PluginError("mkdocs.yml must set site_url and extra.repository (the project's GitHub address)")
    root = Path(config.config_file_path).parent
    result = read_catalog(root)
    newest = max((c.last_reviewed for c in result.catalog.claims), default=None) if result.catalog else None
    _state.update(root=root, result=result, site=Site(config.site_url, config.site_name, repository), pages={},
                  newest=(newest or date(2026, 1, 1)).isoformat())
    config.edit_uri = f"{repository}/edit/main/docs/"
    if _state["serving"] and result.diagnostics:
        config.strict = False  # keep serving, with the problems shown on every page
    for section in config.nav or []:
        if isinstance(section, dict) and "Topics" in section and result.catalog:
            section["Topics"] = [f"topics/{topic.id}.md" for topic in result.catalog.topics]
    return config


@event_priority(100)  # before plugins such as redirects look for their targets
def on_files(files, config):
    result, root = _state["result"], _state["root"]
    for diagnostic in result.diagnostics:
        log.error(str(diagnostic))
    if result.diagnostics and not _state["serving"]:
        raise PluginError(f"the catalog has {summary_line(result.diagnostics)}; fix them and build again")
    if result.catalog is None:
        return files
    cards, redirects = CardCache(root / ".cache" / "cards"), config.plugins["redirects"].config["redirect_maps"]
    try:
        for entry in manifest(result.catalog, _state["site"], root):
            if entry.redirect_to:
                redirects[entry.uri] = entry.redirect_to
            elif entry.card:  # copied from the cache: held in memory, 10,000 cards took 600 MB
                files.append(File.generated(config, entry.uri, abs_src_path=str(cards.path(entry.card))))
            elif entry.make:
                files.append(File.generated(config, entry.uri, content=entry.make()))
            if entry.is_page:
                _state["pages"][entry.uri] = entry
    except MissingFont as error:
        raise PluginError(str(error)) from None
    return files


def on_post_build(config):
    """Index the built site for search (Pagefind: a small index per query, Chinese segmented)."""
    if _state["result"].catalog is None:
        return
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"search indexing failed (pagefind): {(done.stderr or done.stdout).strip()[-500:]}")


def on_serve(server, config, builder):
    """`mkdocs serve` rebuilds when any data folder or the package changes."""
    for folder in (*FOLDERS, "catalog"):
        if (_state["root"] / folder).is_dir():
            server.watch(str(_state["root"] / folder))
    return server


def on_page_markdown(markdown, page, config, files):
    entry, catalog = _state["pages"].get(page.file.src_uri), _state["result"].catalog
    page.update_date = _state["newest"]  # never the build day (overrides/sitemap.xml dates pages by meta.lastmod)
    if page.meta.get("title"):  # Material prints titles unescaped; overrides/main.html escapes plain_title itself
        page.meta["plain_title"] = str(page.meta["title"])
        page.meta["title"] = page.title = html.escape(page.meta["plain_title"], quote=False)
    if entry is not None:
        page.meta.update(entry.meta, scripts=list(entry.scripts))
        if entry.edit:
            page.edit_url = _state["site"].edit_url(entry.edit)
        markdown = render.after_title(markdown, entry.after_title)
    if catalog is not None and page.file.src_uri.startswith(("claims/", "topics/")):
        markdown += "\n" + render.abbreviations(catalog, markdown)
    try:
        return docs.fill_markers(markdown, catalog, _state["site"], page.meta.setdefault("scripts", []), page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from None


def on_page_content(content, page, config, files):
    diagnostics = _state["result"].diagnostics
    problems = "".join(f"<li><code>{html.escape(str(d))}</code></li>" for d in diagnostics)
    banner = f'<div class="catalog-errors" role="alert"><p>{summary_line(diagnostics)}:</p><ul>{problems}</ul></div>'
    return (banner if diagnostics else "") + safety.sanitize(content)
