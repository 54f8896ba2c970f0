"""What one build shows: the newsroom as of its clock, its archives and its release cards."""

from __future__ import annotations

from functools import cached_property

from pressroom.core.content.languages import prefix
from pressroom.core.content.newsroom import Newsroom, Release
from pressroom.core.listings.archives import Archives
from pressroom.core.publishing.rules import Clock, public_part
from pressroom.core.views.cards import Cards
from pressroom.core.views.models import Link, Option, Rendered


class Catalogue:
    def __init__(
        self, newsroom: Newsroom, clock: Clock, *, preview: bool, rendered: Rendered,
        page_size: int = 50, lang: str | None = None,
    ) -> None:
        self.lang = lang or newsroom.languages[0]
        self.folder = prefix(self.lang, newsroom.languages)  # "" or "es/"
        shown = newsroom.in_language(self.lang)
        # A preview shows everything, with banners; a build only what is public.
        self.newsroom = shown if preview else public_part(shown, clock)
        self.clock = clock
        self.preview = preview
        self.rendered = rendered
        self.releases = list(self.newsroom.releases)
        self.archives = Archives(self.newsroom, page_size, self.folder)
        self.cards = Cards(self.newsroom, clock, rendered)

    def summary(self, release: Release) -> str:
        return self.cards.summary(release)

    # Every listing page shows the same browse links and filter choices: compute them once.
    @cached_property
    def browse(self) -> dict[str, list[Link]]:
        """Ways into the archive besides scrolling: by year, partner, campaign and topic."""
        newsroom = self.newsroom
        return {
            "Years": [Link(str(year), f"{self.folder}press/{year}/")
                      for year in self.archives.years],
            "Partners": [Link(p.name, p.url) for p in newsroom.partners.values()],
            "Campaigns": [Link(c.title, c.url) for c in newsroom.campaigns.values()],
            "Topics": [Link(t.label, t.url) for t in self.archives.topics],
        }

    @cached_property
    def filters(self) -> dict[str, list[Option]]:
        """The choices of the in-page filter on /press/, by the same ids the URLs use."""
        newsroom = self.newsroom
        return {
            "partner": [Option(p.id, p.name) for p in newsroom.partners.values()],
            "campaign": [Option(c.id, c.title) for c in newsroom.campaigns.values()],
            "topic": [Option(t.slug, t.label) for t in self.archives.topics],
            "year": [Option(str(y), str(y)) for y in self.archives.years],
        }
