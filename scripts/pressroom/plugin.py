"""The MkDocs adapter: wires MkDocs events to the core, and holds no rules of its own."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from pressroom.body import with_dateline
from pressroom.config import PressroomConfig
from pressroom.content import Newsroom
from pressroom.errors import ContentErrors
from pressroom.load import load_newsroom
from pressroom.pages import GeneratedPage, listing_pages
from pressroom.publish import build_clock
from pressroom.views import Catalogue, Rendered

log = get_plugin_logger(__name__)

PACKAGE_DIR = Path(__file__).parent
STYLESHEET = "assets/pressroom/pressroom.css"


@dataclass(frozen=True)
class _Role:
    """What a page is to Pressroom: a release, a partner, a campaign, a listing or home."""

    kind: str
    key: Any = None


class PressroomPlugin(BasePlugin[PressroomConfig]):
    def __init__(self) -> None:
        self.preview = False
        self.roles: dict[str, _Role] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` previews drafts and embargoed releases; builds never show them.
        self.preview = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # After the site's own overrides, so a coalition can restyle any Pressroom page.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(PACKAGE_DIR / "templates"))
        config.extra_css.append(STYLESHEET)
        self.root = Path(config.config_file_path).parent
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        newsroom = self._load(config)
        self.rendered = Rendered()
        self.catalogue = Catalogue(
            newsroom, self._clock(), preview=self.preview, rendered=self.rendered
        )
        self.roles = {"index.md": _Role("home")}
        for partner_id in newsroom.partners:
            self._claim(files, f"partners/{partner_id}.md", _Role("partner", partner_id))
        for campaign_id in newsroom.campaigns:
            self._claim(files, f"campaigns/{campaign_id}.md", _Role("campaign", campaign_id))
        for release in self.catalogue.releases:
            files.append(File.generated(
                config, release.src_uri, abs_src_path=release.document.path.as_posix(),
                inclusion=InclusionLevel.NOT_IN_NAV,
            ))
            self.roles[release.src_uri] = _Role("release", release)
        existing = {file.src_uri for file in files}
        for page in listing_pages(self.catalogue, existing):
            files.append(File.generated(config, page.src_uri, content="",
                                        inclusion=_inclusion(page, config)))
            self.roles[page.src_uri] = _Role("listing", page)
        files.append(File.generated(
            config, STYLESHEET, abs_src_path=str(PACKAGE_DIR / "assets" / "pressroom.css")
        ))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        role = self.roles.get(page.file.src_uri)
        for key in ("title", "description"):
            # Material prints these unescaped; front matter is text, never markup.
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key])
        if role is None:
            return markdown
        if role.kind == "release":
            page.meta = {"title": html.escape(role.key.title),
                         "template": "pressroom/release.html"}
            return role.key.body
        if role.kind == "listing":
            page.meta = {"title": html.escape(role.key.title), "template": role.key.template,
                         "search": {"exclude": True}}
            return markdown
        if role.kind == "partner":
            page.meta["title"] = html.escape(self.catalogue.newsroom.partners[role.key].name)
        page.meta.setdefault("template", f"pressroom/{role.kind}.html")
        return markdown

    def on_page_content(self, html_body: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        role = self.roles.get(page.file.src_uri)
        if role is not None and role.kind == "partner":
            self.rendered.boilerplate_html[role.key] = html_body
        if role is None or role.kind != "release":
            return html_body
        self.rendered.release_html[role.key.url] = html_body
        return with_dateline(html_body, role.key.front.location)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        role = self.roles.get(page.file.src_uri)
        if role is not None:
            context["pressroom"] = self._view(role)
        return context

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        server.watch(str(self.root / self.config.releases_dir))
        return server

    def _load(self, config: MkDocsConfig) -> Newsroom:
        try:
            return load_newsroom(
                self.root, self.root / self.config.releases_dir, Path(config.docs_dir)
            )
        except ContentErrors as problems:
            raise PluginError(problems.report()) from None

    def _clock(self) -> datetime.datetime:
        try:
            return build_clock()
        except ContentErrors as problems:
            raise PluginError(problems.report()) from None

    def _claim(self, files: Files, src_uri: str, role: _Role) -> None:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            # Reached through the directory pages, so they need no place in the nav.
            if file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV
            self.roles[src_uri] = role

    def _view(self, role: _Role) -> object:
        catalogue = self.catalogue
        if role.kind == "release":
            return catalogue.release_page(role.key)
        if role.kind == "listing":
            return role.key.view()
        if role.kind == "partner":
            return catalogue.partner_page(role.key)
        if role.kind == "campaign":
            return catalogue.campaign_page(role.key)
        return catalogue.home(self.config.latest)


def _inclusion(page: GeneratedPage, config: MkDocsConfig) -> InclusionLevel:
    # The archive's index pages are usually in the nav; year and topic pages never are.
    in_nav = page.src_uri.count("/") <= 1
    return InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
