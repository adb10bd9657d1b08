"""YAML syntax errors in a contributor's words, at the line and column of the real cause.

The parser reports where it got stuck ("mapping values are not allowed in this context"), which is
often not where the mistake is. The common slips (an unquoted ': ' inside a value, a tab used for
indentation, a quote never closed, a line indented wrongly) are recognised here and explained.
Where a slip has one obvious repair (quote the value, replace the tab), the repaired text is
returned too, so that the loader can go on and report the file's other problems in the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

KEY = re.compile(r"^(?P<indent>[ \t]*(?:- +)?)(?P<key>[A-Za-z_][\w-]*):(?: +|$)")
OPENING_QUOTE = re.compile(r"^(?P<lead>[ \t]*(?:- +)?(?:[A-Za-z_][\w-]*: +)?)(?P<quote>[\"'])")


@dataclass(frozen=True)
class Slip:
    line: int  # 1-based, in the text given
    column: int
    message: str
    repaired: str | None = None  # the text with this slip repaired, or None if there is no safe repair


def explain(text: str, error: yaml.MarkedYAMLError) -> Slip:
    """The slip behind a parser error."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    row, column = (mark.line, mark.column) if mark else (0, 0)
    problem = " ".join(str(error.problem or error.context or "").split())
    return (_tab(lines, row)
            or _unclosed_quote(lines, row, error)
            or (_colon(lines, row, column) if "mapping values are not allowed" in problem else None)
            or (_indentation(lines, row) if _is_indentation(problem) else None)
            or Slip(row + 1, column + 1, f"YAML cannot read this line ({problem or 'syntax error'}); "
                                         "compare it with the template in templates/"))


def _tab(lines: list[str], row: int) -> Slip | None:
    for index in range(min(row, len(lines) - 1), -1, -1):  # the tab is on the line, or just above it
        indent = re.match(r"[ \t]*", lines[index]).group(0)
        if "\t" in indent:
            repaired = lines[:index] + [indent.replace("\t", "  ") + lines[index][len(indent):]] + lines[index + 1:]
            return Slip(index + 1, indent.index("\t") + 1,
                        "a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces",
                        "\n".join(repaired))
        if index < row - 1:
            break
    return None


def _unclosed_quote(lines: list[str], row: int, error: yaml.MarkedYAMLError) -> Slip | None:
    """A value that opens a quote and never closes it on its line: the parser runs on and fails
    lines later, at the next quote or at the end of the file."""
    start = error.context_mark.line if "quoted scalar" in str(error.context or "") and error.context_mark else 0
    for index in range(start, min(row, len(lines) - 1) + 1):
        opening = OPENING_QUOTE.match(lines[index])
        if opening is None:
            continue
        quote, rest = opening.group("quote"), lines[index][opening.end():]
        closed = re.search(r'(?<!\\)"' if quote == '"' else r"'(?!')", rest.replace("''", ""))
        if closed is None:
            repaired = lines[:index] + [lines[index] + quote] + lines[index + 1:]
            return Slip(index + 1, opening.end(), f"the {quote} that opens this value is never closed: end the value "
                                                  f"with {quote} on the same line, or use | for text over several lines",
                        "\n".join(repaired))
    return None


def _colon(lines: list[str], row: int, column: int) -> Slip | None:
    line = lines[row] if row < len(lines) else ""
    key = KEY.match(line)
    if key is None or column <= key.end() - 1:
        return _indentation(lines, row)  # the line itself is a key: it is indented too far
    value = line[key.end():]
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    repaired = lines[:row] + [line[:key.end()] + quoted] + lines[row + 1:]
    return Slip(row + 1, column + 1, f"the value of '{key.group('key')}' contains ': ', which YAML reads as the start of "
                                     "another field: put the whole value in double quotes, or write it on the next "
                                     "lines after '|'", "\n".join(repaired))


def _is_indentation(problem: str) -> bool:
    return any(words in problem for words in ("expected <block end>", "did not find expected key",
                                               "did not find expected '-' indicator", "mapping values are not allowed"))


def _indentation(lines: list[str], row: int) -> Slip:
    index = min(row, len(lines) - 1)
    while index > 0 and not lines[index].strip():
        index -= 1
    column = len(lines[index]) - len(lines[index].lstrip(" ")) + 1
    return Slip(index + 1, column, "this line's indentation does not match the lines around it: the fields of one "
                                   "record, and the items of one list, must start in the same column (use spaces)")
