"""`pressroom import`: conventional releases in many layouts, and the seed round trip."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from sitebuild import REPO, run_build, run_command

from pressroom.cli.main import main
from pressroom.cli.project import Site
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.loading.source import read_source
from pressroom.importer import ImportOptions, import_release
from pressroom.importer.contacts import parse_contacts
from pressroom.importer.conventions import Unclear, dateline, embargo_moment, find_date
from pressroom.importer.reading import read_lines

IMPORTS = Path(__file__).parent / "fixtures" / "import"
SEED = REPO / "tests" / "fixtures" / "seed" / "000_74b786cb1cae71c5.txt"
EASTERN_SUMMER = dt.timezone(dt.timedelta(hours=-4))


def _import(capsys, site: Path, *argv: str) -> tuple[int, str, str]:
    return run_command(capsys, "import", "--root", str(site), *argv)


def _only_release(site: Path, before: set[str]) -> tuple[Path, ReleaseFront, str]:
    [path] = [p for p in (site / "press_releases").iterdir() if p.name not in before]
    document = read_source(path, path.name)
    return path, ReleaseFront.model_validate(document.metadata), document.body


def _existing(site: Path) -> set[str]:
    return {p.name for p in (site / "press_releases").iterdir()}


EXPECTED = {
    "01-contacts-before-headline.txt": dict(
        file="2022-04-12-border-groups-sue-cbp-for-records-on-phone-searches-at-ports.md",
        title="Border Groups Sue CBP for Records on Phone Searches at Ports of Entry",
        subtitle="Lawsuit seeks policies that let officers copy travellers' phones without "
        "a warrant",
        date=dt.date(2022, 4, 12), location="El Paso, Texas", partners=["border-rights-network"],
        contacts=[dict(name="Ana Ruiz", title="Communications Director",
                       org="border-rights-network", email="press@border-rights.example.org",
                       phone="+1 555 010 2000")],
        body_starts="Border Rights Network today filed", paragraphs=3,
    ),
    "02-markdown-contacts-after-body.md": dict(
        title="City Council Votes to Ban Police Use of Face Matching Tools",
        subtitle="Data Justice Alliance welcomes a vote that makes the city the fifth in the "
        "state to act",
        date=dt.date(2021, 3, 3), location="Washington, D.C.", partners=["data-justice"],
        contacts=[dict(name="Priya Natarajan", title="Policy Director", org="data-justice",
                       email="priya@data-justice.example.org", phone="+1 555 010 3141")],
        body_starts="The city council voted 9–2 on Wednesday to ban police from using "
        "[face matching tools](https://data-justice.example.org/face-matching)",
        paragraphs=2,
    ),
    "03-embargo-with-zone.txt": dict(
        title="Report Finds Detained Immigrants Waited Months for Medical Care",
        date=dt.date(2021, 6, 1), location="New York", partners=["sanctuary-legal"],
        embargo=dt.datetime(2021, 6, 1, 9, 0, tzinfo=EASTERN_SUMMER),
        contacts=[dict(name="Marcus Oyelaran", org="sanctuary-legal",
                       email="media@sanctuary-legal.example.org")],
        body_starts="A report released today", paragraphs=2,
    ),
    "06-two-contacts-one-line.txt": dict(
        title="Groups Demand DHS Stop Buying Location Data from Brokers",
        date=dt.date(2023, 9, 14), location="San Francisco, Calif.",
        partners=["border-rights-network", "data-justice"],
        contacts=[
            dict(name="Ana Ruiz", org="border-rights-network",
                 email="press@border-rights.example.org"),
            dict(name="Priya Natarajan", org="data-justice",
                 email="priya@data-justice.example.org", phone="+1 555 010 3141"),
        ],
        body_starts="Two coalition partners", paragraphs=2,
        # Older boilerplate than the partner pages: the pages win, the old text is reported.
        report=[
            "06-two-contacts-one-line.txt:15: boilerplate: text for Border Rights Network "
            "differs from docs/partners/border-rights-network.md; the page's text is used, not "
            "this: 'Border Rights Network documents abuses by border enforcement agencies.' "
            "(update docs/partners/border-rights-network.md if the new text is right)",
            "06-two-contacts-one-line.txt:19: boilerplate: text for Data Justice Alliance "
            "differs from docs/partners/data-justice.md; the page's text is used, not this: "
            "'DJA studies how data systems are used against immigrant communities.' "
            "(update docs/partners/data-justice.md if the new text is right)",
        ],
    ),
    "10-date-after-headline.txt": dict(
        title="Sanctuary Legal Collective Wins Release of Three Detained Fathers",
        date=dt.date(2022, 12, 18), location=None, partners=["sanctuary-legal"],
        contacts=[dict(name="Marcus Oyelaran", title="Media Relations Manager",
                       org="sanctuary-legal", email="media@sanctuary-legal.example.org",
                       phone="(555) 201-3344")],
        body_starts="Three fathers held", paragraphs=2,
    ),
    "11-title-after-email.txt": dict(
        title="Audit Shows Immigration Agency Kept Licence Plate Data for a Decade",
        date=dt.date(2024, 5, 2), location="Boston", partners=["data-justice"],
        # The title after the email is this person's, not a second, unreachable contact.
        contacts=[dict(name="Jonah Whitfield", title="Communications Director",
                       org="data-justice", email="press@data-justice.example.org")],
        body_starts="An audit released today", paragraphs=2,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_imports_a_layout(name: str, fixture_site: Path, capsys) -> None:
    expected = EXPECTED[name]
    before = _existing(fixture_site)
    code, out, err = _import(capsys, fixture_site, str(IMPORTS / name))
    report = expected.get("report", [])
    assert code == (1 if report else 0), err
    reported = [line.strip() for line in err.splitlines()[1:]]
    assert [line.removeprefix(f"{IMPORTS.as_posix()}/") for line in reported] == report
    path, front, body = _only_release(fixture_site, before)
    assert f"-> press_releases/{path.name}" in out
    if "file" in expected:
        assert path.name == expected["file"]
    assert front.title == expected["title"]
    assert front.subtitle == expected.get("subtitle")
    assert front.date == expected["date"]
    assert front.location == expected["location"]
    assert front.partners == expected["partners"]
    assert front.embargo == expected.get("embargo")
    assert [c.model_dump(exclude_none=True) for c in front.contacts] == expected["contacts"]
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0].startswith(expected["body_starts"])
    assert len(paragraphs) == expected["paragraphs"]
    # Nothing of the header, the end mark or the boilerplate leaks into the body.
    for convention in ("RELEASE", "Contact", "###", "# # #", "-30-", "- 30 -", " is a "):
        assert convention not in body
    assert main(["check", "--root", str(fixture_site)]) == 0


def test_embargo_without_a_zone_is_an_error_not_a_guess(fixture_site: Path, capsys) -> None:
    before = _existing(fixture_site)
    code, _, err = _import(capsys, fixture_site, str(IMPORTS / "04-embargo-without-zone.txt"))
    assert code == 1
    assert ("04-embargo-without-zone.txt:1: embargo: the embargo line gives no time zone: "
            "'June 1, 2021, 10 a.m.' (write the date, time and zone") in err
    # The missing date is the embargo's problem: reporting "no date" too would only confuse.
    assert err.startswith("1 problem in the newsroom content:\n") and "date:" not in err
    assert _existing(fixture_site) == before


def test_missing_date_is_reported_then_given(fixture_site: Path, capsys) -> None:
    source = str(IMPORTS / "05-missing-date.txt")
    before = _existing(fixture_site)
    code, _, err = _import(capsys, fixture_site, source)
    assert code == 1
    assert ("05-missing-date.txt:1: date: found no release date in the text (write it under "
            "the release line, like October 20, 2020, or give --date YYYY-MM-DD)") in err
    assert _existing(fixture_site) == before
    code, _, err = _import(capsys, fixture_site, source, "--date", "2022-08-01")
    assert (code, err) == (0, "")
    _, front, body = _only_release(fixture_site, before)
    assert front.date == dt.date(2022, 8, 1)
    # A full sentence after the headline is the body's first paragraph, not a subheadline.
    assert front.subtitle is None
    assert body.strip().startswith("Volunteers will answer calls")


def test_unknown_boilerplate_is_reported_or_becomes_a_partner(fixture_site: Path, capsys) -> None:
    source = str(IMPORTS / "08-unknown-partner.txt")
    code, out, err = _import(capsys, fixture_site, source, "--stdout")
    assert code == 1
    assert "title: Farmworkers and Border Rights Network Launch" in out
    assert ("08-unknown-partner.txt:14: boilerplate: no partner page for 'Valley Workers Center', "
            "so this text is not imported: 'The Valley Workers Center is a farmworker "
            "organization in southern Arizona. Visit www.valleyworkers.example.org.' "
            "(import again with --create-partners, or add "
            "docs/partners/valley-workers-center.md)") in err
    assert not (fixture_site / "docs/partners/valley-workers-center.md").exists()

    # --stdout prints the partner page --create-partners would make too, and writes nothing.
    before = _existing(fixture_site)
    code, out, err = _import(capsys, fixture_site, source, "--stdout", "--create-partners")
    assert (code, err) == (0, ""), err
    page, release = out.split("\n\n==> ")
    assert page.startswith("==> docs/partners/valley-workers-center.md <==\n---\n"
                           "name: Valley Workers Center\n")
    assert "The Valley Workers Center is a farmworker organization" in page
    assert release.startswith("press_releases/2023-02-07-farmworkers-and-border-rights-network-"
                              "launch-know-your.md <==\n---\n")
    assert "  - valley-workers-center\n" in release
    assert not (fixture_site / "docs/partners/valley-workers-center.md").exists()
    assert _existing(fixture_site) == before

    before = _existing(fixture_site)
    code, out, err = _import(capsys, fixture_site, source, "--create-partners")
    assert (code, err) == (0, ""), err
    page = read_source(fixture_site / "docs/partners/valley-workers-center.md", "page")
    assert page.metadata == {
        "name": "Valley Workers Center", "website": "https://www.valleyworkers.example.org",
    }
    assert page.body.strip().startswith("The Valley Workers Center is a farmworker organization")
    _, front, _ = _only_release(fixture_site, before)
    assert front.partners == ["border-rights-network", "valley-workers-center"]
    assert front.date == dt.date(2023, 2, 7)
    assert front.location == "Tucson, Ariz."


def test_lines_it_cannot_place_are_listed(fixture_site: Path, capsys) -> None:
    code, _, err = _import(capsys, fixture_site, str(IMPORTS / "09-stray-lines.txt"))
    assert code == 1
    hint = "(copy it into the release by hand, or delete it from the original)"
    assert f"09-stray-lines.txt:5: text: could not place 'press@border-rights.example.org' {hint}" \
        in err
    assert f"09-stray-lines.txt:13: text: could not place 'Page 1 of 1' {hint}" in err
    # The release itself is written: placing the leftovers is the staffer's call.
    assert (fixture_site / "press_releases/2022-12-18-coalition-publishes-guide-to-records-requests"
            ".md").is_file()


def test_refuses_to_overwrite(fixture_site: Path, capsys) -> None:
    source = str(IMPORTS / "11-title-after-email.txt")
    assert _import(capsys, fixture_site, source)[0] == 0
    code, _, err = _import(capsys, fixture_site, source)
    assert code == 1
    assert "already exists, so it was not replaced" in err


def test_unknown_ids_on_the_command_line_are_usage_errors(fixture_site: Path, capsys) -> None:
    source = str(IMPORTS / "06-two-contacts-one-line.txt")
    code, _, err = _import(capsys, fixture_site, source, "--campaign", "nope")
    assert code == 2 and "unknown campaign 'nope'" in err
    code, _, err = _import(capsys, fixture_site, str(IMPORTS / "missing.txt"))
    assert code == 2 and "no such file" in err


def write_docx(path: Path, paragraphs: list[str | tuple[str, str]]) -> None:
    """A minimal Word file: each item a paragraph, or (text, address) for a linked one."""
    relationships, body = [], []
    for index, paragraph in enumerate(paragraphs):
        if isinstance(paragraph, tuple):
            text, address = paragraph
            rid = f"rId{index + 10}"
            relationships.append(
                f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/hyperlink" '
                f'Target="{escape(address)}" TargetMode="External"/>'
            )
            body.append(f'<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
                        f'<w:hyperlink r:id="{rid}"><w:r><w:t>{escape(text)}</w:t></w:r>'
                        '</w:hyperlink></w:p>')
        else:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(paragraph)}</w:t>'
                        '</w:r></w:p>')
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )
    with zipfile.ZipFile(path, "w") as docx:
        docx.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>'
        ))
        docx.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>'
        ))
        docx.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{"".join(relationships)}</Relationships>'
        ))
        docx.writestr("word/document.xml", (
            f'<?xml version="1.0"?><w:document {namespaces}><w:body>{"".join(body)}'
            '</w:body></w:document>'
        ))


def test_imports_a_word_file(fixture_site: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "2019-release.docx"
    write_docx(source, [
        "FOR IMMEDIATE RELEASE",
        "November 5, 2019",
        "Press contact: Priya Natarajan, priya [at] data-justice [dot] example [dot] org",
        "Report Maps Data Brokers Selling Immigrants' Addresses",
        "CHICAGO — Data Justice Alliance today published a map of the data brokers that sell "
        "home addresses to immigration agencies.",
        ("the full report", "https://data-justice.example.org/brokers"),
        "# # #",
        "About Data Justice Alliance",
        "Data Justice Alliance is a technology and civil liberties organisation that "
        "investigates how government agencies and private vendors collect, share and weaponise "
        "data about immigrant and over-policed communities.",
    ])
    before = _existing(fixture_site)
    code, _, err = _import(capsys, fixture_site, str(source))
    assert (code, err) == (0, ""), err
    path, front, body = _only_release(fixture_site, before)
    assert path.name == "2019-11-05-report-maps-data-brokers-selling-immigrants-addresses.md"
    assert front.location == "Chicago"
    assert front.partners == ["data-justice"]
    assert [c.email for c in front.contacts] == ["priya@data-justice.example.org"]
    assert body.strip().split("\n\n") == [
        "Data Justice Alliance today published a map of the data brokers that sell home "
        "addresses to immigration agencies.",
        "See [the full report](https://data-justice.example.org/brokers)",
    ]


def test_conventions() -> None:
    assert find_date("Tuesday, Oct. 20th, 2020").date == dt.date(2020, 10, 20)
    assert find_date("20 October 2020").date == dt.date(2020, 10, 20)
    with pytest.raises(Unclear):
        find_date("03/04/2021")
    with pytest.raises(Unclear):
        find_date("February 30, 2021")
    assert embargo_moment("00:01 GMT Thursday 4 March 2021") == dt.datetime(
        2021, 3, 4, 0, 1, tzinfo=dt.UTC
    )
    assert embargo_moment("2021-03-03 09:00 -05:00").utcoffset() == dt.timedelta(hours=-5)
    assert embargo_moment("noon PT, January 5, 2022").utcoffset() == dt.timedelta(hours=-8)
    assert dateline("WASHINGTON, D.C. (March 3, 2021) — Today").location == "Washington, D.C."
    assert dateline('"We will fight," said the director.') is None
    block = parse_contacts("Ana Ruiz, ana@a.example.org; Ben Cole, +1 202 555 0142")
    assert [(p.name, p.email, p.phone) for p in block.people] == [
        ("Ana Ruiz", "ana@a.example.org", None), ("Ben Cole", None, "+1 202 555 0142"),
    ]
    assert block.leftovers == []


@pytest.mark.parametrize(("line", "people", "leftovers"), [
    ("Jane Roe, jane@x.org, Communications Director",
     [("Jane Roe", ["Communications Director"], "jane@x.org", None)], []),
    ("Jane Roe, jane@x.org, Border Rights Network",
     [("Jane Roe", ["Border Rights Network"], "jane@x.org", None)], []),
    ("Jane Roe, jane@x.org, Press Secretary, 555-123-4567",
     [("Jane Roe", ["Press Secretary"], "jane@x.org", "555-123-4567")], []),
    ("Jane Roe, jane@x.org, Legal Director; Ben Cole, Organizer, ben@x.org",
     [("Jane Roe", ["Legal Director"], "jane@x.org", None),
      ("Ben Cole", ["Organizer"], "ben@x.org", None)], []),
    # A name followed by an email is the next person, even if it sounds like an office.
    ("Ana Ruiz, ana@x.org; Press Office, press@x.org",
     [("Ana Ruiz", [], "ana@x.org", None), ("Press Office", [], "press@x.org", None)], []),
    # A bare name on the next line is not taken for a title: it is reported.
    ("Ana Ruiz, ana@x.org\nBen Cole", [("Ana Ruiz", [], "ana@x.org", None)], ["Ben Cole"]),
])
def test_titles_after_the_email_stay_with_their_person(line, people, leftovers) -> None:
    block = parse_contacts(line)
    assert [(p.name, p.titles, p.email, p.phone) for p in block.people] == people
    assert block.leftovers == leftovers


def _site_copy(destination: Path) -> Path:
    destination.mkdir()
    for name in ("mkdocs.yml", "docs", "press_releases", "overrides"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name)
    return destination


def _article_text(build, slug: str) -> str:
    [article] = build.page(f"press/2020/{slug}/").xpath(
        "//article[contains(@class, 'pressroom-release')]"
    )
    return " ".join(article.text_content().split())


def test_seed_round_trip(tmp_path: Path, built_shipped) -> None:
    """The seed, imported, builds into the page the shipped release builds into."""
    site = _site_copy(tmp_path / "site")
    (site / "press_releases" / "2020-10-20-clearview-ai-ice-foia.md").unlink()
    # Its Spanish version needs the original it translates; this test is about the English.
    (site / "press_releases" / "2020-10-20-clearview-ai-ice-foia.es.md").unlink()
    imported = import_release(SEED, Site.at(site), ImportOptions(
        campaign="clearview-ai-foia",
        topics=("surveillance", "facial recognition", "foia", "ice"),
    ))
    assert imported.report == []
    assert imported.path is not None
    imported.path.write_text(imported.text, encoding="utf-8")
    build = run_build(site, "--strict")
    assert build.ok, build.log
    slug = imported.path.stem.removeprefix("2020-10-20-")
    assert _article_text(build, slug) == _article_text(built_shipped, "clearview-ai-ice-foia")


# --- nothing is dropped -------------------------------------------------------------------

WORD_RELEASE = [
    "FOR IMMEDIATE RELEASE",
    "November 5, 2019",
    "Press contact: Priya Natarajan, priya [at] data-justice [dot] example [dot] org, "
    "Policy Director",
    "Report Maps Data Brokers Selling Immigrants' Addresses",
    "CHICAGO — Data Justice Alliance today published a map of the data brokers that sell "
    "home addresses to immigration agencies.",
    ("the full report", "https://data-justice.example.org/brokers"),
    "# # #",
    "About Data Justice Alliance",
    "Data Justice Alliance studies how data systems are used against immigrant communities.",
]
SOURCES = [*(path.name for path in sorted(IMPORTS.iterdir())), "word.docx", "seed"]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _values(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _values(item)]
    if isinstance(value, list):
        return [text for item in value for text in _values(item)]
    return [] if value is None else [str(value)]


def _page_text(text: str, tmp_path: Path) -> str:
    """A written file's values and body: its keys and comments do not count as kept text."""
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    document = read_source(path, path.name)
    return "\n".join([*_values(document.metadata), document.body])


