"""Each kind of page in a real browser: private, accessible, quiet, readable on a phone."""

from __future__ import annotations

import pytest
from browsing import FIXTURE_PAGES, SITES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map(v => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}
"""


def axe_violations(visit, axe_source: str) -> list[dict]:
    # Evaluated by the driver, not added as a <script>: the page's policy refuses those.
    visit.page.evaluate(axe_source)
    return visit.page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations
    )


def horizontal_overflow(page) -> int:
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def settled(visit):
    """The visit, once a search in its address has shown its results."""
    if "?q=" in visit.page.url:
        visit.page.locator(".md-search-result__link").first.wait_for()
        # On a phone Material opens search by growing a circle (.md-search__overlay) from the
        # header; for the 0.1 s it grows, it pokes out of the page. Judge the page at rest.
        visit.page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running')"
        )
    return visit


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
    page.locator("label[for='__palette_0']").click()
    assert page.evaluate(scheme) == "default"
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
