"""What one build shows in one language: the newsroom as of its clock, its archives and its
release cards, in that language's words."""

from __future__ import annotations

from pressroom.core.content.languages import prefix
from pressroom.core.content.newsroom import Newsroom, Release
from pressroom.core.i18n.words import Wording, Words
from pressroom.core.listings.archives import Archives
from pressroom.core.publishing.rules import Clock, public_part
from pressroom.core.views.cards import Cards
from pressroom.core.views.models import Filter, Link, Option, Rendered


class Catalogue:
    def __init__(
        self, newsroom: Newsroom, clock: Clock, *, preview: bool, rendered: Rendered,
        page_size: int = 50, lang: str | None = None, wording: Wording | None = None,
    ) -> None:
        self.lang = lang or newsroom.languages[0]
        self.folder = prefix(self.lang, newsroom.languages)  # "" or "es/"
        shown = newsroom.in_language(self.lang)
        # A preview shows everything, with banners; a build only what is public.
        self.newsroom = shown if preview else public_part(shown, clock)
        self.clock = clock
        self.preview = preview
        self.rendered = rendered
        self.wording = wording or Wording()
        self.releases = list(self.newsroom.releases)
        self.archives = Archives(self.newsroom, page_size, self.folder, self.words())
        self.cards = Cards(self.newsroom, clock, rendered, self.wording, self.lang)
        self._browse: dict[str, dict[str, list[Link]]] = {}
        self._filters: dict[str, list[Filter]] = {}

    def summary(self, release: Release) -> str:
        return self.cards.summary(release)

    def words(self, language: str | None = None) -> Words:
        return self.wording[language or self.lang]

    # Every listing page shows the same browse links and filter choices: compute them once.
    def browse(self, language: str | None = None) -> dict[str, list[Link]]:
        """Ways into the archive besides scrolling: by year, partner, campaign and topic."""
        language = language or self.lang
        if language not in self._browse:
            words, newsroom = self.words(language), self.newsroom
            self._browse[language] = {
                words.years: [Link(str(year), f"{self.folder}press/{year}/")
                              for year in self.archives.years],
                words.partners: [Link(p.name, p.url) for p in newsroom.partners.values()],
                words.campaigns: [Link(c.title, c.url) for c in newsroom.campaigns.values()],
                words.topics: [Link(t.label, t.url) for t in self.archives.topics],
            }
        return self._browse[language]

    def filters(self, language: str | None = None) -> list[Filter]:
        """The fields of the in-page filter on /press/, by the same ids the URLs use."""
        language = language or self.lang
        if language not in self._filters:
            newsroom = self.newsroom
            options = {
                "partner": [Option(p.id, p.name) for p in newsroom.partners.values()],
                "campaign": [Option(c.id, c.title) for c in newsroom.campaigns.values()],
                "topic": [Option(t.slug, t.label) for t in self.archives.topics],
                "year": [Option(str(y), str(y)) for y in self.archives.years],
            }
            labels = self.words(language).filter_fields
            self._filters[language] = [
                Filter(name, *labels[name], choices) for name, choices in options.items()
            ]
        return self._filters[language]
