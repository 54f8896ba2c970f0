"""A release as plain text, beside its page (`press/<year>/<slug>/release.txt`), for journalists
who paste it: the release line, date, contacts, headline, body, end mark and boilerplates, in
reading order, then the page's address. Written only from a page kept as public, so never for
a held-back release, and a function of that page alone, so every build writes the same bytes."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

import lxml.html

from pressroom.core.views.models import ReleasePage

TEXT_FILE = "release.txt"

# Elements whose text is one paragraph of the plain text; others are read inside them.
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
                     "dt", "dd", "tr", "figcaption"})


def text_path(release_url: str) -> str:
    """The text's address beside the release's page: `press/2020/foia/release.txt`."""
    folder = release_url if release_url.endswith("/") else posixpath.splitext(release_url)[0]
    return folder.rstrip("/") + "/" + TEXT_FILE


def release_text(page: ReleasePage, body_html: str, address: str) -> bytes:
    """The release as the page reads it; `address` is the page's full URL, against which the
    body's own links are written out in full."""
    card = page.card
    parts = [page.banner or page.release_line, card.date]
    if page.contacts:
        parts.append("\n".join([f"{page.contacts_label}:"] + [
            ", ".join(value for value in (c.name, c.title, c.organisation, c.email, c.phone)
                      if value)
            for c in page.contacts
        ]))
    parts.append("\n".join(filter(None, [card.title, card.subtitle])))
    parts += paragraphs(body_html, address)
    parts.append("###")
    for about in page.abouts:
        heading = about.heading
        parts.append(heading.before + heading.link.label + heading.after)
        parts += paragraphs(about.boilerplate_html, address)
    parts.append(address)
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def paragraphs(fragment_html: str, address: str) -> list[str]:
    """Each block of rendered HTML as one line of text, a link's address after its words."""
    if not fragment_html.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment_html, create_parent="div")
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        target = urljoin(address, href) if href and not href.startswith("#") else ""
        if target and target != link.text_content().strip():
            link.tail = f" ({target})" + (link.tail or "")
    found = []
    for block in root.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in block.iterancestors()):
            continue  # read as part of the block around it
        text = " ".join(block.text_content().split())
        if text:
            found.append(text)
    return found
