"""The words Pressroom's pages print, in English and Spanish, and dates as each language writes
them (Babel, installed with Material).

One `Words` per language: every field is required, so a language cannot lack a string. A
field with `{name}`-style blanks is filled by the method of the same purpose; the blanks are
the same in every language (tests/test_wording.py). A coalition may set its own form of some
strings, such as the release line, per language (`Wording`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from pressroom.core.content.languages import SUPPORTED, Language


@dataclass(frozen=True)
class Words:
    language: Language
    # A release's page.
    release_line: str
    media_contacts: str  # the contacts' aria-label
    contact: str  # before one contact
    contacts: str  # before several
    about: str  # {name}
    campaign: str
    topics: str  # also the browse heading
    share: str  # the share row's aria-label
    share_email: str
    share_copy: str  # the copy-link button
    share_copied: str  # what it says once the link is copied
    download_text: str  # the link to the release as plain text
    # Banners of a release not yet public, in preview. {when}: date, time and zone.
    draft: str
    embargoed: str
    scheduled: str
    # A preview for journalists (nothing in it names the release).
    preview_title: str
    preview_needs_link: str
    preview_moved: str  # the page it leads to once the release is public
    # Listings.
    press_releases: str
    releases_in_year: str  # {year}
    releases_on_topic: str  # {topic}
    releases_of_partner: str  # {partner}
    releases_of_campaign: str  # {campaign}
    numbered_page: str  # {title}, {number}: the title of page 2 onwards
    pager: str  # {number}, {count}: the pager's aria-label
    newer: str
    older: str
    browse: str  # the browse links' aria-label
    years: str
    home: str  # the home page in the navigation
    languages: str  # the language switcher, to a screen reader
    partners: str  # a heading, a label and the partners' directory
    campaigns: str  # also the campaigns' directory
    follow: str  # before the feed links
    no_releases: str
    # The filter on the press page: each field's label and its "any" choice.
    filter_heading: str
    filter_fields: Mapping[str, tuple[str, str]]
    filter_clear: str
    filter_one: str
    filter_many: str  # {count}
    filter_failed: str
    # Home, search, partner and campaign pages.
    latest: str
    all_releases: str
    featured: str  # above the release pinned on the home page
    follow_news: str  # the heading over the feed links on the home page
    feed_names: Mapping[str, str]  # each feed in plain words, by kind: rss, atom, json
    search: str  # the page's title and its button
    search_hint: str
    search_words: str
    search_without_script: str  # {link}: the press releases
    search_without_script_link: str
    # The page `mkdocs serve` shows while the content has problems ({count}, {file}, {line}).
    problems_one: str
    problems_many: str
    problems_intro: str
    problem_place: str
    problem_fix: str
    # What the Search page says as it searches; {query} is the visitor's words, {count} a number.
    search_messages: dict[str, str]
    logo: str  # {name}
    short_name: str  # before a partner's short name
    website: str
    social: str  # before a partner's social media links
    # The media page.
    media: str  # its title and its place in the navigation
    media_intro: str
    media_link: str  # from the home page's contacts to the media page
    feeds: str
    logo_download: str  # followed by the file's format and size: "(PNG, 12 KB)"
    size_bytes: str  # {count}: a file of under a kilobyte
    no_contacts: str
    campaign_status: Mapping[str, str]  # by the front matter's `status`
    # The head's feed links.
    site_feeds: str  # {site}
    # Material's footer, and its palette toggle by the English name mkdocs.yml gives it.
    made_with: str  # before "Material for MkDocs"
    toggles: Mapping[str, str]

    def date(self, day: dt.date) -> str:
        """`October 20, 2020`; `20 de octubre de 2020`."""
        return _long_date(day, self.language.locale)

    def about_name(self, name: str) -> str:
        return self.about.format(name=name)

    def file_details(self, file_format: str, size: int | None) -> str:
        """`PNG, 12 KB`; `PNG` alone when the size is not known."""
        return f"{file_format}, {self.file_size(size)}" if size is not None else file_format

    def file_size(self, size: int) -> str:
        """`840 bytes`, `12 KB`, `1.4 MB` (`1,4 MB` in Spanish): as download links give it."""
        if size < 1024:
            return self.size_bytes.format(count=size)
        if size < 1024 * 1024:
            return f"{round(size / 1024)} KB"
        return f"{format_decimal(round(size / 1024 / 1024, 1), locale=self.language.locale)} MB"

    def contacts_label(self, count: int) -> str:
        return self.contact if count == 1 else self.contacts

    def archive_title(self, kind: str, name: str = "") -> str:
        """The title of a listing: all releases, or those of a year, topic, partner, campaign."""
        match kind:
            case "press":
                return self.press_releases
            case "year":
                return self.releases_in_year.format(year=name)
            case "topic":
                return self.releases_on_topic.format(topic=name)
            case "partner":
                return self.releases_of_partner.format(partner=name)
            case "campaign":
                return self.releases_of_campaign.format(campaign=name)
        raise ValueError(f"no title for a {kind!r} listing")

    def page_title(self, title: str, number: int) -> str:
        return title if number == 1 else self.numbered_page.format(title=title, number=number)

    def pager_label(self, number: int, count: int) -> str:
        return self.pager.format(number=number, count=count)

    def filter_count(self, count: int) -> str:
        return self.filter_one if count == 1 else self.filter_many.format(count=count)

    def toggle(self, name: str) -> str:
        """Material's palette toggle, in this language when Pressroom knows the English one."""
        return self.toggles.get(name, name)


