"""The MkDocs adapter: it maps the site manifest (catalog/site.py) onto MkDocs, and nothing else.
Every catalog problem is printed before the build fails once; `mkdocs serve` shows them on the page."""

import logging
import os
import shutil
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs_redirects import plugin as redirects_plugin

from catalog import card_cache, cards, compact, diagnostics, docs, listings, pipeline, render, safety, search_index, site, workers

log = logging.getLogger("mkdocs.hooks.catalog")
# The redirects plugin formats this template for each moved address; compacted once here, every
# stub is written compact, instead of each being read back and rewritten after the build.
redirects_plugin.HTML_TEMPLATE = compact.compact(redirects_plugin.HTML_TEMPLATE)
_state: dict = {"serving": False, "pages": {}}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    repository, root = (config.extra.get("repository") or "").rstrip("/"), Path(config.config_file_path).parent
    if not repository or not config.site_url:
        raise PluginError("mkdocs.yml must set site_url and extra.repository (the project's GitHub address)")
    result, no_font = pipeline.read_catalog(root), cards.font_problem()
    _state.update(result=result, root=root, site=site.Site(config.site_url, config.site_name, repository), pages={})
    config.edit_uri = f"{repository}/edit/main/docs/"
    for diagnostic in result.diagnostics:
        log.error(str(diagnostic))
    if not _state["serving"] and (result.diagnostics or no_font):
        raise PluginError(f"the catalog has {diagnostics.summary_line(result.diagnostics)}; fix them and build again"
                          if result.diagnostics else no_font)
    if no_font and _state.get("cards", True):  # said once per `mkdocs serve`
        log.warning(f"{no_font}. Serving without share cards.")
    _state["cards"] = no_font is None
    if result.catalog is not None:
        config.extra["most_repeated"] = listings.most_repeated_items(result.catalog)  # for the 404 page
        config.nav = docs.nav_with_topics(config.nav, result.catalog)
    return config


@event_priority(100)  # before plugins such as redirects look for their targets
def on_files(files, config):
    """Every file of the manifest, made beside MkDocs on a spare core (catalog/workers.py): the
    pages' Markdown is handed over page by page as MkDocs reaches each (on_pre_page); every other
    file is put in the site folder (MkDocs has emptied it), and MkDocs is given a File whose source
    is where it already is, which it skips copying."""
    catalog, redirects = _state["result"].catalog, config.plugins["redirects"].config["redirect_maps"]
    cache, site_dir = card_cache.CardCache(_state["root"] / ".cache" / "cards"), Path(config.site_dir)
    pages, aside = {}, {}
    for entry in site.manifest(catalog, _state["site"], _state["root"], cards=_state["cards"]) if catalog else []:
        _state["pages"][entry.uri] = entry
        if entry.redirect_to:
            redirects[entry.uri] = entry.redirect_to
        elif entry.make and entry.is_page:
            pages[entry.uri] = entry.make
            files.append(File.generated(config, entry.uri, content=""))  # filled in on_pre_page
        elif entry.card:  # linked to the cached file: held in memory, 10,000 cards took 600 MB
            _link_or_copy(cache.path(entry.card), site_dir / entry.uri)
            files.append(File.generated(config, entry.uri, abs_src_path=str(site_dir / entry.uri)))
        elif entry.make:  # data files, embeds, the stylesheet
            aside[entry.uri] = entry.make
            files.append(File.generated(config, entry.uri, abs_src_path=str(site_dir / entry.uri)))
    _state.update(page_sources=workers.stream_aside(partial(_make_pages, pages)), made={}, streamed=set(pages),
                  aside=workers.run_aside(partial(_write_files, site_dir, aside)))
    return files


def _make_pages(makes: dict) -> Iterator[tuple[str, str]]:
    return ((uri, make()) for uri, make in makes.items())


def on_pre_page(page, config, files):
    if page.file.src_uri in _state.get("streamed", ()):
        page.file.content_string = _page_source(page.file.src_uri)
    return page


def _page_source(uri: str) -> str:
    """The page's Markdown; the stream makes pages in the manifest's order, which is MkDocs' own."""
    made = _state["made"]
    try:
        while uri not in made:
            made_uri, markdown = next(_state["page_sources"])
            made[made_uri] = markdown
    except (RuntimeError, StopIteration) as error:
        raise PluginError(f"making the page {uri} failed: {error or 'it was not made'}") from None
    return made.pop(uri)


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the file system allows it (cached cards are replaced, never rewritten)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)  # a --dirty build finds the last build's file here
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _write_files(folder: Path, makes: dict) -> None:
    for uri, make in makes.items():
        content = make()
        (folder / uri).parent.mkdir(parents=True, exist_ok=True)
        (folder / uri).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def on_env(env, config, files):  # MkDocs would copy static files next, and skips those already in place
    try:
        _state.pop("aside", lambda: None)()
    except RuntimeError as error:
        raise PluginError(f"writing the data files failed: {error}") from None
    return env


def on_page_markdown(markdown, page, config, files):
    entry, catalog = _state["pages"].get(page.file.src_uri), _state["result"].catalog
    page.meta.update(entry.meta if entry else {})
    page.edit_url = _state["site"].edit_url(entry.edit) if entry and entry.edit else page.edit_url
    try:
        markdown, page.meta["scripts"] = docs.finish_page(markdown, entry, catalog, _state["site"], page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from None
    return markdown


def on_page_content(content, page, config, files):
    return render.problems_banner(_state["result"].diagnostics) + safety.sanitize(content)


def on_post_page(output, page, config):
    return compact.compact(output)


def on_post_template(output_content, template_name, config):  # 404.html
    return compact.compact(output_content) if template_name.endswith(".html") else output_content


@event_priority(-100)  # after the redirects plugin has written its pages: the index reads every page
def on_post_build(config):
    _stop_making_pages()
    if _state["result"].catalog is not None and (problem := search_index.index_site(config.site_dir)):
        raise PluginError(f"search indexing failed: {problem}")


def on_build_error(error):
    _stop_making_pages()


def _stop_making_pages():
    if "page_sources" in _state:
        _state.pop("page_sources").close()


def on_serve(server, config, builder):  # rebuild when a record folder or the package changes
    for folder in (*pipeline.FOLDERS, "catalog", "permalinks.txt"):
        if (_state["root"] / folder).exists():
            server.watch(str(_state["root"] / folder))
