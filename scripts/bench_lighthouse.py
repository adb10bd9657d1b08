"""Lighthouse benchmark: the four category scores and page weight of key pages, mobile and desktop.

Usage: python scripts/bench_lighthouse.py [--runs 3] [--site site]
Builds the site (unless --site names a built one), serves it on 127.0.0.1 with gzip like GitHub
Pages, and runs npm's lighthouse with Debian's Chromium. Mobile scores are the median of --runs
runs. A benchmark, not a test: it prints the table and the targets, and always exits 0.
Targets (issue 19): mobile performance 100 on home, catalog, a topic and two claims; accessibility,
best practices and SEO 100 everywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from catalog.pipeline import read_catalog
from tools import chromium
from tools.static_server import StaticServer

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(("--headless=new", *chromium.FLAGS))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def pages() -> list[str]:
    catalog = read_catalog(ROOT).catalog
    topic = catalog.topics[0]
    longest = max(catalog.claims, key=lambda claim: len(claim.explanation))  # the heaviest claim page
    most_cited = max(catalog.sources, key=lambda source: len(source.cited_by))  # the heaviest source page
    return ["", "claims/", f"topics/{topic.id}/", f"claims/{topic.claims[0].id}/", f"claims/{longest.id}/", f"sources/{most_cited.id}/",
            "methodology/", "404.html"]  # lighthouse refuses a 404 status, so the page is loaded by name


def run_lighthouse(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium.installed() or ""},
                       capture_output=True, timeout=180)
        data = json.loads(report.read_text())
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["kb"] = data["audits"]["total-byte-weight"]["numericValue"] / 1024
    return scores


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                       check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    print(f"{'page':42} {'form':8} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'KB':>7}")
    worst_mobile, worst_other = 100, 100
    with StaticServer(site) as server:
        for path in pages():
            for desktop in (False, True):
                try:
                    runs = [run_lighthouse(server.url + path, desktop) for _ in range(1 if desktop else args.runs)]
                except subprocess.CalledProcessError as error:
                    print(f"/{path:41} lighthouse failed: {error.stderr.decode()[-300:].strip()}")
                    continue
                row = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                if not desktop:
                    worst_mobile = min(worst_mobile, row["performance"])
                worst_other = min(worst_other, row["accessibility"], row["best-practices"], row["seo"])
                print(f"/{path:41} {'desktop' if desktop else 'mobile':8} {row['performance']:5.0f} {row['accessibility']:5.0f} "
                      f"{row['best-practices']:5.0f} {row['seo']:5.0f} {row['kb']:7.1f}")
    print(f"target mobile performance 100 (median of {args.runs}): {'PASS' if worst_mobile >= 100 else 'FAIL'} (lowest {worst_mobile:.0f})")
    print(f"target accessibility, best practices and SEO 100: {'PASS' if worst_other >= 100 else 'FAIL'} (lowest {worst_other:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
