"""`pressroom import` on releases written in Spanish: their conventions, and `.es.md` files.

In-process, on copies of the fixture site: the written file's name and text are checked, its
front matter through the importer's own model (the build does not load `.es.md` files yet).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sitebuild import run_command

from pressroom.cli.project import Site
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.loading.source import read_source
from pressroom.importer import Imported, ImportOptions, import_release, write_imported
from pressroom.importer.contacts import parse_contacts
from pressroom.importer.conventions import (
    Unclear,
    about_heading,
    contact_label,
    date_line,
    dateline,
    embargo_line,
    embargo_moment,
    find_date,
    language_of,
    release_line,
)

IMPORTS = Path(__file__).parent / "fixtures" / "import"
EASTERN = dt.timezone(dt.timedelta(hours=-5))


def _import(site: Path, name: str, **options) -> Imported:
    return import_release(IMPORTS / name, Site.at(site), ImportOptions(**options))


def _written(site: Path, imported: Imported) -> tuple[Path, ReleaseFront, str]:
    assert imported.writable, imported.report
    [*_, path] = write_imported(imported, Site.at(site))
    document = read_source(path, path.name)
    return path, ReleaseFront.model_validate(document.metadata), document.body


def _lines(problems) -> list[str]:
    return [str(problem).removeprefix(f"{IMPORTS.as_posix()}/") for problem in problems]


# --- the conventions, one by one ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("20 de octubre de 2020", dt.date(2020, 10, 20)),
    ("20 de Octubre, 2020", dt.date(2020, 10, 20)),
    ("1.º de mayo de 2024", dt.date(2024, 5, 1)),
    ("1 de mayo de 2024", dt.date(2024, 5, 1)),
    ("15 de setiembre del 2021", dt.date(2021, 9, 15)),
    ("3 de mar. de 2021", dt.date(2021, 3, 3)),
    ("Octubre 20, 2020", dt.date(2020, 10, 20)),
])
def test_spanish_dates(text: str, day: dt.date) -> None:
    found = find_date(f"LOS ÁNGELES ({text}) —")
    assert (found.date, found.lang) == (day, "es")
    assert date_line(f"martes, {text}") == day
    assert date_line(f"Fecha: {text}") == day


def test_dates_in_either_language_keep_their_reading() -> None:
    assert find_date("20 May 2020").lang == "en"  # "may" is Spanish too: English goes first
    assert find_date("2020-10-20").lang is None
    with pytest.raises(Unclear):
        find_date("30 de febrero de 2021")


def test_spanish_release_embargo_and_contact_lines() -> None:
    assert release_line("PARA DIFUSIÓN INMEDIATA") == ""
    assert release_line("Para publicación inmediata: 20 de octubre de 2020") == (
        "20 de octubre de 2020"
    )
    assert release_line("PARA DIFUSION INMEDIATA") == ""  # capitals often drop the accent
    when = "las 9:00 a.m. ET del 3 de marzo de 2021"
    assert embargo_line(f"EMBARGADO HASTA {when}") == when
    assert embargo_line(f"EMBARGO HASTA {when}") == when
    assert embargo_moment(when) == dt.datetime(2021, 3, 3, 9, 0, tzinfo=EASTERN)
    assert embargo_moment("el 3 de marzo de 2021 a mediodía, hora del Pacífico").utcoffset() == (
        dt.timedelta(hours=-8)
    )
    with pytest.raises(Unclear, match="no time zone"):
        embargo_moment("las 9:00 a.m. del 3 de marzo de 2021")
    for label in ("Contacto:", "Contactos:", "Contacto de prensa:", "Contactos de prensa:",
                  "Contacto para medios:", "CONTACTO:"):
        assert contact_label(label) == "", label
        assert language_of("contact label", label) == "es", label
    assert contact_label("Contacto: Ana Ruiz, ana@x.org") == "Ana Ruiz, ana@x.org"


def test_spanish_datelines_and_about_headings() -> None:
    found = dateline("LOS ÁNGELES (20 de octubre de 2020) — Hoy")
    assert (found.location, found.when, found.rest) == (
        "Los Ángeles", "20 de octubre de 2020", "Hoy"
    )
    assert dateline("NUEVA YORK -- Hoy").location == "Nueva York"
    assert dateline("CIUDAD DE MÉXICO -- Hoy").location == "Ciudad de México"
    assert about_heading("Acerca de Mijente") == "Mijente"
    assert about_heading("**Acerca de la Red Fronteriza:**") == "Red Fronteriza"
    assert about_heading("Sobre Mijente") == "Mijente"
    # "Sobre ..." also opens ordinary subheadings: it does not end a body by itself.
    assert about_heading("Sobre la demanda", spanish_sobre=False) is None
    assert about_heading("About Mijente", spanish_sobre=False) == "Mijente"


@pytest.mark.parametrize(("convention", "words", "lang"), [
    ("release line", "PARA DIFUSIÓN INMEDIATA", "es"),
    ("release line", "FOR IMMEDIATE RELEASE", "en"),
    ("embargo line", "EMBARGO HASTA", "es"),
    ("embargo line", "EMBARGO:", "en"),
    ("contact label", "Media contact:", "en"),
    ("boilerplate heading", "Acerca de Mijente", "es"),
    ("boilerplate heading", "About Mijente", "en"),
    ("date", "20 de octubre de 2020", "es"),
    ("end mark", "###", None),
])
def test_the_language_of_each_convention(convention: str, words: str, lang: str | None) -> None:
    assert language_of(convention, words) == lang


def test_spanish_contact_blocks() -> None:
    block = parse_contacts(
        "Ana Ruiz, ana@brn.example.org, Directora de Comunicaciones\n"
        "Correo: ben@brn.example.org y Teléfono: +1 555 010 2000"
    )
    assert [(p.name, p.titles, p.email) for p in block.people] == [
        ("Ana Ruiz", ["Directora de Comunicaciones"], "ana@brn.example.org"),
    ]
    block = parse_contacts("Ana Ruiz, ana@a.example.org y Ben Cole, +1 202 555 0142")
    assert [(p.name, p.email, p.phone) for p in block.people] == [
        ("Ana Ruiz", "ana@a.example.org", None), ("Ben Cole", None, "+1 202 555 0142"),
    ]


# --- whole releases --------------------------------------------------------------------------

def test_a_spanish_release_becomes_an_es_md_file(fixture_site: Path) -> None:
    # A partner without its Spanish text yet (the fixture has one: take it away).
    (fixture_site / "docs" / "partners" / "border-rights-network.es.md").unlink()
    imported = _import(fixture_site, "12-es-standard.txt")
    assert imported.lang == "es"
    assert _lines(imported.warnings) == [
        "12-es-standard.txt:1: lang: read as Spanish: 'PARA DIFUSIÓN INMEDIATA' (line 1), "
        "'20 de octubre de 2020' (line 2), 'Contactos de prensa:' (line 4), "
        "'Acerca de Border Rights Network' (line 17) "
        "(import again with --lang en if it is not Spanish)",
    ]
    # The partner has no Spanish page yet: the release shows the English one, and the
    # Spanish text is handed to staff whole.
    assert _lines(imported.report) == [
        "12-es-standard.txt:17: boilerplate: Border Rights Network has no Spanish text yet "
        "(docs/partners/border-rights-network.es.md), so the release shows its English text, "
        "not this: 'Border Rights Network documenta los abusos de las agencias fronterizas y "
        "defiende los derechos de las personas migrantes.' "
        "(save this text as docs/partners/border-rights-network.es.md)",
    ]
    path, front, body = _written(fixture_site, imported)
    assert path.name == "2020-10-20-organizaciones-demandan-a-la-cbp-por-registros-sobre.es.md"
    assert not path.with_name(path.name.replace(".es.md", ".md")).exists()
    assert front.title == (
        "Organizaciones demandan a la CBP por registros sobre revisiones de teléfonos"
    )
    assert front.subtitle == (
        "La demanda busca las políticas que permiten copiar teléfonos sin orden judicial"
    )
    assert (front.date, front.location, front.partners) == (
        dt.date(2020, 10, 20), "Los Ángeles", ["border-rights-network"]
    )
    assert [c.model_dump(exclude_none=True) for c in front.contacts] == [dict(
        name="Ana Ruiz", title="Directora de Comunicaciones", org="border-rights-network",
        email="press@border-rights.example.org", phone="+1 555 010 2000",
    )]
    assert body.strip().split("\n\n") == [
        "Border Rights Network presentó hoy una demanda para obtener los registros de la "
        "agencia.",
        "«Nadie debería perder su privacidad en la frontera», dijo Ana Ruiz.",
    ]


def test_a_spanish_embargo_and_a_short_name_after_sobre(fixture_site: Path) -> None:
    partner_page = fixture_site / "docs" / "partners" / "sanctuary-legal.es.md"
    partner_page.write_text(
        "Sanctuary Legal Collective es un colectivo legal sin fines de lucro que ofrece defensa "
        "gratuita a personas detenidas, y litiga contra la detención ilegal.\n",
        encoding="utf-8",
    )
    imported = _import(fixture_site, "13-es-embargo.md")
    assert imported.report == []  # "Sobre SLC:" is the partner; its Spanish page says it all
    path, front, body = _written(fixture_site, imported)
    assert path.name == (
        "2021-03-03-informe-revela-que-personas-detenidas-esperaron-meses-por.es.md"
    )
    assert front.embargo == dt.datetime(2021, 3, 3, 9, 0, tzinfo=EASTERN)
    assert (front.date, front.location, front.partners) == (
        dt.date(2021, 3, 3), "Nueva York", ["sanctuary-legal"]
    )
    assert [c.email for c in front.contacts] == ["media@sanctuary-legal.example.org"]
    assert len(body.strip().split("\n\n")) == 2

    partner_page.write_text("Otro texto.\n", encoding="utf-8")
    assert _lines(_import(fixture_site, "13-es-embargo.md").report) == [
        "13-es-embargo.md:13: boilerplate: text for Sanctuary Legal Collective differs from "
        "docs/partners/sanctuary-legal.es.md; the page's text is used, not this: 'Sanctuary "
        "Legal Collective es un colectivo legal sin fines de lucro que ofrece defensa gratuita "
        "a personas detenidas.' (update docs/partners/sanctuary-legal.es.md if the new text "
        "is right)",
    ]


def test_a_spanish_embargo_without_a_zone_is_reported_not_guessed(fixture_site: Path) -> None:
    imported = _import(fixture_site, "14-es-embargo-without-zone.txt")
    assert not imported.writable
    assert _lines(imported.report) == [
        "14-es-embargo-without-zone.txt:1: embargo: the embargo line gives no time zone: "
        "'las 9:00 a.m. del 3 de marzo de 2021' (write the date, time and zone, like "
        "`EMBARGADO HASTA las 9:00 a.m. ET del 3 de marzo de 2021` or `... 09:00 -05:00`, "
        "and import again)",
    ]


def test_an_unknown_spanish_partner_gets_an_english_page_to_translate(fixture_site: Path) -> None:
    reported = _import(fixture_site, "15-es-unknown-partner.txt")
    assert not reported.writable
    assert "no partner page for 'Mijente'" in "\n".join(_lines(reported.report))

    imported = _import(fixture_site, "15-es-unknown-partner.txt", create_partners=True)
    assert _lines(imported.warnings)[1:] == [
        "15-es-unknown-partner.txt:12: boilerplate: made docs/partners/mijente.md for 'Mijente' "
        "with this Spanish text, since a partner's first page is in English (move the text to "
        "docs/partners/mijente.es.md and write the English text in docs/partners/mijente.md)",
    ]
    path, front, _ = _written(fixture_site, imported)
    assert path.name == "2024-05-01-mijente-y-aliados-marchan-por-los-derechos-laborales.es.md"
    assert front.date == dt.date(2024, 5, 1)
    assert front.partners == ["mijente"]
    page = fixture_site / "docs" / "partners" / "mijente.md"
    assert page.read_text(encoding="utf-8") == (
        "---\n"
        "# The text below is not in English: move it to mijente.es.md and write the English "
        "text here.\n"
        "name: Mijente\n"
        "website: https://www.mijente.example.org\n"
        "---\n"
        "Mijente es una organización política digital y de base para personas latinas y "
        "chicanas. Más información en www.mijente.example.org.\n"
    )
    assert not page.with_name("mijente.es.md").exists()
    assert "mijente" in Site.at(fixture_site).partners()  # a valid partner page at once


def test_lang_is_given_or_read(fixture_site: Path, capsys) -> None:
    as_english = _import(fixture_site, "12-es-standard.txt", lang="en")
    assert as_english.path.name.endswith("-sobre.md")
    assert as_english.warnings == []
    assert as_english.front["location"] == "Los Ángeles"  # conventions are read either way
    as_spanish = _import(fixture_site, "03-embargo-with-zone.txt", lang="es")
    assert as_spanish.path.name == (
        "2021-06-01-report-finds-detained-immigrants-waited-months-for-medical.es.md"
    )
    code, out, err = run_command(
        capsys, "import", "--root", str(fixture_site), "--stdout", "--lang", "es",
        str(IMPORTS / "12-es-standard.txt"),
    )
    assert "read as Spanish" not in err
    assert out.startswith("---\n") and "location: Los Ángeles" in out
    code, _, err = run_command(capsys, "import", "--root", str(fixture_site), "--lang", "fr",
                               str(IMPORTS / "12-es-standard.txt"))
    assert code == 2 and "argument --lang: invalid choice: 'fr'" in err


def test_a_spanish_heading_in_an_english_release_is_pointed_out(
    fixture_site: Path, tmp_path: Path
) -> None:
    source = tmp_path / "mixed.txt"
    source.write_text(
        (IMPORTS / "03-embargo-with-zone.txt").read_text(encoding="utf-8").replace(
            "About Sanctuary Legal Collective:", "Acerca de Sanctuary Legal Collective:"
        ),
        encoding="utf-8",
    )
    imported = import_release(source, Site.at(fixture_site), ImportOptions())
    assert imported.lang == "en"
    assert imported.path.name.endswith("-for-medical.md")
    [warning] = imported.warnings
    assert str(warning).endswith(
        "mixed.txt:13: lang: read as English, though it has Spanish conventions too: "
        "'Acerca de Sanctuary Legal Collective:' (line 13) "
        "(import again with --lang es if it is not English)"
    )


# --- already imported, in either language ----------------------------------------------------

def test_an_imported_spanish_release_is_not_imported_twice(fixture_site: Path) -> None:
    first = _import(fixture_site, "12-es-standard.txt")
    path, _, _ = _written(fixture_site, first)
    again = _import(fixture_site, "12-es-standard.txt")
    assert write_imported(again, Site.at(fixture_site)) == []
    assert _lines(again.errors)[-1] == (
        f"press_releases/{path.name}:1: file: already exists, so it was not replaced "
        "(compare the two, or import again with --force to replace it)"
    )
    assert write_imported(again, Site.at(fixture_site), force=True) == [path]

    # Moved to another name (a slug of its own), it is still found by its headline.
    moved = path.with_name("2020-10-20-demanda.es.md")
    shutil.move(path, moved)
    again = _import(fixture_site, "12-es-standard.txt")
    assert write_imported(again, Site.at(fixture_site)) == []
    assert f"{moved.name} is already this release" in _lines(again.errors)[-1]


def test_an_earlier_english_import_of_the_same_text_counts(fixture_site: Path) -> None:
    """Imported as English before (`.md`), the same headline is the same release."""
    english = _import(fixture_site, "12-es-standard.txt", lang="en")
    _written(fixture_site, english)
    spanish = _import(fixture_site, "12-es-standard.txt")
    assert write_imported(spanish, Site.at(fixture_site)) == []
    assert "is already this release" in _lines(spanish.errors)[-1]


def test_a_translation_of_an_english_release_is_imported_and_pointed_out(
    fixture_site: Path, tmp_path: Path
) -> None:
    original, _, _ = _written(fixture_site, _import(fixture_site, "03-embargo-with-zone.txt"))
    source = tmp_path / "informe.txt"
    source.write_text(
        "PARA DIFUSIÓN INMEDIATA\n1 de junio de 2021\n\n"
        "Contacto: Marcus Oyelaran, media@sanctuary-legal.example.org\n\n"
        "Informe revela demoras en la atención médica\n\n"
        "NUEVA YORK -- Un informe publicado hoy documenta demoras.\n\n###\n",
        encoding="utf-8",
    )
    imported = import_release(source, Site.at(fixture_site), ImportOptions())
    assert imported.path.name == "2021-06-01-informe-revela-demoras-en-la-atencion-medica.es.md"
    assert str(imported.warnings[-1]).endswith(
        f"informe.txt:1: lang: press_releases/{original.name} is from the same day and partners; "
        "if this release is its translation, it should be named "
        f"{original.name.removesuffix('.md')}.es.md (rename press_releases/{imported.path.name} "
        f"to {original.name.removesuffix('.md')}.es.md after importing, so the two are linked)"
    )
    # Not the same release: a translation has its own headline.
    assert write_imported(imported, Site.at(fixture_site)) == [imported.path]
