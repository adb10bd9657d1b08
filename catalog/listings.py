"""The pages that list records: the catalog of claims (paged, with its filters), topics, sources,
the timeline, the glossary, the queue of claims heard and the corrections log. Every claim listed
stands with its verdict (render.claim_item)."""

from __future__ import annotations

import html
import unicodedata
from functools import partial

from .contract import SOURCE_KINDS, VERDICTS
from .models import Catalog, Claim, Source, Topic
from .render import (
    badge_templates,
    claim_item,
    claim_link,
    claim_list,
    front_matter,
    inline,
    language_name,
    link_line,
    most_repeated,
    verdict_anchor,
    verdict_badge,
    verdict_meter,
)
from .safety import safe_url
from .site import Site, claim_path


def queue_page(catalog: Catalog, site: Site) -> str:
    """Claims heard but not checked yet, by topic, with where each was heard."""
    out = [front_matter(title="Claims we've heard", description="Claims about China's Social Credit System that people repeat and we have not checked yet.")]
    out.append("# Claims we've heard {#claims-heard}\n")
    out.append(f"{len(catalog.queue)} claims people repeat that we have not checked yet, with where each was said. "
               "They have no verdict until they are checked against primary sources. "
               f"[Suggest another claim]({site.suggest_url()}) or [read how we choose claims](../methodology.md#choosing-claims).\n")
    for topic in catalog.topics:
        if not topic.queued:
            continue
        out.append(f"## {inline(topic.title)} {{#{topic.id}}}\n")
        for q in topic.queued:
            lang = f' lang="{q.language}"' if q.language != "en" else ""
            heard = "; ".join(f"[{inline(a.title)}]({safe_url(a.url)}), {inline(a.publisher)}, {a.date}" for a in q.appearances)
            out.append(f"- <span{lang} id=\"{q.id}\">“{inline(q.claim)}”</span>  ")
            # search indexes the wording; where it was heard and what would settle it stay out,
            # so that this page stays a small search result as the queue grows
            out.append(f"    <span data-search-ignore>Heard in: {heard}.</span>  ")
            if q.notes:
                out.append(f"    <span data-search-ignore>What would settle it: {inline(' '.join(q.notes.split()))}</span>  ")
            out.append(f"    [Help check this claim]({site.suggest_url(q.claim)})")
        out.append("")
    return "\n".join(out) + "\n"


CATALOG_PAGE = 150  # claims per page of the list: the page stays light (the first visit of the catalog)


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
    out = ["## Claims in this topic {#claims data-search-ignore}\n"]
    if not topic.claims:
        out.append("No claims have been checked in this topic yet.\n")
    out.append(claim_list(most_repeated(topic.claims), "../"))
    return "\n".join(out)


def topic_closing(topic: Topic, site: Site) -> str:
    """The end of a topic page: where to go when the claim a reader heard is not among its claims."""
    heard = f"../queue/index.md#{topic.id}" if topic.queued else "../queue/index.md"  # the queue page heads only topics it holds
    return (f"Heard a claim on this topic that is not here? [Suggest a claim]({site.suggest_url()}) or see the "
            f"[claims we've heard but not checked yet]({heard}).\n{{ .topic-suggest data-search-ignore }}\n")


def most_repeated_items(catalog: Catalog, count: int = 8) -> list[dict]:
    """The most repeated claims as plain values, for templates (the 404 page)."""
    return [{"claim": c.claim, "fact": c.fact, "verdict": c.verdict.slug, "label": c.verdict.label, "path": claim_path(c.id)}
            for c in most_repeated(catalog.claims)[:count]]


def topics_index(catalog: Catalog) -> str:
    out = [front_matter(title="Topics", description="Browse the claims by topic.")]
    out.append("# Topics\n")
    for topic in catalog.topics:
        out.append(f"- **[{inline(topic.title)}]({topic.id}.md)** ({len(topic.claims)} claims): {inline(topic.summary)}")
    return "\n".join(out) + "\n"


