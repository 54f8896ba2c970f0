"""Reading one Markdown file into its front matter, body and the line of every key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from pressroom.core.errors import ContentError

FieldPath = tuple[str | int, ...]


# libyaml's parser when PyYAML has it: ten times faster, which keeps `pressroom check` quick
# enough for a pre-commit hook on a newsroom with years of releases.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that leaves dates as text, so the model (not PyYAML) judges them.

    PyYAML raises a bare ValueError on `2020-02-30` and silently drops the offset
    question for date-times; the model gives a message that names the field instead.
    """


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_HANDLER = YAMLHandler()


@dataclass(frozen=True)
class SourceDocument:
    """A Markdown file split into front matter and body, remembering where each key sits."""

    path: Path
    display_path: str
    metadata: dict[str, Any]
    body: str
    key_lines: dict[FieldPath, int] = field(default_factory=dict)
    body_line: int = 1  # the file line the body starts on, for errors found in the body
    # Read from text in memory (a sealed release, decrypted for the build): `path` is where
    # it would be, and no file there may be read or pointed to.
    in_memory: bool = False

    def line_of(self, location: FieldPath) -> int:
        """The file line of the most specific known key on `location`, else the opening `---`."""
        for end in range(len(location), 0, -1):
            line = self.key_lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1

    def checked(self) -> SourceDocument:
        """The document without what only error messages need: its raw front matter and the
        line of each key."""
        return SourceDocument(
            self.path, self.display_path, {}, self.body, body_line=self.body_line,
            in_memory=self.in_memory,
        )

    def error(self, location: FieldPath, message: str, hint: str = "") -> ContentError:
        return ContentError(
            self.display_path, self.line_of(location), field_name(location), message, hint
        )


# What one item of each list in front matter is called, to say "the second partner".
_ITEM_NAMES = {"partners": "partner", "contacts": "contact", "topics": "topic"}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")


def field_name(location: FieldPath) -> str:
    """`('contacts', 1, 'email')` -> `the second contact's email`, counted the way people
    count, from one; `('social', 'mastodon')` -> `social.mastodon`, as written in YAML."""
    name = ""
    for part in location:
        if isinstance(part, int):
            item = _ITEM_NAMES.get(name)  # a list at the top of the front matter
            name = f"the {ordinal(part + 1)} {item}" if item \
                else f"item {part + 1} of {name or 'the list'}"
        elif name.startswith(("the ", "item ")):
            name = f"{name}'s {part}"
        else:
            name = f"{name}.{part}" if name else str(part)
    return name or "front matter"


