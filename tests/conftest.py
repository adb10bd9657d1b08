"""Shared helpers: fixture catalogs copied into temporary folders, and the repository root."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from catalog.pipeline import read_catalog

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
TODAY = date(2026, 11, 21)  # fixtures are dated on or before this day


def copy_catalog(destination: Path, *overlays: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the valid fixture catalog with overlay folders and extra files written over it."""
    shutil.copytree(VALID, destination, dirs_exist_ok=True)
    for overlay in overlays:
        shutil.copytree(overlay, destination, symlinks=True, dirs_exist_ok=True)
    for relative, content in (files or {}).items():
        path = destination / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return destination


@pytest.fixture
def fixture_catalog(tmp_path):
    def make(*overlays: Path, files: dict | None = None):
        root = copy_catalog(tmp_path / "catalog", *overlays, files=files)
        return read_catalog(root, today=TODAY)
    return make


@pytest.fixture(scope="session")
def catalog():
    """The real catalog, loaded once; tests only read it (test_render.py has its own, of fixtures)."""
    return read_catalog(ROOT).catalog


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real catalog built once with `mkdocs build --strict`."""
    from site_build import mkdocs_build

    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def served_site(built_site):
    from site_build import StaticServer

    with StaticServer(built_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from tools.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
