"""The domain core in plain Python: reading files, ordering releases, bodies, messages.

No MkDocs here: these are the rules the plugin (and any future adapter) relies on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.newsroom import Release, topic_slug
from pressroom.core.errors import ContentError, ContentErrors
from pressroom.core.listings import order
from pressroom.core.loading.load import load_newsroom
from pressroom.core.loading.source import SourceDocument, field_name, read_source
from pressroom.core.views.html_text import dateline, first_paragraph_text, with_dateline

# --- source.py: front matter and where each key sits ---------------------------------------

SOURCE = """\
---
title: A headline
date: 2020-10-20
partners:
  - mijente
  - just-futures-law
contacts:
  - name: Sejal Zota
    email: sejal@justfutureslaw.org
topics: [a, b]
---
First paragraph.
"""


def write(tmp_path: Path, text: str | bytes, name: str = "2020-10-20-a.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_key_lines_are_file_lines(tmp_path: Path) -> None:
    document = read_source(write(tmp_path, SOURCE), "x.md")
    assert isinstance(document, SourceDocument)
    lines = SOURCE.splitlines()
    for location, key in [(("title",), "title:"), (("date",), "date:"),
                          (("partners", 1), "  - just-futures-law"),
                          (("contacts", 0, "email"), "    email:"), (("topics",), "topics:")]:
        line = document.line_of(location)
        assert lines[line - 1].startswith(key), (location, line)
    # An unknown key falls back to its nearest known parent, then to the opening `---`.
    assert document.line_of(("contacts", 0, "phone")) == 8  # the list item
    assert document.line_of(("summary",)) == 1
    assert document.body.strip() == "First paragraph."


def test_dates_stay_text_for_the_model(tmp_path: Path) -> None:
    document = read_source(write(tmp_path, SOURCE.replace("2020-10-20", "2021-02-30")), "x.md")
    assert document.metadata["date"] == "2021-02-30"


def test_key_lines_with_a_byte_order_mark_and_windows_newlines(tmp_path: Path) -> None:
    raw = ("\ufeff" + SOURCE).replace("\n", "\r\n").encode("utf-8")
    document = read_source(write(tmp_path, raw), "x.md")
    assert isinstance(document, SourceDocument)
    assert document.line_of(("date",)) == 3


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    broken = SOURCE.replace("title: A headline", "title: A headline: with a colon")
    error = read_source(write(tmp_path, broken), "press_releases/x.md")
    assert isinstance(error, ContentError)
    assert (error.file, error.line, error.field) == ("press_releases/x.md", 2, "title")
    assert error.message == "has a colon (:) in its text, which YAML cannot read"
    assert error.hint == ('put the title in quotes, because it contains a colon, like '
                          'title: "A headline: with a colon"')


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    error = read_source(write(tmp_path, "---\n- just\n- a list\n---\nBody\n"), "x.md")
    assert isinstance(error, ContentError)
    assert error.field == "front matter" and "key: value" in error.message


def test_not_utf8(tmp_path: Path) -> None:
    error = read_source(write(tmp_path, "---\ntitle: caf\xe9\n---\n".encode("latin-1")), "x.md")
    assert isinstance(error, ContentError)
    assert (error.field, error.message) == ("file", "is not UTF-8 text")


def test_no_front_matter_is_all_body(tmp_path: Path) -> None:
    document = read_source(write(tmp_path, "Just text.\n"), "x.md")
    assert isinstance(document, SourceDocument)
    assert document.metadata == {} and document.body == "Just text.\n"


def test_field_names_count_from_one() -> None:
    assert field_name(("contacts", 1, "email")) == "the second contact's email"
    assert field_name(("partners", 0)) == "the first partner"
    assert field_name(("topics", 11)) == "the 12th topic"
    assert field_name(("social", "mastodon")) == "social.mastodon"
    assert field_name(()) == "front matter"


# --- errors.py ------------------------------------------------------------------------------

def test_error_format_and_collection() -> None:
    error = ContentError("press_releases/a.md", 3, "date", "is wrong", "fix it")
    assert str(error) == "press_releases/a.md:3: date: is wrong (fix it)"
    assert str(ContentError("a.md", 1, "title", "is required")) == "a.md:1: title: is required"
    problems = ContentErrors([
        ContentError("b.md", 1, "title", "is required"),
        ContentError("a.md", 9, "date", "x"),
        ContentError("a.md", 2, "title", "y"),
    ])
    assert [(e.file, e.line) for e in problems.errors] == [("a.md", 2), ("a.md", 9), ("b.md", 1)]
    assert problems.report().splitlines()[0] == "3 problems in the newsroom content:"
    assert ContentErrors([error]).report().startswith("1 problem in")


# --- load.py and messages.py: what staff are told ------------------------------------------

PARTNER = "---\nname: {name}\nwebsite: https://example.org\n---\n{name} is a partner.\n"
CAMPAIGN = "---\ntitle: A campaign\npartners: [alpha]\n---\nAbout it.\n"


@pytest.fixture
def newsroom_dir(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "partners").mkdir(parents=True)
    (tmp_path / "docs" / "campaigns").mkdir()
    (tmp_path / "press_releases").mkdir()
    for partner in ("alpha", "beta"):
        (tmp_path / "docs" / "partners" / f"{partner}.md").write_text(
            PARTNER.format(name=partner.title()), encoding="utf-8")
    (tmp_path / "docs" / "campaigns" / "foia.md").write_text(CAMPAIGN, encoding="utf-8")
    return tmp_path


def release_text(**fields: str) -> str:
    front = {"title": "A headline", "date": "2021-03-04", "partners": "[alpha]", **fields}
    lines = [f"{key}: {value}" for key, value in front.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\nThe body.\n"


def load_errors(root: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (root / "press_releases" / name).write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(root, root / "press_releases", root / "docs")
    return [str(error) for error in raised.value.errors]


def test_loads_a_valid_newsroom(newsroom_dir: Path) -> None:
    (newsroom_dir / "press_releases" / "2021-03-04-a-headline.md").write_text(
        release_text(campaign="foia"), encoding="utf-8")
    newsroom = load_newsroom(newsroom_dir, newsroom_dir / "press_releases",
                             newsroom_dir / "docs")
    (release,) = newsroom.releases
    assert (release.slug, release.url) == ("a-headline", "press/2021/a-headline/")
    assert set(newsroom.partners) == {"alpha", "beta"}
    assert newsroom.partners["alpha"].boilerplate == "Alpha is a partner."
    assert list(newsroom.campaigns) == ["foia"]


def test_preview_cache_rereads_only_changed_files_and_reports_errors_each_time(
    newsroom_dir: Path,
) -> None:
    releases = newsroom_dir / "press_releases"
    first = releases / "2021-03-04-a-headline.md"
    second = releases / "2021-03-05-another.md"
    first.write_text(release_text(), encoding="utf-8")
    second.write_text(release_text(title="Another", date="2021-03-05"), encoding="utf-8")
    cache: dict = {}

    def load():
        return load_newsroom(newsroom_dir, releases, newsroom_dir / "docs", cache=cache)

    load()
    kept = cache[second][1]
    # A new size marks the file as changed whatever the clock's resolution.
    first.write_text(release_text(title="A longer headline"), encoding="utf-8")
    assert {r.title for r in load().releases} == {"A longer headline", "Another"}
    assert cache[second][1] is kept  # not read again
    first.write_text(release_text(titel="Oops"), encoding="utf-8")
    for _ in range(2):  # the same error, on every rebuild
        with pytest.raises(ContentErrors) as raised:
            load()
        assert any("titel" in str(error) for error in raised.value.errors)


def test_messages_name_field_and_say_what_to_do(newsroom_dir: Path) -> None:
    errors = load_errors(newsroom_dir, {
        "2021-03-04-typo.md": release_text(titel="Oops"),
        "2021-03-04-number-date.md": release_text(date="20210304"),
        "2021-03-04-no-partners.md": release_text(partners="[]"),
        "2021-03-04-unreachable.md": release_text(contacts="[{name: Someone}]"),
        "2021-03-04-bad-draft.md": release_text(draft="perhaps"),
        "2021-03-04-long-topic.md": release_text(topics="[" + "x" * 41 + "]"),
        "2021-03-04-index.md": release_text(),
        "2021-03-05-wrong-day.md": release_text(),
    })
    p = "press_releases/"
    assert f"{p}2021-03-04-typo.md:5: titel: is not a field Pressroom knows " \
           "(did you mean `title`?)" in errors
    assert f"{p}2021-03-04-number-date.md:3: date: 20210304 is not written year-month-day " \
           "(write 2021-03-04 (year-month-day) instead of 20210304)" in errors
    assert any(e.startswith(f"{p}2021-03-04-no-partners.md:4: partners: needs at least one "
                            "partner (") for e in errors)
    assert f"{p}2021-03-04-unreachable.md:5: the first contact: a contact needs an email or a " \
           "phone number" in errors
    assert f"{p}2021-03-04-bad-draft.md:5: draft: 'perhaps' is not true or false " \
           "(write `true` or `false`)" in errors
    assert any(e.startswith(f"{p}2021-03-04-long-topic.md:5: the first topic: ") and "too long" in e
               for e in errors)
    assert any(e.startswith(f"{p}2021-03-04-index.md:1: file name: 'index' cannot be part of "
                            "a web address") for e in errors)
    assert f"{p}2021-03-05-wrong-day.md:3: date: is 2021-03-04, but the file name says " \
           "2021-03-05 (make the file name start with the same date as `date`)" in errors
    assert len(errors) == 8


def test_unknown_references_are_all_reported(newsroom_dir: Path) -> None:
    errors = load_errors(newsroom_dir, {
        "2021-03-04-refs.md": release_text(
            partners="[alpha, gamma, delta]", campaign="nope",
            contacts="[{name: A, email: a@example.org, org: omega}]"),
    })
    shown = "press_releases/2021-03-04-refs.md"
    hint = "(known partners: alpha, beta; or add a page in docs/partners/)"
    assert errors == [
        f"{shown}:4: the second partner: unknown partner 'gamma' {hint}",
        f"{shown}:4: the third partner: unknown partner 'delta' (did you mean `beta`?)",
        f"{shown}:5: campaign: unknown campaign 'nope' "
        "(known campaigns: foia; or add a page in docs/campaigns/)",
        f"{shown}:6: the first contact's org: unknown partner 'omega' {hint}",
    ]


def test_a_file_with_several_problems_reports_them_all(newsroom_dir: Path) -> None:
    # A schema error must not hide the unknown ids in the same file.
    errors = load_errors(newsroom_dir, {
        "2021-03-04-many.md": release_text(
            title=None, partners="[alpha, gamma]", campaign="nope",
            contacts="[{name: A, email: not-an-email, org: omega}]"),
    })
    shown = "press_releases/2021-03-04-many.md"
    assert [error.split(" (")[0] for error in errors] == [
        f"{shown}:1: title: is required",
        f"{shown}:3: the second partner: unknown partner 'gamma'",
        f"{shown}:4: campaign: unknown campaign 'nope'",
        f"{shown}:5: the first contact's email: 'not-an-email' is not a valid email address",
        f"{shown}:5: the first contact's org: unknown partner 'omega'",
    ]


def test_hidden_files_are_ignored_and_missing_folder_reported(newsroom_dir: Path) -> None:
    (newsroom_dir / "press_releases" / ".2021-03-04-draft.md.swp").write_text("junk")
    load_newsroom(newsroom_dir, newsroom_dir / "press_releases", newsroom_dir / "docs")
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(newsroom_dir, newsroom_dir / "nowhere", newsroom_dir / "docs")
    assert str(raised.value.errors[0]).startswith("nowhere:1: releases_dir: folder not found")


# --- listing.py: order and grouping ---------------------------------------------------------

def release(date: str, slug: str, partners: tuple[str, ...] = ("alpha",),
            campaign: str | None = None, topics: tuple[str, ...] = ()) -> Release:
    front = ReleaseFront(title=slug.title(), date=date, partners=list(partners),
                         campaign=campaign, topics=list(topics))
    document = SourceDocument(Path(f"{date}-{slug}.md"), f"{date}-{slug}.md", {}, "Body.\n")
    return Release(front, slug, document)


RELEASES = [
    release("2020-10-20", "b-same-day", partners=("beta",), campaign="foia",
            topics=("Facial recognition",)),
    release("2019-01-02", "oldest", topics=("facial-recognition", "FOIA")),
    release("2020-10-20", "a-same-day", partners=("alpha", "beta"), campaign="foia"),
    release("2021-06-01", "newest", topics=("foia",)),
]


def slugs(releases: list[Release]) -> list[str]:
    return [r.slug for r in releases]


def test_newest_first_with_a_stable_tie_break() -> None:
    assert slugs(order.newest_first(RELEASES)) == ["newest", "a-same-day", "b-same-day",
                                                     "oldest"]
    assert slugs(order.newest_first(reversed(RELEASES))) == slugs(
        order.newest_first(RELEASES))


def test_grouped_by_year_newest_first() -> None:
    groups = order.by_year(RELEASES)
    assert [(year, slugs(items)) for year, items in groups] == [
        (2021, ["newest"]), (2020, ["a-same-day", "b-same-day"]), (2019, ["oldest"])]
    assert order.years(RELEASES) == [2021, 2020, 2019]


def test_by_partner_campaign_topic_and_latest() -> None:
    assert slugs(order.by_partner(RELEASES, "beta")) == ["a-same-day", "b-same-day"]
    assert slugs(order.by_partner(RELEASES, "alpha")) == ["newest", "a-same-day", "oldest"]
    assert slugs(order.by_campaign(RELEASES, "foia")) == ["a-same-day", "b-same-day"]
    assert slugs(order.by_topic(RELEASES, "foia")) == ["newest", "oldest"]
    assert slugs(order.by_topic(RELEASES, "facial-recognition")) == ["b-same-day", "oldest"]
    assert slugs(order.latest(RELEASES, 2)) == ["newest", "a-same-day"]
    assert order.latest([], 5) == []


def test_topics_are_merged_by_slug() -> None:
    topics = order.topics(RELEASES)
    assert [(t.slug, t.label) for t in topics] == [
        ("facial-recognition", "Facial recognition"), ("foia", "foia")]
    assert topic_slug("Facial Recognition!") == "facial-recognition"
    assert topic_slug("Política migratoria") == "politica-migratoria"
    assert topic_slug("<script>") == "script"
    assert topic_slug("!!!") == "topic"


# --- body.py --------------------------------------------------------------------------------

def test_first_paragraph_as_plain_text() -> None:
    body = ('<p>Groups <a href="#">filed a <em>request</em></a> &amp; more\n text.</p>\n'
            "<p>Second.</p>")
    assert first_paragraph_text(body) == "Groups filed a request & more text."
    assert first_paragraph_text("<h2>Heading</h2><ul><li>x</li></ul>") == ""
    assert first_paragraph_text("<blockquote><p>Quoted</p></blockquote><p>Next</p>") == "Quoted"
    assert first_paragraph_text("<pre><code>x</code></pre>\n<p>After code</p>") == "After code"


def test_dateline() -> None:
    assert dateline("New York") == "NEW YORK --"
    assert dateline(None) == ""
    assert with_dateline("<p>Text.</p>\n<p>More.</p>", "New York") == (
        '<p><span class="pressroom-dateline">NEW YORK --</span> Text.</p>\n<p>More.</p>')
    assert with_dateline("<p>Text.</p>", None) == "<p>Text.</p>"
    led = with_dateline("<ul><li>x</li></ul>", "Tucson")
    assert led.startswith('<p><span class="pressroom-dateline">TUCSON --</span></p>')
    hostile = with_dateline("<p>x</p>", "<script>alert(1)</script> & co")
    assert "<script>" not in hostile.lower() and "&lt;SCRIPT&gt;" in hostile
    assert "&amp; CO --" in hostile


def test_release_model_defaults() -> None:
    front = ReleaseFront(title="  Many   spaces\n here ", date="2020-10-20", partners="mijente")
    assert front.title == "Many spaces here"
    assert front.partners == ["mijente"]
    assert front.date == dt.date(2020, 10, 20)
    assert (front.summary, front.slug, front.contacts, front.topics) == (None, None, [], [])
