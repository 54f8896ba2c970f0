"""Each kind of page in a real browser: private, accessible, quiet, readable on a phone."""

from __future__ import annotations

import pytest
from browsing import FIXTURE_PAGES, SITES, axe_violations, describe, horizontal_overflow, settled
from playwright.sync_api import expect


def page_url(request, site: str, name: str) -> str:
    server = request.getfixturevalue(f"{site}_server")
    return server.url(SITES[site][name])


@pytest.mark.parametrize(
    ("site", "viewport"), [("fixture", "desktop"), ("fixture", "phone"), ("shipped", "desktop")]
)
@pytest.mark.parametrize("name", list(FIXTURE_PAGES))
def test_page_in_light_mode(request, open_page, axe_source, site, name, viewport):
    visit = settled(open_page(page_url(request, site, name), viewport))
    assert visit.page.evaluate("document.body.dataset.mdColorScheme") == "default"
    violations = axe_violations(visit, axe_source)
    visit.screenshot(f"{site}-{name}-{viewport}")
    assert violations == [], describe(violations)
    assert horizontal_overflow(visit.page) <= 0
    visit.assert_clean()


@pytest.mark.parametrize("name", list(FIXTURE_PAGES))
def test_page_fits_320_pixels(fixture_server, open_page, name):
    visit = settled(open_page(fixture_server.url(FIXTURE_PAGES[name]), "narrow"))
    visit.screenshot(f"fixture-{name}-narrow")
    assert horizontal_overflow(visit.page) <= 0
    visit.assert_clean()


@pytest.mark.parametrize(("site", "viewport"), [("fixture", "phone"), ("shipped", "desktop")])
@pytest.mark.parametrize("name", list(FIXTURE_PAGES))
def test_page_in_dark_mode(request, open_page, axe_source, site, name, viewport):
    visit = settled(open_page(page_url(request, site, name), viewport, color_scheme="dark"))
    assert visit.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    violations = axe_violations(visit, axe_source)
    visit.screenshot(f"{site}-{name}-{viewport}-dark")
    assert violations == [], describe(violations)
    visit.assert_clean()


def test_palette_toggle_switches_to_dark_and_back(fixture_server, open_page):
    visit = open_page(fixture_server.url("/"))
    page = visit.page
    scheme = "document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate(scheme) == "slate"
    # The browser's bar follows the header, and the choice stays on the next page, applied
    # before the first paint.
    theme_color = page.evaluate("document.querySelector('meta[name=theme-color]').content")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header'))"
                           ".backgroundColor")
    assert [int(theme_color[i:i + 2], 16) for i in (1, 3, 5)] == [
        int(n) for n in header[header.index("(") + 1:header.index(")")].split(",")[:3]]
    page.goto(fixture_server.url("/press/"))
    assert page.evaluate(scheme) == "slate"
    expect(page.locator("label[for='__palette_0']")).to_be_visible()
    page.locator("label[for='__palette_0']").click()
    assert page.evaluate(scheme) == "default"
    # By the keyboard: Enter on the toggle switches it.
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "slate"
    visit.assert_clean()


@pytest.mark.parametrize("viewport", ["narrow", "phone"])
def test_release_contacts_and_date_legible_on_a_phone(fixture_server, open_page, viewport):
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]), viewport)
    width = visit.page.viewport_size["width"]
    for selector in (
        ".pressroom-release__date time",
        ".pressroom-contact",
        ".pressroom-release__headline",
    ):
        for element in visit.page.locator(selector).all():
            assert element.is_visible(), selector
            box = element.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
            size = element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert size >= 12, (selector, size)
    assert horizontal_overflow(visit.page) <= 0
    visit.assert_clean()
