"""Under `serve --dirty`, a save makes again only the listings, feeds and texts it changes,
and after any series of saves the site is the one a full build makes (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
EDITED = "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.md"
MARKER = "Kestrelmarker"
# Pressroom's own outputs; the rest is MkDocs' business.
PRESSROOM_FOLDERS = ("press/", "partners/", "campaigns/", "es/press/", "es/partners/",
                     "es/campaigns/")


def serve_builds(site: Path, out: Path, *, dirty: bool,
                 edits: list[dict[str, str]]) -> list[dict[str, int]]:
    """Each build's files with their modification times (tests/serve_rebuilds.py)."""
    plan = site.parent / f"plan-{out.name}.json"
    plan.write_text(json.dumps({"site": str(site), "out": str(out), "dirty": dirty,
                                "edits": edits}), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRESSROOM_NOW": "2026-12-01T09:00:00Z"}
    result = subprocess.run([sys.executable, str(TESTS / "serve_rebuilds.py"), str(plan)],
                            cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout)


def not_search(times: dict[str, int]) -> set[str]:
    return {path for path in times if not path.startswith("pagefind/")}


def contents(out: Path) -> dict[str, bytes]:
    # Pagefind's index is rewritten whole at every save, in the background.
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*")
            if path.is_file() and not path.relative_to(out).as_posix().startswith("pagefind/")}


def test_a_save_rewrites_only_what_it_changes_and_ends_as_a_full_build(
        fixture_site: Path) -> None:
    original = (fixture_site / EDITED).read_text(encoding="utf-8")
    # A new headline and a new first paragraph: listings and feeds show both, and the
    # paragraph is known only once MkDocs has rendered the release again.
    front, body = original.split("\n---\n", 1)
    edited = (front.replace("title: ", f"title: {MARKER} ", 1)
              + f"\n---\n\nOpening words {MARKER}paragraph.\n\n" + body.lstrip("\n"))
    out = fixture_site.parent / "dirty"
    before_edit, after_edit, after_revert, after_second_edit = serve_builds(
        fixture_site, out, dirty=True, edits=[{EDITED: edited}, {EDITED: original},
                                              {EDITED: edited}])
    assert not_search(before_edit) == not_search(after_edit) == not_search(after_revert)

    rewritten = {path for path, mtime in after_second_edit.items()
                 if after_revert.get(path) != mtime}
    showing = {path for path, data in contents(out).items() if MARKER.encode() in data}
    ours = {path for path in after_second_edit
            if path.startswith(PRESSROOM_FOLDERS) or path == "index.html"}
    # Everything of Pressroom's that shows the new headline was written again...
    assert showing & ours <= rewritten
    assert {"press/index.html", "press/2023/index.html", "press/feed.xml",
            "press/2023/coalition-sues-dhs-drone-surveillance-records/release.txt",
            "index.html"} <= showing & rewritten
    # ...and the listings, feeds and texts that do not show it were left as they were.
    assert "press/2019/index.html" in ours - showing
    assert (ours - showing) & rewritten == set()

    reference = fixture_site.parent / "full"
    serve_builds(fixture_site, reference, dirty=False, edits=[])
    expected, found = contents(reference), contents(out)
    assert sorted(path for path in expected.keys() | found.keys()
                  if expected.get(path) != found.get(path)) == []
