"""Finding a release's parts in its text, wherever the layout puts them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from pressroom.core.errors import ContentError
from pressroom.importer import conventions as convention
from pressroom.importer.contacts import ContactDraft, has_contact_details, parse_contacts
from pressroom.importer.conventions import language_of as convention_language

Line = tuple[int, str]
"""A line of the original and its number (for a Word file, its paragraph's)."""

_MAX_CONTACT_LINE = 160


@dataclass(frozen=True)
class Recognised:
    """Words of the original read as a convention rather than copied, and what they became.

    "FOR IMMEDIATE RELEASE", a date line, "Media contact:", an end mark: these are how a
    release is written, not its content. Listing them lets a reader (or a test) account for
    every line: what is neither copied, recognised nor reported would have been lost.
    """

    line: int
    text: str
    convention: str
    value: str | None = None
    """What the words became in the release (a date, a location), if anything."""
    lang: str | None = None
    """The language the words are written in ("PARA DIFUSIÓN INMEDIATA": es), if they have one."""


@dataclass
class Section:
    """An "About ..." heading and its paragraphs, or a paragraph after the end mark."""

    heading: str | None
    line: int
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """What the text says, each part with the line it came from."""

    source: str = ""  # the file, as staff know it: errors name it
    title: str | None = None
    title_line: int = 1
    subtitle: str | None = None
    date: dt.date | None = None
    date_line: int = 1
    embargo: dt.datetime | None = None
    embargo_line: int = 1
    location: str | None = None
    contacts: list[ContactDraft] = field(default_factory=list)
    contact_line: int = 1
    body: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    end_mark: bool = False
    problems: list[ContentError] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    recognised: list[Recognised] = field(default_factory=list)

    def problem(self, line: int, field: str, message: str, hint: str = "") -> None:
        self.problems.append(ContentError(self.source, line, field, message, hint))

    def recognise(self, line: int, text: str, convention: str, value: object = None) -> None:
        if text.strip():
            shown = value.isoformat() if hasattr(value, "isoformat") else value
            lang = convention_language(convention, text.strip())
            self.recognised.append(Recognised(line, text.strip(), convention, shown, lang))


class _Stage(Enum):
    HEAD = "before the headline"
    AFTER_HEADLINE = "after the headline"
    AFTER_SUBHEADLINE = "after the subheadline"
    BODY = "body"


def read_layout(lines: list[str], source: str) -> Layout:
    """Sort every line of a release into a field, the body, a boilerplate or the unplaced."""
    blocks = _blocks(lines)
    end = next((i for i, block in enumerate(blocks) if _is_end(block)), None)
    if end is None:
        end = next(
            (i for i, block in enumerate(blocks) if _opens_boilerplate(block[0][1])), len(blocks)
        )
        trailer = blocks[end:]
    else:
        trailer = blocks[end + 1 :]
    layout = Layout(source, end_mark=end < len(blocks) and _is_end(blocks[end]))
    for block in blocks:
        if _is_end(block):
            layout.recognise(block[0][0], block[0][1], "end mark")
    _Reader(layout, blocks[:end]).read()
    _read_trailer(layout, trailer)
    return layout


def _blocks(lines: list[str]) -> list[list[Line]]:
    """Paragraphs: runs of non-blank lines; an end mark is always a paragraph of its own."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for number, text in enumerate(lines, start=1):
        text = text.rstrip()
        if not text.strip() or convention.is_end_mark(text):
            if current:
                blocks.append(current)
            current = []
            if text.strip():
                blocks.append([(number, text.strip())])
            continue
        current.append((number, text))
    if current:
        blocks.append(current)
    return blocks


def _is_end(block: list[Line]) -> bool:
    return len(block) == 1 and convention.is_end_mark(block[0][1])


class _Reader:
    def __init__(self, layout: Layout, blocks: list[list[Line]]) -> None:
        self.layout = layout
        self.blocks = blocks
        self.index = 0
        self.stage = _Stage.HEAD

    def read(self) -> None:
        while self.index < len(self.blocks):
            block = self.blocks[self.index]
            self.index += 1
            if self.stage is _Stage.BODY:
                self.body_block(block)
            else:
                self.head_block(block)
        if self.layout.title is None:
            self.layout.problem(
                1, "title", "found no headline",
                "put the headline on a line of its own above the first paragraph",
            )

    def head_block(self, block: list[Line]) -> None:
        """Lines before the body: release line, date, embargo, contacts, headline, subheadline."""
        remaining: list[Line] = []
        for position, (number, text) in enumerate(block):
            if self.header_line(number, text):
                continue
            label = convention.contact_label(text)
            if label is not None:
                self.layout.recognise(number, _before(text, label), "contact label")
                self.contacts(number, [(number, label), *block[position + 1 :]])
                break
            remaining.append((number, text))
        if not remaining:
            return
        if self.stage is _Stage.HEAD and _all_contact_details(remaining):
            self.contacts(remaining[0][0], remaining)
        elif self.stage is _Stage.HEAD:
            self.headline(remaining)
        elif (
            self.stage is _Stage.AFTER_HEADLINE
            and convention.dateline(remaining[0][1]) is None
            and _is_subheadline(remaining)
        ):
            self.layout.subtitle = " ".join(convention.plain(text) for _, text in remaining)
            self.stage = _Stage.AFTER_SUBHEADLINE
        else:
            self.stage = _Stage.BODY
            self.body_block(remaining)

    def header_line(self, number: int, text: str) -> bool:
        """Take a release, embargo or date line; say whether the line was one."""
        if self.stage is _Stage.BODY:
            return False
        rest = convention.release_line(text)
        if rest is not None:
            self.layout.recognise(number, _before(convention.plain(text), rest), "release line")
            if rest:
                self.date(number, rest)
            return True
        when = convention.embargo_line(text)
        if when is not None:
            words = _before(convention.plain(text), when)
            self.layout.recognise(number, words, "embargo line")
            self.embargo(number, when, convention_language("embargo line", words))
            return True
        try:
            day = convention.date_line(text)
        except convention.Unclear as unclear:
            self.layout.problem(number, "date", str(unclear), _DATE_HINT)
            return True
        if day is not None:
            self.layout.recognise(number, convention.plain(text), "date", day)
            self.set_date(number, day)
            return True
        return False

    def date(self, number: int, text: str) -> None:
        try:
            found = convention.find_date(text)
        except convention.Unclear as unclear:
            self.layout.problem(number, "date", str(unclear), _DATE_HINT)
            return
        if found is None:
            self.layout.unplaced.append((number, text))
        else:
            self.layout.recognise(number, text[found.start : found.end], "date", found.date)
            self.set_date(number, found.date)
            rest = (text[: found.start] + text[found.end :]).strip(" ,.:;–—-")
            if rest:
                self.layout.unplaced.append((number, rest))

    def set_date(self, number: int, day: dt.date) -> None:
        if self.layout.date is not None and self.layout.date != day:
            self.layout.problem(
                number, "date", f"says {day}, but line {self.layout.date_line} says "
                f"{self.layout.date}", "correct the one that is wrong and import again",
            )
            return
        self.layout.date, self.layout.date_line = day, number

    def embargo(self, number: int, when: str, lang: str | None) -> None:
        try:
            self.layout.embargo = convention.embargo_moment(when)
            self.layout.embargo_line = number
            self.layout.recognise(number, when, "embargo", self.layout.embargo)
        except convention.Unclear as unclear:
            example = _EMBARGO_EXAMPLES.get(lang or "en", _EMBARGO_EXAMPLES["en"])
            self.layout.problem(
                number, "embargo", f"{unclear}: {when!r}",
                f"write the date, time and zone, like `{example}` or `... 09:00 -05:00`, "
                "and import again",
            )

    def contacts(self, number: int, lines: list[Line]) -> None:
        """A contact block: these lines, then following paragraphs that are contact details."""
        while self.index < len(self.blocks) and _all_contact_details(self.blocks[self.index]):
            lines = [*lines, *self.blocks[self.index]]
            self.index += 1
        if self.layout.contacts == []:
            self.layout.contact_line = number
        # One person may take several lines: read each paragraph of the block as a whole.
        for paragraph in _paragraphs(lines):
            block = parse_contacts("\n".join(text for _, text in paragraph))
            self.layout.contacts.extend(block.people)
            self.layout.unplaced.extend((paragraph[0][0], leftover) for leftover in block.leftovers)
            for words, value in block.conventions:
                line = next(
                    (number for number, text in paragraph if _has_words(text, words)),
                    paragraph[0][0],
                )
                self.layout.recognise(line, words, "contact", value)

    def headline(self, lines: list[Line]) -> None:
        headline = [convention.plain(lines[0][1])]
        subheadline = []
        for _, text in lines[1:]:
            (subheadline if subheadline or _is_marked_up(text) else headline).append(
                convention.plain(text)
            )
        self.layout.title, self.layout.title_line = " ".join(headline), lines[0][0]
        if subheadline:
            self.layout.subtitle = " ".join(subheadline)
            self.stage = _Stage.AFTER_SUBHEADLINE
        else:
            self.stage = _Stage.AFTER_HEADLINE

    def body_block(self, block: list[Line]) -> None:
        label = convention.contact_label(block[0][1])
        if label is not None:
            self.layout.recognise(block[0][0], _before(block[0][1], label), "contact label")
            self.contacts(block[0][0], [(block[0][0], label), *block[1:]])
            return
        text = "\n".join(line for _, line in block)
        if not self.layout.body:
            text = self.dateline(block[0][0], text)
        if text.strip():
            self.layout.body.append(text)

    def dateline(self, number: int, text: str) -> str:
        found = convention.dateline(text)
        if found is None:
            return text
        self.layout.location = found.location
        self.layout.recognise(number, found.place, "dateline", found.location)
        if found.when:
            self.date(number, found.when)
        return found.rest


_DATE_HINT = "write the date with the month's name, like October 20, 2020, and import again"
# An embargo line written right, in the language of the one that was not.
_EMBARGO_EXAMPLES = {
    "en": "EMBARGOED UNTIL 9:00 a.m. ET, March 3, 2021",
    "es": "EMBARGADO HASTA las 9:00 a.m. ET del 3 de marzo de 2021",
}


def _opens_boilerplate(line: str) -> bool:
    """Whether an "About ..." heading ends the body of a release that has no end mark."""
    return convention.about_heading(line, spanish_sobre=False) is not None


def _before(text: str, rest: str) -> str:
    """What a line says before `rest`: the convention, such as "Media contact:"."""
    if not rest:
        return text
    cut = text.rfind(rest)
    return text[:cut] if cut >= 0 else text


def _has_words(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _all_contact_details(block: list[Line]) -> bool:
    """Short lines with an email or phone in the paragraph: a contact, not prose."""
    return (
        all(len(text) <= _MAX_CONTACT_LINE for _, text in block)
        and has_contact_details("\n".join(text for _, text in block))
        and convention.dateline(block[0][1]) is None
    )


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines split where their numbers jump, that is, at the blank lines between them."""
    paragraphs: list[list[Line]] = []
    for number, text in lines:
        if not text.strip():
            continue
        if paragraphs and paragraphs[-1][-1][0] == number - 1:
            paragraphs[-1].append((number, text))
        else:
            paragraphs.append([(number, text)])
    return paragraphs


def _is_marked_up(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("#") or (stripped[:1] in "*_" and stripped[-1:] in "*_")


def _is_subheadline(lines: list[Line]) -> bool:
    """One short line that is no sentence of the body: a deck under the headline."""
    text = " ".join(text for _, text in lines).strip()
    if len(lines) == 1 and _is_marked_up(text):
        return True
    return len(lines) <= 2 and len(text) <= 300 and not text.endswith(
        (".", "!", "?", '"', "”", "»")
    )


def _read_trailer(layout: Layout, blocks: list[list[Line]]) -> None:
    """After the end mark: contacts, "About ..." sections, and boilerplate paragraphs."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if _is_end(block):
            continue
        first_number, first = block[0]
        label = convention.contact_label(first)
        if label is not None:
            layout.recognise(first_number, _before(first, label), "contact label")
            reader = _Reader(layout, blocks)
            reader.index, reader.stage = index, _Stage.BODY
            reader.contacts(first_number, [(first_number, label), *block[1:]])
            index = reader.index
            continue
        if _all_contact_details(block):
            _Reader(layout, []).contacts(first_number, block)
            continue
        name = convention.about_heading(first)
        if name and len(name.split()) <= 12:
            section = Section(name, first_number)
            layout.sections.append(section)
            layout.recognise(first_number, first, "boilerplate heading")
            rest = [text for _, text in block[1:]]
            if rest:
                section.paragraphs.append("\n".join(rest))
            continue
        text = "\n".join(line for _, line in block)
        layout.sections.append(Section(None, first_number, [text]))
