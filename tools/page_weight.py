"""What a reader downloads, measured in real Chromium against a built site served on 127.0.0.1.

Usage: python -m tools.page_weight SITE --claim PATH [--baseline SITE] [--query TEXT]
Prints one JSON object. The bytes of a request are what tools/static_server.py sends for it, as
GitHub Pages would: the file gzip-compressed (level 6) when the server compresses that kind of
file, else the file as stored. Times are from
the start of the navigation (performance.now()) to the moment the first result is in the page.

- first visit: a claim page loaded with an empty cache, every request counted, until the network
  has been idle;
- search: /search/?q=QUERY on SITE; the search script (assets/search.js) and the requests under
  /search-index/ (the pieces of the word list for the words typed, the records of the results);
- the old index (with --baseline, a plain MkDocs + Material build): the claim page there with
  ?q=QUERY, which opens Material's search; search_index.json and the search worker.

It runs as its own process, so that the benchmark that starts it never forks worker processes
while Playwright's or the server's threads are alive.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tools import chromium
from tools.static_server import COMPRESSIBLE, StaticServer

GZIP_LEVEL = 6  # what tools/static_server.py uses
QUERY = "jaywalking score"
SEARCH_RESULT = ".search-results__list > li, .search-results__suggest"
MATERIAL_RESULT = ".md-search-result__item"
TIMEOUT_MS = 300_000  # Material's search at 10,000 claims takes tens of seconds
# Notes the time at which the first element matching SELECTOR is in the page.
OBSERVE = """(selector => {
  const note = () => { if (!window.__firstResult && document.querySelector(selector)) window.__firstResult = performance.now(); };
  new MutationObserver(note).observe(document, {subtree: true, childList: true, attributes: true});
})(%s)"""


def served_bytes(site: Path, path: str) -> int:
    """The bytes the static server sends for a path of the site (0 for a path it lacks)."""
    file = site / unquote(path).lstrip("/")
    if file.is_dir():
        file, path = file / "index.html", path + ("" if path.endswith("/") else "/")
    if not file.is_file():
        return 0
    data = file.read_bytes()
    if file.suffix in COMPRESSIBLE and path.endswith(("/", file.suffix)):
        return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    return len(data)


def visit(browser, url: str, selector: str | None = None) -> tuple[list[str], float | None]:
    """Load url in a fresh context (an empty cache); the paths requested on the same host, and
    when selector is given, the milliseconds until it matched. Waits until the network is idle."""
    context = browser.new_context()
    try:
        page = context.new_page()
        requested: list[str] = []
        host = urlsplit(url).netloc
        context.on("request", lambda request: requested.append(request.url))
        if selector:
            page.add_init_script(OBSERVE % json.dumps(selector))
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        first = None
        if selector:
            try:
                page.wait_for_selector(selector, state="attached", timeout=TIMEOUT_MS)
                first = page.evaluate("window.__firstResult || performance.now()")
            except PlaywrightError:  # no result in time (Material's search on a very large index): no time, bytes still counted
                pass
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        paths = [urlsplit(u).path for u in requested if urlsplit(u).netloc == host]
        return list(dict.fromkeys(paths)), first
    finally:
        context.close()


def first_visit(browser, base: str, site: Path, path: str) -> dict:
    paths, _ = visit(browser, base + path)
    return {"bytes": sum(served_bytes(site, p) for p in paths), "files": len(paths)}


def search(browser, url: str, site: Path, selector: str, counted) -> dict:
    """The cost of one query: bytes of the requests counted(path) accepts, and the first result."""
    paths, first = visit(browser, url, selector)
    mine = [p for p in paths if counted(p)]
    sizes = {p: served_bytes(site, p) for p in mine}
    return {"bytes": sum(sizes.values()), "ms": first, "files": sizes}


def is_search_request(path: str) -> bool:
    """What a query costs: the search script and the pieces of the index it fetches."""
    return "/search-index/" in path or path.endswith("/assets/search.js")


def measure(site: Path, claim: str, query: str = QUERY, baseline: Path | None = None) -> dict:
    out: dict = {"query": query}
    with ExitStack() as stack:
        ours = stack.enter_context(StaticServer(site))
        theirs = stack.enter_context(StaticServer(baseline)) if baseline else None
        playwright = stack.enter_context(sync_playwright())
        browser = chromium.launch(playwright)
        stack.callback(browser.close)
        out["first_visit"] = first_visit(browser, ours.url, site, claim)
        found = search(browser, f"{ours.url}search/?q={quote(query)}", site, SEARCH_RESULT, is_search_request)
        found["index_bytes"] = sum(size for path, size in found["files"].items() if "/search-index/" in path)
        out["search"] = found
        if theirs is not None:
            out["baseline_first_visit"] = first_visit(browser, theirs.url, baseline, claim)
            out["old_index"] = search(browser, f"{theirs.url}{claim}?q={quote(query)}", baseline, MATERIAL_RESULT,
                                      lambda p: p.endswith("/search/search_index.json") or "/javascripts/workers/search." in p)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (with its search index)")
    parser.add_argument("--claim", required=True, help="the path of a claim page, e.g. claims/some-id/")
    parser.add_argument("--baseline", type=Path, help="the same pages built by plain MkDocs + Material (search plugin)")
    parser.add_argument("--query", default=QUERY, help=f"what the reader searches for (default {QUERY!r})")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.site, args.claim, args.query, args.baseline), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