def around(phrase: str, blank: str) -> tuple[str, str]:
    """The words before and after a blank that a template fills with a link."""
    before, after = phrase.split("{" + blank + "}", 1)
    return before, after


def blanks(phrase: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(phrase) if name}


@lru_cache(maxsize=4096)
def _long_date(day: dt.date, locale: str) -> str:
    return format_date(day, format="long", locale=locale)


ENGLISH = Words(
    language=SUPPORTED["en"],
    release_line="FOR IMMEDIATE RELEASE",
    media_contacts="Media contacts",
    contact="Contact",
    contacts="Contacts",
    about="About {name}",
    campaign="Campaign",
    topics="Topics",
    share="Share this release",
    share_email="Email",
    share_copy="Copy link",
    share_copied="Link copied",
    download_text="Download as plain text",
    draft="DRAFT — not published",
    embargoed="EMBARGOED UNTIL {when}",
    scheduled="SCHEDULED FOR {when}",
    preview_title="Embargoed press release — preview",
    preview_needs_link="This preview needs the link you were sent.",
    preview_moved="This press release is now public.",
    press_releases="Press releases",
    releases_in_year="Press releases from {year}",
    releases_on_topic="Press releases on {topic}",
    releases_of_partner="Press releases from {partner}",
    releases_of_campaign="Press releases on {campaign}",
    numbered_page="{title}, page {number}",
    pager="Page {number} of {count}",
    newer="Newer releases",
    older="Older releases",
    browse="Browse press releases",
    years="Years",
    home="Home",
    languages="Other languages",
    partners="Partners",
    campaigns="Campaigns",
    follow="Follow by feed",
    no_releases="No releases yet.",
    filter_heading="Filter releases",
    filter_fields={
        "partner": ("Partner", "All"),
        "campaign": ("Campaign", "All"),
        "topic": ("Topic", "All"),
        "year": ("Year", "All"),
    },
    filter_clear="Clear",
    filter_one="1 release",
    filter_many="{count} releases",
    filter_failed="Could not load the list of releases",
    latest="Latest press releases",
    all_releases="All press releases",
    featured="Featured",
    follow_news="Follow the news",
    feed_names={"rss": "Follow by RSS", "atom": "Follow by Atom", "json": "JSON Feed"},
    search="Search",
    search_hint="Search the text of every press release, partner and campaign.",
    search_words="Words to find",
    search_without_script="Search needs JavaScript. Without it, browse the {link} by year, "
    "partner, campaign and topic.",
    search_without_script_link="press releases",
    problems_one="1 problem to fix before the preview can show",
    problems_many="{count} problems to fix before the preview can show",
    problems_intro="Nothing is lost: your files are as you saved them. Fix each problem below "
    "and save; this page turns into the page you were looking at by itself.",
    problem_place="{file}, line {line}",
    problem_fix="How to fix it:",
    search_messages={
        "running": "Searching…",
        "none": "Nothing found for “{query}”.",
        "one": "1 result for “{query}”",
        "many": "{count} results for “{query}”",
        "more": "More results",
        "clear": "Clear",
        "failed": "Search could not start. Reload the page to try again.",
    },
    logo="{name} logo",
    short_name="Short name",
    website="Website",
    social="Social media",
    media="Media",
    media_link="Every partner's contacts, logos and boilerplates",
    media_intro="Every partner's press contacts, logos and \"About\" texts, and the feeds, "
    "in one place.",
    feeds="Feeds",
    logo_download="Download the logo",
    size_bytes="{count} bytes",
    no_contacts="No press contact listed.",
    campaign_status={"active": "Active campaign", "closed": "Closed campaign"},
    site_feeds="{site}: press releases",
    made_with="Made with",
    toggles={},
)

