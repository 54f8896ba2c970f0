"""Reading an old release into lines of text: plain text, Markdown, or a Word file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from pressroom.errors import UsageError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
WORD_SUFFIXES = {".docx"}


def read_lines(path: Path) -> list[str]:
    """The release as lines; a Word file gives one line per paragraph, blank lines between."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    if suffix in WORD_SUFFIXES:
        return _word_lines(path)
    if suffix not in TEXT_SUFFIXES:
        raise UsageError(
            f"{path}: cannot read {suffix} files; save it as .docx, .txt or .md first"
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # older Windows exports
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _word_lines(path: Path) -> list[str]:
    # Imported here: only Word files need mammoth, and `check` should start fast.
    import mammoth

    with path.open("rb") as file:
        converted = mammoth.convert_to_html(file)
    parser = _Paragraphs()
    parser.feed(converted.value)
    lines: list[str] = []
    for paragraph in parser.paragraphs:
        lines.extend([*paragraph.split("\n"), ""])
    return lines


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
