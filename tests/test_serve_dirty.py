"""`mkdocs serve --dirty` rebuilds only what changed, and every page still tells the truth."""

from __future__ import annotations

from pathlib import Path

from sitebuild import Build, Serving, run_build, wait_for

EDITED = "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.md"
EDITED_URL = "press/2023/coalition-sues-dhs-drone-surveillance-records/"
MARKER = "Kestrelmarker"


def edit_release(site: Path) -> None:
    path = site / EDITED
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: ", f"title: {MARKER} ", 1)
    path.write_text(text, encoding="utf-8")


def test_dirty_serve_keeps_listings_feeds_and_boilerplates_whole(fixture_site: Path) -> None:
    with Serving(fixture_site, None, "--dirty") as server:
        edit_release(fixture_site)
        assert wait_for(lambda: MARKER in server.get(EDITED_URL)[1], timeout=60), server.base
        _, release = server.get(EDITED_URL)
        # Its "About" boxes come from partner pages that were not rebuilt.
        assert "Data Justice Alliance is a" in release
        # Listings show the new headline and keep every other release's summary.
        _, press = server.get("press/")
        assert MARKER in press and "Zanzibarite" in press
        _, partner = server.get("partners/data-justice/")
        assert MARKER in partner
        _, campaign = server.get("campaigns/stop-face-surveillance/")
        assert MARKER in campaign
        _, home = server.get("")
        assert MARKER in home
        # Feeds carry the full body of releases that were not rebuilt.
        _, feed = server.get("press/feed.xml")
        assert MARKER in feed and "Zanzibarite" in feed
        _, sitemap = server.get("sitemap.xml")
        assert "<lastmod>2019-09-25</lastmod>" in sitemap


def built_files(build: Build) -> dict[Path, bytes]:
    return {path.relative_to(build.out): path.read_bytes()
            for path in build.out.rglob("*") if path.is_file()}


def test_dirty_build_in_a_fresh_process_matches_a_full_build(fixture_site: Path) -> None:
    # A fresh `mkdocs build --dirty` holds none of the releases' HTML that listings, feeds
    # and search are made from: it must render them all again rather than publish gaps.
    original = (fixture_site / EDITED).read_text(encoding="utf-8")
    full = run_build(fixture_site)
    assert full.ok, full.log
    expected = built_files(full)
    edit_release(fixture_site)
    edited = run_build(fixture_site)
    assert edited.ok, edited.log
    assert built_files(edited) != expected
    # The original text again, built --dirty over the edited build's output.
    (fixture_site / EDITED).write_text(original, encoding="utf-8")
    dirty = run_build(fixture_site, "--dirty")
    assert dirty.ok, dirty.log
    found = built_files(dirty)
    assert sorted(str(p) for p in expected.keys() | found.keys()
                  if expected.get(p) != found.get(p)) == []
