"""Every paginated listing a newsroom has: all releases, each year, topic, partner and campaign."""

from __future__ import annotations

from functools import cached_property

from pressroom.core.content.newsroom import Newsroom, Topic
from pressroom.core.i18n.words import ENGLISH, Words
from pressroom.core.listings import order
from pressroom.core.listings.archive import Archive


class Archives:
    """The archives of the releases a build shows, each newest first."""

    def __init__(
        self, newsroom: Newsroom, page_size: int, folder: str = "", words: Words = ENGLISH,
    ) -> None:
        self.newsroom = newsroom
        self.folder = folder  # the language's: "" or "es/"
        self.words = words
        self.releases = list(newsroom.releases)
        self.page_size = page_size

    @cached_property
    def topics(self) -> list[Topic]:
        return order.topics(self.releases)

    @cached_property
    def years(self) -> list[int]:
        return order.years(self.releases)

    @cached_property
    def all(self) -> list[Archive]:
        releases, size = self.releases, self.page_size
        words, press = self.words, f"{self.folder}press/"
        archives = [Archive("press", "", press, words.archive_title("press"),
                            order.newest_first(releases), size, words)]
        for year in self.years:
            in_year = [r for r in releases if r.year == year]
            archives.append(Archive("year", str(year), f"{press}{year}/",
                                    words.archive_title("year", str(year)),
                                    order.newest_first(in_year), size, words))
        for topic in self.topics:
            archives.append(Archive("topic", topic.slug, topic.url,
                                    words.archive_title("topic", topic.label),
                                    order.by_topic(releases, topic.slug), size, words))
        for partner in self.newsroom.partners.values():
            archives.append(Archive("partner", partner.id, partner.url,
                                    words.archive_title("partner", partner.name),
                                    order.by_partner(releases, partner.id), size, words))
        for campaign in self.newsroom.campaigns.values():
            archives.append(Archive("campaign", campaign.id, campaign.url,
                                    words.archive_title("campaign", campaign.title),
                                    order.by_campaign(releases, campaign.id), size, words))
        return archives

    def find(self, kind: str, key: str = "") -> Archive:
        return next(a for a in self.all if a.kind == kind and a.key == key)
