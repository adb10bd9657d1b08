"""Read one YAML file into a tree that remembers where every key and value stood.

Every scalar is kept as the text the contributor typed: YAML's implicit typing never runs, so an
unquoted `no`, `1e3` or `2024-01-01` can never turn into a boolean, a number or a date behind the
contributor's back. The checks decide what the text means. Duplicate keys, anchors, aliases, tags
and more than one document are reported as located diagnostics, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from . import yaml_slips
from .contract import LIMITS
from .diagnostics import Diagnostic

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - the pure-Python parser reports the same events
    from yaml import SafeLoader as _Loader

# Plain (unquoted) scalars that mean "nothing here".
EMPTY_PLAIN = {"", "~", "null", "Null", "NULL"}


@dataclass(slots=True)
class Node:
    """A value and its 1-based position. value is str (or None when empty), list or dict."""

    value: object
    line: int
    column: int
    reported: bool = False  # a problem with this value was already reported while loading
    literal: bool = False  # a `|` block: line k of the text is line self.line + 1 + k of the file

    @property
    def is_mapping(self) -> bool:
        return type(self.value) is dict

    @property
    def is_sequence(self) -> bool:
        return type(self.value) is list

    @property
    def is_scalar(self) -> bool:
        return type(self.value) not in (dict, list)


@dataclass(slots=True)
class Entry:
    key: Node
    value: Node


@dataclass
class LoadedFile:
    path: str
    root: Node | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _position(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _is_readable(path: str, data: bytes, diagnostics: list[Diagnostic]) -> bool:
    """Whether data is UTF-8 within the size limit; if not, says where it is not."""
    if len(data) > LIMITS["file_bytes"]:
        diagnostics.append(Diagnostic(path, 1, 1, "SC009", f"the file has {len(data)} bytes; the limit is {LIMITS['file_bytes']}"))
        return False
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        diagnostics.append(Diagnostic(path, line, column, "SC001", f"byte 0x{data[error.start]:02x} is not valid UTF-8"))
        return False


MAX_NESTING = 64  # brackets and braces; libyaml slows down quadratically with flow nesting
MAX_REPAIRS = 5  # syntax slips repaired in one file to look for its other problems


def nesting_depth(data: bytes) -> tuple[int, int, int]:
    """The deepest nesting of [ and { and where it is first reached (line, column), when it passes
    MAX_NESTING; else (0, 1, 1) at once, since a file with that few opening brackets cannot.

    Counted over the raw text (brackets inside quotes or prose count too), so it is an upper
    bound that is cheap to compute before the parser sees the file."""
    if data.count(b"[") + data.count(b"{") <= MAX_NESTING:
        return 0, 1, 1
    depth = deepest = 0
    line, column, at = 1, 0, (1, 1)
    for byte in data:
        column += 1
        if byte == 0x0A:
            line, column = line + 1, 0
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest, at = depth, (line, column)
        elif byte in (0x5D, 0x7D) and depth:
            depth -= 1
    return deepest, *at


class _TreeBuilder:
    """Builds Nodes from parser events without recursion, collecting diagnostics."""

    def __init__(self, path: str, diagnostics: list[Diagnostic], lines: list[str]):
        self.path = path
        self.diagnostics = diagnostics
        self.lines = lines
        self.stack: list[tuple[Node, list]] = []  # open collections with their pending key
        self.root: Node | None = None
        self.documents = 0

    def report(self, mark, code: str, message: str) -> None:
        line, column = _position(mark)
        self.diagnostics.append(Diagnostic(self.path, line, column, code, message))

    def feed(self, event) -> None:
        # Dispatch on the exact event class, most frequent first: this loop runs once per value
        # of every file, so it avoids isinstance chains and property calls.
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or (event.tag not in (None, "!") and not (event.implicit[0] or event.implicit[1])):
                self._report_anchor_and_tag(event)
            mark, text = event.start_mark, event.value
            plain = event.style is None or event.style == ""
            if plain and text:
                self._check_trailing_comment(event)
            self._attach(Node(None if plain and text in EMPTY_PLAIN else text, mark.line + 1, mark.column + 1,
                              literal=event.style == "|"))
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or (event.tag not in (None, "!") and not event.implicit):
                self._report_anchor_and_tag(event)
            mark = event.start_mark
            value = {} if kind is yaml.MappingStartEvent else []
            self.stack.append((Node(value, mark.line + 1, mark.column + 1), [None]))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._attach(self.stack.pop()[0])
        elif kind is yaml.AliasEvent:
            self.report(event.start_mark, "SC004", f"alias *{event.anchor} is not allowed; write the value out in full")
            self._attach(Node(None, *_position(event.start_mark), reported=True))
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents == 2:
                self.report(event.start_mark, "SC006", "the file holds more than one YAML document; keep only the first")

    def _check_trailing_comment(self, event) -> None:
        """An unquoted value that the line continues with ' #': YAML drops the rest as a comment."""
        end = event.end_mark
        if end.line < len(self.lines):
            rest = self.lines[end.line][end.column:]
            if rest.lstrip(" \t").startswith("#") and rest[:1] in (" ", "\t"):
                self.report(end, "SC012", f"the value stops at ' #': YAML reads '{rest.strip()[:40]}' as a comment; "
                                          "put the whole value in quotes, or move a comment to a line of its own")

    def _report_anchor_and_tag(self, event) -> None:
        if event.anchor is not None:
            self.report(event.start_mark, "SC004", f"anchor &{event.anchor} is not allowed")
        if self._has_explicit_tag(event):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.report(event.start_mark, "SC005", f"tag {tag} is not allowed; delete it")

    @staticmethod
    def _has_explicit_tag(event) -> bool:
        if event.tag is None or event.tag == "!":
            return False
        if isinstance(event, yaml.ScalarEvent):
            return not (event.implicit[0] or event.implicit[1])
        return not event.implicit

    def _attach(self, node: Node) -> None:
        if self.documents > 1:
            return
        if not self.stack:
            if self.root is None:
                self.root = node
            return
        parent, pending = self.stack[-1]
        container = parent.value
        if type(container) is list:
            container.append(node)
            return
        if pending[0] is None:
            pending[0] = node
            return
        key, pending[0] = pending[0], None
        if type(key.value) is dict or type(key.value) is list:
            self.report_at(key, "SC103", "a key must be plain text, not a list or mapping")
            return
        name = key.value or ""
        if name in container:
            first = container[name].key
            self.report_at(key, "SC003", f"key '{name}' repeats the key at line {first.line}")
            return
        container[name] = Entry(key, node)

    def report_at(self, node: Node, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, code, message))


def parse_yaml(path: str, text: str | bytes, line_offset: int = 0) -> LoadedFile:
    """Parse YAML text (or UTF-8 bytes); positions are shifted by line_offset (for front matter).

    libyaml reads bytes directly and counts columns in characters, so handing it the file's
    bytes (already checked to be UTF-8) spares it re-encoding a decoded copy."""
    diagnostics: list[Diagnostic] = []
    decoded = text.decode("utf-8") if isinstance(text, bytes) else text
    deepest, line, column = nesting_depth(text if isinstance(text, bytes) else text.encode("utf-8"))
    if deepest > MAX_NESTING:
        diagnostics.append(Diagnostic(path, line + line_offset, column, "SC011",
                                      f"brackets are nested {deepest} deep; the limit is {MAX_NESTING}"))
        return LoadedFile(path, None, diagnostics)
    root, failed, slips = None, True, []
    for _ in range(MAX_REPAIRS + 1):  # a slip with a safe repair is repaired, to find the file's other problems
        attempt: list[Diagnostic] = []
        builder, loader = _TreeBuilder(path, attempt, decoded.split("\n")), _Loader(text)
        try:
            feed, next_event = builder.feed, loader.get_event
            while (event := next_event()) is not None:  # None after the stream ends
                feed(event)
            failed = False
        except yaml.MarkedYAMLError as error:
            slip = yaml_slips.explain(decoded, error)
            slips.append(Diagnostic(path, slip.line, slip.column, "SC002", slip.message))
            if slip.repaired is not None and len(slips) <= MAX_REPAIRS:
                text = decoded = slip.repaired
                continue
        except yaml.YAMLError as error:
            slips.append(Diagnostic(path, 1, 1, "SC002", " ".join(str(error).split())))
        finally:
            loader.dispose()
        break
    diagnostics += slips + attempt
    root = None if failed else builder.root  # after a repair, the repaired file: its other problems are found too
    if not failed and root is None:
        diagnostics.append(Diagnostic(path, 1, 1, "SC006", "the file is empty"))
    elif root is not None and not root.is_mapping:
        diagnostics.append(Diagnostic(path, root.line, root.column, "SC006", "the file must be a mapping of `field: value` lines"))
        root = None
    if line_offset:
        diagnostics[:] = [Diagnostic(d.path, d.line + line_offset, d.column, d.code, d.message) for d in diagnostics]
        if root is not None:
            _shift(root, line_offset)
    return LoadedFile(path, root, diagnostics)


def _shift(root: Node, offset: int) -> None:
    pending = [root]
    while pending:
        node = pending.pop()
        node.line += offset
        if node.is_sequence:
            pending.extend(node.value)
        elif node.is_mapping:
            for entry in node.value.values():
                entry.key.line += offset
                pending.append(entry.value)


def load_bytes(path: str, data: bytes) -> LoadedFile:
    diagnostics: list[Diagnostic] = []
    if not _is_readable(path, data, diagnostics):
        return LoadedFile(path, None, diagnostics)
    return parse_yaml(path, data)


def load_front_matter(path: str, data: bytes) -> LoadedFile:
    """Load the YAML front matter of a Markdown page (between the first two '---' lines)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return load_bytes(path, data)  # reports SC001 with the position
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return LoadedFile(path, None, [Diagnostic(path, 1, 1, "SC006", "the page must start with front matter: a '---' line, the fields, and another '---' line")])
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return parse_yaml(path, "\n".join(lines[1:index]), line_offset=1)
    return LoadedFile(path, None, [Diagnostic(path, 1, 1, "SC006", "the front matter has no closing '---' line")])


def load_file(path: str, data: bytes) -> LoadedFile:
    """A record file's tree: the whole file for .yaml, the front matter for a Markdown page."""
    return load_front_matter(path, data) if path.endswith(".md") else load_bytes(path, data)

