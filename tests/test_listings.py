"""Generated listings: the archive, years, partners, campaigns, topics, home, nav, search.

Expected values are read straight from the fixture's source files (not through
Pressroom), so a listing that drops, reorders or misattributes a release fails.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html
from sitebuild import FIXTURES, Build, run_build

SITE = FIXTURES / "site"


def norm(text: str) -> str:
    return " ".join(text.split())


def read_front(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


@dataclass(frozen=True)
class Expected:
    url: str
    date: str  # ISO
    title: str
    partners: tuple[str, ...]  # display names, in release order
    partner_ids: tuple[str, ...]
    campaign: str | None
    topics: tuple[str, ...]
    first_paragraph: str  # the Markdown source's first paragraph, normalised


def english(folder: Path) -> list[Path]:
    """The default language's files: these tests check the English listings."""
    return sorted(path for path in folder.glob("*.md") if not path.name.endswith(".es.md"))


PARTNER_NAMES = {
    path.stem: read_front(path)[0]["name"] for path in english(SITE / "docs" / "partners")
}
CAMPAIGNS = sorted(path.stem for path in english(SITE / "docs" / "campaigns"))


def expected_releases() -> list[Expected]:
    """Every fixture release, newest first (no two fixture releases share a date)."""
    releases = []
    for path in reversed(english(SITE / "press_releases")):
        front, body = read_front(path)
        date, slug = path.stem[:10], path.stem[11:]
        releases.append(Expected(
            url=f"press/{date[:4]}/{slug}/",
            date=date,
            title=front["title"],
            partners=tuple(PARTNER_NAMES[p] for p in front["partners"]),
            partner_ids=tuple(front["partners"]),
            campaign=front.get("campaign"),
            topics=tuple(front.get("topics", [])),
            first_paragraph=norm(body.strip().split("\n\n")[0]),
        ))
    dates = [release.date for release in releases]
    assert len(set(dates)) == len(dates), "fixture releases must have distinct dates"
    return releases


RELEASES = expected_releases()
YEARS = sorted({release.date[:4] for release in RELEASES}, reverse=True)


@dataclass(frozen=True)
class Card:
    date: str
    readable: str
    title: str
    href: str
    partners: tuple[str, ...]
    summary: str
    heading: str | None  # the nearest h2 above the entry