def ordinal(number: int) -> str:
    """1 -> `first`, 12 -> `12th`, 23 -> `23rd`."""
    if number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def read_source(
    path: Path, display_path: str, *, front_matter_required: bool = False
) -> SourceDocument | ContentError:
    """Read a file with YAML front matter, or say precisely why it cannot be read.

    Without front matter, the whole file is the body, unless `front_matter_required`.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return ContentError(display_path, 1, "file", "is not UTF-8 text", "save it as UTF-8")
    except OSError as problem:  # a dangling link, or a file deleted while the site builds
        return ContentError(
            display_path, 1, "file", f"cannot be read: {problem.strerror or problem}",
            "check that the file exists and that you can open it",
        )
    return read_source_text(text, path, display_path, front_matter_required=front_matter_required)


def read_source_text(
    text: str, path: Path, display_path: str, *, front_matter_required: bool = False,
    in_memory: bool = False,
) -> SourceDocument | ContentError:
    """Text already read (from a file, or decrypted in memory) split as `read_source` does."""
    text = text.removeprefix("\ufeff")
    try:
        front, body, first_line = _split(text, front_matter_required, display_path)
    except _Malformed as problem:
        return ContentError(display_path, *problem.args)
    try:
        metadata, lines = _load(front, first_line)
    except _Malformed as problem:
        return ContentError(display_path, *problem.args)
    except yaml.YAMLError as problem:
        return _yaml_error(display_path, problem, front, first_line)
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        return ContentError(
            display_path, 2, "front matter", "is not a list of `key: value` lines",
            "write each field on its own line, like `title: Our headline`",
        )
    body_line = text.count("\n") - body.count("\n") + 1  # the body is the file's tail
    return SourceDocument(path, display_path, metadata, body, lines, body_line, in_memory)


class _Malformed(Exception):
    """A file Pressroom must not read any further: (line, field, message, hint)."""


# Front matter is a few dozen short lines; anything far larger is a mistake (or an attack on
# the parser), and is refused before YAML reads it.
MAX_FRONT_MATTER = 64 * 1024

_FRONT_MATTER_HINT = (
    "start the file with a line `---`, then fields such as `title: Your headline`, "
    "then another line `---`"
)


def _split(text: str, required: bool, display_path: str) -> tuple[str, str, int]:
    """The front matter, the body, and the file line of the front matter's first line."""
    nul = text.find("\x00")
    if nul >= 0:
        raise _Malformed(
            text.count("\n", 0, nul) + 1, "file", "contains a NUL character (invisible)",
            "delete it: retype the line, or copy the text into a new file",
        )
    boundary = _HANDLER.FM_BOUNDARY
    if not boundary.match(text):
        if boundary.match(text.lstrip()):
            raise _Malformed(
                1, "front matter", "the opening `---` is not the first line of the file",
                "delete the blank lines or spaces before `---`",
            )
        if required:
            raise _Malformed(1, "front matter", "is missing", _FRONT_MATTER_HINT)
        return "", text, 1
    parts = boundary.split(text, 2)
    if len(parts) < 3:
        last = _last_field_line(text)
        raise _Malformed(
            last, "front matter",
            f"{display_path.rpartition('/')[2]} has no line `---` to end its fields",
            f"add a line `---` after line {last}, the last field, before the text of the page",
        )
    _, front, body = parts
    if len(front.encode("utf-8")) > MAX_FRONT_MATTER:
        raise _Malformed(
            1, "front matter", f"is longer than {MAX_FRONT_MATTER // 1024} KiB",
            "keep only the fields between the `---` lines, and put long text in the body",
        )
    # python-frontmatter's boundary keeps the newline that ends the opening `---`, so YAML's
    # line 0 is that `---` line itself (or the first blank line after it).
    return front, body, text[: text.find(front)].count("\n") + 1


# Lines that belong to front matter: a key, an indented line under one, a list item.
_FIELD_LINE = re.compile(r"^([A-Za-z_][\w-]*\s*:|\s+\S|-(\s|$))")


def _last_field_line(text: str) -> int:
    """The line of the last field before what looks like the page's text, when the `---`
    after the fields is missing: where that `---` belongs."""
    last = 1
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if _FIELD_LINE.match(line):
            last = number
        elif line.strip() and not line.lstrip().startswith("#"):
            break
    return last


def _yaml_error(
    display_path: str, problem: yaml.YAMLError, front: str, first_line: int
) -> ContentError:
    if isinstance(problem, yaml.reader.ReaderError):  # a character YAML does not allow
        return ContentError(
            display_path, front.count("\n", 0, problem.position) + first_line, "front matter",
            f"contains an invisible control character (#x{problem.character:04x})",
            "delete it: retype the line",
        )
    mark = getattr(problem, "problem_mark", None)
    line = mark.line + first_line if mark is not None else 1
    reason = getattr(problem, "problem", None) or "cannot be read"
    written = front.splitlines()[mark.line] if mark is not None and \
        mark.line < len(front.splitlines()) else ""
    if "\t" in written[: len(written) - len(written.lstrip())] or "tab" in reason:
        return ContentError(
            display_path, line, "front matter", "this line is indented with a tab",
            "use spaces, not a tab, to indent",
        )
    colon = _COLON_IN_VALUE.match(written)
    if colon and "mapping values are not allowed" in reason:
        key, value = colon.group("key", "value")
        return ContentError(
            display_path, line, key, "has a colon (:) in its text, which YAML cannot read",
            f"put the {key} in quotes, because it contains a colon, like {key}: {_quoted(value)}",
        )
    return ContentError(
        display_path, line, "front matter", f"invalid YAML: {reason}",
        "check the indentation, and put text containing ': ' or '#' in quotes",
    )


