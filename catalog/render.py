"""Pure functions that turn catalog objects into Markdown pages.

Nothing here touches MkDocs or the file system. Links between generated pages are written as
relative .md paths so that MkDocs checks them in a strict build. Text from contributors is never
trusted as HTML: plain fields are escaped, Markdown fields have '<' and attribute braces escaped.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import cache, partial
from pathlib import Path
from urllib.parse import quote

import material

from .contract import CLAIM_FIELDS, SCALE, SOURCE_KINDS, VERDICTS, Verdict
from .diagnostics import summary_line
from .models import Catalog, Claim, Source, Topic
from .safety import BIDI_CONTROLS, disarm_definitions, disarm_links, safe_url
from .site import Site, claim_path

MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"


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
    return f"{label}: " + ", ".join(links) + "\n{ data-pagefind-ignore }\n"


def verdict_anchor(verdict: Verdict) -> str:
    return f"verdict-{verdict.slug}"


@cache
def verdict_icon(verdict: Verdict) -> str:
    """The verdict's icon from Material's own icon set, as inline SVG hidden from screen readers."""
    svg = (MATERIAL_ICONS / f"{verdict.icon}.svg").read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg class="verdict-icon" aria-hidden="true" focusable="false" ', 1)


def verdict_badge(verdict: Verdict, to_root: str, indexed: bool = False) -> str:
    """The verdict as a link to its definition: icon, label and colour (outlined for "mostly").
    indexed: the search index keeps the label as the page's verdict (for its result)."""
    meta = " data-pagefind-meta=verdict" if indexed else ""
    return (f"[{verdict_icon(verdict)}{verdict.label}]({to_root}methodology.md#{verdict_anchor(verdict)})"
            f"{{ .verdict-badge .verdict-{verdict.slug} title=\"What '{verdict.label}' means\"{meta} }}")


def verdict_meter(verdict: Verdict) -> str:
    """Seven steps, false to true and then unproven, with this verdict's step marked."""
    steps = "".join(f'<span class="meter-step meter-{v.slug}{" is-here" if v is verdict else ""}"></span>' for v in SCALE)
    unproven = next(v for v in VERDICTS if v.rank is None)
    steps += f'<span class="meter-step meter-{unproven.slug}{" is-here" if unproven is verdict else ""}">?</span>'
    where = (f"step {verdict.rank} of {len(SCALE)} from false to true" if verdict.rank is not None
             else "not on the scale from false to true")
    return f'<span class="verdict-meter" role="img" aria-label="{verdict.label}: {where}">{steps}</span>'


def verdict_css() -> str:
    """Each verdict's colours, from the contract; "mostly" grades are outlined, the others solid."""
    rules = ["/* Generated from catalog/contract.py (VERDICTS) during the build. */"]
    for v in VERDICTS:
        if v.outline:
            rules.append(f".md-typeset .verdict-{v.slug} {{ background: #ffffff; color: {v.colour} !important; border-color: {v.colour}; }}")
        else:
            rules.append(f".md-typeset .verdict-{v.slug} {{ background: {v.colour}; color: #ffffff !important; border-color: {v.colour}; }}")
        rules.append(f".verdict-meter .meter-{v.slug}.is-here {{ background: {v.colour}; border-color: {v.colour}; }}")
    return "\n".join(rules) + "\n"


def rated(claim: Claim, to_root: str, link: bool = False, indexed: bool = False) -> str:
    """One line of Markdown binding the verdict to the claim it rates: Claim “…” rated [badge].
    indexed: on the claim's own page, where the claim's words weigh most in search."""
    quoted = f"“{inline(claim.claim)}”"
    if link:
        quoted = f"[{quoted}]({to_root}claims/{claim.id}.md)"
    if indexed:
        quoted = f'<span class="claim-text" data-pagefind-weight="10" data-pagefind-meta="claim">{quoted}</span>'
    badge = verdict_badge(claim.verdict, to_root, indexed)
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
    return f'<div class="claim-list" data-pagefind-ignore markdown>\n\n{items}\n\n</div>\n'


