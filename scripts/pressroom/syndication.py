"""Which feeds the site offers and what goes into each: the site's, partners', campaigns'."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import lxml.html

from pressroom import listing
from pressroom.body import with_dateline
from pressroom.content import Release
from pressroom.feeds import Feed, FeedEntry, absolute
from pressroom.views import Catalogue


@dataclass(frozen=True)
class SiteSettings:
    """What the site's configuration says that feeds and metadata need."""

    site_url: str
    site_name: str
    description: str
    language: str
    timezone: str
    feed_length: int

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def published_at(release: Release, settings: SiteSettings) -> dt.datetime:
    """The instant a release went out: its embargo, or the start of its day where the site is."""
    if release.front.embargo is not None:
        return release.front.embargo
    return dt.datetime.combine(release.date, dt.time(0, 0), tzinfo=settings.zone)


def entry_id(release: Release, settings: SiteSettings) -> str:
    """A tag URI from the site's host, the release date and its file name, never its title."""
    host = settings.site_url.split("://", 1)[-1].split("/", 1)[0]
    name = release.document.path.stem
    return f"tag:{host},{release.date.isoformat()}:{name}"


def release_content(catalogue: Catalogue, release: Release, body_html: str, page_url: str) -> str:
    """The release as a reader shows it: body, end mark and boilerplates, links absolute."""
    parts = [with_dateline(body_html, release.front.location), "<p>###</p>"]
    for about in catalogue.release_page(release).abouts:
        parts.append(f"<h2>About {html.escape(about.name)}</h2>{about.boilerplate_html}")
    return lxml.html.make_links_absolute("\n".join(parts), page_url)


def site_feeds(catalogue: Catalogue, settings: SiteSettings, bodies: dict[str, str]) -> list[Feed]:
    newsroom = catalogue.newsroom
    url = settings.site_url

    made: dict[str, FeedEntry] = {}  # a release in several feeds is prepared once

    def entry(release: Release) -> FeedEntry:
        if release.url not in made:
            made[release.url] = _entry(catalogue, release, settings, bodies)
        return made[release.url]

    def entries(releases: list[Release]) -> list[FeedEntry]:
        return [entry(release) for release in releases[: settings.feed_length]]

    feeds = [
        Feed(
            "press/",
            f"{settings.site_name}: press releases",
            settings.description or settings.site_name,
            absolute(url, "press/"),
            settings.language,
            entries(listing.newest_first(catalogue.releases)),
        )
    ]
    for partner in newsroom.partners.values():
        feeds.append(
            Feed(
                partner.url,
                f"{settings.site_name}: {partner.name}",
                f"Press releases from {partner.name}",
                absolute(url, partner.url),
                settings.language,
                entries(listing.by_partner(catalogue.releases, partner.id)),
            )
        )
    for campaign in newsroom.campaigns.values():
        feeds.append(
            Feed(
                campaign.url,
                f"{settings.site_name}: {campaign.title}",
                f"Press releases on {campaign.title}",
                absolute(url, campaign.url),
                settings.language,
                entries(listing.by_campaign(catalogue.releases, campaign.id)),
            )
        )
    return feeds


def _entry(
    catalogue: Catalogue, release: Release, settings: SiteSettings, bodies: dict[str, str]
) -> FeedEntry:
    page_url = absolute(settings.site_url, release.url)
    partners = catalogue.newsroom.partners
    return FeedEntry(
        id=entry_id(release, settings),
        url=page_url,
        title=release.title,
        summary=catalogue.summary(release),
        content_html=release_content(catalogue, release, bodies.get(release.url, ""), page_url),
        published=published_at(release, settings),
        authors=[
            (partners[p].name, absolute(settings.site_url, partners[p].url))
            for p in release.front.partners
        ],
        categories=[topic.label for topic in release.topics],
    )
