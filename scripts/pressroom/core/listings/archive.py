"""Paginated archives, so no page lists every release however long the newsroom runs."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressroom.core.content.newsroom import Release
from pressroom.core.i18n.words import ENGLISH, Words


@dataclass(frozen=True)
class Archive:
    """The releases of one listing (all, a year, a topic, a partner, a campaign), newest first.

    Page 1 lives at `folder`; later pages at `folder/page/N/`.
    """

    kind: str  # "press", "year", "topic", "partner" or "campaign"
    key: str
    folder: str
    title: str
    releases: list[Release]
    page_size: int
    words: Words = field(default=ENGLISH, compare=False, repr=False)  # its language's

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.releases) // self.page_size))

    @property
    def has_feeds(self) -> bool:
        """Visitors follow everything, a partner or a campaign; a year or topic has no feed."""
        return self.kind in ("press", "partner", "campaign")

    def page_title(self, number: int) -> str:
        return self.words.page_title(self.title, number)

    def page_url(self, number: int) -> str:
        return self.folder if number == 1 else f"{self.folder}page/{number}/"

    def page_releases(self, number: int) -> list[Release]:
        start = (number - 1) * self.page_size
        return self.releases[start : start + self.page_size]


@dataclass(frozen=True)
class PagerLink:
    label: str
    url: str | None  # None for the current page and for gaps
    current: bool = False


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    newer: str | None
    older: str | None
    pages: list[PagerLink]

    @property
    def label(self) -> str:
        return ENGLISH.pager_label(self.number, self.count)


def pager(archive: Archive, number: int) -> Pager | None:
    """Links to neighbouring pages; a short window of page numbers keeps it small at scale."""
    count = archive.page_count
    if count == 1:
        return None
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    links: list[PagerLink] = []
    for previous, page in zip([0, *shown], shown, strict=False):
        if page - previous > 1:
            links.append(PagerLink("…", None))
        current = page == number
        links.append(PagerLink(str(page), None if current else archive.page_url(page), current))
    return Pager(
        number=number,
        count=count,
        newer=archive.page_url(number - 1) if number > 1 else None,
        older=archive.page_url(number + 1) if number < count else None,
        pages=links,
    )
