"""The registry of every address the site has ever published, so that no shared link ever breaks.

permalinks.txt (at the repository root) lists one site path per line, such as
`/claims/single-national-score/` (the home page is `/`). check_registry() runs with every
validation and build:
- SC214: a listed path that the site no longer publishes (a claim renamed without an alias, or
  deleted); and, where git history is at hand, a path that was ever listed and has been removed
  from the file since (deleting a claim and its line in one change is caught too);
- SC215: a path the site publishes that the registry does not list yet (`make permalinks`).
Ids listed there can never be reused.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .diagnostics import Diagnostic
from .site import Site, claim_path, embed_path, manifest, published_paths, source_path

REGISTRY = "permalinks.txt"
HEADER = "# Every URL path this site has published. Never delete a line: see catalog/permalinks.py.\n"
_ANY_SITE = Site("https://example.invalid/", "", "https://example.invalid/repository")  # paths do not depend on it


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


def site_paths(catalog, root: Path) -> set[str]:
    """The paths the site publishes now (from the site manifest)."""
    return published_paths(manifest(catalog, _ANY_SITE, root), root)


def ever_registered(root: Path) -> dict[str, str] | None:
    """Every path ever added to the registry in git history, with the commit that added it; None
    when there is no history to read (not a repository, or git missing)."""
    try:
        log = subprocess.run(["git", "-C", str(root), "log", "--no-renames", "--format=commit %h", "-p", "--", REGISTRY],
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0:
        return None
    added, commit = {}, ""
    for line in log.stdout.splitlines():
        if line.startswith("commit "):
            commit = line.split()[1]
        elif line.startswith("+/"):
            added.setdefault(line[1:].strip(), commit)  # the log runs newest first; keep the first seen
    return added


def check_registry(root: Path, catalog) -> list[Diagnostic]:
    root = Path(root)
    registry = read_registry(root)
    if not (root / REGISTRY).exists():
        return [Diagnostic(REGISTRY, 1, 1, "SC215", "permalinks.txt is missing; run `make permalinks` to create it")]
    published = site_paths(catalog, root)
    lines = (root / REGISTRY).read_text(encoding="utf-8").splitlines()
    diagnostics = []
    for number, line in enumerate(lines, 1):
        path = line.strip()
        if path and not path.startswith("#") and path not in published:
            diagnostics.append(Diagnostic(REGISTRY, number, 1, "SC214", f"{path} was published and would now return 404; "
                                          "if its claim was renamed or merged, list the old id in the new claim's aliases"))
    history = ever_registered(root) or {}
    listed = set(registry)
    for path, commit in sorted(history.items()):
        if path not in listed and path not in published:
            diagnostics.append(Diagnostic(REGISTRY, 1, 1, "SC214", f"{path} was published (registered in commit {commit}) and "
                                          "has been removed from permalinks.txt; restore the line and make the old address redirect"))
    by_claim = {f"/{claim_path(c.id)}": c.path for c in catalog.claims} | {f"/{embed_path(c.id)}": c.path for c in catalog.claims}
    by_claim |= {f"/{source_path(s.id)}": s.path for s in catalog.sources}
    for path in sorted(published - listed):
        where = by_claim.get(path, REGISTRY)
        diagnostics.append(Diagnostic(where, 1, 1, "SC215", f"{path} is not in permalinks.txt yet; run `make permalinks`"))
    return diagnostics
