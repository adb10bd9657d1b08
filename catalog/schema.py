"""JSON Schemas (draft 2020-12) for editors, generated from the data contract.

Editors such as VS Code (with the YAML extension) read schemas/claim.schema.json through the
`# yaml-language-server: $schema=...` line at the top of a claim file and then complete field
names, show each field's help and underline mistakes while typing. scripts/generate.py writes the
committed copies; tests/test_schema.py fails when they are stale.

The schema is an aid, the validator (scripts/validate.py) is the judge. Each shape's schema
fragment is in shapes.py, beside its check. The rule is that the schema never rejects a file the
validator accepts:

- Our loader reads every scalar as the text the contributor typed, so `verdict: true` is the
  verdict "true" and `published: 2014` is the partial date "2014". An editor reads the same
  YAML with YAML 1.2 types: `true` becomes a boolean and `2014` an integer. Each field therefore
  also accepts the typed values whose text the validator accepts: booleans for the verdict, any
  number or boolean for free text, whole numbers for ids and partial dates.
- Dates stay strings with a pattern (YAML 1.2 has no date type). The pattern does not know the
  calendar; the validator rejects 2023-02-30 and dates in the future.
- Lengths are counted as the validator counts them, after trimming surrounding white space (and,
  for one-line fields, counting each run of white space as one character), with patterns rather
  than maxLength.
- What needs other files (cited sources, topics, aliases, the primary-source rule) or the date
  of today is left to the validator, and so is the ban on raw HTML.
"""

from __future__ import annotations

from .contract import CLAIM_FIELDS, GLOSSARY_FIELDS, QUEUE_FIELDS, SOURCE_FIELDS, SOURCE_KINDS, VERDICTS, Field
from .shapes import SHAPES

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def describe(f: Field) -> str:
    words = ["Required." if f.required else "Optional.", f.help]
    if f.max_length:
        words.append(f"At most {f.max_length} characters.")
    if f.shape == "verdict":
        words.append("One of: " + "; ".join(f"{v.slug} ({v.definition})" for v in VERDICTS))
    if f.shape == "source-kind":
        words.append("One of: " + "; ".join(f"{k.slug} ({'primary' if k.primary else 'secondary'}: {k.definition})" for k in SOURCE_KINDS))
    return " ".join(words)


def field_schema(f: Field) -> dict:
    if f.shape == "list":
        schema = {"type": "array", "items": field_schema(f.item), "uniqueItems": True}
        if f.required:
            schema["minItems"] = 1
    elif f.shape == "record":
        schema = record_schema(f.fields)
    else:
        schema = SHAPES[f.shape].schema(f)
    return {"description": describe(f), **schema}


def record_schema(fields: tuple[Field, ...]) -> dict:
    return {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def document_schema(title: str, description: str, fields: tuple[Field, ...]) -> dict:
    return {"$schema": DRAFT, "title": title, "description": description, **record_schema(fields)}


SCHEMAS = {
    "claim": ("A claim", "One file in claims/, named <id>.yaml. Generated from catalog/contract.py.", CLAIM_FIELDS),
    "source": ("A source", "One file in sources/, named <id>.yaml. Generated from catalog/contract.py.", SOURCE_FIELDS),
    "queue": ("A claim heard, not yet checked", "One file in queue/, named <id>.yaml. Generated from catalog/contract.py.", QUEUE_FIELDS),
    "glossary": ("A glossary term", "One file in glossary/, named <id>.yaml. Generated from catalog/contract.py.", GLOSSARY_FIELDS),
}


def schemas() -> dict[str, dict]:
    """Every schema by name: claim, source, queue and glossary."""
    return {name: document_schema(*spec) for name, spec in SCHEMAS.items()}
