"""The catalog as objects: claims, sources and topics, with derived values computed once.

enrich() links records to each other (which claims cite a source, a topic's claims and queued claims, related
claims, derived archive links), so every page and export reads the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .contract import CLAIM_FIELDS, GLOSSARY_FIELDS, KIND_BY_SLUG, QUEUE_FIELDS, SOURCE_FIELDS, TOPIC_FIELDS, VERDICT_BY_SLUG, SourceKind, Verdict

WAYBACK = "https://web.archive.org/web/"


@dataclass(eq=False)  # records are compared by identity
class Topic:
    id: str
    path: str
    title: str
    summary: str
    order: int
    claims: list[Claim] = field(default_factory=list)
    queued: list[QueuedClaim] = field(default_factory=list)  # claims heard in this topic, not checked yet

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
    translates: Source | None = None
    milestone: str | None = None
    notes: str | None = None
    cited_by: list[Claim] = field(default_factory=list)
    translations: list[Source] = field(default_factory=list)


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
    aliases: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)
    phrasings: list[Phrasing] = field(default_factory=list)
    related: list[Claim] = field(default_factory=list)  # declared ones first; enrich() adds claims alike
    declared_related: list[Claim] = field(default_factory=list)
    terms: list[GlossaryTerm] = field(default_factory=list)  # the glossary terms that list it; enrich()

    @property
    def last_changed(self) -> date:
        """When the page last changed in substance: its last review or its latest change."""
        return max([self.last_reviewed, *(c.date for c in self.changes)])

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

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @property
    def milestones(self) -> list[Source]:
        """Sources that mark a milestone, oldest first (by signing date where there is one)."""
        return sorted((s for s in self.sources if s.milestone), key=lambda s: (s.signed or s.published, s.id))


def build_catalog(claim_values: dict[str, tuple[str, dict]], source_values: dict[str, tuple[str, dict]],
                  topic_values: dict[str, tuple[str, dict]], glossary_values: dict[str, tuple[str, dict]],
                  queue_values: dict[str, tuple[str, dict]] | None = None) -> Catalog:
    """Turn checked values (id -> (path, values)) into linked objects. Input must be error-free.

    Every field of the contract becomes the model attribute of the same name, converted by its
    shape (ids become the records they name). A contract field that its model does not declare
    stops the build with a message naming both, so that no field is ever dropped silently."""
    topics = {i: _model(Topic, TOPIC_FIELDS, i, path, v, {}) for i, (path, v) in topic_values.items()}
    sources = {i: _model(Source, SOURCE_FIELDS, i, path, v, {"topic-ref": topics}) for i, (path, v) in source_values.items()}
    refs = {"topic-ref": topics, "source-ref": sources}
    for source in sources.values():
        source.archive_url = source.archive_url or WAYBACK + source.url
        if source.translates is not None:
            source.translates = sources[source.translates]
            source.translates.translations.append(source)
    claims = {i: _model(Claim, CLAIM_FIELDS, i, path, v, refs) for i, (path, v) in claim_values.items()}
    refs["claim-ref"] = claims
    for claim in claims.values():
        claim.related = [claims[r] for r in claim.related]  # declared ones; enrich() adds more
    glossary = [_model(GlossaryTerm, GLOSSARY_FIELDS, i, path, v, refs) for i, (path, v) in sorted(glossary_values.items())]
    queue = [_model(QueuedClaim, QUEUE_FIELDS, i, path, v, refs) for i, (path, v) in sorted((queue_values or {}).items())]
    return enrich(Catalog(
        claims=sorted(claims.values(), key=lambda c: c.id),
        sources=sorted(sources.values(), key=lambda s: s.id),
        topics=sorted(topics.values(), key=lambda t: (t.order, t.id)),
        glossary=glossary,
        queue=queue,
    ))


RECORD_MODELS = {"citation": Citation, "change": Change, "appearance": Appearance, "phrasing": Phrasing}
_SCALARS = {"verdict": VERDICT_BY_SLUG, "source-kind": KIND_BY_SLUG}


def _model(model, fields, record_id: str, path: str, values: dict, refs: dict):
    attributes = {f.name: _convert(f, values[f.name], refs) for f in fields if f.name in values and f.name != "id"}
    try:
        return model(id=record_id, path=path, **attributes)
    except TypeError as error:
        raise ModelError(f"{path}: catalog/models.py's {model.__name__} does not take every field of the contract "
                         f"({error}); declare the new field on the model, then show it (claim_pages.py)") from None


def _convert(f, value, refs: dict):
    if f.shape == "list":
        return [_convert(f.item, item, refs) for item in value]
    if f.shape == "record":
        model = RECORD_MODELS[f.name]
        try:
            return model(**{sub.name: _convert(sub, value[sub.name], refs) for sub in f.fields if sub.name in value})
        except TypeError as error:
            raise ModelError(f"catalog/models.py's {model.__name__} does not take every field of the contract ({error})") from None
    if f.shape in _SCALARS:
        return _SCALARS[f.shape][value]
    if f.shape == "integer":
        return int(value)
    if f.shape in refs and f.shape != "claim-ref":  # claims are linked once they all exist
        return refs[f.shape][value]
    if f.shape == "claim-ref" and "claim-ref" in refs:
        return refs["claim-ref"][value]
    return value


class ModelError(RuntimeError):
    """The contract and the models disagree: a programming error, raised loudly."""


RELATED_CANDIDATES = 8  # claims compared per topic and tag; bounds the work per claim


def enrich(catalog: Catalog) -> Catalog:
    """Compute every derived value in one pass."""
    groups: dict[tuple[str, str], list[Claim]] = {}  # ("topic", id) or ("tag", tag) -> claims in id order
    for claim in catalog.claims:
        claim.declared_related = list(claim.related)
        claim.topic.claims.append(claim)
        for key in _group_keys(claim):
            groups.setdefault(key, []).append(claim)
        for source in dict.fromkeys(c.source for c in claim.citations):  # each source once
            source.cited_by.append(claim)
    for queued in catalog.queue:
        queued.topic.queued.append(queued)
    for term in catalog.glossary:
        for claim in term.claims:
            claim.terms.append(term)
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
