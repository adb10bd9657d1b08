"""Pure functions that turn catalog objects into Markdown pages.

Nothing here touches MkDocs or the file system. Links between generated pages are written as
relative .md paths so that MkDocs checks them in a strict build. Text from contributors is never
trusted as HTML: plain fields are escaped, Markdown fields have '<' and attribute braces escaped.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from .contract import SOURCE_KINDS, VERDICTS, Verdict
from .models import Catalog, Claim, Source, Topic
from .safety import disarm_links


@dataclass(frozen=True)
class Site:
    """What pages need to know about the site itself."""

    url: str  # with a trailing slash
    name: str
    repository: str  # https://github.com/owner/name

    def suggest_url(self, claim_text: str = "") -> str:
        """The "Suggest a claim" issue form, pre-filled with the claim's wording when given."""
        fields = {"template": "suggest-claim.yml"}
        if claim_text:
            fields.update(claim=claim_text, title=f"Suggest a claim: {claim_text[:80]}")
        return f"{self.repository}/issues/new?{urlencode(fields)}"

    def report_url(self, claim: Claim) -> str:
        query = urlencode({"template": "report-error.yml", "claim": claim.id, "title": f"Problem with claim: {claim.id}"})
        return f"{self.repository}/issues/new?{query}"

LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "de": "German", "fr": "French", "ja": "Japanese"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|])")
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])", re.MULTILINE)


