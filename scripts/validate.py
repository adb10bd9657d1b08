"""Check every claim, source and topic file and print each problem as path:line:column: CODE message.

Usage: python scripts/validate.py [CATALOG_ROOT]
Exits 0 when the catalog is clean and 1 when there is any problem. The codes are explained in
CONTRIBUTING.md and on the site's contributing page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from catalog.diagnostics import summary_line
from catalog.pipeline import read_catalog

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    result = read_catalog(root)
    for diagnostic in result.diagnostics:
        print(diagnostic)
    if result.diagnostics:
        print(f"{summary_line(result.diagnostics)}; the codes are explained in CONTRIBUTING.md", file=sys.stderr)
        return 1
    catalog = result.catalog
    print(f"ok: {len(catalog.claims)} claims, {len(catalog.sources)} sources, {len(catalog.topics)} topics")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
