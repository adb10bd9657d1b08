"""Benchmark the site at 100, 1,000 and 10,000 synthetic claims, and the real catalog, against the scale targets.

Usage: python scripts/bench_build.py [--sizes 100,1000,10000] [--json FILE] [--enforce] [--keep DIR] [--no-real] [--repeat N]

Each size is a throw-away copy of the project with a synthetic catalog shaped like the real one
(tools/synthetic.py); the real catalog is measured the same way, in a copy. For each it measures:
- validation: catalog.pipeline.read_catalog() in one process, then with the worker pool forced
  (catalog/workers.py; on its own read_catalog uses the pool only from ITEMS_PER_WORKER files on);
- share cards: every card drawn once into the copy's card cache, timed one by one, so that the
  builds below find the cache warm, as a contributor's machine does;
- our build: `mkdocs build --strict` (wall and CPU time, peak memory; the search index is
  written in the build); with --repeat N, it and the baseline are built N times, alternately, and
  the medians count, the ratio's as the median of each build over the baseline built right after
  it (each run's wall time is kept in the JSON);
- the baseline, plain MkDocs + Material: the Markdown of every page the site manifest
  (catalog.site.manifest) makes and the hand-written pages, with the same data files, built
  without our hook by a plain mkdocs.yml with the same theme settings and Material's own search;
- in Chromium (tools/page_weight.py): the first visit of a claim page, one query on the
  search page, and the same query in Material's search on the baseline (the old index);
- the built files: the claim page, the catalog page (gzip), the cards, the whole site, the largest data file, the sitemap.

It prints the ratios the synthetic catalogs have beside the real one's, the table, and one
PASS/FAIL/SKIP line per target. Exit code 2 when a catalog does not validate or a build or a
measurement fails, 1 with --enforce when a target fails, else 0. A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from catalog import docs
from catalog.card_cache import CardCache
from catalog.pipeline import read_catalog
from catalog.project import ROOT, mkdocs_settings
from catalog.site import Site, manifest
from catalog.workers import ITEMS_PER_WORKER, available_cores, worker_count
from tools import synthetic
from tools.page_weight import QUERY

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
KB, MB = 1024, 1024 * 1024
POOL = max(2, available_cores())  # the pool is timed even on one core, where it cannot win
REAL = "real"


def copy_real(project: Path) -> str:
    """A copy of this repository's project and catalog; the path of its sample claim."""
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "permalinks.txt"):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "claims", "sources", "glossary", "queue"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    for name in ("catalog", "overrides"):
        (project / name).symlink_to(ROOT / name)
    catalog = read_catalog(project).catalog
    return synthetic.typical_claim(catalog).id if catalog else ""


def site_of(project: Path) -> Site:
    settings = mkdocs_settings(project)
    return Site(settings["site_url"], settings["site_name"], settings["extra"]["repository"].rstrip("/"))


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # children that ended and were waited for
    return usage.ru_utime + usage.ru_stime


def timed_validation(project: Path, workers: int):
    start, cpu, others = time.perf_counter(), time.process_time(), children_cpu()
    result = read_catalog(project, workers=workers)
    return time.perf_counter() - start, time.process_time() - cpu + children_cpu() - others, result


def draw_cards(project: Path, catalog, site: Site) -> list[float]:
    """Draw every share card into the project's card cache; seconds per card."""
    cache, seconds = CardCache(project / ".cache" / "cards"), []
    for entry in manifest(catalog, site, project):
        if entry.card is not None:
            start = time.perf_counter()
            cache.path(entry.card)
            seconds.append(time.perf_counter() - start)
    return seconds


