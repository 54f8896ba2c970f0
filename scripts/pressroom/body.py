"""Small transformations of a release's rendered body."""

from __future__ import annotations

import html
from html.parser import HTMLParser


class _FirstParagraph(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self.done:
            self.parts.append(data)


def first_paragraph_text(body_html: str) -> str:
    """The first paragraph as plain text: the summary when staff give none."""
    parser = _FirstParagraph()
    end = body_html.find("</p>")
    # Paragraphs cannot nest, so the first one ends at the first </p>: parse no further.
    parser.feed(body_html if end < 0 else body_html[: end + 4])
    return " ".join("".join(parser.parts).split())


def dateline(location: str | None) -> str:
    """`New York` -> `NEW YORK --`, the way wire copy opens."""
    return f"{location.upper()} --" if location else ""


def with_dateline(body_html: str, location: str | None) -> str:
    """Lead the first paragraph with the dateline, escaped; alone if the body opens otherwise."""
    if not location:
        return body_html
    lead = f'<span class="pressroom-dateline">{html.escape(dateline(location))}</span>'
    if body_html.lstrip().startswith("<p>"):
        return body_html.replace("<p>", f"<p>{lead} ", 1)
    return f"<p>{lead}</p>\n{body_html}"
