"""The build benchmark still works: at 100 claims it prints every row and measures a clean catalog.

CI runs the benchmark only at this size, to prove it runs; the timings are not checked here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT
from site_build import ENV

from catalog.pipeline import read_catalog

ROWS = [
    "sources", "pages built", "validation processes", "validation time, wall (s)",
    "validation time, CPU, all processes (s)", "build time, wall (s)",
    "build time, CPU (s)",
    "time per claim, CPU (ms)", "peak memory (MB)", "hook on_files, cold card cache (s)",
    "baseline build time, wall (s)", "baseline build time, CPU (s)", "baseline time per claim, CPU (ms)",
    "baseline peak memory (MB)", "build / baseline, wall", "build / baseline, CPU", "claim page HTML (KB)",
    "search index raw (KB)", "search index gzip (KB)", "first visit gzip, static (KB)",
    "first visit gzip, browser (KB)", "total site size (MB)",
]
OPTIONAL = {"first visit gzip, browser (KB)"}  # "-" when Chromium is not installed
TARGETS = 5
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_benchmark_runs_at_100_claims_and_measures_a_clean_catalog(tmp_path):
    keep, report = tmp_path / "bench", tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_build.py"), "--sizes", "100", "--keep", str(keep),
         "--json", str(report)],
        cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    cells = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table]
    assert cells[0] == ["claims", "100"]
    assert [row[0] for row in cells[1:]] == ROWS
    for label, value in cells[1:]:
        if label not in OPTIONAL:
            assert re.fullmatch(r"[\d,.]+x?", value), f"{label}: {value!r}"
    assert int(cells[1][1].replace(",", "")) >= 40  # sources: at least one block of 40

    verdicts = re.findall(r"^(PASS|FAIL|SKIP) ", result.stdout, re.MULTILINE)
    assert len(verdicts) == TARGETS
    measured = json.loads(report.read_text(encoding="utf-8"))
    assert measured["rows"][0]["diagnostics"] == []
    assert measured["rows"][0]["error"] is None

    # The catalog the benchmark built is valid and shaped like the real one.
    checked = read_catalog(keep / "claims-100" / "ours")
    assert checked.diagnostics == [], [str(d) for d in checked.diagnostics[:10]]
    claims = checked.catalog.claims
    assert len(claims) == 100
    for claim in claims:
        assert 250 <= len(claim.explanation.split()) <= 420, claim.id
        assert 2 <= len(claim.citations) <= 4, claim.id
        assert len(claim.tags) == 3, claim.id
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", claim.short_answer)) <= 4, claim.id
    assert sum(bool(CHINESE.search(c.explanation)) for c in claims) >= 50
    assert all(CHINESE.search(t.term) for t in checked.catalog.glossary)
    assert any(CHINESE.search(s.title_original or "") for s in checked.catalog.sources)
