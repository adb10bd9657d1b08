"""The contributor path off Debian: make finds a font and a browser without apt-get, says what to
install when something is missing, and `mkdocs serve` goes on without share cards."""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, copy_catalog
from site_build import ENV, project_copy, serving

from catalog import cards
from catalog.site import claim_card_uri

DEBIAN_TOOLS = ("apt", "apt-get", "apt-cache", "dpkg", "dpkg-query")


@pytest.fixture(scope="module")
def path_without_debian_tools(tmp_path_factory) -> str:
    """A PATH with every program of this machine's PATH except apt-get and dpkg."""
    folder = tmp_path_factory.mktemp("bin")
    for directory in os.environ["PATH"].split(os.pathsep):
        for program in Path(directory).glob("*") if Path(directory).is_dir() else []:
            target = folder / program.name
            if program.name not in DEBIAN_TOOLS and not target.exists() and os.access(program, os.X_OK):
                target.symlink_to(program)
    assert shutil.which("apt-get", path=str(folder)) is None and shutil.which("dpkg", path=str(folder)) is None
    return str(folder)


def make(*targets: str, path: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *targets], cwd=ROOT, capture_output=True, text=True,
                          env={**ENV, "PATH": path, **env}, timeout=600)


def test_make_finds_a_font_and_a_browser_without_debian_tools(path_without_debian_tools):
    result = make("fonts", "browser", path=path_without_debian_tools)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "share cards are drawn with" in result.stdout and "browser tests use" in result.stdout
    assert "apt-get" not in result.stdout + result.stderr


def test_make_says_what_to_install_when_no_font_is_found(path_without_debian_tools, tmp_path):
    result = make("fonts", path=path_without_debian_tools, CARD_FONT=str(tmp_path / "missing.ttf"))
    assert result.returncode != 0
    assert "CARD_FONT is" in result.stderr and "not a font file" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_strict_build_runs_without_debian_tools(path_without_debian_tools, tmp_path):
    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    built = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site")],
                           cwd=project, capture_output=True, text=True, env={**ENV, "PATH": path_without_debian_tools})
    assert built.returncode == 0, built.stderr[-2000:]
    assert any((tmp_path / "site" / "assets" / "cards").rglob("*.png"))


def test_the_build_refuses_to_go_on_without_a_font(tmp_path):
    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    built = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, env={**ENV, "CARD_FONT": str(tmp_path / "none.otf")})
    assert built.returncode != 0
    assert "CARD_FONT is" in built.stderr and "Traceback" not in built.stderr


def test_serve_goes_on_without_share_cards_and_says_so_once(tmp_path):
    project = project_copy(tmp_path / "project", copy_catalog(tmp_path / "catalog"))
    with serving(project, {**ENV, "CARD_FONT": str(tmp_path / "none.otf")}) as (url, lines):
        with urllib.request.urlopen(url + "claims/sample-claim/", timeout=30) as response:
            page = response.read().decode("utf-8")
    assert sum("Serving without share cards" in line for line in lines) == 1, "".join(lines)
    assert "Everyone has a score." in page
    assert claim_card_uri("sample-claim") not in page  # no card is named: none was drawn


def test_fonts_are_found_through_fontconfig_where_debian_s_are_absent(monkeypatch, tmp_path):
    monkeypatch.delenv(cards.FONT_VARIABLE, raising=False)
    monkeypatch.setattr(cards, "DEBIAN_FONTS", ((tmp_path / "a.ttc", 0), (tmp_path / "b.ttc", 0)))
    cards.font_faces.cache_clear()
    try:
        faces = cards.font_faces()
        assert faces is not None and all(path.is_file() for path, _ in faces)  # fonts-noto-cjk, found by fc-list
        monkeypatch.setattr(cards.shutil, "which", lambda name: None)  # a machine without fontconfig
        cards.font_faces.cache_clear()
        assert cards.font_faces() is None and cards.font_problem() == cards.NO_FONT
    finally:
        cards.font_faces.cache_clear()
