"""Web-address slugs from headlines and names: ASCII, lowercase, `[a-z0-9-]+`."""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not split into a base letter and an accent.
_SPELLED_OUT = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    "&": " and ", "@": " at ",
})

MAX_LENGTH = 60


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """`Défense des Immigrés: ICE & Clearview` -> `defense-des-immigres-ice-and-clearview`.

    Long headlines are cut at a word boundary, so addresses stay readable.
    """
    spelled = unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT))
    ascii_text = spelled.encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"['’]", "", ascii_text)  # "ICE's" -> "ices", not "ice-s"
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > max_length and slug:
            break
        slug = longer
    return slug[:max_length].strip("-")
