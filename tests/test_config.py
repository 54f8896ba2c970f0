"""Mistakes in mkdocs.yml stop the build with a message that names the setting and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import FIXTURES, run_build, run_command

from pressroom.core import settings
from pressroom.core.errors import ContentErrors


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
    "Material's search as well": (
        "  - pressroom:\n", "  - search\n  - pressroom:\n",
        "mkdocs.yml: plugins: search: Pressroom makes the site's search itself",
    ),
}


PLUGIN_OPTION = "Config value 'plugins': Plugin 'pressroom' option "
BAD_SETTINGS = {
    "page_size: 0": "'page_size': 0 is out of range (write a whole number from 1 to 1000)",
    "page_size: -1": "'page_size': -1 is out of range (write a whole number from 1 to 1000)",
    "page_size: ten": "'page_size': 'ten' is not a whole number (write a whole number from 1",
    "page_size: true": "'page_size': True is not a whole number",
    "latest: -1": "'latest': -1 is out of range (write a whole number from 1 to 100)",
    "feed_length: 0": "'feed_length': 0 is out of range (write a whole number from 1 to 500)",
    "timezone: Mars/Olympus_Mons": "'timezone': 'Mars/Olympus_Mons' is not a time zone "
                                   "(use a name like America/New_York or UTC)",
    "copyright: {fr: Texte}": "'copyright': Pressroom has no words in 'fr'",
    "copyright: Text": "'copyright': 'Text' is not a text for each language (write it like "
                       "`copyright: {es:",
    "releases_dir: ../outside": "'releases_dir': '../outside' is outside the site (name a "
                                "folder inside the site, relative to mkdocs.yml",
}
for setting, message in BAD_SETTINGS.items():
    CASES[setting] = (
        "  - pressroom:\n", f"  - pressroom:\n      {setting}\n", PLUGIN_OPTION + message
    )
# The fixture sets topic labels: these replace them.
FIXTURE_TOPICS = re.search(r"^      topics:\n(?:        .*\n)+", (FIXTURES / "site" / "mkdocs.yml")
                           .read_text(encoding="utf-8"), re.MULTILINE).group(0)
BAD_TOPICS = {
    "topics: [foia]": "'topics': ['foia'] is not a list of topics and labels (map each topic "
                      "to its label, like `foia: FOIA`",
    "topics: {foia: {fr: FOIA}}": "'topics': foia: 'fr' is not a language Pressroom has words "
                                  "for",
}
for setting, message in BAD_TOPICS.items():
    CASES[setting] = (FIXTURE_TOPICS, f"      {setting}\n", PLUGIN_OPTION + message)
# The fixture makes its search index's parts small: this replaces that.
CASES["search_part_characters: 500"] = (
    "      search_part_characters: 6000\n", "      search_part_characters: 500\n",
    PLUGIN_OPTION + "'search_part_characters': 500 is out of range (write a whole number from "
    "1000 to 50000000)")


@pytest.mark.parametrize("case", list(CASES))
def test_config_mistake_stops_the_build(fixture_site: Path, case: str) -> None:
    old, new, message = CASES[case]
    edit_config(fixture_site, old, new)
    build = run_build(fixture_site)
    assert not build.ok
    assert message in build.log, build.log


def test_material_search_instead_of_pressroom_search(fixture_site: Path) -> None:
    with_material = "  - search\n  - pressroom:\n      search: false\n"
    edit_config(fixture_site, "  - pressroom:\n", with_material)
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    assert not (build.out / "search" / "index.html").exists()
    # Material's own index, and its search box on every page.
    assert (build.out / "search" / "search_index.json").is_file()
    assert build.page("press/").xpath('//form[@name="search"]')


# --- the rules themselves, in the core, and the `pressroom` command that applies them too ----


@pytest.mark.parametrize("value", [1, 50, 1000])
def test_page_size_within_range(value: int) -> None:
    assert settings.PAGE_SIZE.problem(value) is None


@pytest.mark.parametrize("value", [0, -1, 1001, "ten", 2.5, True, None])
def test_page_size_out_of_range_or_not_a_number(value: object) -> None:
    assert settings.PAGE_SIZE.problem(value) is not None


@pytest.mark.parametrize("value", ["press_releases", "content/releases", "./releases"])
def test_releases_folder_inside_the_site(value: str) -> None:
    assert settings.releases_folder(value) == value


@pytest.mark.parametrize("value", ["../outside", "releases/../../x", "/srv/releases",
                                   "C:\\\\releases", "..\\\\outside", "", "."])
def test_releases_folder_outside_the_site(value: str) -> None:
    with pytest.raises(ContentErrors) as raised:
        settings.releases_folder(value)
    (error,) = raised.value.errors
    assert (error.file, error.field) == ("mkdocs.yml", "plugins.pressroom.releases_dir")


@pytest.mark.parametrize(("setting", "message"), [
    ("timezone: Mars/Olympus_Mons",
     "mkdocs.yml: plugins.pressroom.timezone: 'Mars/Olympus_Mons' is not a time zone"),
    ("releases_dir: ../outside",
     "mkdocs.yml: plugins.pressroom.releases_dir: '../outside' is outside the site"),
])
@pytest.mark.parametrize("command", ["check", "status", "new"])
def test_the_command_refuses_what_the_build_refuses(
    fixture_site: Path, capsys: pytest.CaptureFixture[str], command: str, setting: str,
    message: str,
) -> None:
    edit_config(fixture_site, "  - pressroom:\n", f"  - pressroom:\n      {setting}\n")
    code, out, err = run_command(capsys, command, "--root", str(fixture_site),
                                 *(["A headline", "--partners", "data-justice"] if command == "new"
                                   else []))
    assert code == 1, (out, err)
    assert message in err
    assert "Traceback" not in err
    assert not (fixture_site.parent / "outside").exists()