def source_facts(source: Source, to_sources: str, whole: bool = True) -> list[str]:
    """The facts a source's page lists, in order; without `whole`, only those an evidence entry
    does not already show in its header and links (publisher, dates, kind, language, the copies)."""
    facts = []
    if source.title_original:
        facts.append(f"Original title: {inline(source.title_original)}")
    if whole:
        facts.append(f"Publisher: {inline(source.publisher)}")
    if source.authors:
        facts.append("Authors: " + ", ".join(inline(a) for a in source.authors))
    if source.signed:
        facts.append(f"Signed or dated: {source.signed}")
    if whole:
        facts.append(f"Published: {source.published}")
    if source.effective:
        facts.append(f"In effect from: {source.effective}")
    if whole:
        facts.append(f"Kind: {source.kind.label} ({'primary' if source.kind.primary else 'secondary'} source)")
        facts.append(f"Language: {language_name(source.language)}")
        facts.append(f"Read it: [{inline(source.url)}]({safe_url(source.url)}) · [archived copy]({safe_url(source.archive_url)})")
    if source.translates:
        facts.append(f"Translation of: [{inline(source.translates.title)}]({to_sources}{source.translates.id}.md)")
    if source.translations:
        facts.append("Translations: " + ", ".join(f"[{inline(t.title)}]({to_sources}{t.id}.md)" for t in source.translations))
    return facts


def source_page(source: Source) -> str:
    # Search leaves source pages out: they outnumber claims, and the claims that cite a source
    # are found by its words; every query would otherwise pay for them.
    out = [front_matter(title=source.title, description=f"{source.kind.label} published by {source.publisher}.", search={"exclude": True})]
    out.append(f"# {inline(source.title)}\n")
    out.append('<div class="source-facts" markdown>\n')
    facts = source_facts(source, to_sources="")
    out.extend(f"- {fact}" for fact in facts)
    out.append("")
    if source.notes:
        out.append(f"!!! note \"About this source\"\n    {inline(' '.join(source.notes.split()))}\n")
    out.append("</div>\n")
    out.append('<div class="cited-by" data-search-ignore markdown>\n')
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
        badge = f'<span class="verdict-badge verdict-{verdict.slug}">{verdict.label}</span>'
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
        out.append(f'## {inline(term.translation)} — {inline(term.term)} ({inline(term.pinyin)}) {{#{term.id} data-search-weight="15"}}\n')
        out.append(f"Pinyin without tone marks: *{inline(toneless(term.pinyin))}*\n{{ .glossary-toneless }}\n")
        out.append(f"{inline(term.why)}\n")
        if term.claims:
            out.append(link_line("Claims that hinge on it", [claim_link(c) for c in term.claims]))
        if term.sources:
            out.append(link_line("Sources that use it", [f"[{inline(s.title)}](../sources/{s.id}.md)" for s in term.sources]))
    return "\n".join(out)


def corrections_log(catalog: Catalog) -> str:
    """Every entry of every claim's change log, newest first: a verdict change names the claim
    it rates beside the verdict it gave from that day (a later entry may change it again)."""
    entries = sorted(((change, claim) for claim in catalog.claims for change in claim.changes),
                     key=lambda pair: (pair[0].date, pair[1].id), reverse=True)
    if not entries:
        return "No claim has been changed since it was first published.\n"
    out = ['<div class="corrections-log" data-search-ignore markdown>\n']  # grows with every change; the claims are indexed
    for change, claim in entries:
        rated = f" — rated {verdict_badge(change.verdict, '')} from this date" if change.verdict else ""
        out.append(f"- **{change.date.isoformat()}** · [“{inline(claim.claim)}”](claims/{claim.id}.md){rated}  ")
        out.append(f"  {inline(change.summary)}")
        out.append("  { .correction }")
    return "\n".join(out) + "\n\n</div>\n"