def write_baseline(project: Path, baseline: Path, catalog, site: Site) -> None:
    """Plain MkDocs + Material from the same manifest: each page's Markdown as our hook hands it to
    MkDocs (docs.finish_page), every data file and embed as a static file; no share cards, no hook,
    Material's own search plugin, the theme settings of mkdocs.yml without our overrides."""
    shutil.copytree(project / "docs", baseline / "docs")
    entries = {entry.uri: entry for entry in manifest(catalog, site, project)}
    written = {p.relative_to(baseline / "docs").as_posix(): p.read_text(encoding="utf-8") for p in (baseline / "docs").rglob("*.md")}
    written |= {uri: e.make() for uri, e in entries.items() if e.make is not None and not e.redirect_to}
    for uri, content in written.items():
        if uri.endswith(".md"):
            content, _ = docs.finish_page(content, entries.get(uri), catalog, site, uri)
        target = baseline / "docs" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for pattern, replacement in ((r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", ""), (r"(?m)^[ \t]+custom_dir:.*\n", ""),
                                 (r"(?m)^plugins:\n(?:(?:[ \t]+.*)?\n)+", "plugins:\n  - search\n  - tags\n\n")):
        text, count = re.subn(pattern, replacement, text, count=1)
        if count != 1:
            raise RuntimeError(f"mkdocs.yml has no part matching {pattern!r}; update write_baseline")
    (baseline / "mkdocs.yml").write_text(text + f"\nedit_uri: {site.repository}/edit/main/docs/\n", encoding="utf-8")


def unlisted_catalog_pages(project: Path) -> str | None:
    """The list of claims runs over several pages (claims/page/2.md ...) from CATALOG_PAGE claims
    on, and mkdocs.yml neither lists them in the nav nor in not_in_nav, so a strict build fails
    ("pages exist in the docs directory, but are not included in the nav"). The benchmark adds
    them to not_in_nav in its copy, and says so: the real mkdocs.yml needs the same line."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "/claims/page/" in text:
        return None
    text, count = re.subn(r"(?m)^not_in_nav: \|\n", "not_in_nav: |\n  /claims/page/*.md\n", text, count=1)
    if count != 1:
        return None
    config.write_text(text, encoding="utf-8")
    return "mkdocs.yml's not_in_nav lacks /claims/page/*.md, so `mkdocs build --strict` fails above 150 claims; added in the benchmark's copies"


def timed_build(project: Path, site: Path, log: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak memory (MB) of `mkdocs build --strict`, its waited-for
    children included; raises with the log's end when the build fails."""
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                   cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's usage and that of the children it waited for
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"mkdocs build in {project} failed:\n" + log.read_text(encoding="utf-8", errors="replace")[-3000:])
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def files_of(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def bench(row: dict, claims: int | None, work: Path, no_browser: bool, log, repeat: int = 1) -> None:
    """Every measurement of one catalog, a synthetic one of `claims` claims or the real one, into
    row (which keeps what was measured when a step fails)."""
    project, baseline, name = work / "project", work / "baseline", row["name"]
    log("writing the project")
    sample = copy_real(project) if claims is None else synthetic.write_project(project, claims).sample_claim
    row["note"] = unlisted_catalog_pages(project)
    for label, workers in (("one", 1), ("pool", POOL)):
        log(f"validating ({label})")
        row[f"validate_{label}_s"], row[f"validate_{label}_cpu_s"], result = timed_validation(project, workers)
        row["diagnostics"] = [str(d) for d in result.diagnostics]
        if result.catalog is None:
            raise RuntimeError(f"{name}: the catalog does not validate: " + "; ".join(row["diagnostics"][:5]))
    catalog, site = result.catalog, site_of(project)
    row.update(claims=len(catalog.claims), sources=len(catalog.sources), files=result.files, sample=f"claims/{sample}/",
               validate_auto_workers=worker_count(result.files), ratios=synthetic.ratios(catalog))
    log("drawing the share cards")
    card_s = draw_cards(project, catalog, site)
    log("writing the baseline")
    write_baseline(project, baseline, catalog, site)
    runs: dict[str, list[tuple[float, float, float]]] = {"build": [], "baseline": []}
    for attempt in range(repeat):  # alternated, so a slow spell of the machine falls on both
        for label, folder in (("build", project), ("baseline", baseline)):
            log(f"building {label}" + (f" ({attempt + 1} of {repeat})" if repeat > 1 else ""))
            runs[label].append(timed_build(folder, work / f"site-{label}", work / f"{label}.log"))
    for label, measured in runs.items():
        row[f"{label}_runs_s"] = [round(wall, 2) for wall, _, _ in measured]
        row[f"{label}_s"], row[f"{label}_cpu_s"] = (statistics.median(m[i] for m in measured) for i in (0, 1))
        row[f"{label}_peak_mb"] = max(m[2] for m in measured)
    row["cpu_per_claim_ms"] = row["build_cpu_s"] / row["claims"] * 1000
    # the median of each build over the baseline built right after it: the machine's speed drifts
    row["ratio"], row["cpu_ratio"] = (statistics.median(b[i] / a[i] for b, a in zip(runs["build"], runs["baseline"], strict=True))
                                      for i in (0, 1))
    built = files_of(work / "site-build")
    cards = sorted(size for path, size in built.items() if path.startswith("assets/cards/") and path.endswith(".png"))
    api = {path: size for path, size in built.items() if path.startswith("api/")}
    row.update(claim_html=built[f"{row['sample']}index.html"], site_bytes=sum(built.values()), pages=sum(p.endswith(".html") for p in built),
               api_largest=max(api.values(), default=0), api_largest_file=max(api, key=api.get, default=None),
               card_median=statistics.median(cards), card_max=max(cards), card_count=len(cards), card_ms=statistics.median(card_s) * 1000,
               baseline_claim_html=(work / "site-baseline" / row["sample"] / "index.html").stat().st_size,
               catalog_gzip=len(gzip.compress((work / "site-build" / "claims" / "index.html").read_bytes())),
               sitemap_urls=sum(p.read_text(encoding="utf-8").count("<loc>") for p in (work / "site-build").glob("sitemap*.xml")))
    if not no_browser:
        log("measuring in Chromium")
        done = subprocess.run([sys.executable, "-m", "tools.page_weight", str(work / "site-build"), "--claim", row["sample"],
                               "--baseline", str(work / "site-baseline"), "--query", QUERY],
                              env=ENV, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(f"{name}: tools.page_weight failed:\n{done.stderr[-3000:]}")
        weight = row["browser"] = json.loads(done.stdout)
        row.update(first_visit=weight["first_visit"]["bytes"], baseline_first_visit=weight["baseline_first_visit"]["bytes"],
                   search_bytes=weight["search"]["bytes"], search_index_bytes=weight["search"]["index_bytes"],
                   search_ms=weight["search"]["ms"], old_bytes=weight["old_index"]["bytes"], old_ms=weight["old_index"]["ms"])


ROWS = (  # (label, key, format); {pool} is the pool's size
    ("claims", "claims", "{:,}"),
    ("sources", "sources", "{:,}"),
    ("HTML pages built", "pages", "{:,}"),
    ("validation, one process, wall (s)", "validate_one_s", "{:.2f}"),
    ("validation, worker pool of {pool}, wall (s)", "validate_pool_s", "{:.2f}"),
    ("build, wall (s)", "build_s", "{:.1f}"),
    ("build, CPU (s)", "build_cpu_s", "{:.1f}"),
    ("build CPU per claim (ms)", "cpu_per_claim_ms", "{:.1f}"),
    ("build peak memory (MB)", "build_peak_mb", "{:,.0f}"),
    ("baseline build, wall (s)", "baseline_s", "{:.1f}"),
    ("baseline build, CPU (s)", "baseline_cpu_s", "{:.1f}"),
    ("build / baseline, wall", "ratio", "{:.2f}x"),
    ("build / baseline, CPU", "cpu_ratio", "{:.2f}x"),
    ("claim page HTML (KB)", "claim_html", "kb"),
    ("first visit of a claim page, gzip (KB)", "first_visit", "kb"),
    ("catalog page (claims/index.html), gzip (KB)", "catalog_gzip", "kb"),
    ("search bytes per query, gzip (KB)", "search_bytes", "kb"),
    ("  of which index pieces and result records (KB)", "search_index_bytes", "kb"),
    ("search time to first result (ms)", "search_ms", "{:,.0f}"),
    ("old index: search_index.json + worker, gzip (KB)", "old_bytes", "kb"),
    ("old index time to first result (ms)", "old_ms", "{:,.0f}"),
    ("baseline first visit of a claim page, gzip (KB)", "baseline_first_visit", "kb"),
    ("share cards, median (KB)", "card_median", "kb"),
    ("share cards, max (KB)", "card_max", "kb"),
    ("share card draw, median (ms)", "card_ms", "{:.1f}"),
    ("total site size (MB)", "site_bytes", "mb"),
    ("largest file under api/ (MB)", "api_largest", "mb"),
    ("URLs in the sitemap", "sitemap_urls", "{:,}"),
)


def cell(row: dict, key: str, fmt: str) -> str:
    value = row.get(key)
    if value is None:
        return "-"
    return f"{value / KB:,.1f}" if fmt == "kb" else f"{value / MB:,.2f}" if fmt == "mb" else fmt.format(value)


def markdown_table(header: list[str], lines: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    out = ["| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True))) + " |"
           for line in [header, *lines]]
    out.insert(1, "|" + "|".join(("-" * (w + 2)) for w in widths) + "|")
    return "\n".join(out)


def table(rows: list[dict]) -> str:
    header = ["measurement", *(r["name"] for r in rows)]
    return markdown_table(header, [[label.format(pool=POOL), *(cell(r, key, fmt) for r in rows)] for label, key, fmt in ROWS])


def ratio_table(real: dict, rows: list[dict]) -> str:
    lines = [[name, f"{real[name]:,.4g}", *(f"{r['ratios'][name]:,.4g} ({r['ratios'][name] / real[name] - 1:+.1%})" if real[name] else
                                              f"{r['ratios'][name]:,.4g}" for r in rows)] for name in synthetic.RATIOS]
    return markdown_table(["ratio", "real catalog", *(f"synthetic {r['name']}" for r in rows)], lines)


# (description, key, size: "real", a claim count, or "all" for every catalog measured, limit, unit, compared with this size)
TARGETS = (
    ("build <= 1.10x the plain MkDocs + Material baseline at 1,000 claims (wall)", "ratio", "1,000", 1.10, "x", None),
    ("build CPU per claim at 10,000 <= 1.2x its value at 1,000", "cpu_per_claim_ms", "10,000", 1.2, "x", "1,000"),
    ("claim page HTML at 10,000 <= 1.1x its size at 100", "claim_html", "10,000", 1.1, "x", "100"),
    ("validating 10,000 claims <= 5 s (wall, as read_catalog chooses)", "validate_auto_s", "10,000", 5, "s", None),
    ("first visit of a claim page <= 75 KB gzip (largest of all catalogs)", "first_visit", "all", 75 * KB, "KB", None),
    ("catalog page <= 150 KB gzip at 1,000", "catalog_gzip", "1,000", 150 * KB, "KB", None),
    ("search bytes per query <= 150 KB at 1,000", "search_bytes", "1,000", 150 * KB, "KB", None),
    ("search bytes per query <= 300 KB at 10,000", "search_bytes", "10,000", 300 * KB, "KB", None),
    ("search bytes per query <= 100 KB on the real catalog", "search_bytes", REAL, 100 * KB, "KB", None),
    ("share cards <= 25 KB median (largest median of all catalogs)", "card_median", "all", 25 * KB, "KB", None),
    ("share cards <= 45 KB max (all catalogs)", "card_max", "all", 45 * KB, "KB", None),
    ("10,000-claim site < 500 MB", "site_bytes", "10,000", 500 * MB, "MB", None),
    ("no file under api/ over 5 MB at 10,000", "api_largest", "10,000", 5 * MB, "MB", None),
)


def evaluate(rows: list[dict]) -> list[dict]:
    by_name = {r["name"]: r for r in rows}  # a catalog whose run failed part-way counts with what it measured
    out = []
    for text, key, size, limit, unit, versus in TARGETS:
        rows_here = list(by_name.values()) if size == "all" else [by_name[size]] if size in by_name else []
        values = [r[key] for r in rows_here if r.get(key) is not None]
        base = by_name.get(versus, {}).get(key) if versus else 1
        if not values or not base:
            out.append({"target": text, "status": "SKIP", "measured": None, "limit": limit})
            continue
        measured = max(values) / base
        strict = key == "site_bytes"  # "under 500 MB"; the others are "at most"
        passed = measured < limit if strict else measured <= limit
        shown = {"x": f"{measured:.2f}x", "s": f"{measured:.2f} s", "KB": f"{measured / KB:,.1f} KB", "MB": f"{measured / MB:,.2f} MB"}[unit]
        out.append({"target": text, "status": "PASS" if passed else "FAIL", "measured": measured, "shown": shown, "limit": limit})
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="claim counts, comma-separated (default 100,1000,10000)")
    parser.add_argument("--json", metavar="FILE", help="also write every measurement as JSON")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the projects, sites and logs")
    parser.add_argument("--no-real", action="store_true", help="leave out the real catalog")
    parser.add_argument("--no-browser", action="store_true", help="leave out the Chromium measurements")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="build each catalog and its baseline N times, alternately, and take the medians (default 1)")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-build-")).resolve()
    if args.keep and work.exists() and any(work.iterdir()):
        parser.error(f"--keep {work} must be empty or new")
    real = read_catalog(ROOT)
    if real.catalog is None:
        print(f"the real catalog does not validate ({len(real.diagnostics)} problems); run `make validate`", file=sys.stderr)
        return 2
    rows = []
    try:
        for name, claims in ([] if args.no_real else [(REAL, None)]) + [(f"{n:,}", n) for n in sizes]:
            def log(message, name=name):
                print(f"[{name}] {message}", file=sys.stderr, flush=True)
            row = {"name": name, "error": None}
            rows.append(row)
            try:
                bench(row, claims, work / name.replace(",", ""), args.no_browser, log, args.repeat)
            except (RuntimeError, ValueError, OSError, subprocess.SubprocessError, json.JSONDecodeError) as error:
                row["error"] = str(error)
            if not args.keep:
                shutil.rmtree(work / name.replace(",", ""), ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for row in rows:
        if row.get("validate_auto_workers") is not None:
            row["validate_auto_s"] = row["validate_one_s" if row["validate_auto_workers"] <= 1 else "validate_pool_s"]
    for note in dict.fromkeys(r["note"] for r in rows if r.get("note")):
        print(f"NOTE: {note}.\n")
    print(f"Build benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; the worker pool is forced to {POOL} processes "
          f"(read_catalog uses it on its own from {2 * ITEMS_PER_WORKER:,} files). Times are wall clock unless marked CPU;\n"
          f"each build and its baseline ran {args.repeat} time(s), alternately, and the medians are shown; "
          f"build CPU includes the search indexing; bytes are gzip level 6 as tools/static_server.py sends them; the query is {QUERY!r}.\n")
    print("Ratios of the synthetic catalogs beside the real catalog's (tools/synthetic.py copies the real records' shapes):\n")
    print(ratio_table(synthetic.ratios(real.catalog), [r for r in rows if r["name"] != REAL and "ratios" in r]))
    print()
    print(table(rows))
    print()
    checks = evaluate(rows)
    width = max(len(c["target"]) for c in checks)
    for c in checks:
        print(f"{c['status']:4}  {c['target'].ljust(width)}  {'measured ' + c['shown'] if c['status'] != 'SKIP' else 'not measured'}")
    for row in rows:
        if row.get("error"):
            print(f"\nERROR ({row['name']}): {row['error']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"real_ratios": synthetic.ratios(real.catalog), "pool": POOL, "query": QUERY,
                                               "rows": rows, "targets": checks}, indent=1, default=str), encoding="utf-8")
    if any(r.get("error") for r in rows):
        return 2
    return 1 if args.enforce and any(c["status"] == "FAIL" for c in checks) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
