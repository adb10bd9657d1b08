"""Documentation generated from the code: field tables, check codes, verdicts, the open data files.

Hand-written pages ask for these with a marker such as <!-- catalog:check-codes -->, so the
docs can never drift from the rules the checker applies.
"""

from __future__ import annotations

import html
import posixpath
import re

from . import export, listings, render, search_index
from .contract import CLAIM_FIELDS, QUEUE_FIELDS, SOURCE_FIELDS, SOURCE_KINDS, TOPIC_FIELDS, Field
from .diagnostics import CODES
from .listings import verdict_scale
from .render import badge_templates, claim_list, inline, most_repeated
from .safety import LINK_TARGETS, scheme
from .shapes import COLLECTIONS, SHAPES
from .site import DATA_FILES, has_own_page, source_uri

MOST_REPEATED = 8  # claims listed on the home page

SHAPE_NAMES = {**{name: shape.doc for name, shape in SHAPES.items()}, **COLLECTIONS}


def field_rows(fields: tuple[Field, ...], prefix: str = "") -> list[str]:
    rows = []
    for f in fields:
        shape = f"list of {SHAPE_NAMES[f.item.shape]}" if f.shape == "list" else SHAPE_NAMES[f.shape]
        limit = f" (at most {f.max_length} characters)" if f.max_length else ""
        rows.append(f"| `{prefix}{f.name}` | {'required' if f.required else 'optional'} | {inline(shape)} | {inline(f.help)}{limit} |")
        nested = f.item.fields if f.shape == "list" and f.item.shape == "record" else f.fields
        rows.extend(field_rows(nested, f"{prefix}{f.name}[].") if f.shape == "list" else field_rows(nested, f"{prefix}{f.name}."))
    return rows


def field_table(fields: tuple[Field, ...]) -> str:
    return "\n".join(["| Field | Required | Value | Meaning |", "| --- | --- | --- | --- |", *field_rows(fields)]) + "\n"


def check_code_table() -> str:
    rows = [f"| <span id=\"{c.code.lower()}\"></span>`{c.code}` | {inline(c.summary)} | {inline(c.fix)} |" for c in CODES]
    return "\n".join(["| Code | Problem | How to fix it |", "| --- | --- | --- |", *rows]) + "\n"


def source_kind_table() -> str:
    rows = [f"| `{k.slug}` | {k.label} | {'primary' if k.primary else 'secondary'} | {inline(k.definition)} |" for k in SOURCE_KINDS]
    return "\n".join(["| Kind | Name | Counts as | Meaning |", "| --- | --- | --- | --- |", *rows]) + "\n"


def home_topics(catalog) -> str:
    """The topic list on the home page (links are relative to the site root)."""
    return "\n".join(f"- **[{inline(t.title)}](topics/{t.id}.md)** ({len(t.claims)} claims): {inline(t.summary)}"
                     for t in catalog.topics) + "\n"


def data_files_table() -> str:
    """The published data files; links are relative to a page at the site root."""
    api = export.API
    parts = (f"`count` is the number of records; past {export.INDEX_PART:,} the list goes on in the files named in "
             "`parts` (the same folder), each with the same fields.")
    rows = [
        (f"[{api}/claims.json]({api}/claims.json)", "JSON",
         "Every claim, with " + ", ".join(f"`{f}`" for f in export.CLAIM_INDEX) + "; `page` and `data` give the address of "
         f"a claim's page and of its own file once, with `{{id}}` to fill in. {parts}"),
        (f"`{api}/claims/<id>.json`", "JSON", "One claim with every field in the first table below."),
        (f"[{api}/sources.json]({api}/sources.json)", "JSON",
         "Every source, with " + ", ".join(f"`{f}`" for f in export.SOURCE_INDEX) + "; `page` and `data` give the address of "
         f"a source's address and of its own file once, with `{{id}}` to fill in (a source that one claim cites has no page "
         f"of its own: its address leads to its entry in that claim's evidence). {parts}"),
        (f"`{api}/sources/<id>.json`", "JSON", "One source with every field in the second table below."),
        (f"`{api}/dump/claims-001.json.gz`, …", "JSON, gzip",
         f"Every claim with every field, {export.DUMP_CHUNK} to a file; the same for sources (`sources-001.json.gz`, …)."),
        (f"[{api}/claims.csv]({api}/claims.csv)", "CSV", "One row per claim, for spreadsheets: "
         + ", ".join(f"`{c}`" for c in export.CSV_LIST_COLUMNS) + " (tags separated by spaces)."),
        (f"`{api}/dump/claims-001.csv.gz`, …", "CSV, gzip",
         f"The same rows with every column ({', '.join(f'`{c}`' for c in export.CSV_COLUMNS if c not in export.CSV_LIST_COLUMNS)} "
         f"added), {export.DUMP_CHUNK} to a file."),
        ("[feed.xml](feed.xml)", "Atom", f"The {export.FEED_ENTRIES} most recently reviewed or changed claims, newest first."),
        ("[corrections.xml](corrections.xml)", "Atom", "Every correction and verdict change, newest first: the "
         "[corrections log](corrections.md#log) as a feed."),
        ("`api/v1/oembed/<id>.json`", "oEmbed",
         "For forums and blogs: a small card of the claim, its verdict and the fact (`/embed/<id>/`), found through "
         "the `application/json+oembed` link in each claim page's head."),
    ]
    table = "\n".join(["| File | Format | What it holds |", "| --- | --- | --- |",
                       *(f"| {name} | {kind} | {what} |" for name, kind, what in rows)]) + "\n"
    missing = [path for path in DATA_FILES if f"]({path})" not in table]
    if missing:
        raise ValueError(f"the open data page does not describe {missing}")
    return table


