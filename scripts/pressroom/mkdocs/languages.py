"""Another language's pages among MkDocs' files: translated pages of docs/ moved under their
language's folder, the pages a language lacks added, and each language's own navigation."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_markdown_title
from mkdocs.utils.meta import get_data

from pressroom.core.content.languages import address, original_address


def place_translations(files: Files, languages: tuple[str, ...]) -> dict[str, str]:
    """Every page of docs/ by its address; a translation (`about.es.md`) is written where its
    address says (`es/about/`), and keeps its file name, so links to it stay as staff wrote."""
    pages = {}
    for file in list(files.documentation_pages()):
        place = address(file.src_uri, languages)
        if place != file.src_uri:
            # MkDocs' own way to write a page elsewhere: a File given its `dest_uri`.
            where = File(place, None, file.dest_dir, file.use_directory_urls).dest_uri
            files.remove(file)
            files.append(File(file.src_uri, file.src_dir, file.dest_dir,
                              file.use_directory_urls, dest_uri=where,
                              inclusion=InclusionLevel.NOT_IN_NAV))  # its language's nav has it
        pages[place] = file.src_uri
    return pages


def add_untranslated(files: Files, config: MkDocsConfig, missing: dict[str, str]) -> list[str]:
    """A language's home, partner and campaign pages where it has no text of its own: they show
    the default language's text (the home page none: its listings are in the language)."""
    added = []
    for place, original in sorted(missing.items()):
        source = files.get_file_from_path(original)
        if source is None:
            continue
        if original == "index.md":
            file = File.generated(config, place, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        else:
            file = File.generated(config, place, abs_src_path=source.abs_src_path,
                                  inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        added.append(place)
    return added


def language_nav(nav: Navigation, files: Files, pages: dict[str, str], lang: str,
                 languages: tuple[str, ...], titles: dict[str, str]) -> Navigation:
    """The site's nav with each page replaced by its version in `lang`, where it has one.

    `titles`: Pressroom's own pages' titles in `lang`, by address. Other pages' titles are
    read from their files: `build --dirty` reads no unchanged page, and a nav needs them all.
    """
    folder = f"{lang}/"
    home = _page(files, pages, folder + "index.md")

    def translate(items: list[Any]) -> list[Any]:
        translated: list[Any] = []
        for item in items:
            if isinstance(item, Page):
                own = original_address(item.file.src_uri, languages)[0]
                version = _page(files, pages, folder + own)
                if version is not None:
                    version.title = titles.get(folder + own) or _title(version) or item.title
                translated.append(version or item)
            elif isinstance(item, Section):
                translated.append(Section(item.title, translate(item.children)))
            elif isinstance(item, Link):
                translated.append(item)
        return translated

    items = translate(nav.items)
    translated_nav = Navigation(items, [item for item in items if isinstance(item, Page)])
    translated_nav.homepage = home
    return translated_nav


def _title(page: Page) -> str | None:
    """The title MkDocs would give the page: its front matter's, or its first heading."""
    try:
        markdown, meta = get_data(page.file.content_string)
    except (OSError, UnicodeDecodeError):
        return None
    return meta.get("title") or get_markdown_title(markdown)


def _page(files: Files, pages: dict[str, str], place: str) -> Page | None:
    src_uri = pages.get(place, place)
    file = files.get_file_from_path(src_uri)
    return file.page if file is not None and isinstance(file.page, Page) else None
