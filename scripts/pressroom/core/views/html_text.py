"""Small transformations of a release's rendered body."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import lxml.html

_PARAGRAPH = re.compile(r"<p[\s>]")
DATELINE_CLASS = "pressroom-dateline"


# Remembered across the rebuilds of `mkdocs serve`, where most bodies stay the same strings;
# large enough for every release of a big bilingual archive.
@lru_cache(maxsize=16384)
def first_paragraph_text(body_html: str) -> str:
    """The first paragraph with words in it, as plain text, without its dateline: the summary
    when staff give none."""
    for opening in _PARAGRAPH.finditer(body_html):
        end = body_html.find("</p>", opening.start())
        if end < 0:
            break
        # Paragraphs cannot nest, so this one ends at the next </p>: parse no further.
        paragraph = lxml.html.fragment_fromstring(body_html[opening.start() : end + 4])
        for lead in paragraph.find_class(DATELINE_CLASS):
            lead.drop_tree()  # its tail, the paragraph's first words, stays
        text = " ".join(paragraph.text_content().split())
        if text:
            return text
    return ""


def dateline(location: str | None) -> str:
    """`New York` -> `NEW YORK --`, the way wire copy opens."""
    return f"{location.upper()} --" if location else ""


def with_dateline(body_html: str, location: str | None) -> str:
    """Lead the first paragraph with the dateline, escaped; alone if the body opens otherwise."""
    if not location:
        return body_html
    lead = f'<span class="{DATELINE_CLASS}">{html.escape(dateline(location))}</span>'
    if body_html.lstrip().startswith("<p>"):
        return body_html.replace("<p>", f"<p>{lead} ", 1)
    return f"<p>{lead}</p>\n{body_html}"
