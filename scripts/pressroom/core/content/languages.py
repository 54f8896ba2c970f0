"""The languages a newsroom publishes in, and how a file says which language it is in.

`press_releases/<stem>.es.md` is the Spanish version of `press_releases/<stem>.md`; the same
goes for `docs/index.es.md`, `docs/about.es.md`, `docs/partners/<id>.es.md` and
`docs/campaigns/<id>.es.md`. The first language of the site's settings is its default, at `/`;
every other lives under its own folder, `/es/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, as in <html lang> and hreflang
    name: str  # in the language itself, for the language switcher
    locale: str  # Babel's and Open Graph's: dates, og:locale
    english: str  # its name in staff's messages, which are in English


SUPPORTED: dict[str, Language] = {
    "en": Language("en", "English", "en_US", "English"),
    "es": Language("es", "Español", "es_ES", "Spanish"),
}
DEFAULT_LANGUAGES = ("en",)

# A translation sets these itself; it takes every other field from its original.
TRANSLATED_FIELDS = ("title", "subtitle", "summary", "location", "slug")
# Taken from the original unless the translation sets them; date and embargo may never differ.
SHARED_FIELDS = (
    "date", "embargo", "draft", "preview", "partners", "contacts", "campaign", "topics",
    "featured",
)

_SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[a-z]{2})\.md$")


def split_language(file_name: str, languages: tuple[str, ...]) -> tuple[str, str | None]:
    """`2020-10-20-foia.es.md` -> (`2020-10-20-foia`, `es`); a file without a language suffix
    -> (its stem, None): it is in the default language. An unknown suffix stays in the stem."""
    found = _SUFFIX.match(file_name)
    if found and found["lang"] in languages[1:]:
        return found["stem"], found["lang"]
    return file_name.removesuffix(".md"), None


def unlisted_language(file_name: str, languages: tuple[str, ...]) -> str | None:
    """`about.es.md` on a site whose settings do not list `es`: the language it names."""
    found = _SUFFIX.match(file_name)
    if found and found["lang"] in SUPPORTED and found["lang"] not in languages:
        return found["lang"]
    return None


def translation_name(stem: str, lang: str, languages: tuple[str, ...]) -> str:
    """The file name of `stem` in `lang`: no suffix in the default language."""
    return f"{stem}.md" if lang == languages[0] else f"{stem}.{lang}.md"


def prefix(lang: str, languages: tuple[str, ...]) -> str:
    """Where a language's pages live: `` for the default, `es/` for Spanish."""
    return "" if lang == languages[0] else f"{lang}/"


def address(src_uri: str, languages: tuple[str, ...]) -> str:
    """Where a page of docs/ belongs among the site's pages: `partners/mijente.es.md` is the
    Spanish page `es/partners/mijente.md`; a page without a suffix stays where it is."""
    folder, _, name = src_uri.rpartition("/")
    stem, lang = split_language(name, languages)
    if lang is None:
        return src_uri
    return f"{lang}/{folder + '/' if folder else ''}{stem}.md"


def original_address(page_address: str, languages: tuple[str, ...]) -> tuple[str, str]:
    """`es/partners/mijente.md` -> (`partners/mijente.md`, `es`): the default language's page
    that a page translates, and the page's language."""
    first, _, rest = page_address.partition("/")
    if rest and first in languages[1:]:
        return rest, first
    return page_address, languages[0]
