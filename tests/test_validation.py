"""Broken content fails the build with `file:line: field: message (hint)` for every problem.

Each case starts from one valid release and breaks one thing, so the error it expects can
only come from that break; the control test proves the valid release builds on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import Build, run_build

VALID = """\
---
title: Coalition Responds to New Detention Figures
date: {date}
location: Phoenix, Ariz.
partners:
  - data-justice
  - community-voices
contacts:
  - name: Priya Natarajan
    email: priya@data-justice.example.org
campaign: detention-transparency
topics: [detention]
---
The coalition today responded to new figures on immigration detention in Arizona.
"""


def valid(date: str = "2022-01-10") -> str:
    return VALID.format(date=date)


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, str]  # name in press_releases/ -> content
    # (file, line, field, message regex, hint regex) for every error the case must report
    errors: list[tuple[str, int, str, str, str]]


CASES = [
    Case(
        "invalid-yaml",
        {"2022-01-10-broken-yaml.md": valid().replace(
            "title: Coalition Responds to New Detention Figures",
            "title: Coalition Responds: New Detention Figures")},
        [("2022-01-10-broken-yaml.md", 2, "title",
          r"has a colon \(:\) in its text, which YAML cannot read",
          r"put the title in quotes, because it contains a colon, like "
          r"title: \"Coalition Responds: New Detention Figures\"")],
    ),
    Case(
        "missing-title",
        {"2022-01-10-no-title.md": valid().replace(
            "title: Coalition Responds to New Detention Figures\n", "")},
        [("2022-01-10-no-title.md", 1, "title", r"is required", r"add `title: ")],
    ),
    Case(
        "missing-date",
        {"2022-01-10-no-date.md": valid().replace("date: 2022-01-10\n", "")},
        [("2022-01-10-no-date.md", 1, "date", r"is required", r"add `date: .*year-month-day")],
    ),
    Case(
        "impossible-date",
        {"2021-02-28-impossible-date.md": valid("2021-02-30")},
        [("2021-02-28-impossible-date.md", 3, "date",
          r"'2021-02-30' is an impossible date: February 2021 has 28 days",
          r"check the day and the month")],
    ),
    Case(
        "unknown-partner",
        {"2022-01-10-unknown-partner.md": valid().replace(
            "  - community-voices\n", "  - community-voicez\n")},
        [("2022-01-10-unknown-partner.md", 7, "the second partner",
          r"unknown partner 'community-voicez'", r"did you mean `community-voices`\?")],
    ),
    Case(
        "unknown-campaign",
        {"2022-01-10-unknown-campaign.md": valid().replace(
            "campaign: detention-transparency", "campaign: detention")},
        [("2022-01-10-unknown-campaign.md", 11, "campaign", r"unknown campaign 'detention'",
          r"known campaigns: detention-transparency, know-your-rights, stop-face-surveillance")],
    ),
    Case(
        "invalid-email",
        {"2022-01-10-invalid-email.md": valid().replace(
            "priya@data-justice.example.org", "priya(at)data-justice.example.org")},
        [("2022-01-10-invalid-email.md", 10, "the first contact's email",
          r"'priya\(at\)data-justice.example.org' is not a valid email address",
          r"name@example.org")],
    ),
    Case(
        "duplicate-address",
        {
            "2022-01-10-same-slug.md": valid(),
            "2022-07-01-other-name.md": valid("2022-07-01").replace(
                "\ntopics:", "\nslug: same-slug\ntopics:"),
        },
        [
            ("2022-01-10-same-slug.md", 1, "slug",
             r"/press/2022/same-slug/ is also the address of "
             r"press_releases/2022-07-01-other-name.md", r"different slug"),
            ("2022-07-01-other-name.md", 12, "slug",
             r"/press/2022/same-slug/ is also the address of "
             r"press_releases/2022-01-10-same-slug.md", r"different slug"),
        ],
    ),
    Case(
        "slug-path-trick",
        {"2022-01-10-path-trick.md": valid().replace(
            "\ntopics:", "\nslug: ../../etc/passwd\ntopics:")},
        [("2022-01-10-path-trick.md", 12, "slug", r"'\.\./\.\./etc/passwd' is not a valid slug",
          r"lowercase letters, digits and hyphens")],
    ),
    Case(
        "file-name-slug",
        {"2021-01-01-Bad_Slug.md": valid("2021-01-01")},
        [("2021-01-01-Bad_Slug.md", 1, "file name",
          r"'Bad_Slug' cannot be part of a web address", r"lowercase letters, digits and hyphens")],
    ),
    Case(
        "file-name",
        {"notes.md": valid()},
        [("notes.md", 1, "file name", r"is not named like a release", r"YYYY-MM-DD-slug\.md")],
    ),
    Case(
        "one-file-many-problems",
        {"2022-01-10-many-problems.md": valid().replace(
            "title: Coalition Responds to New Detention Figures\n", "").replace(
            "  - community-voices\n", "  - community-voicez\n").replace(
            "priya@data-justice.example.org", "priya at data-justice")},
        [("2022-01-10-many-problems.md", 1, "title", r"is required", r"add `title: "),
         ("2022-01-10-many-problems.md", 6, "the second partner",
          r"unknown partner 'community-voicez'", r"did you mean `community-voices`\?"),
         ("2022-01-10-many-problems.md", 9, "the first contact's email",
          r"'priya at data-justice' is not a valid email address", r"name@example.org")],
    ),
]


def error_line(file: str, line: int, field: str, message: str, hint: str) -> re.Pattern[str]:
    """One reported error, exactly in the form `file:line: field: message (hint)`."""
    prefix = re.escape(f"press_releases/{file}:{line}: {field}: ")
    return re.compile(rf"^\s*{prefix}{message} \(.*{hint}.*\)$", re.MULTILINE)


def write_cases(site: Path, cases: list[Case]) -> None:
    for case in cases:
        for name, text in case.files.items():
            target = site / "press_releases" / name
            assert not target.exists()
            target.write_text(text, encoding="utf-8")


def assert_reports(build: Build, cases: list[Case]) -> None:
    assert build.result.returncode != 0, f"the build passed despite broken content:\n{build.log}"
    assert not (build.out / "press" / "index.html").exists()
    expected = [error for case in cases for error in case.errors]
    for error in expected:
        assert error_line(*error).search(build.log), (
            f"missing `{error[0]}:{error[1]}: {error[2]}: ...` in:\n{build.log}"
        )
    count = len(expected)
    assert f"{count} problem{'s' if count != 1 else ''} in the newsroom content" in build.log


def test_valid_release_builds_alone(fixture_site: Path) -> None:
    # The control for every case below: unbroken, the same release is published.
    write_cases(fixture_site, [Case("valid", {"2022-01-10-valid.md": valid()}, [])])
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    (h1,) = build.page("press/2022/valid/").xpath("//h1")
    assert h1.text_content() == "Coalition Responds to New Detention Figures"
    assert "Coalition Responds to New Detention Figures" in build.text("press/index.html")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_error_fails_the_build_and_says_where(fixture_site: Path, case: Case) -> None:
    write_cases(fixture_site, [case])
    build = run_build(fixture_site)  # not strict: content errors fail every build
    assert_reports(build, [case])


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_all_errors_are_reported_in_one_run(fixture_site: Path, strict: bool) -> None:
    write_cases(fixture_site, CASES)
    build = run_build(fixture_site, *(["--strict"] if strict else []))
    assert_reports(build, CASES)


def test_errors_in_partner_and_campaign_pages(fixture_site: Path) -> None:
    docs = fixture_site / "docs"
    partner = docs / "partners" / "data-justice.md"
    partner.write_text(
        partner.read_text(encoding="utf-8").replace(
            "website: https://data-justice.example.org", "website: data-justice dot org"),
        encoding="utf-8")
    campaign = docs / "campaigns" / "know-your-rights.md"
    campaign.write_text(
        campaign.read_text(encoding="utf-8").replace("status: closed", "status: finished"),
        encoding="utf-8")
    build = run_build(fixture_site)
    assert build.result.returncode != 0
    assert re.search(r"^\s*docs/partners/data-justice\.md:4: website: 'data-justice dot org' "
                     r"is not a web address \(.*https://.*\)$", build.log, re.MULTILINE), build.log
    assert re.search(r"^\s*docs/campaigns/know-your-rights\.md:4: status: 'finished' "
                     r"is not allowed \(use one of 'active' or 'closed'\)$",
                     build.log, re.MULTILINE), build.log