def rating_sentence(claim: Claim) -> str:
    """Plain text for previews, feeds and copies: the claim in quotation marks and its verdict."""
    return f"Claim: “{claim.claim}” Rated {claim.verdict.label.lower()}."


def share_text(claim: Claim, site: Site) -> str:
    """What "copy short answer" puts on the clipboard: the claim, its verdict, the answer and the link."""
    return f"“{claim.claim}” — rated {claim.verdict.label}. {' '.join(claim.short_answer.split())} {site.url}{claim_path(claim.id)}"


def review_line(claim: Claim) -> str:
    primary = sum(1 for s in claim.sources if s.kind.primary)
    count = len(claim.sources)
    return (f"Reviewed {claim.last_reviewed.isoformat()} · {count} source{'s' if count != 1 else ''} "
            f"({primary} primary) · [dates and changes](#dates)\n{{ .review-line data-pagefind-ignore }}\n")


def share_buttons(claim: Claim, site: Site) -> str:
    """Share and copy buttons, shown only where JavaScript runs (site.css); without it the link and
    answer are on the page. Copying uses Material's clipboard support (data-clipboard-text)."""
    link = html.escape(site.url + claim_path(claim.id), quote=True)
    text = html.escape(share_text(claim, site), quote=True)
    title = html.escape(claim.fact, quote=True)
    return (
        '<div class="share-buttons" data-share data-pagefind-ignore>'
        f'<button type="button" class="md-button md-button--primary share-native" data-share-url="{link}" '
        f'data-share-title="{title}" data-share-text="{text}" hidden>Share</button> '
        f'<button type="button" class="md-button" data-clipboard-text="{link}">Copy link</button> '
        f'<button type="button" class="md-button" data-clipboard-text="{text}">Copy short answer</button> '
        '<span class="share-status" role="status" aria-live="polite"></span></div>\n'
    )


# Every field of a claim is shown on its page. A field added to the contract but not to this list
# stops the build (see shown_fields), so that no field reaches the data but never the page.
SHOWN_ON_CLAIM_PAGE = frozenset({
    "id", "claim", "phrasings", "fact", "verdict", "short_answer", "explanation", "bottom_line", "topic", "tags",
    "citations", "first_published", "last_reviewed", "evidence_as_of", "changes", "related", "aliases", "appearances",
})


def shown_fields(fields=CLAIM_FIELDS) -> None:
    missing = sorted({f.name for f in fields} - SHOWN_ON_CLAIM_PAGE)
    if missing:
        raise ValueError(f"claim fields {missing} are in the contract but not on the claim page: show them in "
                         "catalog/render.py's claim_page and list them in SHOWN_ON_CLAIM_PAGE")


