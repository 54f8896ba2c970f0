"""`pressroom import`: old releases in the conventional form, turned into release files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import ValidationError

from pressroom.cli.project import Site
from pressroom.core.content.front_matter import RELEASE_FILE_NAME, ReleaseFront
from pressroom.core.content.newsroom import Partner
from pressroom.core.content.release_file import release_file_name, render_release, scalar, write_new
from pressroom.core.content.slugs import slugify
from pressroom.core.errors import ContentError
from pressroom.core.loading.field_messages import explain
from pressroom.core.loading.source import SourceDocument, field_name, read_source
from pressroom.importer.boilerplate import Boilerplate, match_boilerplates, partner_named
from pressroom.importer.contacts import ContactDraft
from pressroom.importer.language import (
    DEFAULT,
    file_name,
    language_name,
    language_of_file,
    release_language,
    translated_page,
)
from pressroom.importer.layout import Layout, Recognised, read_layout
from pressroom.importer.markup import DroppedLink, drop_unsafe_links, escape_html, scheme_of
from pressroom.importer.reading import Reading, Unreadable, read_release

_UNPLACED_HINT = "copy it into the release by hand, or delete it from the original"
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class ImportOptions:
    """What staff add on the command line: never guessed from the text."""

    partners: tuple[str, ...] = ()
    campaign: str | None = None
    topics: tuple[str, ...] = ()
    date: dt.date | None = None
    create_partners: bool = False
    lang: str | None = None
    """The release's language; None: read from the conventions its text uses."""


@dataclass
class NewPartner:
    path: Path
    text: str


@dataclass
class Imported:
    """One imported release: its file, what the text gave, and what needs a person's eye."""

    source: str
    front: dict[str, Any]
    body: str
    text: str
    path: Path | None
    boilerplates: list[Boilerplate]
    new_partners: list[NewPartner] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    unplaced: list[ContentError] = field(default_factory=list)
    recognised: list[Recognised] = field(default_factory=list)
    """The conventions read rather than copied, so every line of the original is accounted for."""
    warnings: list[ContentError] = field(default_factory=list)
    """What the import changed or guessed to keep the release safe and readable: it is still
    written, but staff should look."""
    lang: str = DEFAULT

    @classmethod
    def unreadable(cls, source: str, problem: Unreadable) -> Imported:
        error = ContentError(source, 1, "file", problem.message, problem.hint)
        return cls(source, {}, "", "", None, [], errors=[error])

    @property
    def writable(self) -> bool:
        """Whether the release is complete and valid; unplaced text does not stop it."""
        return self.path is not None and not self.errors

    @property
    def report(self) -> list[ContentError]:
        return sorted([*self.errors, *self.unplaced])

    def documents(self, site: Site) -> list[tuple[str, str]]:
        """Each file the import makes, as (where it goes, its text): new partner pages first."""
        release = site.display(self.path) if self.path else f"{self.source} (not writable yet)"
        return [
            *((site.display(page.path), page.text) for page in self.new_partners),
            (release, self.text),
        ]


