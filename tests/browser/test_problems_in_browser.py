"""Staff see their mistakes where they look: the open tab turns into the problems page when a
file goes wrong, and back into the release when it is fixed (issue 16)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect
from sitebuild import FIXTURES, Serving, copy_site

RELEASE = "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.md"
URL = "press/2023/coalition-sues-dhs-drone-surveillance-records/"


def test_an_open_release_shows_its_problems_then_itself_again(tmp_path: Path, open_page):
    site = copy_site(FIXTURES / "site", tmp_path / "site")
    release = site / RELEASE
    original = release.read_text(encoding="utf-8")
    with Serving(site, {"CI": ""}) as server:
        visit = open_page(server.base + URL)
        page = visit.page
        expect(page.locator("h1")).to_contain_text("Coalition Sues DHS")
        release.write_text(original.replace("partners:", "partnrs:", 1), encoding="utf-8")
        # Live reload brings the problems into the tab already open: no click, no terminal.
        problems = page.locator(".pressroom-problem")
        expect(problems).to_have_count(2, timeout=20_000)
        expect(page.locator("h1")).to_have_text("2 problems to fix before the preview can show")
        misspelt = problems.nth(1)
        expect(misspelt).to_contain_text("line 6")
        expect(misspelt).to_contain_text("did you mean `partners`?")
        expect(misspelt.locator(".pressroom-problem__line--at-fault")).to_contain_text("partnrs:")
        visit.screenshot("staff-preview-problems")
        release.write_text(original, encoding="utf-8")
        expect(page.locator("h1")).to_contain_text("Coalition Sues DHS", timeout=20_000)
        expect(problems).to_have_count(0)
        visit.assert_clean()
