"""The MkDocs adapter: wires MkDocs events to the core, and holds no rules of its own."""

from __future__ import annotations

import gc
import html
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from pressroom.core.content.languages import (
    SUPPORTED,
    address,
    original_address,
    prefix,
    translation_name,
)
from pressroom.core.content.newsroom import Newsroom
from pressroom.core.errors import HIDDEN, ContentError, ContentErrors, hides_values
from pressroom.core.i18n.words import Wording
from pressroom.core.loading.load import ReadCache, load_newsroom
from pressroom.core.loading.sealed import open_sealed_releases
from pressroom.core.loading.sealed import place as place_sealed
from pressroom.core.outputs import feeds
from pressroom.core.outputs.csp import content_security_policy
from pressroom.core.outputs.feeds import page_sitemap
from pressroom.core.outputs.filter_index import INDEX_PATH, filter_index
from pressroom.core.outputs.fingerprints import Fingerprints
from pressroom.core.outputs.release_text import release_text, text_path
from pressroom.core.outputs.search_bundle import BUNDLE_FOLDER, SearchIndexer, SearchIndexError
from pressroom.core.outputs.search_index import search_documents
from pressroom.core.outputs.sharing import HeadMeta, hreflang_links
from pressroom.core.outputs.syndication import SiteSettings, site_feeds
from pressroom.core.pages import presenting
from pressroom.core.pages.dependencies import pages_to_rebuild
from pressroom.core.pages.generated import SEARCH_PAGE, generated_pages
from pressroom.core.pages.roles import (
    CampaignRole,
    HomeRole,
    ListingRole,
    PageRole,
    PartnerRole,
    ReleaseRole,
    page_roles,
    pages_to_add,
)
from pressroom.core.pages.translations import Version, switcher, translation_key, versions
from pressroom.core.publishing.rules import Clock, build_clock, is_held_back
from pressroom.core.publishing.status import build_summary
from pressroom.core.publishing.withheld import RenderedPage, withhold
from pressroom.core.views import pages as views
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.models import ReleaseCard, Rendered
from pressroom.core.views.problems import problems_page
from pressroom.mkdocs import previews
from pressroom.mkdocs.compiled_templates import CompiledTemplates
from pressroom.mkdocs.config import PressroomConfig
from pressroom.mkdocs.languages import add_untranslated, language_nav, place_translations
from pressroom.mkdocs.shared_chrome import KEY as CHROME_KEY
from pressroom.mkdocs.shared_chrome import LANGUAGE as PAGE_LANGUAGE
from pressroom.mkdocs.shared_chrome import SharedChrome, chrome_key
from pressroom.mkdocs.unchanged import set_modified, site_inputs

if TYPE_CHECKING:  # importing it loads the file watcher, which builds never use
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

PACKAGE_DIR = Path(__file__).parent
ASSETS = {
    "assets/pressroom/pressroom.css": PACKAGE_DIR / "assets" / "pressroom.css",
    "assets/pressroom/social.png": PACKAGE_DIR / "assets" / "social.png",
    "assets/pressroom/filter.js": PACKAGE_DIR / "assets" / "filter.js",
    "assets/pressroom/search.js": PACKAGE_DIR / "assets" / "search.js",
    "assets/pressroom/share.js": PACKAGE_DIR / "assets" / "share.js",
    previews.SCRIPT: PACKAGE_DIR / "assets" / "preview.js",
}


