"""Which feeds the site offers and what goes into each: the site's, partners', campaigns'."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import lxml.html

from pressroom.core.content.newsroom import Release
from pressroom.core.outputs.feeds import Feed, FeedEntry, absolute
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.pages import release_page


@dataclass(frozen=True)
class SiteSettings:
    """What the site's configuration says that feeds and metadata need."""

    site_url: str
    site_name: str
    description: str
    language: str
    timezone: str
    feed_length: int
    folder: str = ""  # the language's pages: "" or "es/"
    site_feeds_title: str = "{site}: press releases"  # in the language's words

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
    """The release as a reader shows it: body (dateline included), end mark and boilerplates,
    links absolute."""
    parts = [body_html, "<p>###</p>"]
    for about in release_page(catalogue, release).abouts:
        heading = html.escape(catalogue.words().about_name(about.name))
        parts.append(f"<h2>{heading}</h2>{about.boilerplate_html}")
    return _links_absolute("\n".join(parts), page_url)


# Feeds quote the newest releases, the same ones from one rebuild of `mkdocs serve` to the next.
_links_absolute = lru_cache(maxsize=2048)(lxml.html.make_links_absolute)


def site_feeds(catalogue: Catalogue, settings: SiteSettings, bodies: dict[str, str]) -> list[Feed]:
    url = settings.site_url

    made: dict[str, FeedEntry] = {}  # a release in several feeds is prepared once

    def entry(release: Release) -> FeedEntry:
        if release.url not in made:
            made[release.url] = _entry(catalogue, release, settings, bodies)
        return made[release.url]

    def entries(releases: list[Release]) -> list[FeedEntry]:
        return [entry(release) for release in releases[: settings.feed_length]]

    # One feed for each archive a visitor can follow: everything, a partner's, a campaign's.
    return [
        Feed(
            archive.folder,
            f"{settings.site_name}: {archive.title}",
            settings.description if archive.kind == "press" and settings.description
            else archive.title,
            absolute(url, archive.folder),
            settings.language,
            entries(archive.releases),
        )
        for archive in catalogue.archives.all
        if archive.has_feeds
    ]


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
