"""The claim page: the claim beside its verdict and the fact first, the short answer, share
buttons and the review line, then the explanation, the evidence, where the claim circulated, the
dates and related claims. Every contract field a reader needs is shown (SHOWN_ON_CLAIM_PAGE)."""

from __future__ import annotations

import html
from urllib.parse import quote

from .contract import CLAIM_FIELDS
from .listings import source_facts
from .models import Claim
from .render import claim_list, front_matter, inline, language_name, rated, rating_sentence, repeated, trusted_markdown, verdict_meter
from .safety import safe_url
from .site import Site, claim_path, has_own_page, source_anchor


def share_text(claim: Claim, site: Site) -> str:
    """What "copy short answer" puts on the clipboard: the claim, its verdict, the answer and the link."""
    return f"“{claim.claim}” — rated {claim.verdict.label}. {' '.join(claim.short_answer.split())} {site.url}{claim_path(claim.id)}"


def review_line(claim: Claim) -> str:
    primary = sum(1 for s in claim.sources if s.kind.primary)
    count = len(claim.sources)
    return (f"Reviewed {claim.last_reviewed.isoformat()} · {count} source{'s' if count != 1 else ''} "
            f"({primary} primary) · [dates and changes](#dates)\n{{ .review-line data-search-ignore }}\n")


def share_buttons(claim: Claim, site: Site) -> str:
    """Share and copy buttons, shown only where JavaScript runs (site.css); without it the link and
    answer are on the page. Copying uses Material's clipboard support (data-clipboard-text)."""
    link = html.escape(site.url + claim_path(claim.id), quote=True)
    text = html.escape(share_text(claim, site), quote=True)
    title = html.escape(claim.fact, quote=True)
    return (
        '<div class="share-buttons" data-share data-search-ignore>'
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
                         "catalog/claim_pages.py's claim_page and list them in SHOWN_ON_CLAIM_PAGE")


def claim_page(claim: Claim, site: Site) -> str:
    shown_fields()
    # Search weights (catalog/search_index.py): the claim's words weigh most, then its other wordings, the fact
    # and the short answer; the explanation little; evidence, dates and links not at all.
    out = [front_matter(title=claim.fact, description=f"{rating_sentence(claim)} {claim.short_answer}",
                        # Material prints tag names unescaped; a tag is a slug, so escaping changes nothing valid
                        tags=[html.escape(t) for t in claim.tags], hide=["tags"])]  # listed at the foot of the page
    out.append('<div class="claim-review" markdown>\n')
    out.append(f"{rated(claim, '../', indexed=True)} {verdict_meter(claim.verdict)}\n"
               f'{{ #claim .claim-line data-search-meta="verdict_slug:{claim.verdict.slug}" }}\n')
    out.append("The fact\n{ .fact-label data-search-ignore }\n")
    out.append(f"# {inline(claim.fact)} {{#fact}}\n")
    out.append("</div>\n")
    out.append(f'{inline(claim.short_answer)}\n'
               f'{{ .short-answer #short-answer data-search-weight="3" data-search-meta="repeated:{repeated(claim)}" }}\n')
    out.append(share_buttons(claim, site))
    out.append(review_line(claim))
    out.append(also_heard_as(claim))
    out.append(chinese_terms(claim))
    out.append("## What we found {#explanation data-search-ignore}\n")
    out.append('<div class="explanation" data-search-weight="0.5" markdown>\n')
    out.append(trusted_markdown(claim.explanation) + "\n")
    out.append("</div>\n")
    out.append('<div class="claim-record" data-search-ignore markdown>\n')
    out.append("## Bottom line {#bottom-line}\n")
    out.append(f"{inline(claim.bottom_line or claim.fact)}\n")
    out.append("## Evidence {#evidence}\n")
    seen: set[str] = set()
    for index, citation in enumerate(claim.citations, 1):
        out.append(_citation(index, citation, first=citation.source.id not in seen))
        seen.add(citation.source.id)
    out.append("</div>\n")
    if claim.appearances:  # their titles are people's own wordings of the claim: search reads them
        out.append("## Where this claim circulated {#circulated data-search-ignore}\n")
        out.append('<div class="circulated" data-search-weight="2" markdown>\n')
        first = claim.first_appearance
        for a in sorted(claim.appearances, key=lambda a: a.date):
            label = " (first known appearance)" if a is first else ""
            out.append(f"- {a.date}: [{inline(a.title)}]({safe_url(a.url)}), {inline(a.publisher)}{label}")
        out.append("\n</div>\n")
    out.append('<div class="claim-record" data-search-ignore markdown>\n')
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


def chinese_terms(claim: Claim) -> str:
    """The glossary terms the claim hinges on, linked to their entries. Search reads the Chinese
    and the pinyin as words of the claim, so 统一社会信用代码 finds the claims about the code: as
    much as the claim's own words where the glossary lists the claim first under the term (the
    claim most about it), as much as another wording elsewhere."""
    if not claim.terms:
        return ""
    terms = ", ".join(f'<span data-search-weight="{10 if t.claims[0] is claim else 8}" markdown>'
                      f'[<span lang="zh">{inline(t.term)}</span> ({inline(t.pinyin)})](../glossary/index.md#{t.id})</span>'
                      for t in claim.terms)
    return f'<span class="key-terms-label" data-search-ignore>Chinese terms:</span> {terms}\n{{ .key-terms }}\n'


def also_heard_as(claim: Claim) -> str:
    """The other wordings people use, so that readers (and search) recognise the claim."""
    items = []
    for phrasing in claim.phrasings:
        lang = f' lang="{phrasing.language}"' if phrasing.language != "en" else ""
        text = f"“{inline(phrasing.text)}”"
        seen = f" ([where it was said]({safe_url(phrasing.url)}))" if phrasing.url else ""
        items.append(f"- <span{lang}>{text}</span>{seen}" if lang else f"- {text}{seen}")
    return ("Also heard as:\n{ .also-heard-label data-search-ignore }\n\n"
            + '<div class="also-heard" data-search-weight="8" markdown>\n\n' + "\n".join(items) + "\n\n</div>\n") if items else ""


def _citation(index: int, citation, first: bool) -> str:
    """One evidence entry. The first entry of each source carries its anchor; a source with no page
    of its own (cited by this claim alone) is described there in full, as its page would."""
    source = citation.source
    kind = "Primary" if source.kind.primary else "Secondary"
    own_page = has_own_page(source)
    title = f"[{inline(source.title)}](../sources/{source.id}.md)" if own_page else inline(source.title)
    anchor = f"\n    {{ #{source_anchor(source.id)} }}" if first else ""
    entry = (
        f"{index}. **{title}**, {inline(source.publisher)}, {source.published}.\n"
        f"    *{kind} source: {source.kind.label.lower()}, in {language_name(source.language)}.*{anchor}\n\n"
    )
    if first and not own_page:
        entry += "".join(f"    {line}\n\n" for line in _source_details(source))
    return entry + (
        f"    Pinpoint: {inline(citation.locator)}. [Read the source]({safe_url(source.url)}) ·"
        f" [Archived copy]({safe_url(source.archive_url)})\n\n"
        f"    What it establishes: {inline(citation.establishes)}\n"
    )


def _source_details(source) -> list[str]:
    """What a source's own page would add to an evidence entry."""
    notes = [f"About this source: {inline(' '.join(source.notes.split()))}"] if source.notes else []
    return source_facts(source, to_sources="../sources/", whole=False) + notes
