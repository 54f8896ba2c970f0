"""`pressroom new`: a release file to fill in, with every field present and explained, or a
translation of one, with only the fields a translation sets."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pressroom.cli.project import TRANSLATION_SCHEMA_FILE, Site, require_known
from pressroom.core.content.front_matter import RELEASE_FILE_NAME, ReleaseFront
from pressroom.core.content.languages import (
    SUPPORTED,
    Language,
    split_language,
    translation_name,
    unlisted_language,
)
from pressroom.core.content.newsroom import Partner
from pressroom.core.content.release_file import (
    PLACEHOLDER_BODY,
    TRANSLATION_BODY,
    release_file_name,
    render_release,
    render_translation,
    write_new,
)
from pressroom.core.content.slugs import slugify
from pressroom.core.errors import ContentError, UsageError
from pressroom.core.loading.field_messages import explain, field_problem, unknown_id
from pressroom.core.loading.source import field_name, read_source

Ask = Callable[[str], str]
"""Asks staff one question at the terminal and returns the answer, stripped."""

_NO_SLUG = "the headline needs some letters or digits to make a web address"

@dataclass
class NewRelease:
    """What `pressroom new` was told; missing values are asked for or reported."""

    headline: str | None = None
    date: str | None = None
    partners: list[str] = field(default_factory=list)
    campaign: str | None = None
    location: str | None = None
    lang: str | None = None  # None: the site's default language


def create_release(site: Site, wanted: NewRelease, ask: Ask | None, today: dt.date) -> Path:
    """Write the new release file and return its path; `ask` is None when nobody can answer."""
    if wanted.lang is not None:
        site_language(site, wanted.lang)  # refused before any question is asked
    partners = site.partners()
    campaigns = site.campaigns()
    if ask is not None:
        _ask_missing(wanted, ask, today, sorted(partners), sorted(campaigns))
    if not wanted.headline:
        raise UsageError('give the headline: pressroom new "Our headline"')
    if not wanted.partners:
        known = ", ".join(sorted(partners)) or "none yet: add a page in docs/partners/"
        raise UsageError(f"give the partners with --partners a,b (known partners: {known})")
    require_known("partner", wanted.partners, partners)
    require_known("campaign", filter(None, [wanted.campaign]), campaigns)
    front = {
        "title": wanted.headline,
        "date": wanted.date or today.isoformat(),
        "location": wanted.location or None,
        "partners": wanted.partners,
        "contacts": _press_contacts(partners[partner_id] for partner_id in wanted.partners),
        "campaign": wanted.campaign or None,
        # A new release stays off the site until someone decides it is ready.
        "draft": True,
    }
    release = _validate(front)
    slug = slugify(release.title)
    if not slug:
        raise UsageError(_NO_SLUG)
    path = site.releases_dir / _file_name(site, release_file_name(release.date, slug),
                                          wanted.lang)
    text = render_release(
        {**front, "date": release.date}, PLACEHOLDER_BODY, site.schema_reference(path.parent)
    )
    try:
        write_new(path, text)
    except FileExistsError:
        raise UsageError(
            f"{site.display(path)} already exists: edit it, or choose another headline or date"
        ) from None
    return path


def _file_name(site: Site, english: str, lang: str | None) -> str:
    """`<date>-<slug>.md`, or `<date>-<slug>.es.md` for a release only in Spanish."""
    if lang is None or lang == site.languages[0]:
        return english
    language = site_language(site, lang)
    if (site.releases_dir / english).exists():
        # The new file would silently become that release's translation.
        original = site.display(site.releases_dir / english)
        raise UsageError(
            f"{original} already has this date and headline: to translate it, run "
            f"pressroom new --lang {language.code} --translation-of {original}"
        )
    return translation_name(english.removesuffix(".md"), lang, site.languages)


def create_translation(site: Site, given: Path, wanted: NewRelease) -> tuple[Path, Path]:
    """Write the translation of the release at `given`; return (translation, original).

    Only the translated fields are written: the others come from the original, which keeps
    one place to change a date, an embargo or a contact.
    """
    if wanted.date or wanted.partners or wanted.campaign:
        raise UsageError(
            "leave out --date, --partners and --campaign: a translation takes them from its "
            "original"
        )
    if not wanted.lang or wanted.lang == site.languages[0]:
        others = ", ".join(site.languages[1:]) or "none: add one to `languages` in mkdocs.yml"
        said = (f"--lang {wanted.lang} is the site's first language, the original's"
                if wanted.lang else "give the translation's language with --lang")
        raise UsageError(f"{said} (the site's other languages: {others})")
    language = site_language(site, wanted.lang)
    original = _original_release(site, given)
    document = read_source(original, site.display(original))
    if isinstance(document, ContentError):
        raise UsageError(f"cannot read the original: {document}")
    own = {"title": wanted.headline or None, "location": wanted.location or None}
    stem = original.name.removesuffix(".md")
    path = site.releases_dir / translation_name(stem, language.code, site.languages)
    text = render_translation(
        document.metadata, own, original.name, language,
        TRANSLATION_BODY.format(language=language.english, original=original.name),
        site.schema_reference(path.parent, TRANSLATION_SCHEMA_FILE),
    )
    try:
        write_new(path, text)
    except FileExistsError:
        raise UsageError(f"{site.display(path)} already exists: edit it") from None
    return path, original


def site_language(site: Site, lang: str) -> Language:
    """A language the site publishes in, or a refusal saying how to add it."""
    if lang not in site.languages:
        raise UsageError(
            f"--lang {lang}: the site's languages are {', '.join(site.languages)} (add {lang} "
            "to `languages` under the pressroom plugin in mkdocs.yml)"
        )
    return SUPPORTED[lang]


def _original_release(site: Site, given: Path) -> Path:
    """The release to translate: in the site's default language, in its releases folder."""
    try:
        found = site.locate(given)
    except UsageError:
        raise UsageError(f"--translation-of {given}: no such file (give the release to "
                         "translate, like press_releases/2024-05-01-groups-sue.md)") from None
    shown = site.display(found)
    if found.resolve().parent != site.releases_dir.resolve():
        raise UsageError(f"{shown} is not in {site.display(site.releases_dir)}/: a translation "
                         "is made of a release there, and sits beside it")
    other = split_language(found.name, site.languages)[1] or unlisted_language(
        found.name, site.languages)
    if other is not None:
        raise UsageError(f"{shown} is in {SUPPORTED[other].english}: give the "
                         f"{SUPPORTED[site.languages[0]].english} release it translates")
    if RELEASE_FILE_NAME.match(found.name) is None:
        raise UsageError(f"{shown} is not named like a release (YYYY-MM-DD-slug.md)")
    return found


