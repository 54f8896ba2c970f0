"""Every word Pressroom prints, in English and Spanish: the catalogue is complete in both, dates
are written as each language writes them, and the views of the fixture newsroom speak Spanish
when asked. In-process, without MkDocs; Material's own strings through its templates alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
import material
import pytest
from sitebuild import FIXTURE_CLOCK, FIXTURES

from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.newsroom import Release
from pressroom.core.i18n.words import BUILT_IN, ENGLISH, SPANISH, Wording, Words, blanks
from pressroom.core.loading.source import SourceDocument
from pressroom.core.publishing.rules import Clock
from pressroom.core.views import pages as views
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.notices import notice

SITE = FIXTURES / "site"
CLOCK = FIXTURE_CLOCK
DRONES = "press/2023/coalition-sues-dhs-drone-surveillance-records/"
OVERRIDES = Path(__file__).parents[1] / "overrides"


def phrases(words: Words) -> dict[str, str]:
    """Every string of a language, by field (and key, for the tables)."""
    found: dict[str, str] = {}
    for field in dataclasses.fields(words):
        value = getattr(words, field.name)
        if isinstance(value, str):
            found[field.name] = value
        elif field.name != "language":
            for key, text in value.items():
                for number, part in enumerate([text] if isinstance(text, str) else text):
                    found[f"{field.name}[{key}][{number}]"] = part
    return found


# --- the catalogue ---------------------------------------------------------------------------


@pytest.mark.parametrize("words", [SPANISH], ids=["es"])
def test_every_string_is_in_every_language_with_the_same_blanks(words: Words) -> None:
    english, other = phrases(ENGLISH), phrases(words)
    # The palette's names are looked up by their English form: only the other languages list any.
    other = {key: text for key, text in other.items() if not key.startswith("toggles[")}
    assert other.keys() == english.keys()
    assert not [key for key, text in other.items() if not text.strip()]
    assert {key: blanks(text) for key, text in other.items()} == {
        key: blanks(text) for key, text in english.items()}


def test_the_catalogue_has_each_supported_language() -> None:
    assert {code: words.language.locale for code, words in BUILT_IN.items()} == {
        "en": "en_US", "es": "es_ES"}


def test_english_dates_read_as_they_always_did() -> None:
    day = dt.date(2019, 1, 1)
    while day.year < 2031:
        assert ENGLISH.date(day) == f"{day:%B} {day.day}, {day.year}"
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(("day", "written"), [
    (dt.date(2020, 10, 20), "20 de octubre de 2020"),
    (dt.date(2024, 5, 1), "1 de mayo de 2024"),
    (dt.date(2026, 12, 1), "1 de diciembre de 2026"),
])
def test_spanish_dates(day: dt.date, written: str) -> None:
    assert SPANISH.date(day) == written


def test_the_english_listing_titles_are_the_archives_own(catalogue: Catalogue) -> None:
    # Archives title themselves in English for the pages' titles and the feeds; the views title
    # a listing in its page's language: in English the two agree.
    for archive in catalogue.archives.all:
        assert views.archive_title(catalogue, archive, ENGLISH) == archive.title
        assert ENGLISH.page_title(archive.title, 2) == archive.page_title(2)


def test_a_coalition_words_its_release_line_its_own_way() -> None:
    wording = Wording({"es": {"release_line": "PARA PUBLICACIÓN INMEDIATA"}})
    assert wording["es"].release_line == "PARA PUBLICACIÓN INMEDIATA"
    assert wording["es"].media_contacts == "Contactos de prensa"
    assert wording["en"].release_line == "FOR IMMEDIATE RELEASE"
    assert Wording()["es"].release_line == "PARA DIFUSIÓN INMEDIATA"


def test_only_known_wording_can_be_set() -> None:
    with pytest.raises(ValueError, match="media_contacts: not a wording a site can set"):
        Wording({"en": {"media_contacts": "Press"}})
    with pytest.raises(ValueError, match="no words in 'fr'"):
        Wording({"fr": {"release_line": "POUR DIFFUSION IMMÉDIATE"}})


# --- views in Spanish ------------------------------------------------------------------------


def release_at(catalogue: Catalogue, url: str) -> Release:
    return next(release for release in catalogue.releases if release.url == url)


def test_a_release_page_in_spanish(catalogue: Catalogue) -> None:
    page = views.release_page(catalogue, release_at(catalogue, DRONES), "es")
    assert page.release_line == "PARA DIFUSIÓN INMEDIATA"
    assert page.card.date == "4 de mayo de 2023"
    assert page.contacts_label == "Contactos"
    heading = page.abouts[0].heading
    assert (heading.before, heading.link.label, heading.after) == (
        "Acerca de ", "Data Justice Alliance", "")
    assert page.banner is None


def test_the_same_release_in_english_is_unchanged(catalogue: Catalogue) -> None:
    page = views.release_page(catalogue, release_at(catalogue, DRONES))
    assert (page.release_line, page.card.date, page.contacts_label) == (
        "FOR IMMEDIATE RELEASE", "May 4, 2023", "Contacts")
    assert page.abouts[0].heading.before == "About "


def test_a_card_is_made_once_in_each_language(catalogue: Catalogue) -> None:
    release = release_at(catalogue, DRONES)
    assert catalogue.cards.card(release, "es").date == "4 de mayo de 2023"
    assert catalogue.cards.card(release).date == "May 4, 2023"


def test_a_listing_page_in_spanish(catalogue: Catalogue) -> None:
    page = views.listing_page(catalogue, catalogue.archives.find("press"), 2, "es")
    assert page.title == "Comunicados de prensa, página 2"
    assert page.pager is not None and page.pager.label == "Página 2 de 3"
    assert page.pager.newer is not None and page.pager.newer.label == "Comunicados más recientes"
    assert page.pager.older is not None and page.pager.older.label == "Comunicados anteriores"
    assert list(page.browse) == ["Años", "Organizaciones", "Campañas", "Temas"]
    assert [(f.name, f.label, f.any_label) for f in page.filters] == [
        ("partner", "Organización", "Todas"), ("campaign", "Campaña", "Todas"),
        ("topic", "Tema", "Todos"), ("year", "Año", "Todos")]
    assert page.empty == "Todavía no hay comunicados."
    # English pages keep theirs: the browse links are computed once for each language.
    assert list(views.listing_page(catalogue, catalogue.archives.find("press")).browse) == [
        "Years", "Partners", "Campaigns", "Topics"]


def test_listing_titles_in_spanish(catalogue: Catalogue) -> None:
    titles = {(a.kind, a.key): views.archive_title(catalogue, a, SPANISH)
              for a in catalogue.archives.all}
    assert titles[("year", "2023")] == "Comunicados de prensa de 2023"
    assert titles[("partner", "data-justice")] == "Comunicados de prensa de Data Justice Alliance"
    assert titles[("topic", "foia")].startswith("Comunicados de prensa sobre ")


def test_other_pages_in_spanish(catalogue: Catalogue) -> None:
    partner = views.partner_page(catalogue, "data-justice", "es")
    assert partner.about == "Acerca de Data Justice Alliance"
    assert partner.logo is None  # it has none
    logo = views.partner_page(catalogue, "sanctuary-legal", "es").logo
    assert logo is not None and logo.alt == "Logotipo de Sanctuary Legal Collective"
    assert logo.details.startswith("PNG, ") and logo.details.endswith(" bytes")
    assert views.media_page(catalogue, "es").title == "Prensa"
    campaign = views.campaign_page(catalogue, "know-your-rights", "es")
    assert campaign.status_label in ("Campaña activa", "Campaña cerrada")
    assert views.partners_directory(catalogue, "es").title == "Organizaciones"
    assert views.campaigns_directory(catalogue, "es").title == "Campañas"
    search = views.search_page(catalogue, "es")
    assert search.title == "Buscar"
    assert (search.without_script.before + search.without_script.link.label
            + search.without_script.after).startswith(
        "La búsqueda necesita JavaScript. Sin él, explore los comunicados de prensa por año")
    assert views.home(catalogue, 3, "es").archive.label == "Todos los comunicados de prensa"


def held_release(**front: Any) -> Release:
    document = SourceDocument(Path("held.md"), "held.md", {}, "Body.\n")
    return Release(ReleaseFront(title="Held", partners=["alpha"], **front), "held", document)


def test_banners_in_spanish() -> None:
    embargoed = held_release(embargo="2026-12-01T09:00:00-05:00")
    before = Clock(dt.datetime(2026, 11, 1, tzinfo=dt.UTC), ZoneInfo("America/New_York"))
    assert notice(embargoed, before, SPANISH) == (
        "EMBARGADO HASTA 1 de diciembre de 2026, 09:00 UTC-05:00")
    assert notice(embargoed, before) == "EMBARGOED UNTIL December 1, 2026, 09:00 UTC-05:00"
    draft = held_release(date="2026-10-20", draft=True)
    assert notice(draft, before, SPANISH) == "BORRADOR — no publicado"
    scheduled = held_release(date="2026-12-01")
    assert notice(scheduled, before, SPANISH) == "PROGRAMADO PARA 1 de diciembre de 2026, 00:00 EST"


# --- Material's strings in the page's language ------------------------------------------------


def material_strings(**context: Any) -> str:
    """Material's strings as base.html picks them, through Pressroom's partials/language.html."""
    loader = jinja2.FileSystemLoader([OVERRIDES, Path(material.__file__).parent / "templates"])
    template = jinja2.Environment(loader=loader).from_string(
        '{% import "partials/language.html" as lang with context %}'
        '{{ lang.t("language") }}|{{ lang.t("action.skip") }}|{{ lang.t("search.placeholder") }}'
    )
    return template.render(**context)


def test_materials_strings_follow_the_page_language() -> None:
    site_in_english = {"config": {"theme": {"language": "en"}}}
    assert material_strings(**site_in_english, pressroom_language="es") == (
        "es|Saltar a contenido|Búsqueda")
    assert material_strings(**site_in_english) == "en|Skip to content|Search"
    assert material_strings(config={"theme": {"language": "es"}}).startswith("es|")


PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default",
     "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"}},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
     "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"}},
]


def material_partial(name: str, **context: Any) -> str:
    loader = jinja2.FileSystemLoader([OVERRIDES, Path(material.__file__).parent / "templates"])
    return jinja2.Environment(loader=loader).get_template(name).render(**context)


def test_the_palette_toggle_and_the_footer_in_spanish() -> None:
    config = {"theme": {"palette": PALETTE}, "extra": {}}
    spanish = material_partial("partials/palette.html", config=config, pressroom_words=SPANISH)
    assert 'title="Cambiar a modo oscuro"' in spanish
    assert 'aria-label="Cambiar a modo claro"' in spanish
    english = material_partial("partials/palette.html", config=config, pressroom_words=ENGLISH)
    assert english == material_partial("partials/palette.html", config=config)
    assert 'title="Switch to dark mode"' in english
    footer = material_partial("partials/copyright.html", config=config, pressroom_words=SPANISH)
    assert "Hecho con" in footer and "Made with" not in footer
    assert "Made with" in material_partial("partials/copyright.html", config=config)
