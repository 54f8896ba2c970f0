"""What visitors do: search, filter, use a keyboard, print a release."""

from __future__ import annotations

import json
import re

import pytest
from browsing import FIXTURE_PAGES, FOCUS_RING, listed_titles, search_result_links
from playwright.sync_api import expect

SEED_RELEASE = "/press/2020/clearview-ai-ice-foia/"

# Number every visible, tabbable control, so that focus can be followed by number: Material's
# focus-visible polyfill changes classes on focus, so markup is no identity.
FOCUSABLE = """
() => [...document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]'
  )].filter(e => e.tabIndex >= 0 && e.checkVisibility({visibilityProperty: true}))
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
    .map((e, i) => {
      e.dataset.keyboard = String(i);
      return [String(i), e.outerHTML.slice(0, 100)];
    })
"""

ACTIVE = "() => (document.activeElement && document.activeElement.dataset.keyboard) || ''"


def test_search_for_clearview_finds_the_seed_release(shipped_server, open_page):
    visit = open_page(shipped_server.url("/search/"))
    page = visit.page
    page.get_by_label("Words to find").fill("Clearview")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/search/?q=Clearview")
    result = search_result_links(page).filter(has_text="Clearview AI Contract with ICE")
    expect(result).to_have_count(1)
    assert result.get_attribute("href").endswith(SEED_RELEASE)
    visit.screenshot("search-desktop")
    result.click()
    page.wait_for_url(f"**{SEED_RELEASE}")
    expect(page.locator("h1")).to_contain_text("Clearview")
    visit.assert_clean()


def test_search_runs_the_query_in_the_url_and_finds_body_text(fixture_server, open_page):
    # "Zanzibarite" appears only in the body of one fixture release.
    visit = open_page(fixture_server.url("/search/?q=Zanzibarite"), viewport="phone")
    links = search_result_links(visit.page)
    expect(links).to_have_count(1)
    assert links.get_attribute("href").endswith("/press/2025/face-matching-tool-check-ins/")
    visit.screenshot("search-phone")
    visit.assert_clean()


def test_a_search_finds_pages_in_every_part_of_the_index(fixture_server, open_page):
    # The fixture's index is written in three English parts (its mkdocs.yml makes them
    # small): partners and campaigns first, then releases from the oldest.
    parts = json.loads((fixture_server.root / "pagefind" / "parts.json").read_text("utf-8"))
    assert len(parts["en"]) == 3
    visit = open_page(fixture_server.url("/search/?q=detention"))
    links = search_result_links(visit.page)
    expect(links.first).to_be_visible()
    found = {link.get_attribute("href") for link in links.all()}
    assert {"/campaigns/detention-transparency/", "/press/2023/report-detention-medical-neglect/",
            "/press/2025/face-matching-tool-check-ins/"} <= found, found
    visit.assert_clean()


def test_results_show_date_partners_and_marked_words_until_cleared(fixture_server, open_page):
    visit = open_page(fixture_server.url("/search/?q=Zanzibarite"))
    page = visit.page
    result = page.locator(".pressroom-search__results .pressroom-card")
    expect(result).to_have_count(1)
    expect(page.locator(".pressroom-search__status")).to_have_text(
        "1 result for “Zanzibarite”")
    expect(result.locator(".pressroom-card__meta")).to_have_text("March 6, 2025")
    expect(result.locator(".pressroom-card__partners")).not_to_be_empty()
    expect(result.locator("mark").first).to_contain_text("Zanzibarite")
    # The results stay while the visitor reads; Esc in the box clears them, and the address.
    page.locator(".pressroom-card__title a").focus()
    page.wait_for_timeout(300)
    expect(result).to_have_count(1)
    box = page.get_by_label("Words to find")
    box.focus()
    page.keyboard.press("Escape")
    expect(result).to_have_count(0)
    expect(page.locator(".pressroom-search__status")).to_have_text("")
    assert "?q=" not in page.url
    # Back goes to the search the visitor made.
    box.fill("drone")
    box.press("Enter")
    page.wait_for_url("**/search/?q=drone")
    expect(result.first).to_be_visible()
    visit.assert_clean()


