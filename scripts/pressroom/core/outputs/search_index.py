"""Site search: what a visitor's search runs over, written as one static index file.

The index holds the text of every release, partner and campaign page. Only the Search page
loads it, so reading a release costs nothing for search. The file's shape is the one
Material's search engine reads (lunr, in a web worker the theme ships): `config` with its
language settings, and `docs`, each a page's location, title and text. Those two fields
are shown as HTML, so the plain text goes in escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html

from pressroom.core.listings.order import newest_first
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.models import Rendered

INDEX_PATH = "search/search_index.json"


@dataclass(frozen=True)
class SearchDocument:
    location: str  # the page's URL, relative to the site's root
    title: str  # plain text
    text: str  # plain text


def text_of(fragment: str) -> str:
    """The words a reader sees in a piece of rendered HTML, on one line."""
    if not fragment.strip():
        return ""
    return " ".join(lxml.html.fragment_fromstring(fragment, create_parent="div")
                    .text_content().split())


def search_documents(catalogue: Catalogue, rendered: Rendered) -> Iterator[SearchDocument]:
    """Releases newest first, then partners and campaigns: each page a visitor may look for."""
    # Locations are relative to the language's own root, where its Search page looks.
    def here(url: str) -> str:
        return url.removeprefix(catalogue.folder)

    for release in newest_first(catalogue.releases):
        words = [release.front.subtitle or "", text_of(rendered.release_html.get(release.url, ""))]
        yield SearchDocument(here(release.url), release.title, " ".join(filter(None, words)))
    for partner in catalogue.newsroom.partners.values():
        about = text_of(rendered.boilerplate_html.get(partner.url, ""))
        yield SearchDocument(here(partner.url), partner.name, about)
    for campaign in catalogue.newsroom.campaigns.values():
        body = text_of(rendered.campaign_html.get(campaign.url, ""))
        yield SearchDocument(here(campaign.url), campaign.title, body)


def write_index(path: Path, documents: Iterable[SearchDocument],
                settings: Mapping[str, Any]) -> None:
    """Write the index a document at a time: at a thousand releases, whole, it is megabytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    compact = {"separators": (",", ":"), "ensure_ascii": False}
    with open(path, "w", encoding="utf-8") as index:
        index.write('{"config":' + json.dumps(dict(settings), **compact) + ',"docs":[')
        for number, document in enumerate(documents):
            entry = {
                "location": document.location,
                "title": html.escape(document.title, quote=False),
                "text": html.escape(document.text, quote=False),
            }
            index.write(("," if number else "") + json.dumps(entry, **compact))
        index.write("]}")
