"""The building blocks of every generated page: text made safe (inline, trusted_markdown), front
matter, verdict badges, meters and colours, claim lines (a claim always beside its verdict) and
the most repeated claims. The pages themselves are in claim_pages.py and listings.py.

Nothing here touches MkDocs or the file system. Links between generated pages are written as
relative .md paths so that MkDocs checks them in a strict build. Text from contributors is never
trusted as HTML: plain fields are escaped, Markdown fields have '<' and attribute braces escaped.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import material

from .contract import SCALE, VERDICTS, Verdict
from .diagnostics import summary_line
from .models import Catalog, Claim
from .safety import BIDI_CONTROLS, disarm_definitions, disarm_links

MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"
SITE_CSS = Path(__file__).with_name("site.css")  # the hand-written rules of assets/site.css


LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "de": "German", "fr": "French", "ja": "Japanese"}


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|])")


_BLOCK_MARK = re.compile(r"^([#>+\-])")


_ORDERED = re.compile(r"^(\d+)([.)])")


_SHALLOW_HEADING = re.compile(r"^([ \t]{0,3})#{1,2}(?=[ \t]|$)", re.MULTILINE)


_SETEXT_UNDERLINE = re.compile(r"^(.*\S.*)\n([ \t]{0,3}(?:=+|-+)[ \t]*)$", re.MULTILINE)


_REMOTE_IMAGE = re.compile(r"!(\[[^\]]*\]\(\s*<?(?:[A-Za-z][A-Za-z0-9+.-]*:|//))")


def inline(text: str) -> str:
    """Plain text that Markdown and HTML show exactly as typed, as one line: white space runs
    (newlines included) become one space, so no text field can start a heading, list, quote or
    code block; invisible direction controls are dropped."""
    text = " ".join(BIDI_CONTROLS.sub("", text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", text))


def trusted_markdown(text: str) -> str:
    """Contributor Markdown with what the checks reject disarmed again: raw HTML, attribute lists,
    unsafe links, reference and abbreviation definitions, headings above ###, remote images."""
    text = disarm_definitions(disarm_links(BIDI_CONTROLS.sub("", text)))
    text = _SHALLOW_HEADING.sub(lambda m: m.group(1) + "###", text)
    text = _SETEXT_UNDERLINE.sub(r"\1\n\n\2", text)  # an underline would make the line above a heading
    text = _REMOTE_IMAGE.sub(r"\1", text)  # a remote image becomes a link to it
    return text.replace("<", "&lt;").replace("{", "\\{")


def front_matter(**fields) -> str:
    """A generated page's front matter. Material prints page titles unescaped, so the title is
    given escaped, and plain_title (printed through `| e` by overrides/main.html) as written."""
    if "title" in fields:
        fields = {**fields, "title": html.escape(fields["title"], quote=False), "plain_title": fields["title"]}
    # JSON strings are valid YAML double-quoted scalars, so any text is safe here.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def claim_link(claim: Claim, to_root: str = "../") -> str:
    return f"[{inline(claim.fact)}]({to_root}claims/{claim.id}.md)"


def link_line(label: str, links: list[str]) -> str:
    """A line of links to other pages, kept out of the search index (those pages are indexed)."""
    return f"{label}: " + ", ".join(links) + "\n{ data-search-ignore }\n"


def verdict_anchor(verdict: Verdict) -> str:
    return f"verdict-{verdict.slug}"


def verdict_icon_url(verdict: Verdict) -> str:
    """The verdict's icon from Material's own icon set, as a data: URL for a CSS mask: drawn once
    per verdict in assets/site.css, not once per badge (a third of a badge's bytes)."""
    svg = (MATERIAL_ICONS / f"{verdict.icon}.svg").read_text(encoding="utf-8").strip()
    return "data:image/svg+xml," + quote(svg, safe=" =:/")


def verdict_badge(verdict: Verdict, to_root: str) -> str:
    """The verdict as a link to its definition: icon, label and colour (outlined for "mostly")."""
    return (f"[{verdict.label}]({to_root}methodology.md#{verdict_anchor(verdict)})"
            f"{{ .verdict-badge .verdict-{verdict.slug} title=\"What '{verdict.label}' means\" }}")


def verdict_meter(verdict: Verdict) -> str:
    """Seven steps, false to true and then unproven, with this verdict's step marked."""
    steps = "".join(f'<span class="meter-step meter-{v.slug}{" is-here" if v is verdict else ""}"></span>' for v in SCALE)
    unproven = next(v for v in VERDICTS if v.rank is None)
    steps += f'<span class="meter-step meter-{unproven.slug}{" is-here" if unproven is verdict else ""}">?</span>'
    where = (f"step {verdict.rank} of {len(SCALE)} from false to true" if verdict.rank is not None
             else "not on the scale from false to true")
    return f'<span class="verdict-meter" role="img" aria-label="{verdict.label}: {where}">{steps}</span>'


def site_css() -> str:
    """assets/site.css: the hand-written rules, then each verdict's, in one file (one request)."""
    return SITE_CSS.read_text(encoding="utf-8") + "\n" + verdict_css()


