"""Previews for journalists in a build: which pages, and the encrypted article each carries.

The article is the held-back release's own page, rendered by the theme as it will be at the
lift (its EMBARGOED UNTIL banner included), cut out of that page, its links made to work
from the preview's address, and the images only it uses (withheld from the build) inlined.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from jinja2 import Environment
from lxml import html as lxml_html
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from pressroom.core.content.newsroom import Newsroom, Release
from pressroom.core.errors import ContentError, ContentErrors
from pressroom.core.loading.sealed import required
from pressroom.core.outputs import previews
from pressroom.core.outputs.previews import Kind, PreviewKeys
from pressroom.core.publishing.rules import Clock

TEMPLATES = {Kind.PREVIEW: "pressroom/preview.html", Kind.MOVED: "pressroom/preview-moved.html"}
SCRIPT = "assets/pressroom/preview.js"


@dataclass
class Planned:
    release: Release
    keys: PreviewKeys
    kind: Kind
    sealed: previews.Sealed | None = None  # the ciphertext, once the article is rendered


def plan(
    newsroom: Newsroom, clock: Clock, environ: Mapping[str, str] = os.environ,
) -> tuple[dict[str, Planned], str | None]:
    """The preview pages by their place among the site's files, and a line for the log."""
    wanted = [(r, kind) for r in newsroom.releases if (kind := previews.kind(r, clock))]
    secret = previews.secret(environ)
    if secret is None:
        if required(environ):
            errors = previews.missing_secret(newsroom.releases)
            if errors:
                raise ContentErrors(errors)
        count = len(wanted)
        note = (f"{count} release{'s' if count != 1 else ''} with `preview: true`, and no "
                f"{previews.SECRET_VARIABLE}: no previews built") if count else None
        return {}, note
    planned = {}
    for release, kind in wanted:
        keys = previews.keys(secret, release.url)
        planned[f"{previews.FOLDER}/{keys.token}.md"] = Planned(release, keys, kind)
    return planned, None


def add_pages(files: Files, config: MkDocsConfig, planned: dict[str, Planned]) -> None:
    clashes = [ContentError(f"docs/{src_uri}", 1, "file name", "is where Pressroom writes a "
                            "preview page", "move or rename the file")
               for src_uri in planned if files.get_file_from_path(src_uri) is not None]
    if clashes:
        raise ContentErrors(clashes)
    for src_uri in planned:
        files.append(File.generated(config, src_uri, content="",
                                    inclusion=InclusionLevel.NOT_IN_NAV))


def page_meta(meta: dict[str, Any], planned: Planned, title: str) -> None:
    """A title that names nothing, the template, and out of every index."""
    meta["title"] = title
    meta["template"] = TEMPLATES[planned.kind]
    meta["search"] = {"exclude": True}
    meta["pressroom_unlisted"] = True  # the sitemap leaves it out


def seal_articles(
    planned: dict[str, Planned], files: Files, config: MkDocsConfig, env: Environment,
    navs: Mapping[str, Any], withheld: set[str], page_context: Callable[..., dict[str, Any]],
) -> None:
    """Render each held-back release's page, and encrypt its article for its preview.

    `page_context` is Pressroom's own event, not every plugin's: a plugin that sees a page's
    context may keep it (Material's search adds it to its index), and this page is secret."""
    doc_files = files.documentation_pages()
    for src_uri, entry in planned.items():
        if entry.kind is not Kind.PREVIEW:
            continue
        release_page = files.get_file_from_path(entry.release.src_uri).page
        preview_url = files.get_file_from_path(src_uri).url
        nav = navs[entry.release.lang]
        config._current_page = release_page
        try:
            context = get_context(nav, doc_files, config, release_page)
            context = page_context(context, page=release_page, config=config, nav=nav)
            output = env.get_template(release_page.meta["template"]).render(context)
        finally:
            config._current_page = None
        article = _article(output, release_page.url, preview_url, files, withheld)
        entry.sealed = previews.encrypt(article, entry.keys)


def _article(output: str, page_url: str, preview_url: str, files: Files,
             withheld: set[str]) -> str:
    root = lxml_html.fromstring(output)
    found = root.find_class("pressroom-release")
    if not found:
        raise ContentErrors([ContentError(
            "overrides/", 0, "template", "the release template has no "
            "<article class=\"pressroom-release\">, which a preview shows",
            "keep that class on the release's article in your override",
        )])
    article = found[0]
    base = "/" + page_url
    for element in article.iter():
        for name in ("href", "src"):
            value = element.get(name)
            if not value:
                continue
            parts = urlsplit(value.strip())
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = unquote(urljoin(base, parts.path)).lstrip("/")
            if name == "src" and target in withheld:
                element.set(name, _data_uri(files.get_file_from_path(target)))
                continue
            moved = get_relative_url(target, preview_url)
            element.set(name, moved + (f"#{parts.fragment}" if parts.fragment else ""))
        if element.get("srcset"):
            del element.attrib["srcset"]  # the src, rewritten above, is enough for a preview
    return lxml_html.tostring(article, encoding="unicode", with_tail=False)


def _data_uri(file: File | None) -> str:
    """An image only this release uses: withheld from the build, so carried inside it."""
    if file is None:
        return ""
    data = file.content_bytes
    kind = mimetypes.guess_type(file.src_uri)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
