"""`pressroom new`: a complete, commented template that passes `pressroom check`, and a
translation's template with only the fields a translation sets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from sitebuild import run_command

from pressroom.cli import main as cli
from pressroom.cli.check import check_site
from pressroom.cli.main import main
from pressroom.cli.project import Site
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.languages import SHARED_FIELDS, SUPPORTED, TRANSLATED_FIELDS
from pressroom.core.content.release_file import render_translation
from pressroom.core.content.slugs import slugify
from pressroom.core.loading.source import read_source

# A fixture release with no Spanish version yet.
UNTRANSLATED = "2021-02-17-groups-demand-answers-accountability-ice"


def _new(capsys, site: Path, *argv: str) -> tuple[int, str]:
    try:
        code = main(["new", *argv, "--root", str(site)])
    except SystemExit as stopped:
        code = int(stopped.code)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in CI: nobody to answer, so any prompt is a bug."""
    monkeypatch.setattr(cli, "_interactive", lambda: False)

    def refuse(question: str) -> str:
        raise AssertionError(f"prompted without a terminal: {question}")

    monkeypatch.setattr("builtins.input", refuse)


def test_writes_every_field_with_comments_and_passes_check(fixture_site: Path, capsys) -> None:
    code, out = _new(
        capsys, fixture_site, "Coalition Sues ICE for Records", "--date", "2024-05-01",
        "--partners", "border-rights-network,data-justice", "--campaign", "know-your-rights",
        "--location", "El Paso",
    )
    assert code == 0, out
    path = fixture_site / "press_releases" / "2024-05-01-coalition-sues-ice-for-records.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../schemas/release.schema.json\n")
    for name, field in ReleaseFront.model_fields.items():
        assert f"\n# {field.description}\n{name}:" in text
    document = read_source(path, "release")
    front = ReleaseFront.model_validate(document.metadata)
    assert front.title == "Coalition Sues ICE for Records"
    assert front.date == dt.date(2024, 5, 1)
    assert front.location == "El Paso"
    assert front.campaign == "know-your-rights"
    assert front.draft is True
    # The partners' press contacts, from their pages.
    assert [(c.name, c.org) for c in front.contacts] == [
        ("Ana Ruiz", "border-rights-network"), ("Priya Natarajan", "data-justice"),
        ("Jonah Whitfield", "data-justice"),
    ]
    assert "Write the first paragraph here" in document.body
    assert main(["check", "--root", str(fixture_site)]) == 0


def test_slug_is_ascii_with_accents_transliterated() -> None:
    assert slugify("Défense des Immigrés: ICE’s Contract & Clearview") == (
        "defense-des-immigres-ices-contract-and-clearview"
    )
    assert slugify("Straße, Łódź, Æsir") == "strasse-lodz-aesir"
    long = slugify("word " * 40)
    assert len(long) <= 60 and not long.endswith("-")


def test_refuses_to_overwrite(fixture_site: Path, capsys) -> None:
    argv = ("Same Headline", "--date", "2024-05-01", "--partners", "data-justice")
    assert _new(capsys, fixture_site, *argv)[0] == 0
    path = fixture_site / "press_releases" / "2024-05-01-same-headline.md"
    path.write_text(path.read_text() + "\nEdited by hand.\n")
    code, out = _new(capsys, fixture_site, *argv)
    assert code == 2
    assert "already exists" in out
    assert path.read_text().endswith("Edited by hand.\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--partners", "nobody"), "unknown partner 'nobody' (known partners: border-rights"),
        (("--partners", "data-justice", "--campaign", "nope"), "unknown campaign 'nope'"),
        (("--partners", "data-justice", "--date", "2024-02-30"), "date: '2024-02-30' is an "
         "impossible date: February 2024 has 29 days (check the day and the month)"),
        ((), "give the partners with --partners a,b"),
    ],
)
def test_validates_what_it_is_given(
    fixture_site: Path, capsys, argv: tuple[str, ...], message: str
) -> None:
    code, out = _new(capsys, fixture_site, "A Headline", *argv)
    assert code == 2
    assert message in out
    assert sorted(p.name for p in (fixture_site / "press_releases").iterdir()) == sorted(
        p.name for p in (Path(__file__).parent / "fixtures/site/press_releases").iterdir()
    )


