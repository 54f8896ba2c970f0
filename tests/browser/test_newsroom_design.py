"""The newsroom's design, measured in Chromium at 1280×900 and 390×844: the news on the first
screen, a headline that fits a phone, compact contacts, headings that read as headings, a share
row and the release's text. Screenshots of each kind of page go to tests/screenshots/newsroom/."""

from __future__ import annotations

import pytest
from browsing import FIXTURE_PAGES, SHIPPED_PAGES, horizontal_overflow
from playwright.sync_api import expect

SIZES = ["laptop", "mobile"]
SITES = {"fixture": FIXTURE_PAGES, "shipped": SHIPPED_PAGES}
SPANISH_RELEASE = "/es/press/2023/demanda-dhs-registros-vigilancia-drones/"

# Where an element's top is, in the page, and how the browser draws it.
TOP = "e => e.getBoundingClientRect().top + window.scrollY"
STYLE = "(e, name) => getComputedStyle(e)[name]"


def server(request, site: str):
    return request.getfixturevalue(f"{site}_server")


def shot(visit, name: str) -> None:
    visit.screenshot(f"newsroom/{name}")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("site", list(SITES))
@pytest.mark.parametrize("name", ["home", "press"])
def test_first_release_is_on_the_first_screen(request, open_page, site, name, size):
    visit = open_page(server(request, site).url(SITES[site][name]), size)
    page = visit.page
    height = page.viewport_size["height"]
    card = page.locator(".pressroom-card").first
    # Its date, headline and partners, all of it above the fold.
    for part in ("time", ".pressroom-card__title", ".pressroom-card__partners"):
        element = card.locator(part)
        expect(element).to_be_visible()
        box = element.bounding_box()
        assert box["y"] + box["height"] < height, (part, box, height)
    assert horizontal_overflow(page) <= 0
    if site == "shipped":
        shot(visit, f"{name}-{size}")
    visit.assert_clean()


@pytest.mark.parametrize("size", SIZES)
def test_coalition_name_is_wrapped_not_cut_off(shipped_server, open_page, size):
    visit = open_page(shipped_server.url("/"), size)
    name = visit.page.locator(".md-header__topic").first.locator(".md-ellipsis")
    fits = name.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= "
                         "e.closest('.md-header').getBoundingClientRect().height")
    assert fits, name.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight]")
    assert name.evaluate(STYLE, "textOverflow") != "ellipsis" or size == "laptop"
    box, header = name.bounding_box(), visit.page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["height"]
    visit.assert_clean()


@pytest.mark.parametrize("path", [FIXTURE_PAGES["release"], SPANISH_RELEASE])
def test_headline_scales_down_on_a_phone(fixture_server, open_page, path):
    visit = open_page(fixture_server.url(path), "mobile")
    headline = visit.page.locator(".pressroom-release__headline")
    assert float(headline.evaluate(STYLE, "fontSize").removesuffix("px")) <= 28
    visit.assert_clean()


@pytest.mark.parametrize("size", [*SIZES, "narrow"])
def test_an_email_is_never_split(fixture_server, open_page, size):
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]), size)
    emails = visit.page.locator(".pressroom-contact__email")
    assert emails.count() > 0
    for email in emails.all():
        assert email.evaluate("e => e.getClientRects().length") == 1, email.inner_text()
    if size == "laptop":
        # Compact: each contact is one line on a desktop.
        for contact in visit.page.locator(".pressroom-contacts .pressroom-contact").all():
            line = float(contact.evaluate(STYLE, "lineHeight").removesuffix("px"))
            assert contact.bounding_box()["height"] < 2 * line, contact.inner_text()
    visit.assert_clean()


