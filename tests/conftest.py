"""Fixtures shared by every test: fixture sites copied to temporary folders and built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitebuild import (
    FIXTURE_CLOCK,
    FIXTURE_LANGUAGES,
    FIXTURES,
    Build,
    copy_shipped,
    copy_site,
    run_build,
)

from pressroom.core.content.newsroom import Newsroom
from pressroom.core.loading.load import load_newsroom
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.models import Rendered

# `CI` makes Pressroom leave held-back values out of its messages. Tests see what a staff
# member sees on their own computer, wherever they run, unless a test sets `CI` itself.
os.environ.pop("CI", None)


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    """A fresh, writable copy of tests/fixtures/site for tests that change content."""
    return copy_site(FIXTURES / "site", tmp_path / "site")


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture newsroom, built once with --strict for read-only assertions."""
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("fixture") / "site")
    build = run_build(site, "--strict")
    assert build.ok, build.log
    return build


@pytest.fixture(scope="session")
def built_shipped(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site (the seed release), built once with --strict."""
    build = run_build(copy_shipped(tmp_path_factory.mktemp("shipped") / "site"), "--strict")
    assert build.ok, build.log
    return build



@pytest.fixture(scope="module")
def newsroom() -> Newsroom:
    """The fixture newsroom, loaded in this process as of FIXTURE_CLOCK."""
    site = FIXTURES / "site"
    return load_newsroom(site, site / "press_releases", site / "docs", clock=FIXTURE_CLOCK,
                         languages=FIXTURE_LANGUAGES)


@pytest.fixture(scope="module")
def catalogue(newsroom: Newsroom) -> Catalogue:
    """What a build of it shows in English, three releases a listing page."""
    return Catalogue(newsroom, FIXTURE_CLOCK, preview=False, rendered=Rendered(), page_size=3)
