"""Check loaded YAML trees against the data contract and against each other.

check_record() walks one file's tree with the contract's field list, reports every problem with
its position and returns the values that passed, converted (dates become datetime.date).
check_references() then checks what one record says about another: cited sources, topics,
related claims, aliases, the primary-source rule and the change log.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from datetime import date

from .contract import KIND_BY_SLUG, Field
from .diagnostics import Diagnostic
from .loader import Node
from .shapes import SHAPES
from .values import Context, Position


def check_record(ctx: Context, node: Node, fields: tuple[Field, ...], where: str = "", keys: tuple = ()) -> dict:
    """Check a mapping against fields; return the valid values by field name. ctx.positions
    remembers where each value stood, by its keys (list items by their index among the values)."""
    by_name = {f.name: f for f in fields}
    values: dict = {}
    ctx.place(keys, node)
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
        value = check_value(ctx, entry.value, f, f"{where}{f.name}", keys + (f.name,))
        if value is not None:
            values[f.name] = value
    return values


def check_value(ctx: Context, node: Node, f: Field, label: str, keys: tuple):
    if node.reported:
        return None
    ctx.place(keys, node)
    if f.shape == "list":
        return _check_list(ctx, node, f, label, keys)
    if f.shape == "record":
        if not node.is_mapping:
            ctx.report(node, "SC103", f"'{label}' must be a set of fields ({', '.join(x.name for x in f.fields)})")
            return None
        return check_record(ctx, node, f.fields, f"{label}.", keys)
    if not node.is_scalar:
        ctx.report(node, "SC103", f"'{label}' must be text, not a {'list' if node.is_sequence else 'mapping'}")
        return None
    if node.value is None:
        ctx.report(node, "SC105", f"'{label}' is empty")
        return None
    return SHAPES[f.shape].check(ctx, node, f, label)


def _check_list(ctx: Context, node: Node, f: Field, label: str, keys: tuple):
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
        value = check_value(ctx, item, f.item, f"{label}[{index + 1}]", keys + (len(items),))
        if value is None:
            continue
        key = repr(value)
        if key in seen:
            ctx.report(item, "SC113", f"'{label}' repeats the entry at line {seen[key]}")
            continue
        seen[key] = item.line
        items.append(value)
    return items


@dataclass
class Record:
    """One file's id, its checked values, and where each value stood in the file.

    Trees are not kept once a file is checked (there are millions of nodes at 10,000 claims, and
    files may be checked in other processes); the positions travel with the values instead."""

    id: str
    path: str
    values: dict
    positions: dict[tuple, Position]

    def position(self, *keys) -> Position:
        """Where the value at keys stood, or the nearest enclosing value that was checked."""
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.positions:
                return self.positions[keys[:end]]
        return (1, 1, None)

    def line(self, *keys) -> int:
        return self.position(*keys)[0]


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
            why = ("is not in sources/" + did_you_mean(target, source_ids) if original is None
                   else "is this source itself" if target == source.id else "is not a primary source")
            _report(diagnostics, source, today, ("translates",), "SC204", f"translates '{target}', which {why}")
    owners: dict[str, Record] = {c.id: c for c in claims}
    for claim in claims:
        for index, alias in enumerate(claim.values.get("aliases", [])):
            other = owners.get(alias)
            if other is None and alias in claim_ids:
                _report(diagnostics, claim, today, ("aliases", index), "SC205", f"alias '{alias}' is already the id of claims/{alias}.yaml")
            elif other is not None:
                whose = "its own id" if other is claim else f"already used by {other.path}"
                _report(diagnostics, claim, today, ("aliases", index), "SC205", f"alias '{alias}' is {whose}")
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
            for index, ref in enumerate(term.values.get(key, [])):
                if ref not in known:
                    _report(diagnostics, term, today, (key, index), code, f"'{ref}' is not in {folder}{did_you_mean(ref, known)}")


def check_queue(queued: list[Record], claim_ids: set[str], topic_ids: set[str],
                diagnostics: list[Diagnostic], today: date) -> None:
    """Queued claims need a known topic and an id no checked claim uses."""
    for record in queued:
        if record.id in claim_ids:
            _report(diagnostics, record, today, (), "SC205", f"the id '{record.id}' is already used by claims/{record.id}.yaml")
        topic = record.values.get("topic")
        if topic is not None and topic not in topic_ids:
            _report(diagnostics, record, today, ("topic",), "SC202", unknown_topic(topic, topic_ids))


def did_you_mean(mistyped: str, known: set[str]) -> str:
    """'; did you mean 'x'?' for the closest known id, or nothing when none is close."""
    close = difflib.get_close_matches(str(mistyped), sorted(known), n=1, cutoff=0.75)
    return f"; did you mean '{close[0]}'?" if close else ""


def unknown_topic(topic: str, topic_ids: set[str]) -> str:
    known = ", ".join(sorted(topic_ids)) or "none yet"
    return f"topic '{topic}' has no page in docs/topics/{did_you_mean(topic, topic_ids)} (topics: {known})"


class _PunctuationAsSpace(dict):
    """A str.translate table that turns punctuation and symbols into spaces, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = " " if unicodedata.category(chr(code))[0] in "PS" else chr(code)
        return self[code]


