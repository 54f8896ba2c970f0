"""`pressroom import`: conventional releases in many layouts, and the seed round trip."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from sitebuild import REPO, run_build

from pressroom.cli import main
from pressroom.importer import ImportOptions, import_release
from pressroom.importer.contacts import parse_contacts
from pressroom.importer.conventions import Unclear, dateline, embargo_moment, find_date
from pressroom.model import ReleaseFront
from pressroom.site import Site
from pressroom.source import read_source

IMPORTS = Path(__file__).parent / "fixtures" / "import"
SEED = REPO.parent / "shared" / "seed" / "000_74b786cb1cae71c5.txt"
EASTERN_SUMMER = dt.timezone(dt.timedelta(hours=-4))


def _import(capsys, site: Path, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["import", "--root", str(site), *argv])
    except SystemExit as stopped:
        code = int(stopped.code)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


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
    ),
    "10-date-after-headline.txt": dict(
        title="Sanctuary Legal Collective Wins Release of Three Detained Fathers",
        date=dt.date(2022, 12, 18), location=None, partners=["sanctuary-legal"],
        contacts=[dict(name="Marcus Oyelaran", title="Media Relations Manager",
                       org="sanctuary-legal", email="media@sanctuary-legal.example.org",
                       phone="(555) 201-3344")],
        body_starts="Three fathers held", paragraphs=2,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_imports_a_layout(name: str, fixture_site: Path, capsys) -> None:
    expected = EXPECTED[name]
    before = _existing(fixture_site)
    code, out, err = _import(capsys, fixture_site, str(IMPORTS / name))
    assert (code, err) == (0, ""), err
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
    assert ("08-unknown-partner.txt:14: boilerplate: no partner page for 'Valley Workers Center' "
            "(import again with --create-partners, or add "
            "docs/partners/valley-workers-center.md)") in err
    assert not (fixture_site / "docs/partners/valley-workers-center.md").exists()

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
    source = str(IMPORTS / "06-two-contacts-one-line.txt")
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
        "Data Justice Alliance studies how data systems are used against immigrant communities.",
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
    people, leftovers = parse_contacts("Ana Ruiz, ana@a.example.org; Ben Cole, +1 202 555 0142")
    assert [(p.name, p.email, p.phone) for p in people] == [
        ("Ana Ruiz", "ana@a.example.org", None), ("Ben Cole", None, "+1 202 555 0142"),
    ]
    assert leftovers == []


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
