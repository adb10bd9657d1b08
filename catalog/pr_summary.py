"""What a change does to the site, in Markdown for a pull request's job summary: every claim it
adds, edits or removes with its page and its verdict (and the verdict before, when that changed),
then the other pages it touches. A reviewer sees what a pull request changes without downloading
the built site.

Usage: python scripts/pr_summary.py BASE   (BASE: the git ref the pull request goes into)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .contract import VERDICT_BY_SLUG
from .diagnostics import summary_line
from .loader import load_bytes
from .pipeline import CLAIMS_DIR, read_catalog
from .project import ROOT
from .site import SiteFile, claim_path, has_own_page, source_address


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def changed_files(root: Path, base: str) -> list[tuple[str, str]]:
    """(status letter, path) for each file changed since the branch left base."""
    listed = _git(root, "diff", "--name-status", "--no-renames", f"{base}...HEAD")
    if listed.returncode != 0:
        raise ValueError(f"git cannot compare with {base!r}: {listed.stderr.strip()}")
    return [(line[0], line.split("\t", 1)[1]) for line in listed.stdout.splitlines() if "\t" in line]


def verdict_before(root: Path, base: str, path: str) -> str | None:
    shown = _git(root, "show", f"{base}:{path}")
    loaded = load_bytes(path, shown.stdout.encode("utf-8")) if shown.returncode == 0 else None
    entry = loaded.root.value.get("verdict") if loaded and loaded.root and loaded.root.is_mapping else None
    verdict = VERDICT_BY_SLUG.get(str(entry.value.value)) if entry else None
    return verdict.label if verdict else None


def summary(root: Path, base: str) -> str:
    changes = changed_files(root, base)
    result = read_catalog(root)
    out = ["## What this pull request changes", ""]
    if result.catalog is None:
        out += [f"The catalog has {summary_line(result.diagnostics)}, so no page can be shown yet: "
                "`make validate` lists them.", ""]
    claims = {c.path: c for c in result.catalog.claims} if result.catalog else {}
    sources = {s.path: s for s in result.catalog.sources} if result.catalog else {}
    rows, others = [], []
    for status, path in changes:
        if path.startswith(f"{CLAIMS_DIR}/") and path.endswith(".yaml"):
            claim_id, before = Path(path).stem, verdict_before(root, base, path)
            claim = claims.get(path)
            if status == "D":
                rows.append(f"| `/{claim_path(claim_id)}` | removed | {before or ''} |")
            elif claim is not None:
                verdict = claim.verdict.label if before in (None, claim.verdict.label) else f"{claim.verdict.label} (was {before})"
                change = "new" if status == "A" else "edited"
                rows.append(f"| `/{claim_path(claim_id)}` | {change}: “{_cell(claim.claim)}” | {verdict} |")
            else:
                rows.append(f"| `/{claim_path(claim_id)}` | {'new' if status == 'A' else 'edited'} (has problems) | |")
        elif path in sources:
            source, cited = sources[path], len(sources[path].cited_by)
            where = "the page" if has_own_page(source) else "shown in its claim's evidence, at"
            others.append(f"- `{path}`: {where} `/{source_address(source)}`, cited by {cited} claim{'s' * (cited != 1)}")
        elif path.startswith("docs/") and path.endswith(".md"):
            others.append(f"- `{path}`: the page `/{SiteFile(path.removeprefix('docs/')).path}`")
        else:
            others.append(f"- `{path}`" + (" (removed)" if status == "D" else ""))
    if rows:
        out += ["| Page | Claim | Verdict |", "| --- | --- | --- |", *rows, ""]
    if others:
        out += ["Other files:", "", *others, ""]
    if not changes:
        out.append("No file differs from the base branch.")
    return "\n".join(out).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        print(summary(ROOT, argv[0]), end="")
    except ValueError as error:
        print(f"pr_summary: {error}", file=sys.stderr)
        return 1
    return 0
