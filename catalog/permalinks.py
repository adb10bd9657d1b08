"""The registry of every URL the site has ever published, so that no shared link ever breaks.

permalinks.txt (at the repository root) lists one site path per line, such as
`/claims/single-national-score/` (the home page is `/`). A test fails when a listed path is neither built nor
redirected, and when the build publishes a path the registry does not list yet (run
`python scripts/permalinks.py --update` to add it). Ids listed there can never be reused.
"""

from __future__ import annotations

from pathlib import Path

from .export import DATA_FILES

REGISTRY = "permalinks.txt"
HEADER = "# Every URL path this site has published. Never delete a line: see catalog/permalinks.py.\n"


def read_registry(root: Path) -> list[str]:
    path = Path(root) / REGISTRY
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_registry(root: Path, paths: set[str]) -> None:
    (Path(root) / REGISTRY).write_text(HEADER + "".join(f"{p}\n" for p in sorted(paths)), encoding="utf-8")


def published_claim_ids(root: Path) -> set[str]:
    """Every claim id that has ever had a page, including retired and renamed ones."""
    return {p.split("/")[2] for p in read_registry(root) if p.startswith("/claims/") and p.count("/") == 3 and p != "/claims/"}


GENERATED_PAGES = {"claims/", "sources/", "topics/", "timeline/", "glossary/", "queue/"}  # made by the hook


def site_paths(catalog, root: Path) -> set[str]:
    """The paths the site publishes: hand-written pages in docs/, the catalog's pages, old ids (as
    redirects), and data files."""
    paths = {"" if page.stem == "index" else f"{page.stem}/" for page in (Path(root) / "docs").glob("*.md")}
    paths |= GENERATED_PAGES | set(DATA_FILES)
    paths |= {c.url for c in catalog.claims}
    paths |= {f"claims/{alias}/" for c in catalog.claims for alias in c.aliases}
    paths |= {s.page_url for s in catalog.sources}
    paths |= {t.url for t in catalog.topics}
    return {"/" + path for path in paths}