class PressroomPlugin(BasePlugin[PressroomConfig]):
    def __init__(self) -> None:
        self.preview = False
        self.dirty = False
        self.roles: dict[str, PageRole] = {}
        # Kept across `mkdocs serve` rebuilds: with --dirty, MkDocs renders only the pages
        # whose files changed, and listings and feeds still need every other release's body.
        self.rendered = Rendered()
        self.indexer: SearchIndexer | None = None
        # Under `mkdocs serve`, while the content has problems: what they are, and where
        # their page was written in place of the site's.
        self.problems: ContentErrors | None = None
        self.problem_pages: set[str] = set()
        self.page_paths: set[str] = set()
        self.stylesheets: list[str] = []
        self.read_cache: ReadCache = {}  # likewise: unchanged files are not read again
        self.shared_chrome = SharedChrome()
        self.compiled_templates = CompiledTemplates()
        # Under --dirty, what each listing, feed and sitemap was last made from, and the
        # releases whose pages this build renders: only outputs that changed are made again.
        self.fingerprints = Fingerprints(shared=(ReleaseCard,))  # on a dozen listings each
        self.rendered_now: set[str] = set()
        self.expected: set[str] | None = None  # what the last --dirty build left in site/

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` previews drafts and embargoed releases; builds never show them.
        self.preview = command == "serve"
        self.dirty = dirty
        if self.preview:
            # Each save builds millions of objects, and Python's cycle collector, run every 700
            # allocations, walks all that the preview holds: a fifth of a save's rebuild at
            # 3,000 releases. Collected less often, cycles are still freed, a little later.
            gc.set_threshold(50_000, 50, 100)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # After the site's own overrides, so a coalition can restyle any Pressroom page.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(PACKAGE_DIR / "templates"))
        config.extra_css.append("assets/pressroom/pressroom.css")
        # A newsroom's footer is the coalition's: Material's "Made with" line only if asked for.
        config.extra.setdefault("generator", False)
        self.root = Path(config.config_file_path).parent
        self.settings = _settings(config, self.config)
        if self.config.search and {"search", "material/search"} & set(config.plugins):
            raise PluginError(
                "mkdocs.yml: plugins: search: Pressroom makes the site's search itself, loaded "
                "only on the Search page (remove `- search` from plugins, or set the pressroom "
                "plugin's `search: false` to use Material's search on every page instead)"
            )
        image = self.config.default_image or "assets/pressroom/social.png"
        self.default_image = feeds.absolute(self.settings.site_url, image)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        static = Files([file for file in files if not file.is_documentation_page()])
        try:
            files = self._site_files(files, config)
        except ContentErrors as problems:
            if not self.preview:
                raise PluginError(problems.report(hides_values())) from None
            # The preview keeps answering: every address shows the problems (on_post_build).
            return self._show_problems(problems, static, config)
        if self.preview:
            self._forget_problems(config)
        return files

    def _site_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.rendered_now = set()
        clock = build_clock(zone=self.config.timezone)
        newsroom = self._load(config, clock)
        # One catalogue per language: what that language's pages show.
        wording = Wording({lang: {"release_line": line}
                           for lang, line in self.config.release_line.items()})
        self.catalogues = {
            lang: Catalogue(newsroom, clock, preview=self.preview, rendered=self.rendered,
                            page_size=self.config.page_size, lang=lang, wording=wording)
            for lang in newsroom.languages
        }
        self.catalogue = self.catalogues[newsroom.languages[0]]
        self.newsroom = newsroom  # all of it; the catalogues hold what visitors may see
        self.addresses = place_translations(files, newsroom.languages)
        self._add_untranslated(files, config)
        # Rendered and checked like the rest, then withheld (on_env): a build never shows them.
        self.held = {} if self.preview else _held_back_sources(newsroom, clock, self.addresses)
        self._add_pages(files, config)
        self._add_previews(files, config, clock)
        if self.dirty:
            self._expire_dependents(files)
        return files

    def _load(self, config: MkDocsConfig, clock: Clock) -> Newsroom:
        releases_dir, docs_dir = self.root / self.config.releases_dir, Path(config.docs_dir)
        # Decrypted in memory with the environment's key; never written to disk.
        sealed = open_sealed_releases(self.root, releases_dir)
        newsroom = load_newsroom(
            self.root, releases_dir, docs_dir,
            cache=self.read_cache if self.preview else None, clock=clock,
            languages=self.config.languages, sealed=sealed,
            topic_labels=self.config.topics,
        )
        self.sealed_docs = place_sealed(sealed, self.root, releases_dir, docs_dir).docs
        log.info(build_summary(newsroom, clock, preview=self.preview, hide_values=hides_values()))
        if sealed.summary():
            log.info(sealed.summary())
        return newsroom

    def _show_problems(self, problems: ContentErrors, kept: Files,
                       config: MkDocsConfig) -> Files:
        """Build no page at all, only the site's static files (`kept`); the problems page
        goes at every address the last good build had (on_post_build)."""
        log.warning(problems.report(hides_values()))
        self.problems = problems
        self.fingerprints.discard()  # the problems page takes the place of the site's pages
        self.expected = None
        config.nav = []  # no page, so no nav (config is read again for the next build)
        for src_uri, path in ASSETS.items():
            kept.append(File.generated(config, src_uri, abs_src_path=str(path)))
        self.stylesheets = [file.dest_uri for file in kept if file.dest_uri.endswith(".css")
                            and file.dest_uri.startswith(("assets/stylesheets/main.",
                                                          "assets/stylesheets/palette.",
                                                          "assets/pressroom/"))]
        return kept

    def _forget_problems(self, config: MkDocsConfig) -> None:
        """Content is right again: under --dirty, MkDocs renders only pages whose output is
        missing or older than their source, so the problems page must go first."""
        self.problems = None
        for path in self.problem_pages:
            (Path(config.site_dir) / path).unlink(missing_ok=True)
        self.problem_pages = set()

    def _write_problems(self, config: MkDocsConfig) -> None:
        assert self.problems is not None
        words = Wording()[self.config.languages[0]]
        view = problems_page(self.problems, words, hide_values=hides_values())
        html_page = self.env.get_template("pressroom/problems.html").render(
            page=view, lang=self.config.languages[0], site_name=config.site_name,
            root=urlsplit(config.site_url or "/").path or "/", stylesheets=self.stylesheets)
        self.problem_pages = self.page_paths | {"index.html", "404.html"}
        _write(Path(config.site_dir), dict.fromkeys(self.problem_pages, html_page.encode()))

    def _add_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Releases and listings join the site's files, as if they were pages in docs/."""
        newsroom = self.newsroom
        listings = [
            page for catalogue in self.catalogues.values()
            for page in generated_pages(catalogue, set(self.addresses), search=self.config.search)
        ]
        generated = [
            # A sealed release has no plain file: its body is in memory only.
            File.generated(config, release.src_uri, inclusion=InclusionLevel.NOT_IN_NAV,
                           content=release.body)
            if release.document.in_memory else
            File.generated(config, release.src_uri, inclusion=InclusionLevel.NOT_IN_NAV,
                           abs_src_path=release.document.path.as_posix())
            for release in newsroom.releases
        ] + [
            File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.UNDEFINED
                           if page.in_nav else InclusionLevel.NOT_IN_NAV)
            for page in listings
        ]
        _refuse_docs_at_generated_addresses(files, generated)
        for file in generated:
            files.append(file)
        self.roles = page_roles(newsroom, self.addresses, listings)
        _keep_out_of_nav(files, self.roles)
        self.sources = {release.src_uri: release.source for release in newsroom.releases}
        _SOURCE_NAMES.use({**self.sources, **self.held}, set(self.held), hides_values())
        for src_uri, path in ASSETS.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        for src_uri, data in self.sealed_docs.items():  # images sealed with a release
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=data))
        self.versions = self._versions(files)

    def _add_previews(self, files: Files, config: MkDocsConfig, clock: Clock) -> None:
        """Journalists' previews of held-back releases; `mkdocs serve` shows those as they are."""
        self.previews: dict[str, previews.Planned] = {}
        if self.preview:
            return
        with _build_errors():
            self.previews, note = previews.plan(self.newsroom, clock)
            previews.add_pages(files, config, self.previews)
        if note:
            log.info(note)

    def _add_untranslated(self, files: Files, config: MkDocsConfig) -> None:
        """Pages a language lacks show the default language's text, and the log says so."""
        added = add_untranslated(files, config, pages_to_add(self.newsroom, self.addresses))
        for place in added:
            self.addresses[place] = place
            original, lang = original_address(place, self.newsroom.languages)
            if original != "index.md":
                log.info(f"docs/{original} has no {SUPPORTED[lang].english} version "
                         f"(docs/{translation_name(original[:-3], lang, self.newsroom.languages)}"
                         "): its pages in that language show this text")

    def _versions(self, files: Files) -> dict[str, list[Version]]:
        """Each public page's versions in other languages, for hreflang and the switcher."""
        languages = self.newsroom.languages
        pages = {}
        for place, src_uri in [*self.addresses.items(),
                               *((uri, uri) for uri in self.roles if uri not in self.addresses)]:
            file = files.get_file_from_path(src_uri)
            if file is None or src_uri in self.held or not file.is_documentation_page():
                continue
            role = self.roles.get(src_uri)
            lang = role.lang if role is not None else original_address(place, languages)[1]
            pages[src_uri] = (translation_key(place, role, languages), lang, file.url)
        return versions(pages, languages)

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.problems is not None:
            return nav
        # The sitemap's lastmod: a release's date, not the day of the build. Set here, not
        # when the page renders, because `--dirty` renders only the pages that changed.
        for file in files.documentation_pages():
            role = self.roles.get(file.src_uri)
            if isinstance(role, ReleaseRole) and file.page is not None:
                file.page.update_date = role.release.date.isoformat()
        languages = self.newsroom.languages
        self.navs = {languages[0]: nav} | {
            lang: language_nav(nav, files, self.addresses, lang, languages, self._titles(lang))
            for lang in languages[1:]
        }
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        role = self.roles.get(page.file.src_uri)
        if not isinstance(role, ReleaseRole):
            return None
        # The body the loader already read and checked, so MkDocs neither reads the file nor
        # parses its front matter again. The empty front matter keeps MkDocs from taking a
        # first line such as `Washington: ...` for MultiMarkdown metadata.
        return "---\n{}\n---\n" + role.release.body

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        role = self.roles.get(page.file.src_uri)
        for key in ("title", "description"):
            # Material prints these unescaped; front matter is text, never markup.
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key])
        planned = self.previews.get(page.file.src_uri)
        if planned is not None:
            words = self.catalogues[planned.release.lang].words()
            previews.page_meta(page.meta, planned, html.escape(
                words.preview_title if planned.kind is previews.Kind.PREVIEW
                else words.preview_moved))
        hide = presenting.sidebars_to_hide(
            role, tabs="navigation.tabs" in config.theme.get("features", []),
            sections=any(item.children for item in self.navs[self._language(page)]))
        if hide:
            page.meta.setdefault("hide", hide)
        if role is None:
            return markdown
        title = presenting.title(role)
        if title is not None:
            page.meta["title"] = html.escape(title)
        page.meta.setdefault("template", presenting.template(role))
        match role:
            case ReleaseRole(release) if markdown == release.body.lstrip("\n"):
                # Unless a plugin before this one changed it, give back the loader's own
                # string: MkDocs keeps every page's Markdown, and two copies are megabytes.
                return release.body
            case ListingRole():
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html_body: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        role = self.roles.get(page.file.src_uri)
        if role is None:
            return html_body
        public = page.file.src_uri not in self.held
        body = presenting.keep_rendered(role, html_body, self.rendered, public=public)
        if isinstance(role, ReleaseRole):
            self.rendered_now.add(role.release.url)
        description = presenting.description(role, self.catalogues[role.lang], body)
        if description is not None:
            page.meta.setdefault("description", html.escape(description))
        return body

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        env.bytecode_cache = self.compiled_templates
        if self.problems is not None:
            return env
        # A template or the nav may have changed since the last build.
        self.shared_chrome.reset(share=self.config.shared_chrome)
        env.globals["pressroom_shared"] = self.shared_chrome
        env.globals["pressroom_card"] = self.shared_chrome.card
        # Every page is rendered now, and nothing is written yet: the moment to withhold.
        self._withhold(files, config)
        with _build_errors():
            previews.seal_articles(self.previews, files, config, env, self.navs,
                                   self.withheld_files, self.on_page_context)
        env.globals["pressroom_csp"] = partial(content_security_policy, live_reload=self.preview)
        if self.config.search:
            self._abandon_search()  # an earlier build of `mkdocs serve` that failed
            if not self.preview:  # the preview's starts once its pages are written
                self._start_search(config)
        if len(self.newsroom.languages) > 1:
            env.globals["pressroom_alternates"] = self._alternates
        if self.dirty:
            self._leave_unchanged_pages(files, config)
        return env

    def _start_search(self, config: MkDocsConfig) -> None:
        # Pagefind indexes in programs of its own, at a low priority, while MkDocs writes the
        # pages; in the preview, after, one part at a time, so that it never slows the page
        # that staff wait for.
        self.indexer = SearchIndexer(
            [document for catalogue in self.catalogues.values()
             for document in search_documents(catalogue, self.rendered)],
            Path(config.site_dir) / BUNDLE_FOLDER, background=self.preview,
            characters=self.config.search_part_characters)

    def _leave_unchanged_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Under --dirty, a listing, home, partner or campaign page whose template would be
        given exactly what it was given last time is not rendered again."""
        shown_everywhere = site_inputs(config, self.navs, PACKAGE_DIR / "templates")
        for file in files.documentation_pages():
            role, page = self.roles.get(file.src_uri), file.page
            if (not isinstance(role, ListingRole | HomeRole | PartnerRole | CampaignRole)
                    or page is None or not file.inclusion.is_included()):
                continue
            inputs = (shown_everywhere, page.url, page.title, page.meta, page.content,
                      sorted(self._context(page, config).items()))
            if (self.fingerprints.unchanged(file.dest_uri, *inputs)
                    and Path(file.abs_dest_path).is_file()):
                set_modified(file, False)

    def _alternates(self, src_uri: str) -> list[tuple[str, str]]:
        """A page's hreflang links: every version, itself and x-default included."""
        versions = [(v.lang, v.url) for v in self.versions.get(src_uri, [])]
        return hreflang_links(self.settings, versions)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        lang = self._language(page)
        if lang != self.newsroom.languages[0]:
            context["nav"] = self.navs[lang]
        context.update(self._context(page, config))
        return context

    def _context(self, page: Page, config: MkDocsConfig) -> dict[str, Any]:
        """What Pressroom gives a page's template, beside MkDocs' own context."""
        role = self.roles.get(page.file.src_uri)
        lang = self._language(page)
        catalogue = self.catalogues[lang]
        # The Search page's header differs from every other page's: it never shares.
        searching = page.file.src_uri == catalogue.folder + SEARCH_PAGE
        context: dict[str, Any] = {
            PAGE_LANGUAGE: lang,  # Material's strings, and <html lang>, follow it
            "pressroom_words": catalogue.words(),
            "pressroom_copyright": self.config.copyright.get(lang),  # else Material's
            CHROME_KEY: None if searching else chrome_key(
                page, self.navs[lang], config.theme.get("logo"), lang),
        }
        if role is not None:
            context["pressroom"] = presenting.view(role, catalogue, self.config.latest,
                                                   self.settings.site_url)
        planned = self.previews.get(page.file.src_uri)
        if planned is not None:
            context["pressroom_preview"] = {"sealed": planned.sealed, "url": planned.release.url,
                                            "title": planned.release.title}
        context["pressroom_head"] = self._head(role, page, config, catalogue)
        page_versions = self.versions.get(page.file.src_uri)
        context["pressroom_versions"] = page_versions or []
        if len(self.newsroom.languages) > 1:
            # Rendered outside the pieces pages share: its links are this page's own.
            context["pressroom_languages"] = switcher(lang, page_versions, self.newsroom.languages)
        if self.config.search:
            # Material's search box, which loads the index, goes on the Search page alone;
            # every other header links there.
            context["pressroom_search"] = {"url": catalogue.folder + "search/", "here": searching}
        return context

    def _titles(self, lang: str) -> dict[str, str]:
        """Titles of Pressroom's pages in `lang`, by address, for that language's nav."""
        catalogue = self.catalogues[lang]
        titles = {catalogue.folder + "index.md": catalogue.words().home}
        for src_uri, role in self.roles.items():
            if role.lang == lang and (title := presenting.title(role)) is not None:
                titles[src_uri] = title
        return titles

    def _language(self, page: Page) -> str:
        if page.file.src_uri in self.previews:
            return self.previews[page.file.src_uri].release.lang
        role = self.roles.get(page.file.src_uri)
        if role is not None:
            return role.lang
        place = address(page.file.src_uri, self.newsroom.languages)
        return original_address(place, self.newsroom.languages)[1]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.problems is not None:
            self._write_problems(config)
            return
        # Where the problems page goes, should the content go wrong under `mkdocs serve`.
        self.page_paths = {file.dest_uri for file in self.files.documentation_pages()}
        site_dir = Path(config.site_dir)
        # Material fetches sitemap.xml beside every rel=alternate link: give it the page's
        # own, in place of its section's. The home page's is the site's, with every version.
        page_sitemaps = {
            url + "sitemap.xml": page_sitemap(feeds.absolute(self.settings.site_url, url),
                                              self._alternates(src_uri))
            for src_uri in self.versions if (url := self.files.get_file_from_path(src_uri).url)
        }
        written = self._write_changed(site_dir, page_sitemaps)
        for catalogue in self.catalogues.values():
            written |= self._write_outputs(site_dir, catalogue, taken=set(page_sitemaps))
        if self.config.search and self.preview:
            self._start_search(config)
        if self.indexer is not None and self.preview:
            # The preview reloads at once; its search catches up a moment later. A newer
            # save abandons this index if it is not written by then.
            threading.Thread(target=_report_search_failure, args=(self.indexer,),
                             daemon=True).start()
        elif self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            try:
                indexer.wait()
            except SearchIndexError as error:
                raise PluginError(f"pressroom: {error}") from None
            log.info(f"search index of {indexer.pages:,} pages in {len(indexer.parts)} parts "
                     f"written in {indexer.seconds:.1f} s (Pagefind, "
                     f"{indexer.peak_bytes / 1e6:.0f} MB at most)")
        for page in self.withheld_pages:
            # MkDocs checks anchors only on the pages it writes; these must work at the lift.
            page.validate_anchor_links(files=self.files, log_level=config.validation.links.anchors)
        if self.dirty:
            # As strings: a Path for each of thousands of files costs a tenth of a second.
            expected = {os.fspath(path) for path in written} | {
                file.abs_dest_path for file in self.files if file.inclusion.is_included()}
            _remove_stale_outputs(site_dir, expected, self.newsroom.languages, self.expected)
            self.expected = expected
        self.fingerprints.commit()  # everything is written: the next build may rely on it

    def _write_outputs(self, site_dir: Path, catalogue: Catalogue, taken: set[str]) -> set[Path]:
        """One language's filter index, release texts and feeds, except the files at `taken`
        paths. Under --dirty, those whose inputs did not change are left as written; every
        path is given back either way."""
        folder = catalogue.folder
        settings = self._settings_in(catalogue)
        written = self._write_changed(site_dir, {folder + INDEX_PATH: filter_index(catalogue)})
        written |= self._write_release_texts(site_dir, catalogue)
        for feed in site_feeds(catalogue, settings, self.rendered.release_html):
            paths = [path for path in feeds.paths(feed) if path not in taken]
            # The key names the feed's four files together.
            if not (self.dirty and self.fingerprints.unchanged(f"feeds of /{feed.folder}",
                                                               feed, settings)
                    and all((site_dir / path).is_file() for path in paths)):
                # One feed at a time: all of them at once would hold tens of megabytes.
                self._write_changed(site_dir, {
                    path: data for path, data in feeds.documents(feed, settings.site_url).items()
                    if path not in taken})
            written |= {site_dir / path for path in paths}
        return written

    def _write_changed(self, site_dir: Path, outputs: dict[str, bytes]) -> set[Path]:
        """Write the outputs, except, under --dirty, those already written as they are."""
        changed = {
            path: content for path, content in outputs.items()
            if not (self.dirty and self.fingerprints.unchanged(path, content)
                    and (site_dir / path).is_file())
        }
        return _write(site_dir, changed) | {site_dir / path for path in outputs}

    def on_build_error(self, *, error: Exception) -> None:
        self._abandon_search()
        self.fingerprints.discard()
        self.expected = None  # a failed build may have left anything

    def _abandon_search(self) -> None:
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.abandon()

    def _write_release_texts(self, site_dir: Path, catalogue: Catalogue) -> set[Path]:
        """Each release the catalogue shows, as plain text beside its page; a release whose
        page was not kept as public (held back) has no rendered body here, and no text.
        The text says what the page says: it is made again when the page is rendered again."""
        site_url = self.settings.site_url
        texts: set[Path] = set()
        for release in catalogue.releases:
            body = self.rendered.release_html.get(release.url)
            if body is None:
                continue
            path = site_dir / text_path(release.url)
            texts.add(path)
            if release.url in self.rendered_now or not path.is_file():
                _write(site_dir, {text_path(release.url): release_text(
                    views.release_page(catalogue, release, site_url=site_url), body,
                    feeds.absolute(site_url, release.url))})
        return texts

    def _settings_in(self, catalogue: Catalogue) -> SiteSettings:
        return replace(self.settings, language=catalogue.lang, folder=catalogue.folder,
                       site_feeds_title=catalogue.words().site_feeds)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        from pressroom.mkdocs.watching import notice_saves_at_once  # the watcher: serve only

        server.watch(str(self.root / self.config.releases_dir))
        notice_saves_at_once(server)
        return server

    def _withhold(self, files: Files, config: MkDocsConfig) -> None:
        """Leave out of the build what is held back, and every file under docs/ only it uses."""
        self.files = files
        self.withheld_pages: list[Page] = []
        self.withheld_files: set[str] = set()
        if self.preview:
            return
        docs_dir = Path(config.docs_dir)
        docs_name = self._display(docs_dir)
        pages = [
            RenderedPage(
                file.url, self.sources.get(file.src_uri) or f"{docs_name}/{file.src_uri}",
                file.page.content or "", file.src_uri in self.held,
            )
            for file in files.documentation_pages() if file.page is not None
        ]
        docs_files = {
            file.src_uri for file in files
            if not file.is_documentation_page() and file.abs_src_path
            and Path(file.abs_src_path).is_relative_to(docs_dir)
        } | set(self.sealed_docs)
        public_uses, held_uses = self._named_files(config)
        with _build_errors():
            withheld = withhold(pages, docs_files, public_uses, held_uses)
            if withheld.errors:
                raise ContentErrors(withheld.errors)
        self.withheld_files = withheld.files
        for src_uri in [*self.held, *sorted(withheld.files)]:
            file = files.get_file_from_path(src_uri)
            if file is None:
                continue
            if file.page is not None:
                self.withheld_pages.append(file.page)
            file.inclusion = InclusionLevel.EXCLUDED
            # A `--dirty` build keeps what an earlier build wrote; a withheld page must go.
            Path(file.abs_dest_path).unlink(missing_ok=True)

    def _named_files(self, config: MkDocsConfig) -> tuple[set[str], set[str]]:
        """Files under docs/ named outside page bodies: by public pages, by held-back ones."""
        theme = config.theme
        public = {theme.get("logo") or "", theme.get("favicon") or "",
                  self.config.default_image or "",
                  *map(str, config.extra_css), *map(str, config.extra_javascript)}
        held = set()
        for release in self.newsroom.releases:
            (held if release.src_uri in self.held else public).add(release.front.image or "")
        for partner_id, partner in self.newsroom.partners.items():
            withheld = f"partners/{partner_id}.md" in self.held
            (held if withheld else public).add(partner.front.logo or "")
        return {path.lstrip("/") for path in public if path}, {path for path in held if path}

    def _display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def _expire_dependents(self, files: Files) -> None:
        """Under `--dirty`, make MkDocs render again the pages whose content changed although
        their files did not. MkDocs renders a page whose output is missing: remove it."""
        changed = {
            file.src_uri for file in files.documentation_pages()
            if isinstance(self.roles.get(file.src_uri), PartnerRole | CampaignRole)
            and file.is_modified()
        }
        rendered = set(self.rendered.release_html)
        for src_uri in pages_to_rebuild(self.roles, changed, rendered):
            file = files.get_file_from_path(src_uri)
            if file is None:
                continue
            if isinstance(self.roles[src_uri], ReleaseRole):
                Path(file.abs_dest_path).unlink(missing_ok=True)
            else:  # read again, and rendered again if what it lists changed (on_env)
                set_modified(file, True)

    def _head(self, role: PageRole | None, page: Page, config: MkDocsConfig,
              catalogue: Catalogue) -> HeadMeta:
        # Titles and descriptions in page.meta were escaped for Material above.
        published = {
            version.url for version in self.versions.get(page.file.src_uri, [])
        }
        translations = [
            r for r in self.newsroom.translations_of(role.release) if r.url in published
        ] if isinstance(role, ReleaseRole) else []
        return presenting.head(
            role, catalogue, self._settings_in(catalogue), self.default_image,
            versions=[(v.lang, v.url) for v in self.versions.get(page.file.src_uri, [])],
            translations=translations,
            title=html.unescape(page.title or config.site_name),
            description=html.unescape(
                page.meta.get("description") or config.site_description or ""
            ),
            url=page.url,
        )


def _keep_out_of_nav(files: Files, roles: dict[str, PageRole]) -> None:
    """Partner and campaign pages are reached through the directory pages: not in the nav."""
    for src_uri, role in roles.items():
        if isinstance(role, PartnerRole | CampaignRole):
            file = files.get_file_from_path(src_uri)
            if file is not None and file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV


def _settings(config: MkDocsConfig, plugin: PressroomConfig) -> SiteSettings:
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url: is not set; feeds and social cards need the site's full "
            "address (add `site_url: https://your-coalition.org/`)"
        )
    return SiteSettings(
        site_url=config.site_url,
        site_name=config.site_name,
        description=config.site_description or "",
        language=config.theme.get("language") or "en",
        timezone=plugin.timezone,
        feed_length=plugin.feed_length,
    )


