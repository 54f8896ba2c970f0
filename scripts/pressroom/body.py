"""Small transformations of a release's rendered body."""

from __future__ import annotations

import html
import re

import lxml.html

_PARAGRAPH = re.compile(r"<p[\s>]")


def first_paragraph_text(body_html: str) -> str:
    """The first paragraph as plain text: the summary when staff give none."""
    opening = _PARAGRAPH.search(body_html)
    end = body_html.find("</p>", opening.start()) if opening else -1
    if end < 0:
        return ""
    # Paragraphs cannot nest, so the first one ends at the next </p>: parse no further.
    paragraph = lxml.html.fragment_fromstring(body_html[opening.start() : end + 4])
    return " ".join(paragraph.text_content().split())


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
