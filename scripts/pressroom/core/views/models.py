"""What each page shows: plain values, prepared in Python so templates only lay them out.

Every value here is plain text; templates escape it. Rendered HTML (release bodies,
boilerplates) comes in from the site generator through `Rendered`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressroom.core.listings.archive import Pager


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Rendered:
    """HTML the site generator produced: release bodies (with their datelines), partner
    boilerplates and campaign pages, by URL or id."""

    release_html: dict[str, str] = field(default_factory=dict)
    boilerplate_html: dict[str, str] = field(default_factory=dict)
    campaign_html: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class ContactView:
    name: str
    title: str | None
    organisation: str | None
    email: str | None
    phone: str | None

    @property
    def phone_href(self) -> str | None:
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else None


@dataclass(frozen=True)
class ReleaseCard:
    """A release as it appears in a listing."""

    title: str
    subtitle: str | None
    url: str
    date: str
    iso_date: str
    partners: list[Link]
    summary: str
    notice: str | None  # "Draft" or "Embargoed until …" in preview, else None


@dataclass(frozen=True)
class About:
    name: str
    url: str
    boilerplate_html: str
    lang: str | None = None  # the text's language where it is not the page's: untranslated


@dataclass(frozen=True)
class ReleasePage:
    card: ReleaseCard
    release_line: str
    dateline: str
    contacts: list[ContactView]
    campaign: Link | None
    topics: list[Link]
    abouts: list[About]
    banner: str | None


@dataclass(frozen=True)
class Group:
    heading: str
    url: str | None
    releases: list[ReleaseCard]


@dataclass(frozen=True)
class ListingPage:
    title: str
    groups: list[Group]
    browse: dict[str, list[Link]]
    feeds: list[Link] = field(default_factory=list)
    pager: Pager | None = None
    filters: dict[str, list[Option]] = field(default_factory=dict)
    filter_index: str | None = None  # what the filter form fetches, when it has filters
    empty: str = "No releases yet."


@dataclass(frozen=True)
class DirectoryPage:
    """All partners, or all campaigns."""

    title: str
    entries: list[tuple[Link, str]]


@dataclass(frozen=True)
class PartnerPage:
    name: str
    short_name: str | None
    website: str
    logo: str | None
    social: list[Link]
    releases: list[ReleaseCard]
    feeds: list[Link]
    pager: Pager | None


@dataclass(frozen=True)
class CampaignPage:
    title: str
    status: str
    summary: str | None
    partners: list[Link]
    releases: list[ReleaseCard]
    feeds: list[Link]
    pager: Pager | None


@dataclass(frozen=True)
class SearchPage:
    title: str
    hint: str


@dataclass(frozen=True)
class HomePage:
    latest: list[ReleaseCard]
    archive: Link
