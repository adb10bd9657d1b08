"""The data contract: every field of a claim and a source, the verdict scale and the source kinds.

This is the one place where the catalog's rules are written down. The checks, the annotated
templates, the methodology page and the exported schemas all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    slug: str
    label: str
    definition: str
    rank: int | None  # position on the ordinal scale, 1 = false ... 6 = true; None when off-scale
    colour: str  # badge colour; white text on it, and it as text on white, both pass WCAG AA
    icon: str  # a Material Design icon, drawn before the label so that grades differ in shape
    outline: bool = False  # "mostly" grades are drawn in outline, so they never look like the full grade


VERDICTS: tuple[Verdict, ...] = (
    Verdict("true", "True", "The claim is accurate and leaves out nothing that would change a reader's conclusion.", 6,
            "#1b5e20", "check-circle"),
    Verdict("mostly-true", "Mostly true", "The claim is accurate in substance but needs a clarification or an added detail.", 5,
            "#2e7d32", "check", outline=True),
    Verdict("mixed", "Mixed", "Parts of the claim are accurate and parts are not, in roughly equal weight.", 4,
            "#5e35b1", "circle-half-full"),
    Verdict("misleading", "Misleading", "Each statement may be defensible, but the claim as a whole leaves a false impression.", 3,
            "#8a4b00", "alert"),
    Verdict("mostly-false", "Mostly false", "The claim contains a grain of truth but gets the main point wrong.", 2,
            "#b3261e", "close", outline=True),
    Verdict("false", "False", "The claim is contradicted by the evidence.", 1,
            "#9c1414", "close-circle"),
    Verdict("unproven", "Unproven", "The public evidence is not enough to say whether the claim is accurate.", None,
            "#455a64", "help-circle"),
)
SCALE = tuple(sorted((v for v in VERDICTS if v.rank is not None), key=lambda v: v.rank))  # false ... true
VERDICT_BY_SLUG = {v.slug: v for v in VERDICTS}


@dataclass(frozen=True)
class SourceKind:
    slug: str
    label: str
    primary: bool
    definition: str


SOURCE_KINDS: tuple[SourceKind, ...] = (
    SourceKind("law", "Law or regulation", True, "A statute, regulation, policy document or official notice."),
    SourceKind("court", "Court document", True, "A judicial interpretation, court rule or judgment."),
    SourceKind("standard", "Standard", True, "A national or sector standard."),
    SourceKind("official-data", "Official data", True, "Statistics, registers, portals and official statements published by a state body."),
    SourceKind("translation", "Translation", True, "A translation of a primary document; it counts as primary."),
    SourceKind("research", "Research", False, "Academic or think-tank analysis."),
    SourceKind("journalism", "Journalism", False, "News reporting, features and opinion pieces."),
    SourceKind("reference", "Reference", False, "Encyclopaedias and other reference works."),
)
KIND_BY_SLUG = {k.slug: k for k in SOURCE_KINDS}

@dataclass(frozen=True)
class Field:
    name: str
    shape: str  # a shape of shapes.py, "list" or "record"
    required: bool
    help: str
    max_length: int | None = None
    item: Field | None = None  # for lists: the shape of one item
    fields: tuple[Field, ...] = ()  # for records: their fields
    example: str = ""


def _record(name: str, help: str, fields: tuple[Field, ...], required: bool = True) -> Field:
    return Field(name, "record", required, help, fields=fields)


def _list_of(name: str, help: str, item: Field, required: bool = False) -> Field:
    return Field(name, "list", required, help, item=item)


CITATION = _record(
    "citation", "One source that supports the claim's verdict.",
    (
        Field("source", "source-ref", True, "Id of a file in sources/ (its name without .yaml)."),
        Field("locator", "line", True, "Pinpoint inside the source: article, section, paragraph, table or page.", 200),
        Field("establishes", "text", True, "What this part of the source establishes, in your own words.", 600),
    ),
)

CHANGE = _record(
    "change", "One entry of the change log.",
    (
        Field("date", "date", True, "When the change was published."),
        Field("summary", "text", True, "What changed and why; give the reason for any verdict change.", 600),
        Field("verdict", "verdict", False, "The verdict after this change, when the change set or changed it."),
    ),
)

APPEARANCE = _record(
    "appearance", "A place where the claim circulated: an article, speech, post or show.",
    (
        Field("title", "line", True, "Title of the article, speech, post or show.", 300),
        Field("publisher", "line", True, "Outlet, speaker or platform.", 200),
        Field("date", "partial-date", True, "When it appeared: YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known."),
        Field("url", "url", True, "Where it can be read (http or https)."),
    ),
)

PHRASING = _record(
    "phrasing", "Another wording people use for the same claim.",
    (
        Field("text", "line", True, "The wording as people say or write it.", 300),
        Field("language", "language", False, "ISO 639-1 code of the wording when it is not English, e.g. zh."),
        Field("url", "url", False, "Where this wording was seen (http or https)."),
    ),
)

CLAIM_FIELDS: tuple[Field, ...] = (
    Field("id", "slug", False, "Optional; when present it must equal the file name without .yaml."),
    Field("claim", "english", True, "The claim as people say it, in their words, in English (a wording heard in another language goes in phrasings). Shown labelled, beside its verdict, everywhere the verdict appears.", 300),
    _list_of("phrasings", "Other wordings people use for the same claim, so that search finds it in the reader's words; at least one.", PHRASING, required=True),
    Field("fact", "line", True, "The fact in one plain sentence. Used as the page title and the share title.", 200),
    Field("verdict", "verdict", True, "One verdict from the scale on the methodology page."),
    Field("short_answer", "answer", True, "Two or three sentences that stand alone when pasted into a chat; never opening with a verdict word or a bare yes/no, because copies and previews already carry the verdict.", 600),
    Field("explanation", "markdown", True, "Why the claim sounds right and what actually exists (Markdown).", 12000),
    Field("bottom_line", "text", False, "A closing restatement of the fact; the fact itself is used when omitted.", 400),
    Field("topic", "topic-ref", True, "Id of a topic page in docs/topics/."),
    _list_of("tags", "Lowercase kebab-case keywords.", Field("tag", "slug", True, "A tag.")),
    _list_of("citations", "The sources behind the verdict; at least one must be primary.", CITATION, required=True),
    Field("first_published", "date", True, "The day the claim page was first published."),
    Field("last_reviewed", "date", True, "The day the claim was last checked against its sources."),
    Field("evidence_as_of", "date", True, "The newest evidence taken into account."),
    _list_of("changes", "The change log, oldest first.", CHANGE),
    _list_of("related", "Ids of related claims; the site and the open data add claims of the same topic and tags after them.",
             Field("claim", "claim-ref", True, "A claim id.")),
    _list_of("aliases", "Old ids of this claim; their URLs redirect here.", Field("alias", "slug", True, "An old id.")),
    _list_of("appearances", "Where the claim circulated: its first known appearance and notable repeats.", APPEARANCE),
)

MILESTONE_HELP = "One sentence for the timeline, when this source marks a milestone."

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("id", "slug", False, "Optional; when present it must equal the file name without .yaml."),
    Field("title", "line", True, "Title in English (a translated title when the original is not English).", 400),
    Field("title_original", "line", False, "Title in the original language, when it is not English.", 400),
    Field("publisher", "line", True, "Who issued or published it.", 200),
    _list_of("authors", "Named authors or translators.", Field("author", "line", True, "A name.", 120)),
    Field("signed", "partial-date", False, "When it was signed, adopted or dated, if that differs from publication."),
    Field("published", "partial-date", True, "When it was published or released."),
    Field("effective", "partial-date", False, "When it took effect, for laws and rules."),
    Field("url", "url", True, "Where the cited text can be read (http or https)."),
    Field("archive_url", "url", False, "An archived copy; a Wayback Machine link is derived from url when omitted."),
    Field("kind", "source-kind", True, "What kind of document it is."),
    Field("language", "language", True, "Language of the text at url, as an ISO 639-1 code (en, zh)."),
    Field("translates", "source-ref", False, "For a translation: the id of the source it translates."),
    Field("milestone", "text", False, MILESTONE_HELP, 300),
    Field("notes", "text", False, "Caveats for readers, e.g. that url is a copy because no official page could be verified.", 600),
)

QUEUE_FIELDS: tuple[Field, ...] = (
    Field("id", "slug", False, "Optional; when present it must equal the file name without .yaml."),
    Field("claim", "line", True, "The claim as it was heard, in the speaker's words.", 300),
    Field("language", "language", False, "ISO 639-1 code of the wording when it is not English, e.g. zh."),
    Field("topic", "topic-ref", True, "Id of a topic page in docs/topics/."),
    _list_of("appearances", "Where the claim was heard; at least one.", APPEARANCE, required=True),
    Field("notes", "text", False, "What evidence would settle the claim.", 600),
)

TOPIC_FIELDS: tuple[Field, ...] = (
    Field("title", "line", True, "The topic's name.", 80),
    Field("summary", "text", True, "One or two sentences shown on catalog and home pages.", 400),
    Field("order", "integer", True, "Position in lists of topics (1 comes first)."),
)

GLOSSARY_FIELDS: tuple[Field, ...] = (
    Field("id", "slug", False, "Optional; when present it must equal the file name without .yaml."),
    Field("term", "chinese", True, "The term in Chinese characters, e.g. 失信被执行人.", 40),
    Field("pinyin", "line", True, "The term in pinyin with tone marks, e.g. shīxìn bèi zhíxíngrén.", 120),
    Field("translation", "line", True, "Our English translation.", 120),
    Field("why", "text", True, "Why the translation matters: what a loose translation gets wrong.", 1200),
    _list_of("claims", "Ids of claims that hinge on this term, the one most about it first: each claim page shows the term, and search ranks the first claim highest for it.", Field("claim", "claim-ref", True, "A claim id.")),
    _list_of("sources", "Ids of sources that use or define the term.", Field("source", "source-ref", True, "A source id.")),
)

LIMITS = {"file_bytes": 200_000}