def api_field_table(kind: str) -> str:
    rows = [f"| `{name}` | {kind_of_value} | {inline(meaning)} |" for name, kind_of_value, meaning in export.API_FIELDS[kind]]
    return "\n".join(["| Field | Type | Meaning |", "| --- | --- | --- |", *rows]) + "\n"


MARKER = re.compile(r"<!--\s*catalog:([a-z-]+)\s*-->")
MARKER_SCRIPTS = {"code-decoder": ("assets/code-tables.js", "assets/decoder.js"),  # scripts a marker's block needs
                  "search": ("assets/search.js",)}

# The code decoder's form, hidden until docs/assets/decoder.js wires it up (the worked example on
# the codes page shows what it does without JavaScript). The text input has no name, so even a
# form submitted without the script sends nothing.
DECODER_EXAMPLES = (("914403001922038216", "Huawei's code"), ("91350100M0001TGQXM", "An early Fujian pilot code"),
                    ("110101199001011237", "A made-up ID number"))
DECODER = (
    '<div class="code-decoder">'
    '<form id="code-decoder-form" class="code-decoder__form" hidden novalidate>'
    '<p><label for="code-decoder-input">Code to take apart</label><br>'
    '<input id="code-decoder-input" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" '
    'maxlength="100" aria-describedby="code-decoder-help"></p>'
    '<p id="code-decoder-help" class="code-decoder__help">A Unified Social Credit Code or a resident ID number: 18 '
    'characters. Spaces, dashes, lower-case letters and full-width characters are tidied up for you, and the result '
    'says when that happened.</p>'
    '<fieldset class="code-decoder__kinds"><legend>Read it as</legend>'
    + "".join(f'<label><input type="radio" name="code-decoder-kind" value="{value}"{checked}> {label}</label> '
              for value, label, checked in (("auto", "Work it out", " checked"), ("uscc", "Social credit code (organisation)", ""),
                                            ("id", "Resident ID number (person)", "")))
    + '</fieldset><p><button type="submit" class="md-button md-button--primary">Explain this code</button></p>'
    '<p>Or try an example: '
    + " ".join(f'<button type="button" class="md-button" data-example="{code}">{label}</button>' for code, label in DECODER_EXAMPLES)
    + '</p></form>'
    '<div id="code-decoder-results" class="code-decoder__results" aria-live="polite"></div>'
    '<noscript><p>The interactive decoder needs JavaScript. The worked example below shows what it does.</p></noscript>'
    '<p class="code-decoder__privacy"><strong>Privacy:</strong> the decoder runs entirely in your browser. Nothing you '
    "type is sent anywhere or stored, neither by us nor in your browser. Its examples use a made-up ID number, never a "
    "real person's.</p></div>\n"
)


def finish_page(markdown: str, entry, catalog, site, page: str) -> tuple[str, list[str]]:
    """A page's Markdown as published, and the scripts it needs: a topic's claims right after its
    title, glossary terms explained on hover (claims and topics), markers filled. entry is the
    page's SiteFile from the manifest, or None for a hand-written page it says nothing about."""
    scripts = list(entry.scripts) if entry is not None else []
    if entry is not None:
        markdown = render.after_title(markdown, entry.after_title) + (f"\n\n{entry.closing}" if entry.closing else "")
    if catalog is not None and page.startswith(("claims/", "topics/")):
        markdown += "\n" + render.abbreviations(catalog, markdown)
    markdown = fill_markers(markdown, catalog, site, scripts, page)
    return (retarget_source_links(markdown, page, catalog) if catalog is not None else markdown), scripts