def _report_search_failure(indexer: SearchIndexer) -> None:
    try:
        indexer.wait()
    except SearchIndexError as error:
        log.warning(f"pressroom: {error}")


@contextmanager
def _build_errors() -> Iterator[None]:
    """Content problems stop the build with the core's own report, strict or not."""
    try:
        yield
    except ContentErrors as problems:
        raise PluginError(problems.report(hides_values())) from None


def _held_back_sources(
    newsroom: Newsroom, clock: Clock, addresses: dict[str, str]
) -> dict[str, str]:
    """The held-back pages, by their place among the site's files, with their source files.
    A partner's or campaign's page in every language is held back with it."""
    held = {r.src_uri: r.source for r in newsroom.releases if is_held_back(r, clock)}
    for folder, pages in (("partners", newsroom.partners), ("campaigns", newsroom.campaigns)):
        for page_id, page in pages.items():
            if not is_held_back(page, clock):
                continue
            for lang in newsroom.languages:
                place = f"{prefix(lang, newsroom.languages)}{folder}/{page_id}.md"
                if place in addresses:
                    held[addresses[place]] = page.document.display_path
    return held


def _refuse_docs_at_generated_addresses(files: Files, generated: list[File]) -> None:
    """A page of docs/ where Pressroom writes one of its own would be replaced in silence."""
    generated_urls = {file.url for file in generated}
    clashes = [
        ContentError(
            f"docs/{file.src_uri}", 1, "file name",
            f"is at /{file.url}, an address Pressroom makes a page for",
            "move or rename the file; Pressroom generates that page itself",
        )
        for file in files.documentation_pages() if file.url in generated_urls
    ]
    if clashes:
        raise ContentErrors(clashes)


