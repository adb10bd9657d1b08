"""Request every source's url and archive_url and report the links that fail (make check-links).

Usage: python scripts/check_links.py [CATALOG_ROOT] [--timeout SECONDS] [--workers N]
It needs the network, so it runs only in the weekly link-check workflow, never in the build or
the tests (the tests point it at a local server). Each failure is printed like a validator
message, `sources/x.yaml:9:6: url https://... failed: HTTP 404`, and the script exits 1 when
any link failed. Redirects are followed; a link whose address has moved is reported as a note,
which does not fail the run.
"""

from __future__ import annotations

import argparse
import socket
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from catalog.loader import load_bytes
from catalog.pipeline import SOURCES_DIR
from catalog.project import ROOT

FIELDS = ("url", "archive_url")
USER_AGENT = "Mozilla/5.0 (compatible; social-credit-checked link checker)"


@dataclass(frozen=True)
class Link:
    path: str
    line: int
    column: int
    field: str
    url: str


@dataclass(frozen=True)
class Outcome:
    ok: bool
    detail: str  # why it failed, or where it was redirected ("" when it simply worked)


def find_links(root: Path) -> list[Link]:
    """Every url and archive_url written in sources/*.yaml, with its position."""
    links = []
    for path in sorted((root / SOURCES_DIR).glob("*.yaml")):
        relative = path.relative_to(root).as_posix()
        loaded = load_bytes(relative, path.read_bytes())
        if loaded.root is None:
            continue
        for name in FIELDS:
            entry = loaded.root.value.get(name)
            if entry is not None and entry.value.is_scalar and entry.value.value and entry.value.value.strip():
                links.append(Link(relative, entry.value.line, entry.value.column, name, entry.value.value.strip()))
    return links


def check(url: str, timeout: float) -> Outcome:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.build_opener().open(request, timeout=timeout) as response:
            final = response.geturl()
            return Outcome(True, "" if final == url else f"redirects to {final}")
    except urllib.error.HTTPError as error:
        moved = f" (after a redirect to {error.url})" if error.url and error.url != url else ""
        return Outcome(False, f"HTTP {error.code} {error.reason}{moved}")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return Outcome(False, f"no answer within {timeout:g} seconds")
        return Outcome(False, f"could not connect: {reason}")
    except TimeoutError:
        return Outcome(False, f"no answer within {timeout:g} seconds")
    except (OSError, ValueError) as error:  # e.g. a connection reset or an invalid address
        return Outcome(False, f"{type(error).__name__}: {error}")


def check_all(links: list[Link], timeout: float, workers: int) -> dict[str, Outcome]:
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(urls, pool.map(lambda url: check(url, timeout), urls), strict=True))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Request every source's url and archive_url and report failures.")
    parser.add_argument("root", nargs="?", type=Path, default=ROOT, help="the catalog folder (default: this repository)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each answer (default 30)")
    parser.add_argument("--workers", type=int, default=8, help="requests at the same time (default 8)")
    args = parser.parse_args(argv)
    links = find_links(args.root)
    outcomes = check_all(links, args.timeout, args.workers)
    failures = 0
    for link in links:
        outcome = outcomes[link.url]
        where = f"{link.path}:{link.line}:{link.column}: {link.field} {link.url}"
        if not outcome.ok:
            failures += 1
            print(f"{where} failed: {outcome.detail}")
        elif outcome.detail:
            print(f"{where} note: {outcome.detail}; consider citing the new address")
    print(f"{failures} of {len(links)} links failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
