"""`pressroom import` on hostile or awkward files: what it writes stays harmless, or it refuses.

Markup and encodings are checked in-process; the Word files that must be refused in bounded
time and memory go through one real `python -m pressroom import` under a memory limit.
"""

from __future__ import annotations

import random
import re
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import markdown
import pytest
from lxml import html as lxml_html
from sitebuild import REPO, run_command
from test_import import write_docx

from pressroom.cli.main import main
from pressroom.cli.project import Site
from pressroom.core.content.front_matter import SLUG_PATTERN
from pressroom.importer import ImportOptions, import_release, safe_slug
from pressroom.importer.markup import drop_unsafe_links, escape_html
from pressroom.importer.reading import MAX_FILE_BYTES, Unreadable, decode_text

FILE_NAME = re.compile(rf"^\d{{4}}-\d{{2}}-\d{{2}}-(?:{SLUG_PATTERN.strip('^$')})\.md$")
SLUG = re.compile(SLUG_PATTERN)


def _import(capsys, site: Path, *argv: str) -> tuple[int, str, str]:
    return run_command(capsys, "import", "--root", str(site), *argv)


def _release(headline: str, body: str, date: str = "March 3, 2021") -> str:
    """A conventional release by a fixture partner, whose contact is on her partner's page."""
    return (
        f"FOR IMMEDIATE RELEASE\n{date}\n\n"
        "CONTACT: Priya Natarajan, priya@data-justice.example.org\n\n"
        f"{headline}\n\nWASHINGTON -- {body}\n\n###\n"
    )


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def _rendered(body: str) -> lxml_html.HtmlElement:
    """The body as the build renders it: Python-Markdown, which passes raw HTML through."""
    return lxml_html.fragment_fromstring(markdown.markdown(body), create_parent="div")


# --- text that looks like HTML stays text ----------------------------------------------------

SHOWN_AS_TEXT = (
    'Type <script>alert("x")</script> or <img src=x onerror=alert(1)> or <!-- hidden --> '
    "or &lt;b&gt; and you see it, 3 < 4 & 5 > 2."
)


def _source(kind: str, folder: Path, lines: list[str]) -> Path:
    if kind == "docx":
        path = folder / "release.docx"
        write_docx(path, lines)
    else:
        path = folder / "release.txt"
        path.write_text("\n\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_text_that_shows_as_html_is_imported_as_text(kind: str, tmp_path: Path) -> None:
    source = _source(kind, tmp_path, _paragraphs(
        _release("Coalition Explains Web Pages", SHOWN_AS_TEXT)
    ))
    site = Site.at(REPO / "tests" / "fixtures" / "site")
    imported = import_release(source, site, ImportOptions())
    assert imported.errors == [], imported.errors
    page = _rendered(imported.body)
    # Nothing but paragraphs: no element came from the text, and it reads as it was written.
    assert {element.tag for element in page.iter()} == {"div", "p"}
    assert page.text_content().strip() == SHOWN_AS_TEXT


def test_escape_html_keeps_what_markdown_shows_as_text() -> None:
    assert escape_html("<div onclick=x>") == "&lt;div onclick=x>"
    assert escape_html("</p><?php &copy; &#60; &#x3c;") == "&lt;/p>&lt;?php &amp;copy; " \
        "&amp;#60; &amp;#x3c;"
    # What Markdown escapes itself, and its autolinks, are left as they are.
    assert escape_html("3 < 4 && AT&T > 2 <https://example.org/a> <press@example.org>") == (
        "3 < 4 && AT&T > 2 <https://example.org/a> <press@example.org>"
    )
    links = _rendered(escape_html("<https://example.org/a> <press@example.org>")).xpath("//a")
    assert len(links) == 2
    # In a Markdown original a character reference is markup, and runs nothing: it stays.
    assert escape_html("AT&amp;T &mdash; <b>", keep_references=True) == "AT&amp;T &mdash; &lt;b>"


def test_a_markdown_originals_references_stay_its_html_does_not(tmp_path: Path) -> None:
    source = tmp_path / "release.md"
    source.write_text(_release("Coalition Writes Markdown", "AT&amp;T &mdash; <b>bold</b>"),
                      encoding="utf-8")
    imported = import_release(source, Site.at(REPO / "tests" / "fixtures" / "site"),
                              ImportOptions())
    assert _rendered(imported.body).text_content().strip() == "AT&T \u2014 <b>bold</b>"


# --- links that run code are dropped ------------------------------------------------------

@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "<javascript:x>",
    "java&#115;cript:alert(1)", "javascript&colon;alert(1)", "java\tscript:x",
    "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", 'javascript:x "Title"',
])
def test_unsafe_links_are_cut_to_their_text(address: str) -> None:
    lines = ["Intro line.", f"Read [the [full] report]({address}) or ![a chart]({address}).", ""]
    kept, dropped = drop_unsafe_links(lines)
    assert kept == ["Intro line.", "Read the [full] report or a chart.", ""]
    assert [(link.line, link.text) for link in dropped] == [
        (2, "the [full] report"), (2, "a chart"),
    ]


