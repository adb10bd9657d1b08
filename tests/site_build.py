"""Build a site with MkDocs into a folder, or a throw-away copy of the project, for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from catalog.static_server import StaticServer  # noqa: F401  (the tests import it from here)

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