SPANISH = Words(
    language=SUPPORTED["es"],
    release_line="PARA DIFUSIÓN INMEDIATA",
    media_contacts="Contactos de prensa",
    contact="Contacto",
    contacts="Contactos",
    about="Acerca de {name}",
    campaign="Campaña",
    topics="Temas",
    share="Compartir este comunicado",
    share_email="Correo electrónico",
    share_copy="Copiar enlace",
    share_copied="Enlace copiado",
    download_text="Descargar como texto",
    draft="BORRADOR — no publicado",
    embargoed="EMBARGADO HASTA {when}",
    scheduled="PROGRAMADO PARA {when}",
    preview_title="Comunicado de prensa embargado — vista previa",
    preview_needs_link="Esta vista previa necesita el enlace que recibió.",
    preview_moved="Este comunicado de prensa ya es público.",
    press_releases="Comunicados de prensa",
    releases_in_year="Comunicados de prensa de {year}",
    releases_on_topic="Comunicados de prensa sobre {topic}",
    releases_of_partner="Comunicados de prensa de {partner}",
    releases_of_campaign="Comunicados de prensa sobre {campaign}",
    numbered_page="{title}, página {number}",
    pager="Página {number} de {count}",
    newer="Comunicados más recientes",
    older="Comunicados anteriores",
    browse="Explorar los comunicados de prensa",
    years="Años",
    home="Inicio",
    languages="Otros idiomas",
    partners="Organizaciones",
    campaigns="Campañas",
    follow="Suscribirse",
    no_releases="Todavía no hay comunicados.",
    filter_heading="Filtrar comunicados",
    filter_fields={
        "partner": ("Organización", "Todas"),
        "campaign": ("Campaña", "Todas"),
        "topic": ("Tema", "Todos"),
        "year": ("Año", "Todos"),
    },
    filter_clear="Borrar",
    filter_one="1 comunicado",
    filter_many="{count} comunicados",
    filter_failed="No se pudo cargar la lista de comunicados",
    latest="Últimos comunicados de prensa",
    all_releases="Todos los comunicados de prensa",
    featured="Destacado",
    follow_news="Siga las noticias",
    feed_names={"rss": "Seguir por RSS", "atom": "Seguir por Atom", "json": "JSON Feed"},
    search="Buscar",
    search_hint="Busque en el texto de todos los comunicados de prensa, organizaciones y "
    "campañas.",
    search_words="Palabras que buscar",
    search_without_script="La búsqueda necesita JavaScript. Sin él, explore los {link} por "
    "año, organización, campaña y tema.",
    search_without_script_link="comunicados de prensa",
    problems_one="1 problema que corregir antes de que se vea la vista previa",
    problems_many="{count} problemas que corregir antes de que se vea la vista previa",
    problems_intro="No se ha perdido nada: sus archivos están como los guardó. Corrija cada "
    "problema de abajo y guarde; esta página se convertirá sola en la que estaba viendo.",
    problem_place="{file}, línea {line}",
    problem_fix="Cómo corregirlo:",
    search_messages={
        "running": "Buscando…",
        "none": "No se encontró nada para «{query}».",
        "one": "1 resultado para «{query}»",
        "many": "{count} resultados para «{query}»",
        "more": "Más resultados",
        "clear": "Borrar",
        "failed": "La búsqueda no pudo iniciarse. Vuelva a cargar la página para intentarlo "
        "de nuevo.",
    },
    logo="Logotipo de {name}",
    short_name="Nombre corto",
    website="Sitio web",
    social="Redes sociales",
    media="Prensa",
    media_link="Los contactos, logotipos y textos de todas las organizaciones",
    media_intro="Los contactos de prensa, los logotipos y los textos \"Acerca de\" de cada "
    "organización, y los canales de noticias, en un solo lugar.",
    feeds="Canales de noticias",
    logo_download="Descargar el logotipo",
    size_bytes="{count} bytes",
    no_contacts="No hay contactos de prensa.",
    campaign_status={"active": "Campaña activa", "closed": "Campaña cerrada"},
    site_feeds="{site}: comunicados de prensa",
    made_with="Hecho con",
    toggles={
        # The names Material's documentation and Pressroom's mkdocs.yml give the toggles.
        "Switch to dark mode": "Cambiar a modo oscuro",
        "Switch to light mode": "Cambiar a modo claro",
        "Switch to system preference": "Usar la preferencia del sistema",
    },
)

BUILT_IN: dict[str, Words] = {words.language.code: words for words in (ENGLISH, SPANISH)}
# The strings a coalition may word its own way, per language.
OVERRIDABLE = ("release_line",)


class Wording:
    """The words of each language a site publishes in, with the coalition's own forms."""

    def __init__(self, overrides: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self._words = dict(BUILT_IN)
        for code, changes in (overrides or {}).items():
            self._words[code] = with_overrides(self[code], changes)

    def __getitem__(self, code: str) -> Words:
        if code not in self._words:
            raise ValueError(f"Pressroom has no words in {code!r}; it has {', '.join(self._words)}")
        return self._words[code]


def with_overrides(words: Words, changes: Mapping[str, str]) -> Words:
    unknown = sorted(set(changes) - set(OVERRIDABLE))
    if unknown:
        raise ValueError(f"{', '.join(unknown)}: not a wording a site can set "
                         f"(it can set {', '.join(OVERRIDABLE)})")
    return dataclasses.replace(words, **changes)