def _ask_missing(
    wanted: NewRelease, ask: Ask, today: dt.date, partners: list[str], campaigns: list[str]
) -> None:
    """Ask for what the command line left out, and again for any answer (or option) the
    build would refuse, saying why: an answer once accepted is never asked for again."""
    wanted.headline = _settled(ask, "Headline: ", wanted.headline, _headline_problem)
    wanted.date = _settled(
        ask, f"Date, YYYY-MM-DD [{today.isoformat()}]: ", wanted.date,
        lambda answer: _field_problem("date", answer), default=today.isoformat(),
    )
    answer = _settled(
        ask, f"Partners, separated by commas ({', '.join(partners)}): ",
        ",".join(wanted.partners) or None,
        lambda answer: _ids_problem("partner", split_ids(answer), partners, required=True),
    )
    wanted.partners = split_ids(answer)
    if wanted.location is None:
        wanted.location = ask("Location of the dateline, e.g. New York [none]: ") or None
    if wanted.campaign is not None or campaigns:
        wanted.campaign = _settled(
            ask, f"Campaign ({', '.join(campaigns)}) [none]: ", wanted.campaign,
            lambda answer: _ids_problem("campaign", split_ids(answer), campaigns),
            default="",
        ) or None


def _settled(
    ask: Ask, question: str, given: str | None, problem: Callable[[str], str | None],
    default: str | None = None,
) -> str:
    """`given` if the build would take it, else the first answer it would: each refused one
    is said with its fix, on stderr, and the question asked again."""
    answer = given
    while True:
        if answer is None:
            answer = ask(question) or (default if default is not None else "")
        refused = problem(answer)
        if refused is None:
            return answer
        print(f"  {refused}", file=sys.stderr)
        answer = None


def _field_problem(name: str, answer: str) -> str | None:
    found = field_problem(ReleaseFront, name, answer)
    return None if found is None else _said(*found)


def _headline_problem(answer: str) -> str | None:
    if not answer.strip():
        return "the headline is required: type it, then press Enter"
    if not slugify(answer):
        return _NO_SLUG
    return _field_problem("title", answer)


def _ids_problem(
    kind: str, ids: list[str], known: list[str], required: bool = False,
) -> str | None:
    if required and not ids:
        return f"give at least one {kind} (known {kind}s: {', '.join(known) or 'none yet'})"
    if kind == "campaign" and len(ids) > 1:
        return "a release belongs to one campaign at most: give one"
    unknown = [unknown_id(kind, name, known) for name in ids if name not in known]
    return "; ".join(_said(*problem) for problem in unknown) or None


def _said(message: str, hint: str) -> str:
    return f"{message} ({hint})" if hint else message


def split_ids(text: str) -> list[str]:
    """`mijente, just-futures-law` -> ['mijente', 'just-futures-law']."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _validate(front: dict) -> ReleaseFront:
    """The model's own verdict on what was typed, said the way `check` says it."""
    try:
        return ReleaseFront.model_validate(front)
    except ValidationError as invalid:
        reasons = []
        for error in invalid.errors():
            reasons.append(f"{field_name(error['loc'])}: {_said(*explain(error, ReleaseFront))}")
        raise UsageError("; ".join(reasons)) from None


def _press_contacts(partners: Iterable[Partner]) -> list[dict]:
    """The press contacts the partners' pages list, each marked with its organisation."""
    contacts = []
    for partner in partners:
        for contact in partner.front.contacts:
            entry = contact.model_dump(exclude_none=True)
            contacts.append({**entry, "org": contact.org or partner.id})
    return contacts