def inline(text: str) -> str:
    """Escape plain text so that Markdown and HTML show it exactly as typed."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def trusted_markdown(text: str) -> str:
    """Contributor Markdown with raw HTML, attribute lists and unsafe links disarmed."""
    return disarm_links(text).replace("<", "&lt;").replace("{", "\\{")


def front_matter(**fields) -> str:
    # JSON strings are valid YAML double-quoted scalars, so any text is safe here.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def claim_link(claim: Claim, to_root: str = "../") -> str:
    return f"[{inline(claim.fact)}]({to_root}claims/{claim.id}.md)"


def link_line(label: str, links: list[str]) -> str:
    """A line of links to other pages, kept out of the search index (those pages are indexed)."""
    return f"{label}: " + ", ".join(links) + "\n{ data-search-exclude }\n"


def verdict_anchor(verdict: Verdict) -> str:
    return f"verdict-{verdict.slug}"


def verdict_badge(verdict: Verdict, to_root: str) -> str:
    return (f"[{verdict.label}]({to_root}methodology.md#{verdict_anchor(verdict)})"
            f"{{ .verdict-badge .verdict-{verdict.slug} title=\"What '{verdict.label}' means\" }}")


def share_text(claim: Claim, site: Site) -> str:
    """What "copy short answer" puts on the clipboard: plain text, ready for a chat."""
    return f"{claim.verdict.label}: {' '.join(claim.short_answer.split())} {site.url}{claim.url}"


def share_buttons(claim: Claim, site: Site) -> str:
    """Copy buttons, shown only where JavaScript runs (site.css); without it the link and answer are on the page."""
    link = html.escape(site.url + claim.url, quote=True)
    text = html.escape(share_text(claim, site), quote=True)
    return (
        '<div class="share-buttons" data-share data-search-exclude>'
        f'<button type="button" class="md-button" data-copy="{link}">Copy link</button> '
        f'<button type="button" class="md-button" data-copy="{text}">Copy short answer</button> '
        '<span class="share-status" role="status" aria-live="polite"></span></div>\n'
    )


def claim_page(claim: Claim, site: Site) -> str:
    out = [front_matter(title=claim.fact, description=f"{claim.verdict.label}: {claim.short_answer}",
                        tags=claim.tags, search={"boost": 2})]  # claims rank above the sources they cite
    out.append(f"# {inline(claim.fact)} {{#fact}}\n")
    out.append(f"**Verdict:** {verdict_badge(claim.verdict, '../')}\n{{ .claim-verdict }}\n")
    out.append(f"{inline(claim.short_answer)}\n{{ .short-answer #short-answer }}\n")
    out.append(share_buttons(claim, site))
    out.append("## The claim we checked {#claim}\n")
    out.append(f"> {inline(claim.claim)}\n")
    out.append(also_heard_as(claim))
    out.append("## What we found {#explanation}\n")
    out.append(trusted_markdown(claim.explanation) + "\n")
    out.append("## Bottom line {#bottom-line data-search-exclude}\n")
    out.append(f"{inline(claim.bottom_line or claim.fact)}\n")
    out.append("## Evidence {#evidence data-search-exclude}\n")
    out.extend(_citation(index, c) for index, c in enumerate(claim.citations, 1))
    if claim.appearances:
        out.append("## Where this claim circulated {#circulated}\n")
        first = claim.first_appearance
        for a in sorted(claim.appearances, key=lambda a: a.date):
            label = " (first known appearance)" if a is first else ""
            out.append(f"- {a.date}: [{inline(a.title)}]({a.url}), {inline(a.publisher)}{label}")
        out.append("")
    out.append("## Dates and changes {#dates data-search-exclude}\n")
    out.append(f"- First published: {claim.first_published.isoformat()}")
    out.append(f"- Last reviewed: {claim.last_reviewed.isoformat()}")
    out.append(f"- Evidence as of: {claim.evidence_as_of.isoformat()}\n")
    if claim.changes:
        out.append("| Date | Change | Verdict |\n| --- | --- | --- |")
        for change in claim.changes:
            verdict = change.verdict.label if change.verdict else ""
            out.append(f"| {change.date.isoformat()} | {inline(' '.join(change.summary.split()))} | {verdict} |")
        out.append("")
    out.append("## Topic, tags and related claims {#related data-search-exclude}\n")
    out.append(f"Topic: [{inline(claim.topic.title)}](../topics/{claim.topic.id}.md)\n")
    if claim.related:
        out.extend(f"- [{inline(r.fact)}]({r.id}.md) {verdict_badge(r.verdict, '../')}" for r in claim.related)
        out.append("")
    if claim.aliases:
        out.append("Earlier addresses of this page: " + ", ".join(f"`claims/{a}/`" for a in claim.aliases) + "\n")
    out.append(f"[Report a problem with this claim]({site.report_url(claim)}){{ .report-link data-search-exclude }}\n")
    return "\n".join(out)


def also_heard_as(claim: Claim) -> str:
    """The other wordings people use, so that readers (and search) recognise the claim."""
    items = []
    for phrasing in claim.phrasings:
        lang = f' lang="{phrasing.language}"' if phrasing.language != "en" else ""
        text = f"“{inline(phrasing.text)}”"
        seen = f" ([where it was said]({phrasing.url}))" if phrasing.url else ""
        items.append(f"- <span{lang}>{text}</span>{seen}" if lang else f"- {text}{seen}")
    return "Also heard as:\n{ .also-heard-label }\n\n" + "\n".join(items) + "\n{ .also-heard }\n"


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
            heard = "; ".join(f"[{inline(a.title)}]({a.url}), {inline(a.publisher)}, {a.date}" for a in q.appearances)
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
        f"    Pinpoint: {inline(citation.locator)}. [Read the source]({source.url}) ·"
        f" [Archived copy]({source.archive_link})\n\n"
        f"    What it establishes: {inline(citation.establishes)}\n"
    )


def catalog_page(catalog: Catalog) -> str:
    """Every claim with its verdict, topic and short answer; filters appear once JavaScript runs."""
    out = [front_matter(title="All claims", description="Every claim about China's Social Credit System that we checked, with its verdict.",
                        search={"exclude": True})]  # it repeats every claim's title and short answer
    out.append("# All claims {#all-claims}\n")
    out.append(f"{len(catalog.claims)} claims, each with a verdict from the [scale](../methodology.md#verdicts) "
               "and the sources behind it.\n")
    out.append(filter_form(catalog))
    for claim in catalog.claims:
        out.append(f"- [{inline(claim.fact)}]({claim.id}.md) {verdict_badge(claim.verdict, '../')} "
                   f"[{inline(claim.topic.title)}](../topics/{claim.topic.id}.md){{ .claim-topic }}  ")
        out.append(f"    {inline(' '.join(claim.short_answer.split()))}")
        out.append(f'    {{ .claim-item data-verdict="{claim.verdict.slug}" data-topic="{claim.topic.id}" }}')
    return "\n".join(out) + "\n"


def filter_form(catalog: Catalog) -> str:
    """Filters for the catalog list (assets/catalog-filter.js); site.css hides them without JavaScript."""
    verdicts = "".join(f'<option value="{v.slug}">{v.label}</option>' for v in VERDICTS)
    topics = "".join(f'<option value="{t.id}">{html.escape(t.title)}</option>' for t in catalog.topics)
    return (
        '<form class="claim-filters" data-claim-filters role="search" aria-label="Filter claims">'
        '<label for="filter-text">Words</label> <input id="filter-text" name="q" type="search" autocomplete="off"> '
        f'<label for="filter-verdict">Verdict</label> <select id="filter-verdict" name="verdict"><option value="">All verdicts</option>{verdicts}</select> '
        f'<label for="filter-topic">Topic</label> <select id="filter-topic" name="topic"><option value="">All topics</option>{topics}</select> '
        '<output id="filter-count" role="status" aria-live="polite"></output></form>\n'
    )


def topic_claims(topic: Topic) -> str:
    """The claims section appended to a topic's hand-written explainer, grouped by verdict."""
    out = ["\n## Claims in this topic {#claims data-search-exclude}\n"]
    if not topic.claims:
        out.append("No claims have been checked in this topic yet.\n")
    for verdict in VERDICTS:
        claims = [c for c in topic.claims if c.verdict is verdict]
        if not claims:
            continue
        out.append(f"### {verdict.label} {{#claims-{verdict.slug} data-search-exclude}}\n")
        out.extend(f"- {claim_link(c)}" for c in claims)
        out.append("")
    return "\n".join(out)


