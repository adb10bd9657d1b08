"""The Chromium the browser tests and benchmarks drive, and the flags it needs on a closed network.

It is the one named by $CHROMIUM, else the first Chromium or Chrome on the PATH (Debian's
`chromium` on CI) or in macOS's Applications folder, else Playwright's own download if there is
one. Without the background-networking flags Chromium keeps trying to reach Google's services.
`python -m tools.chromium` (make browser) says which one it found, or what to install.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

VARIABLE = "CHROMIUM"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
MACOS_APPS = (Path("/Applications/Chromium.app/Contents/MacOS/Chromium"),
              Path("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"))
FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
MISSING = ("the browser tests need Chromium, and none was found. Install it (Debian and Ubuntu: chromium; "
           "Fedora: chromium; Arch: chromium; macOS: brew install --cask chromium), set CHROMIUM to a Chromium "
           "or Chrome executable, or download Playwright's with `.venv/bin/python -m playwright install chromium`")


def installed() -> str | None:
    """A Chromium or Chrome on this machine (not Playwright's download), or None."""
    if os.environ.get(VARIABLE):
        return os.environ[VARIABLE] if Path(os.environ[VARIABLE]).is_file() else None
    found = [shutil.which(name) for name in NAMES] + [str(app) for app in MACOS_APPS if app.is_file()]
    return next((path for path in found if path), None)


def launch(playwright):
    """A headless Chromium started through Playwright."""
    path = installed()
    if path is None and not Path(playwright.chromium.executable_path).is_file():
        raise RuntimeError(MISSING)
    return playwright.chromium.launch(executable_path=path, args=list(FLAGS), headless=True)


def main() -> int:
    path = installed()
    if path is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            downloaded = playwright.chromium.executable_path
        path = downloaded if Path(downloaded).is_file() else None
    if path is None:
        print(MISSING, file=sys.stderr)
        return 1
    print(f"browser tests use {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
