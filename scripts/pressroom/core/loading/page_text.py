"""Page text that could run a script or pull in another site: found before the build, by line.

Staff may write raw HTML in a release, partner or campaign page; what it may not do is run
code or embed another page: `<script>`, `on…=` handlers, `javascript:`/`vbscript:`/`data:`
addresses (in HTML, Markdown links and images, reference links, autolinks and `{attr}`
lists), and the elements that embed or submit (`<iframe>`, `<object>`, `<embed>`, `<form>`
and kin). The rest of HTML stays allowed.

How it decides, failing closed:
1. nh3 (html5ever, the HTML parser browsers follow) reads the Markdown text as HTML, and
   its `attribute_filter` reports every element and every event or address attribute it
   meets. A body in which nothing looks hazardous, and no unsafe address is written at all,
   is safe: nothing Markdown does can add one. This is the common, fast case.
2. Otherwise the body is rendered with Python-Markdown (MkDocs' standard extensions, plus
   attr_list and md_in_html, which can only add HTML) and the rendered HTML is read the same
   way. Only what is there is an error: `<script>` shown in a code span or a fenced block is
   text, and passes.
3. Lines come from the Markdown text, with code spans and fenced blocks blanked: the last
   line from which the rest of the text still shows the hazard is where its tag opens, even
   when the tag runs over several lines. A hazard that cannot be placed (an address split by
   entities across lines, say) is reported at the body's first line.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import markdown
import nh3

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})

# Elements that run code, embed another document, submit visitors' words elsewhere, or
# change what every link on the page means. `noscript` too: parsers disagree on its content.
_FORBIDDEN_HINTS = {
    "script": "remove it: pages run only the site's own scripts",
    "noscript": "remove it: pages run only the site's own scripts",
    "iframe": "remove it, and link to what it showed instead",
    "frame": "remove it, and link to what it showed instead",
    "frameset": "remove it, and link to what it showed instead",
    "object": "remove it, and link to what it showed instead",
    "embed": "remove it, and link to what it showed instead",
    "applet": "remove it, and link to what it showed instead",
    "form": "remove it, and link to the form's own page instead",
    "base": "remove it: it changes where every link on the page goes",
    "meta": "remove it: the site writes the page's <meta> tags itself",
}
# Attributes whose value a browser follows as an address (SVG animation can set one).
_ADDRESS_ATTRIBUTES = frozenset({
    "href", "xlink:href", "src", "action", "formaction", "data", "poster", "background",
    "cite", "codebase", "classid", "archive", "longdesc", "lowsrc", "dynsrc", "usemap",
    "ping", "manifest", "icon", "profile", "srcdoc", "to", "from", "values",
})
_MARK = "data-pressroom-element"  # set on every element, so the filter meets each one
_TAG_NAME = re.compile(r"<\s*/?([A-Za-z][^\t\n\f\r />]*)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SCHEME_TEXT = re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE)
_HANDLER_TEXT = re.compile(r"\b(on[a-z]+)\s*=", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{:?([^}\n]*)\}")
_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ ]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# What MkDocs always renders with, and two common extensions that can only add HTML.
_EXTENSIONS = ["tables", "fenced_code", "attr_list", "md_in_html"]


@dataclass(frozen=True)
class Hazard:
    kind: str  # what places it on a line: an element, an attribute or a scheme name
    message: str
    hint: str


def body_hazards(body: str) -> list[tuple[int, Hazard]]:
    """Every hazard in a page's Markdown body, with its line in the body (1-based)."""
    return list(_body_hazards(body))


# A body is checked once per text: `mkdocs serve` checks every release on every save.
@functools.lru_cache(maxsize=8192)
def _body_hazards(body: str) -> tuple[tuple[int, Hazard], ...]:
    if not _may_be_unsafe(body):
        return ()
    found = html_hazards(markdown.markdown(body, extensions=_EXTENSIONS))
    return tuple(zip(_lines(found, body), found, strict=True)) if found else ()


