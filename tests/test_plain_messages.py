"""Staff see every mistake at once, in words they can act on: message by message, through
`pressroom check`, a real `mkdocs build` and `pressroom new` at a terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import FIXTURE_CLOCK, FIXTURE_LANGUAGES, REPO, run_build, run_command

from pressroom.cli import main as cli
from pressroom.cli.check import check_site
from pressroom.cli.project import Site
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.errors import HIDDEN, ContentErrors
from pressroom.core.loading.field_messages import closest, field_problem
from pressroom.core.loading.load import load_newsroom
from pressroom.core.loading.source import read_source
from pressroom.core.loading.written_dates import meant_date

MIJENTE = "---\nname: Mijente\nwebsite: https://mijente.example.org\n---\nMijente organises.\n"

# The release from the issue, wrong in five ways: a file name with a space, a misspelt field,
# a capitalised partner id, a contact without an email, and a date the file name does not say.
FIVE_WAYS_NAME = "2024-05-01-new coalition.md"
FIVE_WAYS = """\
---
title: A New Coalition Against Surveillance
date: 2024-05-02
locaton: New York
partners: [Mijente]
contacts:
  - name: Ana Ruiz
---
The coalition launched today.
"""
SHOWN = f"press_releases/{FIVE_WAYS_NAME}"
FIVE_MESSAGES = [
    f"{SHOWN}:1: file name: 'new coalition' cannot be part of a web address (rename the file "
    "to 2024-05-01-new-coalition.md: use lowercase letters, digits and hyphens, like "
    "`just-futures-law`, and not `index`)",
    f"{SHOWN}:3: date: is 2024-05-02, but the file name says 2024-05-01 (make the file name "
    "start with the same date as `date`)",
    f"{SHOWN}:4: locaton: is not a field Pressroom knows (did you mean `location`?)",
    f"{SHOWN}:5: the first partner: unknown partner 'Mijente' (did you mean `mijente`?)",
    f"{SHOWN}:7: the first contact: a contact needs an email or a phone number",
]


@pytest.fixture
def five_ways(fixture_site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CI", raising=False)  # the whole message, as on a staff computer
    (fixture_site / "docs" / "partners" / "mijente.md").write_text(MIJENTE, encoding="utf-8")
    (fixture_site / "press_releases" / FIVE_WAYS_NAME).write_text(FIVE_WAYS, encoding="utf-8")
    return fixture_site


def reported(output: str) -> list[str]:
    """The problems in a report, without its heading or the build's own lines."""
    return [line.strip() for line in output.splitlines() if line.startswith("  press_releases/")
            or line.startswith("  docs/")]


def test_five_mistakes_in_one_file_are_five_messages_from_check(five_ways: Path, capsys) -> None:
    code, _, err = run_command(capsys, "check", "--root", str(five_ways))
    assert code == 1
    assert err.splitlines()[0] == "5 problems in the newsroom content:"
    assert reported(err) == FIVE_MESSAGES


def test_five_mistakes_in_one_file_are_five_messages_from_the_build(five_ways: Path) -> None:
    build = run_build(five_ways, env={"CI": ""})
    assert not build.ok
    assert "5 problems in the newsroom content:" in build.log
    assert reported(build.log) == FIVE_MESSAGES