@pytest.mark.parametrize("create_partners", [False, True], ids=["report", "create-partners"])
@pytest.mark.parametrize("name", SOURCES)
def test_every_line_ends_up_somewhere(name: str, create_partners: bool, tmp_path: Path) -> None:
    """Each word of each line is in the release, a new partner page, a partner page the release
    names, or the report; or the importer lists the words as a convention it recognised, and
    what they became is in the release."""
    if name == "seed":
        source, site = SEED, Site.at(REPO)
    elif name == "word.docx":
        source, site = tmp_path / name, Site.at(REPO / "tests" / "fixtures" / "site")
        write_docx(source, WORD_RELEASE)
    else:
        source, site = IMPORTS / name, Site.at(REPO / "tests" / "fixtures" / "site")
    imported = import_release(source, site, ImportOptions(create_partners=create_partners))
    release = _page_text(imported.text, tmp_path)
    named = [site.partners()[partner].document.path.read_text(encoding="utf-8")
             for partner in imported.front["partners"] if partner in site.partners()]
    kept = "\n".join([
        release,
        *(_page_text(text, tmp_path) for text in named),
        *(_page_text(page.text, tmp_path) for page in imported.new_partners),
        *(str(problem) for problem in imported.report),
    ])
    kept_words = set(_words(kept))

    lines = dict(enumerate(read_lines(source), start=1))
    for found in imported.recognised:
        pattern = rf"(?<!\w){re.escape(found.text)}(?!\w)"
        assert re.search(pattern, lines[found.line]), (found, lines[found.line])
        lines[found.line] = re.sub(pattern, " ", lines[found.line], count=1)
        if found.value is not None:
            assert found.value in kept, found
    lost = {
        number: [word for word in _words(text) if word not in kept_words]
        for number, text in lines.items()
    }
    assert {number: words for number, words in lost.items() if words} == {}
