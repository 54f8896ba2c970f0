"""What each page shows: plain values, prepared in Python so templates only lay them out.

Every value here is plain text; templates escape it. Rendered HTML (release bodies,
boilerplates) comes in from the site generator through `Rendered`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressroom.core.listings.archive import PagerLink


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    lang: str | None = None  # the label's language, where it is not the page's


@dataclass(frozen=True)
class Phrase:
    """Words around a link, in whatever order the page's language puts them."""

    before: str
    link: Link
    after: str


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
class Filter:
    """One field of the filter form: its label, its choice of any value, and the values."""

    name: str
    label: str
    any_label: str
    options: list[Option]


@dataclass(frozen=True)
class Paging:
    """Links to a listing's neighbouring pages, in the page's language."""

    label: str  # "Page 2 of 4"
    newer: Link | None
    older: Link | None
    pages: list[PagerLink]


@dataclass(frozen=True)
class ContactView:
    name: str
    title: str | None
    organisation: str | None
    email: str | None
    phone: str | None
    title_lang: str | None = None  # the title's language, where it is not the page's

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
    notice: str | None  # "DRAFT — not published" or "EMBARGOED UNTIL …" in preview, else None


@dataclass(frozen=True)
class About:
    name: str
    url: str
    boilerplate_html: str
    heading: Phrase  # "About <a>name</a>"
    lang: str | None = None  # the text's language where it is not the page's: untranslated


@dataclass(frozen=True)
class Sharing:
    """The release's share row: plain links, and a copy button that its own script shows."""

    label: str  # the row's aria-label
    email: Link  # mailto: with the headline and the release's address
    copy: str  # the button's words
    copied: str  # what it says once the address is on the clipboard
    address: str  # the release's full address, which the button copies
    download: Link  # the release as plain text, beside the page


@dataclass(frozen=True)
class ReleasePage:
    card: ReleaseCard
    release_line: str
    dateline: str
    contacts: list[ContactView]
    contacts_label: str  # "Contact" or "Contacts"
    campaign: Link | None
    topics: list[Link]
    abouts: list[About]
    banner: str | None
    sharing: Sharing


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
    empty: str  # "No releases yet."
    feeds: list[Link] = field(default_factory=list)
    pager: Paging | None = None
    filters: list[Filter] = field(default_factory=list)
    filter_index: str | None = None  # what the filter form fetches, when it has filters


@dataclass(frozen=True)
class DirectoryPage:
    """All partners, or all campaigns."""

    title: str
    entries: list[tuple[Link, str]]


@dataclass(frozen=True)
class Logo:
    src: str  # the file, relative to docs/
    alt: str  # "Data Justice Alliance logo"
    details: str  # for its download link: "PNG, 12 KB"


@dataclass(frozen=True)
class PartnerPage:
    name: str
    short_name: str | None  # shown labelled, "Short name: IDP", where it is not the name
    website: Link  # its label is the site's name, `immigrantdefenseproject.org`
    logo: Logo | None
    about: str  # "About …", the heading of the partner's own text
    social: list[Link]
    contacts: list[ContactView]
    releases: list[ReleaseCard]
    feeds: list[Link]
    pager: Paging | None
    about_lang: str | None = None  # the "About" text's language, where untranslated


@dataclass(frozen=True)
class MediaKit:
    """One partner on the media page."""

    name: Link
    logo: Logo | None
    contacts: list[ContactView]
    about: str  # "About …"
    boilerplate_html: str
    feeds: list[Link]
    about_lang: str | None = None


@dataclass(frozen=True)
class MediaPage:
    """Every partner's press contacts, logos and boilerplate, and the feeds, in one place."""

    title: str
    intro: str
    feeds: list[Link]  # the site's
    partners: list[MediaKit]


@dataclass(frozen=True)
class CampaignPage:
    title: str
    status: str
    status_label: str  # "Active campaign"
    summary: str | None
    partners: list[Link]
    releases: list[ReleaseCard]
    feeds: list[Link]
    pager: Paging | None
    description_lang: str | None = None  # the description's language, where untranslated


@dataclass(frozen=True)
class SearchPage:
    title: str
    hint: str
    without_script: Phrase  # what to do without JavaScript: browse the press releases
    messages: dict[str, str]  # what the page's script says as it searches


@dataclass(frozen=True)
class PartnerLogo:
    """A partner on the home page: its logo, or its name where it has none, to its page."""

    name: str  # also the logo's alternative text: the link's name
    url: str
    logo: str | None


@dataclass(frozen=True)
class HomePage:
    featured: ReleaseCard | None  # the newest release staff marked `featured: true`
    latest: list[ReleaseCard]  # the newest others
    archive: Link
    contacts: list[ContactView]  # the partners' press contacts, else the latest release's
    media: Link  # the media page: every partner's contacts, logos and "About" texts
    feeds: list[Link]  # "Follow by RSS", "JSON Feed"
    partners: list[PartnerLogo]