def claim_page(claim: Claim, site: Site) -> str:
    shown_fields()
    # Search weights (Pagefind): the claim's words weigh most, then its other wordings, the fact
    # and the short answer; the explanation little; evidence, dates and links not at all.
    out = [front_matter(title=claim.fact, description=f"{rating_sentence(claim)} {claim.short_answer}",
                        # Material prints tag names unescaped; a tag is a slug, so escaping changes nothing valid
                        tags=[html.escape(t) for t in claim.tags], hide=["tags"])]  # listed at the foot of the page
    out.append('<div class="claim-review" markdown>\n')
    out.append(f"{rated(claim, '../', indexed=True)} {verdict_meter(claim.verdict)}\n"
               f'{{ #claim .claim-line data-pagefind-meta="verdict_slug:{claim.verdict.slug}" }}\n')
    out.append("The fact\n{ .fact-label data-pagefind-ignore }\n")
    out.append(f"# {inline(claim.fact)} {{#fact}}\n")
    out.append("</div>\n")
    out.append(f'{inline(claim.short_answer)}\n'
               f'{{ .short-answer #short-answer data-pagefind-weight="3" data-pagefind-meta="repeated:{repeated(claim)}" }}\n')
    out.append(share_buttons(claim, site))
    out.append(review_line(claim))
    out.append(also_heard_as(claim))
    out.append("## What we found {#explanation data-pagefind-ignore}\n")
    out.append('<div class="explanation" data-pagefind-weight="0.5" markdown>\n')
    out.append(trusted_markdown(claim.explanation) + "\n")
    out.append("</div>\n")
    out.append('<div class="claim-record" data-pagefind-ignore markdown>\n')
    out.append("## Bottom line {#bottom-line}\n")
    out.append(f"{inline(claim.bottom_line or claim.fact)}\n")
    out.append("## Evidence {#evidence}\n")
    out.extend(_citation(index, c) for index, c in enumerate(claim.citations, 1))
    out.append("</div>\n")
    if claim.appearances:  # their titles are people's own wordings of the claim: search reads them
        out.append("## Where this claim circulated {#circulated data-pagefind-ignore}\n")
        out.append('<div class="circulated" data-pagefind-weight="2" markdown>\n')
        first = claim.first_appearance
        for a in sorted(claim.appearances, key=lambda a: a.date):
            label = " (first known appearance)" if a is first else ""
            out.append(f"- {a.date}: [{inline(a.title)}]({safe_url(a.url)}), {inline(a.publisher)}{label}")
        out.append("\n</div>\n")
    out.append('<div class="claim-record" data-pagefind-ignore markdown>\n')
    out.append("## Dates and changes {#dates}\n")
    out.append(f"- First published: {claim.first_published.isoformat()}")
    out.append(f"- Last reviewed: {claim.last_reviewed.isoformat()}")
    out.append(f"- Evidence as of: {claim.evidence_as_of.isoformat()}\n")
    if claim.changes:
        out.append("| Date | Change | Verdict |\n| --- | --- | --- |")
        for change in claim.changes:
            verdict = change.verdict.label if change.verdict else ""
            out.append(f"| {change.date.isoformat()} | {inline(' '.join(change.summary.split()))} | {verdict} |")
        out.append("")
    out.append("## Topic, tags and related claims {#related}\n")
    out.append(f"Topic: [{inline(claim.topic.title)}](../topics/{claim.topic.id}.md)\n")
    if claim.tags:
        # Raw links: the tags plugin writes its anchors after MkDocs has checked the links.
        out.append("Tags: " + ", ".join(f'<a href="../../tags/#tag:{quote(t)}">{html.escape(t)}</a>' for t in claim.tags) + "\n")
    if claim.related:
        out.append("Related claims:\n")
        out.append(claim_list(claim.related, "../"))

    out.append(f"[Report a problem with this claim]({site.report_url(claim)}){{ .report-link }}\n")
    out.append("</div>\n")
    if claim.aliases:  # searchable, so that an old address still finds the claim
        out.append("Earlier addresses of this page: " + ", ".join(f"`claims/{a}/`" for a in claim.aliases) + "\n")
    return "\n".join(out)


CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def cjk_search_terms(text: str, longest: int = 16) -> str:
    """Every tail of each run of Chinese characters, space-separated, for search only.

    Pagefind splits Chinese into words only on pages in Chinese, and these pages are in English,
    so a run such as 每个中国人都有一个社会信用分 would be one word that 社会信用分 cannot find.
    Pagefind matches the start of a word, so indexing each tail of the run lets any part of it
    be found."""
    tails = {run[i:i + longest] for run in CJK_RUN.findall(text) for i in range(len(run) - 1)}
    return " ".join(sorted(tails))


def search_only(text: str, weight: int) -> str:
    terms = cjk_search_terms(text)
    return f' <span class="search-only" hidden data-pagefind-weight="{weight}">{terms}</span>' if terms else ""


def also_heard_as(claim: Claim) -> str:
    """The other wordings people use, so that readers (and search) recognise the claim."""
    items = []
    for phrasing in claim.phrasings:
        lang = f' lang="{phrasing.language}"' if phrasing.language != "en" else ""
        text = f"“{inline(phrasing.text)}”"
        seen = f" ([where it was said]({safe_url(phrasing.url)}))" if phrasing.url else ""
        seen += search_only(phrasing.text, 5)
        items.append(f"- <span{lang}>{text}</span>{seen}" if lang else f"- {text}{seen}")
    return ("Also heard as:\n{ .also-heard-label data-pagefind-ignore }\n\n" + "\n".join(items)
            + '\n{ .also-heard data-pagefind-weight="8" }\n') if items else ""


