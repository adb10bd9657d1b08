"""The shapes a field's value can take, one record each: its name, how the docs call it, how it is
checked and its JSON Schema for editors.

A field in contract.py names its shape; the validator (checks.py), the editor schemas (schema.py)
and the field tables (docs.py) all read this one table, so a shape cannot be added to one of
them and forgotten in another.

The schemas never reject what the validator accepts: the validator reads every scalar as typed
text, while an editor reads YAML 1.2 types, so `verdict: true` arrives there as a boolean and
`published: 2014` as a number; such typed values are allowed where their text would be.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .contract import (
    CLAIM_FIELDS,
    GLOSSARY_FIELDS,
    KIND_BY_SLUG,
    QUEUE_FIELDS,
    SOURCE_FIELDS,
    SOURCE_KINDS,
    TOPIC_FIELDS,
    VERDICT_BY_SLUG,
    VERDICTS,
    Field,
)
from .values import LANGUAGE, SLUG, _answer, _chinese, _date, _english, _enum, _pattern, _text, _url

SLUG_EXPLAIN = "use lowercase ASCII letters, digits and single hyphens"
SLUG_SCHEMA = r"^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$"
FULL_DATE_SCHEMA = r"^\s*\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\s*$"
PARTIAL_DATE_SCHEMA = r"^\s*\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?\s*$"
URL_SCHEMA = r"^\s*https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?\s*$"
HAN_SCHEMA = r"^\s*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}\s*$"
WHOLE_NUMBER = re.compile(r"^[0-9]{1,6}$")


@dataclass(frozen=True)
class Shape:
    name: str
    doc: str  # how the templates and field tables describe a value of this shape
    check: Callable  # (ctx, node, field, label) -> the checked value, or None after reporting
    schema: Callable[[Field], dict]  # the field's JSON Schema fragment
    text: str | None = None  # "line" or "free" for prose a person writes; None for ids, dates, codes


def text_pattern(limit: int | None, one_line: bool) -> str:
    """Non-empty after trimming and at most limit characters as the validator counts them."""
    if one_line:  # each inner run of white space counts as one character
        return rf"^\s*(?:\S|\s+(?=\S)){{1,{limit}}}\s*$" if limit else r"\S"
    if not limit:
        return r"\S"
    return rf"^\s*\S(?:[\s\S]{{0,{limit - 2}}}\S)?\s*$" if limit > 1 else r"^\s*\S\s*$"


def _text_schema(f: Field) -> dict:
    limit = f" of at most {f.max_length} characters" if f.max_length else ""
    return {"type": ["string", "number", "boolean"], "pattern": text_pattern(f.max_length, SHAPES[f.shape].text == "line"),
            "patternErrorMessage": f"Write non-empty text{limit}."}


def _slug_schema(f: Field) -> dict:
    return {"anyOf": [{"type": "string", "pattern": SLUG_SCHEMA,
                       "patternErrorMessage": "Use lowercase ASCII letters, digits and single hyphens, e.g. joint-punishment."},
                      {"type": "integer", "minimum": 0}, {"type": "boolean"}]}


def _fixed(schema: dict) -> Callable[[Field], dict]:
    return lambda f: schema


def _slug_check(ctx, node, f, label):
    return _pattern(ctx, node, label, SLUG, "SC112", SLUG_EXPLAIN)


SHAPES: dict[str, Shape] = {s.name: s for s in (
    Shape("line", "text (one line)", lambda ctx, node, f, label: _text(ctx, node, f, label, one_line=True), _text_schema, "line"),
    Shape("english", "text in English (one line)", _english, _text_schema, "line"),
    Shape("text", "text", lambda ctx, node, f, label: _text(ctx, node, f, label), _text_schema, "free"),
    Shape("answer", "text, not opening with a verdict or yes/no", _answer, _text_schema, "free"),
    Shape("markdown", "Markdown", lambda ctx, node, f, label: _text(ctx, node, f, label, markdown=True), _text_schema, "free"),
    Shape("chinese", "Chinese characters", _chinese,
          _fixed({"type": "string", "pattern": HAN_SCHEMA, "patternErrorMessage": "Write the term in Chinese characters, at least two."})),
    Shape("date", "date YYYY-MM-DD", lambda ctx, node, f, label: _date(ctx, node, label, partial=False),
          _fixed({"type": "string", "pattern": FULL_DATE_SCHEMA, "patternErrorMessage": "Write the date as YYYY-MM-DD."})),
    Shape("partial-date", "date YYYY-MM-DD, YYYY-MM or YYYY", lambda ctx, node, f, label: _date(ctx, node, label, partial=True),
          _fixed({"anyOf": [{"type": "string", "pattern": PARTIAL_DATE_SCHEMA,
                             "patternErrorMessage": "Write the date as YYYY-MM-DD, YYYY-MM or YYYY."},
                            {"type": "integer", "minimum": 1, "maximum": 9999}]})),
    Shape("url", "http(s) URL", lambda ctx, node, f, label: _url(ctx, node, label),
          _fixed({"type": "string", "pattern": URL_SCHEMA, "patternErrorMessage": "Write a full http:// or https:// address."})),
    Shape("slug", "kebab-case id", _slug_check, _slug_schema),
    Shape("claim-ref", "claim id", _slug_check, _slug_schema),
    Shape("source-ref", "source id", _slug_check, _slug_schema),
    Shape("topic-ref", "topic id", _slug_check, _slug_schema),
    Shape("language", "ISO 639-1 code",
          lambda ctx, node, f, label: _pattern(ctx, node, label, LANGUAGE, "SC104", "use an ISO 639-1 code such as en or zh"),
          _fixed({"type": "string", "pattern": r"^\s*[a-z]{2,3}\s*$", "patternErrorMessage": "Use an ISO 639-1 code such as en or zh."})),
    Shape("integer", "whole number",
          lambda ctx, node, f, label: _pattern(ctx, node, label, WHOLE_NUMBER, "SC114", "write a whole number"),
          _fixed({"anyOf": [{"type": "string", "pattern": r"^\s*\d{1,6}\s*$"}, {"type": "integer", "minimum": 0, "maximum": 999999}]})),
    # unquoted true/false arrive as booleans in an editor, as text in the validator
    Shape("verdict", "one of " + ", ".join(v.slug for v in VERDICTS),
          lambda ctx, node, f, label: _enum(ctx, node, label, VERDICT_BY_SLUG, "verdict"),
          _fixed({"enum": [v.slug for v in VERDICTS] + [True, False]})),
    Shape("source-kind", "one of " + ", ".join(k.slug for k in SOURCE_KINDS),
          lambda ctx, node, f, label: _enum(ctx, node, label, KIND_BY_SLUG, "source kind"),
          _fixed({"enum": [k.slug for k in SOURCE_KINDS]})),
)}
COLLECTIONS = {"list": "list", "record": "fields"}  # walked by checks.py; their schemas by schema.py


def _every_field(fields):
    for f in fields:
        yield f
        yield from _every_field(f.fields)
        if f.item is not None:
            yield from _every_field((f.item,))


_unknown = {f.shape for fs in (CLAIM_FIELDS, SOURCE_FIELDS, TOPIC_FIELDS, GLOSSARY_FIELDS, QUEUE_FIELDS)
            for f in _every_field(fs)} - set(SHAPES) - set(COLLECTIONS)
if _unknown:
    raise RuntimeError(f"contract fields use shapes that shapes.py does not define: {sorted(_unknown)}")