def import_release(path: Path, site: Site, options: ImportOptions) -> Imported:
    """Read one old release into a release file's text, without writing anything."""
    source = site.display(path)
    try:
        reading = read_release(path)
    except Unreadable as problem:
        return Imported.unreadable(source, problem)
    lines, dropped = drop_unsafe_links(reading.lines)
    layout = read_layout(lines, source)
    lang, read_as = release_language(source, layout.recognised, options.lang)
    partners = site.partners()
    boilerplates, stray_sections = match_boilerplates(layout.sections, partners)
    importer = _Assembler(source, site, layout, partners, options, reading.markdown, lang)
    new_partners = importer.partner_pages(boilerplates)
    importer.compare_boilerplates(boilerplates)
    front = importer.front(boilerplates)
    for section in stray_sections:
        importer.unplaced_text(section.line, "\n\n".join(section.paragraphs))
    release = importer.validate(front)
    target = (
        site.releases_dir / file_name(release_file_name(
            release.date, release.slug or safe_slug(release.title, "release")
        ), lang)
        if release else None
    )
    if release is not None:
        front["date"] = release.date  # an embargoed release is dated by its embargo
    warnings = [*filter(None, [read_as]), *importer.warnings, *_warnings(source, reading, dropped)]
    if target is not None and lang != DEFAULT:
        warnings.extend(_possible_original(site, source, target, front["partners"]))
    folder = target.parent if target else site.releases_dir
    body = importer.escape("\n\n".join(layout.body))
    return Imported(
        source=source,
        front=front,
        body=body,
        text=render_release(front, body, site.schema_reference(folder)),
        path=target,
        boilerplates=boilerplates,
        new_partners=new_partners,
        errors=importer.errors,
        unplaced=importer.unplaced,
        recognised=_with_partners(layout.recognised, boilerplates),
        warnings=warnings,
        lang=lang,
    )


def safe_slug(text: str, kind: str) -> str:
    """The text's slug, or `kind-` and six hex digits of its hash when it has no letters
    slugify can spell (`日本の入管`, with an older slugify): stable, so importing the same
    headline again finds the same file."""
    slug = slugify(text)
    if slug:
        return slug
    normal = unicodedata.normalize("NFC", " ".join(text.split())).casefold()
    return f"{kind}-{hashlib.sha256(normal.encode()).hexdigest()[:6]}"


def _warnings(source: str, reading: Reading, dropped: list[DroppedLink]) -> list[ContentError]:
    warnings = [
        ContentError(
            source, link.line, "link",
            f"dropped the {scheme_of(link.address)}: link on {link.text!r}; its text is kept",
            "such links can run code in a reader's browser; link to an https:// address "
            "by hand if one is meant",
        )
        for link in dropped
    ]
    if reading.encoding:
        warnings.append(ContentError(
            source, 1, "encoding", f"is not UTF-8; read it as {reading.encoding}",
            "check its accented letters and quotes, or save it as UTF-8 and import again",
        ))
    return warnings


