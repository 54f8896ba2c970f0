"""Ordering and grouping releases: pure functions of the content."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from pressroom.core.content.newsroom import Release, Topic


def newest_first(releases: Iterable[Release]) -> list[Release]:
    # Same-day releases fall back to their slug so every build orders them alike.
    return sorted(releases, key=lambda release: (-release.date.toordinal(), release.slug))


def by_year(releases: Iterable[Release]) -> list[tuple[int, list[Release]]]:
    ordered = newest_first(releases)
    return [(year, list(group)) for year, group in groupby(ordered, key=lambda r: r.year)]


def years(releases: Iterable[Release]) -> list[int]:
    return sorted({release.year for release in releases}, reverse=True)


def by_partner(releases: Iterable[Release], partner_id: str) -> list[Release]:
    return newest_first(r for r in releases if partner_id in r.front.partners)


def by_campaign(releases: Iterable[Release], campaign_id: str) -> list[Release]:
    return newest_first(r for r in releases if r.front.campaign == campaign_id)


def topics(releases: Iterable[Release]) -> list[Topic]:
    """Every topic in use, alphabetically; the first spelling seen names it."""
    named: dict[str, Topic] = {}
    for release in newest_first(releases):
        for topic in release.topics:
            named.setdefault(topic.slug, topic)
    return sorted(named.values(), key=lambda topic: topic.label.casefold())


def by_topic(releases: Iterable[Release], topic_slug: str) -> list[Release]:
    return newest_first(r for r in releases if any(t.slug == topic_slug for t in r.topics))


def latest(releases: Iterable[Release], count: int) -> list[Release]:
    return newest_first(releases)[:count]
