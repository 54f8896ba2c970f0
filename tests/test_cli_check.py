"""`pressroom check`: every problem at once, on the line to fix, without building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import run_command

from pressroom.cli.main import main

BROKEN = """\
---
title: Broken release
date: 2021-02-17
partners: [nobody-we-know]
contacts:
  - name: Jane Doe
    email: not-an-email
summery: typo
---
Body.
"""


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_site_passes(fixture_site: Path, capsys) -> None:
    code, out, _ = _run(capsys, "check", "--root", str(fixture_site))
    assert code == 0
    assert "8 releases (and 3 in Spanish), 4 partners and 3 campaigns: no problems." in out


def test_every_problem_is_reported_on_its_line(fixture_site: Path, capsys) -> None:
    (fixture_site / "press_releases" / "2021-02-17-broken.md").write_text(BROKEN)
    (fixture_site / "docs" / "partners" / "data-justice.md").write_text(
        "---\nname: Data Justice Alliance\nwebsite: not a url\n---\nAbout.\n"
    )
    code, _, err = _run(capsys, "check", "--root", str(fixture_site))
    assert code == 1
    assert "press_releases/2021-02-17-broken.md:7: the first contact's email: 'not-an-email' " \
        "is not a valid email address (write it like name@example.org)" in err
    assert "press_releases/2021-02-17-broken.md:8: summery: is not a field Pressroom knows " \
        "(did you mean `summary`?)" in err
    assert "docs/partners/data-justice.md:3: website: 'not a url' is not a web address" in err
    assert "2021-02-17-broken.md:4: the first partner: unknown partner 'nobody-we-know'" in err


def test_paths_limit_the_report(fixture_site: Path, capsys) -> None:
    broken = fixture_site / "press_releases" / "2021-02-17-broken.md"
    broken.write_text(BROKEN)
    other = fixture_site / "press_releases" / "2019-03-12-advocates-foia-ice-facial-recognition.md"
    code, _, err = _run(capsys, "check", "--root", str(fixture_site), str(other))
    assert (code, err) == (0, "")
    code, _, err = _run(capsys, "check", "--root", str(fixture_site), str(broken))
    assert code == 1 and "2021-02-17-broken.md" in err


def test_missing_path_is_a_usage_error(fixture_site: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--root", str(fixture_site), str(fixture_site / "nope.md")])
    assert stopped.value.code == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_releases_dir_comes_from_mkdocs_yml(fixture_site: Path, capsys) -> None:
    config = fixture_site / "mkdocs.yml"
    text = config.read_text().replace(
        "  - pressroom:\n", "  - pressroom:\n      releases_dir: news\n"
    )
    # A tag PyYAML's safe loader rejects must not stop the check.
    config.write_text(text + "markdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    (fixture_site / "press_releases").rename(fixture_site / "news")
    code, out, _ = _run(capsys, "check", "--root", str(fixture_site))
    assert code == 0 and "8 releases" in out


@pytest.mark.parametrize("command", ["new", "check", "import", "schema"])
def test_every_command_has_help(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    assert "--root" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["publish"])
    assert stopped.value.code == 2


def test_python_dash_m_runs_the_command(fixture_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", "check"], cwd=fixture_site,
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_file_named_from_elsewhere_is_found_in_the_site(
    fixture_site: Path, tmp_path: Path, capsys, monkeypatch,
) -> None:
    # Run from another folder, `check --root SITE press_releases/x.md` checks the site's file,
    # and a decoy of that name in the current folder changes nothing.
    release = fixture_site / "press_releases" / "2024-08-20-data-brokers-immigrant-tracking.md"
    release.write_text(release.read_text(encoding="utf-8").replace("---\n", "---\ntitel: x\n", 1),
                       encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "press_releases").mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    code, _out, err = run_command(capsys, "check", "--root", str(fixture_site),
                                  f"press_releases/{release.name}")
    assert code == 1 and "titel" in err
    code, _out, err = run_command(capsys, "check", "--root", str(fixture_site), "/etc/passwd")
    assert code == 2 and "is not inside the site" in err


def test_a_folder_that_is_no_site_is_named(tmp_path: Path, capsys) -> None:
    code, _out, err = run_command(capsys, "check", "--root", str(tmp_path))
    assert code == 2 and f"no mkdocs.yml in {tmp_path.resolve()}" in err
    (tmp_path / "file").write_text("x")
    code, _out, err = run_command(capsys, "status", "--root", str(tmp_path / "file"))
    assert code == 2 and "is not a folder" in err
