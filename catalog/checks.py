"""Check loaded YAML trees against the data contract and against each other.

check_record() walks one file's tree with the contract's field list, reports every problem with
its position and returns the values that passed, converted (dates become datetime.date).
check_references() then checks what one record says about another: cited sources, topics,
related claims, aliases, the primary-source rule and the change log.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .contract import KIND_BY_SLUG, VERDICT_BY_SLUG, Field
from .diagnostics import Diagnostic
from .loader import Node, load_file
from .markdown_rules import Problem, markdown_problems, text_problems
from .safety import url_problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FULL_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
YAML_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n"}
# A short answer that opens like a verdict ("False.", "Mostly true:", "Yes,", "Largely right.")
# repeats the verdict that copies and previews already print before it, and reads as a verdict on
# whatever text stands nearest.
_QUALIFIER = r"(?:(?:mostly|largely|partly|partially|half|broadly|basically|essentially|not)[\s,]+)?"
VERDICT_OPENING = re.compile(
    r"^[\"'“‘(]*" + _QUALIFIER + r"(?:true|false|mixed|misleading|unproven)(?![\w'’-])"
    r"|^[\"'“‘(]*" + _QUALIFIER + r"(?:yes|no|yep|nope|right|wrong|correct|incorrect|partly|partially|largely|mostly|not really|not quite|the opposite)"
    r"(?:[\s,]+(?:yes|no|right|wrong|true|so))?\s*(?:[,.:;!?\u2014\u2013-]|$)",
    re.IGNORECASE)


class Context:
    """Where diagnostics go, for one file."""

    def __init__(self, path: str, diagnostics: list[Diagnostic], today: date, lines: list[str] | None = None):
        self.path = path
        self.diagnostics = diagnostics
        self.today = today
        self.lines = lines or []  # the file's lines, to place problems inside `|` blocks

    def report(self, node: Node, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, code, message))

    def report_in_text(self, node: Node, problem: Problem) -> None:
        """A problem at a place inside a text value: exact inside a `|` block, else the value's start."""
        line = node.line + 1 + problem.line
        if node.literal and line <= len(self.lines):
            raw = self.lines[line - 1]
            indent = len(raw) - len(raw.lstrip(" "))
            self.diagnostics.append(Diagnostic(self.path, line, indent + problem.column, problem.code, problem.message))
        else:
            self.report(node, problem.code, problem.message)


def check_record(ctx: Context, node: Node, fields: tuple[Field, ...], where: str = "") -> dict:
    """Check a mapping against fields; return the valid values by field name."""
    by_name = {f.name: f for f in fields}
    values: dict = {}
    for name, entry in node.value.items():
        if name not in by_name:
            known = ", ".join(f.name for f in fields)
            ctx.report(entry.key, "SC102", f"unknown field '{where}{name}'; the fields are: {known}")
    for f in fields:
        entry = node.value.get(f.name)
        if entry is None or entry.value.value is None and f.shape not in ("list", "record"):
            if entry is not None and not f.required:
                ctx.report(entry.value, "SC105", f"'{where}{f.name}' is empty; write it or delete the line")
            elif f.required and f.name == "locator":
                ctx.report(entry.value if entry else node, "SC207", f"the citation has no '{where}locator'; give the article, section, paragraph, table or page")
            elif f.required:
                if entry is None:
                    ctx.report(node, "SC101", f"missing required field '{where}{f.name}': {f.help}")
                else:
                    ctx.report(entry.value, "SC105", f"'{where}{f.name}' is empty; {f.help[0].lower()}{f.help[1:]}")
            continue
        value = check_value(ctx, entry.value, f, f"{where}{f.name}")
        if value is not None:
            values[f.name] = value
    return values


