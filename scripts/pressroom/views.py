"""What each page shows, prepared in Python so templates only lay it out.

Every value here is plain text; templates escape it. Rendered HTML (release bodies,
boilerplates) comes in from the site generator through `Rendered`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pressroom import listing
from pressroom.body import dateline, first_paragraph_text
from pressroom.content import Newsroom, Release
from pressroom.feeds import FEED_FILES
from pressroom.publish import State, state

RELEASE_LINE = "FOR IMMEDIATE RELEASE"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Rendered:
    """HTML the site generator produced: release bodies and partner boilerplates, by id."""

    release_html: dict[str, str] = field(default_factory=dict)
    boilerplate_html: dict[str, str] = field(default_factory=dict)


def subscribe_links(folder: str) -> list[Link]:
    """Visible links to the feeds in a folder: RSS, Atom, JSON Feed."""
    return [Link(label, folder + file_name) for file_name, _mime, label in FEED_FILES.values()]


def readable_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


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


@dataclass(frozen=True)
class CampaignPage:
    title: str
    status: str
    summary: str | None
    partners: list[Link]
    releases: list[ReleaseCard]
    feeds: list[Link]


@dataclass(frozen=True)
class HomePage:
    latest: list[ReleaseCard]
    archive: Link


class Catalogue:
    """The views of one build: the releases it shows, as of its clock."""

    def __init__(
        self, newsroom: Newsroom, now: dt.datetime, *, preview: bool, rendered: Rendered
    ) -> None:
        self.newsroom = newsroom
        self.now = now
        self.preview = preview
        self.rendered = rendered
        self.releases = [
            release for release in newsroom.releases
            if preview or state(release, now) is State.PUBLISHED
        ]

    def notice(self, release: Release) -> str | None:
        current = state(release, self.now)
        if current is State.DRAFT:
            return "DRAFT — not published"
        if current is State.EMBARGOED and release.front.embargo is not None:
            lifts = release.front.embargo
            return f"EMBARGOED UNTIL {readable_date(lifts)}, {lifts:%H:%M} {_zone(lifts)}"
        return None

    def summary(self, release: Release) -> str:
        if release.front.summary:
            return release.front.summary
        return first_paragraph_text(self.rendered.release_html.get(release.url, ""))

    def card(self, release: Release) -> ReleaseCard:
        partners = self.newsroom.partners
        return ReleaseCard(
            title=release.title,
            subtitle=release.front.subtitle,
            url=release.url,
            date=readable_date(release.date),
            iso_date=release.date.isoformat(),
            partners=[Link(partners[p].name, partners[p].url) for p in release.front.partners],
            summary=self.summary(release),
            notice=self.notice(release),
        )

    def cards(self, releases: list[Release]) -> list[ReleaseCard]:
        return [self.card(release) for release in releases]

    def release_page(self, release: Release) -> ReleasePage:
        partners = self.newsroom.partners
        campaign = self.newsroom.campaigns.get(release.front.campaign or "")
        return ReleasePage(
            card=self.card(release),
            release_line=RELEASE_LINE,
            dateline=dateline(release.front.location),
            contacts=[
                ContactView(
                    contact.name, contact.title,
                    partners[contact.org].name if contact.org else None,
                    contact.email, contact.phone,
                )
                for contact in release.front.contacts
            ],
            campaign=Link(campaign.title, campaign.url) if campaign else None,
            topics=[Link(topic.label, topic.url) for topic in release.topics],
            abouts=[
                About(
                    partners[p].name, partners[p].url,
                    self.rendered.boilerplate_html.get(p, ""),
                )
                for p in release.front.partners
            ],
            banner=self.notice(release),
        )

    def browse(self) -> dict[str, list[Link]]:
        """Ways into the archive besides scrolling: by year, partner, campaign and topic."""
        newsroom = self.newsroom
        return {
            "Years": [Link(str(year), f"press/{year}/") for year in listing.years(self.releases)],
            "Partners": [Link(p.name, p.url) for p in newsroom.partners.values()],
            "Campaigns": [Link(c.title, c.url) for c in newsroom.campaigns.values()],
            "Topics": [Link(t.label, t.url) for t in listing.topics(self.releases)],
        }

    def press_index(self) -> ListingPage:
        groups = [
            Group(str(year), f"press/{year}/", self.cards(releases))
            for year, releases in listing.by_year(self.releases)
        ]
        return ListingPage("Press releases", groups, self.browse(), subscribe_links("press/"))

    def year_page(self, year: int) -> ListingPage:
        releases = [release for release in self.releases if release.year == year]
        group = Group(str(year), None, self.cards(listing.newest_first(releases)))
        return ListingPage(f"Press releases from {year}", [group], self.browse())

    def topic_page(self, topic_slug: str) -> ListingPage:
        releases = listing.by_topic(self.releases, topic_slug)
        label = next(t.label for t in releases[0].topics if t.slug == topic_slug)
        group = Group(label, None, self.cards(releases))
        return ListingPage(f"Press releases on {label}", [group], self.browse())

    def partner_page(self, partner_id: str) -> PartnerPage:
        front = self.newsroom.partners[partner_id].front
        return PartnerPage(
            name=front.name,
            short_name=front.short_name,
            website=str(front.website),
            logo=front.logo,
            social=[Link(network, str(url)) for network, url in front.social.items()],
            releases=self.cards(listing.by_partner(self.releases, partner_id)),
            feeds=subscribe_links(self.newsroom.partners[partner_id].url),
        )

    def campaign_page(self, campaign_id: str) -> CampaignPage:
        front = self.newsroom.campaigns[campaign_id].front
        partners = self.newsroom.partners
        return CampaignPage(
            title=front.title,
            status=front.status,
            summary=front.summary,
            partners=[Link(partners[p].name, partners[p].url) for p in front.partners],
            releases=self.cards(listing.by_campaign(self.releases, campaign_id)),
            feeds=subscribe_links(self.newsroom.campaigns[campaign_id].url),
        )

    def partners_directory(self) -> DirectoryPage:
        return DirectoryPage("Partners", [
            (Link(p.name, p.url), p.front.short_name or "")
            for p in sorted(self.newsroom.partners.values(), key=lambda p: p.name.casefold())
        ])

    def campaigns_directory(self) -> DirectoryPage:
        return DirectoryPage("Campaigns", [
            (Link(c.title, c.url), c.front.summary or "")
            for c in sorted(self.newsroom.campaigns.values(), key=lambda c: c.title.casefold())
        ])

    def home(self, count: int) -> HomePage:
        return HomePage(
            self.cards(listing.latest(self.releases, count)),
            Link("All press releases", "press/"),
        )


def _zone(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset not in ("+0000", "") else "UTC"