def queue_page(catalog: Catalog, site: Site) -> str:
    """Claims heard but not checked yet, by topic, with where each was heard."""
    out = [front_matter(title="Claims we've heard", description="Claims about China's Social Credit System that people repeat and we have not checked yet.")]
    out.append("# Claims we've heard {#claims-heard}\n")
    out.append(f"{len(catalog.queue)} claims people repeat that we have not checked yet, with where each was said. "
               "They have no verdict until they are checked against primary sources. "
               f"[Suggest another claim]({site.suggest_url()}) or [read how we choose claims](../methodology.md#choosing-claims).\n")
    for topic in catalog.topics:
        queued = [q for q in catalog.queue if q.topic is topic]
        if not queued:
            continue
        out.append(f"## {inline(topic.title)} {{#{topic.id}}}\n")
        for q in queued:
            lang = f' lang="{q.language}"' if q.language != "en" else ""
            heard = "; ".join(f"[{inline(a.title)}]({safe_url(a.url)}), {inline(a.publisher)}, {a.date}" for a in q.appearances)
            out.append(f"- <span{lang} id=\"{q.id}\">“{inline(q.claim)}”</span>  ")
            out.append(f"    Heard in: {heard}.  ")
            if q.notes:
                out.append(f"    What would settle it: {inline(' '.join(q.notes.split()))}  ")
            out.append(f"    [Help check this claim]({site.suggest_url(q.claim)})")
        out.append("")
    return "\n".join(out) + "\n"


def _citation(index: int, citation) -> str:
    source = citation.source
    kind = "Primary" if source.kind.primary else "Secondary"
    return (
        f"{index}. **[{inline(source.title)}](../sources/{source.id}.md)**, {inline(source.publisher)}, {source.published}.\n"
        f"    *{kind} source: {source.kind.label.lower()}, in {language_name(source.language)}.*\n\n"
        f"    Pinpoint: {inline(citation.locator)}. [Read the source]({safe_url(source.url)}) ·"
        f" [Archived copy]({safe_url(source.archive_url)})\n\n"
        f"    What it establishes: {inline(citation.establishes)}\n"
    )


CATALOG_PAGE = 150  # claims per page of the list; the real catalog fits on one


