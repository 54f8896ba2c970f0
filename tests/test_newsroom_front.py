"""The newsroom's front page, share row and plain-text releases, in real builds: a featured
release pinned above the latest others, the media contacts, the feeds in plain words, the
partners, and each public release's text beside its page."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import FIXTURES, Build, copy_site, run_build

FEATURED = "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.md"
FEATURED_TITLE = "Coalition Sues DHS Over Secret Drone Surveillance Records"
FEATURED_URL = "press/2023/coalition-sues-dhs-drone-surveillance-records/"
FEATURED_ES = "Coalición demanda al DHS por registros secretos de vigilancia con drones"


def feature(site: Path, relative: str, value: str = "true") -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ndate: ", f"\nfeatured: {value}\ndate: ", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def featured(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("featured") / "site")
    feature(site, FEATURED)
    build = run_build(site, "--strict")
    assert build.ok, build.log
    return build


def within(page, *classes: str) -> list:
    """Elements of the last class inside the ones before it (lxml has no CSS selectors here)."""
    path = "".join(f"//*[contains(concat(' ', @class, ' '), ' {name} ')]" for name in classes)
    return page.xpath(path)


def card_titles(page, *where: str) -> list[str]:
    return [" ".join(t.text_content().split())
            for t in within(page, *where, "pressroom-card__title")]


LATEST = ("//section[@class='pressroom-home__news']/ul[@class='pressroom-list']"
          "//h3[@class='pressroom-card__title']/a/text()")


def test_featured_release_leads_the_home_page_and_is_not_listed_twice(featured: Build) -> None:
    home = featured.page("")
    assert card_titles(home, "pressroom-featured") == [FEATURED_TITLE]
    latest = home.xpath(LATEST)
    assert FEATURED_TITLE not in latest
    assert len(latest) == 4  # `latest: 5` counts the featured one
    assert within(home, "pressroom-featured__label")[0].text_content() == "Featured"


def test_a_translation_is_featured_with_its_original(featured: Build) -> None:
    home = featured.page("es/")
    assert card_titles(home, "pressroom-featured") == [FEATURED_ES]
    assert within(home, "pressroom-featured__label")[0].text_content() == "Destacado"


def test_home_without_a_featured_release_lists_the_latest(built_fixture: Build) -> None:
    home = built_fixture.page("")
    assert within(home, "pressroom-featured") == []
    assert len(home.xpath(LATEST)) == 5


def test_featured_must_be_true_or_false(fixture_site: Path) -> None:
    feature(fixture_site, FEATURED, "soon")
    build = run_build(fixture_site, "--strict")
    assert not build.ok
    assert f"{FEATURED}:" in build.log and "featured" in build.log, build.log


@pytest.mark.parametrize(("url", "follow"), [("", "Follow by RSS"), ("es/", "Seguir por RSS")])
def test_home_has_media_contacts_feeds_in_plain_words_and_partners(
    built_fixture: Build, url: str, follow: str
) -> None:
    home = built_fixture.page(url)
    contacts = within(home, "pressroom-home__contacts", "pressroom-contact")
    # The partners' own press contacts, each with its organisation.
    assert any("Ana Ruiz" in c.text_content() and "Border Rights Network" in c.text_content()
               for c in contacts)
    assert home.xpath('//*[contains(@class, "pressroom-home__contacts")]'
                      '//a[@href="mailto:press@border-rights.example.org"]')
    # One click from there to every partner's contacts, on the media page.
    assert [a.get("href") for a in within(home, "pressroom-home__contacts")[0].xpath(".//p/a")
            ] == ["media/"]  # relative to the home page of its own language
    feeds = {a.text_content(): a.get("href")
             for a in within(home, "pressroom-home__feeds")[0].xpath(".//a")}
    assert feeds[follow].endswith("press/feed.xml")
    assert feeds["JSON Feed"].endswith("press/feed.json")
    # Each partner by its logo (named by its alt text) or, without one, by its name.
    partners = {a.text_content().strip() or a.xpath("string(.//img/@alt)"): a.get("href")
                for a in within(home, "pressroom-logos")[0].xpath(".//a")}
    assert partners["Sanctuary Legal Collective"].endswith("partners/sanctuary-legal/")


def test_without_partner_contacts_the_latest_release_gives_them(built_shipped: Build) -> None:
    contacts = within(built_shipped.page(""), "pressroom-home__contacts",
                      "pressroom-contact")
    assert [c.xpath(".//a")[0].text_content() for c in contacts] == [
        "rachel@immdefense.org", "sejal@justfutureslaw.org"]


def test_release_text_beside_its_page(featured: Build) -> None:
    text = featured.text(FEATURED_URL + "release.txt")
    paragraphs = text.split("\n\n")
    assert paragraphs[:2] == ["FOR IMMEDIATE RELEASE", "May 4, 2023"]
    assert ("Priya Natarajan, Policy Director, Data Justice Alliance, "
            "priya@data-justice.example.org, +1 555 010 3141") in paragraphs[2]
    assert paragraphs[3].startswith(FEATURED_TITLE + "\nLawsuit seeks")
    assert paragraphs[4].startswith("WASHINGTON, D.C. -- Data Justice Alliance")
    assert "###" in paragraphs
    assert "About Border Rights Network" in paragraphs
    assert paragraphs[-1] == f"https://newsroom.example.org/{FEATURED_URL}\n"
    assert "<" not in text  # text, not markup


def test_release_page_links_to_its_text_and_shares_plainly(featured: Build) -> None:
    page = featured.page(FEATURED_URL)
    (share,) = within(page, "pressroom-share")
    hrefs = [a.get("href") for a in share.xpath(".//a")]
    assert hrefs[0].startswith("mailto:?subject=Coalition%20Sues%20DHS")
    assert "release.txt" in hrefs
    (button,) = share.xpath(".//button[@data-pressroom-copy]")
    assert button.get("hidden") is not None  # shown by share.js only
    assert button.get("data-pressroom-copy") == f"https://newsroom.example.org/{FEATURED_URL}"
    # Everything it links to or loads is the site's own.
    assert all(h.startswith(("mailto:", "release.txt")) for h in hrefs), hrefs


def test_spanish_release_has_its_own_text(featured: Build) -> None:
    page = featured.page("es/press/2023/demanda-dhs-registros-vigilancia-drones/")
    (link,) = page.xpath('//nav[@class="pressroom-share"]//a[@href="release.txt"]')
    assert link.text_content() == "Descargar como texto"
    text = featured.text("es/press/2023/demanda-dhs-registros-vigilancia-drones/release.txt")
    assert text.startswith("PARA DIFUSIÓN INMEDIATA\n\n4 de mayo de 2023\n\n")
    assert FEATURED_ES in text


def test_pages_show_no_sidebar_that_would_hold_nothing(built_shipped: Build,
                                                       built_fixture: Build) -> None:
    hidden = 'boolean(//div[@data-md-type="{}"]/@hidden)'
    # The shipped site has navigation tabs and no sections: the left sidebar held one link.
    for url in ("", "es/", "press/", "about/", "press/2020/clearview-ai-ice-foia/"):
        assert built_shipped.page(url).xpath(hidden.format("navigation")), url
    assert built_shipped.page("press/").xpath(hidden.format("toc"))
    # Without tabs the sidebar is the site's navigation: it stays.
    assert not built_fixture.page("press/").xpath(hidden.format("navigation"))
