"""Site search: what a visitor's search runs over, one record per page a visitor may look for.

The records hold the text of every public release, partner and campaign page, in the page's
language, with what a result shows beside its title: the date and the partners. They are
made from the text Pressroom already rendered, so the site is never read again to index it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import lxml.html

from pressroom.core.listings.order import newest_first
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.models import Rendered


@dataclass(frozen=True)
class SearchDocument:
    location: str  # the page's URL, relative to the site's root: "es/press/2020/slug/"
    lang: str
    title: str  # plain text, as every field here
    text: str
    date: str = ""  # as the page's language writes it: "20 de octubre de 2020"
    partners: str = ""  # the partners' names, comma-separated


@lru_cache(maxsize=16384)  # as first_paragraph_text: bodies stay the same across rebuilds
def text_of(fragment: str) -> str:
    """The words a reader sees in a piece of rendered HTML, on one line."""
    if not fragment.strip():
        return ""
    return " ".join(lxml.html.fragment_fromstring(fragment, create_parent="div")
                    .text_content().split())


def search_documents(catalogue: Catalogue, rendered: Rendered) -> Iterator[SearchDocument]:
    """One language's partners and campaigns, then its releases oldest first: the index is
    written in parts in this order, so a new release changes only the last part."""
    lang = catalogue.lang
    for partner in catalogue.newsroom.partners.values():
        about = text_of(rendered.boilerplate_html.get(partner.url, ""))
        yield SearchDocument(partner.url, lang, partner.name, about)
    for campaign in catalogue.newsroom.campaigns.values():
        body = text_of(rendered.campaign_html.get(campaign.url, ""))
        yield SearchDocument(campaign.url, lang, campaign.title, body)
    for release in reversed(newest_first(catalogue.releases)):
        card = catalogue.cards.card(release)
        words = [release.front.subtitle or "", text_of(rendered.release_html.get(release.url, ""))]
        yield SearchDocument(release.url, lang, release.title, " ".join(filter(None, words)),
                             card.date, ", ".join(link.label for link in card.partners))