def check_value(ctx: Context, node: Node, f: Field, label: str):
    if node.reported:
        return None
    if f.shape == "list":
        return _check_list(ctx, node, f, label)
    if f.shape == "record":
        if not node.is_mapping:
            ctx.report(node, "SC103", f"'{label}' must be a set of fields ({', '.join(x.name for x in f.fields)})")
            return None
        return check_record(ctx, node, f.fields, f"{label}.")
    if not node.is_scalar:
        ctx.report(node, "SC103", f"'{label}' must be text, not a {'list' if node.is_sequence else 'mapping'}")
        return None
    if node.value is None:
        ctx.report(node, "SC105", f"'{label}' is empty")
        return None
    return SCALAR_CHECKS[f.shape](ctx, node, f, label)


def _check_list(ctx: Context, node: Node, f: Field, label: str):
    if not node.is_sequence:
        if node.value is None:
            ctx.report(node, "SC105", f"'{label}' is empty; add items starting with '- ', or delete the line")
            return None
        ctx.report(node, "SC103", f"'{label}' must be a list; start each item on its own line with '- '")
        return None
    if f.required and not node.value:
        ctx.report(node, "SC105", f"'{label}' is empty; {f.help[0].lower()}{f.help[1:]}")
        return None
    items, seen = [], {}
    for index, item in enumerate(node.value):
        value = check_value(ctx, item, f.item, f"{label}[{index + 1}]")
        if value is None:
            continue
        key = repr(value)
        if key in seen:
            ctx.report(item, "SC113", f"'{label}' repeats the entry at line {seen[key]}")
            continue
        seen[key] = item.line
        items.append(value)
    return items


def _text(ctx: Context, node: Node, f: Field, label: str, markdown: bool = False, one_line: bool = False):
    text = node.value.strip()
    if one_line:
        text = " ".join(text.split())
    if not text:
        ctx.report(node, "SC105", f"'{label}' is empty")
        return None
    ok = True
    if f.max_length and len(text) > f.max_length:
        ctx.report(node, "SC106", f"'{label}' has {len(text)} characters; the limit is {f.max_length}")
        ok = False
    problems = markdown_problems(node.value, label) if markdown else text_problems(node.value, label)
    for problem in problems:
        ctx.report_in_text(node, problem)
        ok = False
    return text if ok else None


def _answer(ctx: Context, node: Node, f: Field, label: str):
    text = _text(ctx, node, f, label)
    if text is not None:
        opening = VERDICT_OPENING.match(text)
        if opening:
            ctx.report(node, "SC115", f"'{label}' opens with {opening.group(0).strip()!r}; start with the substance, since the verdict is shown beside the claim already")
            return None
    return text


HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$")


def _chinese(ctx: Context, node: Node, f: Field, label: str):
    """A glossary term: it becomes a tooltip wherever it appears, so it must be a real Chinese term."""
    text = _text(ctx, node, f, label, one_line=True)
    if text is not None and not HAN.match(text):
        ctx.report(node, "SC120", f"'{label}' is {text!r}; write the term in Chinese characters only, at least two")
        return None
    return text


def _url(ctx: Context, node: Node, label: str):
    text = node.value.strip()
    problem = url_problem(text)
    if problem is None:
        return text
    ctx.report(node, "SC108", f"'{label}' is {text[:80]!r}, which is not a full http:// or https:// address: {problem}")
    return None


def _date(ctx: Context, node: Node, label: str, partial: bool) -> str | date | None:
    text = node.value.strip()
    match = (PARTIAL_DATE if partial else FULL_DATE).match(text)
    hint = "YYYY-MM-DD, YYYY-MM or YYYY" if partial else "YYYY-MM-DD"
    if not match:
        ctx.report(node, "SC109", f"'{label}' is {text!r}; write the date as {hint}")
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        exact = date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        ctx.report(node, "SC109", f"'{label}' is {text!r}, which is not a day of the calendar")
        return None
    if exact > ctx.today:
        ctx.report(node, "SC110", f"'{label}' is {text}, after today ({ctx.today.isoformat()})")
        return None
    return text if partial else exact