def test_safe_links_and_reference_definitions() -> None:
    lines = [
        "[site](https://example.org/a_(b)) [mail](mailto:a@example.org) [notes](#notes)",
        "[relative](page.md \"Note: a title\") [call](tel:+15550100)",
        "[bad][1] and [good][2]",
        "",
        "[1]: javascript:alert(1)",
        "[2]: https://example.org",
    ]
    kept, dropped = drop_unsafe_links(lines)
    assert kept == [*lines[:4], "", lines[5]]
    assert [(link.line, link.text) for link in dropped] == [(5, "1")]
    assert not _rendered("\n".join(kept)).xpath("//a[starts-with(@href, 'javascript')]")


def test_a_word_files_javascript_link_is_dropped_with_a_warning(
    fixture_site: Path, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "linked.docx"
    write_docx(source, [
        *_paragraphs(_release("Coalition Publishes Its Records", "The records."))[:-1],
        ("the full report", "javascript:alert(document.cookie)"),
        ("the archive", "https://data-justice.example.org/archive"),
        "###",
    ])
    code, out, err = _import(capsys, fixture_site, str(source))
    assert code == 0, err
    assert err == (
        f"warning: {source.as_posix()}:11: link: dropped the javascript: link on "
        "'the full report'; its text is kept (such links can run code in a reader's browser; "
        "link to an https:// address by hand if one is meant)\n"
    )
    [written] = re.findall(r"-> (\S+)", out)
    text = (fixture_site / written).read_text(encoding="utf-8")
    assert "See the full report\n" in text and "javascript" not in text
    assert "See [the archive](https://data-justice.example.org/archive)" in text


# --- headlines and names with no Latin letters ------------------------------------------------

@pytest.mark.parametrize("text", ["日本の入管", "Україна", "!!!", "—"])
def test_safe_slug_is_always_a_valid_slug(text: str) -> None:
    slug = safe_slug(text, "release")
    assert SLUG.match(slug), slug
    assert safe_slug(f" {text} ", "release") == slug  # stable: the same headline, the same file


def test_safe_slug_falls_back_to_a_hash() -> None:
    # Punctuation alone: no slugify, transliterating or not, gives it letters.
    assert re.fullmatch(r"release-[0-9a-f]{6}", safe_slug("!!!", "release"))
    assert safe_slug("!!!", "partner") != safe_slug("???", "partner")


def test_a_release_with_no_latin_letters_gets_valid_names(fixture_site: Path, capsys) -> None:
    source = fixture_site.parent / "japan.txt"
    source.write_text(
        _release("日本の入管が新たな監視システムを導入", "The agency bought a new system.")
        + "\nAbout Україна Правозахист\nУкраїна Правозахист is a human rights group. "
        "Visit www.pravozakhyst.example.org.\n",
        encoding="utf-8",
    )
    code, out, err = _import(capsys, fixture_site, str(source), "--create-partners")
    assert code == 0, err
    written = [Path(path) for path in re.findall(r"(?:-> |, )([^\s,]+)", out)]
    [partner] = [path for path in written if path.parts[:2] == ("docs", "partners")]
    [release] = [path for path in written if path.parts[0] == "press_releases"]
    assert FILE_NAME.match(release.name), release
    assert SLUG.match(partner.stem), partner
    assert f"  - {partner.stem}\n" in (fixture_site / release).read_text(encoding="utf-8")
    assert main(["check", "--root", str(fixture_site)]) == 0


# --- text encodings ---------------------------------------------------------------------------

WINDOWS_TEXT = (
    "\u201cWe won\u2019t stop,\u201d said José María Núñez of the Centre François "
    "\u2014 a café owner in Zürich."
)


def test_cp1252_is_detected_not_misread() -> None:
    assert decode_text(WINDOWS_TEXT.encode("cp1252")) == (WINDOWS_TEXT, "cp1252")
    assert decode_text("Plain ascii and a café".encode("latin-1"))[1] == "cp1252"


def test_unicode_with_a_bom_and_without() -> None:
    assert decode_text(WINDOWS_TEXT.encode("utf-16")) == (WINDOWS_TEXT, None)
    assert decode_text(WINDOWS_TEXT.encode("utf-8-sig")) == (WINDOWS_TEXT, None)
    assert decode_text(WINDOWS_TEXT.encode("utf-8")) == (WINDOWS_TEXT, None)


def test_other_legacy_encodings_are_not_read_as_cp1252() -> None:
    polish = "Zażółć gęślą jaźń: Łódź i Gdańsk protestują przeciw inwigilacji."
    russian = "Пресс-релиз: Коалиция подала иск против ведомства о раскрытии документов."
    assert decode_text(polish.encode("cp1250")) == (polish, "cp1250")
    assert decode_text(russian.encode("cp1251")) == (russian, "cp1251")


def test_binary_is_not_text() -> None:
    garbage = random.Random(7).randbytes(4000)
    with pytest.raises(Unreadable):
        decode_text(garbage)
    with pytest.raises(Unreadable):
        decode_text(b"Looks like text\x00\x01\x02 but is not")


def test_import_reads_cp1252_and_refuses_binary(fixture_site: Path, capsys) -> None:
    folder = fixture_site.parent
    windows = folder / "windows.txt"
    windows.write_bytes(_release("Coalition Honours Café Owners", WINDOWS_TEXT)
                        .replace("\n", "\r\n").encode("cp1252"))
    garbage = folder / "garbage.txt"
    garbage.write_bytes(random.Random(7).randbytes(4000))
    code, out, err = _import(capsys, fixture_site, str(windows), str(garbage))
    assert code == 1
    [written] = re.findall(r"-> (\S+)", out)
    assert WINDOWS_TEXT in (fixture_site / written).read_text(encoding="utf-8")
    assert f"warning: {windows.as_posix()}:1: encoding: is not UTF-8; read it as cp1252" in err
    assert err.endswith(
        f"  {garbage.as_posix()}:1: file: is not text in any encoding this importer can tell "
        "(open it in the program that made it and save it as UTF-8 text or .docx)\n"
    )


# --- Word files that cannot be read -----------------------------------------------------------

def _zip_bomb(path: Path, size: int) -> None:
    """A .docx whose document is valid XML, padded to `size` bytes with spaces, written in a
    fraction of a second: deflate at level 1 streams a run of one byte fast. The document is
    the last member, so its entry ends the zip's central directory."""
    write_docx(path, ["A headline"])
    with zipfile.ZipFile(path) as template:
        members = {name: template.read(name) for name in template.namelist()}
    head, tail = members.pop("word/document.xml").split(b"<w:body>")
    chunk = b" " * 2**20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as docx:
        for name, content in members.items():
            docx.writestr(name, content)
        with docx.open("word/document.xml", "w") as document:
            document.write(head + b"<w:body>")
            for _ in range(size // len(chunk)):
                document.write(chunk)
            document.write(tail)


def _lying_bomb(path: Path) -> None:
    """A zip bomb whose headers claim its document unpacks to a kilobyte."""
    _zip_bomb(path, 120 * 2**20)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as docx:
        member = docx.getinfo("word/document.xml")
    local, central = member.header_offset, raw.rfind(b"PK\x01\x02")
    assert raw[local : local + 4] == b"PK\x03\x04"
    raw[local + 22 : local + 26] = (1024).to_bytes(4, "little")
    raw[central + 24 : central + 28] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(raw))


def _limited_memory() -> None:  # pragma: no cover - runs in the child
    limit = 256 * 2**20  # the command needs ~60 MB; unpacking a bomb would need far more
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_broken_and_hostile_word_files_are_refused(fixture_site: Path) -> None:
    folder = fixture_site.parent
    not_zip = folder / "not-a-zip.docx"
    bad_xml = folder / "bad-xml.docx"
    write_docx(not_zip, ["A headline"])
    with zipfile.ZipFile(not_zip) as good, zipfile.ZipFile(bad_xml, "w") as docx:
        for name in good.namelist():
            broken = name == "word/document.xml"
            docx.writestr(name, "<w:document><w:body><w:p>unclosed" if broken else good.read(name))
    not_zip.write_text("I was a .doc once", encoding="utf-8")
    bomb, liar = folder / "bomb.docx", folder / "liar.docx"
    _zip_bomb(bomb, 200 * 2**20)
    _lying_bomb(liar)
    assert bomb.stat().st_size < 2 * 2**20 < MAX_FILE_BYTES

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", "import", "--root", str(fixture_site),
         *map(str, [not_zip, bad_xml, bomb, liar])],
        capture_output=True, text=True, check=False, timeout=60, preexec_fn=_limited_memory,
        env={"PYTHONPATH": str(REPO / "scripts"), "PATH": ""},
    )
    assert time.monotonic() - started < 20
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    problems = result.stderr.splitlines()
    assert problems[0] == "4 problems in the newsroom content:"
    word_hint = "(open it in Word and save it again as .docx, or save it as .txt)"
    assert problems[1:3] == [
        f"  {bad_xml.as_posix()}:1: file: is not a Word document mammoth can read "
        f"(ExpatError: unbound prefix: line 1, column 0) {word_hint}",
        f"  {bomb.as_posix()}:1: file: unpacks to more than 50 MB (200 MB or more) (a zip bomb, "
        "or a document full of images: save its text alone as .txt)",
    ]
    assert re.fullmatch(
        rf"  {re.escape(liar.as_posix())}:1: file: is a damaged \.docx zip file \(.*\) "
        rf"{re.escape(word_hint)}", problems[3],
    )
    assert problems[4] == (
        f"  {not_zip.as_posix()}:1: file: is not a Word document (it is not a .docx zip file) "
        f"{word_hint}"
    )
    assert sorted(p.name for p in (fixture_site / "press_releases").iterdir()) == sorted(
        p.name for p in (REPO / "tests/fixtures/site/press_releases").iterdir()
    )


