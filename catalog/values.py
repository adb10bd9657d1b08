"""Checking one value against its shape: text, Markdown, dates, addresses, ids, verdicts.

Each checker reports what is wrong at the value's position through a Context and returns the
value converted (dates become datetime.date), or None. shapes.py names them, one per shape.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .contract import Field
from .diagnostics import Diagnostic
from .loader import Node
from .markdown_rules import Problem, markdown_problems, text_problems
from .safety import tracking_parameters, url_problem, without_tracking

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
        self.positions: dict[tuple, Position] = {}  # where each checked value stood, for later checks

    def place(self, keys: tuple, node: Node) -> None:
        """Remember where the value at keys stands (and, in a `|` block, the indent of its text)."""
        indent = None
        if node.literal and node.line < len(self.lines):
            raw = self.lines[node.line]  # the block's first line of text
            indent = len(raw) - len(raw.lstrip(" "))
        self.positions[keys] = (node.line, node.column, indent)

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


Position = tuple[int, int, "int | None"]  # line, column, and the indent of a `|` block's text (else None)


def in_text(path: str, position: Position, problem: Problem) -> Diagnostic:
    """A problem inside a checked text value, placed from the value's remembered position."""
    line, column, indent = position
    if indent is None:
        return Diagnostic(path, line, column, problem.code, problem.message)
    return Diagnostic(path, line + 1 + problem.line, indent + problem.column, problem.code, problem.message)


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


def _english(ctx: Context, node: Node, f: Field, label: str):
    """A claim's wording: the site is in English, so a claim in another script would stand as the
    page's claim with no translation beside its verdict (Latin-script languages are left to review)."""
    text = _text(ctx, node, f, label, one_line=True)
    letters = [ch for ch in text or "" if ch.isalpha()]
    other = sum(not unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    if letters and other * 2 > len(letters):
        ctx.report(node, "SC121", f"'{label}' is mostly in a script other than the Latin alphabet; word the claim in English and keep this wording as a phrasing with its language")
        return None
    return text


def _url(ctx: Context, node: Node, label: str):
    text = node.value.strip()
    problem = url_problem(text)
    if problem is not None:
        ctx.report(node, "SC108", f"'{label}' is {text[:80]!r}, which is not a full http:// or https:// address: {problem}")
        return None
    tracking = tracking_parameters(text)
    if tracking:
        ctx.report(node, "SC122", f"'{label}' carries tracking parameters ({', '.join(tracking)}); "
                                  f"give the page's own address: {without_tracking(text)[:200]}")
    return text


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