def content(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    (main,) = tree.xpath('//article[contains(concat(" ", @class, " "), " md-content__inner ")]')
    return main


def cards(tree: lxml_html.HtmlElement) -> list[Card]:
    """The release entries of a page, in document order, with the heading each sits under."""
    found, heading = [], None
    for element in content(tree).iter("h2", "li"):
        if element.tag == "h2":
            heading = norm(element.text_content())
            continue
        times = element.xpath(".//time[@datetime]")
        if not times:
            continue
        (title_link,) = element.xpath(".//h3//a")
        partner_links = element.xpath('.//a[contains(@href, "partners/")]')
        summaries = element.xpath('.//*[contains(@class, "summary")]')
        found.append(Card(
            date=times[0].get("datetime"),
            readable=norm(times[0].text_content()),
            title=norm(title_link.text_content()),
            href=title_link.get("href"),
            partners=tuple(norm(a.text_content()) for a in partner_links),
            summary=norm(summaries[0].text_content()) if summaries else "",
            heading=heading,
        ))
    return found


def resolve(page_url: str, href: str) -> str:
    """A relative link on `page_url` as a site URL like `press/2020/slug/`."""
    target = posixpath.normpath(posixpath.join(page_url, href))
    return "" if target == "." else target.rstrip("/") + "/"


def search_documents(build: Build) -> dict[str, tuple[str, str]]:
    """What the site's search holds per page, as (title, text), by the page's URL."""
    return {url.lstrip("/"): (record["meta"]["title"], record["content"])
            for url, record in build.search_records().items()}


def titles(items: list[Card]) -> list[str]:
    return [card.title for card in items]


def test_every_release_has_its_page(built_fixture: Build) -> None:
    for release in RELEASES:
        h1 = built_fixture.page(release.url).xpath("//h1")
        assert [norm(h.text_content()) for h in h1] == [release.title]


def test_press_index_lists_every_release_newest_first(built_fixture: Build) -> None:
    listed = cards(built_fixture.page("press/"))
    assert titles(listed) == [release.title for release in RELEASES]
    for card, release in zip(listed, RELEASES, strict=True):
        assert card.date == release.date
        assert resolve("press/", card.href) == release.url
        assert (built_fixture.out / release.url / "index.html").exists()
        assert card.partners == release.partners


def test_press_index_groups_by_year_in_descending_order(built_fixture: Build) -> None:
    page = built_fixture.page("press/")
    year_headings = [
        norm(h.text_content()) for h in content(page).iter("h2")
        if re.fullmatch(r"\d{4}", norm(h.text_content()))
    ]
    assert year_headings == YEARS
    for card in cards(page):
        assert card.heading == card.date[:4], f"{card.title} is listed under {card.heading}"


def test_entries_show_readable_date_and_summary(built_fixture: Build) -> None:
    by_title = {card.title: card for card in cards(built_fixture.page("press/"))}
    assert by_title[RELEASES[0].title].readable == "March 6, 2025"
    for release in RELEASES:
        card = by_title[release.title]
        plain = re.sub(r"\[\*?([^\]*]+)\*?\]\([^)]*\)", r"\1", release.first_paragraph)
        assert card.summary == plain, f"summary of {release.url}"


def test_default_summary_is_plain_text(built_fixture: Build) -> None:
    # The 2023 report's first paragraph holds an emphasised link: the summary drops the markup.
    (entry,) = [
        li for li in content(built_fixture.page("press/")).iter("li")
        if "Waiting to Be Seen" in li.text_content() and li.xpath(".//time")
    ]
    (summary,) = entry.xpath('.//*[contains(@class, "summary")]')
    assert norm(summary.text_content()).startswith(
        "Sanctuary Legal Collective and Community Voices for Immigrant Justice today released "
        "Waiting to Be Seen, a report"
    )
    assert not summary.xpath(".//a | .//em")


def test_year_pages(built_fixture: Build) -> None:
    for year in YEARS:
        listed = cards(built_fixture.page(f"press/{year}/"))
        assert titles(listed) == [r.title for r in RELEASES if r.date.startswith(year)], year
    assert not (built_fixture.out / "press" / "2020").exists()  # no releases, no page


def test_partner_pages_list_their_releases_newest_first(built_fixture: Build) -> None:
    for partner_id, name in PARTNER_NAMES.items():
        page = built_fixture.page(f"partners/{partner_id}/")
        assert norm(page.xpath("//h1")[0].text_content()) == name
        expected = [r.title for r in RELEASES if partner_id in r.partner_ids]
        assert expected, f"fixture partner {partner_id} has no releases"
        assert titles(cards(page)) == expected, partner_id


def test_campaign_pages_list_their_releases_newest_first(built_fixture: Build) -> None:
    for campaign_id in CAMPAIGNS:
        listed = cards(built_fixture.page(f"campaigns/{campaign_id}/"))
        expected = [r.title for r in RELEASES if r.campaign == campaign_id]
        assert expected, f"fixture campaign {campaign_id} has no releases"
        assert titles(listed) == expected, campaign_id


def test_topic_pages(built_fixture: Build) -> None:
    topics = sorted({topic for release in RELEASES for topic in release.topics})
    for topic in topics:
        listed = cards(built_fixture.page(f"press/topics/{topic}/"))
        assert titles(listed) == [r.title for r in RELEASES if topic in r.topics], topic


def test_home_shows_the_latest_five(built_fixture: Build) -> None:
    home = built_fixture.page("")
    assert "Welcome to the Fixture Coalition Newsroom" in content(home).text_content()
    listed = cards(home)
    assert titles(listed) == [release.title for release in RELEASES[:5]]
    archive = [a for a in content(home).iter("a") if resolve("", a.get("href", "")) == "press/"]
    assert archive, "the home page does not link to the archive"


def test_navigation_reaches_the_newsroom(built_fixture: Build) -> None:
    for url in ("", "press/2025/face-matching-tool-check-ins/"):
        nav = built_fixture.page(url).xpath('//nav[contains(@class, "md-nav--primary")]//a')
        links = {norm(a.text_content()): resolve(url, a.get("href")) for a in nav}
        for label, target in (("Press releases", "press/"), ("Partners", "partners/"),
                              ("Campaigns", "campaigns/")):
            assert links.get(label) == target, f"nav on /{url} lacks {label}"
            assert (built_fixture.out / target / "index.html").exists()
    partners = content(built_fixture.page("partners/")).xpath('.//a[contains(@href, "/")]')
    assert {norm(a.text_content()) for a in partners} >= set(PARTNER_NAMES.values())
    campaigns = {resolve("campaigns/", a.get("href"))
                 for a in content(built_fixture.page("campaigns/")).iter("a")}
    assert campaigns >= {f"campaigns/{c}/" for c in CAMPAIGNS}


def test_search_finds_release_text(built_fixture: Build) -> None:
    docs = search_documents(built_fixture)
    for release in RELEASES:
        assert release.url in docs, f"{release.url} is not searchable"
        assert norm(docs[release.url][0]) == release.title
    assert "Zanzibarite" in docs["press/2025/face-matching-tool-check-ins/"][1]


# --- A fixture copy with a configured plugin and a front-matter summary -------------------

CUSTOM_SUMMARY = "Our own one-line summary, written for journalists."


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Build:
    from sitebuild import copy_site

    site = copy_site(SITE, tmp_path_factory.mktemp("configured") / "site")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - pressroom:\n",
                                                   "  - pressroom:\n      latest: 2\n"),
        encoding="utf-8",
    )
    release = site / "press_releases" / "2024-08-20-data-brokers-immigrant-tracking.md"
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("\ndate: ", f"\nsummary: {CUSTOM_SUMMARY}\ndate: ", 1),
                       encoding="utf-8")
    build = run_build(site, "--strict")
    assert build.ok, build.log
    return build


def test_front_matter_summary_replaces_the_first_paragraph(configured: Build) -> None:
    title = "Investigation Reveals ICE Buys Location Data From Commercial Brokers"
    for url in ("press/", "press/2024/", "partners/data-justice/", ""):
        (card,) = [c for c in cards(configured.page(url)) if c.title == title]
        assert card.summary == CUSTOM_SUMMARY, url
    # The body itself is untouched.
    body = content(configured.page("press/2024/data-brokers-immigrant-tracking/")).text_content()
    assert "a year-long investigation" in body


def test_home_page_count_follows_latest_setting(configured: Build) -> None:
    assert titles(cards(configured.page(""))) == [release.title for release in RELEASES[:2]]
