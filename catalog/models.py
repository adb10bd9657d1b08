"""The catalog as objects: claims, sources and topics, with derived values computed once.

enrich() links records to each other (which claims cite a source, a topic's claims, related
claims, derived archive links), so every page and export reads the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .contract import KIND_BY_SLUG, VERDICT_BY_SLUG, SourceKind, Verdict

WAYBACK = "https://web.archive.org/web/"


@dataclass(eq=False)  # records are compared by identity
class Topic:
    id: str
    path: str
    title: str
    summary: str
    order: int
    claims: list["Claim"] = field(default_factory=list)

    def __repr__(self) -> str:  # linked records form cycles: a full repr would never end
        return f"Topic({self.id!r})"


@dataclass(eq=False)  # records are compared by identity
class Source:
    id: str
    path: str
    title: str
    publisher: str
    published: str
    url: str
    kind: SourceKind
    language: str
    title_original: str | None = None
    authors: list[str] = field(default_factory=list)
    signed: str | None = None
    effective: str | None = None
    archive_url: str | None = None
    translates: "Source | None" = None
    milestone: str | None = None
    notes: str | None = None
    cited_by: list["Claim"] = field(default_factory=list)
    translations: list["Source"] = field(default_factory=list)

    @property
    def archive_link(self) -> str:
        return self.archive_url or WAYBACK + self.url

    def __repr__(self) -> str:  # linked records form cycles: a full repr would never end
        return f"Source({self.id!r})"


@dataclass
class Citation:
    source: Source
    locator: str
    establishes: str


@dataclass
class Change:
    date: date
    summary: str
    verdict: Verdict | None = None


@dataclass
class Appearance:
    title: str
    publisher: str
    date: str
    url: str


@dataclass
class Phrasing:
    text: str
    language: str = "en"
    url: str | None = None


@dataclass(eq=False)  # records are compared by identity
class Claim:
    id: str
    path: str
    claim: str
    fact: str
    verdict: Verdict
    short_answer: str
    explanation: str
    topic: Topic
    citations: list[Citation]
    first_published: date
    last_reviewed: date
    evidence_as_of: date
    bottom_line: str | None = None
    tags: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    declared_related: list["Claim"] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)
    phrasings: list[Phrasing] = field(default_factory=list)
    related: list["Claim"] = field(default_factory=list)

    @property
    def sources(self) -> list[Source]:
        """The cited sources, each once, in the order first cited."""
        return list(dict.fromkeys(c.source for c in self.citations))

    @property
    def first_appearance(self) -> Appearance | None:
        return min(self.appearances, key=lambda a: a.date, default=None)

    def __repr__(self) -> str:  # linked records form cycles: a full repr would never end
        return f"Claim({self.id!r})"


@dataclass(eq=False)  # records are compared by identity
class GlossaryTerm:
    id: str
    path: str
    term: str
    pinyin: str
    translation: str
    why: str
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def __repr__(self) -> str:  # linked records form cycles: a full repr would never end
        return f"GlossaryTerm({self.id!r})"


@dataclass(eq=False)  # records are compared by identity
class QueuedClaim:
    """A claim heard, with where, but not checked yet."""

    id: str
    path: str
    claim: str
    topic: Topic
    appearances: list[Appearance]
    language: str = "en"
    notes: str | None = None

    def __repr__(self) -> str:  # linked records form cycles: a full repr would never end
        return f"QueuedClaim({self.id!r})"


@dataclass
class Catalog:
    claims: list[Claim]
    sources: list[Source]
    topics: list[Topic]
    glossary: list[GlossaryTerm] = field(default_factory=list)
    queue: list[QueuedClaim] = field(default_factory=list)

    @property
    def newest(self) -> str:
        """The day the catalog last changed in substance: its most recent claim review."""
        return max((c.last_reviewed for c in self.claims), default=date(2026, 1, 1)).isoformat()

    @property
    def milestones(self) -> list[Source]:
        """Sources that mark a milestone, oldest first (by signing date where there is one)."""
        return sorted((s for s in self.sources if s.milestone), key=lambda s: (s.signed or s.published, s.id))


def build_catalog(claim_values: dict[str, tuple[str, dict]], source_values: dict[str, tuple[str, dict]],
                  topic_values: dict[str, tuple[str, dict]], glossary_values: dict[str, tuple[str, dict]],
                  queue_values: dict[str, tuple[str, dict]] | None = None) -> Catalog:
    """Turn checked values (id -> (path, values)) into linked objects. Input must be error-free."""
    topics = {
        topic_id: Topic(topic_id, path, v["title"], v["summary"], int(v["order"]))
        for topic_id, (path, v) in topic_values.items()
    }
    sources = {
        source_id: Source(
            id=source_id, path=path, title=v["title"], publisher=v["publisher"], published=v["published"],
            url=v["url"], kind=KIND_BY_SLUG[v["kind"]], language=v["language"],
            title_original=v.get("title_original"), authors=v.get("authors", []), signed=v.get("signed"),
            effective=v.get("effective"), archive_url=v.get("archive_url"), milestone=v.get("milestone"),
            notes=v.get("notes"),
        )
        for source_id, (path, v) in source_values.items()
    }
    for source_id, (_, v) in source_values.items():
        if "translates" in v:
            sources[source_id].translates = sources[v["translates"]]
            sources[v["translates"]].translations.append(sources[source_id])
    claims = {
        claim_id: Claim(
            id=claim_id, path=path, claim=v["claim"], fact=v["fact"], verdict=VERDICT_BY_SLUG[v["verdict"]],
            short_answer=v["short_answer"], explanation=v["explanation"], topic=topics[v["topic"]],
            citations=[Citation(sources[c["source"]], c["locator"], c["establishes"]) for c in v["citations"]],
            first_published=v["first_published"], last_reviewed=v["last_reviewed"],
            evidence_as_of=v["evidence_as_of"], bottom_line=v.get("bottom_line"), tags=v.get("tags", []),
            changes=[Change(c["date"], c["summary"], VERDICT_BY_SLUG.get(c.get("verdict", ""))) for c in v.get("changes", [])],
            aliases=v.get("aliases", []),
            appearances=[Appearance(**a) for a in v.get("appearances", [])],
            phrasings=[Phrasing(**p) for p in v.get("phrasings", [])],
        )
        for claim_id, (path, v) in claim_values.items()
    }
    for claim_id, (_, v) in claim_values.items():
        claims[claim_id].declared_related = [claims[r] for r in v.get("related", [])]
    glossary = [
        GlossaryTerm(term_id, path, v["term"], v["pinyin"], v["translation"], v["why"],
                     [claims[c] for c in v.get("claims", [])], [sources[s] for s in v.get("sources", [])])
        for term_id, (path, v) in sorted(glossary_values.items())
    ]
    queue = [
        QueuedClaim(queue_id, path, v["claim"], topics[v["topic"]], [Appearance(**a) for a in v["appearances"]],
                    v.get("language", "en"), v.get("notes"))
        for queue_id, (path, v) in sorted((queue_values or {}).items())
    ]
    return enrich(Catalog(
        claims=sorted(claims.values(), key=lambda c: c.id),
        sources=sorted(sources.values(), key=lambda s: s.id),
        topics=sorted(topics.values(), key=lambda t: (t.order, t.id)),
        glossary=glossary,
        queue=queue,
    ))


RELATED_CANDIDATES = 8  # claims compared per topic and tag; bounds the work per claim


def enrich(catalog: Catalog) -> Catalog:
    """Compute every derived value in one pass."""
    groups: dict[tuple[str, str], list[Claim]] = {}  # ("topic", id) or ("tag", tag) -> claims in id order
    for claim in catalog.claims:
        claim.topic.claims.append(claim)
        for key in _group_keys(claim):
            groups.setdefault(key, []).append(claim)
        for source in dict.fromkeys(c.source for c in claim.citations):  # each source once
            source.cited_by.append(claim)
    positions = {key: {c.id: i for i, c in enumerate(members)} for key, members in groups.items()}
    for claim in catalog.claims:
        claim.related = related_claims(claim, groups, positions)
    return catalog


def _group_keys(claim: Claim) -> list[tuple[str, str]]:
    return [("topic", claim.topic.id), *(("tag", tag) for tag in claim.tags)]


def related_claims(claim: Claim, groups: dict, positions: dict, limit: int = 5) -> list[Claim]:
    """Declared related claims first, then claims sharing the topic or tags, most shared first.

    Only the RELATED_CANDIDATES claims that follow this one (by id, wrapping around) in each of
    its topic and tags are compared, so a large catalog costs the same per claim as a small one;
    in a topic or tag smaller than that, every member is compared."""
    chosen = [c for c in claim.declared_related if c is not claim]
    excluded = {id(c) for c in chosen} | {id(claim)}
    candidates: dict[str, Claim] = {}
    for key in _group_keys(claim):
        members, start = groups[key], positions[key][claim.id]
        for offset in range(1, min(RELATED_CANDIDATES + 1, len(members))):
            other = members[(start + offset) % len(members)]
            if id(other) not in excluded:
                candidates[other.id] = other
    tags = set(claim.tags)
    ranked = sorted(candidates.values(), key=lambda c: (-len(tags.intersection(c.tags)) - (c.topic is claim.topic), c.id))
    return (chosen + ranked)[: max(limit, len(chosen))]