def _enum(ctx: Context, node: Node, label: str, allowed: dict, what: str):
    text = node.value.strip()
    if text in allowed:
        return text
    hint = ""
    if text.lower() in YAML_BOOLEAN_WORDS:
        hint = " (yes/no are not verdicts)"
    elif text.lower().replace(" ", "-") in allowed:
        hint = f" (did you mean {text.lower().replace(' ', '-')}?)"
    ctx.report(node, "SC104", f"'{label}' must be one of {', '.join(allowed)}{hint}: {text!r} is not a {what}")
    return None


def _pattern(ctx: Context, node: Node, label: str, pattern: re.Pattern, code: str, explain: str):
    text = node.value.strip()
    if pattern.match(text):
        return text
    ctx.report(node, code, f"'{label}' is {text!r}; {explain}")
    return None


SLUG_EXPLAIN = "use lowercase ASCII letters, digits and single hyphens"

SCALAR_CHECKS = {
    "line": lambda ctx, node, f, label: _text(ctx, node, f, label, one_line=True),
    "text": lambda ctx, node, f, label: _text(ctx, node, f, label),
    "answer": _answer,
    "chinese": lambda ctx, node, f, label: _chinese(ctx, node, f, label),
    "markdown": lambda ctx, node, f, label: _text(ctx, node, f, label, markdown=True),
    "date": lambda ctx, node, f, label: _date(ctx, node, label, partial=False),
    "partial-date": lambda ctx, node, f, label: _date(ctx, node, label, partial=True),
    "url": lambda ctx, node, f, label: _url(ctx, node, label),
    "slug": lambda ctx, node, f, label: _pattern(ctx, node, label, SLUG, "SC112", SLUG_EXPLAIN),
    "claim-ref": lambda ctx, node, f, label: _pattern(ctx, node, label, SLUG, "SC112", SLUG_EXPLAIN),
    "source-ref": lambda ctx, node, f, label: _pattern(ctx, node, label, SLUG, "SC112", SLUG_EXPLAIN),
    "topic-ref": lambda ctx, node, f, label: _pattern(ctx, node, label, SLUG, "SC112", SLUG_EXPLAIN),
    "language": lambda ctx, node, f, label: _pattern(ctx, node, label, LANGUAGE, "SC104", "use an ISO 639-1 code such as en or zh"),
    "integer": lambda ctx, node, f, label: _pattern(ctx, node, label, re.compile(r"^[0-9]{1,6}$"), "SC114", "write a whole number"),
    "verdict": lambda ctx, node, f, label: _enum(ctx, node, label, VERDICT_BY_SLUG, "verdict"),
    "source-kind": lambda ctx, node, f, label: _enum(ctx, node, label, KIND_BY_SLUG, "source kind"),
}


@dataclass
class Record:
    """One file's id, its checked values, and where to read its tree again.

    Trees are not kept once a file is checked (there are millions of nodes at 10,000 claims, and
    files may be checked in other processes). A cross-record check that finds a problem reads the
    file again to point at the line."""

    id: str
    path: str
    values: dict
    location: str  # the file on disk
    root: Node | None = None

    def node(self, *keys) -> Node:
        """The node at a path of keys and list indexes, or the nearest one that exists."""
        node = self.tree()
        for key in keys:
            if isinstance(key, int) and node.is_sequence and key < len(node.value):
                node = node.value[key]
            elif isinstance(key, str) and node.is_mapping and key in node.value:
                node = node.value[key].value
            else:
                break
        return node

    def tree(self) -> Node:
        if self.root is None:
            try:
                with open(self.location, "rb") as file:
                    self.root = load_file(self.path, file.read()).root
            except OSError:  # the file went away after it was checked: point at its start
                pass
            self.root = self.root or Node({}, 1, 1)
        return self.root


