"""Property-based tests: whatever bytes arrive, reading a catalog ends in located diagnostics.

Hypothesis mutates a valid claim file and also feeds random YAML-ish text. The loader and the
checks must never raise, and every diagnostic must carry a path, a line, a column and a known code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TODAY, VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.diagnostics import CODE_BY_ID
from catalog.loader import load_bytes
from catalog.pipeline import read_catalog

VALID_CLAIM = (VALID / "claims" / "sample-claim.yaml").read_bytes()
YAML_PIECES = st.sampled_from([
    ":", "-", " ", "\n", "  ", "[", "]", "{", "}", "&a", "*a", "!!int", "!x", "'", '"', "#", "---", "...",
    "?", "|", ">", "\t", "claim", "verdict", "true", "no", "2024-02-30", "<script>", "\x00", "é", "失信", "\ufeff",
])


def assert_located(diagnostics, path_prefix=""):
    for d in diagnostics:
        assert d.code in CODE_BY_ID
        assert d.line >= 1 and d.column >= 1
        assert d.path.startswith(path_prefix)
        assert str(d).startswith(f"{d.path}:{d.line}:{d.column}: {d.code} ")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    loaded = load_bytes("claims/x.yaml", data)
    assert_located(loaded.diagnostics, "claims/x.yaml")
    assert loaded.root is not None or loaded.diagnostics


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_random_yaml_text_never_raises(text):
    loaded = load_bytes("claims/x.yaml", text.encode("utf-8", "surrogatepass"))
    assert_located(loaded.diagnostics, "claims/x.yaml")


@st.composite
def mutated_claim(draw):
    data = bytearray(VALID_CLAIM)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        position = draw(st.integers(0, len(data)))
        if action == "delete" and position < len(data):
            del data[position: position + draw(st.integers(1, 20))]
        elif action == "insert":
            data[position:position] = draw(YAML_PIECES).encode("utf-8")
        elif position < len(data):
            data[position] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_claim())
def test_mutated_claim_in_a_catalog_ends_in_located_diagnostics_or_a_catalog(tmp_path, data):
    root = tmp_path / "catalog"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(VALID, root)
    (root / "claims" / "sample-claim.yaml").write_bytes(data)
    result = read_catalog(root, today=TODAY)
    assert_located(result.diagnostics)
    assert (result.catalog is None) == bool(result.diagnostics)


# Markdown and addresses: whatever a contributor writes, either the validator rejects it with a
# located code, or the page it makes carries no script, handler, foreign image or unsafe link.
MARKDOWN_PIECES = st.sampled_from([
    "[", "]", "(", ")", "<", ">", "!", "*", "_", "#", "##", "# ", "\n", "\n\n", "  ", "    ", "> ", "- ", "1. ",
    "===", "---", "{", "}", ":", ".", "#x", "=", '"', "'", "&", "&#58;", "&#x3c;", "javascript:", "data:", "JaVaScRiPt:",
    "https://example.org/", "http://", "//evil.example/", "../sources/sample-law.md", "onerror=", "onclick=",
    "<script>", "<img src=x", "<!--", "-->", "`", "```", "\u202e", "\t", "失信", "*[", "]:", "|",
])
URL_PIECES = st.sampled_from([
    "https://", "http://", "example.org", "a.example.com", "/", "path", ")", "(", "[", "]", "{", "}", "<", ">", '"',
    "'", " ", "#", "?q=", "&", "%", "javascript:", "@", ":", "99999", "\u202e", "例子", ".中国", "\\",
])


def unsafe_parts(html: str) -> list[str]:
    """Script elements, handlers, unsafe or foreign addresses in HTML, as a browser would read it."""
    from html.parser import HTMLParser

    found = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "iframe", "object", "embed", "style"):
                found.append(tag)
            for name, value in attrs:
                value = (value or "").strip().lower()
                if name.startswith("on") or name == "style":
                    found.append(f"{tag} {name}")
                if name in ("href", "src", "action") and value.startswith(("javascript", "data", "vbscript")):
                    found.append(f"{tag} {name}={value[:30]}")
                if tag == "img" and name == "src" and (":" in value.split("/")[0] or value.startswith("//")):
                    found.append(f"img src={value[:30]}")

    Reader().feed(html)
    return found


def rendered_body(catalog) -> str:
    import markdown

    from catalog import claim_pages, safety
    from catalog.site import Site

    claim = next(c for c in catalog.claims if c.id == "sample-claim")
    page = claim_pages.claim_page(claim, Site("https://example.org/", "Site", "https://github.com/o/r"))
    body = page.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["abbr", "attr_list", "md_in_html", "fenced_code", "admonition", "tables", "toc"])
    return safety.sanitize(html)


def read_with(tmp_path: Path, *replacements: tuple[str, str]):
    """The valid fixture with text in sample-claim.yaml replaced, read; its diagnostics must be located."""
    root = tmp_path / "catalog"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(VALID, root)
    path = root / "claims" / "sample-claim.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    result = read_catalog(root, today=TODAY)
    assert_located(result.diagnostics)
    return result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_random_markdown_in_an_explanation_is_rejected_or_safe(tmp_path, text):
    import json

    result = read_with(tmp_path, ("explanation: |\n", f"explanation: {json.dumps('Text. ' + text)}\nbottom_line: |\n"))
    if result.catalog is not None:
        assert unsafe_parts(rendered_body(result.catalog)) == [], text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(URL_PIECES, max_size=25).map("".join))
def test_random_addresses_are_rejected_or_published_safely(tmp_path, url):
    import json

    result = read_with(tmp_path, ("    url: https://example.org/story", f"    url: {json.dumps(url)}"))
    if result.catalog is not None:
        html = rendered_body(result.catalog)
        assert unsafe_parts(html) == [], url
        for href in __import__("re").findall(r'href="([^"]*)"', html):
            assert not any(ch in href for ch in ' <>"()[]{}'), href
