"""Reading one Markdown file into its front matter, body and the line of every key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from pressroom.errors import ContentError

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
        return SourceDocument(self.path, self.display_path, {}, self.body)

    def error(self, location: FieldPath, message: str, hint: str = "") -> ContentError:
        return ContentError(
            self.display_path, self.line_of(location), field_name(location), message, hint
        )


def field_name(location: FieldPath) -> str:
    """`('contacts', 1, 'email')` -> `contacts[1].email`, the way staff see it in YAML."""
    name = ""
    for part in location:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "front matter"


def read_source(path: Path, display_path: str) -> SourceDocument | ContentError:
    """Read a file with YAML front matter, or say precisely why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return ContentError(display_path, 1, "file", "is not UTF-8 text", "save it as UTF-8")
    if not _HANDLER.detect(text):
        return SourceDocument(path, display_path, {}, text)
    front, body = _HANDLER.split(text)
    # The file line of the front matter's first line: python-frontmatter keeps the newline
    # that ends the opening `---`, so YAML's line 0 is that `---` line itself.
    first_line = text[: text.find(front)].count("\n") + 1
    try:
        metadata, lines = _load(front, first_line)
    except yaml.YAMLError as problem:
        return _yaml_error(display_path, problem, first_line)
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        return ContentError(
            display_path, 2, "front matter", "is not a list of `key: value` lines",
            "write each field on its own line, like `title: Our headline`",
        )
    return SourceDocument(path, display_path, metadata, body, lines)


def _yaml_error(display_path: str, problem: yaml.YAMLError, first_line: int) -> ContentError:
    mark = getattr(problem, "problem_mark", None)
    line = mark.line + first_line if mark is not None else 1
    reason = getattr(problem, "problem", None) or "cannot be read"
    return ContentError(
        display_path, line, "front matter", f"invalid YAML: {reason}",
        "check the indentation, and put text containing ': ' or '#' in quotes",
    )


def _load(front: str, first_line: int) -> tuple[Any, dict[FieldPath, int]]:
    """The front matter's values and the line of every key, from one parse."""
    loader = _TextDatesLoader(front)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, {}
        lines: dict[FieldPath, int] = {}
        return _construct(loader, root, (), lines, first_line, set()), lines
    finally:
        loader.dispose()


_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq"))


def _construct(
    loader: yaml.SafeLoader, node: yaml.Node, location: FieldPath,
    lines: dict[FieldPath, int], first_line: int, seen: set[int],
) -> Any:
    """A node's value, noting the line of every key on the way.

    Front matter is text, lists and maps of text; building those directly, in the same walk
    that notes the lines, halves `pressroom check`'s time. Anything else (numbers, `null`,
    merge keys, anchors used twice) goes to PyYAML's constructor, so every value is the one
    PyYAML would give.
    """
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        return node.value
    if id(node) not in seen:
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP and all(
            isinstance(key, yaml.ScalarNode) and key.tag == _STR for key, _ in node.value
        ):
            seen.add(id(node))
            mapping = {}
            for key_node, value_node in node.value:
                child = (*location, key_node.value)
                lines[child] = key_node.start_mark.line + first_line
                mapping[key_node.value] = _construct(
                    loader, value_node, child, lines, first_line, seen
                )
            return mapping
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            seen.add(id(node))
            items = []
            for index, item in enumerate(node.value):
                child = (*location, index)
                lines[child] = item.start_mark.line + first_line
                items.append(_construct(loader, item, child, lines, first_line, seen))
            return items
    _walk(node, location, lines, first_line)
    return loader.construct_object(node, deep=True)


def _walk(
    node: yaml.Node, location: FieldPath, lines: dict[FieldPath, int], first_line: int
) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*location, str(key_node.value))
            lines[child] = key_node.start_mark.line + first_line
            _walk(value_node, child, lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*location, index)
            lines[child] = item.start_mark.line + first_line
            _walk(item, child, lines, first_line)