@pytest.mark.parametrize("size", SIZES)
def test_about_headings_read_as_headings(fixture_server, open_page, size):
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]), size)
    about = visit.page.locator(".pressroom-about").first
    heading, text = about.locator("h2"), about.locator("p").first
    assert int(heading.evaluate(STYLE, "fontWeight")) >= max(
        600, int(text.evaluate(STYLE, "fontWeight")))
    size_of = lambda e: float(e.evaluate(STYLE, "fontSize").removesuffix("px"))  # noqa: E731
    assert size_of(heading) > size_of(text)
    visit.assert_clean()


def test_filters_sit_in_one_row_on_a_desktop(fixture_server, open_page):
    visit = open_page(fixture_server.url("/press/"), "laptop")
    fields = visit.page.locator(".pressroom-filter__fields > *")
    tops = {round(e.bounding_box()["y"] + e.bounding_box()["height"]) for e in fields.all()}
    assert len(tops) == 1, tops  # bottoms aligned: one row
    visit.assert_clean()


def test_filters_fold_to_one_line_on_a_phone(fixture_server, open_page):
    visit = open_page(fixture_server.url("/press/"), "mobile")
    page = visit.page
    form = page.locator("[data-pressroom-filter]")
    expect(form).to_be_visible()
    assert form.bounding_box()["height"] < 50
    assert not page.locator("select[name=topic]").is_visible()
    page.locator(".pressroom-filter__heading").click()
    expect(page.locator("select[name=topic]")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    # A filter in the address opens it: the choice is shown.
    page.goto(fixture_server.url("/press/?topic=drones"))
    expect(page.locator("select[name=topic]")).to_have_value("drones")
    expect(page.locator("select[name=topic]")).to_be_visible()
    visit.assert_clean()


def test_browse_links_come_after_the_list(fixture_server, open_page):
    visit = open_page(fixture_server.url("/press/"), "mobile", java_script_enabled=False)
    page = visit.page
    browse = page.locator(".pressroom-browse")
    expect(browse).to_be_visible()
    last_card = page.locator("[data-pressroom-listing] .pressroom-card").last
    assert browse.evaluate(TOP) > last_card.evaluate(TOP)
    visit.assert_clean()


@pytest.mark.parametrize("path", [FIXTURE_PAGES["release"], SPANISH_RELEASE])
def test_share_row_copies_the_link(fixture_server, open_page, path):
    visit = open_page(fixture_server.url(path), "mobile",
                      permissions=["clipboard-read", "clipboard-write"])
    page = visit.page
    share = page.locator(".pressroom-share")
    assert share.locator("a").first.get_attribute("href").startswith("mailto:?subject=")
    button = share.locator("button")
    expect(button).to_be_visible()
    button.click()
    expect(share.locator("[role=status]")).not_to_be_empty()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == fixture_server.url(path)
    visit.assert_clean()


def test_without_javascript_there_is_no_copy_button(fixture_server, open_page):
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]), java_script_enabled=False)
    expect(visit.page.locator(".pressroom-share button")).to_be_hidden()
    expect(visit.page.locator(".pressroom-share a").first).to_be_visible()
    visit.assert_clean()


def test_download_link_fetches_the_release_text(fixture_server, open_page):
    visit = open_page(fixture_server.url(FIXTURE_PAGES["release"]))
    page = visit.page
    link = page.locator(".pressroom-share a[type='text/plain']")
    href = link.evaluate("a => a.href")
    assert href == fixture_server.url(FIXTURE_PAGES["release"] + "release.txt")
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text()
    assert text.startswith("FOR IMMEDIATE RELEASE\n\n")
    assert page.locator(".pressroom-release__headline").inner_text() in text
    visit.assert_clean()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ["release", "partner", "media"])
def test_screenshots_of_release_partner_and_media_pages(shipped_server, open_page, name, size):
    path = {**SHIPPED_PAGES, "media": "/media/"}[name]
    if not (shipped_server.root / path.strip("/") / "index.html").is_file():
        return  # a site without a media page
    visit = open_page(shipped_server.url(path), size)
    shot(visit, f"{name}-{size}")
    assert horizontal_overflow(visit.page) <= 0
    visit.assert_clean()
