"""Write every file that is generated from the data contract, or check that the committed copies are current.

Usage: python scripts/generate.py [--check]      (or: make generate)

Writes schemas/*.schema.json (for editors), the annotated templates templates/claim.yaml and
templates/source.yaml, the template blocks inside docs/contributing.md, and CONTRIBUTING.md,
which is docs/contributing.md with the generated tables filled in and its links pointed at the
site. With --check it writes nothing and exits 1 when any of those files is stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from pathlib import Path

from .contract import CLAIM_FIELDS, QUEUE_FIELDS, SOURCE_FIELDS, SOURCE_KINDS, VERDICTS, Field
from .docs import MARKERS, SHAPE_NAMES
from .project import ROOT, mkdocs_settings
from .schema import schemas

INCLUDE = re.compile(r"(<!-- include:(?P<path>[\w./-]+) -->\n)(?P<body>.*?)(<!-- end include -->)", re.DOTALL)
MARKER = re.compile(r"<!--\s*catalog:([a-z-]+)\s*-->")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n+", re.DOTALL)
DOCS_LINK = re.compile(r"\]\((?!https?:|#)(?P<page>[\w/-]+)\.md(?P<anchor>#[\w-]+)?\)")
HEADING_ATTRS = re.compile(r"^(#+ .*?)\s*\{#[\w-]+\}$", re.MULTILINE)
WIDTH = 100

TEMPLATE_HEADERS = {
    "claim": """\
# yaml-language-server: $schema=../schemas/claim.schema.json
# Template: generated from catalog/contract.py by `make generate`; do not edit it by hand.
# Template: `make new-claim` copies it to claims/<id>.yaml with the claim, topic and dates filled in.
# A claim checked on the site. The file name is the claim's permanent id and URL: lowercase
# kebab-case words naming the claim's subject, never its verdict.
# Fill in every empty field. Optional fields are commented out: delete the "# " to use one.
# Longer text: write `|` after the colon and indent the lines below it by two spaces.
# Then run `make validate`; it lists what is still missing. You may delete these comments.
""",
    "source": """\
# yaml-language-server: $schema=../schemas/source.schema.json
# Template: generated from catalog/contract.py by `make generate`; do not edit it by hand.
# Template: copy it to sources/<id>.yaml and delete the lines that start with "# Template:".
# A document that claims cite. Name the file <publisher>-<year>-<keyword>.yaml, e.g.
# state-council-2014-planning-outline.yaml; claims cite it by that name without .yaml.
# Fill in every empty field. Optional fields are commented out: delete the "# " to use one.
# Longer text: write `|` after the colon and indent the lines below it by two spaces.
# Then run `make validate`; it lists what is still missing. You may delete these comments.
""",
    "queue": """\
# yaml-language-server: $schema=../schemas/queue.schema.json
# Template: generated from catalog/contract.py by `make generate`; do not edit it by hand.
# Template: copy it to queue/<id>.yaml and delete the lines that start with "# Template:".
# A claim heard but not checked yet: it is listed on the site's "Claims we've heard" page with
# where it was said. Name the file like a claim (lowercase kebab-case words naming its subject);
# when the claim is checked, the file moves to claims/ under the same name.
# Fill in every empty field. Optional fields are commented out: delete the "# " to use one.
# Then run `make validate`; it lists what is still missing. You may delete these comments.
""",
}
TEMPLATE_FIELDS = {"claim": CLAIM_FIELDS, "source": SOURCE_FIELDS, "queue": QUEUE_FIELDS}


def wrapped(text: str, prefix: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=prefix, subsequent_indent=prefix, break_on_hyphens=False)


def value_text(f: Field) -> str:
    if f.shape == "list":
        return "a list; each item has the fields below" if f.item.shape == "record" else f"a list; each item a {SHAPE_NAMES[f.item.shape]}"
    if f.shape in ("verdict", "source-kind"):
        return "one of the values below"
    limit = f", at most {f.max_length} characters" if f.max_length else ""
    return f"{SHAPE_NAMES[f.shape]}{limit}"


def field_comment(f: Field, prefix: str = "# ") -> list[str]:
    """Comment lines saying whether a field is required, what it holds and, where fixed, its values."""
    lines = wrapped(f"{f.name} ({'required' if f.required else 'optional'}): {value_text(f)}.", prefix)
    inner = prefix + "  "
    lines += wrapped(f.help, inner)
    choices = [(v.slug, v.definition) for v in VERDICTS] if f.shape == "verdict" else \
        [(k.slug, f"{'Primary' if k.primary else 'Secondary'}: {k.definition}") for k in SOURCE_KINDS] if f.shape == "source-kind" else []
    for slug, definition in choices:
        lines += textwrap.wrap(definition, WIDTH, initial_indent=f"{inner}{slug:<15}",
                               subsequent_indent=f"{inner}{'':<15}", break_on_hyphens=False)
    if f.shape == "list" and f.item.shape == "record":
        lines += wrapped(f"Repeat the lines of an item, from '- {f.item.fields[0].name}:', for each further entry.", inner)
        for sub in f.item.fields:
            lines += field_comment(sub, inner)
    return lines


def field_body(f: Field) -> list[str]:
    """The field's key with an empty value; optional fields (and everything in them) commented out."""
    mark = "" if f.required else "# "
    lines = [f"{mark}{f.name}:"]
    if f.shape == "list" and f.item.shape != "record":
        lines.append(f"{mark}  -")
    elif f.shape == "list":
        for index, sub in enumerate(f.item.fields):
            sub_mark = "# " if mark or not sub.required else ""
            lines.append(f"{sub_mark}{'  - ' if index == 0 else '    '}{sub.name}:")
    return lines