# `title: Groups sue: a new case`: a value with `: ` in it, unquoted.
_COLON_IN_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):\s+(?P<value>[^'\"].*)$")


def _quoted(value: str) -> str:
    value = value.strip()
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _load(front: str, first_line: int) -> tuple[Any, dict[FieldPath, int]]:
    """The front matter's values and the line of every key, from one parse (and a quick scan
    for anchors first, when the text has a character that could start one)."""
    if "&" in front or "*" in front:  # the only characters that start an anchor or an alias
        _refuse_anchors(front, first_line)
    loader = _TextDatesLoader(front)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, {}
        lines: dict[FieldPath, int] = {}
        try:
            return _construct(loader, root, (), lines, first_line), lines
        except RecursionError:
            raise _Malformed(
                root.start_mark.line + first_line, "front matter", "is nested too deeply",
                "write each field on its own line, like `title: Our headline`",
            ) from None
    finally:
        loader.dispose()


def _refuse_anchors(front: str, first_line: int) -> None:
    """Stop at the first YAML anchor (`&name`) or alias (`*name`), before anything is built.

    Front matter never needs them, and aliases of aliases ("billion laughs") make a few lines
    of YAML stand for billions of values. Scanning the parser's events costs one pass over the
    text; the first anchor comes before any alias that uses it.
    """
    for event in yaml.parse(front, Loader=_TextDatesLoader):
        if isinstance(event, yaml.AliasEvent):
            used = f"the YAML alias `*{event.anchor}`"
        elif getattr(event, "anchor", None) is not None:
            used = f"the YAML anchor `&{event.anchor}`"
        else:
            continue
        raise _Malformed(
            event.start_mark.line + first_line, "front matter", f"uses {used}",
            "write each value out in full: front matter cannot use anchors (&) or aliases (*)",
        )


_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq"))
_MERGE = "tag:yaml.org,2002:merge"


def _construct(
    loader: yaml.SafeLoader, node: yaml.Node, location: FieldPath,
    lines: dict[FieldPath, int], first_line: int,
) -> Any:
    """A node's value, noting the line of every key on the way.

    Front matter is text, lists and maps of text; building those directly, in the same walk
    that notes the lines, halves `pressroom check`'s time. Anything else (numbers, `null`,
    keys that are not text) goes to PyYAML's constructor, so every value is the one PyYAML
    would give. Anchors and aliases were refused before: every node appears once.
    """
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        return node.value
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP and all(
        isinstance(key, yaml.ScalarNode) and key.tag == _STR for key, _ in node.value
    ):
        mapping = {}
        for key_node, value_node in node.value:
            child = (*location, key_node.value)
            _note_key(key_node, child, lines, first_line)
            mapping[key_node.value] = _construct(loader, value_node, child, lines, first_line)
        return mapping
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        items = []
        for index, item in enumerate(node.value):
            child = (*location, index)
            lines[child] = item.start_mark.line + first_line
            items.append(_construct(loader, item, child, lines, first_line))
        return items
    _walk(node, location, lines, first_line)
    return loader.construct_object(node, deep=True)


def _walk(
    node: yaml.Node, location: FieldPath, lines: dict[FieldPath, int], first_line: int
) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*location, str(key_node.value))
            _note_key(key_node, child, lines, first_line)
            _walk(value_node, child, lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*location, index)
            lines[child] = item.start_mark.line + first_line
            _walk(item, child, lines, first_line)


def _note_key(
    key_node: yaml.Node, location: FieldPath, lines: dict[FieldPath, int], first_line: int
) -> None:
    """Note a key's line, refusing a key written twice: PyYAML would keep the last silently,
    and `draft: true` ... `draft: false` must never publish by surprise."""
    line = key_node.start_mark.line + first_line
    if key_node.tag == _MERGE:  # `<<: {draft: true}` hides a second `draft` the same way
        raise _Malformed(
            line, field_name(location[:-1]), "uses a YAML merge key `<<`",
            "write each field out in full, once",
        )
    if location in lines:
        raise _Malformed(
            line, field_name(location),
            f"is written twice, on lines {lines[location]} and {line}", "keep one of them",
        )
    lines[location] = line
