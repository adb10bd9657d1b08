"""Build a site with MkDocs into a folder and serve a folder on 127.0.0.1, for the tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=ENV, capture_output=True, text=True, timeout=300,
    )


def project_copy(destination: Path, catalog_root: Path | None = None) -> Path:
    """A throw-away copy of this project, with another catalog's claims, sources and topics if given."""
    destination.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", destination)
    shutil.copytree(ROOT / "docs", destination / "docs")
    for shared in ("catalog", "overrides"):
        (destination / shared).symlink_to(ROOT / shared)
    source = catalog_root or ROOT
    for folder in ("claims", "sources", "glossary"):
        if (source / folder).exists():
            shutil.copytree(source / folder, destination / folder)
    if catalog_root is not None:
        _use_fixture_pages(destination, catalog_root)
    return destination


def _use_fixture_pages(destination: Path, catalog_root: Path) -> None:
    """Swap in the fixture's topics, stub the other topics the nav names, and a plain home page
    (the real home page links to real claims)."""
    topics = destination / "docs" / "topics"
    nav_topics = [p.name for p in topics.glob("*.md")]
    shutil.rmtree(topics)
    if (catalog_root / "docs" / "topics").exists():
        shutil.copytree(catalog_root / "docs" / "topics", topics)
    topics.mkdir(exist_ok=True)
    for name in nav_topics:
        if not (topics / name).exists():
            (topics / name).write_text(f"---\ntitle: {name[:-3]}\nsummary: A stub topic.\norder: 9\n---\n\n# Stub\n")
    (destination / "docs" / "index.md").write_text("# Home\n\nA test catalog.\n")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files; a missing path gets the site's 404 page, as on GitHub Pages."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class StaticServer:
    """Serves a built site on 127.0.0.1 on a free port until stopped."""

    def __init__(self, folder: Path):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
