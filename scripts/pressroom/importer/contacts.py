"""Contact blocks: names, titles, organisations, emails (also written `name [at] org [dot] org`)
and phones, one person or several to a line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_AT = re.compile(r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|<\s*at\s*>|\s+AT\s+)\s*")
_DOT = re.compile(r"\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|<\s*dot\s*>|\s+DOT\s+)\s*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<![\w@])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s*|\d{2,4}[\s.-])\d{3}[\s.-]?\d{3,4}"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?!\w)"
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\((?:mailto:|tel:)?[^)]*\)")
_LABEL = re.compile(
    r"^(?:e-?mail|phone|tel\.?|telephone|mobile|cell|office|m|o|t|c|p|w)\s*[:.]\s*$", re.I
)
_CONNECTOR = re.compile(r"^(?:and|&|or)\s+", re.I)
_SEPARATORS = re.compile(r"[,;|/()\[\]]|\s[–—-]\s|\n")


@dataclass
class ContactDraft:
    """A contact as the text gives it; `org_text` is matched to a partner later."""

    name: str
    titles: list[str] = field(default_factory=list)
    email: str | None = None
    phone: str | None = None

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.phone)


def deobfuscate(text: str) -> str:
    """`jane [at] brn [dot] org` -> `jane@brn.org`, only where the result is an email."""
    def fix(match: re.Match[str]) -> str:
        candidate = _DOT.sub(".", _AT.sub("@", match[0]))
        return candidate if _EMAIL.fullmatch(candidate.strip()) else match[0]

    pattern = re.compile(
        r"[A-Za-z0-9._%+-]+" + _AT.pattern + r"[A-Za-z0-9-]+(?:(?:" + _DOT.pattern
        + r"|\.)[A-Za-z0-9-]+)+"
    )
    return pattern.sub(fix, text)


def has_contact_details(text: str) -> bool:
    text = deobfuscate(text)
    return bool(_EMAIL.search(text) or _PHONE.search(text))


def parse_contacts(text: str) -> tuple[list[ContactDraft], list[str]]:
    """The people in a contact block, and any text that named nobody reachable."""
    text = _MARKDOWN_LINK.sub(r"\1", deobfuscate(text))
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in sorted(
        [*_EMAIL.finditer(text), *_PHONE.finditer(text)], key=lambda found: found.start()
    ):
        if match.start() < position:
            continue
        pieces.extend(("text", part) for part in _SEPARATORS.split(text[position : match.start()]))
        pieces.append(("email" if "@" in match[0] else "phone", match[0].strip()))
        position = match.end()
    pieces.extend(("text", part) for part in _SEPARATORS.split(text[position:]))
    return _people(pieces)


def _people(pieces: list[tuple[str, str]]) -> tuple[list[ContactDraft], list[str]]:
    people: list[ContactDraft] = []
    leftovers: list[str] = []
    current: ContactDraft | None = None
    for kind, value in pieces:
        value = _CONNECTOR.sub("", value.strip(" .:*_\t"))
        if not value or _LABEL.match(value + ":"):
            continue
        if kind == "text":
            # A name after someone's email or phone begins the next person.
            if current is None or current.reachable:
                current = ContactDraft(name=value)
                people.append(current)
            else:
                current.titles.append(value)
        elif current is None:
            leftovers.append(value)
        elif kind == "email":
            if current.email:
                leftovers.append(value)
            else:
                current.email = value
        elif current.phone:
            leftovers.append(value)
        else:
            current.phone = value
    reachable = []
    for person in people:
        if person.reachable:
            reachable.append(person)
        else:
            leftovers.append(", ".join([person.name, *person.titles]))
    return reachable, leftovers
