"""Malformed files fail loudly, on the line to fix: an embargo never fails open.

A key written twice, an embargo Pydantic would read as seconds since 1970, front matter that
never closes, YAML aliases that expand to billions of values, a release hidden in a subfolder
or behind a link: each is a `file:line: field: message (fix)` error, never a guess, a
traceback or a misleading "title is required". Most cases run the core in-process; a few run
the real `pressroom check`, `mkdocs build` and the editor's schema check to show they agree.
"""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sitebuild import REPO, run_build

from pressroom.core.content.front_matter import EMBARGO_PATTERN, ReleaseFront
from pressroom.core.content.release_file import render_release
from pressroom.core.content.schema import release_schema
from pressroom.core.errors import ContentErrors
from pressroom.core.loading.load import RELEASE_SUBFOLDERS, load_newsroom
from pressroom.core.loading.source import MAX_FRONT_MATTER, SourceDocument, read_source

PARTNER = "---\nname: Alpha\nwebsite: https://example.org\n---\nAlpha is a partner.\n"
CAMPAIGN = "---\ntitle: A campaign\npartners: [alpha]\nstatus: active\n---\nAbout it.\n"
RELEASE = "---\ntitle: A headline\ndate: 2021-03-04\npartners: [alpha]\n---\nThe body.\n"
NAME = "2021-03-04-a-headline.md"
SHOWN = f"press_releases/{NAME}"
EMBARGO_HINT = "write it like 2026-12-01T09:00:00-05:00: date, T, time with seconds, offset"
NUMBER_HINT = "write the date, the time and the UTC offset, for example 2026-12-01T09:00:00-05:00"
DATE_HINT = "write it as year-month-day, for example 2020-10-20"
ANCHOR_HINT = "write each value out in full: front matter cannot use anchors (&) or aliases (*)"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A repository with one partner, one campaign and an empty press_releases/."""
    root = tmp_path / "repo"
    (root / "docs" / "partners").mkdir(parents=True)
    (root / "docs" / "campaigns").mkdir()
    (root / "press_releases").mkdir()
    (root / "docs" / "partners" / "alpha.md").write_text(PARTNER, encoding="utf-8")
    (root / "docs" / "campaigns" / "foia.md").write_text(CAMPAIGN, encoding="utf-8")
    return root


def load(root: Path, cache: dict | None = None):
    return load_newsroom(root, root / "press_releases", root / "docs", cache)


def errors(root: Path, files: dict[str, str | bytes] | None = None) -> list[str]:
    """Every error loading the newsroom reports, after writing `files` (paths from root)."""
    for name, text in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(ContentErrors) as raised:
        load(root)
    return [str(error) for error in raised.value.errors]


def release_with(*lines: str) -> str:
    """The valid release with front matter lines added before its closing `---`."""
    return RELEASE.replace("---\nThe body.", "\n".join([*lines, "---\nThe body."]))


def test_the_unbroken_release_loads(newsroom: Path) -> None:
    # The control for every case below: each error can only come from what the case breaks.
    (newsroom / "press_releases" / NAME).write_text(RELEASE, encoding="utf-8")
    (release,) = load(newsroom).releases
    assert release.front.title == "A headline"


# --- keys written twice: never "the last one wins" ------------------------------------------

def test_draft_written_twice_names_both_lines(newsroom: Path) -> None:
    text = release_with("draft: true", "summary: Short.", "draft: false")
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [
        f"{SHOWN}:7: draft: is written twice, on lines 5 and 7 (keep one of them)"
    ]


def test_embargo_added_to_a_new_release_that_already_has_an_empty_one(newsroom: Path) -> None:
    # `pressroom new` writes every field, `embargo:` empty at the end; staff add one at the top.
    new = render_release(
        {"title": "A headline", "date": "2021-03-04", "partners": ["alpha"], "draft": True},
        "The body.",
    )
    text = new.replace("title: A headline\n", "title: A headline\n"
                       "embargo: 2026-12-01T09:00:00-05:00\n")
    empty = text.splitlines().index("embargo:") + 1
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [
        f"{SHOWN}:{empty}: embargo: is written twice, on lines 4 and {empty} (keep one of them)"
    ]


def test_nested_key_written_twice(newsroom: Path) -> None:
    text = release_with("contacts:", "  - name: Ana", "    email: ana@example.org",
                        "    email: ana@example.com")
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [
        f"{SHOWN}:8: the first contact's email: is written twice, on lines 7 and 8 "
        "(keep one of them)"
    ]


def test_keys_written_twice_in_partner_and_campaign_pages(newsroom: Path) -> None:
    assert errors(newsroom, {
        "docs/partners/alpha.md": PARTNER.replace("---\nAlpha", "name: Alpha Two\n---\nAlpha"),
        "docs/campaigns/foia.md": CAMPAIGN.replace("---\nAbout", "status: closed\n---\nAbout"),
    }) == [
        "docs/campaigns/foia.md:5: status: is written twice, on lines 4 and 5 (keep one of them)",
        "docs/partners/alpha.md:4: name: is written twice, on lines 2 and 4 (keep one of them)",
    ]


def test_merge_key_cannot_hide_a_second_key(newsroom: Path) -> None:
    text = release_with("<<: {draft: true}", "draft: false")
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [
        f"{SHOWN}:5: front matter: uses a YAML merge key `<<` (write each field out in full, once)"
    ]


# --- embargo and date: one written form each, never a Unix time ------------------------------

@pytest.mark.parametrize(("value", "message", "hint"), [
    ("20261201", "20261201 is a number, not a date and time", NUMBER_HINT),
    ('"20261201"', "'20261201' is not a date and time with its UTC offset", EMBARGO_HINT),
    ("0", "0 is a number, not a date and time", NUMBER_HINT),
    ("1.5", "1.5 is a number, not a date and time", NUMBER_HINT),
    ('"1764590400"', "'1764590400' is not a date and time with its UTC offset", EMBARGO_HINT),
    ("true", "True is not a date and time with its UTC offset", EMBARGO_HINT),
    ("2026-12-01T09:00-05:00",
     "'2026-12-01T09:00-05:00' is not a date and time with its UTC offset", EMBARGO_HINT),
    ("2026-12-01T09:00:00",
     "'2026-12-01T09:00:00' has no UTC offset, so the moment it lifts is ambiguous",
     "add the offset, for example 2026-12-01T09:00:00-05:00"),
    ("2026-02-30T09:00:00Z", "'2026-02-30T09:00:00Z' is not a real date and time",
     "write it like 2026-12-01T09:00:00-05:00"),
], ids=["number", "quoted-number", "zero", "float", "unix-time-text", "bool", "no-seconds",
        "no-offset", "impossible"])
def test_embargo_accepts_only_a_date_time_with_offset(
    newsroom: Path, value: str, message: str, hint: str
) -> None:
    text = release_with(f"embargo: {value}")
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [
        f"{SHOWN}:5: embargo: {message} ({hint})"
    ]


@pytest.mark.parametrize("value", [
    "2026-12-01T09:00:00-05:00", "2026-12-01T14:00:00Z", "2026-12-01 09:00:00+01:00",
    "2026-12-01T09:00:00.5-05:00", '"2026-12-01T09:00:00-05:00"',
])
def test_embargo_written_right_is_accepted(newsroom: Path, value: str) -> None:
    (newsroom / "press_releases" / "2026-12-01-held.md").write_text(
        RELEASE.replace("date: 2021-03-04\n", f"embargo: {value}\n"), encoding="utf-8")
    (release,) = load(newsroom).releases
    assert release.front.embargo is not None and release.front.embargo.utcoffset() is not None
    assert str(release.front.date) == "2026-12-01"


def test_a_wrong_embargo_without_a_date_is_one_error(newsroom: Path) -> None:
    # The date would come from the embargo: "date is required" would point at the wrong line.
    text = RELEASE.replace("date: 2021-03-04\n", "embargo: 2026-12-01T09:00\n")
    assert errors(newsroom, {"press_releases/2026-12-01-held.md": text}) == [
        "press_releases/2026-12-01-held.md:3: embargo: '2026-12-01T09:00' has no UTC offset, "
        "so the moment it lifts is ambiguous (add the offset, for example "
        "2026-12-01T09:00:00-05:00)"
    ]


@pytest.mark.parametrize(("value", "message", "hint"), [
    ('"20210304"', "'20210304' is not written year-month-day",
     "write 2021-03-04 (year-month-day) instead of 20210304"),
    ("12/02/2026", "'12/02/2026' is not written year-month-day",
     "write 2026-12-02 (year-month-day) instead of 12/02/2026"),
    ('"1614816000"', "'1614816000' is not a date written year-month-day", DATE_HINT),
    ("2021-03-04T00:00:00", "'2021-03-04T00:00:00' is not written year-month-day",
     "write 2021-03-04 (year-month-day) instead of 2021-03-04T00:00:00"),
    ("20210304", "20210304 is not written year-month-day",
     "write 2021-03-04 (year-month-day) instead of 20210304"),
    ("2021-02-30", "'2021-02-30' is an impossible date: February 2021 has 28 days",
     "check the day and the month"),
], ids=["quoted-number", "us-order", "unix-time-text", "date-time", "number", "impossible"])
def test_date_is_written_yyyy_mm_dd(newsroom: Path, value: str, message: str, hint: str) -> None:
    text = RELEASE.replace("date: 2021-03-04", f"date: {value}")
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [
        f"{SHOWN}:3: date: {message} ({hint})"
    ]


def test_schema_states_the_models_rule() -> None:
    embargo = release_schema()["properties"]["embargo"]["anyOf"][0]
    assert embargo == {"type": "string", "format": "date-time", "pattern": EMBARGO_PATTERN}
    assert release_schema()["properties"]["date"]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"


def test_editor_schema_check_agrees_with_the_model(tmp_path: Path) -> None:
    """The editor (remark + Ajv, on the committed schema) flags exactly what the model refuses."""
    node = shutil.which("node")
    remark = REPO / "node_modules" / "remark-cli" / "cli.js"
    if node is None or not remark.is_file():
        pytest.fail("node or node_modules is missing: run scripts/test (or `npm ci`)")
    shutil.copy(REPO / ".remarkrc.mjs", tmp_path)
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    (tmp_path / "press_releases").mkdir()
    values = ["2026-12-01T09:00:00-05:00", "2026-12-01T14:00:00Z", "20261201", '"20261201"',
              "0", "2026-12-01T09:00-05:00", "2026-12-01T09:00:00", "2026-02-30T09:00:00Z"]
    for index, value in enumerate(values):
        (tmp_path / "press_releases" / f"e{index}.md").write_text(
            release_with(f"embargo: {value}"), encoding="utf-8")
    result = subprocess.run(
        [node, str(remark), "--no-stdout", "--no-color", "--quiet", "press_releases"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    flagged = {index for index in range(len(values))
               if f"press_releases/e{index}.md" in result.stderr}
    refused = set()
    for index in range(len(values)):
        document = read_source(tmp_path / "press_releases" / f"e{index}.md", "x")
        assert isinstance(document, SourceDocument)
        try:
            ReleaseFront.model_validate(document.metadata)
        except ValueError:
            refused.add(index)
    assert refused == {2, 3, 4, 5, 6, 7}, refused
    assert flagged == refused, result.stderr


# --- files that are not a front matter and a body --------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("---\ntitle: A headline\ndate: 2021-03-04\npartners: [alpha]\nThe body.\n",
     "4: front matter: 2021-03-04-a-headline.md has no line `---` to end its fields "
     "(add a line `---` after line 4, the last field, before the text of the page)"),
    ("\n" + RELEASE,
     "1: front matter: the opening `---` is not the first line of the file "
     "(delete the blank lines or spaces before `---`)"),
    ("  " + RELEASE,
     "1: front matter: the opening `---` is not the first line of the file "
     "(delete the blank lines or spaces before `---`)"),
    ("The body, and nothing else.\n",
     "1: front matter: is missing (start the file with a line `---`, then fields such as "
     "`title: Your headline`, then another line `---`)"),
    ("",
     "1: front matter: is missing (start the file with a line `---`, then fields such as "
     "`title: Your headline`, then another line `---`)"),
    (RELEASE + "More.\nA NUL\x00 here.\n",
     "8: file: contains a NUL character (invisible) "
     "(delete it: retype the line, or copy the text into a new file)"),
    (RELEASE.replace("A headline", "A\x00headline"),
     "2: file: contains a NUL character (invisible) "
     "(delete it: retype the line, or copy the text into a new file)"),
    (RELEASE.replace("A headline", "A\x01headline"),
     "2: front matter: contains an invisible control character (#x0001) "
     "(delete it: retype the line)"),
    (release_with("summary: " + "x" * MAX_FRONT_MATTER),
     "1: front matter: is longer than 64 KiB "
     "(keep only the fields between the `---` lines, and put long text in the body)"),
], ids=["unclosed", "blank-line-first", "spaces-first", "no-front-matter", "empty-file",
        "nul-in-body", "nul-in-front-matter", "control-character", "too-long"])
def test_malformed_file_is_one_clear_error(newsroom: Path, text: str, expected: str) -> None:
    assert errors(newsroom, {f"press_releases/{NAME}": text}) == [f"{SHOWN}:{expected}"]


def test_partner_page_without_front_matter(newsroom: Path) -> None:
    # The campaign names the partner that could not be read: that is reported too.
    assert errors(newsroom, {"docs/partners/alpha.md": "Alpha is a partner.\n"}) == [
        "docs/campaigns/foia.md:3: the first partner: names docs/partners/alpha.md, which has "
        "problems of its own (fix that page: its problems are listed here too)",
        "docs/partners/alpha.md:1: front matter: is missing (start the file with a line `---`, "
        "then fields such as `title: Your headline`, then another line `---`)"
    ]


# --- anchors and aliases: refused before anything is built -----------------------------------

def billion_laughs(depth: int = 9, width: int = 10) -> str:
    """A release whose front matter stands for width**depth copies of "lol"."""
    lines = ["---", "title: A headline", "date: 2021-03-04", "partners: [alpha]",
             'lol0: &a0 "lol"']
    lines += [f"lol{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]"
              for level in range(1, depth + 1)]
    return "\n".join([*lines, "---", "The body.", ""])


LAUGHS_ERROR = f"{SHOWN}:5: front matter: uses the YAML anchor `&a0` ({ANCHOR_HINT})"


def test_alias_and_anchor_are_refused(newsroom: Path) -> None:
    aliased = release_with("summary: *headline")
    anchored = RELEASE.replace("title: A headline", "title: &headline A headline")
    assert errors(newsroom, {f"press_releases/{NAME}": aliased}) == [
        f"{SHOWN}:5: front matter: uses the YAML alias `*headline` ({ANCHOR_HINT})"
    ]
    assert errors(newsroom, {f"press_releases/{NAME}": anchored}) == [
        f"{SHOWN}:2: front matter: uses the YAML anchor `&headline` ({ANCHOR_HINT})"
    ]


def test_ampersands_and_asterisks_in_text_are_fine(newsroom: Path) -> None:
    (newsroom / "press_releases" / NAME).write_text(
        release_with("summary: Smith & Jones say *no* to 5*3 & more"), encoding="utf-8")
    (release,) = load(newsroom).releases
    assert release.front.summary == "Smith & Jones say *no* to 5*3 & more"


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the block after `seconds`, so a regression fails instead of hanging the suite."""

    def stop(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_billion_laughs_fails_fast_in_process(newsroom: Path) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with time_limit(2):
            found = errors(newsroom, {f"press_releases/{NAME}": billion_laughs(depth=8)})
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == [LAUGHS_ERROR]
    assert elapsed < 1, elapsed
    assert peak < 100 * 2**20, peak


def _one_gibibyte() -> None:
    # A regression then fails with MemoryError instead of eating the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def check(root: Path, limit_memory: bool = False) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", "check", "--root", str(root)],
        capture_output=True, text=True, timeout=30, check=False,
        preexec_fn=_one_gibibyte if limit_memory else None,
    )
    return result, time.monotonic() - started