def html_hazards(fragment: str) -> list[Hazard]:
    """What in an HTML fragment would run a script or embed another page, as a browser
    parses it."""
    found: list[Hazard] = []

    def look(tag: str, attribute: str, value: str) -> None:
        hazard = _hazard(tag, attribute, value)
        if hazard is not None:
            found.append(hazard)

    names = {name.lower() for name in _TAG_NAME.findall(fragment)} | set(_FORBIDDEN_HINTS)
    nh3.clean(
        fragment,
        tags=names,
        clean_content_tags=set(),
        attributes={"*": set(_ADDRESS_ATTRIBUTES)},
        generic_attribute_prefixes={"on"},
        # nh3 drops addresses of schemes it is not given before the filter sees them.
        url_schemes=set(nh3.ALLOWED_URL_SCHEMES) | UNSAFE_SCHEMES,
        set_tag_attribute_values={name: {_MARK: name} for name in names},
        attribute_filter=look,
        link_rel=None,
    )
    return found


def _hazard(tag: str, attribute: str, value: str) -> Hazard | None:
    if attribute == _MARK:
        if tag in _FORBIDDEN_HINTS:
            return Hazard(tag, f"<{tag}> is not allowed in a page", _FORBIDDEN_HINTS[tag])
        scheme = scheme_of(tag)  # `<javascript:alert(1)>`, an autolink to such an address
        if scheme in UNSAFE_SCHEMES:
            return Hazard(scheme, f"<{tag}> is a {scheme}: address", _ADDRESS_HINT)
        return None
    if attribute.startswith("on"):
        return Hazard(attribute, f"`{attribute}` on <{tag}> would run a script",
                      "remove the attribute")
    scheme = scheme_of(value)
    if attribute in _ADDRESS_ATTRIBUTES and scheme in UNSAFE_SCHEMES:
        return Hazard(scheme, f"<{tag} {attribute}> is a {scheme}: address", _ADDRESS_HINT)
    return None


_ADDRESS_HINT = "link to an https:// address, or to a file in docs/"


def scheme_of(address: str) -> str | None:
    """The scheme a browser reads in an address: it ignores tabs and line breaks inside it,
    and spaces and control characters around it."""
    cleaned = re.sub(r"[\t\n\r]", "", address).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                      "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                                                      "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                      "\x1e\x1f ")
    match = _SCHEME.match(cleaned.lower())
    return match.group(1) if match else None


def _may_be_unsafe(body: str) -> bool:
    """Whether the body needs rendering to be sure: a superset of what rendering can find."""
    if _SCHEME_TEXT.search(re.sub(r"[\t\n\r]", "", html.unescape(body))):
        return True
    if "{" in body and _HANDLER_TEXT.search(body):
        return True  # `{onclick=…}`: attr_list sets any attribute
    return bool(html_hazards(body))


def _lines(found: list[Hazard], body: str) -> list[int]:
    """The body line of each hazard; see the module's docstring."""
    outside_code = _placed(_code_blanked(body))
    # Then what code spans and fences hold, in case Markdown did not take them for code.
    anywhere = _placed(body)
    for place in outside_code:
        if place in anywhere:
            anywhere.remove(place)
    unused = sorted(outside_code) + sorted(anywhere)
    lines = []
    for hazard in found:
        line = next((line for line, kind in unused if kind == hazard.kind), 1)
        if (line, hazard.kind) in unused:
            unused.remove((line, hazard.kind))
        lines.append(line)
    return lines


def _placed(text: str) -> list[tuple[int, str]]:
    """(line, kind) of everything that looks hazardous in Markdown text, once each."""
    lines = text.split("\n")
    places = []
    for number, line in enumerate(lines, start=1):
        places += [(number, scheme.lower()) for scheme in _SCHEME_TEXT.findall(
            html.unescape(line))]
        for attributes in _ATTR_LIST.findall(line):
            places += [(number, hazard.kind) for hazard in html_hazards(f"<span {attributes}>")
                       if hazard.kind not in UNSAFE_SCHEMES]
    # An HTML hazard opens on the last line from which the rest of the text still has it.
    counted: dict[str, int] = {}
    for start in range(len(lines), 0, -1):
        kinds = [hazard.kind for hazard in html_hazards("\n".join(lines[start - 1 :]))
                 if hazard.kind not in UNSAFE_SCHEMES]
        for kind in sorted(set(kinds)):
            while counted.get(kind, 0) < kinds.count(kind):
                counted[kind] = counted.get(kind, 0) + 1
                places.append((start, kind))
    return places


def _code_blanked(text: str) -> str:
    """The text with fenced blocks and code spans turned to spaces, lines kept."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))
