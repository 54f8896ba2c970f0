"""Matching "About ..." boilerplate to the coalition's partners, or making new partner pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressroom.core.content.newsroom import Partner
from pressroom.importer.layout import Section

_ORGANISATION_SENTENCE = re.compile(
    r"^(?:The\s+)?(?P<name>[A-Z][^.!?\n]{1,80}?)(?:\s*\([^)]*\))?\s+"
    r"(?:(?:is|are|was|has\s+been)\s+(?:a|an|the|one)"
    r"|(?:es|son|fue|ha\s+sido)\s+(?:una?|el|la|los|las))\b"  # "Mijente es una organización"
)
_WEBSITE = re.compile(r"\b(?:https?://|www\.)[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s)\]]*)?")


@dataclass
class Boilerplate:
    """One organisation's "About" text, and the partner it belongs to if there is one."""

    name: str
    line: int
    text: str
    partner: str | None

    @property
    def website(self) -> str | None:
        """The organisation's address, if its boilerplate gives one."""
        found = _WEBSITE.search(self.text)
        if not found:
            return None
        address = found[0].rstrip(".,;")
        return address if address.startswith("http") else f"https://{address}"


def match_boilerplates(
    sections: list[Section], partners: dict[str, Partner]
) -> tuple[list[Boilerplate], list[Section]]:
    """Boilerplates by organisation, and the sections that belong to none."""
    boilerplates: list[Boilerplate] = []
    unplaced: list[Section] = []
    for section in sections:
        if section.heading is not None:
            boilerplates.append(Boilerplate(
                _without_aside(section.heading), section.line, "\n\n".join(section.paragraphs),
                partner_named(section.heading, partners, whole=True),
            ))
            continue
        paragraph = section.paragraphs[0]
        partner = partner_named(paragraph, partners, whole=False)
        sentence = _ORGANISATION_SENTENCE.match(paragraph)
        if partner or sentence:
            name = partners[partner].name if partner else _without_aside(sentence["name"])
            boilerplates.append(Boilerplate(name, section.line, paragraph, partner))
        elif boilerplates:
            # "Visit www..." or a second paragraph: still the same organisation's text.
            previous = boilerplates[-1]
            previous.text = f"{previous.text}\n\n{paragraph}".strip()
        else:
            unplaced.append(section)
    return boilerplates, unplaced


def partner_named(text: str, partners: dict[str, Partner], whole: bool) -> str | None:
    """The partner whose name or short name `text` is (whole) or starts with."""
    wanted = _normal(text if not whole else _without_aside(text))
    best: tuple[int, str] | None = None
    for partner in partners.values():
        for name in filter(None, (partner.front.name, partner.front.short_name)):
            known = _normal(name)
            matches = wanted == known if whole else re.match(
                re.escape(known) + r"(?![a-z0-9])", wanted
            )
            if matches and (best is None or len(known) > best[0]):
                best = (len(known), partner.id)
    return best[1] if best else None


def _normal(text: str) -> str:
    text = re.sub(r"[*_`]", "", text).casefold().replace("’", "'")
    text = re.sub(r"^(?:the|el|la|los|las)\s+", "", text.strip())
    return " ".join(text.split())


def _without_aside(name: str) -> str:
    """ "Immigrant Defense Project (IDP)" -> "Immigrant Defense Project"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip(" :*_")