def test_billion_laughs_fails_fast_in_pressroom_check(fixture_site: Path) -> None:
    (fixture_site / "press_releases" / NAME).write_text(billion_laughs(), encoding="utf-8")
    result, elapsed = check(fixture_site, limit_memory=True)
    assert result.returncode == 1, result.stderr
    assert f"  {LAUGHS_ERROR}" in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < 10, elapsed


# --- which files are releases: no subfolders, no links out -----------------------------------

def test_no_subfolders_are_allowed_yet() -> None:
    assert isinstance(RELEASE_SUBFOLDERS, frozenset) and not RELEASE_SUBFOLDERS


def test_release_in_a_subfolder_is_an_error(newsroom: Path) -> None:
    assert errors(newsroom, {f"press_releases/drafts/{NAME}": RELEASE,
                             "press_releases/2019/old/notes.txt": "x"}) == [
        "press_releases/2019:1: folder: releases live directly in press_releases/, "
        "not in subfolders (move its releases up, or delete the folder)",
        "press_releases/drafts:1: folder: releases live directly in press_releases/, "
        "not in subfolders (move its releases up, or delete the folder)",
    ]


def test_dot_folders_and_dot_files_stay_ignored(newsroom: Path) -> None:
    releases = newsroom / "press_releases"
    (releases / ".git-crypt").mkdir()
    (releases / ".git-crypt" / NAME).write_text("not a release", encoding="utf-8")
    (releases / ".gitkeep").write_text("", encoding="utf-8")
    (releases / NAME).write_text(RELEASE, encoding="utf-8")
    assert len(load(newsroom).releases) == 1


