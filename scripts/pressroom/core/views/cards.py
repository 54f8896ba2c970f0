"""Releases as listings show them, each summary and card made once however often it is listed."""

from __future__ import annotations

from pressroom.core.content.newsroom import Newsroom, Release
from pressroom.core.i18n.words import Wording
from pressroom.core.publishing.rules import Clock
from pressroom.core.views.html_text import first_paragraph_text
from pressroom.core.views.models import Link, ReleaseCard, Rendered
from pressroom.core.views.notices import notice


class Cards:
    def __init__(
        self, newsroom: Newsroom, clock: Clock, rendered: Rendered, wording: Wording,
        lang: str = "en",
    ) -> None:
        self.newsroom = newsroom
        self.lang = lang  # the language of the pages that list them
        self.clock = clock
        self.rendered = rendered
        self.wording = wording
        self._summaries: dict[str, str] = {}
        self._cards: dict[tuple[str, str], ReleaseCard] = {}

    def summary(self, release: Release) -> str:
        """Staff's own summary, or the body's first paragraph once the body is rendered."""
        if release.front.summary:
            return release.front.summary
        if release.url not in self._summaries:
            body = self.rendered.release_html.get(release.url)
            if body is None:
                return ""  # not rendered yet: never cache a guess
            self._summaries[release.url] = first_paragraph_text(body)
        return self._summaries[release.url]

    def card(self, release: Release, language: str | None = None) -> ReleaseCard:
        # A release appears in many listings; build its card once in each language.
        language = language or self.lang
        key = (release.url, language)
        if key in self._cards:
            return self._cards[key]
        card = self._card(release, language)
        if release.front.summary or release.url in self.rendered.release_html:
            self._cards[key] = card
        return card

    def cards(self, releases: list[Release], language: str | None = None) -> list[ReleaseCard]:
        return [self.card(release, language) for release in releases]

    def _card(self, release: Release, language: str) -> ReleaseCard:
        partners = self.newsroom.partners
        words = self.wording[language]
        return ReleaseCard(
            title=release.title,
            subtitle=release.front.subtitle,
            url=release.url,
            date=words.date(release.date),
            iso_date=release.date.isoformat(),
            partners=[Link(partners[p].name, partners[p].url) for p in release.front.partners],
            summary=self.summary(release),
            notice=notice(release, self.clock, words),
        )
