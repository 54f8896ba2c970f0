"""The Content-Security-Policy in a real browser: the site works under it, and it bites."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from browsing import FIXTURE_PAGES, LOCAL_HOSTS
from playwright.sync_api import Browser, Page, expect

# Runs before any of the page's own scripts, in every document the tab opens.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || "inline"} ` +
  `(${event.sourceFile}:${event.lineNumber})`));
"""


@pytest.fixture
def watched(browser: Browser) -> Iterator[Callable[[str], tuple[Page, list[str]]]]:
    """Open a URL in a tab that records policy violations and "Refused to…" console lines."""
    contexts = []

    def opener(url: str) -> tuple[Page, list[str]]:
        context = browser.new_context()
        contexts.append(context)
        context.add_init_script(LISTEN)
        context.route("**/*", lambda route: route.continue_()
                      if urlsplit(route.request.url).hostname in LOCAL_HOSTS else route.abort())
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda message: refused.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.set_default_timeout(10_000)
        page.goto(url, wait_until="load")
        return page, refused

    yield opener
    for context in contexts:
        context.close()


def violations(page: Page, refused: list[str]) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations") + refused


def test_home_and_a_release_run_under_the_policy(fixture_server, watched) -> None:
    for path in (FIXTURE_PAGES["home"], FIXTURE_PAGES["release"]):
        page, refused = watched(fixture_server.url(path))
        # Material's inline scripts ran: the palette toggle and the search link work.
        expect(page.locator("[data-md-component=palette]")).to_be_attached()
        assert page.evaluate("typeof __md_get") == "function"
        assert violations(page, refused) == [], path


def test_press_filter_works_under_the_policy(fixture_server, watched) -> None:
    page, refused = watched(fixture_server.url("/press/"))
    topic = page.locator("[data-pressroom-filter] select[name=topic]")
    topic.select_option(topic.locator("option").nth(1).get_attribute("value"))
    expect(page.locator("[data-pressroom-results]")).to_be_visible()
    assert page.locator("[data-pressroom-results] .pressroom-card__title").count() > 0
    assert violations(page, refused) == []


def test_search_works_under_the_policy(fixture_server, watched) -> None:
    page, refused = watched(fixture_server.url(FIXTURE_PAGES["search"]))
    expect(page.locator(".md-search-result__link")).to_have_count(1)
    assert violations(page, refused) == []


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
    found = violations(page, refused)
    assert any(line.startswith("script-src-elem refused inline") for line in found), found
    assert any("img-src refused https://tracker.example.net" in line for line in found), found