def test_linked_file_inside_the_repository_is_a_release(newsroom: Path) -> None:
    (newsroom / "shared").mkdir()
    (newsroom / "shared" / "release.md").write_text(RELEASE, encoding="utf-8")
    (newsroom / "press_releases" / NAME).symlink_to(newsroom / "shared" / "release.md")
    (release,) = load(newsroom).releases
    assert release.front.title == "A headline"


def test_links_outside_the_repository_or_nowhere_are_errors(
    newsroom: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / NAME).write_text(RELEASE, encoding="utf-8")
    releases = newsroom / "press_releases"
    (releases / NAME).symlink_to(outside / NAME)
    (releases / "2021-03-05-gone.md").symlink_to(newsroom / "missing.md")
    (releases / "outside").symlink_to(outside, target_is_directory=True)
    (newsroom / "archive").mkdir()
    (newsroom / "archive" / "2021-03-06-old.md").write_text(RELEASE, encoding="utf-8")
    (releases / "archive").symlink_to(newsroom / "archive", target_is_directory=True)
    assert errors(newsroom) == [
        f"{SHOWN}:1: file: is a link that points outside the repository "
        "(copy the file into the repository instead of linking to it)",
        "press_releases/2021-03-05-gone.md:1: file: is a link to a file that does not exist "
        "(fix the link, or delete it)",
        "press_releases/archive:1: folder: is a link to a folder "
        "(move the releases themselves into press_releases/)",
        "press_releases/outside:1: file: is a link that points outside the repository "
        "(copy the file into the repository instead of linking to it)",
    ]


