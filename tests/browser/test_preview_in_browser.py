"""A journalist's preview in Chromium: the link's fragment decrypts it, nothing else does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import Server, serve_built
from sitebuild import FIXTURES, copy_site

from pressroom.core.outputs import previews

SECRET = "browser preview secret"
TITLE = "Audit finds Quokkaflint contract hid data sharing"
URL = "press/2031/quokkaflint-audit/"
RELEASE = f"""---
title: {TITLE}
embargo: 2031-03-01T09:00:00-05:00
partners: [data-justice]
preview: true
---
The Quokkaflint audit shows the contract's data sharing.
"""


@pytest.fixture(scope="module")
def preview_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("preview") / "site")
    (site / "press_releases" / "2031-03-01-quokkaflint-audit.md").write_text(
        RELEASE, encoding="utf-8")
    yield from serve_built(site, env={previews.SECRET_VARIABLE: SECRET,
                                      "PRESSROOM_NOW": "2031-02-01T00:00:00+00:00"})


def link(server: Server) -> str:
    return previews.link(server.base + "/", previews.keys(SECRET.encode(), URL))


def test_the_link_shows_the_release_with_its_embargo_banner(preview_server, open_page) -> None:
    visit = open_page(link(preview_server))
    visit.page.wait_for_selector(".pressroom-preview--open .pressroom-banner")
    text = visit.page.inner_text("main")
    banner = visit.page.text_content(".pressroom-banner")
    assert banner == "EMBARGOED UNTIL March 1, 2031, 09:00 UTC-05:00"
    assert TITLE in text
    assert "needs the link" not in text
    visit.assert_clean()


def test_the_preview_breaks_no_content_security_policy(preview_server, watched) -> None:
    page, refused = watched(link(preview_server))
    page.wait_for_selector(".pressroom-preview--open")
    assert page.evaluate("window.__violations") == []
    assert refused == []


@pytest.mark.parametrize("fragment", ["", "#AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "#x"])
def test_without_the_right_key_nothing_is_readable(preview_server, open_page, fragment) -> None:
    visit = open_page(link(preview_server).split("#")[0] + fragment)
    visit.page.wait_for_timeout(300)  # time for a decryption that must fail
    text = visit.page.inner_text("body")
    assert "This preview needs the link you were sent." in text
    assert "Quokkaflint" not in visit.page.content()
    assert "EMBARGOED" not in text
    visit.assert_clean()
