"""The search index: Pagefind reads the built site's pages and writes its index beside them.

Pagefind splits the index into small pieces, so a reader's query fetches tens of kilobytes
whatever the size of the catalog; its extended build splits Chinese text into words.
"""

from __future__ import annotations

import subprocess
import sys


def index_site(site_dir: str) -> str | None:
    """Index the built site in site_dir; None when it worked, else what went wrong."""
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", site_dir, "--silent"],
                              capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.SubprocessError) as error:
        return f"pagefind could not run: {error}"
    if done.returncode != 0:
        return (done.stderr or done.stdout).strip()[-500:] or f"pagefind exited with {done.returncode}"
    return None
