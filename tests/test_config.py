"""Mistakes in mkdocs.yml stop the build with a message that names the setting and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import run_build


def edit_config(site: Path, old: str, new: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "no site_url": (
        "site_url: https://newsroom.example.org/\n", "",
        "mkdocs.yml: site_url: is not set",
    ),
    "unknown time zone": (
        "  - pressroom\n", "  - pressroom:\n      timezone: Mars/Olympus_Mons\n",
        "mkdocs.yml: plugins.pressroom.timezone: 'Mars/Olympus_Mons' is not a time zone",
    ),
    "Material's search as well": (
        "  - pressroom\n", "  - search\n  - pressroom\n",
        "mkdocs.yml: plugins: search: Pressroom makes the site's search itself",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_config_mistake_stops_the_build(fixture_site: Path, case: str) -> None:
    old, new, message = CASES[case]
    edit_config(fixture_site, old, new)
    build = run_build(fixture_site)
    assert not build.ok
    assert message in build.log, build.log


def test_material_search_instead_of_pressroom_search(fixture_site: Path) -> None:
    with_material = "  - search\n  - pressroom:\n      search: false\n"
    edit_config(fixture_site, "  - pressroom\n", with_material)
    edit_config(fixture_site, "  - Search: search/index.md\n", "")
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    assert not (build.out / "search" / "index.html").exists()
    # Material's own index, and its search box on every page.
    assert (build.out / "search" / "search_index.json").is_file()
    assert build.page("press/").xpath('//form[@name="search"]')
