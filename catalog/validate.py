"""Check every claim, source and topic file and print each problem as path:line:column: CODE message.

Usage: python scripts/validate.py [CATALOG_ROOT]
Exits 0 when the catalog is clean and 1 when there is any problem. The problems go to standard
output, one per line; after them, standard error says once for each code found how to fix it
and links to the code's entry on the site's contributing page (generated from
catalog/diagnostics.py, like CONTRIBUTING.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .diagnostics import CODE_BY_ID, Diagnostic, summary_line
from .pipeline import read_catalog
from .project import ROOT, mkdocs_settings


def docs_link(code: str, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/contributing/#{code.lower()}"


def fixes(diagnostics: list[Diagnostic], site_url: str) -> list[str]:
    """For each code found, once: what it means, how to fix it, and where it is documented."""
    lines = []
    for code in sorted({d.code for d in diagnostics}):
        entry = CODE_BY_ID[code]
        lines.append(f"  {code} {entry.summary} {entry.fix}\n        {docs_link(code, site_url)}")
    return lines


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    result = read_catalog(root)
    for diagnostic in result.diagnostics:
        print(diagnostic)
    if result.diagnostics:
        sys.stdout.flush()
        site_url = mkdocs_settings(ROOT)["site_url"]
        print(f"{summary_line(result.diagnostics)}. How to fix each kind of problem:", file=sys.stderr)
        print("\n".join(fixes(result.diagnostics, site_url)), file=sys.stderr)
        return 1
    catalog = result.catalog
    print(f"ok: {len(catalog.claims)} claims, {len(catalog.sources)} sources, {len(catalog.topics)} topics")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
