"""Reading an old release into lines of text: plain text, Markdown, or a Word file.

Old files come from anywhere, so reading them is bounded: a Word file is checked as a zip
before mammoth opens it, and a text file's encoding is detected, never assumed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from pressroom.core.errors import UsageError

MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text", "", *MARKDOWN_SUFFIXES}
WORD_SUFFIXES = {".docx"}

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The most a release file may hold, compressed or not: far above any real release's text."""
_CHUNK = 1024 * 1024
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
]
_WINDOWS = "cp1252"
_CONTROL = {chr(code) for code in [*range(0, 9), 11, *range(14, 32), 127]}


class Unreadable(Exception):
    """A file that cannot be read as a release; the message says why, the hint what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class Reading:
    """A release's lines, and how they were read when that was a guess."""

    lines: list[str]
    encoding: str | None = None
    """The legacy encoding detected for a text file that is not UTF-8."""
    markdown: bool = False
    """Whether the file is Markdown, whose `&amp;` is markup rather than text."""


def read_lines(path: Path) -> list[str]:
    """The release as lines; a Word file gives one line per paragraph, blank lines between."""
    return read_release(path).lines


def read_release(path: Path) -> Reading:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    if suffix not in WORD_SUFFIXES | TEXT_SUFFIXES:
        raise UsageError(
            f"{path}: cannot read {suffix} files; save it as .docx, .txt or .md first"
        )
    if path.stat().st_size > MAX_FILE_BYTES:
        raise Unreadable(
            f"is {path.stat().st_size // 2**20} MB, more than a release can be",
            "save the release's text alone as .txt or .docx, without images",
        )
    if suffix in WORD_SUFFIXES:
        return Reading(_word_lines(path.read_bytes()))
    text, encoding = decode_text(path.read_bytes())
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Reading(lines, encoding, markdown=suffix in MARKDOWN_SUFFIXES)


def decode_text(raw: bytes) -> tuple[str, str | None]:
    """The text, and the legacy encoding it was detected in (None for UTF-8 or a BOM's).

    Unicode is tried first, then charset-normalizer's detection; when Windows-1252 reads
    the bytes as well as its best guess does, Windows-1252 wins, as the usual export of old
    Word and Outlook releases (charset-normalizer alone often picks cp1250 for English text
    with curly quotes, which turns ñ into ń).
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_decode(raw, encoding)), None
    try:
        return _checked(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only non-UTF-8 files need it

    matches = list(from_bytes(raw))
    if not matches:
        raise Unreadable(_BINARY, _BINARY_HINT)
    least = min(match.chaos for match in matches)
    plausible = [match for match in matches if match.chaos <= least + 0.01]
    if any(_WINDOWS in match.could_be_from_charset for match in plausible):
        encoding = _WINDOWS
    else:
        encoding = plausible[0].encoding
    return _checked(_decode(raw, encoding)), encoding


_BINARY = "is not text in any encoding this importer can tell"
_BINARY_HINT = "open it in the program that made it and save it as UTF-8 text or .docx"


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise Unreadable(f"is not valid {encoding} text", _BINARY_HINT) from None


def _checked(text: str) -> str:
    """Text, unless it holds control characters no release has: then it was binary."""
    text = text.removeprefix("\ufeff")
    if any(char in _CONTROL for char in text):
        raise Unreadable(_BINARY, _BINARY_HINT)
    return text


def _word_lines(raw: bytes) -> list[str]:
    # Imported here: only Word files need mammoth, and `check` should start fast.
    import mammoth

    document = _checked_zip(raw)
    try:
        converted = mammoth.convert_to_html(
            document, external_file_access=False,
            # Images are never imported; not converting them keeps their bytes unread.
            convert_image=mammoth.images.img_element(lambda image: {}),
        )
    except Exception as failure:  # whatever mammoth trips on, the file is to blame
        raise Unreadable(
            f"is not a Word document mammoth can read ({type(failure).__name__}: "
            f"{_first_line(failure)})", _WORD_HINT,
        ) from None
    parser = _Paragraphs()
    parser.feed(converted.value)
    lines: list[str] = []
    for paragraph in parser.paragraphs:
        lines.extend([*paragraph.split("\n"), ""])
    return lines


_WORD_HINT = "open it in Word and save it again as .docx, or save it as .txt"


def _checked_zip(raw: bytes) -> io.BytesIO:
    """The Word file, once its zip is known to unpack whole within MAX_FILE_BYTES.

    The sizes a zip declares are checked first, then every member is read through a
    counting loop: declared sizes can lie, and mammoth reads members whole into memory.
    """
    document = io.BytesIO(raw)
    try:
        archive = zipfile.ZipFile(document)
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Unreadable("is not a Word document (it is not a .docx zip file)", _WORD_HINT) \
            from None
    with archive:
        declared = sum(member.file_size for member in archive.infolist())
        if declared > MAX_FILE_BYTES:
            raise Unreadable(_too_big(declared), _TOO_BIG_HINT)
        unpacked = 0
        try:
            for member in archive.infolist():
                with archive.open(member) as content:
                    while chunk := content.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > MAX_FILE_BYTES:
                            raise Unreadable(_too_big(unpacked), _TOO_BIG_HINT)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError,
                EOFError, OSError) as broken:
            raise Unreadable(
                f"is a damaged .docx zip file ({_first_line(broken)})", _WORD_HINT
            ) from None
    document.seek(0)
    return document


_TOO_BIG_HINT = "a zip bomb, or a document full of images: save its text alone as .txt"


def _too_big(size: int) -> str:
    return f"unpacks to more than {MAX_FILE_BYTES // 2**20} MB ({size // 2**20} MB or more)"


def _first_line(failure: BaseException) -> str:
    return (str(failure).strip().splitlines() or [""])[0][:200]


class _Paragraphs(HTMLParser):
    """mammoth's HTML as Markdown-ish paragraphs, keeping links, emphasis and headings."""

    _BLOCKS: ClassVar[dict[str, str]] = {
        "p": "", "h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "li": "- ",
    }
    _INLINE: ClassVar[dict[str, str]] = {"strong": "**", "b": "**", "em": "*", "i": "*"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.current = [self._BLOCKS[tag]]
        elif self.current is None:
            return
        elif tag in self._INLINE:
            self.current.append(self._INLINE[tag])
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href)
            if href:  # bookmarks are anchors without an address: keep just their text
                self.current.append("[")

    def handle_endtag(self, tag: str) -> None:
        if self.current is None:
            return
        if tag in self._BLOCKS:
            text = "".join(self.current)
            if text.strip(" #-"):
                self.paragraphs.append(text.strip())
            self.current = None
        elif tag in self._INLINE:
            self.current.append(self._INLINE[tag])
        elif tag == "a":
            href = self.links.pop() if self.links else ""
            if href:
                self.current.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)
