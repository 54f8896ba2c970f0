"""RSS 2.0, Atom and JSON Feed 1.1 documents of releases (feedgen for the XML ones)."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

FEED_FILES = {
    "rss": ("feed.xml", "application/rss+xml", "RSS"),
    "atom": ("atom.xml", "application/atom+xml", "Atom"),
    "json": ("feed.json", "application/feed+json", "JSON Feed"),
}


@dataclass(frozen=True)
class FeedEntry:
    id: str
    url: str
    title: str
    summary: str
    content_html: str
    published: dt.datetime
    authors: list[tuple[str, str]]  # (organisation name, its page's absolute URL)
    categories: list[str]


@dataclass(frozen=True)
class Feed:
    folder: str  # site-relative, "" or ending in "/": where feed.xml and friends live
    title: str
    description: str
    home_url: str  # absolute
    language: str
    entries: list[FeedEntry]

    def url(self, site_url: str, kind: str) -> str:
        return absolute(site_url, self.folder + FEED_FILES[kind][0])

    @property
    def updated(self) -> dt.datetime:
        # The newest entry, not the wall clock, so rebuilding changes nothing.
        return max(
            (e.published for e in self.entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        )


def absolute(site_url: str, relative: str) -> str:
    return site_url.rstrip("/") + "/" + relative.lstrip("/")


def documents(feed: Feed, site_url: str) -> dict[str, bytes]:
    """Site-relative path -> file contents, for the three formats of one feed."""
    return dict(zip(paths(feed), [
        _section_sitemap(feed),
        _generator(feed, site_url, "rss").rss_str(pretty=True),
        _generator(feed, site_url, "atom").atom_str(pretty=True),
        _json_feed(feed, site_url),
    ], strict=True))


def paths(feed: Feed) -> list[str]:
    """The files `documents` makes for one feed: its section's sitemap, then RSS, Atom, JSON."""
    return [feed.folder + "sitemap.xml",
            *(feed.folder + FEED_FILES[kind][0] for kind in ("rss", "atom", "json"))]


def _generator(feed: Feed, site_url: str, kind: str) -> FeedGenerator:
    generator = FeedGenerator()
    if kind == "rss":
        generator.load_extension("dc")  # RSS <author> wants an email; dc:creator takes a name
    generator.id(feed.home_url)
    generator.title(feed.title)
    generator.description(feed.description)
    generator.language(feed.language)
    generator.link(href=feed.home_url, rel="alternate")
    generator.link(href=feed.url(site_url, kind), rel="self")
    generator.generator("Pressroom")
    generator.updated(feed.updated)
    generator.lastBuildDate(feed.updated)
    for entry in feed.entries:
        item = generator.add_entry(order="append")
        item.id(entry.id)
        item.guid(entry.id, permalink=False)
        item.title(entry.title)
        item.link(href=entry.url)
        summary = entry.summary or entry.title
        # Readers take RSS's <description> for HTML, Atom's <summary> for text: a summary is
        # text, so `<img …>` in it must reach an RSS reader escaped once more, as text.
        item.summary(html.escape(summary, quote=False) if kind == "rss" else summary)
        item.content(entry.content_html, type="CDATA" if kind == "rss" else "html")
        item.published(entry.published)
        item.updated(entry.published)
        for name, url in entry.authors:
            item.author({"name": name, "uri": url})
            if kind == "rss":
                item.dc.dc_creator(name)
        for category in entry.categories:
            item.category(term=category)
    return generator


def _json_feed(feed: Feed, site_url: str) -> bytes:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.url(site_url, "json"),
        "description": feed.description,
        "language": feed.language,
        "items": [
            {
                "id": entry.id,
                "url": entry.url,
                "title": entry.title,
                "summary": entry.summary,
                "content_html": entry.content_html,
                "date_published": entry.published.isoformat(),
                "authors": [{"name": name, "url": url} for name, url in entry.authors],
                "tags": entry.categories,
            }
            for entry in feed.entries
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _section_sitemap(feed: Feed) -> bytes:
    return page_sitemap(feed.home_url)


def page_sitemap(url: str, alternates: list[tuple[str, str]] | None = None) -> bytes:
    """A one-page sitemap in a page's folder, with the page's versions in other languages.

    Material's JavaScript fetches `sitemap.xml` from the folder of every
    `<link rel="alternate">` on a page (for its language switcher). Without this file each
    page view would end in a 404; with it, the fetch is a few bytes and succeeds.
    """
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{lang}" href="{html.escape(href)}"/>'
        for lang, href in alternates or []
    )
    namespace = ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' if links else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{namespace}>\n'
        f"  <url><loc>{html.escape(url)}</loc>{links}</url>\n"
        "</urlset>\n"
    ).encode()
