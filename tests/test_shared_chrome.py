"""Sharing one rendering of the chrome and the release cards changes no byte of the site.

The fixture newsroom built as usual, and again with `shared_chrome: false`, where every page
renders its navigation, header, footer and cards itself: every file must be the same.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from sitebuild import FIXTURES, Build, copy_site, run_build


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): _content(path)
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def _content(path: Path) -> bytes:
    # MkDocs stamps sitemap.xml.gz with the time of the build; what it holds must match.
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


@pytest.fixture(scope="module")
def unshared(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("unshared") / "site")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - pressroom:\n" in text
    config.write_text(
        text.replace("  - pressroom:\n", "  - pressroom:\n      shared_chrome: false\n", 1),
        encoding="utf-8",
    )
    build = run_build(site, "--strict")
    assert build.ok, build.log
    return build


def test_shared_chrome_changes_no_byte(built_fixture: Build, unshared: Build) -> None:
    shared, alone = tree(built_fixture.out), tree(unshared.out)
    assert sorted(shared) == sorted(alone)
    assert len(shared) > 50 and "press/index.html" in shared
    differing = [name for name in shared if shared[name] != alone[name]]
    assert not differing, f"files differ with the shared chrome switched off: {differing}"
