"""Drafts and embargoes leave no trace in any built file until they are published."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import Build, in_search_index, readable_bytes, run_build

DRAFT_MARKER = "Quetzalmarker-draft-51f0"
EMBARGO_MARKER = "Quetzalmarker-embargo-9c2e"
BEFORE = "2029-12-31T23:59:00-05:00"
LIFTED = "2030-01-01T09:00:00-05:00"

DRAFT = f"""---
title: Draft statement {DRAFT_MARKER}
date: 2026-11-20
partners: [data-justice]
topics: [{DRAFT_MARKER.lower()}]
draft: true
---
Not ready: {DRAFT_MARKER} must never be seen.
"""

EMBARGOED = f"""---
title: Embargoed report {EMBARGO_MARKER}
embargo: {LIFTED}
location: Chicago
partners: [border-rights-network]
campaign: detention-transparency
topics: [detention, {EMBARGO_MARKER.lower()}]
---
Under embargo: {EMBARGO_MARKER} goes out at nine in Chicago.
"""


def add_held_releases(site: Path) -> None:
    releases = site / "press_releases"
    (releases / "2026-11-20-draft-statement.md").write_text(DRAFT, encoding="utf-8")
    (releases / "2030-01-01-embargoed-report.md").write_text(EMBARGOED, encoding="utf-8")


def files_containing(build: Build, marker: str) -> list[str]:
    found = []
    for path in sorted(build.out.rglob("*")):
        if path.is_file() and marker.lower().encode() in readable_bytes(path).lower():
            found.append(path.relative_to(build.out).as_posix())
    return found


@pytest.fixture
def held_site(fixture_site: Path) -> Path:
    add_held_releases(fixture_site)
    return fixture_site


def test_draft_and_embargo_leave_no_trace_before_the_embargo(held_site: Path) -> None:
    build = run_build(held_site, "--strict", env={"PRESSROOM_NOW": BEFORE})
    assert build.ok, build.log
    kinds = {path.suffix for path in build.out.rglob("*") if path.is_file()}
    # The grep covers every kind of file the site writes, the search index included.
    assert {".html", ".xml", ".json", ".gz", ".pf_fragment", ".pf_index", ".pf_meta"} <= kinds
    assert files_containing(build, DRAFT_MARKER) == []
    assert files_containing(build, EMBARGO_MARKER) == []
    # Held back, but never silently: the build log says so and when the next one goes out.
    assert ("pressroom: 8 releases published (and 3 in Spanish); 1 draft and 1 embargoed left out "
            "(see `pressroom status`); the next embargo lifts at 2030-01-01T09:00-05:00"
            ) in build.log
    assert not (build.out / "press" / "2030").exists()
    assert not (build.out / "press" / "2026" / "draft-statement").exists()


def test_embargoed_release_appears_everywhere_once_lifted(held_site: Path) -> None:
    build = run_build(held_site, "--strict", env={"PRESSROOM_NOW": LIFTED})
    assert build.ok, build.log
    found = set(files_containing(build, EMBARGO_MARKER))
    expected = {
        "press/2030/embargoed-report/index.html",
        "press/index.html",
        "press/2030/index.html",
        "index.html",
        "partners/border-rights-network/index.html",
        "campaigns/detention-transparency/index.html",
        "press/feed.xml",
        "press/atom.xml",
        "press/feed.json",
        "partners/border-rights-network/feed.xml",
        "campaigns/detention-transparency/feed.json",
        "press/releases.json",
    }
    assert expected <= found
    assert any(in_search_index(path) for path in found), found
    assert "press/2030/embargoed-report/" in build.text("sitemap.xml")
    page = build.page("press/2030/embargoed-report/")
    assert page.xpath("string(//*[@class='pressroom-release__line'])") == "FOR IMMEDIATE RELEASE"
    # `date` defaults to the embargo's local date.
    assert page.xpath("//time/@datetime")[0] == "2030-01-01"
    assert files_containing(build, DRAFT_MARKER) == []


def test_release_without_offset_is_refused(fixture_site: Path) -> None:
    release = fixture_site / "press_releases" / "2030-01-01-ambiguous.md"
    release.write_text(
        "---\ntitle: Ambiguous\nembargo: 2030-01-01T09:00:00\npartners: [data-justice]\n---\nX\n",
        encoding="utf-8",
    )
    build = run_build(fixture_site)
    assert not build.ok
    assert "press_releases/2030-01-01-ambiguous.md:3: embargo:" in build.log
    assert "no UTC offset" in build.log and "2026-12-01T09:00:00-05:00" in build.log


@pytest.mark.parametrize("value", ["tomorrow", "2030-01-01T09:00:00"])
def test_bad_clock_is_refused(fixture_site: Path, value: str) -> None:
    build = run_build(fixture_site, env={"PRESSROOM_NOW": value})
    assert not build.ok
    assert "PRESSROOM_NOW" in build.log and repr(value) in build.log


def test_status_lists_states_and_next_lift(held_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", "status", "--root", str(held_site)],
        capture_output=True, text=True, env={"PRESSROOM_NOW": BEFORE, "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    draft = next(line for line in lines if "2026-11-20-draft-statement.md" in line)
    held = next(line for line in lines if "2030-01-01-embargoed-report.md" in line)
    assert draft.split()[0] == "draft"
    assert "embargoed until 2030-01-01T09:00-05:00" in held
    assert sum(line.lstrip().startswith("published") for line in lines) == 8 + 3  # 3 Spanish
    assert lines[-1].startswith("Next embargo lifts at 2030-01-01T09:00-05:00")


def test_serve_previews_drafts_and_embargoes_with_banners(held_site: Path) -> None:
    from sitebuild import Serving

    with Serving(held_site, env={"PRESSROOM_NOW": BEFORE}) as server:
        status, draft = server.get("press/2026/draft-statement/")
        assert status == 200 and "DRAFT — not published" in draft
        status, held = server.get("press/2030/embargoed-report/")
        assert status == 200
        assert "EMBARGOED UNTIL January 1, 2030, 09:00 UTC-05:00" in held
        assert "FOR IMMEDIATE RELEASE" not in held
        _, index = server.get("press/")
        assert "DRAFT — not published" in index and "EMBARGOED UNTIL" in index
