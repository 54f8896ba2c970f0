"""The Content-Security-Policy in a real browser: the site works under it, and it bites."""

from __future__ import annotations

from browsing import FIXTURE_PAGES, policy_violations, search_result_links
from playwright.sync_api import expect


def test_home_and_a_release_run_under_the_policy(fixture_server, watched) -> None:
    for path in (FIXTURE_PAGES["home"], FIXTURE_PAGES["release"]):
        page, refused = watched(fixture_server.url(path))
        # Material's inline scripts ran: the palette toggle and the search link work.
        expect(page.locator("[data-md-component=palette]")).to_be_attached()
        assert page.evaluate("typeof __md_get") == "function"
        assert policy_violations(page, refused) == [], path


def test_press_filter_works_under_the_policy(fixture_server, watched) -> None:
    page, refused = watched(fixture_server.url("/press/"))
    topic = page.locator("[data-pressroom-filter] select[name=topic]")
    topic.select_option(topic.locator("option").nth(1).get_attribute("value"))
    expect(page.locator("[data-pressroom-results]")).to_be_visible()
    assert page.locator("[data-pressroom-results] .pressroom-card__title").count() > 0
    assert policy_violations(page, refused) == []


def test_search_works_under_the_policy(fixture_server, watched) -> None:
    page, refused = watched(fixture_server.url(FIXTURE_PAGES["search"]))
    expect(search_result_links(page)).to_have_count(1)
    assert policy_violations(page, refused) == []


def test_the_policy_refuses_an_injected_inline_script(fixture_server, watched) -> None:
    page, refused = watched(fixture_server.url(FIXTURE_PAGES["release"]))
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      const image = document.createElement("img");
      image.src = "https://tracker.example.net/pixel.png";
      document.body.append(image);
    }""")
    page.wait_for_function("window.__violations.length >= 2")
    assert page.evaluate("window.__injected") is None
    found = policy_violations(page, refused)
    assert any(line.startswith("script-src-elem refused inline") for line in found), found
    assert any("img-src refused https://tracker.example.net" in line for line in found), found
