"""Which pages are one page in several languages, and how a visitor moves between them."""

from __future__ import annotations

from dataclasses import dataclass

from pressroom.core.content.languages import SUPPORTED, original_address, prefix
from pressroom.core.pages.roles import PageRole, ReleaseRole


@dataclass(frozen=True)
class Version:
    """One language's page of a page that exists in several."""

    lang: str
    url: str  # relative to the site's root


@dataclass(frozen=True)
class LanguageLink:
    """An entry of the language switcher."""

    lang: str
    name: str  # the language's name in itself: "Español"
    url: str
    current: bool


def translation_key(address: str, role: PageRole | None, languages: tuple[str, ...]) -> str:
    """What a page's versions share: a release's file name, else the default language's
    address of the page (`es/press/2020/index.md` and `press/2020/index.md` are one page)."""
    if isinstance(role, ReleaseRole):
        return "release:" + role.release.key
    return original_address(address, languages)[0]


def versions(
    pages: dict[str, tuple[str, str, str]], languages: tuple[str, ...]
) -> dict[str, list[Version]]:
    """For every page that exists in more than one language, all its versions, its own
    included, in the site's language order. `pages`: src_uri -> (key, lang, url), public
    pages only, so no page ever links to one that is held back."""
    groups: dict[str, list[Version]] = {}
    for key, lang, url in pages.values():
        groups.setdefault(key, []).append(Version(lang, url))
    found = {}
    for src_uri, (key, _lang, _url) in pages.items():
        group = groups[key]
        if len({version.lang for version in group}) > 1:
            found[src_uri] = sorted(group, key=lambda v: languages.index(v.lang))
    return found


def switcher(
    lang: str, page_versions: list[Version] | None, languages: tuple[str, ...]
) -> list[LanguageLink]:
    """The same page in each language, or that language's press releases where it has none."""
    by_lang = {version.lang: version.url for version in page_versions or []}
    return [
        LanguageLink(code, SUPPORTED[code].name,
                     by_lang.get(code, prefix(code, languages) + "press/"), code == lang)
        for code in languages
    ]


def default_version(page_versions: list[Version], languages: tuple[str, ...]) -> Version:
    """The `x-default`: the default language's version, or the first there is."""
    return next((v for v in page_versions if v.lang == languages[0]), page_versions[0])
