"""The newsroom's content once validated: releases, partners and campaigns."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any, Self

from pressroom.core.content.front_matter import (
    CampaignFront,
    CampaignTranslationFront,
    PartnerFront,
    PartnerTranslationFront,
    ReleaseFront,
)
from pressroom.core.content.slugs import slugify
from pressroom.core.loading.source import SourceDocument


@dataclass(frozen=True)
class PageTranslation:
    """A partner's or campaign's page in another language: its own words, the same facts."""

    lang: str
    front: PartnerTranslationFront | CampaignTranslationFront
    document: SourceDocument


class _ShownInLanguages:
    """What partner and campaign pages share: shown in one of the site's languages, in its
    translation's words where there is one, and in the original's where there is not."""

    front: PartnerFront | CampaignFront
    document: SourceDocument
    translations: tuple[PageTranslation, ...]
    original_lang: str
    lang: str

    @cached_property  # asked for by every card that names the partner, in every listing
    def translation(self) -> PageTranslation | None:
        return next((t for t in self.translations if t.lang == self.lang), None)

    @property
    def text(self) -> str:
        """The page's Markdown body: the translation's where written."""
        translated = self.translation
        return (translated.document if translated else self.document).body.strip()

    @property
    def text_lang(self) -> str | None:
        """The language of the text where it is not the page's: not yet translated."""
        if self.lang == self.original_lang or self.translation is not None:
            return None
        return self.original_lang

    def _own(self, field: str) -> Any:
        """A field the translation may give in its own words, else the original's."""
        translated = self.translation
        own = getattr(translated.front, field, None) if translated else None
        return own or getattr(self.front, field)

    def in_language(self, lang: str, folder: str) -> Self:
        return replace(self, lang=lang, folder=folder)  # type: ignore[type-var]


@dataclass(frozen=True)
class Partner(_ShownInLanguages):
    """An organisation in the coalition; its page body is its "About" boilerplate."""

    id: str
    front: PartnerFront
    document: SourceDocument
    translations: tuple[PageTranslation, ...] = ()
    original_lang: str = "en"  # the site's default language, the original page's
    lang: str = "en"  # the language of the pages that show it
    folder: str = ""  # where that language's pages live
    logo_size: int | None = None  # the logo file's size in bytes, for its download link

    @property
    def boilerplate(self) -> str:
        """The "About" paragraph(s), in Markdown: in this language where written."""
        return self.text

    @property
    def boilerplate_lang(self) -> str | None:
        return self.text_lang

    @property
    def name(self) -> str:
        return self._own("name")

    @property
    def short_name(self) -> str | None:
        return self._own("short_name")

    @property
    def url(self) -> str:
        return f"{self.folder}partners/{self.id}/"


@dataclass(frozen=True)
class Campaign(_ShownInLanguages):
    id: str
    front: CampaignFront
    document: SourceDocument
    translations: tuple[PageTranslation, ...] = ()
    original_lang: str = "en"
    lang: str = "en"
    folder: str = ""

    @property
    def description(self) -> str:
        return self.text

    @property
    def description_lang(self) -> str | None:
        return self.text_lang

    @property
    def title(self) -> str:
        return self._own("title")

    @property
    def summary(self) -> str | None:
        return self._own("summary")

    @property
    def url(self) -> str:
        return f"{self.folder}campaigns/{self.id}/"


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    folder: str = ""  # the language's: "" or "es/"
    labelled: bool = False  # the label is the coalition's, given for the page's language


    @property
    def url(self) -> str:
        return f"{self.folder}press/topics/{self.slug}/"


@lru_cache(maxsize=4096)  # a few dozen topics, asked for on every listing of every build
def topic_slug(label: str) -> str:
    """"Facial recognition" and "facial-recognition" are one topic, at one address; `日本`
    is at `ri-ben`, not lost. Addressed like releases; two topics that still meet are an error."""
    return slugify(label) or "topic"


def topic_key(label: str) -> str:
    """What makes two labels one topic: the same words, whatever the case, spaces or hyphens.
    Two labels with different keys at one address are a content error."""
    return " ".join(re.split(r"[\s-]+", label.casefold())).strip()


@dataclass(frozen=True, eq=False)
class Release:
    """A press release: its front matter, its Markdown body, and where it lives."""

    front: ReleaseFront
    slug: str
    document: SourceDocument
    lang: str = "en"
    folder: str = ""  # where its language's pages live: "" or "es/"
    key: str = ""  # the file name without language and `.md`: shared by a release's translations
    inherited: tuple[str, ...] = ()  # a translation's fields taken from its original
    # The coalition's display labels of topics in the release's language, by topic id.
    topic_labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.document.body

    @property
    def source(self) -> str:
        """The file as staff know it, relative to the site's root."""
        return self.document.display_path

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def date(self) -> dt.date:
        return self.front.date

    @cached_property  # asked for by every listing, sitemap and feed, each build
    def year(self) -> int:
        return self.front.date.year

    @cached_property
    def url(self) -> str:
        return f"{self.folder}press/{self.year}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """Where the release sits among the site's pages, as if it were a file in docs/."""
        return f"{self.folder}press/{self.year}/{self.slug}.md"

    @cached_property
    def topics(self) -> tuple[Topic, ...]:
        unique: dict[str, Topic] = {}
        for label in self.front.topics:
            slug = topic_slug(label)
            shown = self.topic_labels.get(slug)
            unique.setdefault(slug, Topic(slug, shown or label, self.folder, shown is not None))
        return tuple(unique.values())


@dataclass(frozen=True)
class Newsroom:
    """Everything the site is built from, validated and cross-checked."""

    releases: tuple[Release, ...]
    partners: dict[str, Partner]
    campaigns: dict[str, Campaign]
    languages: tuple[str, ...] = ("en",)

    def in_language(self, lang: str) -> Newsroom:
        """The newsroom one language's pages show: its releases, and partners and campaigns
        named and described in it where they have a translation."""
        folder = "" if lang == self.languages[0] else f"{lang}/"
        return Newsroom(
            releases=tuple(r for r in self.releases if r.lang == lang),
            partners={i: p.in_language(lang, folder) for i, p in self.partners.items()},
            campaigns={i: c.in_language(lang, folder) for i, c in self.campaigns.items()},
            languages=self.languages,
        )

    def translations_of(self, release: Release) -> list[Release]:
        """Every version of a release, its own included, in the site's language order."""
        return list(self._versions.get(release.key, ()))

    @cached_property
    def _versions(self) -> dict[str, tuple[Release, ...]]:
        # Grouped once: each release page asks, and a scan each time was quadratic.
        by_key: dict[str, list[Release]] = {}
        for release in self.releases:
            by_key.setdefault(release.key, []).append(release)
        order = self.languages.index
        return {key: tuple(sorted(found, key=lambda r: order(r.lang)))
                for key, found in by_key.items()}