def _remove_stale_outputs(
    site_dir: Path, expected: set[str], languages: tuple[str, ...], previous: set[str] | None
) -> None:
    """After `--dirty`, leave nothing in Pressroom's folders that a clean build would not write:
    a release back to draft, a year or topic that lost its last release, in every language.
    `previous`: what the last build in this process expected, if any. Nothing else is there,
    so only what it had and this build has not can be stale: the folders need not be read."""
    folders = [site_dir / (prefix(lang, languages) + kind) for lang in languages
               for kind in ("press", "partners", "campaigns")]
    candidates = previous - expected if previous is not None else {
        os.fspath(path) for folder in folders for path in folder.rglob("*") if path.is_file()}
    inside = tuple(os.path.join(folder, "") for folder in folders)
    for path in sorted(candidates):
        if path not in expected and path.startswith(inside):
            Path(path).unlink(missing_ok=True)


class _SourceNames(logging.Filter):
    """MkDocs' link warnings name a release by the address Pressroom gave it among the site's
    files; staff need the file they edit. In CI a held-back page's warning quotes nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}
        self.held: set[str] = set()
        self.hide = False

    def use(self, sources: dict[str, str], held: set[str], hide: bool) -> None:
        self.sources, self.held, self.hide = sources, held, hide

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        prefix = "Doc file '"
        if message.startswith(prefix):
            src_uri = message[len(prefix):].split("'", 1)[0]
            source = self.sources.get(src_uri)
            if source is not None:
                if self.hide and src_uri in self.held:
                    message = f"{prefix}{source}' has a link problem ({HIDDEN})"
                else:
                    message = message.replace(f"'{src_uri}'", f"'{source}'", 1)
                record.msg, record.args = message, ()
        return True


_SOURCE_NAMES = _SourceNames()
# The logger of the module that warns, by its real name: `properdocs.structure.pages` when
# ProperDocs runs the build (it serves `mkdocs.*` imports from its own modules).
logging.getLogger(Page.__module__).addFilter(_SOURCE_NAMES)


def _write(site_dir: Path, outputs: dict[str, bytes]) -> set[Path]:
    written = set()
    for relative, content in outputs.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.add(target)
    return written
