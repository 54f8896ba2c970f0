"""The pages Pressroom adds to a site, and which template shows each one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from pressroom.core.views import pages as views
from pressroom.core.views.catalogue import Catalogue

LISTING = "pressroom/listing.html"
DIRECTORY = "pressroom/directory.html"
SEARCH_PAGE = "search/index.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # as if it were a Markdown file in docs/
    title: str
    template: str
    view: Callable[[], object]  # called at render time, once every body is rendered

    @property
    def in_nav(self) -> bool:
        """Only the top of each section may be in the nav; the archive's depths never are."""
        return self.src_uri.count("/") <= 1


def generated_pages(
    catalogue: Catalogue, existing: set[str], *, search: bool = True
) -> list[GeneratedPage]:
    """The archive's pages. Directories are only generated where the site has none of its own.

    Page 1 of a partner's or campaign's archive is that partner's or campaign's own page.
    """
    pages = []
    for archive in catalogue.archives.all:
        first = 2 if archive.kind in ("partner", "campaign") else 1
        for number in range(first, archive.page_count + 1):
            pages.append(GeneratedPage(
                archive.page_url(number) + "index.md", archive.page_title(number), LISTING,
                partial(views.listing_page, catalogue, archive, number),
            ))
    if "partners/index.md" not in existing:
        pages.append(GeneratedPage("partners/index.md", "Partners", DIRECTORY,
                                   partial(views.partners_directory, catalogue)))
    if search:
        pages.append(GeneratedPage(SEARCH_PAGE, "Search", "pressroom/search.html",
                                   partial(views.search_page, catalogue)))
    if "campaigns/index.md" not in existing:
        pages.append(GeneratedPage("campaigns/index.md", "Campaigns", DIRECTORY,
                                   partial(views.campaigns_directory, catalogue)))
    return pages