# --- a release already in the newsroom --------------------------------------------------------

def test_the_same_file_again_is_refused_unless_forced(fixture_site: Path, capsys) -> None:
    source = fixture_site.parent / "again.txt"
    source.write_text(_release("Coalition Says It Again", "The first text."), encoding="utf-8")
    code, out, err = _import(capsys, fixture_site, str(source))
    assert code == 0, err
    [written] = re.findall(r"-> (\S+)", out)
    source.write_text(_release("Coalition Says It Again", "The second text."), encoding="utf-8")
    code, _, err = _import(capsys, fixture_site, str(source))
    assert code == 1
    assert (f"{written}:1: file: already exists, so it was not replaced (compare the two, or "
            "import again with --force to replace it)") in err
    assert "The first text." in (fixture_site / written).read_text(encoding="utf-8")
    code, _, err = _import(capsys, fixture_site, str(source), "--force")
    assert (code, err) == (0, "")
    assert "The second text." in (fixture_site / written).read_text(encoding="utf-8")


EXISTING = "press_releases/2024-08-20-data-brokers-immigrant-tracking.md"
EXISTING_TITLE = "Investigation Reveals ICE Buys Location Data From Commercial Brokers"


def test_the_same_date_and_headline_in_another_file_is_refused(fixture_site: Path, capsys) -> None:
    source = fixture_site.parent / "brokers.txt"
    source.write_text(_release(EXISTING_TITLE.upper(), "Data Justice Alliance today said.",
                               date="August 20, 2024"), encoding="utf-8")
    code, out, err = _import(capsys, fixture_site, str(source))
    assert (code, out) == (1, "")
    assert err.splitlines()[1:] == [
        f"  {source.as_posix()}:1: file: {EXISTING} is already this release (the same date, "
        "and the same headline or slug), so it was not imported (compare the two, or import "
        "again with --force to write it as well)",
    ]
    # Another day's release of the same headline is another release.
    source.write_text(source.read_text(encoding="utf-8").replace("August 20", "August 21"),
                      encoding="utf-8")
    assert _import(capsys, fixture_site, str(source))[0] == 0


def test_the_same_date_and_slug_in_front_matter_is_refused(fixture_site: Path, capsys) -> None:
    existing = fixture_site / EXISTING
    existing.write_text(existing.read_text(encoding="utf-8").replace(
        f'title: "{EXISTING_TITLE}"', 'title: "Another Headline"\nslug: coalition-repeats'
    ), encoding="utf-8")
    source = fixture_site.parent / "repeat.txt"
    source.write_text(_release("Coalition Repeats", "Data Justice Alliance today said.",
                               date="August 20, 2024"), encoding="utf-8")
    code, _, err = _import(capsys, fixture_site, str(source))
    assert code == 1 and f"{EXISTING} is already this release" in err
    # Forced, it is written; `check` then reports the two files with one address.
    code, out, err = _import(capsys, fixture_site, str(source), "--force")
    assert "-> press_releases/2024-08-20-coalition-repeats.md" in out
    assert code == 1 and "slug" in err and EXISTING in err