class _Assembler:
    def __init__(
        self, source: str, site: Site, layout: Layout, partners: dict[str, Partner],
        options: ImportOptions, markdown: bool, lang: str = DEFAULT,
    ) -> None:
        self.source = source
        self.lang = lang
        # Markdown's character references are its author's; in text or Word they are text.
        self.escape = functools.partial(escape_html, keep_references=markdown)
        self.site = site
        self.layout = layout
        self.partners = partners
        self.options = options
        self.errors = list(layout.problems)
        self.unplaced: list[ContentError] = []
        self.warnings: list[ContentError] = []
        for number, text in layout.unplaced:
            self.unplaced_text(number, text)

    def unplaced_text(self, line: int, text: str) -> None:
        shown = " ".join(text.split())  # whole: the report is where this text now lives
        self.unplaced.append(
            ContentError(self.source, line, "text", f"could not place {shown!r}", _UNPLACED_HINT)
        )

    def partner_pages(self, boilerplates: list[Boilerplate]) -> list[NewPartner]:
        """Pages for organisations with boilerplate but no partner page, if staff asked."""
        pages = []
        for boilerplate in boilerplates:
            if boilerplate.partner:
                continue
            partner_id = safe_slug(boilerplate.name, "partner")
            if not self.options.create_partners:
                self.unplaced.append(ContentError(
                    self.source, boilerplate.line, "boilerplate",
                    f"no partner page for {boilerplate.name!r}, so this text is not imported: "
                    f"{_one_line(boilerplate.text)!r}",
                    f"import again with --create-partners, or add docs/partners/{partner_id}.md",
                ))
                continue
            path = self.site.partners_dir / f"{partner_id}.md"
            translated = translated_page(path, self.lang) if self.lang != DEFAULT else None
            pages.append(NewPartner(path, _partner_page(boilerplate, self.escape, translated)))
            boilerplate.partner = partner_id
            if translated is not None:
                self.warnings.append(self.untranslated_partner(boilerplate, path, translated))
        return pages

    def untranslated_partner(
        self, boilerplate: Boilerplate, path: Path, translated: Path
    ) -> ContentError:
        """A partner's first page holds its text in the default language, which a release in
        another language cannot give: its text goes there, for now, and staff are told."""
        return ContentError(
            self.source, boilerplate.line, "boilerplate",
            f"made {self.site.display(path)} for {boilerplate.name!r} with this "
            f"{language_name(self.lang)} text, since a partner's first page is in "
            f"{language_name(DEFAULT)}",
            f"move the text to {self.site.display(translated)} and write the "
            f"{language_name(DEFAULT)} text in {self.site.display(path)}",
        )

    def compare_boilerplates(self, boilerplates: list[Boilerplate]) -> None:
        """Report imported "About" text a known partner's page does not already say.

        The page stays the one source of a partner's boilerplate, so the release uses it;
        the imported text goes into the report, whole, for staff to judge.
        """
        for boilerplate in boilerplates:
            partner = self.partners.get(boilerplate.partner or "")
            if partner is None or not boilerplate.text.strip():
                continue
            if self.lang != DEFAULT:
                self.compare_translated_boilerplate(boilerplate, partner)
                continue
            if _words(boilerplate.text) in _words(partner.boilerplate):
                continue  # the page says all of it, perhaps more
            page = partner.document.display_path
            self.unplaced.append(ContentError(
                self.source, boilerplate.line, "boilerplate",
                f"text for {partner.name} differs from {page}; the page's text is used, "
                f"not this: {_one_line(boilerplate.text)!r}",
                f"update {page} if the new text is right",
            ))

    def compare_translated_boilerplate(self, boilerplate: Boilerplate, partner: Partner) -> None:
        """As for the default language, against the partner's page in the release's language
        (`<id>.es.md`); where there is none yet, the text is reported for staff to save there."""
        path = translated_page(partner.document.path, self.lang)
        page = self.site.display(path)
        document = read_source(path, page) if path.is_file() else None
        if isinstance(document, SourceDocument):
            if _words(boilerplate.text) in _words(document.body):
                return
            message = f"text for {partner.name} differs from {page}; the page's text is used, " \
                f"not this: {_one_line(boilerplate.text)!r}"
            hint = f"update {page} if the new text is right"
        else:
            message = f"{partner.name} has no {language_name(self.lang)} text yet ({page}), so " \
                f"the release shows its {language_name(DEFAULT)} text, not this: " \
                f"{_one_line(boilerplate.text)!r}"
            hint = f"save this text as {page}"
        self.unplaced.append(
            ContentError(self.source, boilerplate.line, "boilerplate", message, hint)
        )

    def front(self, boilerplates: list[Boilerplate]) -> dict[str, Any]:
        layout = self.layout
        contacts = [self.contact(draft) for draft in layout.contacts]
        partners = _unique([
            *(b.partner for b in boilerplates if b.partner),
            *(contact.get("org") for contact in contacts),
            *self.options.partners,
        ])
        embargo_reported = any(problem.field == "embargo" for problem in layout.problems)
        if not (layout.date or layout.embargo or self.options.date or embargo_reported):
            self.errors.append(ContentError(
                self.source, 1, "date", "found no release date in the text",
                "write it under the release line, like October 20, 2020, or give "
                "--date YYYY-MM-DD",
            ))
        if not partners:
            self.errors.append(ContentError(
                self.source, 1, "partners", "no \"About\" paragraph or contact names a partner",
                "give --partners a,b, or --create-partners to make pages from the boilerplate",
            ))
        return {
            "title": layout.title,
            "subtitle": layout.subtitle,
            "date": self.options.date or layout.date,
            "location": layout.location,
            "partners": partners,
            "contacts": contacts,
            "campaign": self.options.campaign,
            "topics": list(self.options.topics),
            "embargo": layout.embargo,
        }

    def contact(self, draft: ContactDraft) -> dict[str, Any]:
        titles = list(draft.titles)
        org = self.known_contact(draft) or self.email_domain_partner(draft.email)
        for title in list(titles):
            named = partner_named(title, self.partners, whole=True)
            if named and (org is None or named == org):
                org = named
                titles.remove(title)
        entry = {
            "name": draft.name, "title": ", ".join(titles) or None, "org": org,
            "email": draft.email, "phone": draft.phone,
        }
        return {key: value for key, value in entry.items() if value is not None}

    def known_contact(self, draft: ContactDraft) -> str | None:
        """The partner whose page lists this person as a press contact."""
        for partner in self.partners.values():
            for known in partner.front.contacts:
                same_email = draft.email and known.email and (
                    known.email.casefold() == draft.email.casefold()
                )
                if same_email or known.name.casefold() == draft.name.casefold():
                    return known.org or partner.id
        return None

    def email_domain_partner(self, email: str | None) -> str | None:
        if not email:
            return None
        domain = email.rsplit("@", 1)[-1].casefold()
        for partner in self.partners.values():
            host = (urlparse(str(partner.front.website)).hostname or "").casefold()
            if host.removeprefix("www.") == domain:
                return partner.id
        return None

    def validate(self, front: dict[str, Any]) -> ReleaseFront | None:
        """The model's verdict, each problem placed on the line of the original it came from."""
        values = {key: value for key, value in front.items() if value not in (None, [], ())}
        if isinstance(values.get("embargo"), dt.datetime):
            values["embargo"] = values["embargo"].isoformat()
        try:
            release = ReleaseFront.model_validate(values)
        except ValidationError as invalid:
            reported = {error.field for error in self.errors}
            if "embargo" in reported:
                reported.add("date")  # the embargo would give the date: one problem, not two
            for error in invalid.errors():
                name = field_name(error["loc"])
                if name.split(".")[0].split("[")[0] in reported:
                    continue
                message, hint = explain(error, ReleaseFront)
                self.errors.append(ContentError(
                    self.source, self._line_of(name), name, message, hint
                ))
            return None
        return None if self.errors else release

    def _line_of(self, name: str) -> int:
        layout = self.layout
        lines = {
            "title": layout.title_line, "date": layout.date_line,
            "embargo": layout.embargo_line, "contacts": layout.contact_line,
        }
        return lines.get(name.split(".")[0].split("[")[0], 1)


