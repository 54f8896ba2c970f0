"""Listings continue on numbered pages: the archive's arithmetic in plain Python, the pages a
catalogue asks for, and one real build with a page size small enough that page 2 exists."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from lxml import html as lxml_html
from sitebuild import FIXTURE_LANGUAGES, FIXTURES, Build, copy_site, run_build

from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.newsroom import Release
from pressroom.core.listings import order
from pressroom.core.listings.archive import Archive, PagerLink, pager
from pressroom.core.loading.load import load_newsroom
from pressroom.core.loading.source import SourceDocument
from pressroom.core.pages.generated import generated_pages
from pressroom.core.publishing.rules import build_clock
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.models import Rendered
from pressroom.core.views.pages import listing_page

NOW = {"PRESSROOM_NOW": "2026-01-15T12:00:00+00:00"}
SITE = FIXTURES / "site"


def release(day: int) -> Release:
    date = f"2020-01-{day:02d}"
    front = ReleaseFront(title=f"Release {day}", date=date, partners=["alpha"])
    document = SourceDocument(Path(f"{date}-r{day}.md"), f"{date}-r{day}.md", {}, "Body.\n")
    return Release(front, f"r{day}", document)


def archive(count: int, page_size: int) -> Archive:
    releases = order.newest_first([release(day) for day in range(1, count + 1)])
    return Archive("press", "", "press/", "Press releases", releases, page_size)


# --- archive.py: pages and the pager ---------------------------------------------------------


def test_releases_are_divided_into_pages_newest_first() -> None:
    seven = archive(7, 3)
    assert seven.page_count == 3
    assert [[r.slug for r in seven.page_releases(n)] for n in (1, 2, 3)] == [
        ["r7", "r6", "r5"], ["r4", "r3", "r2"], ["r1"]]
    assert [seven.page_url(n) for n in (1, 2, 3)] == ["press/", "press/page/2/", "press/page/3/"]


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3)])
def test_page_count(count: int, pages: int) -> None:
    assert archive(count, 3).page_count == pages


def test_one_page_has_no_pager() -> None:
    assert pager(archive(3, 3), 1) is None
    assert pager(archive(0, 3), 1) is None


def test_pager_on_a_middle_page() -> None:
    middle = pager(archive(7, 3), 2)
    assert middle is not None
    assert middle.label == "Page 2 of 3"
    assert (middle.newer, middle.older) == ("press/", "press/page/3/")
    assert middle.pages == [PagerLink("1", "press/"), PagerLink("2", None, current=True),
                            PagerLink("3", "press/page/3/")]


def test_pager_at_the_ends() -> None:
    first, last = pager(archive(7, 3), 1), pager(archive(7, 3), 3)
    assert first is not None and last is not None
    assert (first.newer, first.older) == (None, "press/page/2/")
    assert (last.newer, last.older) == ("press/page/2/", None)


def test_pager_shows_a_window_of_pages_with_gaps() -> None:
    long = pager(archive(20, 2), 5)  # ten pages
    assert long is not None
    assert [link.label for link in long.pages] == ["1", "…", "3", "4", "5", "6", "7", "…", "10"]
    assert [link.url for link in long.pages if link.label == "…"] == [None, None]
    assert [link.label for link in long.pages if link.current] == ["5"]


# --- the catalogue of the fixture newsroom, read in this process ----------------------------


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    newsroom = load_newsroom(SITE, SITE / "press_releases", SITE / "docs",
                             clock=build_clock(NOW), languages=FIXTURE_LANGUAGES)
    return Catalogue(newsroom, build_clock(NOW), preview=False, rendered=Rendered(), page_size=2)


def test_catalogue_asks_for_every_later_page(catalogue: Catalogue) -> None:
    pages = {page.src_uri for page in generated_pages(catalogue, set())}
    assert len(catalogue.releases) == 8
    assert {"press/index.md", "press/page/2/index.md", "press/page/3/index.md",
            "press/page/4/index.md"} <= pages
    assert "press/page/5/index.md" not in pages
    # Page 1 of a partner's archive is the partner's own page, from docs/partners/.
    assert "partners/data-justice/page/2/index.md" in pages
    assert "partners/data-justice/index.md" not in pages


def test_listing_page_two(catalogue: Catalogue) -> None:
    press = catalogue.archives.find("press")
    page = listing_page(catalogue, press, 2)
    assert page.title == "Press releases, page 2"
    assert page.pager is not None and page.pager.label == "Page 2 of 4"
    shown = [card.url for group in page.groups for card in group.releases]
    assert shown == [r.url for r in press.releases[2:4]]


# --- a real build with `page_size: 2` ------------------------------------------------------------


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = copy_site(SITE, tmp_path_factory.mktemp("paged") / "site")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - pressroom:\n" in text
    config.write_text(text.replace("  - pressroom:\n", "  - pressroom:\n      page_size: 2\n", 1),
                      encoding="utf-8")
    build = run_build(site, "--strict", env=NOW)
    assert build.ok, build.log
    return build


def pager_of(build: Build, url: str) -> lxml_html.HtmlElement:
    (nav,) = build.page(url).xpath('//nav[@class="pressroom-pager"]')
    return nav


def link(nav: lxml_html.HtmlElement, url: str, rel: str) -> str | None:
    """Where the pager's `rel` link leads, as a site URL, or None when it has none."""
    hrefs = nav.xpath(f'./a[@rel="{rel}"]/@href')
    if not hrefs:
        return None
    target = posixpath.normpath(posixpath.join(url, hrefs[0]))
    return "" if target == "." else target + "/"