def template(kind: str) -> str:
    out = [TEMPLATE_HEADERS[kind].rstrip("\n")]
    for f in TEMPLATE_FIELDS[kind]:
        out += ["", *field_comment(f), *field_body(f)]
    return "\n".join(out) + "\n"


def fenced(text: str) -> str:
    """A fenced YAML code block (the fenced_code extension); the page checks leave code alone."""
    return f"```yaml\n{text.rstrip()}\n```\n"


def fill_includes(page: str, files: dict[str, str]) -> str:
    """Replace the body of each <!-- include:PATH --> block in a page with the generated file."""
    def fill(match: re.Match) -> str:
        path = match.group("path")
        if path not in files:
            raise SystemExit(f"docs/contributing.md includes {path}, which is not generated; generated: {', '.join(files)}")
        return f"{match.group(1)}\n{fenced(files[path])}\n{match.group(4)}"
    return INCLUDE.sub(fill, page)


def contributing_md(page: str, site_url: str) -> str:
    """CONTRIBUTING.md: the site page with its tables filled in and its links pointed at the site."""
    def link(match: re.Match) -> str:
        page_path = match.group("page")
        url = site_url if page_path == "index" else f"{site_url}{page_path.removesuffix('/index')}/"
        return f"]({url}{match.group('anchor') or ''})"

    text = FRONT_MATTER.sub("", page)
    text = MARKER.sub(lambda m: MARKERS[m.group(1)](None, None).rstrip("\n"), text)
    text = INCLUDE.sub(lambda m: m.group("body"), text)
    text = HEADING_ATTRS.sub(r"\1", DOCS_LINK.sub(link, text))
    note = "<!-- Generated from docs/contributing.md by `make generate`: edit that file, not this one. -->\n\n"
    return note + text


def outputs(root: Path = ROOT) -> dict[str, str]:
    """Every generated file's path (relative to root) and its current content."""
    files = {f"schemas/{name}.schema.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
             for name, schema in schemas().items()}
    files.update({f"templates/{kind}.yaml": template(kind) for kind in TEMPLATE_FIELDS})
    page = fill_includes((root / "docs/contributing.md").read_text(encoding="utf-8"), files)
    files["docs/contributing.md"] = page
    site_url = mkdocs_settings(root)["site_url"].rstrip("/") + "/"
    files["CONTRIBUTING.md"] = contributing_md(page, site_url)
    return files


def stale(root: Path = ROOT) -> list[str]:
    stale_paths = []
    for path, content in outputs(root).items():
        target = root / path
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            stale_paths.append(path)
    return stale_paths


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a generated file is stale")
    args = parser.parse_args(argv)
    if args.check:
        paths = stale()
        for path in paths:
            print(f"{path} is out of date with catalog/contract.py or docs/contributing.md", file=sys.stderr)
        if paths:
            print("run `make generate` and commit the result", file=sys.stderr)
        return 1 if paths else 0
    for path, content in outputs().items():
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