def topics_index(catalog: Catalog) -> str:
    out = [front_matter(title="Topics", description="Browse the claims by topic.")]
    out.append("# Topics\n")
    for topic in catalog.topics:
        out.append(f"- **[{inline(topic.title)}]({topic.id}.md)** ({len(topic.claims)} claims): {inline(topic.summary)}")
    return "\n".join(out) + "\n"


def source_page(source: Source) -> str:
    out = [front_matter(title=source.title, description=f"{source.kind.label} published by {source.publisher}.")]
    out.append(f"# {inline(source.title)}\n")
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
    facts.append(f"Read it: [{inline(source.url)}]({source.url}) · [archived copy]({source.archive_link})")
    if source.translates:
        facts.append(f"Translation of: [{inline(source.translates.title)}]({source.translates.id}.md)")
    if source.translations:
        facts.append("Translations: " + ", ".join(f"[{inline(t.title)}]({t.id}.md)" for t in source.translations))
    out.extend(f"- {fact}" for fact in facts)
    out.append("")
    if source.notes:
        out.append(f"!!! note \"About this source\"\n    {inline(' '.join(source.notes.split()))}\n")
    out.append("## Claims that cite this source {#cited-by data-search-exclude}\n")
    if not source.cited_by:
        out.append("No claim cites this source yet.\n")
    for claim in source.cited_by:
        locators = "; ".join(inline(c.locator) for c in claim.citations if c.source is source)
        out.append(f"- {claim_link(claim)} {verdict_badge(claim.verdict, '../')} (at {locators})")
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
    """The verdict definitions for the methodology page, with stable anchors."""
    out = []
    for verdict in VERDICTS:
        out.append(f"### {verdict.label} {{#{verdict_anchor(verdict)}}}\n")
        out.append(f"{verdict.definition}\n")
    return "\n".join(out)


def timeline_page(catalog: Catalog) -> str:
    out = [front_matter(title="Timeline", description="Key documents and events of China's Social Credit System, oldest first.")]
    out.append("# Timeline\n")
    out.append("Key documents and events, oldest first. Each entry links to the source and to the claims that rest on it.\n")
    for source in catalog.milestones:
        when = source.signed or source.published
        out.append(f"## {when}: {inline(source.title)} {{#{source.id}}}\n")
        out.append(f"{inline(source.milestone)} ([source](../sources/{source.id}.md))\n")
        if source.cited_by:
            out.append(link_line("Claims that rest on it", [claim_link(c) for c in source.cited_by]))
    return "\n".join(out)


def glossary_page(catalog: Catalog) -> str:
    out = [front_matter(title="Glossary", description="Key Chinese terms of the Social Credit System, and why their translation matters.")]
    out.append("# Glossary\n")
    out.append("The Chinese terms behind the system, with pinyin, our translation, and why the translation matters.\n")
    for term in catalog.glossary:
        out.append(f"## {inline(term.term)} ({inline(term.pinyin)}) {{#{term.id}}}\n")
        out.append(f"**Our translation:** {inline(term.translation)}\n")
        out.append(f"{inline(term.why)}\n")
        if term.claims:
            out.append(link_line("Claims that hinge on it", [claim_link(c) for c in term.claims]))
        if term.sources:
            out.append(link_line("Sources that use it", [f"[{inline(s.title)}](../sources/{s.id}.md)" for s in term.sources]))
    return "\n".join(out)


def abbreviations(catalog: Catalog, markdown: str) -> str:
    """Definitions that make glossary terms in the text show their translation on hover."""
    found = [t for t in catalog.glossary if t.term in markdown]
    return "".join(f"\n*[{t.term}]: {t.translation} ({t.pinyin})" for t in found)
