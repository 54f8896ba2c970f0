"""The pages Pressroom adds to a site, and which template shows each one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from pressroom.core.views import pages as views
from pressroom.core.views.catalogue import Catalogue

LISTING = "pressroom/listing.html"
DIRECTORY = "pressroom/directory.html"
MEDIA_PAGE = "media/index.md"
SEARCH_PAGE = "search/index.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # as if it were a Markdown file in docs/
    title: str
    template: str
    view: Callable[[], object]  # called at render time, once every body is rendered
    lang: str = "en"

    @property
    def in_nav(self) -> bool:
        """Only the top of each section may be in the nav; the archive's depths never are.
        Another language's pages have their own nav (`es/press/index.md`). The Search page
        never is: the header's search button leads there."""
        return self.src_uri.count("/") <= 1 and self.src_uri != SEARCH_PAGE


def generated_pages(
    catalogue: Catalogue, existing: set[str], *, search: bool = True
) -> list[GeneratedPage]:
    """The archive's pages, the directories and the media page; the directories and media page
    only where the site has none of its own.

    Page 1 of a partner's or campaign's archive is that partner's or campaign's own page.
    """
    pages = []
    folder, lang, words = catalogue.folder, catalogue.lang, catalogue.words()

    def page(src_uri: str, title: str, template: str, view: Callable[[], object]) -> None:
        pages.append(GeneratedPage(src_uri, title, template, view, lang))

    for archive in catalogue.archives.all:
        first = 2 if archive.kind in ("partner", "campaign") else 1
        for number in range(first, archive.page_count + 1):
            page(archive.page_url(number) + "index.md", archive.page_title(number), LISTING,
                 partial(views.listing_page, catalogue, archive, number))
    if f"{folder}partners/index.md" not in existing:
        page(f"{folder}partners/index.md", words.partners, DIRECTORY,
             partial(views.partners_directory, catalogue))
    if folder + MEDIA_PAGE not in existing:
        page(folder + MEDIA_PAGE, words.media, "pressroom/media.html",
             partial(views.media_page, catalogue))
    if search:
        page(folder + SEARCH_PAGE, words.search, "pressroom/search.html",
             partial(views.search_page, catalogue))
    if f"{folder}campaigns/index.md" not in existing:
        page(f"{folder}campaigns/index.md", words.campaigns, DIRECTORY,
             partial(views.campaigns_directory, catalogue))
    return pages
