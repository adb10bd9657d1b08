"""Check codes and the located messages that carry them.

Every problem the catalog can have has a stable code listed in CODES, with a one-line summary
and the fix. The codes are documented on the site from this table; a test makes sure each one
has a fixture that raises exactly that code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    summary: str
    fix: str


CODES: tuple[Code, ...] = (
    Code("SC001", "The file is not valid UTF-8 text.", "Save the file as UTF-8 (any modern editor can re-save it)."),
    Code("SC002", "The file is not valid YAML.", "The message names the slip at its real position (an unquoted ': ' in a value, a tab, a quote never closed, a line indented wrongly) and how to repair it. Where the repair is obvious, the rest of the file is checked too."),
    Code("SC003", "A key appears twice in the same mapping.", "Keep one of the two entries and delete the other."),
    Code("SC004", "YAML anchors and aliases (&name, *name) are not allowed.", "Write the value out in full where it is used."),
    Code("SC005", "YAML tags (!!str, !custom) are not allowed.", "Delete the tag; every value is read as the text you typed."),
    Code("SC006", "The file must hold exactly one mapping of fields.", "Start the file with `field: value` lines, one document, no leading `-`."),
    Code("SC007", "The file name is not a valid id.", "Name the file in lowercase ASCII kebab-case ending in .yaml, e.g. `claims/single-national-score.yaml`."),
    Code("SC008", "The id field does not match the file name.", "Delete the id field (the file name is the id) or make them equal."),
    Code("SC009", "The file is too large.", "Split the text; a claim or source file should stay well under the limit."),
    Code("SC010", "The file cannot be read, or is not an ordinary file.", "Replace the link, pipe or device with the file itself: record files are read only when they are ordinary, readable files inside the repository."),
    Code("SC011", "Brackets are nested too deeply.", "Write lists one item per line with '- ' instead of nesting [ ] and { }."),
    Code("SC012", "An unquoted value is cut short by ' #'.", "YAML treats ' #' as the start of a comment: put the whole value in quotes (or use | for long text), or move the comment to a line of its own."),
    Code("SC101", "A required field is missing.", "Add the field; templates/claim.yaml and templates/source.yaml show every field with what it holds."),
    Code("SC102", "The field is not part of the contract.", "Check its spelling against the field table, or delete it."),
    Code("SC103", "The value has the wrong type.", "Give text where text is expected, a list (`- item`) where a list is expected, and fields where a record is expected."),
    Code("SC104", "The value is not one of the allowed values.", "Use one of the values the message lists, spelled exactly."),
    Code("SC105", "The text is empty.", "Write the value (the comment above the field in the template says what it holds), or delete the line if the field is optional."),
    Code("SC106", "The text is longer than the field allows.", "Shorten it; long detail belongs in the explanation."),
    Code("SC107", "Raw HTML is not allowed in text.", "Use Markdown (or plain text) instead of tags; write < as 'less than' if you mean the symbol."),
    Code("SC108", "Links must be http or https URLs.", "Use a full http:// or https:// address."),
    Code("SC109", "The date is not a valid date.", "Write an ISO date, YYYY-MM-DD (partial dates YYYY-MM or YYYY only where the field allows)."),
    Code("SC110", "The date is in the future.", "Use the date on which it actually happened."),
    Code("SC111", "The dates are in an impossible order.", "Check the dates: e.g. a claim cannot be reviewed before it was published."),
    Code("SC112", "The value is not a valid lowercase kebab-case name.", "Use lowercase ASCII letters, digits and single hyphens, e.g. `joint-punishment`."),
    Code("SC113", "The same entry appears twice in a list.", "Delete the repeated entry."),
    Code("SC114", "The number is not a whole number.", "Write a whole number such as 3."),
    Code("SC115", "The short answer opens with a verdict word or a bare yes/no.",
         "Start with the substance (who did what, which document says so): pages, previews and copied text already put the claim and its verdict before the answer."),
    Code("SC116", "Reference-style link and abbreviation definitions are not allowed.",
         "Write each link inline as [text](address); glossary terms get their hover text from the glossary."),
    Code("SC117", "The heading is at a level the text may not use.",
         "In an explanation start headings at ### (the page supplies the others); a page has one # title, then ## sections."),
    Code("SC118", "Images must be stored in this repository.", "Remove the image, or add the file to docs/assets/ and link to it there: an image from another site is a request to that site on every visit."),
    Code("SC119", "The text contains an invisible direction control character.", "Delete it (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F or U+061C): such characters make text display in a different order than it is stored."),
    Code("SC120", "A glossary term must be written in Chinese characters.", "Give the term in Chinese characters (at least two), e.g. 失信被执行人; its pinyin and translation have fields of their own."),
    Code("SC121", "A checked claim must be worded in English.", "Write the claim in English, as English speakers say it; keep the wording heard in another language as a phrasing with its `language` (e.g. zh), so search still finds it."),
    Code("SC122", "The address carries tracking parameters.", "Give the page's own address: drop utm_ campaign tags, click ids (fbclid, gclid) and newsletter or feed tags; the message shows the address without them."),
    Code("SC201", "The cited source does not exist.", "Use the id of a file in sources/ (its name without .yaml; the message suggests the closest one), or add the source by copying templates/source.yaml to sources/<id>.yaml."),
    Code("SC202", "The topic does not exist.", "Use the id of a page in docs/topics/ (its file name without .md); the message lists them and suggests the closest."),
    Code("SC203", "The referenced claim does not exist.", "Use the id of a file in claims/ (its name without .yaml); the message suggests the closest one."),
    Code("SC204", "The translated source does not exist or is not primary.", "Point translates at a primary source in sources/."),
    Code("SC205", "The id or alias is already used by another claim.", "Choose an id no other claim uses, now or as an old id."),
    Code("SC206", "The claim cites no primary source.", "Cite at least one law, court document, standard, official data set or translation of one."),
    Code("SC207", "A citation has no pinpoint locator.", "Add `locator:` with the article, section, paragraph, table or page."),
    Code("SC208", "A claim lists itself as related.", "Delete its own id from related."),
    Code("SC209", "The verdict changed without a change-log entry.", "Add an entry to changes with the new verdict and the reason for the change."),
    Code("SC210", "The same wording belongs to two claims, or repeats the claim's own wording.",
         "Keep each wording on one claim only: delete the repeat, or merge the two claims (the old id goes into aliases)."),
    Code("SC211", "A queued claim is already answered by a checked claim.",
         "Delete the file in queue/ and, if its wording differs, add it to the checked claim's phrasings with the URL where it was heard."),
    Code("SC212", "Two glossary files define the same term.", "Keep one file for the term and delete the other (merge what each says into the one you keep)."),
    Code("SC213", "A link points to a page or anchor that does not exist, or puts its address in angle brackets.", "Link to an existing page of this site (../claims/<id>.md, ../sources/<id>.md, ../topics/<id>.md) or anchor, written plainly as [text](address); the message lists what was expected."),
    Code("SC214", "A published address would stop working.", "Never remove a line from permalinks.txt: when a claim is renamed or merged, list its old id in the aliases of the claim that replaces it, so the old address redirects."),
    Code("SC215", "A page is not registered in permalinks.txt.", "Run `make permalinks` to add the new addresses, and commit permalinks.txt with your change."),
)
CODE_BY_ID = {c.code: c for c in CODES}


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str  # relative to the catalog root, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in CODE_BY_ID:
            raise ValueError(f"unknown check code {self.code}")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


def summary_line(diagnostics: list[Diagnostic]) -> str:
    count = len(diagnostics)
    files = len({d.path for d in diagnostics})
    return f"{count} error{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
