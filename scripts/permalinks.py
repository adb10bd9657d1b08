"""Add every path the catalog now publishes to permalinks.txt, or check that none is missing.

Usage: python scripts/permalinks.py [--update]
Without --update it exits 1 and names the paths missing from the registry. Paths are only ever
added: a path that disappears from the site must become a redirect (an alias of a claim).
"""

from __future__ import annotations

import sys
from pathlib import Path

from catalog.permalinks import read_registry, site_paths, write_registry
from catalog.pipeline import read_catalog

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    result = read_catalog(ROOT)
    if result.diagnostics:
        print("the catalog has errors; run scripts/validate.py first", file=sys.stderr)
        return 1
    registered = set(read_registry(ROOT))
    missing = sorted(site_paths(result.catalog, ROOT) - registered)
    if "--update" in argv:
        write_registry(ROOT, registered | set(missing))
        print(f"added {len(missing)} paths to permalinks.txt")
        return 0
    for path in missing:
        print(f"permalinks.txt: missing {path}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
