"""`mkdocs serve --dirty` rebuilds only what changed, and every page still tells the truth."""

from __future__ import annotations

from pathlib import Path

from sitebuild import Serving, wait_for

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