def test_prompts_for_missing_values_in_a_terminal(
    fixture_site: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["Hotline Opens in Yuma", "2024-06-02", "border-rights-network", "Yuma", ""])
    asked: list[str] = []

    def answer(question: str) -> str:
        asked.append(question)
        return next(answers)

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    code, out = _new(capsys, fixture_site)
    assert code == 0, out
    assert [question.split(",")[0].split(" (")[0] for question in asked] == [
        "Headline: ", "Date", "Partners", "Location of the dateline", "Campaign",
    ]
    path = fixture_site / "press_releases" / "2024-06-02-hotline-opens-in-yuma.md"
    front = ReleaseFront.model_validate(read_source(path, "x").metadata)
    assert (front.location, front.campaign) == ("Yuma", None)


def _releases(site: Path) -> list[str]:
    return sorted(path.name for path in (site / "press_releases").iterdir())


def test_translation_has_only_translated_fields_and_passes_check(
    fixture_site: Path, capsys
) -> None:
    code, out = _new(capsys, fixture_site, "--lang", "es",
                     "--translation-of", f"press_releases/{UNTRANSLATED}.md")
    assert code == 0, out
    path = fixture_site / "press_releases" / f"{UNTRANSLATED}.es.md"
    assert f"Wrote press_releases/{UNTRANSLATED}.es.md" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "---\n# yaml-language-server: $schema=../schemas/translation.schema.json\n")
    # Only what a translation sets; the shared fields come from the original, except
    # `draft`, so the translation waits until someone says it is ready.
    front = read_source(path, "x").metadata
    assert set(front) == {*TRANSLATED_FIELDS, "draft"}
    assert front["draft"] is True
    assert not set(front) & (set(SHARED_FIELDS) - {"draft"})
    # The translator sees the English above each placeholder, and the location kept.
    assert ('# The headline. In the original:\n'
            '#   Groups Demand "Answers & Accountability" From ICE\n'
            'title: Write the headline in Spanish\n') in text
    assert "#   Legal advocates call for an independent investigation" in text
    assert "\nlocation: El Paso, Texas\n" in text
    assert "\nsummary:\n" in text  # the original has none: the first paragraph serves
    assert "\n# topics: [detention, ice, transparency]\n" in text
    assert f"translate the text of {UNTRANSLATED}.md" in read_source(path, "x").body

    def loaded_translation():
        result = check_site(Site.at(fixture_site))
        assert result.newsroom is not None, [str(error) for error in result.errors]
        (translation,) = [r for r in result.newsroom.releases
                          if r.key == UNTRANSLATED and r.lang == "es"]
        return translation

    translation = loaded_translation()  # valid as written: a draft
    assert translation.front.draft is True
    assert translation.front.date == dt.date(2021, 2, 17)
    assert translation.front.partners == ["sanctuary-legal", "border-rights-network"]
    assert translation.front.campaign == "detention-transparency"

    front_matter = text.rpartition("---\n")[0]
    filled = (front_matter.replace("Write the headline in Spanish", "Grupos exigen respuestas")
              .replace("Write the subheadline in Spanish", "Piden una investigación")
              .replace("draft: true\n", "")) + "---\nSanctuary Legal Collective exigió hoy.\n"
    path.write_text(filled, encoding="utf-8")
    translation = loaded_translation()
    assert (translation.front.title, translation.front.draft) == (
        "Grupos exigen respuestas", False)
    assert run_command(capsys, "check", "--root", str(fixture_site))[0] == 0
    status = run_command(capsys, "status", "--root", str(fixture_site))[1]
    untranslated = [line for line in status.splitlines() if "not yet in Spanish" in line]
    assert untranslated
    assert not [line for line in untranslated if f"{UNTRANSLATED}.md" in line]


def test_translation_takes_a_headline_and_location_typed_in(fixture_site: Path, capsys) -> None:
    code, out = _new(capsys, fixture_site, "Grupos exigen respuestas al ICE", "--lang", "es",
                     "--location", "El Paso (Texas)",
                     "--translation-of",
                     str(fixture_site / "press_releases" / f"{UNTRANSLATED}.md"))
    assert code == 0, out
    front = read_source(fixture_site / "press_releases" / f"{UNTRANSLATED}.es.md", "x").metadata
    assert (front["title"], front["location"]) == ("Grupos exigen respuestas al ICE",
                                                   "El Paso (Texas)")
    assert front["subtitle"] == "Write the subheadline in Spanish"


