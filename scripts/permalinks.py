"""Add every address the site now publishes to permalinks.txt (make permalinks).

Usage: python scripts/permalinks.py [CATALOG_ROOT]
Addresses are only ever added: one that disappears from the site must become a redirect (an
alias of a claim), and `make validate` says so (SC214) when it does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from catalog.diagnostics import summary_line
from catalog.permalinks import read_registry, site_paths, write_registry
from catalog.pipeline import read_catalog
from catalog.project import ROOT


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    result = read_catalog(root, registry=False)
    if result.catalog is None:
        print(f"permalinks: the catalog has {summary_line(result.diagnostics)}; run `make validate` and fix them first",
              file=sys.stderr)
        return 1
    registered = set(read_registry(root))
    added = site_paths(result.catalog, root) - registered
    write_registry(root, registered | added)
    print(f"permalinks.txt: {len(added)} address{'es' if len(added) != 1 else ''} added, {len(registered | added)} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
