"""The pages Pressroom adds to a site, and which template shows each one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from pressroom import listing
from pressroom.views import Catalogue


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # as if it were a Markdown file in docs/
    title: str
    template: str
    view: Callable[[], object]  # called at render time, once every body is rendered


def listing_pages(catalogue: Catalogue, existing: set[str]) -> list[GeneratedPage]:
    """The archive's pages. Directories are only generated where the site has none of its own."""
    pages = [
        GeneratedPage("press/index.md", "Press releases", "pressroom/listing.html",
                      catalogue.press_index),
    ]
    for year in listing.years(catalogue.releases):
        pages.append(GeneratedPage(
            f"press/{year}/index.md", f"Press releases from {year}", "pressroom/listing.html",
            partial(catalogue.year_page, year),
        ))
    for topic in listing.topics(catalogue.releases):
        pages.append(GeneratedPage(
            f"{topic.url}index.md".removeprefix("/"), f"Press releases on {topic.label}",
            "pressroom/listing.html", partial(catalogue.topic_page, topic.slug),
        ))
    if "partners/index.md" not in existing:
        pages.append(GeneratedPage("partners/index.md", "Partners", "pressroom/directory.html",
                                   catalogue.partners_directory))
    if "campaigns/index.md" not in existing:
        pages.append(GeneratedPage("campaigns/index.md", "Campaigns", "pressroom/directory.html",
                                   catalogue.campaigns_directory))
    return pages