_PUNCTUATION_AS_SPACE = _PunctuationAsSpace()


def normal_wording(text: str) -> str:
    """A wording reduced to what makes it the same claim: case, punctuation and spacing dropped."""
    return " ".join(text.casefold().translate(_PUNCTUATION_AS_SPACE).split())


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
                _report(diagnostics, claim, today, keys, "SC210", f"this wording is already used by {first[0].path} (line {first[0].line(*first[1])})")
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
        where = f"{first[0].path} (line {first[0].line(*first[1])})"
        if key in checked:
            _report(diagnostics, record, today, ("claim",), "SC211", f"this claim is already answered by {where}")
        else:
            _report(diagnostics, record, today, ("claim",), "SC210", f"this wording is already queued in {where}")


def _check_claim_references(claim: Record, source_by_id: dict, source_ids: set[str], claim_ids: set[str],
                            topic_ids: set[str], diagnostics: list[Diagnostic], today: date) -> None:
    values = claim.values
    topic = values.get("topic")
    if topic is not None and topic not in topic_ids:
        _report(diagnostics, claim, today, ("topic",), "SC202", unknown_topic(topic, topic_ids))
    for index, related in enumerate(values.get("related", [])):
        if related == claim.id:
            _report(diagnostics, claim, today, ("related", index), "SC208", "the claim lists itself as related")
        elif related not in claim_ids:
            _report(diagnostics, claim, today, ("related", index), "SC203",
                    f"related claim '{related}' is not in claims/{did_you_mean(related, claim_ids)}")
    citations = values.get("citations")
    if citations is not None:
        resolved, all_resolved = [], True
        for index, citation in enumerate(citations):
            source_id = citation.get("source")
            if source_id is None or source_id in source_ids and source_id not in source_by_id:
                all_resolved = False
            elif source_id not in source_by_id:
                all_resolved = False
                _report(diagnostics, claim, today, ("citations", index, "source"), "SC201",
                        f"source '{source_id}' is not in sources/{did_you_mean(source_id, source_ids)}")
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


def _is_primary(source: Record) -> bool:
    kind = KIND_BY_SLUG.get(source.values.get("kind", ""))
    return bool(kind and kind.primary)


def _report(diagnostics: list[Diagnostic], record: Record, today: date, keys: tuple, code: str, message: str) -> None:
    line, column, _ = record.position(*keys)
    diagnostics.append(Diagnostic(record.path, line, column, code, message))


def check_date_order(ctx: Context, record: Record, pairs: tuple[tuple[str, str], ...]) -> None:
    """Report each (earlier, later) pair of fields whose dates run backwards."""
    for earlier, later in pairs:
        first, second = record.values.get(earlier), record.values.get(later)
        if first is None or second is None:
            continue
        a, b = str(first), str(second)
        width = min(len(a), len(b))
        if a[:width] > b[:width]:
            _report(ctx.diagnostics, record, ctx.today, (later,), "SC111", f"'{later}' ({b}) is before '{earlier}' ({a})")
