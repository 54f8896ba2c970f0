"""Keeping imported text harmless Markdown: no raw HTML, no links that run code.

Python-Markdown passes raw HTML and any link address through to the page, so text that an
old release shows as `<script>` must reach the release escaped, and a `javascript:` link
must not reach it at all. Both rules are applied to text, whatever file it came from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The only schemes a link may keep; an address without one (`#notes`, `page.md`) is kept."""

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<target>\S+)", re.M)
# A `<` that opens a tag, a comment, a declaration or a processing instruction.
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:https?://[^<>\s\"'`]+|mailto:[\w.+-]+@[\w.-]+|[\w.+-]+@[\w.-]+)>")
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


@dataclass(frozen=True)
class DroppedLink:
    line: int
    text: str
    address: str


def drop_unsafe_links(lines: list[str]) -> tuple[list[str], list[DroppedLink]]:
    """Lines with every link whose scheme is not in SAFE_SCHEMES cut to its text.

    Inline links and images lose their address; reference definitions are blanked. The
    lines keep their number, so each dropped link is reported on its line of the original.
    """
    text = "\n".join(lines)
    dropped: list[DroppedLink] = []
    text = _REFERENCE.sub(lambda found: _drop_reference(found, text, dropped), text)
    text = _drop_inline(text, dropped)
    return text.split("\n"), sorted(dropped, key=lambda link: link.line)


def escape_html(markdown: str, keep_references: bool = False) -> str:
    """Markdown in which every `<` that would open HTML is escaped: shown as written, never
    run. So is every `&` that would start a character reference (`&lt;`), unless
    `keep_references`: a reference runs nothing, so Markdown's own may stay.

    Autolinks (`<https://...>`, `<name@example.org>`) stay, as Markdown makes them links.
    Code is not spared: `&lt;` shows as written inside backticks, which is a small price
    next to guessing, differently from Markdown, where a code span ends.
    """
    if not keep_references:
        markdown = _ENTITY.sub("&amp;", markdown)
    pieces = []
    position = 0
    for autolink in [*_AUTOLINK.finditer(markdown), None]:
        end = autolink.start() if autolink else len(markdown)
        pieces.append(_TAG_OPEN.sub("&lt;", markdown[position:end]))
        if autolink:
            pieces.append(autolink[0])
            position = autolink.end()
    return "".join(pieces)


def is_safe_address(address: str) -> bool:
    scheme = scheme_of(address)
    return scheme is None or scheme in SAFE_SCHEMES


def scheme_of(address: str) -> str | None:
    """A link address's scheme as a browser reads it: after character references, with
    whitespace and control characters ignored; None for a relative address.

    A title after the address (`(url "Title")`) is read with it: glued on, it cannot make
    a safe address unsafe, nor hide an unsafe one.
    """
    seen = _INVISIBLE.sub("", html.unescape(address.strip().strip("<>"))).lower()
    scheme = _SCHEME.match(seen)
    return scheme[1] if scheme else None


def _drop_reference(found: re.Match[str], text: str, dropped: list[DroppedLink]) -> str:
    if is_safe_address(found["target"]):
        return found[0]
    dropped.append(DroppedLink(_line_at(text, found.start()), found["label"], found["target"]))
    return ""


def _drop_inline(text: str, dropped: list[DroppedLink]) -> str:
    """Each `[text](address)` or `![text](address)` with an unsafe address, as its text.

    The address is found from its `](`, so no nesting of brackets hides a link; the `[` is
    then looked for backwards, and kept as text if it cannot be found.
    """
    search = 0
    while (middle := text.find("](", search)) >= 0:
        end = _closing(text, middle + 1)
        address = text[middle + 2 : end] if end > 0 else ""
        if end < 0 or is_safe_address(address):
            search = middle + 2
            continue
        start = _opening(text, middle)
        label_start = start + 1 if start >= 0 else middle
        label = text[label_start:middle]
        if start > 0 and text[start - 1] == "!":
            start -= 1
        line = _line_at(text, start if start >= 0 else middle)
        dropped.append(DroppedLink(line, " ".join(label.split()), " ".join(address.split())))
        # Newlines inside the address stay, so the lines below keep their numbers.
        kept = label + "\n" * address.count("\n")
        cut = start if start >= 0 else middle
        text = text[:cut] + kept + text[end + 1 :]
        search = cut
    return text


def _closing(text: str, opening: int) -> int:
    """The `)` that closes the `(` at `opening`, counting nested parentheses; -1 if none."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
        elif text.startswith("\n\n", index):
            return -1  # a link never spans paragraphs
    return -1


def _opening(text: str, closing: int) -> int:
    """The `[` that the `]` at `closing` closes, counting nested brackets; -1 if none."""
    depth = 0
    for index in range(closing, -1, -1):
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            depth -= 1
            if depth == 0:
                return index
        elif text.startswith("\n\n", index):
            return -1
    return -1


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