def test_reading_a_release_loads_nothing_for_search(fixture_server, open_page):
    visit = open_page(fixture_server.url("/press/2025/face-matching-tool-check-ins/"))
    page = visit.page
    page.wait_for_load_state("networkidle")
    assert not [url for url in visit.requests if "search" in url], visit.requests
    # The header links to the Search page instead, which fetches the index only once the
    # visitor searches, and then only pieces of it.
    page.locator(".md-header").get_by_role("link", name="Search").click()
    page.wait_for_url("**/search/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in visit.requests if "/pagefind/" in url], visit.requests
    page.get_by_label("Words to find").fill("Zanzibarite")
    page.get_by_label("Words to find").press("Enter")
    expect(search_result_links(page)).to_have_count(1)
    fetched = [url for url in visit.requests if "/pagefind/" in url]
    assert any(url.endswith("/pagefind/parts.json") for url in fetched)
    assert any(re.search(r"/pagefind/en/\w+/pagefind-entry\.json", url) for url in fetched)
    assert any(re.search(r"/pagefind/en/\w+/fragment/", url) for url in fetched), fetched
    visit.assert_clean()


def test_press_filter_by_click_reflects_the_choice_in_the_url(fixture_server, open_page):
    visit = open_page(fixture_server.url("/press/"))
    page = visit.page
    form = page.locator("[data-pressroom-filter]")
    expect(form).to_be_visible()
    topic = form.locator("select[name=topic]")
    value = topic.locator("option").nth(1).get_attribute("value")
    topic.select_option(value)
    results = page.locator("[data-pressroom-results]")
    expect(results).to_be_visible()
    expect(page.locator("[data-pressroom-listing]")).to_be_hidden()
    assert f"topic={value}" in page.url
    titles = listed_titles(page)
    assert titles, "the filter found nothing"
    form.get_by_role("button", name="Clear").click()
    expect(page.locator("[data-pressroom-listing]")).to_be_visible()
    assert "topic=" not in page.url
    visit.assert_clean()


def test_press_filter_from_a_shared_url(fixture_server, open_page):
    visit = open_page(fixture_server.url("/press/?topic=drones"))
    page = visit.page
    expect(page.locator("[data-pressroom-results]")).to_be_visible()
    expect(page.locator("select[name=topic]")).to_have_value("drones")
    titles = listed_titles(page)
    assert titles == ["Coalition sues DHS for drone surveillance records"] or (
        len(titles) == 1 and "drone" in titles[0].lower()
    ), titles
    # The count's words come from the form, in the page's language.
    expect(page.locator(".pressroom-filter__count")).to_have_text("1 release")
    visit.screenshot("press-filtered-desktop")
    visit.assert_clean()


@pytest.mark.parametrize("name", ["home", "release", "press"])
def test_keyboard_skip_link_focus_and_reach(fixture_server, open_page, name):
    visit = open_page(fixture_server.url(FIXTURE_PAGES[name]))
    page = visit.page
    # The first Tab lands on a visible skip link that leads into the content.
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    assert page.evaluate(FOCUS_RING), "the skip link has no visible focus indicator"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('#__content')")
    assert inside, page.evaluate("() => document.activeElement.outerHTML.slice(0, 100)")

    # Every visible control is reached by Tab, each with a visible focus indicator.
    page.goto(page.url.split("#")[0])
    controls = dict(page.evaluate(FOCUSABLE))
    wanted = set(controls)
    reached, unringed = set(), []
    for _ in range(len(wanted) * 2 + 10):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active in reached:
            continue
        reached.add(active)
        if active in wanted and not page.evaluate(FOCUS_RING):
            unringed.append(controls[active])
        if wanted <= reached:
            break
    missed = [controls[number] for number in sorted(wanted - reached, key=int)]
    assert missed == [], f"not reachable by Tab: {missed}"
    assert unringed == [], f"no visible focus: {unringed}"
    visit.assert_clean()


def test_release_prints_cleanly(fixture_server, open_page):
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]))
    page = visit.page
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".md-skip",
    ):
        for element in page.locator(chrome).all():
            assert not element.is_visible(), f"{chrome} shows in print"
    # On paper: headline, date, release line, contacts, body, end mark, boilerplates.
    parts = [
        ".pressroom-release__headline",
        ".pressroom-release__date",
        ".pressroom-release__line",
        ".pressroom-contacts",
        ".pressroom-release__body",
        ".pressroom-endmark",
        ".pressroom-about",
    ]
    tops = []
    for selector in parts:
        element = page.locator(selector).first
        assert element.is_visible(), f"{selector} is missing from print"
        tops.append(element.bounding_box()["y"])
    assert tops == sorted(tops), dict(zip(parts, tops, strict=True))
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    visit.screenshot("release-print")
    visit.assert_clean()


def test_phone_menu_opens_from_the_keyboard(fixture_server, open_page):
    """On a phone the navigation is in a drawer: Tab reaches its button and Space opens it."""
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]), viewport="phone")
    page = visit.page
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Tab")
    drawer = page.locator("#__drawer")
    expect(drawer).to_be_focused()
    button = page.locator(".md-header label[for='__drawer']")
    outline = button.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none", "the menu button shows no focus"
    page.keyboard.press("Space")
    expect(drawer).to_be_checked()
    press_link = page.locator(".md-sidebar--primary a", has_text="Press releases").first
    expect(press_link).to_be_in_viewport()
    visit.screenshot("release-phone-menu")
    visit.assert_clean()
