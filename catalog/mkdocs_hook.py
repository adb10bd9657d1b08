"""The MkDocs adapter: it maps the site manifest (catalog/site.py) onto MkDocs, and nothing else.

One catalog read per build; every problem is printed before the build fails once (`mkdocs serve`
keeps serving and shows them on every page); topics fill the nav; the manifest's files, redirects
and page metadata are added; markers are filled; every page's HTML passes the sanitiser; the
built site is indexed for search.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

from catalog import docs, render, safety, search_index
from catalog.card_cache import CardCache
from catalog.cards import MissingFont
from catalog.diagnostics import summary_line
from catalog.pipeline import FOLDERS, read_catalog
from catalog.site import Site, manifest

log = logging.getLogger("mkdocs.hooks.catalog")
_state: dict = {"serving": False, "pages": {}}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    repository, root = (config.extra.get("repository") or "").rstrip("/"), Path(config.config_file_path).parent
    if not repository or not config.site_url:
        raise PluginError("mkdocs.yml must set site_url and extra.repository (the project's GitHub address)")
    result = _state["result"] = read_catalog(root)
    _state.update(root=root, site=Site(config.site_url, config.site_name, repository), pages={})
    config.edit_uri = f"{repository}/edit/main/docs/"
    if _state["serving"] and result.diagnostics:  # strict mode would stop on the warnings these counters count
        for counter in [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]:
            logging.getLogger("mkdocs").removeHandler(counter)
    if result.catalog is not None:
        config.extra["most_repeated"] = render.most_repeated_items(result.catalog)  # for the 404 page
        for section in config.nav or []:
            if isinstance(section, dict) and "Topics" in section:
                section["Topics"] = [f"topics/{topic.id}.md" for topic in result.catalog.topics]
    logging.getLogger("mkdocs.structure.pages").addFilter(_name_the_yaml)
    return config


def _name_the_yaml(record: logging.LogRecord) -> bool:
    """A warning about a generated page names the YAML file the page was made from."""
    match = re.search(r"Doc file '([^']+)'", str(record.msg))
    entry = _state["pages"].get(match.group(1)) if match else None
    if entry is not None and entry.edit and not str(record.msg).startswith(entry.edit):
        record.msg = f"{entry.edit}: {record.msg}"
    return True


@event_priority(100)  # before plugins such as redirects look for their targets
def on_files(files, config):
    result, root = _state["result"], _state["root"]
    for diagnostic in result.diagnostics:
        log.error(str(diagnostic))
    if result.diagnostics and not _state["serving"]:
        raise PluginError(f"the catalog has {summary_line(result.diagnostics)}; fix them and build again")
    cards, redirects = CardCache(root / ".cache" / "cards"), config.plugins["redirects"].config["redirect_maps"]
    try:
        for entry in manifest(result.catalog, _state["site"], root) if result.catalog else []:
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


def on_page_markdown(markdown, page, config, files):
    entry, catalog = _state["pages"].get(page.file.src_uri), _state["result"].catalog
    page.update_date = catalog.newest if catalog else "2026-01-01"  # never the build day; see overrides/sitemap.xml
    if page.meta.get("title"):  # Material prints titles unescaped; overrides/main.html escapes plain_title
        page.meta["plain_title"] = str(page.meta["title"])
        page.meta["title"] = page.title = render.html.escape(page.meta["plain_title"], quote=False)
    if entry is not None:
        page.meta.update(entry.meta, scripts=list(entry.scripts))
        page.edit_url = _state["site"].edit_url(entry.edit) if entry.edit else page.edit_url
        markdown = render.after_title(markdown, entry.after_title)
    if catalog is not None and page.file.src_uri.startswith(("claims/", "topics/")):
        markdown += "\n" + render.abbreviations(catalog, markdown)
    try:
        return docs.fill_markers(markdown, catalog, _state["site"], page.meta.setdefault("scripts", []), page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from None


def on_page_content(content, page, config, files):
    return render.problems_banner(_state["result"].diagnostics) + safety.sanitize(content)


def on_post_build(config):
    if _state["result"].catalog is not None and (problem := search_index.index_site(config.site_dir)):
        raise PluginError(f"search indexing failed: {problem}")


def on_serve(server, config, builder):
    """`mkdocs serve` rebuilds when a data folder or the package changes."""
    for folder in (*FOLDERS, "catalog"):
        if (_state["root"] / folder).is_dir():
            server.watch(str(_state["root"] / folder))
    return server