def verdict_css() -> str:
    """Each verdict's colours and icon, from the contract; "mostly" grades are outlined, the others solid."""
    rules = ["/* Generated from catalog/contract.py (VERDICTS) during the build. */"]
    for v in VERDICTS:
        if v.outline:
            rules.append(f".md-typeset .verdict-{v.slug} {{ background: #ffffff; color: {v.colour} !important; border-color: {v.colour}; }}")
        else:
            rules.append(f".md-typeset .verdict-{v.slug} {{ background: {v.colour}; color: #ffffff !important; border-color: {v.colour}; }}")
        icon = f'url("{verdict_icon_url(v)}")'
        rules.append(f".verdict-badge.verdict-{v.slug}::before {{ -webkit-mask-image: {icon}; mask-image: {icon}; }}")
        rules.append(f".verdict-meter .meter-{v.slug}.is-here {{ background: {v.colour}; border-color: {v.colour}; }}")
    return "\n".join(rules) + "\n"


def rated(claim: Claim, to_root: str, link: bool = False, indexed: bool = False) -> str:
    """One line of Markdown binding the verdict to the claim it rates: Claim “…” rated [badge].
    indexed: on the claim's own page, where the claim's words weigh most in search."""
    quoted = f"“{inline(claim.claim)}”"
    if link:
        quoted = f"[{quoted}]({to_root}claims/{claim.id}.md)"
    if indexed:
        quoted = f'<span class="claim-text" data-search-weight="10" data-search-meta="claim">{quoted}</span>'
    badge = verdict_badge(claim.verdict, to_root)
    return f'<span class="claim-label">Claim</span> {quoted} <span class="rated">rated</span> {badge}'


def claim_item(claim: Claim, to_root: str, attributes: str = "", note: str = "") -> str:
    """A list item: the claim with its verdict, then the fact, each labelled; note is Markdown."""
    lines = [f"- {rated(claim, to_root, link=True)}  ",
             f'  <span class="fact-label">Fact</span> {inline(claim.fact)}']
    if note:
        lines[-1] += "  "
        lines.append(f"  {note}")
    lines.append(f"  {{ .claim-item{(' ' + attributes) if attributes else ''} }}")
    return "\n".join(lines)


def claim_list(claims: list[Claim], to_root: str) -> str:
    """Claim items, kept out of the search index: each claim is found on its own page."""
    items = "\n".join(claim_item(c, to_root) for c in claims)
    return f'<div class="claim-list" data-search-ignore markdown>\n\n{items}\n\n</div>\n'


def rating_sentence(claim: Claim) -> str:
    """Plain text for previews, feeds and copies: the claim in quotation marks and its verdict."""
    return f"Claim: “{claim.claim}” Rated {claim.verdict.label.lower()}."


def badge_templates() -> str:
    """One badge per verdict in a hidden block, copied by the scripts that list claims (search,
    filters) next to each claim they show. Hidden, so never shown or read out on its own; not a
    <template>, whose content the sanitiser drops."""
    badges = "".join(f'<span class="verdict-badge verdict-{v.slug}" data-verdict="{v.slug}">{v.label}</span>'
                     for v in VERDICTS)
    return f'<div class="search-badges" hidden>{badges}</div>'


def after_title(page: str, insert: str) -> str:
    """A page with Markdown inserted right after its # title (a topic's claims come first); the
    title then weighs most in search, so a topic's page comes first for the topic's own name."""
    if not insert:
        return page
    title = re.search(r"^# (.*?)\s*(\{[^}]*\})?\n", page, re.MULTILINE)
    if title is None:
        return insert + "\n" + page
    attributes = (title.group(2) or "{ }")[:-1].rstrip() + ' data-search-weight="20" }'
    return f"{page[:title.start()]}# {title.group(1)} {attributes}\n\n{insert}\n{page[title.end():]}"


def repeated(claim: Claim) -> int:
    """How often we recorded a claim being said: its appearances and its other wordings."""
    return len(claim.appearances) + len(claim.phrasings)


def most_repeated(claims: list[Claim]) -> list[Claim]:
    """Claims ordered by how often we recorded them circulating, then by id."""
    return sorted(claims, key=lambda c: (-repeated(c), c.id))


def abbreviations(catalog: Catalog, markdown: str) -> str:
    """Definitions that make glossary terms in the text show their translation on hover."""
    found = [t for t in catalog.glossary if t.term in markdown]
    return "".join(f"\n*[{t.term}]: {plain(t.translation)} ({plain(t.pinyin)})" for t in found)


def plain(text: str) -> str:
    """Text for an attribute that a script may show as HTML (a tooltip): one line, no markup."""
    return " ".join(BIDI_CONTROLS.sub("", text).replace("<", "‹").replace(">", "›").split())


def problems_banner(diagnostics) -> str:
    """HTML shown on every page by `mkdocs serve` while the catalog has problems."""
    if not diagnostics:
        return ""
    items = "".join(f"<li><code>{html.escape(str(d))}</code></li>" for d in diagnostics)
    return f'<div class="catalog-errors" role="alert"><p>{summary_line(diagnostics)}:</p><ul>{items}</ul></div>'
