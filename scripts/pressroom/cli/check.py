"""`pressroom check`: the build's validation, without building the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pressroom.cli.project import Site
from pressroom.core.content.newsroom import Newsroom
from pressroom.core.errors import ContentError, ContentErrors
from pressroom.core.loading.load import load_newsroom
from pressroom.core.loading.sealed import SealedReleases, open_sealed_releases
from pressroom.core.publishing.rules import build_clock


@dataclass(frozen=True)
class CheckResult:
    errors: list[ContentError]
    newsroom: Newsroom | None
    sealed: SealedReleases = field(default_factory=SealedReleases)


def check_site(site: Site, paths: list[Path] | None = None) -> CheckResult:
    """Validate all content; with `paths`, report only problems in those files or folders.

    Everything is always read, because a release is only valid together with the partner
    and campaign pages it names.
    """
    try:
        clock = build_clock(zone=site.timezone)
        sealed = open_sealed_releases(site.root, site.releases_dir)
        newsroom = load_newsroom(site.root, site.releases_dir, site.docs_dir, clock=clock,
                                 languages=site.languages, sealed=sealed)
    except ContentErrors as problems:
        errors = problems.errors
        if paths:
            wanted = [path.resolve() for path in paths]
            errors = [error for error in errors if _within(site.root / error.file, wanted)]
        return CheckResult(errors, None)
    return CheckResult([], newsroom, sealed)


def _within(file: Path, wanted: list[Path]) -> bool:
    file = file.resolve()
    return any(file == path or path in file.parents for path in wanted)