def test_five_mistakes_in_a_draft_quote_nothing_in_ci(five_ways: Path, capsys,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    release = five_ways / "press_releases" / FIVE_WAYS_NAME
    release.write_text(FIVE_WAYS.replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    monkeypatch.setenv("CI", "true")
    code, _, err = run_command(capsys, "check", "--root", str(five_ways))
    assert code == 1
    lines = reported(err)
    assert len(lines) == 5 and all(HIDDEN in line for line in lines), err
    assert "Mijente" not in err and "locaton" in err  # field names, never values


def test_a_file_whose_yaml_cannot_be_read_still_has_its_name_checked(
    five_ways: Path, capsys,
) -> None:
    broken = five_ways / "press_releases" / "2024-05-01-Groups Sue.md"
    broken.write_text(FIVE_WAYS.replace("A New Coalition", "Groups Sue: A New Coalition"))
    code, _, err = run_command(capsys, "check", "--root", str(five_ways))
    assert code == 1
    shown = "press_releases/2024-05-01-Groups Sue.md"
    assert [line for line in reported(err) if line.startswith(shown)] == [
        f"{shown}:1: file name: 'Groups Sue' cannot be part of a web address (rename the file "
        "to 2024-05-01-groups-sue.md: use lowercase letters, digits and hyphens, like "
        "`just-futures-law`, and not `index`)",
        f"{shown}:2: title: has a colon (:) in its text, which YAML cannot read (put the title "
        'in quotes, because it contains a colon, like title: "Groups Sue: A New Coalition '
        'Against Surveillance")',
    ]
    # The other file's five problems come in the same round.
    assert len(reported(err)) == 7


def test_a_file_not_named_like_a_release_is_checked_too_unless_not_markdown(
    five_ways: Path, capsys,
) -> None:
    (five_ways / "press_releases" / FIVE_WAYS_NAME).unlink()
    (five_ways / "press_releases" / "May 1 release.md").write_text(
        FIVE_WAYS.replace("Ana Ruiz", "Ana Ruiz\n    email: ana@example.org")
        + "<script>alert(1)</script>\n", encoding="utf-8")
    (five_ways / "press_releases" / "photo.png").write_bytes(b"\x89PNG\r\n")
    code, _, err = run_command(capsys, "check", "--root", str(five_ways))
    assert code == 1
    assert [line.split(" (")[0] for line in reported(err)] == [
        "press_releases/May 1 release.md:1: file name: is not named like a release",
        "press_releases/May 1 release.md:4: locaton: is not a field Pressroom knows",
        "press_releases/May 1 release.md:5: the first partner: unknown partner 'Mijente'",
        "press_releases/May 1 release.md:11: body: <script> is not allowed in a page",
        "press_releases/photo.png:1: file name: is not named like a release",
    ]


def test_a_translation_is_checked_when_its_original_cannot_be_read(five_ways: Path,
                                                                   capsys) -> None:
    releases = five_ways / "press_releases"
    (releases / FIVE_WAYS_NAME).unlink()
    (releases / "2024-05-01-groups-sue.md").write_text(
        FIVE_WAYS.replace("A New Coalition", "Groups Sue: A New Coalition"), encoding="utf-8")
    (releases / "2024-05-01-groups-sue.es.md").write_text(
        "---\ntitle: Demandan\ndate: 2024-05-01\nsumary: Un resumen\n---\nTexto.\n",
        encoding="utf-8")
    code, _, err = run_command(capsys, "check", "--root", str(five_ways))
    assert code == 1
    assert [line.split(" (")[0] for line in reported(err)] == [
        "press_releases/2024-05-01-groups-sue.es.md:4: sumary: is not a field Pressroom knows",
        "press_releases/2024-05-01-groups-sue.md:2: title: has a colon",
    ]
    # Whether the original is a draft is unknown: in CI, neither file's message is quoted.
    assert [error.confidential for error in check_site(Site.at(five_ways)).errors] == [True, True]


def test_naming_a_page_that_has_errors_is_no_misspelling(five_ways: Path, capsys) -> None:
    (five_ways / "press_releases" / FIVE_WAYS_NAME).unlink()
    campaign = five_ways / "docs" / "campaigns" / "know-your-rights.md"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("title:", "titel:", 1),
                        encoding="utf-8")
    code, _, err = run_command(capsys, "check", "--root", str(five_ways))
    assert code == 1
    named = [line.split(": ", 1)[1] for line in reported(err) if "know-your-rights" in line]
    assert named[0] == "title: is required (add `title: Your headline`)"
    assert set(named[1:]) == {"campaign: names docs/campaigns/know-your-rights.md, which has "
                              "problems of its own (fix that page: its problems are listed here "
                              "too)"}


def test_each_problem_carries_the_lines_around_it(five_ways: Path) -> None:
    """What a page showing the problems needs: file, line, field, fix and the lines around."""
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(five_ways, five_ways / "press_releases", five_ways / "docs",
                      clock=FIXTURE_CLOCK, languages=FIXTURE_LANGUAGES)
    partner = next(error for error in raised.value.errors if error.field == "the first partner")
    assert (partner.file, partner.line, partner.hint) == (SHOWN, 5, "did you mean `mijente`?")
    assert partner.around == (
        (2, "title: A New Coalition Against Surveillance"), (3, "date: 2024-05-02"),
        (4, "locaton: New York"), (5, "partners: [Mijente]"), (6, "contacts:"),
        (7, "  - name: Ana Ruiz"), (8, "---"),
    )
    assert partner.lines_shown(hide_values=False) == partner.around
    held = type(partner)(**{**partner.__dict__, "confidential": True})
    assert held.lines_shown(hide_values=True) == ()


# --- one message at a time ----------------------------------------------------------------

def source_error(tmp_path: Path, text: str, name: str = "2024-05-01-x.md") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(read_source(path, f"press_releases/{name}"))


@pytest.mark.parametrize(("text", "expected"), [
    ("---\ntitle: A\ncontacts:\n  - name: B\n  \temail: b@example.org\n---\nText.\n",
     "5: front matter: this line is indented with a tab (use spaces, not a tab, to indent)"),
    ("---\ntitle: Groups Sue: A Case\ndate: 2024-05-01\n---\nText.\n",
     "2: title: has a colon (:) in its text, which YAML cannot read (put the title in quotes, "
     'because it contains a colon, like title: "Groups Sue: A Case")'),
    ("---\ntitle: A\ndate: 2024-05-01\npartners:\n  - mijente\n\nThe text begins.\n",
     "5: front matter: 2024-05-01-x.md has no line `---` to end its fields (add a line `---` "
     "after line 5, the last field, before the text of the page)"),
], ids=["tab", "colon-in-title", "no-closing-line"])
def test_front_matter_yaml_cannot_read_says_what_to_do(
    tmp_path: Path, text: str, expected: str,
) -> None:
    path = tmp_path / "2024-05-01-x.md"
    path.write_text(text, encoding="utf-8")
    assert str(read_source(path, "press_releases/2024-05-01-x.md")) == (
        f"press_releases/2024-05-01-x.md:{expected}")


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("12/02/2026", "'12/02/2026' is not written year-month-day",
     "write 2026-12-02 (year-month-day) instead of 12/02/2026"),
    ("25/12/2026", "'25/12/2026' is not written year-month-day",
     "write 2026-12-25 (year-month-day) instead of 25/12/2026"),
    ("2026/12/2", "'2026/12/2' is not written year-month-day",
     "write 2026-12-02 (year-month-day) instead of 2026/12/2"),
    ("December 2, 2026", "'December 2, 2026' is not written year-month-day",
     "write 2026-12-02 (year-month-day) instead of December 2, 2026"),
    ("2 de diciembre de 2026", "'2 de diciembre de 2026' is not written year-month-day",
     "write 2026-12-02 (year-month-day) instead of 2 de diciembre de 2026"),
    ("2026-02-30", "'2026-02-30' is an impossible date: February 2026 has 28 days",
     "check the day and the month"),
    ("2026-13-01", "'2026-13-01' is an impossible date: there is no month 13",
     "check the day and the month"),
    ("13/13/2026", "'13/13/2026' is not a date written year-month-day",
     "write it as year-month-day, for example 2020-10-20"),
    ("soon", "'soon' is not a date written year-month-day",
     "write it as year-month-day, for example 2020-10-20"),
])
def test_a_date_written_another_way_says_which_date_to_write(
    written: str, message: str, hint: str,
) -> None:
    assert field_problem(ReleaseFront, "date", written) == (message, hint)


