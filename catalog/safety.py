"""What counts as unsafe in contributor text: HTML tags, attribute lists and non-http(s) links.

checks.py rejects such text with a located error; render.py disarms it again before MkDocs sees
it, so that no script from content can reach a page even if a check were bypassed.
"""

from __future__ import annotations

import html
import re

HTML_TAG = re.compile(r"<\s*[A-Za-z!/?][^\s>]*")
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]|\{\s*[A-Za-z_-]+\s*=")
LINK_TARGETS = (
    re.compile(r"(\]\(\s*<?)([^)>\s]*)"),  # [text](target) and ![alt](target)
    re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+)", re.MULTILINE),  # [label]: target
)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https")


def link_targets(text: str) -> list[str]:
    return [m.group(2) for pattern in LINK_TARGETS for m in pattern.finditer(text)]


def scheme(target: str) -> str | None:
    """The scheme a browser would see, after Markdown escapes and HTML entities are undone."""
    decoded = html.unescape(target.replace("\\", ""))
    decoded = "".join(ch for ch in decoded if ord(ch) > 0x20)
    match = SCHEME.match(decoded)
    return match.group(1).lower() if match else None


def is_unsafe_link(target: str) -> bool:
    found = scheme(target)
    return found is not None and found not in SAFE_SCHEMES


def disarm_links(text: str) -> str:
    """Point every link with an unsafe scheme at nothing ('#')."""
    for pattern in LINK_TARGETS:
        text = pattern.sub(lambda m: m.group(1) + ("#" if is_unsafe_link(m.group(2)) else m.group(2)), text)
    return text
