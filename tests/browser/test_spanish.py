"""The Spanish pages in a real browser: accessible, quiet and under the policy like the English
ones; one click between a release and its translation; search and the filter in Spanish."""

from __future__ import annotations

import pytest
from browsing import (
    FIXTURE_PAGES,
    FOCUS_RING,
    axe_violations,
    describe,
    horizontal_overflow,
    listed_titles,
    policy_violations,
    search_result_links,
    settled,
)
from playwright.sync_api import expect

DRONES_EN = FIXTURE_PAGES["release"]
DRONES_ES = "/es/press/2023/demanda-dhs-registros-vigilancia-drones/"
ENGLISH_ONLY = "/press/2024/data-brokers-immigrant-tracking/"
SPANISH_ONLY = "/es/press/2025/guia-citas-control-migratorio/"
FACE_MATCHING_ES = "/es/press/2025/face-matching-tool-check-ins/"

# The Spanish text has "demanda" and never "demandas": only Spanish stemming finds one by the
# other.
INFLECTED = "demandas"

SPANISH_PAGES = {
    "home": "/es/",
    "press": "/es/press/",
    "release": DRONES_ES,  # a translation
    "spanish-only": SPANISH_ONLY,
    "untranslated-partner": "/es/partners/data-justice/",  # English text marked lang="en"
    "partner": "/es/partners/community-voices/",
    "partner-logo": "/es/partners/sanctuary-legal/",
    "media": "/es/media/",
    "search": "/es/search/?q=demanda",  # with its results shown
}

LIGHT = [(name, "desktop") for name in SPANISH_PAGES] + [
    ("release", "phone"), ("search", "phone"), ("media", "phone")]


def accessible_in_spanish(visit, axe_source: str, screenshot: str | None = None) -> None:
    expect(visit.page.locator("html")).to_have_attribute("lang", "es")
    violations = axe_violations(visit, axe_source)
    if screenshot:  # where the layout differs from the English pages' screenshots
        visit.screenshot(screenshot)
    assert violations == [], describe(violations)
    assert horizontal_overflow(visit.page) <= 0
    visit.assert_clean()


@pytest.mark.parametrize(("name", "viewport"), LIGHT)
def test_spanish_page_in_light_mode(fixture_server, open_page, axe_source, name, viewport):
    visit = settled(open_page(fixture_server.url(SPANISH_PAGES[name]), viewport))
    assert visit.page.evaluate("document.body.dataset.mdColorScheme") == "default"
    shot = f"fixture-es-{name}-phone" if viewport == "phone" else None
    accessible_in_spanish(visit, axe_source, shot)


def test_spanish_release_in_dark_mode(fixture_server, open_page, axe_source):
    visit = open_page(fixture_server.url(DRONES_ES), "phone", color_scheme="dark")
    assert visit.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    accessible_in_spanish(visit, axe_source, "fixture-es-release-phone-dark")


def test_shipped_spanish_release_in_light_mode(shipped_server, open_page, axe_source):
    visit = open_page(shipped_server.url("/es/press/2020/clearview-ai-ice-foia/"))
    accessible_in_spanish(visit, axe_source)


def test_spanish_release_and_search_run_under_the_policy(fixture_server, watched):
    for path in (DRONES_ES, SPANISH_PAGES["search"]):
        page, refused = watched(fixture_server.url(path))
        assert page.evaluate("typeof __md_get") == "function"
        if "?q=" in path:
            expect(search_result_links(page).first).to_be_visible()
        assert policy_violations(page, refused) == [], path


# --- the language switcher -------------------------------------------------------------------

def switcher(page):
    return page.locator("nav.pressroom-languages a")


def test_one_click_reaches_the_translation_and_one_click_comes_back(fixture_server, open_page):
    visit = open_page(fixture_server.url(DRONES_EN))
    page = visit.page
    expect(switcher(page)).to_have_attribute("hreflang", "es")
    switcher(page).click()
    page.wait_for_url(fixture_server.url(DRONES_ES))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text("Coalición demanda al DHS")
    expect(switcher(page)).to_have_attribute("hreflang", "en")
    switcher(page).click()
    page.wait_for_url(fixture_server.url(DRONES_EN))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    visit.assert_clean()