def retarget_source_links(markdown: str, page: str, catalog) -> str:
    """Links to the page of a source that has none (catalog/site.py: has_own_page) lead to its entry
    in the evidence of the one claim that cites it; on that claim's own page, to the entry below."""
    folder = posixpath.dirname(page)

    def retarget(match: re.Match) -> str:
        path, _, _ = match.group(2).partition("#")
        resolved = posixpath.normpath(posixpath.join(folder, path)) if path.endswith(".md") and not scheme(path) else ""
        source = catalog.sources_by_id.get(resolved[len("sources/"):-3]) if resolved.startswith("sources/") else None
        if source is None or has_own_page(source):
            return match.group(0)
        target_page, _, anchor = source_uri(source).partition("#")
        relative = "" if target_page == page else posixpath.relpath(target_page, folder or ".")
        return f"{match.group(1)}{relative}#{anchor}"

    for pattern in LINK_TARGETS:
        markdown = pattern.sub(retarget, markdown)
    return markdown


def nav_with_topics(nav: list | None, catalog) -> list | None:
    """mkdocs.yml's nav with its Topics section listing every topic page, in the topics' order."""
    for section in nav or []:
        if isinstance(section, dict) and "Topics" in section:
            section["Topics"] = [f"topics/{topic.id}.md" for topic in catalog.topics]
    return nav


def fill_markers(markdown: str, catalog, site, scripts: list[str], page: str) -> str:
    """Replace each <!-- catalog:name --> marker with its block, and note the scripts they need."""
    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in MARKERS:
            raise ValueError(f"docs/{page}: unknown marker catalog:{name}; the markers are {', '.join(MARKERS)}")
        scripts.extend(script for script in MARKER_SCRIPTS.get(name, ()) if script not in scripts)
        return MARKERS[name](catalog, site) if catalog is not None else "*(Not shown: the catalog has errors.)*"
    return MARKER.sub(fill, markdown)


def search_box(site, action: str = "", autofocus: bool = False) -> str:
    """The search form: on the search page it searches as you type (assets/search.js); elsewhere
    it sends the words there. Without JavaScript the search page links to the list of claims."""
    results = ('<div class="search-results" data-search-results aria-live="polite"></div>'
               + badge_templates() +
               '<noscript><p>Search needs JavaScript. Without it, <a href="../claims/">browse all claims</a> '
               'by topic, or use your browser\'s find in page there.</p></noscript>') if not action else ""
    stopwords = f'data-stopwords="{" ".join(sorted(search_index.STOPWORDS))}" ' if not action else ""
    return (f'<form class="search-form" action="{action}" method="get" role="search" aria-label="Search the claims" '
            f'data-search-form data-index="../search-index/" {stopwords}data-catalog="../claims/" '
            f'data-suggest="{html.escape(site.suggest_url(), quote=True)}">'
            '<label for="search-query">What did you hear?</label> '
            f'<input id="search-query" name="q" type="search" autocomplete="off" spellcheck="false" '
            f'placeholder="Paste what you heard, e.g. jaywalking lowers your score"{" autofocus" if autofocus else ""}> '
            '<button type="submit" class="md-button md-button--primary">Search</button></form>' + results + "\n")


MARKERS = {
    "search": lambda catalog, site: search_box(site),
    "home-search": lambda catalog, site: search_box(site, action="search/"),
    "home-topics": lambda catalog, site: home_topics(catalog),
    "corrections-log": lambda catalog, site: listings.corrections_log(catalog),
    "most-repeated": lambda catalog, site: claim_list(most_repeated(catalog.claims)[:MOST_REPEATED], ""),
    "verdict-scale": lambda catalog, site: verdict_scale(),
    "check-codes": lambda catalog, site: check_code_table(),
    "claim-fields": lambda catalog, site: field_table(CLAIM_FIELDS),
    "source-fields": lambda catalog, site: field_table(SOURCE_FIELDS),
    "topic-fields": lambda catalog, site: field_table(TOPIC_FIELDS),
    "queue-fields": lambda catalog, site: field_table(QUEUE_FIELDS),
    "source-kinds": lambda catalog, site: source_kind_table(),
    "code-decoder": lambda catalog, site: DECODER,
    "data-files": lambda catalog, site: data_files_table(),
    "claim-api-fields": lambda catalog, site: api_field_table("claims"),
    "source-api-fields": lambda catalog, site: api_field_table("sources"),
}
