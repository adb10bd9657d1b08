"""Links between pages of the site, checked before the build (code SC213).

A strict MkDocs build stops on a link to a page or anchor that does not exist, but it names the
generated page, not the YAML line the link came from. So the validator resolves every relative
link in claim explanations, topic pages and hand-written pages first, against the pages and
anchors the site will have, and reports the exact line.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from pymdownx.slugs import slugify

from .markdown_rules import Problem, without_code
from .safety import LINK_TARGETS, scheme
from .site import DATA_FILES, source_anchor

CLAIM_ANCHORS = {"claim", "fact", "short-answer", "explanation", "bottom-line", "evidence", "circulated", "dates", "related"}
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\{#([A-Za-z0-9_:-]+)[^}]*\}|\bid=\"([^\"]+)\"")
INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]")
_slug = slugify(case="lower")


def heading_anchors(markdown: str) -> set[str]:
    """The ids MkDocs gives the headings of a Markdown text: explicit {#id}, else the slug."""
    anchors = {m.group(1) or m.group(2) for m in EXPLICIT_ID.finditer(markdown)}
    for match in HEADING.finditer(without_code(markdown)):
        text = match.group(1)
        if not EXPLICIT_ID.search(text):
            anchors.add(_slug(INLINE_MARKUP.sub(lambda m: m.group(1) or "", text).strip(), "-"))
    return anchors


def site_pages(catalog_values: dict, root: Path) -> dict[str, set[str]]:
    """Every page a link may point to (its path under docs/) with the anchors it will have.

    catalog_values: folder -> {id: values} of the checked records."""
    claims, sources = catalog_values["claims"], catalog_values["sources"]
    topics, glossary, queue = catalog_values["docs/topics"], catalog_values["glossary"], catalog_values["queue"]
    pages: dict[str, set[str]] = {}
    for claim_id, values in claims.items():
        cited = {source_anchor(c.get("source")) for c in values.get("citations") or [] if isinstance(c, dict)}
        pages[f"claims/{claim_id}.md"] = CLAIM_ANCHORS | cited | heading_anchors(values.get("explanation", ""))
    for source_id in sources:
        pages[f"sources/{source_id}.md"] = {"cited-by"}
    for topic_id in topics:
        pages[f"topics/{topic_id}.md"] = {"claims"} | heading_anchors(_body(root / "docs" / "topics" / f"{topic_id}.md"))
    pages["claims/index.md"] = {"all-claims"} | set(topics)
    pages["sources/index.md"] = {f"kind-{kind}" for kind in ("law", "court", "standard", "official-data", "translation",
                                                              "research", "journalism", "reference")}
    pages["topics/index.md"] = set()
    pages["timeline/index.md"] = {s for s, v in sources.items() if v.get("milestone")}
    pages["glossary/index.md"] = set(glossary)
    pages["queue/index.md"] = {"claims-heard"} | set(topics) | set(queue)
    for page in (root / "docs").glob("*.md"):
        pages[page.name] = heading_anchors(_body(page))
    pages.update((path, set()) for path in DATA_FILES)  # data files such as feed.xml may be linked too
    return pages


def _body(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def link_problems(markdown: str, page: str, pages: dict[str, set[str]], label: str) -> list[Problem]:
    """Every relative link of a page's Markdown that leads nowhere; page is its path under docs/."""
    text = without_code(markdown)
    problems = []
    for pattern in LINK_TARGETS:
        for match in pattern.finditer(text):
            target, offset = match.group(2), match.start(2)
            line, column = text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1) + 1
            if match.group(1).endswith("<"):  # raw HTML is disarmed, so <address> would publish as &lt;address
                problems.append(Problem(line, column, "SC213", f"'{label}' puts a link's address in angle brackets "
                                                                f"('<{target}'); write it plainly: [text](address)"))
                continue
            if not target or scheme(target) or target.startswith("//"):
                continue  # external addresses are checked by the url rules and the link checker
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
            if resolved not in pages:
                problems.append(Problem(line, column, "SC213", f"'{label}' links to {target!r}, which is not a page of this site "
                                                                f"(claims are ../claims/<id>.md, sources ../sources/<id>.md)"))
            elif anchor and anchor not in pages[resolved]:
                known = ", ".join(sorted(pages[resolved])[:12]) or "none"
                problems.append(Problem(line, column, "SC213", f"'{label}' links to the anchor #{anchor} of {resolved}, "
                                                                f"which has no such anchor (it has: {known})"))
    return problems
