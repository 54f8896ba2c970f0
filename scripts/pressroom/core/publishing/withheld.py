"""What of a held-back page stays out of a build: the page, files only it uses, links to it.

A held-back page (a draft, embargoed or scheduled release, partner or campaign) is rendered
and checked in every build, so that what will publish at the lift is known to work now. Then
its output is withheld, with every file under docs/ that nothing public refers to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urljoin, urlsplit

from lxml import html as lxml_html

from pressroom.core.errors import ContentError

_URL_ATTRIBUTES = ("href", "src", "poster", "data")


@dataclass(frozen=True)
class RenderedPage:
    """A page of the build, by its address, with its source file and rendered body."""

    url: str  # `press/2026/slug/`, as MkDocs gives it
    source: str  # the file staff edit: `press_releases/…md` or `docs/…md`
    body_html: str
    held_back: bool


def referenced_paths(body_html: str, page_url: str) -> set[str]:
    """The site paths (`assets/x.png`, `press/2026/slug/`) a page body refers to."""
    if not body_html.strip():
        return set()
    root = lxml_html.fragment_fromstring(body_html, create_parent="div")
    found = set()
    base = "/" + page_url
    for element in root.iter():
        values = [element.get(name) for name in _URL_ATTRIBUTES]
        srcset = element.get("srcset")
        if srcset:
            values += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
        for value in values:
            if not value:
                continue
            parts = urlsplit(value.strip())
            if parts.scheme or parts.netloc or not parts.path:
                continue
            found.add(unquote(urljoin(base, parts.path)).lstrip("/"))
    return found


@dataclass(frozen=True)
class Withheld:
    files: set[str]  # site paths of files under docs/ to leave out
    errors: list[ContentError]


def withhold(
    pages: Iterable[RenderedPage], files: set[str], public_uses: set[str], held_uses: set[str],
) -> Withheld:
    """Files only held-back pages use, and public pages that would link to a held-back one.

    `files` are the site paths of the build's files under docs/; `public_uses` and
    `held_uses` are paths named outside page bodies (logos, social images, theme settings).
    """
    pages = list(pages)
    held_pages = [page for page in pages if page.held_back]
    held = set(held_uses)
    for page in held_pages:
        held |= referenced_paths(page.body_html, page.url)
    held &= files
    held_addresses = {
        address: page.source for page in held_pages
        for address in (page.url, page.url + "index.html")
    }
    if not held and not held_addresses:
        return Withheld(set(), [])  # the usual build: nothing to look for
    # Only a body that names one of those files or pages can refer to it: parsing every page
    # of a thousand-release site to find out would cost the build a second.
    names = {path.rstrip("/").rsplit("/", 1)[-1] for path in (*held, *held_addresses)}
    needles = ({*names, *map(quote, names)}) - {"", "index.html"}
    public, errors = set(public_uses), []
    for page in pages:
        if page.held_back or not any(needle in page.body_html for needle in needles):
            continue
        used = referenced_paths(page.body_html, page.url)
        public |= used
        for path in sorted(used & held_addresses.keys()):
            errors.append(ContentError(
                page.source, 1, "body", f"links to {held_addresses[path]}, which is not public yet",
                "remove the link until that page is published, or publish it first",
            ))
    return Withheld(held - public, errors)