def write_imported(imported: Imported, site: Site, force: bool = False) -> list[Path]:
    """Write the release and any new partner pages. Returns what was written.

    A release already in the newsroom, by its date and headline or slug, is not imported
    again unless `force`; then the release file is replaced, a partner page never.
    """
    assert imported.path is not None
    twin = None if force else find_existing(site, imported)
    if twin is not None:
        imported.errors.append(_already_imported(site, imported, twin))
        return []
    written = []
    for path, text in [
        *((page.path, page.text) for page in imported.new_partners), (imported.path, imported.text)
    ]:
        try:
            write_new(path, text)
        except FileExistsError:
            if path == imported.path:  # only with force: otherwise find_existing found it
                path.write_text(text, encoding="utf-8", newline="\n")
                written.append(path)
                continue
            imported.errors.append(ContentError(
                site.display(path), 1, "file", "already exists, so it was not replaced",
                "compare the two, or move the old file away and import again",
            ))
            continue
        written.append(path)
    return written


def _already_imported(site: Site, imported: Imported, twin: Path) -> ContentError:
    if twin == imported.path:
        return ContentError(
            site.display(twin), 1, "file", "already exists, so it was not replaced",
            "compare the two, or import again with --force to replace it",
        )
    return ContentError(
        imported.source, 1, "file",
        f"{site.display(twin)} is already this release (the same date, and the same headline "
        "or slug), so it was not imported",
        "compare the two, or import again with --force to write it as well",
    )