def titles(build: Build, url: str) -> list[str]:
    return [" ".join(a.text_content().split())
            for a in build.page(url).xpath('//h3[@class="pressroom-card__title"]/a')]


def test_press_page_two_is_built_with_its_pager(paged: Build) -> None:
    nav = pager_of(paged, "press/page/2/")
    assert nav.get("aria-label") == "Page 2 of 4"
    assert link(nav, "press/page/2/", "prev") == "press/"
    assert link(nav, "press/page/2/", "next") == "press/page/3/"
    assert [a.text_content() for a in nav.xpath("./a")] == ["Newer releases", "Older releases"]
    assert nav.xpath('.//span[@aria-current="page"]/text()') == ["2"]
    assert paged.page("press/page/2/").findtext(".//title").startswith("Press releases, page 2")


def test_press_pages_hold_every_release_once(paged: Build) -> None:
    urls = ["press/", "press/page/2/", "press/page/3/", "press/page/4/"]
    pages = [titles(paged, url) for url in urls]
    assert [len(shown) for shown in pages] == [2, 2, 2, 2]
    assert len({title for shown in pages for title in shown}) == 8
    assert not (paged.out / "press" / "page" / "5").exists()
    assert not (paged.out / "press" / "page" / "1").exists()
    first, last = pager_of(paged, "press/"), pager_of(paged, "press/page/4/")
    assert link(first, "press/", "prev") is None
    assert link(first, "press/", "next") == "press/page/2/"
    assert link(last, "press/page/4/", "next") is None


def test_partner_with_more_releases_than_a_page_continues(paged: Build) -> None:
    assert len(titles(paged, "partners/data-justice/")) == 2
    first = pager_of(paged, "partners/data-justice/")
    assert first.get("aria-label") == "Page 1 of 2"
    assert link(first, "partners/data-justice/", "next") == "partners/data-justice/page/2/"
    second = pager_of(paged, "partners/data-justice/page/2/")
    assert second.get("aria-label") == "Page 2 of 2"
    assert link(second, "partners/data-justice/page/2/", "prev") == "partners/data-justice/"
    assert link(second, "partners/data-justice/page/2/", "next") is None
    assert len(titles(paged, "partners/data-justice/page/2/")) == 2
