"""Build a site with MkDocs into a folder, or a throw-away copy of the project, for the tests."""

from __future__ import annotations

import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tools.static_server import StaticServer  # noqa: F401  (the tests import it from here)

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
    for folder in ("claims", "sources", "glossary", "queue"):  # mkdocs.yml watches each: they must exist
        if (source / folder).exists():
            shutil.copytree(source / folder, destination / folder)
        (destination / folder).mkdir(exist_ok=True)
    if catalog_root is not None:
        _use_fixture_pages(destination, catalog_root)
        register_everything(destination)
    else:
        shutil.copy(ROOT / "permalinks.txt", destination)
    return destination


def register_everything(project: Path) -> None:
    """A test project's permalink registry: every address its own pages publish."""
    from catalog.permalinks import site_paths, write_registry
    from catalog.pipeline import read_catalog

    result = read_catalog(project, registry=False)
    if result.catalog is not None:  # a broken catalog is reported by the build itself
        write_registry(project, site_paths(result.catalog, project))


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
    # Hand-written pages link to real claims and sources: keep the links the fixture can serve.
    kept = {f"{folder}/{p.stem}" for folder in ("claims", "sources") for p in (catalog_root / folder).glob("*.yaml")}
    link = re.compile(r"\[([^\]]*)\]\(((?:\.\./)?)((?:claims|sources)/[a-z0-9-]+)\.md(#[\w-]*)?\)")
    for page in (destination / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(link.sub(lambda m: m.group(0) if m.group(3) in kept else m.group(1), text), encoding="utf-8")



@contextmanager
def serving(project: Path, env: dict | None = None):
    """`mkdocs serve` of a project on a free port. Yields its address and the lines it printed
    up to "Serving on", read as they arrive (no polling); fails if it stops or is silent for 2 min."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Unbuffered bytes: a buffered reader could hold "Serving on" in memory while select() waits
    # on the empty pipe (it did whenever both lines arrived in one write).
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env or ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
    lines: list[str] = []
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(server.stdout, selectors.EVENT_READ)
            while not any("Serving on" in line for line in lines):
                assert selector.select(timeout=120), "mkdocs serve printed nothing for two minutes:\n" + "".join(lines)
                line = server.stdout.readline().decode("utf-8", errors="replace")
                assert line, "mkdocs serve stopped:\n" + "".join(lines)
                lines.append(line)
        yield f"http://127.0.0.1:{port}/", lines
    finally:
        server.terminate()
        server.wait(timeout=30)
