"""Debian's Chromium, and the flags it needs on a closed network, for the tests and benchmarks.

Without the background-networking flags Chromium keeps trying to reach Google's services.
"""

from __future__ import annotations

import shutil

PATH = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def launch(playwright):
    """A headless Chromium started through Playwright."""
    return playwright.chromium.launch(executable_path=PATH, args=list(FLAGS), headless=True)
