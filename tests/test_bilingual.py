"""English and Spanish in one build: every page in its language, each release linked to its
translation, and feeds, search and sitemap per language. The fixture site publishes both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import lxml.etree
import pytest
from sitebuild import FIXTURE_LANGUAGES, FIXTURES, Build, in_search_index, run_build, run_command
from test_publishing import files_containing

from pressroom.core.errors import ContentErrors
from pressroom.core.loading.load import load_newsroom

SITE_URL = "https://newsroom.example.org/"
DRONES_EN = "press/2023/coalition-sues-dhs-drone-surveillance-records/"
DRONES_ES = "es/press/2023/demanda-dhs-registros-vigilancia-drones/"
ONLY_SPANISH = "es/press/2025/guia-citas-control-migratorio/"
ENGLISH_ONLY = "press/2024/data-brokers-immigrant-tracking/"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
           "x": "http://www.w3.org/1999/xhtml"}


def pages(build: Build) -> list[str]:
    return sorted(
        path.relative_to(build.out).parent.as_posix() + "/"
        for path in build.out.rglob("index.html")
    )


def hreflangs(build: Build, url: str) -> dict[str, str]:
    page = build.page(url)
    return {link.get("hreflang"): link.get("href")
            for link in page.xpath("//head/link[@rel='alternate'][@hreflang]")}


# --- every page in its language ------------------------------------------------------------

def test_every_page_says_its_language(built_fixture: Build) -> None:
    for url in pages(built_fixture):
        lang = built_fixture.page(url).get("lang")
        assert lang == ("es" if url.startswith("es/") else "en"), url


def test_a_spanish_release_is_laid_out_in_spanish(built_fixture: Build) -> None:
    page = built_fixture.page(DRONES_ES)
    text = " ".join(page.text_content().split())
    assert "PARA DIFUSIÓN INMEDIATA" in text
    assert "4 de mayo de 2023" in text
    assert page.xpath("//section[@class='pressroom-contacts']/@aria-label") == [
        "Contactos de prensa"]
    assert "Contactos:" in text
    headings = [" ".join(h.text_content().split()) for h in page.xpath("//section//h2")]
    assert any(h.startswith("Acerca de Data Justice") for h in headings), headings
    # Material's own words too: the skip link.
    assert "Saltar a contenido" in text


def test_an_untranslated_partner_text_is_marked_english(built_fixture: Build) -> None:
    page = built_fixture.page(DRONES_ES)
    about = next(section for section in page.xpath("//section[@class='pressroom-about']")
                 if "data-justice" in section.xpath(".//h2/a/@href")[0])
    assert about.xpath("./div/@lang") == ["en"]
    translated = next(section for section in page.xpath("//section[@class='pressroom-about']")
                      if "border-rights-network" in section.xpath(".//h2/a/@href")[0])
    assert translated.xpath("./div[@lang]") == []
    assert "docs/partners/data-justice.md has no Spanish version" in built_fixture.log


def test_spanish_listings_hold_spanish_releases_only(built_fixture: Build) -> None:
    spanish = built_fixture.page("es/press/")
    links = set(spanish.xpath("//main//article//a/@href | //main//li//a/@href"))
    assert any("demanda-dhs-registros-vigilancia-drones" in link for link in links)
    assert any("guia-citas-control-migratorio" in link for link in links)
    assert not any("data-brokers-immigrant-tracking" in link for link in links)
    english = " ".join(built_fixture.page("press/").text_content().split())
    assert "Guía" not in english and "guia-citas" not in english
    assert "Comunicados de prensa" in " ".join(spanish.text_content().split())


def test_spanish_navigation(built_fixture: Build) -> None:
    page = built_fixture.page(DRONES_ES)
    labels = [" ".join(a.text_content().split()) for a in page.xpath(
        "//nav[contains(@class,'md-nav--primary')]//a[contains(@class,'md-nav__link')]")]
    assert labels[0] == "Inicio"
    assert "Comunicados de prensa" in labels


# --- linked translations -------------------------------------------------------------------

def test_hreflang_links_are_absolute_reciprocal_and_complete(built_fixture: Build) -> None:
    linked = {url: hreflangs(built_fixture, url) for url in pages(built_fixture)}
    linked = {url: links for url, links in linked.items() if links}
    assert DRONES_EN in linked and DRONES_ES in linked and "es/press/" in linked
    for url, links in linked.items():
        assert set(links) == {"en", "es", "x-default"}, url
        assert links["x-default"] == links["en"]
        assert SITE_URL + url in links.values(), f"{url} does not list itself"
        for href in links.values():
            assert href.startswith(SITE_URL)
            other = href.removeprefix(SITE_URL)
            assert hreflangs(built_fixture, other) == links, f"{url} -> {other} not both ways"
    assert ENGLISH_ONLY not in linked and ONLY_SPANISH not in linked


def test_the_switcher_leads_to_the_same_release_or_the_press_page(built_fixture: Build) -> None:
    def switch(url: str) -> list[tuple[str, str]]:
        page = built_fixture.page(url)
        return [(a.get("hreflang"), a.get("href"))
                for a in page.xpath("//nav[contains(@class,'pressroom-languages')]//a")]

    assert switch(DRONES_EN) == [("es", "../../../" + DRONES_ES)]
    assert switch(DRONES_ES) == [("en", "../../../../" + DRONES_EN)]
    assert switch(ENGLISH_ONLY) == [("es", "../../../es/press/")]
    assert switch(ONLY_SPANISH) == [("en", "../../../../press/")]


def test_the_sitemap_lists_each_pages_versions(built_fixture: Build) -> None:
    sitemap = lxml.etree.parse(str(built_fixture.out / "sitemap.xml"))
    entry = sitemap.xpath(f"//s:url[s:loc='{SITE_URL}{DRONES_ES}']", namespaces=SITEMAP)[0]
    alternates = {link.get("hreflang"): link.get("href")
                  for link in entry.xpath("x:link", namespaces=SITEMAP)}
    assert alternates == hreflangs(built_fixture, DRONES_ES)
    # Material fetches a sitemap beside every hreflang link: each version has its own.
    assert (built_fixture.out / DRONES_EN / "sitemap.xml").is_file()


def test_structured_data_and_open_graph_name_the_other_version(built_fixture: Build) -> None:
    def head(url: str) -> tuple[dict, list[str], str]:
        page = built_fixture.page(url)
        data = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
        alternate = page.xpath("//meta[@property='og:locale:alternate']/@content")
        return data, alternate, page.xpath("//meta[@property='og:locale']/@content")[0]

    spanish, alternate, locale = head(DRONES_ES)
    assert spanish["inLanguage"] == "es" and locale == "es_ES" and alternate == ["en_US"]
    assert spanish["translationOfWork"]["@id"] == SITE_URL + DRONES_EN
    english, alternate, locale = head(DRONES_EN)
    assert english["inLanguage"] == "en" and locale == "en_US" and alternate == ["es_ES"]
    assert [work["@id"] for work in english["workTranslation"]] == [SITE_URL + DRONES_ES]


# --- feeds and search per language ----------------------------------------------------------

@pytest.mark.parametrize("folder", ["es/press/", "es/partners/community-voices/"])
def test_spanish_feeds_are_in_spanish(built_fixture: Build, folder: str) -> None:
    rss = feedparser.parse(built_fixture.text(folder + "feed.xml"))
    assert not rss.bozo and rss.feed.language == "es"
    titles = [entry.title for entry in rss.entries]
    assert titles and all(not title.startswith(("Coalition", "Report")) for title in titles)
    atom = lxml.etree.parse(str(built_fixture.out / folder / "atom.xml")).getroot()
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    assert not feedparser.parse(built_fixture.text(folder + "atom.xml")).bozo
    assert json.loads(built_fixture.text(folder + "feed.json"))["language"] == "es"


def test_english_feeds_carry_no_spanish_release(built_fixture: Build) -> None:
    rss = feedparser.parse(built_fixture.text("press/feed.xml"))
    assert rss.feed.language == "en"
    assert all(not entry.link.startswith(SITE_URL + "es/") for entry in rss.entries)


def test_search_on_spanish_pages_searches_spanish_pages(built_fixture: Build) -> None:
    records = built_fixture.search_records()
    # Pagefind keeps an index per language, and a page's <html lang> picks which it searches.
    spanish = {url: r for url, r in records.items() if r["lang"] == "es"}
    english = {url: r for url, r in records.items() if r["lang"] == "en"}
    assert spanish and english
    assert all(url.startswith("/es/") for url in spanish)
    assert not any(url.startswith("/es/") for url in english)
    titles = {r["meta"]["title"] for r in spanish.values()}
    assert any(title.startswith("Coalición demanda") for title in titles)
    assert not any(title.startswith("Coalition Sues") for title in titles)
    drones = spanish["/es/press/2023/demanda-dhs-registros-vigilancia-drones/"]
    assert drones["meta"]["date"] == "4 de mayo de 2023"
    parts = json.loads(built_fixture.text("pagefind/parts.json"))
    assert set(parts) == {"en", "es"}
    for lang, listed in parts.items():  # each part holds one language's pages
        for folder, _ in listed:
            entry = json.loads(built_fixture.text(f"pagefind/{folder}pagefind-entry.json"))
            assert set(entry["languages"]) == {lang}
    assert built_fixture.page("es/search/").get("lang") == "es"


# --- an embargoed translation ---------------------------------------------------------------

def test_an_embargoed_translation_leaves_no_trace_until_the_lift(fixture_site: Path) -> None:
    for path in (FIXTURES / "embargoed-translation").glob("*.md"):
        shutil.copy(path, fixture_site / "press_releases" / path.name)
    before = run_build(fixture_site, env={"PRESSROOM_NOW": "2031-03-01T08:59:00-05:00"})
    assert before.ok, before.log
    assert files_containing(before, "ZAFIRO-EMBARGO") == []
    assert files_containing(before, "SAPPHIRE-EMBARGO") == []
    after = run_build(fixture_site, env={"PRESSROOM_NOW": "2031-03-01T09:00:00-05:00"})
    assert after.ok, after.log
    spanish = files_containing(after, "ZAFIRO-EMBARGO")
    assert "es/press/2031/auditoria-zafiro-embargo-centros-detencion/index.html" in spanish
    assert {"es/press/feed.xml", "sitemap.xml"} <= set(spanish)
    assert any(in_search_index(path, "es") for path in spanish), spanish
    # English pages link to the Spanish version's address; its words stay on Spanish pages.
    title = "La auditoría ZAFIRO-EMBARGO"
    assert all(path.startswith("es/") or in_search_index(path, "es")
               for path in files_containing(after, title))


# --- rules for translations (in process) ----------------------------------------------------

def load_errors(site: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(site, site / "press_releases", site / "docs", languages=FIXTURE_LANGUAGES)
    return [str(error) for error in raised.value.errors]


TRANSLATION = "2023-05-04-coalition-sues-dhs-drone-surveillance-records.es.md"


def test_a_translation_on_another_date_is_an_error(fixture_site: Path) -> None:
    path = fixture_site / "press_releases" / TRANSLATION
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title:", "date: 2023-05-05\ntitle:", 1), encoding="utf-8")
    errors = load_errors(fixture_site)
    assert any(error.startswith(f"press_releases/{TRANSLATION}:2: date: differs from its "
                                "original ") for error in errors), errors


def test_a_translation_never_goes_out_before_its_draft_original(fixture_site: Path) -> None:
    original = fixture_site / "press_releases" / TRANSLATION.replace(".es.md", ".md")
    original.write_text(original.read_text(encoding="utf-8").replace(
        "---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    translation = fixture_site / "press_releases" / TRANSLATION
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "---\n", "---\ndraft: false\n", 1), encoding="utf-8")
    (error,) = load_errors(fixture_site)
    assert error.startswith(f"press_releases/{TRANSLATION}:2: draft: would be published before")


def test_a_translation_without_its_original_says_so(fixture_site: Path) -> None:
    (fixture_site / "press_releases" / TRANSLATION.replace(".es.md", ".md")).unlink()
    (error,) = load_errors(fixture_site)
    assert error.startswith(f"press_releases/{TRANSLATION}:1: file name: has no original ")
    assert "lacks date, partners" in error


def test_a_file_in_a_language_the_site_does_not_list_is_an_error(fixture_site: Path) -> None:
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(fixture_site, fixture_site / "press_releases", fixture_site / "docs",
                      languages=("en",))
    errors = [str(error) for error in raised.value.errors]
    assert f"press_releases/{TRANSLATION}:1: file name: is a Spanish version, but the site's " \
        "languages are en (add es to `languages` under the pressroom plugin in mkdocs.yml, " \
        "or rename the file)" in errors



def test_status_lists_releases_not_yet_in_spanish(fixture_site: Path, capsys) -> None:
    code, out, _err = run_command(capsys, "status", "--root", str(fixture_site))
    assert code == 0
    untranslated = [line.split()[-1] for line in out.splitlines()
                    if line.lstrip().startswith("not yet in Spanish")]
    assert "press_releases/2024-08-20-data-brokers-immigrant-tracking.md" in untranslated
    assert not any("coalition-sues-dhs" in path or path.endswith(".es.md")
                   for path in untranslated)
    assert len(untranslated) == 6  # 8 English releases, 2 of them translated


def test_a_release_still_saying_what_to_write_is_not_published(fixture_site: Path, capsys) -> None:
    original = "press_releases/2024-08-20-data-brokers-immigrant-tracking.md"
    code, _out, _err = run_command(capsys, "new", "--root", str(fixture_site), "--lang", "es",
                                   "--translation-of", str(fixture_site / original))
    assert code == 0
    translation = fixture_site / original.replace(".md", ".es.md")
    # As written it is a draft, and valid; taken out of draft, its placeholders are errors.
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "draft: true\n", "draft: false\n"), encoding="utf-8")
    errors = load_errors(fixture_site)
    assert any(": title: still says what to write here" in error for error in errors), errors
    assert any(": body: still has the text `pressroom new` wrote" in error for error in errors)


def test_the_coalition_sets_its_own_release_line(fixture_site: Path) -> None:
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      languages: [en, es]\n",
        "      languages: [en, es]\n      release_line: {es: PARA PUBLICACIÓN INMEDIATA}\n"),
        encoding="utf-8")
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    assert "PARA PUBLICACIÓN INMEDIATA" in build.page(DRONES_ES).text_content()
    assert "FOR IMMEDIATE RELEASE" in build.page(DRONES_EN).text_content()
    config.write_text(config.read_text(encoding="utf-8").replace(
        "{es: PARA", "{fr: PARA"), encoding="utf-8")
    refused = run_build(fixture_site)
    assert not refused.ok and "option 'release_line'" in refused.log


def test_what_a_translation_takes_from_its_original_is_marked_english(built_fixture: Build) -> None:
    page = built_fixture.page("es/press/2025/face-matching-tool-check-ins/")  # topics inherited
    assert set(page.xpath("//footer[contains(@class,'pressroom-release__links')]//a/@lang")) \
        == {"en"}
    titles = page.xpath("//span[@class='pressroom-contact__title']")
    assert titles and all(title.get("lang") == "en" for title in titles)
    own = built_fixture.page(DRONES_ES)  # its own Spanish topics
    assert own.xpath("//footer[contains(@class,'pressroom-release__links')]//a/@lang") == []


def test_a_partner_translation_cannot_hold_itself_back(fixture_site: Path) -> None:
    path = fixture_site / "docs" / "partners" / "sanctuary-legal.es.md"
    path.write_text("---\ndraft: true\n---\nTexto.\n", encoding="utf-8")
    (error,) = load_errors(fixture_site)
    assert error == (
        "docs/partners/sanctuary-legal.es.md:2: draft: is set by the original page: a "
        "translation goes out with it (remove the line; set it in the original page, beside "
        "this file)")


def test_errors_in_a_draft_partners_translation_quote_nothing_in_ci(fixture_site: Path) -> None:
    original = fixture_site / "docs" / "partners" / "sanctuary-legal.md"
    original.write_text(original.read_text(encoding="utf-8").replace(
        "---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    (fixture_site / "docs" / "partners" / "sanctuary-legal.es.md").write_text(
        "---\nname: [SECRETO]\n---\nTexto.\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(fixture_site, fixture_site / "press_releases", fixture_site / "docs",
                      languages=FIXTURE_LANGUAGES)
    report = raised.value.report(hide_values=True)
    assert "docs/partners/sanctuary-legal.es.md:2: name:" in report
    assert "SECRETO" not in report


@pytest.mark.parametrize("value", [[["en"]], [{"en": "x"}], ["en", "en"], ["fr"], [], "en es"])
def test_a_bad_languages_setting_is_a_clear_error(value: object) -> None:
    from pressroom.core.settings import site_languages

    with pytest.raises(ContentErrors) as raised:
        site_languages(value)
    (error,) = raised.value.errors
    assert error.field == "plugins.pressroom.languages" and "[en, es]" in error.hint
