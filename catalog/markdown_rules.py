"""The rules for Markdown that contributors write: claim explanations, topic pages, other pages.

markdown_problems() finds everything the site will not publish, with its place in the text:
raw HTML (HTML comments only where a page may hold markers), attribute lists, links that are not
http(s) or pages of this site, reference-style link and abbreviation definitions (they apply to
a whole page and hide from review), headings above the level the text may use, images from
other sites, and invisible direction controls. checks.py turns each into a located diagnostic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .safety import (
    ABBREVIATION_DEFINITION,
    ATTRIBUTE_LIST,
    BIDI_CONTROLS,
    HEADING,
    HTML_TAG,
    IMAGE,
    REFERENCE_DEFINITION,
    SETEXT,
    is_unsafe_link,
    link_targets,
    scheme,
    url_problem,
)

HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
HEADING_ID = re.compile(r"^([ \t]{0,3}#{1,6}[ \t].*?)(\{#[A-Za-z0-9_-]+\})[ \t]*$", re.MULTILINE)  # a stable anchor


def _blank(match: re.Match) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in match.group(0))


def without_code(text: str) -> str:
    """text with code spans and fenced code blocks blanked out (same length, same lines): what
    they hold is shown as code, never read as HTML or links."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
            lines.append(" " * len(line))
        else:
            lines.append(" " * len(line) if fenced else line)
    return CODE_SPAN.sub(_blank, "\n".join(lines))


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based line of the text
    column: int  # 1-based column in that line
    code: str
    message: str


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def markdown_problems(text: str, label: str, lowest_heading: int = 3, comments: bool = False) -> list[Problem]:
    """Every rule text breaks, in order. lowest_heading is the biggest heading allowed (3 = ###);
    comments=True lets HTML comments through (hand-written pages hold <!-- catalog:... --> markers)."""
    problems: list[Problem] = []

    def add(offset: int, code: str, message: str) -> None:
        problems.append(Problem(*_position(text, offset), code, message))

    scanned = HEADING_ID.sub(lambda m: m.group(1) + " " * len(m.group(2)), without_code(text))
    if comments:
        scanned = HTML_COMMENT.sub(_blank, scanned)
    for match in HTML_TAG.finditer(scanned):
        add(match.start(), "SC107", f"'{label}' contains an HTML tag ({match.group(0)!r}); use Markdown instead")
    for match in ATTRIBUTE_LIST.finditer(scanned):
        add(match.start(), "SC107", f"'{label}' contains an attribute list ({match.group(0)!r}); remove the braces")
    for pattern, what in ((REFERENCE_DEFINITION, "a reference-style link definition"),
                          (ABBREVIATION_DEFINITION, "an abbreviation definition")):
        for match in pattern.finditer(scanned):
            bracket = match.group(0).index("[") - (pattern is ABBREVIATION_DEFINITION)
            add(match.start() + bracket, "SC116", f"'{label}' contains {what} ({match.group(0).strip()!r}); "
                                          "write links inline as [text](address), and leave glossary terms to the glossary")
    for target in dict.fromkeys(link_targets(scanned)):
        offset = scanned.index(target) if target else 0
        if is_unsafe_link(target):
            add(offset, "SC108", f"'{label}' links to a {scheme(target)}: address; links must be http(s) addresses or pages of this site")
        elif scheme(target) in ("http", "https") and url_problem(target):
            add(offset, "SC108", f"'{label}' links to {target[:60]!r}, which is not a usable address: {url_problem(target)}")
    for match in IMAGE.finditer(scanned):
        target = match.group(1)
        if scheme(target) or target.startswith("//"):
            add(match.start(), "SC118", f"'{label}' shows an image from another site ({target[:60]!r}); only images stored in this repository may be shown")
    _heading_problems(scanned, label, lowest_heading, add)
    for match in BIDI_CONTROLS.finditer(text):
        add(match.start(), "SC119", f"'{label}' contains the invisible direction control U+{ord(match.group(0)):04X}; delete it")
    return sorted(problems, key=lambda p: (p.line, p.column, p.code))


def _heading_problems(text: str, label: str, lowest: int, add) -> None:
    fenced = False
    offset = 0
    previous = ""
    for line in text.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            heading = HEADING.match(line)
            if heading and len(heading.group(1)) < lowest:
                add(offset, "SC117", f"'{label}' has a level-{len(heading.group(1))} heading; start headings at {'#' * lowest}")
            elif SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("-", "*", "+")) and lowest > 1:
                add(offset, "SC117", f"'{label}' underlines a line with {line.strip()[:3]!r}, which makes it a heading; "
                                     f"use {'#' * lowest} for headings, or delete the underline")
        previous = line
        offset += len(line) + 1


def text_problems(text: str, label: str) -> list[Problem]:
    """The rules for plain text fields: no HTML, no attribute lists, no direction controls."""
    problems = []
    tag, attributes = HTML_TAG.search(text), ATTRIBUTE_LIST.search(text)
    if tag:
        problems.append(Problem(*_position(text, tag.start()), "SC107", f"'{label}' contains an HTML tag ({tag.group(0)!r}); use plain text"))
    elif attributes:
        problems.append(Problem(*_position(text, attributes.start()), "SC107", f"'{label}' contains an attribute list ({attributes.group(0)!r}); remove the braces"))
    for match in BIDI_CONTROLS.finditer(text):
        problems.append(Problem(*_position(text, match.start()), "SC119", f"'{label}' contains the invisible direction control U+{ord(match.group(0)):04X}; delete it"))
    return problems