def test_partner_and_campaign_links_outside_or_nowhere(newsroom: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(PARTNER, encoding="utf-8")
    (newsroom / "docs" / "partners" / "beta.md").symlink_to(outside)
    (newsroom / "docs" / "campaigns" / "gone.md").symlink_to(newsroom / "missing.md")
    assert errors(newsroom) == [
        "docs/campaigns/gone.md:1: file: is a link to a file that does not exist "
        "(fix the link, or delete it)",
        "docs/partners/beta.md:1: file: is a link that points outside the repository "
        "(copy the file into the repository instead of linking to it)",
    ]


def test_dangling_link_with_the_preview_cache_is_an_error_not_a_traceback(
    newsroom: Path,
) -> None:
    (newsroom / "press_releases" / NAME).symlink_to(newsroom / "missing.md")
    with pytest.raises(ContentErrors) as raised:
        load(newsroom, cache={})
    assert [str(error) for error in raised.value.errors] == [
        f"{SHOWN}:1: file: is a link to a file that does not exist (fix the link, or delete it)"
    ]


def test_file_gone_before_it_is_read_is_an_error(tmp_path: Path) -> None:
    error = read_source(tmp_path / "gone.md", "press_releases/gone.md")
    assert str(error) == ("press_releases/gone.md:1: file: cannot be read: No such file or "
                          "directory (check that the file exists and that you can open it)")


# --- the real commands -----------------------------------------------------------------------

def test_pressroom_check_reports_each_case(fixture_site: Path) -> None:
    releases = fixture_site / "press_releases"
    broken = {
        "2021-03-04-twice.md": release_with("draft: true", "draft: false"),
        "2021-03-04-unix.md": release_with("embargo: 20261201"),
        "2021-03-04-unclosed.md": RELEASE.replace("---\nThe body.", "The body."),
    }
    for name, text in broken.items():
        (releases / name).write_text(text.replace("[alpha]", "[data-justice]"), encoding="utf-8")
    (releases / "drafts").mkdir()
    result, _ = check(fixture_site)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "4 problems in the newsroom content:",
        "  press_releases/2021-03-04-twice.md:6: draft: is written twice, on lines 5 and 6 "
        "(keep one of them)",
        "  press_releases/2021-03-04-unclosed.md:4: front matter: 2021-03-04-unclosed.md has no "
        "line `---` to end its fields (add a line `---` after line 4, the last field, before "
        "the text of the page)",
        "  press_releases/2021-03-04-unix.md:5: embargo: 20261201 is a number, not a date and "
        f"time ({NUMBER_HINT})",
        "  press_releases/drafts:1: folder: releases live directly in press_releases/, not in "
        "subfolders (move its releases up, or delete the folder)",
    ], result.stderr


def test_mkdocs_build_fails_on_draft_written_twice(fixture_site: Path) -> None:
    name = "2021-03-04-twice.md"
    text = release_with("draft: true", "draft: false").replace("[alpha]", "[data-justice]")
    (fixture_site / "press_releases" / name).write_text(text, encoding="utf-8")
    build = run_build(fixture_site)
    assert not build.ok, build.log
    assert (f"  press_releases/{name}:6: draft: is written twice, on lines 5 and 6 "
            "(keep one of them)") in build.log.splitlines(), build.log
    assert not (build.out / "press" / "2021" / "twice").exists()

