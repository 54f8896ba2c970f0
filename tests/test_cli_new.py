"""`pressroom new`: a complete, commented template that passes `pressroom check`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressroom.cli import main as cli
from pressroom.cli.main import main
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.slugs import slugify
from pressroom.core.loading.source import read_source


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
        (("--partners", "data-justice", "--date", "2024-02-30"), "date: '2024-02-30' is not a "
         "real calendar date (write it as YYYY-MM-DD"),
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