def check_references(claims: list[Record], sources: list[Record], claim_ids: set[str], source_ids: set[str],
                     topic_ids: set[str], diagnostics: list[Diagnostic], today: date) -> None:
    """Check what records say about each other. The id sets include files that failed to load."""
    source_by_id = {s.id: s for s in sources}
    for source in sources:
        target = source.values.get("translates")
        if target is None or (target in source_ids and target not in source_by_id):
            continue
        original = source_by_id.get(target)
        if original is None or target == source.id or ("kind" in original.values and not _is_primary(original)):
            why = "is not in sources/" if original is None else "is this source itself" if target == source.id else "is not a primary source"
            _report(diagnostics, source, today, ("translates",), "SC204", f"translates '{target}', which {why}")
    owners: dict[str, Record] = {c.id: c for c in claims}
    for claim in claims:
        for index, alias in enumerate(claim.values.get("aliases", [])):
            other = owners.get(alias)
            if other is None and alias in claim_ids:
                _report(diagnostics, claim, today, ("aliases", _list_index(claim, "aliases", alias)), "SC205", f"alias '{alias}' is already the id of claims/{alias}.yaml")
            elif other is not None:
                whose = "its own id" if other is claim else f"already used by {other.path}"
                _report(diagnostics, claim, today, ("aliases", _list_index(claim, "aliases", alias)), "SC205", f"alias '{alias}' is {whose}")
            else:
                owners[alias] = claim
    for claim in claims:
        _check_claim_references(claim, source_by_id, source_ids, claim_ids, topic_ids, diagnostics, today)


def check_glossary_references(terms: list[Record], claim_ids: set[str], source_ids: set[str],
                              diagnostics: list[Diagnostic], today: date) -> None:
    first: dict[str, Record] = {}
    for term in terms:
        text = term.values.get("term")
        if text in first:
            _report(diagnostics, term, today, ("term",), "SC212", f"the term {text} is already defined in {first[text].path}")
        elif text:
            first[text] = term
        for key, known, code, folder in (("claims", claim_ids, "SC203", "claims/"), ("sources", source_ids, "SC201", "sources/")):
            for ref in term.values.get(key, []):
                if ref not in known:
                    _report(diagnostics, term, today, (key, _list_index(term, key, ref)), code, f"'{ref}' is not in {folder}")


def check_queue(queued: list[Record], claim_ids: set[str], topic_ids: set[str],
                diagnostics: list[Diagnostic], today: date) -> None:
    """Queued claims need a known topic and an id no checked claim uses."""
    for record in queued:
        if record.id in claim_ids:
            _report(diagnostics, record, today, (), "SC205", f"the id '{record.id}' is already used by claims/{record.id}.yaml")
        topic = record.values.get("topic")
        if topic is not None and topic not in topic_ids:
            known = ", ".join(sorted(topic_ids)) or "none yet"
            _report(diagnostics, record, today, ("topic",), "SC202", f"topic '{topic}' has no page in docs/topics/ (topics: {known})")


def normal_wording(text: str) -> str:
    """A wording reduced to what makes it the same claim: case, punctuation and spacing dropped."""
    kept = "".join(ch if not unicodedata.category(ch).startswith(("P", "S")) else " " for ch in text.casefold())
    return " ".join(kept.split())


def check_wordings(claims: list[Record], queued: list[Record], diagnostics: list[Diagnostic], today: date) -> None:
    """Each wording (a claim, one of its phrasings, a queued claim) belongs to one claim only."""
    owner: dict[str, tuple[Record, tuple]] = {}
    for claim in claims:
        wordings = [(claim.values.get("claim"), ("claim",))]
        wordings += [(p.get("text"), ("phrasings", i, "text")) for i, p in enumerate(claim.values.get("phrasings", []))]
        for text, keys in wordings:
            if text is None:
                continue
            key = normal_wording(text)
            first = owner.get(key)
            if first is None:
                owner[key] = (claim, keys)
            elif first[0] is claim:
                _report(diagnostics, claim, today, keys, "SC210", "this phrasing repeats the claim's own wording")
            else:
                _report(diagnostics, claim, today, keys, "SC210", f"this wording is already used by {first[0].path} (line {first[0].node(*first[1]).line})")
    checked = set(owner)
    for record in queued:
        text = record.values.get("claim")
        if text is None:
            continue
        key = normal_wording(text)
        first = owner.get(key)
        if first is None:
            owner[key] = (record, ("claim",))
            continue
        where = f"{first[0].path} (line {first[0].node(*first[1]).line})"
        if key in checked:
            _report(diagnostics, record, today, ("claim",), "SC211", f"this claim is already answered by {where}")
        else:
            _report(diagnostics, record, today, ("claim",), "SC210", f"this wording is already queued in {where}")


