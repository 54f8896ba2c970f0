"""The newsroom's content once validated: releases, partners and campaigns."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from pressroom.core.content.front_matter import CampaignFront, PartnerFront, ReleaseFront
from pressroom.core.content.slugs import slugify
from pressroom.core.loading.source import SourceDocument


@dataclass(frozen=True)
class Partner:
    """An organisation in the coalition; its page body is its "About" boilerplate."""

    id: str
    front: PartnerFront
    document: SourceDocument

    @property
    def boilerplate(self) -> str:
        """The "About" paragraph(s), in Markdown."""
        return self.document.body.strip()

    @property
    def name(self) -> str:
        return self.front.name

    @property
    def url(self) -> str:
        return f"partners/{self.id}/"


@dataclass(frozen=True)
class Campaign:
    id: str
    front: CampaignFront
    document: SourceDocument

    @property
    def description(self) -> str:
        return self.document.body.strip()

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def url(self) -> str:
        return f"campaigns/{self.id}/"


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str

    @property
    def url(self) -> str:
        return f"press/topics/{self.slug}/"


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

    @property
    def year(self) -> int:
        return self.front.date.year

    @property
    def url(self) -> str:
        return f"press/{self.year}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """Where the release sits among the site's pages, as if it were a file in docs/."""
        return f"press/{self.year}/{self.slug}.md"

    @cached_property
    def topics(self) -> tuple[Topic, ...]:
        unique: dict[str, Topic] = {}
        for label in self.front.topics:
            unique.setdefault(topic_slug(label), Topic(topic_slug(label), label))
        return tuple(unique.values())


@dataclass(frozen=True)
class Newsroom:
    """Everything the site is built from, validated and cross-checked."""

    releases: tuple[Release, ...]
    partners: dict[str, Partner]
    campaigns: dict[str, Campaign]
