"""While the content has problems, `mkdocs serve` keeps answering: every address shows them,
and the real page comes back by itself once the files are right (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from sitebuild import Serving, wait_for

RELEASE = "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.md"
URL = "press/2023/coalition-sues-dhs-drone-surveillance-records/"


def problems_shown(page: str) -> list[str]:
    tree = lxml_html.fromstring(page)
    return [" ".join(item.text_content().split())
            for item in tree.xpath("//li[@class='pressroom-problem']")]


@pytest.mark.parametrize("options", [(), ("--dirty",)], ids=["serve", "serve-dirty"])
def test_every_address_shows_the_problems_until_they_are_fixed(fixture_site: Path,
                                                               options: tuple[str, ...]) -> None:
    release = fixture_site / RELEASE
    original = release.read_text(encoding="utf-8")
    with Serving(fixture_site, {"CI": ""}, *options) as server:
        assert "pressroom-problem" not in server.get(URL)[1]
        release.write_text(original.replace("partners:", "partnrs:", 1), encoding="utf-8")
        assert wait_for(lambda: "pressroom-problem" in server.get(URL)[1])
        for address in (URL, "", "press/", "es/press/"):
            status, page = server.get(address)
            assert status == 200, address
            required, misspelt = problems_shown(page)
            # The original's own two; its translation, which takes `partners` from it, has none.
            assert required.startswith(f"{RELEASE}, line 1 · partners is required")
            assert misspelt.startswith(f"{RELEASE}, line 6 · partnrs is not a field")
            assert "How to fix it: did you mean `partners`?" in misspelt
            # The lines around it, the faulty one marked.
            assert "6 ▶ partnrs:" in misspelt
        release.write_text(original, encoding="utf-8")
        assert wait_for(lambda: "pressroom-problem" not in server.get(URL)[1])
        for address in (URL, "", "press/"):
            page = lxml_html.fromstring(server.get(address)[1])
            assert not page.xpath("//*[contains(@class, 'pressroom-problem')]"), address
            assert page.xpath("//h1"), address


def test_a_page_at_an_address_pressroom_makes_is_shown_too(fixture_site: Path) -> None:
    # Found after the releases are read, and still shown, not a preview that stops answering.
    with Serving(fixture_site, {"CI": ""}) as server:
        (fixture_site / "docs" / "press.md").write_text("# Press\n", encoding="utf-8")
        assert wait_for(lambda: "pressroom-problem" in server.get(URL)[1])
        (shown,) = problems_shown(server.get(URL)[1])
        assert shown.startswith("docs/press.md"), shown
        (fixture_site / "docs" / "press.md").unlink()
        assert wait_for(lambda: "pressroom-problem" not in server.get(URL)[1])
