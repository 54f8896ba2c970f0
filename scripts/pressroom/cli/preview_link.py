"""`pressroom preview-link`: the link that lets a journalist read a release before its lift."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pressroom.cli.check import check_site
from pressroom.cli.project import Site, _read_config, config_file
from pressroom.core.content.languages import prefix
from pressroom.core.content.newsroom import Release
from pressroom.core.errors import ContentErrors, UsageError
from pressroom.core.outputs import previews
from pressroom.core.outputs.feeds import absolute
from pressroom.core.publishing.rules import build_clock


def preview_link(site: Site, file: Path, environ: Mapping[str, str] = os.environ) -> str:
    secret = previews.secret(environ)
    if secret is None:
        raise UsageError(f"set {previews.SECRET_VARIABLE} to the secret the build uses (the "
                         "Actions secret of the same name) to make a preview link")
    result = check_site(site)
    if result.newsroom is None:
        raise ContentErrors(result.errors)
    release = _release(site, result.newsroom.releases, file)
    site_url = str(_read_config(config_file(site.root)).get("site_url") or "")
    if not site_url:
        raise UsageError("mkdocs.yml has no site_url: a link needs the site's full address")
    kind = previews.kind(release, build_clock(environ, zone=site.timezone))
    if not release.front.preview:
        raise UsageError(f"{file} has no `preview: true` in its front matter (add it, and "
                         "let the site build, to make a preview for journalists)")
    if kind is None:
        raise UsageError(f"{file} is a draft: it has no preview until `draft: true` is removed")
    if kind is previews.Kind.MOVED:
        raise UsageError(f"{file} is already public: send its address, "
                         f"{absolute(site_url, release.url)} (links already sent lead there)")
    return previews.link(site_url, previews.keys(secret, release.url))


def _release(site: Site, releases: tuple[Release, ...], file: Path) -> Release:
    """The release by its file name: a sealed release's file is inside its sealed file."""
    for release in releases:
        suffix = f".{release.lang}" if prefix(release.lang, site.languages) else ""
        if f"{release.key}{suffix}.md" == file.name:
            return release
    raise UsageError(f"no such release: {file} (give its file, such as "
                     "press_releases/2026-12-01-our-news.md)")
