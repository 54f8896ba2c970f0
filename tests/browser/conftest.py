"""Real-browser fixtures: a built site served on 127.0.0.1, driven through Debian's Chromium.

Nothing here is ever skipped: a missing browser or npm tool is an install problem that
`scripts/test` fixes, so it fails loudly instead.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import AXE_JS, CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, SCREENSHOTS, VIEWPORTS, require
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, sync_playwright
from sitebuild import FIXTURES, copy_shipped, copy_site, run_build


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Server:
    root: Path
    httpd: http.server.ThreadingHTTPServer
    thread: threading.Thread

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


def serve(root: Path) -> Iterator[Server]:
    """Serve a folder on an ephemeral loopback port for the length of a test session."""
    root.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    try:
        yield Server(root, httpd, thread)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def serve_built(site: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """Build a site for the address it is served from, as it is on GitHub Pages: its own
    absolute links (hreflang, canonical, feeds' sitemaps) then stay on the site's origin."""
    for server in serve(site / "_site"):  # where run_build writes
        config = site / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {server.base}/", text),
                          encoding="utf-8")
        build = run_build(site, "--strict", env=env)
        assert build.ok, build.log
        yield server


@pytest.fixture(scope="session")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from serve_built(copy_site(FIXTURES / "site", tmp_path_factory.mktemp("served") / "site"))


@pytest.fixture(scope="session")
def shipped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from serve_built(copy_shipped(tmp_path_factory.mktemp("served") / "site"))


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    require(CHROMIUM, "run scripts/test, which installs Debian's chromium package")
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return require(AXE_JS, "run scripts/test, which runs `npm ci` in tests/browser").read_text(
        encoding="utf-8"
    )


@dataclass
class Visit:
    """One browser tab, with every request it made and every error it reported."""

    page: Page
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if urlsplit(request.url).scheme in {"data", "blob", "about"}:
            return
        if urlsplit(request.url).hostname not in LOCAL_HOSTS:
            self.foreign.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location})")

    def assert_clean(self) -> None:
        assert self.foreign == [], f"requests left 127.0.0.1: {self.foreign}"
        assert self.errors == [], "\n".join(self.errors)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def open_page(browser: Browser) -> Iterator:
    """Open a URL in a fresh context of a given viewport; every request is recorded, foreign ones
    are aborted (and counted) so nothing ever reaches another host, even when a test fails."""
    contexts = []

    def opener(
        url: str, viewport: str = "desktop", color_scheme: str = "light", **options
    ) -> Visit:
        context = browser.new_context(
            viewport=VIEWPORTS[viewport], color_scheme=color_scheme, **options
        )
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)
        page.on("request", visit.on_request)
        page.on("console", visit.on_console)
        page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))

        def guard(route):
            if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", guard)
        page.set_default_timeout(10_000)
        page.goto(url, wait_until="load")
        return visit

    yield opener
    for context in contexts:
        context.close()


# Records Content-Security-Policy violations; runs before any of the page's own scripts, in
# every document the tab opens.
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
