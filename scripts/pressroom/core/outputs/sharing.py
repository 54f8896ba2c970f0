"""What a page tells feed readers, social networks and search engines in its <head>."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from pressroom.core.content.languages import SUPPORTED
from pressroom.core.content.newsroom import Release
from pressroom.core.outputs.feeds import FEED_FILES, absolute
from pressroom.core.outputs.syndication import SiteSettings, published_at
from pressroom.core.views.catalogue import Catalogue


@dataclass(frozen=True)
class HeadMeta:
    """Plain-text values; the template escapes them. `json_ld` is already safe inside <script>."""

    # (MIME type, title, site-relative URL). Relative on purpose: Material fetches
    # `sitemap.xml` next to every rel=alternate link, and that must stay on this site.
    feeds: list[tuple[str, str, str]]
    properties: list[tuple[str, str]]  # <meta property=…>: Open Graph and article:*
    names: list[tuple[str, str]] = field(default_factory=list)  # <meta name=…>: Twitter
    json_ld: str | None = None
    # (hreflang, absolute URL): the page in every language it has, itself and x-default too.
    alternates: list[tuple[str, str]] = field(default_factory=list)


def hreflang_links(settings: SiteSettings, versions: list[tuple[str, str]]
                   ) -> list[tuple[str, str]]:
    """`versions`: (language, site-relative URL), the site's default language first."""
    if len(versions) < 2:
        return []
    links = [(lang, absolute(settings.site_url, url)) for lang, url in versions]
    return [*links, ("x-default", links[0][1])]


def with_versions(meta: HeadMeta, settings: SiteSettings, versions: list[tuple[str, str]]
                  ) -> HeadMeta:
    """The page's head, telling search engines and link previews of its other languages."""
    alternates = hreflang_links(settings, versions)
    if not alternates:
        return meta
    others = [("og:locale:alternate", locale(lang)) for lang, _url in versions
              if lang != settings.language]
    return replace(meta, properties=[*meta.properties, *others], alternates=alternates)


def feed_links(settings: SiteSettings, folder: str, title: str) -> list[tuple[str, str, str]]:
    return [
        (mime, f"{title} ({label})", folder + file_name)
        for file_name, mime, label in FEED_FILES.values()
    ]


def site_feed_links(settings: SiteSettings) -> list[tuple[str, str, str]]:
    title = settings.site_feeds_title.format(site=settings.site_name)
    return feed_links(settings, settings.folder + "press/", title)


def locale(language: str) -> str:
    """Open Graph's locale of a language: `es` -> `es_ES`; a theme language Pressroom has no
    words for passes through."""
    known = SUPPORTED.get(language)
    return known.locale if known else language


def page_meta(
    settings: SiteSettings,
    title: str,
    description: str,
    url: str,
    image: str,
    extra_feeds: list[tuple[str, str, str]] | None = None,
) -> HeadMeta:
    """Open Graph basics for any page that is not a release."""
    return HeadMeta(
        feeds=site_feed_links(settings) + (extra_feeds or []),
        properties=[
            ("og:type", "website"),
            ("og:title", title),
            ("og:description", description),
            ("og:url", absolute(settings.site_url, url)),
            ("og:image", image),
            ("og:site_name", settings.site_name),
            ("og:locale", locale(settings.language)),
        ],
        names=[("twitter:card", "summary_large_image")],
    )


def release_meta(
    catalogue: Catalogue, release: Release, settings: SiteSettings, default_image: str,
    versions: list[Release] | None = None,
) -> HeadMeta:
    url = absolute(settings.site_url, release.url)
    image = (
        absolute(settings.site_url, release.front.image) if release.front.image else default_image
    )
    summary = catalogue.summary(release)
    published = published_at(release, settings).isoformat()
    partners = [catalogue.newsroom.partners[p] for p in release.front.partners]
    properties = [
        ("og:type", "article"),
        ("og:title", release.title),
        ("og:description", summary),
        ("og:url", url),
        ("og:image", image),
        ("og:site_name", settings.site_name),
        ("og:locale", locale(settings.language)),
        ("article:published_time", published),
        *(("article:tag", topic.label) for topic in release.topics),
    ]
    names = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", release.title),
        ("twitter:description", summary),
        ("twitter:image", image),
    ]
    organisations = [
        {
            "@type": "Organization",
            "name": partner.name,
            "url": str(partner.front.website),
            **(
                {"image": absolute(settings.site_url, partner.front.logo)}
                if partner.front.logo
                else {}
            ),
        }
        for partner in partners
    ]
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title,
        **({"alternativeHeadline": release.front.subtitle} if release.front.subtitle else {}),
        "description": summary,
        "datePublished": published,
        **({"dateline": release.front.location} if release.front.location else {}),
        "image": [image],
        "inLanguage": settings.language,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": organisations,
        "publisher": organisations[0] if len(organisations) == 1 else organisations,
        **({"keywords": [t.label for t in release.topics]} if release.topics else {}),
        **_translation_links(release, versions or [], settings),
    }
    return HeadMeta(site_feed_links(settings), properties, names, script_json(article))


def _translation_links(release: Release, versions: list[Release], settings: SiteSettings
                       ) -> dict[str, object]:
    """schema.org's link between an original and its translations."""
    others = [v for v in versions if v is not release]
    if not others:
        return {}

    def work(version: Release) -> dict[str, str]:
        return {"@type": "NewsArticle", "@id": absolute(settings.site_url, version.url),
                "inLanguage": version.lang}

    original = versions[0]
    if release is original:
        return {"workTranslation": [work(version) for version in others]}
    return {"translationOfWork": work(original)}


def script_json(value: object) -> str:
    """JSON that cannot end its <script> element early, whatever the titles contain."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
