"""Every link on every page reaches a file the build wrote.

Navigation, headers and listing cards are rendered once and shared between pages (see
scripts/pressroom/chrome.py), so a wrongly shared piece would show here as a link that
resolves from one page but not from another.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html
from sitebuild import Build

LINKED = {"a": "href", "link": "href", "script": "src", "img": "src"}
NOT_FILES = {"canonical", "alternate"}  # absolute by design, or feeds checked elsewhere


def local_targets(build: Build) -> list[tuple[str, str]]:
    """(page, link) for every relative link in the site's HTML."""
    found = []
    for path in sorted(build.out.rglob("*.html")):
        page = path.relative_to(build.out).as_posix()
        tree = lxml_html.fromstring(path.read_bytes())
        for tag, attribute in LINKED.items():
            for element in tree.iter(tag):
                target = element.get(attribute)
                if not target or NOT_FILES & set((element.get("rel") or "").split()):
                    continue
                parts = urlsplit(target)
                if parts.scheme or parts.netloc or not parts.path:
                    continue  # other sites, mailto:, tel:, or an anchor on the same page
                found.append((page, unquote(parts.path)))
    return found


def test_every_relative_link_reaches_a_built_file(built_fixture: Build) -> None:
    links = local_targets(built_fixture)
    assert len(links) > 1000
    broken = []
    for page, target in links:
        # 404.html links from the site's root (the fixture's site_url has no path): it is
        # served at any depth.
        base = "" if target.startswith("/") else posixpath.dirname(page)
        resolved = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
        path = built_fixture.out / resolved
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            broken.append(f"{page}: {target}")
    assert broken == [], "\n".join(broken[:20])