def _list_index(record: Record, key: str, value: str) -> int:
    node = record.node(key)
    if node.is_sequence:
        for index, item in enumerate(node.value):
            if item.is_scalar and (item.value or "").strip() == value:
                return index
    return 0


def _check_claim_references(claim: Record, source_by_id: dict, source_ids: set[str], claim_ids: set[str],
                            topic_ids: set[str], diagnostics: list[Diagnostic], today: date) -> None:
    values = claim.values
    topic = values.get("topic")
    if topic is not None and topic not in topic_ids:
        known = ", ".join(sorted(topic_ids)) or "none yet"
        _report(diagnostics, claim, today, ("topic",), "SC202", f"topic '{topic}' has no page in docs/topics/ (topics: {known})")
    for index, related in enumerate(values.get("related", [])):
        if related == claim.id:
            _report(diagnostics, claim, today, ("related", _list_index(claim, "related", related)), "SC208", "the claim lists itself as related")
        elif related not in claim_ids:
            _report(diagnostics, claim, today, ("related", _list_index(claim, "related", related)), "SC203", f"related claim '{related}' is not in claims/")
    citations = values.get("citations")
    if citations is not None:
        resolved, all_resolved = [], True
        for index, citation in enumerate(citations):
            source_id = citation.get("source")
            if source_id is None or source_id in source_ids and source_id not in source_by_id:
                all_resolved = False
            elif source_id not in source_by_id:
                all_resolved = False
                position = _citation_index(claim, source_id)
                _report(diagnostics, claim, today, ("citations", position, "source"), "SC201", f"source '{source_id}' is not in sources/")
            else:
                resolved.append(source_by_id[source_id])
        kinds_known = all("kind" in s.values for s in resolved)  # a bad kind is reported on the source
        if all_resolved and kinds_known and resolved and not any(_is_primary(s) for s in resolved):
            _report(diagnostics, claim, today, ("citations",), "SC206", "none of the cited sources is primary (law, court, standard, official-data or translation)")
    changed = [c for c in values.get("changes", []) if "verdict" in c]
    verdict = values.get("verdict")
    if changed and verdict is not None and changed[-1]["verdict"] != verdict:
        _report(diagnostics, claim, today, ("verdict",), "SC209",
                f"the verdict is '{verdict}' but the latest change-log verdict is '{changed[-1]['verdict']}'; log the change and its reason")


def _citation_index(claim: Record, source_id: str) -> int:
    node = claim.node("citations")
    for index, item in enumerate(node.value if node.is_sequence else []):
        if item.is_mapping and "source" in item.value and (item.value["source"].value.value or "").strip() == source_id:
            return index
    return 0


def _is_primary(source: Record) -> bool:
    kind = KIND_BY_SLUG.get(source.values.get("kind", ""))
    return bool(kind and kind.primary)


def _report(diagnostics: list[Diagnostic], record: Record, today: date, keys: tuple, code: str, message: str) -> None:
    Context(record.path, diagnostics, today).report(record.node(*keys), code, message)


def check_date_order(ctx: Context, record: Record, pairs: tuple[tuple[str, str], ...]) -> None:
    """Report each (earlier, later) pair of fields whose dates run backwards."""
    for earlier, later in pairs:
        first, second = record.values.get(earlier), record.values.get(later)
        if first is None or second is None:
            continue
        a, b = str(first), str(second)
        width = min(len(a), len(b))
        if a[:width] > b[:width]:
            ctx.report(record.node(later), "SC111", f"'{later}' ({b}) is before '{earlier}' ({a})")
