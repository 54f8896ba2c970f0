"""Partner pages, the media page, topic labels and the footer, as built.

Expected values are read from the fixture's and the shipped site's own files where they can be,
so a page that drops a contact or a partner fails.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html
from sitebuild import FIXTURES, REPO, Build, run_build

from pressroom.core import settings
from pressroom.core.errors import ContentErrors
from pressroom.core.i18n.words import ENGLISH, SPANISH

PARTNERS = FIXTURES / "site" / "docs" / "partners"


def norm(text: str) -> str:
    return " ".join(text.split())


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def article(build: Build, url: str) -> lxml_html.HtmlElement:
    return build.page(url).xpath("//article")[0]


def facts(page: lxml_html.HtmlElement) -> dict[str, str]:
    (facts,) = page.xpath(".//dl[@class='pressroom-partner__facts']")
    return {norm(dt.text_content()): norm(dt.getnext().text_content())
            for dt in facts.xpath("./dt")}


def resolve(build: Build, url: str, href: str) -> Path:
    return build.out / posixpath.normpath(posixpath.join(url, href))


# Partner pages ---------------------------------------------------------------------------

def test_a_partner_page_shows_the_partners_facts(built_fixture: Build) -> None:
    url = "partners/sanctuary-legal/"
    page = article(built_fixture, url)
    assert norm(page.xpath(".//h1")[0].text_content()) == "Sanctuary Legal Collective"
    assert facts(page) == {"Short name": "SLC", "Website": "sanctuary-legal.example.org",
                           "Social media": "Mastodon"}
    (website,) = page.xpath(".//dd/a[text()='sanctuary-legal.example.org']")
    assert website.get("href") == "https://sanctuary-legal.example.org/"
    (logo,) = page.xpath(".//img[@class='pressroom-partner__logo']")
    assert logo.get("alt") == "Sanctuary Legal Collective logo"
    assert resolve(built_fixture, url, logo.get("src")).is_file()
    (download,) = page.xpath(".//a[@download]")
    logo_file = PARTNERS.parent / "logos" / "sanctuary-legal.png"
    assert norm(download.text_content()) == \
        f"Download the logo (PNG, {logo_file.stat().st_size} bytes)"
    assert resolve(built_fixture, url, download.get("href")).read_bytes() == \
        logo_file.read_bytes()


def test_a_partner_page_lists_the_press_contacts_of_its_file(built_fixture: Build) -> None:
    for path in sorted(PARTNERS.glob("*.md")):
        if path.name.count(".") > 1:
            continue
        page = article(built_fixture, f"partners/{path.stem}/")
        contacts = page.xpath(".//section[@class='pressroom-partner__contacts']")[0]
        expected = front(path).get("contacts", [])
        shown = contacts.xpath(".//li[@class='pressroom-contact']")
        assert len(shown) == len(expected), path.name
        for item, contact in zip(shown, expected, strict=True):
            text = norm(item.text_content())
            assert contact["name"] in text and contact.get("title", "") in text
            if "email" in contact:
                assert item.xpath(f".//a[@href='mailto:{contact['email']}']")
        if not expected:
            assert "No press contact listed." in norm(contacts.text_content())


def test_a_partner_page_in_spanish(built_fixture: Build) -> None:
    page = article(built_fixture, "es/partners/sanctuary-legal/")
    assert facts(page) == {"Nombre corto": "SLC", "Sitio web": "sanctuary-legal.example.org",
                           "Redes sociales": "Mastodon"}
    assert norm(page.xpath(".//a[@download]")[0].text_content()).startswith(
        "Descargar el logotipo (PNG, ")
    assert norm(page.xpath(".//section[@class='pressroom-partner__contacts']/h2")[0]
                .text_content()) == "Contactos de prensa"
    # The title is written once, in English, in the partner's file.
    assert page.xpath(".//span[@class='pressroom-contact__title']/@lang") == ["en"]
    untranslated = article(built_fixture, "es/partners/data-justice/")
    assert untranslated.xpath(".//section[@class='pressroom-about']/div/@lang") == ["en"]


def test_the_shipped_partner_pages(built_shipped: Build) -> None:
    idp = article(built_shipped, "partners/immigrant-defense-project/")
    assert facts(idp) == {"Short name": "IDP", "Website": "immigrantdefenseproject.org",
                          "Social media": "Twitter"}
    assert idp.xpath(".//a[@href='mailto:rachel@immdefense.org']")
    jfl = article(built_shipped, "partners/just-futures-law/")
    assert "Short name" not in facts(jfl)  # it has none
    assert "Sejal Zota, Legal Director" in norm(jfl.text_content())


# The media page --------------------------------------------------------------------------

def test_the_media_page_gathers_every_partner(built_fixture: Build) -> None:
    for lang, url in (("en", "media/"), ("es", "es/media/")):
        page = article(built_fixture, url)
        kits = page.xpath(".//section[@class='pressroom-media-kit']")
        names = [norm(kit.xpath("./h2")[0].text_content()) for kit in kits]
        assert names == sorted(names, key=str.casefold) and len(names) == 4, names
        text = norm(page.text_content())
        for path in sorted(PARTNERS.glob("*.md")):
            if path.name.count(".") > 1:
                continue
            for contact in front(path).get("contacts", []):
                assert page.xpath(f".//a[@href='mailto:{contact['email']}']"), contact
            (kit,) = [k for k in kits if k.xpath(f"./h2/a[contains(@href, '/{path.stem}/')]")]
            assert kit.xpath(".//p"), path.name  # its boilerplate
            feeds = kit.xpath(".//p[@class='pressroom-subscribe']/a/@href")
            assert all(resolve(built_fixture, url, href).is_file() for href in feeds)
            assert len(feeds) == 3
        site_feeds = page.xpath(".//section[@class='pressroom-media__feeds']//a/@href")
        assert [posixpath.basename(h) for h in site_feeds] == \
            ["feed.xml", "atom.xml", "feed.json"]
        assert all(resolve(built_fixture, url, href).is_file() for href in site_feeds)
        (download,) = page.xpath(".//a[@download]")
        assert resolve(built_fixture, url, download.get("href")).is_file()
        words = ENGLISH if lang == "en" else SPANISH
        assert f"{words.logo_download} (PNG, " in text
        assert norm(page.xpath(".//h1")[0].text_content()) == words.media
        nav = built_fixture.page(url).xpath("//nav[contains(@class, 'md-nav--primary')]//a")
        assert words.media in [norm(a.text_content()) for a in nav]
    assert "Community Voices for Immigrant Justice is a member-led" in norm(
        article(built_fixture, "media/").text_content())
    spanish = article(built_fixture, "es/media/")
    assert "Voces Comunitarias" in norm(spanish.text_content())
    kit = spanish.xpath(".//section[h2/a[contains(@href, '/data-justice/')]]")[0]
    assert kit.xpath("./div/@lang") == ["en"]  # no Spanish "About" text yet


def test_a_site_with_its_own_media_page_keeps_it(fixture_site: Path) -> None:
    (fixture_site / "docs" / "media").mkdir()
    (fixture_site / "docs" / "media" / "index.md").write_text("# Our press kit\n",
                                                              encoding="utf-8")
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    assert norm(article(build, "media/").text_content()) == "Our press kit"


# Topic labels ----------------------------------------------------------------------------

def test_topics_are_shown_by_their_labels_and_addressed_by_their_ids(
        built_fixture: Build) -> None:
    url = "press/2019/advocates-foia-ice-facial-recognition/"
    links = built_fixture.page(url).xpath("//a[contains(@href, 'topics/')]")
    shown = {posixpath.basename(a.get("href").rstrip("/")): norm(a.text_content())
             for a in links}
    assert shown["foia"] == "FOIA" and shown["facial-recognition"] == "Facial recognition"
    assert shown["surveillance"] == "surveillance"  # no label: as the release writes it
    ice = built_fixture.page("press/2021/groups-demand-answers-accountability-ice/")
    assert ice.xpath("//a[contains(@href, 'topics/ice/')]/text()") == ["ICE"]
    topic = built_fixture.page("press/topics/foia/")
    assert norm(topic.xpath("//h1")[0].text_content()) == "Press releases on FOIA"
    archive = built_fixture.page("press/")
    assert archive.xpath("//select[@name='topic']/option[@value='foia']/text()") == ["FOIA"]
    assert "FOIA" in archive.xpath("//nav[@class='pressroom-browse']//a/text()")
    assert "<category>FOIA</category>" in built_fixture.text("press/feed.xml")
    assert "<category>foia</category>" not in built_fixture.text("press/feed.xml")


def test_a_topic_label_per_language(built_fixture: Build) -> None:
    # Inherited from the English release, but labelled in Spanish: not marked as English.
    page = built_fixture.page("es/press/2025/face-matching-tool-check-ins/")
    (link,) = page.xpath("//a[contains(@href, 'topics/facial-recognition/')]")
    assert norm(link.text_content()) == "Reconocimiento facial" and link.get("lang") is None
    assert built_fixture.page("press/2025/face-matching-tool-check-ins/").xpath(
        "//a[contains(@href, 'topics/facial-recognition/')]/text()") == ["Facial recognition"]


def test_topic_labels_setting() -> None:
    assert settings.topic_labels({"FOIA": "FOIA", "facial recognition": {"es": "Rec. facial"}}) \
        == {"foia": {"": "FOIA"}, "facial-recognition": {"es": "Rec. facial"}}
    labels = settings.topic_labels({"foia": "FOIA", "ice": {"en": "ICE", "es": "ICE (EE. UU.)"}})
    assert settings.topic_labels_in(labels, "es") == {"foia": "FOIA", "ice": "ICE (EE. UU.)"}
    for bad in (["foia"], {"foia": ""}, {"foia": {"fr": "FOIA"}}, {"foia": 3},
                {"foia": "FOIA", "FOIA": "Foia"}):
        with pytest.raises(ContentErrors):
            settings.topic_labels(bad)


def test_file_sizes_in_each_language() -> None:
    assert ENGLISH.file_size(125) == "125 bytes"
    assert ENGLISH.file_size(12 * 1024 + 100) == "12 KB"
    assert ENGLISH.file_size(1536 * 1024) == "1.5 MB"
    assert SPANISH.file_size(1536 * 1024) == "1,5 MB"
    assert ENGLISH.file_details("SVG", None) == "SVG"


# The footer ------------------------------------------------------------------------------

def test_the_footer_is_the_coalitions(built_shipped: Build) -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (plugin,) = [p["pressroom"] for p in config["plugins"] if "pressroom" in p]
    for url, text in (("", config["copyright"]), ("es/", plugin["copyright"]["es"])):
        footer = built_shipped.page(url).xpath("//footer[@class='md-footer']")[0]
        shown = norm(footer.text_content())
        assert norm(text) in shown
        assert "Made with" not in shown and "Hecho con" not in shown  # off by default
        links = footer.xpath(".//a[@class='md-social__link']/@href")
        assert links == [social["link"] for social in config["extra"]["social"]]


def test_the_made_with_line_when_asked_for(fixture_site: Path) -> None:
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  generator: true\n",
                      encoding="utf-8")
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    assert "Made with" in norm(build.page("").xpath("//footer")[-1].text_content())
    assert "Hecho con" in norm(build.page("es/").xpath("//footer")[-1].text_content())