def test_without_a_translation_the_switcher_leads_to_the_press_page(fixture_server, open_page):
    visit = open_page(fixture_server.url(ENGLISH_ONLY))
    page = visit.page
    switcher(page).click()
    page.wait_for_url(fixture_server.url("/es/press/"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    visit.assert_clean()


def test_the_switcher_works_from_the_keyboard(fixture_server, open_page):
    visit = open_page(fixture_server.url(DRONES_EN))
    page = visit.page
    on_switcher = "() => !!document.activeElement.closest('nav.pressroom-languages')"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate(on_switcher):
            break
    expect(switcher(page)).to_be_focused()
    assert page.evaluate(FOCUS_RING), "the language switcher shows no focus"
    page.keyboard.press("Enter")
    page.wait_for_url(fixture_server.url(DRONES_ES))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    visit.assert_clean()


# --- search ----------------------------------------------------------------------------------

def result_urls(page) -> list[str]:
    return search_result_links(page).evaluate_all("links => links.map(a => a.href)")


def test_spanish_search_finds_spanish_pages_only(fixture_server, open_page):
    visit = open_page(fixture_server.url(SPANISH_PAGES["search"]))
    page = visit.page
    expect(search_result_links(page).first).to_be_visible()
    # The release first; then a campaign whose page, not yet translated, shows the English
    # text ("demands"), which Spanish stemming finds too.
    assert result_urls(page) == [fixture_server.url(DRONES_ES),
                                 fixture_server.url("/es/campaigns/detention-transparency/")]
    # Both versions of this release name the tool: here, only the Spanish one is found.
    page.goto(fixture_server.url("/es/search/?q=Zanzibarite"))
    expect(search_result_links(page)).to_have_count(1)
    assert result_urls(page) == [fixture_server.url(FACE_MATCHING_ES)]
    expect(page.locator(".pressroom-search__status")).to_have_text("1 resultado para «Zanzibarite»")
    visit.assert_clean()


def search_with_the_form(page, words: str) -> None:
    page.get_by_label("Palabras que buscar").fill(words)
    page.get_by_role("button", name="Buscar", exact=True).click()
    page.wait_for_url(f"**/es/search/?q={words}")


def test_spanish_search_form_leads_to_a_spanish_release(fixture_server, open_page):
    visit = open_page(fixture_server.url("/es/search/"))
    page = visit.page
    search_with_the_form(page, "demanda")
    search_result_links(page).first.click()
    page.wait_for_url(fixture_server.url(DRONES_ES))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    visit.assert_clean()


def test_spanish_search_finds_another_inflection(fixture_server, open_page):
    visit = open_page(fixture_server.url(f"/es/search/?q={INFLECTED}"))
    page = visit.page
    expect(search_result_links(page).first).to_be_visible()
    assert result_urls(page)[0] == fixture_server.url(DRONES_ES)
    page.goto(fixture_server.url("/es/search/"))
    search_with_the_form(page, INFLECTED)
    expect(search_result_links(page).first).to_have_attribute("href", DRONES_ES)
    visit.assert_clean()


def test_english_search_shows_no_spanish_page(fixture_server, open_page):
    visit = open_page(fixture_server.url("/search/?q=Zanzibarite"))
    page = visit.page
    expect(search_result_links(page)).to_have_count(1)
    assert result_urls(page) == [fixture_server.url("/press/2025/face-matching-tool-check-ins/")]
    # A word only the Spanish pages use.
    page.goto(fixture_server.url("/search/?q=fotografían"))
    expect(page.locator(".pressroom-search__status")).to_have_text(
        "Nothing found for “fotografían”.")
    visit.assert_clean()


# --- the press filter ------------------------------------------------------------------------

def test_spanish_press_filter_speaks_spanish(fixture_server, open_page):
    visit = open_page(fixture_server.url("/es/press/?topic=drones"))
    page = visit.page
    expect(page.locator("[data-pressroom-results]")).to_be_visible()
    expect(page.locator(".pressroom-filter__count")).to_have_text("1 comunicado")
    assert listed_titles(page) == [
        "Coalición demanda al DHS por registros secretos de vigilancia con drones"]

    form = page.locator("[data-pressroom-filter]")
    form.locator("select[name=topic]").select_option("")
    form.get_by_label("Organización").select_option("community-voices")
    expect(page.locator(".pressroom-filter__count")).to_have_text("2 comunicados")
    assert page.url.endswith("/es/press/?partner=community-voices")
    cards = page.locator("[data-pressroom-results] .pressroom-card")
    expect(cards.first.locator("time")).to_have_text("14 de mayo de 2025")
    hrefs = cards.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [fixture_server.url(SPANISH_ONLY), fixture_server.url(FACE_MATCHING_ES)]

    form.get_by_role("button", name="Borrar").click()
    expect(page.locator("[data-pressroom-listing]")).to_be_visible()
    assert "partner=" not in page.url
    visit.screenshot("press-es-filtered-desktop")
    visit.assert_clean()