def test_translation_of_a_release_without_subtitle_or_topics() -> None:
    text = render_translation({"title": "Hello", "date": "2024-05-01", "partners": ["a"]}, {},
                              "2024-05-01-hello.md", SUPPORTED["es"], "Texto.")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "Write the headline in Spanish", "subtitle": None,
                     "summary": None, "location": None, "slug": None, "draft": True}
    assert "# topics:" not in text
    assert text.endswith("---\nTexto.\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--lang", "es", "--translation-of", "press_releases/2024-01-01-nothing.md"),
         "--translation-of press_releases/2024-01-01-nothing.md: no such file"),
        (("--lang", "es", "--translation-of",
          "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.es.md"),
         "-records.es.md is in Spanish: give the English release it translates"),
        (("--lang", "es", "--translation-of",
          "press_releases/2025-05-14-guia-citas-control-migratorio.es.md"),  # Spanish only
         "is in Spanish: give the English release it translates"),
        (("--lang", "en", "--translation-of", f"press_releases/{UNTRANSLATED}.md"),
         "--lang en is the site's first language, the original's (the site's other "
         "languages: es)"),
        (("--translation-of", f"press_releases/{UNTRANSLATED}.md"),
         "give the translation's language with --lang"),
        (("--lang", "es", "--date", "2021-02-18", "--translation-of",
          f"press_releases/{UNTRANSLATED}.md"),
         "leave out --date, --partners and --campaign: a translation takes them"),
        (("--lang", "es", "--translation-of", "docs/about.md"),
         "docs/about.md is not in press_releases/"),
        (("--lang", "es", "--translation-of",
          "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.md"),
         "press_releases/2023-05-04-coalition-sues-dhs-drone-surveillance-records.es.md "
         "already exists: edit it"),
        (("--lang", "fr", "--translation-of", f"press_releases/{UNTRANSLATED}.md"),
         "argument --lang: invalid choice: 'fr'"),
    ],
)
def test_translation_refusals(
    fixture_site: Path, capsys, argv: tuple[str, ...], message: str
) -> None:
    before = {path.name: path.read_bytes() for path in (fixture_site / "press_releases").iterdir()}
    code, out = _new(capsys, fixture_site, *argv)
    assert (code, message in out) == (2, True), out
    after = {path.name: path.read_bytes() for path in (fixture_site / "press_releases").iterdir()}
    assert after == before  # nothing written, nothing overwritten


def test_translation_refused_in_a_language_the_site_does_not_list(
    fixture_site: Path, capsys
) -> None:
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("languages: [en, es]", "languages: [en]"))
    for argv in (("--translation-of", f"press_releases/{UNTRANSLATED}.md"),
                 ("Título", "--partners", "data-justice")):
        code, out = _new(capsys, fixture_site, "--lang", "es", *argv)
        assert code == 2
        assert ("--lang es: the site's languages are en (add es to `languages` under the "
                "pressroom plugin in mkdocs.yml)") in out


def test_spanish_only_release_has_every_field(fixture_site: Path, capsys) -> None:
    code, out = _new(capsys, fixture_site, "Guía para las citas de ICE", "--lang", "es",
                     "--date", "2024-05-01", "--partners", "data-justice", "--location", "Tucson")
    assert code == 0, out
    path = fixture_site / "press_releases" / "2024-05-01-guia-para-las-citas-de-ice.es.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../schemas/release.schema.json\n")
    for name, field in ReleaseFront.model_fields.items():
        assert f"\n# {field.description}\n{name}:" in text
    result = check_site(Site.at(fixture_site))
    assert result.newsroom is not None, [str(error) for error in result.errors]
    (release,) = [r for r in result.newsroom.releases
                  if r.key == "2024-05-01-guia-para-las-citas-de-ice"]
    assert (release.lang, release.front.title, release.front.draft) == (
        "es", "Guía para las citas de ICE", True)


def test_spanish_release_named_like_an_english_one_is_sent_to_translation_of(
    fixture_site: Path, capsys
) -> None:
    code, out = _new(capsys, fixture_site, "Know Your Rights Workshops Launch", "--lang", "es",
                     "--date", "2019-09-25", "--partners", "data-justice")
    assert code == 2
    assert ("press_releases/2019-09-25-know-your-rights-workshops-launch.md already has this "
            "date and headline: to translate it, run pressroom new --lang es --translation-of "
            "press_releases/2019-09-25-know-your-rights-workshops-launch.md") in out
    assert not (fixture_site / "press_releases"
                / "2019-09-25-know-your-rights-workshops-launch.es.md").exists()