def test_only_dates_written_right_are_not_rewritten() -> None:
    assert meant_date("2026-12-02") == meant_date("12/02/2026")
    assert meant_date("") is None and meant_date(True) is None


def test_did_you_mean_finds_other_capitals_spacing_and_spelling() -> None:
    known = ["border-rights-network", "just-futures-law", "mijente"]
    assert closest("Mijente", known) == "mijente"
    assert closest("Just Futures Law", known) == "just-futures-law"
    assert closest("just-future-law", known) == "just-futures-law"
    assert closest("aclu", known) is None


# --- `pressroom new` at a terminal -----------------------------------------------------------

def ask_with(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Answer `pressroom new`'s questions in order; the questions asked are returned."""
    asked: list[str] = []
    left = iter(answers)

    def answer(question: str) -> str:
        asked.append(question)
        try:
            return next(left)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    return asked


def questions(asked: list[str]) -> list[str]:
    return [question.split(",")[0].split(" (")[0].split(" [")[0] for question in asked]


def test_new_asks_again_for_each_bad_answer_and_keeps_the_good_ones(
    fixture_site: Path, capsys, monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = ask_with(monkeypatch, [
        "Hotline Opens in Yuma",
        "05/01/2024", "2024-05-01",
        "Data-Justice, border-rights-netwrk", "data-justice, border-rights-network",
        "Yuma",
        "know-your-rihgts", "know-your-rights",
    ])
    code, _, err = run_command(capsys, "new", "--root", str(fixture_site))
    assert code == 0, err
    assert questions(asked) == ["Headline: ", "Date", "Date", "Partners", "Partners",
                                "Location of the dateline", "Campaign", "Campaign"]
    assert err.splitlines() == [
        "  '05/01/2024' is not written year-month-day (write 2024-05-01 (year-month-day) "
        "instead of 05/01/2024)",
        "  unknown partner 'Data-Justice' (did you mean `data-justice`?); unknown partner "
        "'border-rights-netwrk' (did you mean `border-rights-network`?)",
        "  unknown campaign 'know-your-rihgts' (did you mean `know-your-rights`?)",
    ]
    path = fixture_site / "press_releases" / "2024-05-01-hotline-opens-in-yuma.md"
    front = ReleaseFront.model_validate(read_source(path, "x").metadata)
    assert (front.title, front.location, front.campaign) == (
        "Hotline Opens in Yuma", "Yuma", "know-your-rights")
    assert front.partners == ["data-justice", "border-rights-network"]
    assert run_command(capsys, "check", "--root", str(fixture_site))[0] == 0


def test_new_asks_again_for_a_bad_option_given_at_a_terminal(
    fixture_site: Path, capsys, monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = ask_with(monkeypatch, ["2024-02-29", "", ""])
    code, _, err = run_command(capsys, "new", "A Leap Day Release", "--date", "2024-02-30",
                               "--partners", "data-justice", "--root", str(fixture_site))
    assert code == 0, err
    assert questions(asked) == ["Date", "Location of the dateline", "Campaign"]
    assert "'2024-02-30' is an impossible date: February 2024 has 29 days" in err
    assert (fixture_site / "press_releases" / "2024-02-29-a-leap-day-release.md").is_file()


def test_new_stops_when_the_answers_end(
    fixture_site: Path, capsys, monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = sorted((fixture_site / "press_releases").iterdir())
    ask_with(monkeypatch, ["A Headline", "1 May"])
    code, _, err = run_command(capsys, "new", "--root", str(fixture_site))
    assert code == 2
    assert "no answer given: nothing was written" in err
    assert sorted((fixture_site / "press_releases").iterdir()) == before


def test_new_names_fields_as_check_does(fixture_site: Path, capsys,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: False)
    code, _, err = run_command(capsys, "new", "A Headline", "--date", "12/02/2026",
                               "--partners", "data-justice", "--root", str(fixture_site))
    assert code == 2
    assert "date: '12/02/2026' is not written year-month-day (write 2026-12-02" in err


# --- starting the preview ---------------------------------------------------------------------

README = (REPO / "README.md").read_text(encoding="utf-8")
END_OF_LIFE = "Material for MkDocs reaches end of life"


def readme_commands(heading: str) -> list[str]:
    section = README.split(heading, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)


def test_readme_separates_setting_up_from_starting_again() -> None:
    first_time, again = README.split("### Start the preview again", 1)
    assert readme_commands("## Preview the site on your computer")[0] == (
        "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt")
    assert "mkdocs serve" not in first_time.split("## Preview the site on your computer")[1]
    start, other_port = readme_commands("### Start the preview again")[:2]
    assert start == "NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs serve --livereload"
    assert other_port == f"{start} -a 127.0.0.1:8001"
    assert "lsof -i :8000" in again and 'pkill -f "mkdocs serve"' in again


def test_the_readme_variable_hides_materials_end_of_life_box(fixture_site: Path) -> None:
    """Material prints its box at every start of `mkdocs`, unless the README's variable is set
    as the README sets it. (Both builds stop at the content's problems, quickly.)"""
    (fixture_site / "press_releases" / FIVE_WAYS_NAME).write_text(FIVE_WAYS, encoding="utf-8")
    assignment = readme_commands("### Start the preview again")[0].split()[0]
    name, value = assignment.split("=")
    assert name == "NO_MKDOCS_2_WARNING"
    shown = run_build(fixture_site, env={name: ""})
    assert END_OF_LIFE in shown.log
    hidden = run_build(fixture_site, env={name: value})
    assert END_OF_LIFE not in hidden.log
    assert "problems in the newsroom content" in hidden.log
