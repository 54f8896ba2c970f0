"""ProperDocs, the continuation of MkDocs 1.x, builds the same sites as MkDocs, page for page."""

from __future__ import annotations

import gzip
from importlib.metadata import version
from pathlib import Path

import pytest
from sitebuild import FIXTURES, Build, Serving, copy_shipped, copy_site, run_build, run_command

# `properdocs build --strict`, as the README says (tests/test_readme.py holds it to this).
BUILD_OPTIONS = ("--strict",)

MATERIAL = version("mkdocs-material")
# The one line the engines are meant to write differently: Material names the engine.
GENERATOR = {
    "mkdocs": f'<meta name="generator" content="mkdocs-{version("mkdocs")}, '
              f'mkdocs-material-{MATERIAL}">',
    "properdocs": f'<meta name="generator" content="mkdocs-ProperDocs {version("properdocs")}, '
                  f'mkdocs-material-{MATERIAL}">',
}


@pytest.fixture(scope="module")
def properdocs_shipped(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(copy_shipped(tmp_path_factory.mktemp("properdocs-shipped") / "site"),
                      *BUILD_OPTIONS, engine="properdocs")
    assert build.ok, build.log
    return build


@pytest.fixture(scope="module")
def properdocs_fixture(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("properdocs-fixture") / "site")
    build = run_build(site, *BUILD_OPTIONS, engine="properdocs")
    assert build.ok, build.log
    return build


def built_files(build: Build, engine: str) -> dict[str, bytes]:
    """Every file of a build by its path, with the engine's generator tag made neutral."""
    files = {}
    for path in sorted(build.out.rglob("*")):
        if not path.is_file():
            continue
        content = path.read_bytes()
        if path.suffix == ".gz":
            content = gzip.decompress(content)  # the gzip header holds the time of writing
        if path.suffix == ".html":
            content = content.replace(GENERATOR[engine].encode(), b"<generator>")
        files[path.relative_to(build.out).as_posix()] = content
    return files


def assert_same_site(mkdocs: Build, properdocs: Build) -> None:
    ours, theirs = built_files(mkdocs, "mkdocs"), built_files(properdocs, "properdocs")
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == [], f"{len(differing)} files differ, first: {differing[:5]}"
    # The tag was there to neutralise: the comparison hid nothing else.
    assert b"<generator>" in ours["index.html"] and b"<generator>" in theirs["index.html"]


def test_shipped_site_builds_the_same_with_properdocs(
    built_shipped: Build, properdocs_shipped: Build
) -> None:
    assert_same_site(built_shipped, properdocs_shipped)


def test_fixture_site_builds_the_same_with_properdocs(
    built_fixture: Build, properdocs_fixture: Build
) -> None:
    assert_same_site(built_fixture, properdocs_fixture)


def test_broken_link_under_properdocs_names_the_release_file(fixture_site: Path) -> None:
    # ProperDocs logs link warnings under its own name; Pressroom still names the file.
    release = fixture_site / "press_releases" / "2025-04-01-broken-link.md"
    release.write_text(
        "---\ntitle: Broken link\ndate: 2025-04-01\npartners: [data-justice]\n---\n"
        "See [the report](missing-report.md).\n",
        encoding="utf-8",
    )
    build = run_build(fixture_site, "--strict", engine="properdocs")
    assert not build.ok
    assert ("Doc file 'press_releases/2025-04-01-broken-link.md' contains a link "
            "'missing-report.md'") in build.log, build.log
    assert "press/2025/broken-link.md" not in build.log  # never the generated path


def test_properdocs_serve_previews_drafts(fixture_site: Path) -> None:
    # Pressroom knows a preview by the command ProperDocs reports, as under MkDocs.
    draft = fixture_site / "press_releases" / "2025-04-02-draft-note.md"
    draft.write_text(
        "---\ntitle: Draft note\ndate: 2025-04-02\npartners: [data-justice]\ndraft: true\n"
        "---\nNot ready.\n",
        encoding="utf-8",
    )
    with Serving(fixture_site, engine="properdocs") as server:
        status, page = server.get("press/2025/draft-note/")
    assert status == 200 and "DRAFT — not published" in page


def test_the_command_reads_properdocs_yml_and_refuses_two_settings_files(
    fixture_site: Path, capsys,
) -> None:
    (fixture_site / "mkdocs.yml").rename(fixture_site / "properdocs.yml")
    settings = fixture_site / "properdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "- pressroom:\n", "- pressroom:\n      releases_dir: ../elsewhere\n", 1), encoding="utf-8")
    code, _out, err = run_command(capsys, "check", "--root", str(fixture_site))
    assert code == 1 and "releases_dir" in err  # its settings are the ones read
    (fixture_site / "mkdocs.yml").write_text("site_name: Other\n", encoding="utf-8")
    code, _out, err = run_command(capsys, "check", "--root", str(fixture_site))
    assert code == 2 and "both properdocs.yml and mkdocs.yml" in err