def find_existing(site: Site, imported: Imported) -> Path | None:
    """The release file that already holds this release: the same date, and the same slug
    or the same headline."""
    assert imported.path is not None
    wanted = _identity(imported.path.name, imported.front)
    if imported.path.exists():
        return imported.path
    # A release's file name starts with its date (the loader insists), so only that day's
    # files need reading, in any subfolder and any language.
    for path in sorted(site.releases_dir.rglob(f"{wanted[0]}-*.md")):
        document = read_source(path, path.name)
        if not isinstance(document, SourceDocument):
            continue  # `pressroom check` reports it; it cannot be compared
        date, slug, title, lang = _identity(path.name, document.metadata)
        # The same headline is the same release in any language (translations have their
        # own); the same slug only in the same one: `x.es.md` is `x.md`'s translation.
        same_slug = slug == wanted[1] and lang == wanted[3]
        if date == wanted[0] and (same_slug or (title and title == wanted[2])):
            return path
    return None


def _possible_original(
    site: Site, source: str, target: Path, partners: list[str]
) -> list[ContentError]:
    """Releases in the default language of the same day and partners: a translation is
    linked to its original only by sharing its file name, which an import cannot guess."""
    date = target.name[:10]
    found = []
    for path in sorted(site.releases_dir.rglob(f"{date}-*.md")):
        document = read_source(path, path.name)
        if language_of_file(path.name) != DEFAULT or not isinstance(document, SourceDocument):
            continue
        theirs = document.metadata.get("partners")
        if isinstance(theirs, list) and set(map(str, theirs)) & set(partners):
            original = file_name(path.name, language_of_file(target.name))
            found.append(ContentError(
                source, 1, "lang",
                f"{site.display(path)} is from the same day and partners; if this release is "
                f"its translation, it should be named {original}",
                f"rename {site.display(target)} to {original} after importing, so the two "
                "are linked",
            ))
    return found


def _identity(name: str, front: dict[str, Any]) -> tuple[str, str, str, str]:
    """A release's date, slug, headline and language as text, from its front matter or
    file name."""
    lang = language_of_file(name)
    found = RELEASE_FILE_NAME.match(file_name(name, DEFAULT))
    date = str(front.get("date") or (found["date"] if found else ""))[:10]
    slug = str(front.get("slug") or (found["slug"] if found else ""))
    title = " ".join(str(front.get("title") or "").split()).casefold()
    return date, slug, title, lang


def _partner_page(
    boilerplate: Boilerplate, escape: Callable[[str], str], translated: Path | None = None
) -> str:
    """A new partner page; `translated` is where its text belongs, when it is not in the
    default language, said in the page so that whoever opens it sees it."""
    website = boilerplate.website
    lines = ["---", f"name: {scalar(boilerplate.name)}"]
    if translated is not None:
        lines.insert(1, f"# The text below is not in {language_name(DEFAULT)}: move it to "
                     f"{translated.name} and write the {language_name(DEFAULT)} text here.")
    if website:
        lines.append(f"website: {scalar(website)}")
    else:
        lines += ["# The organisation's web address, starting with https://", "website:"]
    return "\n".join([*lines, "---", escape(boilerplate.text.strip()), ""])


def _with_partners(
    recognised: list[Recognised], boilerplates: list[Boilerplate]
) -> list[Recognised]:
    """Recognised "About ..." headings, each with the partner its text was matched to."""
    partners = {boilerplate.line: boilerplate.partner for boilerplate in boilerplates}
    return [
        dataclasses.replace(found, value=partners.get(found.line))
        if found.convention == "boilerplate heading" else found
        for found in recognised
    ]


def _words(text: str) -> str:
    """Text as a sequence of words, without link targets, emphasis or punctuation."""
    words = re.findall(r"\w+", _MARKDOWN_LINK.sub(r"\1", text).casefold())
    return f" {' '.join(words)} "


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(values: list[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))
