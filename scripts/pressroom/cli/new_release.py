"""`pressroom new`: a release file to fill in, with every field present and explained."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pressroom.cli.project import Site, require_known
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.newsroom import Partner
from pressroom.core.content.release_file import release_file_name, render_release, write_new
from pressroom.core.content.slugs import slugify
from pressroom.core.errors import UsageError
from pressroom.core.loading.field_messages import explain

Ask = Callable[[str], str]
"""Asks staff one question at the terminal and returns the answer, stripped."""

PLACEHOLDER_BODY = """\
Write the first paragraph here: who did what, when, where and why. The page puts the \
dateline (the `location` above, in capitals) in front of it.

"Put a quote here," said Full Name, Title at Organisation. "Keep it to two or three sentences."

Separate paragraphs with a blank line. Write links [like this](https://example.org).
"""


@dataclass
class NewRelease:
    """What `pressroom new` was told; missing values are asked for or reported."""

    headline: str | None = None
    date: str | None = None
    partners: list[str] = field(default_factory=list)
    campaign: str | None = None
    location: str | None = None


def create_release(site: Site, wanted: NewRelease, ask: Ask | None, today: dt.date) -> Path:
    """Write the new release file and return its path; `ask` is None when nobody can answer."""
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
        raise UsageError("the headline needs some letters or digits to make a web address")
    path = site.releases_dir / release_file_name(release.date, slug)
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


def _ask_missing(
    wanted: NewRelease, ask: Ask, today: dt.date, partners: list[str], campaigns: list[str]
) -> None:
    if not wanted.headline:
        wanted.headline = ask("Headline: ")
    if not wanted.date:
        wanted.date = ask(f"Date, YYYY-MM-DD [{today.isoformat()}]: ") or today.isoformat()
    if not wanted.partners:
        answer = ask(f"Partners, separated by commas ({', '.join(partners)}): ")
        wanted.partners = split_ids(answer)
    if wanted.location is None:
        wanted.location = ask("Location of the dateline, e.g. New York [none]: ") or None
    if wanted.campaign is None and campaigns:
        wanted.campaign = ask(f"Campaign ({', '.join(campaigns)}) [none]: ") or None


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
            message, hint = explain(error, ReleaseFront)
            name = ".".join(str(part) for part in error["loc"]) or "front matter"
            reasons.append(f"{name}: {message}" + (f" ({hint})" if hint else ""))
        raise UsageError("; ".join(reasons)) from None


def _press_contacts(partners: Iterable[Partner]) -> list[dict]:
    """The press contacts the partners' pages list, each marked with its organisation."""
    contacts = []
    for partner in partners:
        for contact in partner.front.contacts:
            entry = contact.model_dump(exclude_none=True)
            contacts.append({**entry, "org": contact.org or partner.id})
    return contacts
