"""What each page shows, prepared in Python so templates only lay it out.

Every value here is plain text; templates escape it. Rendered HTML (release bodies,
boilerplates) comes in from the site generator through `Rendered`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from pressroom.core.content.newsroom import Newsroom, Release, Topic
from pressroom.core.listings import order as listing
from pressroom.core.listings.archive import Archive, Pager, pager
from pressroom.core.outputs.feeds import FEED_FILES
from pressroom.core.publishing.rules import Clock, State, lifts_at, public_part, state
from pressroom.core.views.html_text import dateline, first_paragraph_text

RELEASE_LINE = "FOR IMMEDIATE RELEASE"


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


def subscribe_links(folder: str) -> list[Link]:
    """Visible links to the feeds in a folder: RSS, Atom, JSON Feed."""
    return [Link(label, folder + file_name) for file_name, _mime, label in FEED_FILES.values()]


def readable_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


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


class Catalogue:
    """The views of one build: the releases it shows, as of its clock."""

    def __init__(
        self, newsroom: Newsroom, clock: Clock, *, preview: bool, rendered: Rendered,
        page_size: int = 50,
    ) -> None:
        # A preview shows everything, with banners; a build only what is public.
        self.newsroom = newsroom if preview else public_part(newsroom, clock)
        self.page_size = page_size
        self.clock = clock
        self.preview = preview
        self.rendered = rendered
        self._summaries: dict[str, str] = {}
        self._cards: dict[str, ReleaseCard] = {}
        self.releases = list(self.newsroom.releases)

    def notice(self, release: Release) -> str | None:
        current = state(release, self.clock)
        lifts = lifts_at(release.front, self.clock.zone)
        if current is State.DRAFT:
            return "DRAFT — not published"
        if current is State.EMBARGOED and lifts is not None:
            return f"EMBARGOED UNTIL {readable_date(lifts)}, {lifts:%H:%M} {_zone(lifts)}"
        if current is State.SCHEDULED and lifts is not None:
            return f"SCHEDULED FOR {readable_date(lifts)}, {lifts:%H:%M} {lifts.tzname()}"
        return None

    def summary(self, release: Release) -> str:
        if release.front.summary:
            return release.front.summary
        if release.url not in self._summaries:
            body = self.rendered.release_html.get(release.url)
            if body is None:
                return ""  # not rendered yet: never cache a guess
            self._summaries[release.url] = first_paragraph_text(body)
        return self._summaries[release.url]

    def card(self, release: Release) -> ReleaseCard:
        # A release appears in many listings; build its card once.
        if release.url in self._cards:
            return self._cards[release.url]
        card = self._card(release)
        if release.front.summary or release.url in self.rendered.release_html:
            self._cards[release.url] = card
        return card

    def _card(self, release: Release) -> ReleaseCard:
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

    @cached_property
    def topics(self) -> list[Topic]:
        return listing.topics(self.releases)

    @cached_property
    def years(self) -> list[int]:
        return listing.years(self.releases)

    # Every listing page shows the same browse links and filter choices: compute them once.
    @cached_property
    def browse(self) -> dict[str, list[Link]]:
        """Ways into the archive besides scrolling: by year, partner, campaign and topic."""
        newsroom = self.newsroom
        return {
            "Years": [Link(str(year), f"press/{year}/") for year in self.years],
            "Partners": [Link(p.name, p.url) for p in newsroom.partners.values()],
            "Campaigns": [Link(c.title, c.url) for c in newsroom.campaigns.values()],
            "Topics": [Link(t.label, t.url) for t in self.topics],
        }

    @cached_property
    def filters(self) -> dict[str, list[Option]]:
        """The choices of the in-page filter on /press/, by the same ids the URLs use."""
        newsroom = self.newsroom
        return {
            "partner": [Option(p.id, p.name) for p in newsroom.partners.values()],
            "campaign": [Option(c.id, c.title) for c in newsroom.campaigns.values()],
            "topic": [Option(t.slug, t.label) for t in self.topics],
            "year": [Option(str(y), str(y)) for y in self.years],
        }

    @cached_property
    def archives(self) -> list[Archive]:
        """Every paginated listing the site has."""
        releases, newsroom = self.releases, self.newsroom
        size = self.page_size
        archives = [Archive("press", "", "press/", "Press releases",
                            listing.newest_first(releases), size)]
        for year in self.years:
            in_year = [r for r in releases if r.year == year]
            archives.append(Archive("year", str(year), f"press/{year}/",
                                    f"Press releases from {year}",
                                    listing.newest_first(in_year), size))
        for topic in self.topics:
            archives.append(Archive("topic", topic.slug, topic.url,
                                    f"Press releases on {topic.label}",
                                    listing.by_topic(releases, topic.slug), size))
        for partner in newsroom.partners.values():
            archives.append(Archive("partner", partner.id, partner.url,
                                    f"Press releases from {partner.name}",
                                    listing.by_partner(releases, partner.id), size))
        for campaign in newsroom.campaigns.values():
            archives.append(Archive("campaign", campaign.id, campaign.url,
                                    f"Press releases on {campaign.title}",
                                    listing.by_campaign(releases, campaign.id), size))
        return archives

    def archive(self, kind: str, key: str = "") -> Archive:
        return next(a for a in self.archives if a.kind == kind and a.key == key)

    def listing_page(self, archive: Archive, number: int = 1) -> ListingPage:
        on_page = archive.page_releases(number)
        if archive.kind == "year":
            groups = [Group(archive.key, None, self.cards(on_page))]
        else:
            groups = [
                Group(str(year), f"press/{year}/", self.cards(in_year))
                for year, in_year in listing.by_year(on_page)
            ]
        title = archive.title if number == 1 else f"{archive.title}, page {number}"
        is_press = archive.kind == "press"
        feeds_folder = archive.folder if archive.kind in ("press", "partner", "campaign") else ""
        return ListingPage(
            title=title,
            groups=groups,
            browse=self.browse,
            feeds=subscribe_links(feeds_folder) if feeds_folder else subscribe_links("press/"),
            pager=pager(archive, number),
            filters=self.filters if is_press else {},
        )

    def partner_page(self, partner_id: str) -> PartnerPage:
        front = self.newsroom.partners[partner_id].front
        archive = self.archive("partner", partner_id)
        return PartnerPage(
            name=front.name,
            short_name=front.short_name,
            website=str(front.website),
            logo=front.logo,
            social=[Link(network, str(url)) for network, url in front.social.items()],
            releases=self.cards(archive.page_releases(1)),
            feeds=subscribe_links(archive.folder),
            pager=pager(archive, 1),
        )

    def campaign_page(self, campaign_id: str) -> CampaignPage:
        front = self.newsroom.campaigns[campaign_id].front
        partners = self.newsroom.partners
        archive = self.archive("campaign", campaign_id)
        return CampaignPage(
            title=front.title,
            status=front.status,
            summary=front.summary,
            partners=[Link(partners[p].name, partners[p].url) for p in front.partners],
            releases=self.cards(archive.page_releases(1)),
            feeds=subscribe_links(archive.folder),
            pager=pager(archive, 1),
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

    def search_page(self) -> SearchPage:
        return SearchPage("Search", "Search the text of every press release, partner and campaign.")

    def home(self, count: int) -> HomePage:
        return HomePage(
            self.cards(listing.latest(self.releases, count)),
            Link("All press releases", "press/"),
        )


def _zone(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset not in ("+0000", "") else "UTC"