def catalog_pages(catalog: Catalog, site: Site) -> list[tuple[str, partial]]:
    """The list of all claims, by topic, CATALOG_PAGE to a page: (uri, what makes its Markdown) for
    /claims/, /claims/page/2/ ... Each page works without JavaScript; with it, the filters search
    every claim through the open data index instead of the page."""
    ordered = [c for t in catalog.topics for c in t.claims]
    count = max(1, -(-len(ordered) // CATALOG_PAGE))
    return [(("claims/index.md" if n == 1 else f"claims/page/{n}.md"),
             partial(catalog_page, catalog, site, ordered[(n - 1) * CATALOG_PAGE:n * CATALOG_PAGE], n, count))
            for n in range(1, count + 1)]


def catalog_page(catalog: Catalog, site: Site, claims: list[Claim], number: int = 1, count: int = 1) -> str:
    to_root = "../" if number == 1 else "../../"
    here = "" if count == 1 else f" (page {number} of {count})"
    out = [front_matter(title=f"All claims{here}", description="Every claim about China's Social Credit System that we checked, with its verdict.",
                        search={"exclude": True})]  # it repeats every claim's wording and fact
    out.append(f"# All claims{here} {{#all-claims}}\n")
    out.append(f"{len(catalog.claims)} claims, each with a verdict from the [scale]({to_root}methodology.md#verdicts) "
               "and the sources behind it, by topic.\n")
    out.append(filter_form(catalog, site, to_root))
    out.append('<div class="catalog-list" data-catalog-list markdown>\n')
    for topic in catalog.topics:
        members = [c for c in claims if c.topic is topic]
        if members:
            out.append(f"## {inline(topic.title)} {{#{topic.id} .claim-group}}\n")
            out.extend(claim_item(c, to_root) for c in members)
            out.append("")
    if count > 1:
        links = [f"**{n}**" if n == number else f"[{n}]({_catalog_uri(n, number)})" for n in range(1, count + 1)]
        out.append("Pages: " + " · ".join(links) + "\n{ .catalog-pages }\n")
    out.append("</div>\n")
    out.append('<div class="catalog-results" data-catalog-results aria-live="polite" hidden></div>\n')
    return "\n".join(out) + "\n"


def _catalog_uri(target: int, here: int) -> str:
    """A Markdown link from one page of the list to another (claims/index.md, claims/page/N.md)."""
    if here == 1:
        return "index.md" if target == 1 else f"page/{target}.md"
    return "../index.md" if target == 1 else f"{target}.md"


def badge_templates() -> str:
    """One badge per verdict in a hidden block, copied by the scripts that list claims (search,
    filters) next to each claim they show. Hidden, so never shown or read out on its own; not a
    <template>, whose content the sanitiser drops."""
    badges = "".join(f'<span class="verdict-badge verdict-{v.slug}" data-verdict="{v.slug}">{verdict_icon(v)}{v.label}</span>'
                     for v in VERDICTS)
    return f'<div class="search-badges" hidden>{badges}</div>'


def filter_form(catalog: Catalog, site: Site, to_root: str = "../") -> str:
    """Filters for the list (assets/catalog-filter.js); site.css hides them without JavaScript."""
    verdicts = "".join(f'<option value="{v.slug}">{v.label}</option>' for v in VERDICTS)
    topics = "".join(f'<option value="{t.id}">{html.escape(t.title)}</option>' for t in catalog.topics)
    return (
        f'<form class="claim-filters" data-claim-filters data-index="{to_root}api/v1/claims.json" data-root="{to_root}" '
        f'data-suggest="{html.escape(site.suggest_url(), quote=True)}" '
        'role="search" aria-label="Filter the claims">'
        '<p class="claim-filters__field"><label for="filter-text">Words</label>'
        '<input id="filter-text" name="q" type="search" autocomplete="off" placeholder="e.g. flights, 失信"></p>'
        '<p class="claim-filters__field"><label for="filter-verdict">Verdict</label>'
        f'<select id="filter-verdict" name="verdict"><option value="">All verdicts</option>{verdicts}</select></p>'
        '<p class="claim-filters__field"><label for="filter-topic">Topic</label>'
        f'<select id="filter-topic" name="topic"><option value="">All topics</option>{topics}</select></p>'
        '<p class="claim-filters__field"><label for="filter-sort">Order</label>'
        '<select id="filter-sort" name="sort"><option value="">By topic</option>'
        '<option value="repeated">Most repeated first</option></select></p>'
        '<output id="filter-count" role="status" aria-live="polite"></output></form>'
        f'{badge_templates()}\n'
    )


def topic_claims(topic: Topic) -> str:
    """The claims section that opens a topic page, most repeated first, each with its verdict."""
    out = ["## Claims in this topic {#claims data-pagefind-ignore}\n"]
    if not topic.claims:
        out.append("No claims have been checked in this topic yet.\n")
    out.append(claim_list(most_repeated(topic.claims), "../"))
    return "\n".join(out)


def after_title(page: str, insert: str) -> str:
    """A page with Markdown inserted right after its # title (a topic's claims come first); the
    title then weighs most in search, so a topic's page comes first for the topic's own name."""
    if not insert:
        return page
    title = re.search(r"^# (.*?)\s*(\{[^}]*\})?\n", page, re.MULTILINE)
    if title is None:
        return insert + "\n" + page
    attributes = (title.group(2) or "{ }")[:-1].rstrip() + ' data-pagefind-weight="10" }'
    return f"{page[:title.start()]}# {title.group(1)} {attributes}\n\n{insert}\n{page[title.end():]}"


def repeated(claim: Claim) -> int:
    """How often we recorded a claim being said: its appearances and its other wordings."""
    return len(claim.appearances) + len(claim.phrasings)


def most_repeated_items(catalog: Catalog, count: int = 8) -> list[dict]:
    """The most repeated claims as plain values, for templates (the 404 page)."""
    return [{"claim": c.claim, "fact": c.fact, "verdict": c.verdict.slug, "label": c.verdict.label, "path": claim_path(c.id)}
            for c in most_repeated(catalog.claims)[:count]]


def most_repeated(claims: list[Claim]) -> list[Claim]:
    """Claims ordered by how often we recorded them circulating, then by id."""
    return sorted(claims, key=lambda c: (-repeated(c), c.id))


def topics_index(catalog: Catalog) -> str:
    out = [front_matter(title="Topics", description="Browse the claims by topic.")]
    out.append("# Topics\n")
    for topic in catalog.topics:
        out.append(f"- **[{inline(topic.title)}]({topic.id}.md)** ({len(topic.claims)} claims): {inline(topic.summary)}")
    return "\n".join(out) + "\n"


def source_page(source: Source) -> str:
    out = [front_matter(title=source.title, description=f"{source.kind.label} published by {source.publisher}.")]
    out.append(f'# {inline(source.title)} {{ data-pagefind-weight="2" }}\n')  # found by its title, below the claims
    out.append('<div class="source-facts" data-pagefind-weight="0.3" markdown>\n')
    facts = []
    if source.title_original:
        facts.append(f"Original title: {inline(source.title_original)}")
    facts.append(f"Publisher: {inline(source.publisher)}")
    if source.authors:
        facts.append("Authors: " + ", ".join(inline(a) for a in source.authors))
    if source.signed:
        facts.append(f"Signed or dated: {source.signed}")
    facts.append(f"Published: {source.published}")
    if source.effective:
        facts.append(f"In effect from: {source.effective}")
    facts.append(f"Kind: {source.kind.label} ({'primary' if source.kind.primary else 'secondary'} source)")
    facts.append(f"Language: {language_name(source.language)}")
    facts.append(f"Read it: [{inline(source.url)}]({safe_url(source.url)}) · [archived copy]({safe_url(source.archive_url)})")
    if source.translates:
        facts.append(f"Translation of: [{inline(source.translates.title)}]({source.translates.id}.md)")
    if source.translations:
        facts.append("Translations: " + ", ".join(f"[{inline(t.title)}]({t.id}.md)" for t in source.translations))
    out.extend(f"- {fact}" for fact in facts)
    out.append("")
    if source.notes:
        out.append(f"!!! note \"About this source\"\n    {inline(' '.join(source.notes.split()))}\n")
    out.append("</div>\n")
    out.append('<div class="cited-by" data-pagefind-ignore markdown>\n')
    out.append("## Claims that cite this source {#cited-by}\n")
    if not source.cited_by:
        out.append("No claim cites this source yet.\n")
    for claim in source.cited_by:
        locators = "; ".join(inline(c.locator) for c in claim.citations if c.source is source)
        out.append(claim_item(claim, "../", note=f'<span class="cited-at">Cited at</span> {locators}'))
    out.append("\n</div>")
    return "\n".join(out) + "\n"


def sources_index(catalog: Catalog) -> str:
    out = [front_matter(title="Sources", description="Every source the claims cite, primary sources first.",
                        search={"exclude": True})]  # each source page is indexed itself
    out.append("# Sources\n")
    for kind in sorted(SOURCE_KINDS, key=lambda k: not k.primary):
        sources = [s for s in catalog.sources if s.kind is kind]
        if not sources:
            continue
        out.append(f"## {kind.label} {{#kind-{kind.slug}}}\n")
        out.extend(f"- [{inline(s.title)}]({s.id}.md), {inline(s.publisher)}, {s.published}" for s in sources)
        out.append("")
    return "\n".join(out) + "\n"


def verdict_scale() -> str:
    """The verdict definitions for the methodology page, each with its badge and meter, with stable anchors."""
    out = []
    for verdict in VERDICTS:
        out.append(f"### {verdict.label} {{#{verdict_anchor(verdict)}}}\n")
        badge = f'<span class="verdict-badge verdict-{verdict.slug}">{verdict_icon(verdict)}{verdict.label}</span>'
        out.append(f"{badge} {verdict_meter(verdict)}\n{{ .verdict-sample }}\n")
        out.append(f"{verdict.definition}\n")
    return "\n".join(out)


def timeline_page(catalog: Catalog) -> str:
    """Milestones by year, oldest first, with a jump link to each year."""
    out = [front_matter(title="Timeline", description="Key documents and events of China's Social Credit System, oldest first.")]
    out.append("# Timeline\n")
    out.append("Key documents and events, oldest first. Each entry links to the source and to the claims that rest on it.\n")
    years: dict[str, list[Source]] = {}
    for source in catalog.milestones:
        years.setdefault((source.signed or source.published)[:4], []).append(source)
    out.append("Jump to: " + " · ".join(f"[{year}](#year-{year})" for year in years) + "\n{ .timeline-years }\n")
    for year, sources in years.items():
        out.append(f"## {year} {{#year-{year}}}\n")
        for source in sources:
            when = source.signed or source.published
            out.append(f"### {when}: {inline(source.title)} {{#{source.id}}}\n")
            out.append(f"{inline(source.milestone)} ([source](../sources/{source.id}.md))\n")
            if source.cited_by:
                out.append(link_line("Claims that rest on it", [claim_link(c) for c in source.cited_by]))
    return "\n".join(out)


def toneless(pinyin: str) -> str:
    """Pinyin as people type it: shīxìn bèi zhíxíngrén -> shixin bei zhixingren."""
    return "".join(ch for ch in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(ch))


def glossary_page(catalog: Catalog) -> str:
    """Terms by their English translation, A to Z, each headed "English — 中文 (pinyin)"."""
    out = [front_matter(title="Glossary", description="Key Chinese terms of the Social Credit System, and why their translation matters.")]
    out.append("# Glossary\n")
    out.append("The Chinese terms behind the system, with pinyin, our translation, and why the translation matters.\n")
    terms = sorted(catalog.glossary, key=lambda t: t.translation.casefold())
    letters: dict[str, str] = {}
    for term in terms:
        letters.setdefault(term.translation[:1].upper(), term.id)
    out.append(" · ".join(f"[{letter}](#{term_id})" for letter, term_id in letters.items()) + "\n{ .glossary-index }\n")
    for term in terms:
        # a term's own entry comes first when someone searches for the term
        out.append(f'## {inline(term.translation)} — {inline(term.term)} ({inline(term.pinyin)}) {{#{term.id} data-pagefind-weight="9"}}\n')
        out.append(f"Pinyin without tone marks: *{inline(toneless(term.pinyin))}*\n{{ .glossary-toneless }}\n")
        out.append(f"{inline(term.why)}\n")
        if term.claims:
            out.append(link_line("Claims that hinge on it", [claim_link(c) for c in term.claims]))
        if term.sources:
            out.append(link_line("Sources that use it", [f"[{inline(s.title)}](../sources/{s.id}.md)" for s in term.sources]))
    return "\n".join(out)


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


def corrections_log(catalog: Catalog) -> str:
    """Every entry of every claim's change log, newest first: a verdict change names the claim
    it rates beside the verdict it gave from that day (a later entry may change it again)."""
    entries = sorted(((change, claim) for claim in catalog.claims for change in claim.changes),
                     key=lambda pair: (pair[0].date, pair[1].id), reverse=True)
    if not entries:
        return "No claim has been changed since it was first published.\n"
    out = []
    for change, claim in entries:
        rated = f" — rated {verdict_badge(change.verdict, '')} from this date" if change.verdict else ""
        out.append(f"- **{change.date.isoformat()}** · [“{inline(claim.claim)}”](claims/{claim.id}.md){rated}  ")
        out.append(f"  {inline(change.summary)}")
        out.append("  { .correction }")
    return "\n".join(out) + "\n"
