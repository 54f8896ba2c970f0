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
    r"^(?:e-?mail|phone|tel\.?|telephone|mobile|cell|office|m|o|t|c|p|w"
    r"|correo(?:\s+electr[oó]nico)?|tel[eé]fono|celular|cel\.?|m[oó]vil|oficina)\s*[:.]\s*$",
    re.I,
)
_CONNECTOR = re.compile(r"^(?:and|&|or|y)\s+", re.I)
_SEPARATORS = re.compile(r"[,;|/()\[\]]|\s[–—-]\s")
# Words that make a piece of a contact line a job title, not the next person's name.
_TITLE_WORD = re.compile(
    r"\b(?:director|manager|officer|coordinator|organi[sz]er|spokes(?:person|woman|man)"
    r"|president|chair(?:man|woman|person)?|counsel|attorney|lawyer|fellow|associate"
    r"|specialist|strategist|lead|head|editor|advis[eo]r|secretary|executive|founder"
    r"|ceo|researcher|analyst|campaigner|representative|liaison|assistant|deputy|senior"
    r"|principal|consultant|communications|press|media"
    # and in Spanish, where most have a feminine form: "Directora de Comunicaciones"
    r"|director[ae]s?|gerente|coordinador[ae]?|organizador[ae]?|vocer[oa]|portavoz"
    r"|president[ae]|abogad[oa]|asesor[ae]?|secretari[oa]|ejecutiv[oa]|fundador[ae]?"
    r"|investigador[ae]?|analista|representante|asistente|especialista|encargad[oa]"
    r"|responsable|jef[ae]|comunicaciones|prensa|medios)\b",
    re.I,
)


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


@dataclass
class ContactBlock:
    """What a contact block says: its people, the text that named nobody reachable, and the
    conventional words read rather than kept (labels such as `Email:`, `and`, obfuscated
    addresses), each with what it became, if anything."""

    people: list[ContactDraft]
    leftovers: list[str]
    conventions: list[tuple[str, str | None]] = field(default_factory=list)


_OBFUSCATED = re.compile(
    r"[A-Za-z0-9._%+-]+" + _AT.pattern + r"[A-Za-z0-9-]+(?:(?:" + _DOT.pattern
    + r"|\.)[A-Za-z0-9-]+)+"
)


def deobfuscate(text: str) -> str:
    """`jane [at] brn [dot] org` -> `jane@brn.org`, only where the result is an email."""
    return _OBFUSCATED.sub(lambda match: _email_behind(match[0]) or match[0], text)


def obfuscated_emails(text: str) -> list[tuple[str, str]]:
    """Each address written like `jane [at] brn [dot] org`, with the email it stands for."""
    found = []
    for match in _OBFUSCATED.finditer(text):
        email = _email_behind(match[0])
        if email and email != match[0].strip():
            found.append((match[0].strip(), email))
    return found


def _email_behind(written: str) -> str | None:
    candidate = _DOT.sub(".", _AT.sub("@", written)).strip()
    return candidate if _EMAIL.fullmatch(candidate) else None


def has_contact_details(text: str) -> bool:
    text = deobfuscate(text)
    return bool(_EMAIL.search(text) or _PHONE.search(text))


def parse_contacts(text: str) -> ContactBlock:
    """The people in a contact block, and any text that named nobody reachable."""
    obfuscated = obfuscated_emails(text)
    text = _MARKDOWN_LINK.sub(r"\1", deobfuscate(text))
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in sorted(
        [*_EMAIL.finditer(text), *_PHONE.finditer(text)], key=lambda found: found.start()
    ):
        if match.start() < position:
            continue
        pieces.extend(_text_pieces(text[position : match.start()]))
        pieces.append(("email" if "@" in match[0] else "phone", match[0].strip()))
        position = match.end()
    pieces.extend(_text_pieces(text[position:]))
    block = _people(pieces)
    block.conventions[:0] = obfuscated
    return block


def _text_pieces(text: str) -> list[tuple[str, str]]:
    """Text between emails and phones, split at separators, with its line breaks kept."""
    pieces: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            pieces.append(("break", ""))
        pieces.extend(("text", part) for part in _SEPARATORS.split(line))
    return pieces


def _people(pieces: list[tuple[str, str]]) -> ContactBlock:
    people: list[ContactDraft] = []
    leftovers: list[str] = []
    conventions: list[tuple[str, str | None]] = []
    current: ContactDraft | None = None
    after_detail = False  # on the same line as the current person's last email or phone
    for index, (kind, value) in enumerate(pieces):
        if kind == "break":
            after_detail = False
            continue
        value = value.strip(" .:*_\t")
        connector = _CONNECTOR.match(value)
        if connector:
            conventions.append((connector[0].strip(), None))
            value = value[connector.end() :]
        if value and _LABEL.match(value + ":"):
            conventions.append((value, None))
            continue
        if not value:
            continue
        if kind == "text":
            if current is not None and current.reachable and _titles_previous(
                current, value, pieces[index + 1 :], after_detail
            ):
                current.titles.append(value)  # "Jane Roe, jane@x.org, Communications Director"
            elif current is None or current.reachable:
                # A name after someone's email or phone begins the next person.
                current = ContactDraft(name=value)
                people.append(current)
            else:
                current.titles.append(value)
        elif current is None:
            leftovers.append(value)
        elif kind == "email" and not current.email:
            current.email, after_detail = value, True
        elif kind == "phone" and not current.phone:
            current.phone, after_detail = value, True
        else:
            leftovers.append(value)
    reachable = []
    for person in people:
        if person.reachable:
            reachable.append(person)
        else:
            leftovers.append(", ".join([person.name, *person.titles]))
    return ContactBlock(reachable, leftovers, conventions)


def _titles_previous(
    person: ContactDraft, value: str, following: list[tuple[str, str]], same_line: bool
) -> bool:
    """Whether text after someone's email or phone is their title rather than a new name.

    It is if it reads like a job title and is not followed by a detail this person already
    has (which would make it a name: "Press Office, press@..."); or if it is on the same
    line and no email or phone follows, since a name without either names no contact.
    """
    details = [kind for kind, text in following if kind != "break" and text.strip(" .:*_\t")]
    next_kind = details[0] if details else None
    taken = (next_kind == "email" and person.email) or (next_kind == "phone" and person.phone)
    if _TITLE_WORD.search(value) and not taken:
        return True
    return same_line and not any(kind in ("email", "phone") for kind in details)
