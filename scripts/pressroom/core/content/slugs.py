"""Web-address slugs from headlines and names: ASCII, lowercase, `[a-z0-9-]+`."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_SYMBOLS = str.maketrans({"&": " and ", "@": " at "})
# A run of letters or digits outside ASCII, once accents are split off (`\w` is Unicode's).
_FOREIGN = re.compile(r"(?:(?![\x00-\x7f])\w)+")
_SYLLABLE = re.compile(r"(?<=[a-z])(?=[A-Z])")

MAX_LENGTH = 60


def to_ascii(text: str) -> str:
    """`Défense`, `Україна`, `日本` -> `Defense`, `Ukraina`, ` Ri Ben `: accents dropped,
    every other letter transliterated, so no script comes out empty."""
    return _FOREIGN.sub(_transliterate, unicodedata.normalize("NFKD", text)).encode(
        "ascii", "ignore"
    ).decode()


def _transliterate(run: re.Match[str]) -> str:
    letters = run.group()
    latin = anyascii(letters)
    if any(letter.isupper() or letter.islower() for letter in letters):
        return latin  # Cyrillic, Greek, `ß`: letters of words like Latin ones
    # Chinese, Japanese, Korean: anyascii capitalises each syllable; keep them apart.
    return f" {_SYLLABLE.sub(' ', latin)} "


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """`Défense des Immigrés: ICE & Clearview` -> `defense-des-immigres-ice-and-clearview`.

    Long headlines are cut at a word boundary, so addresses stay readable.
    """
    ascii_text = to_ascii(text.translate(_SYMBOLS)).lower()
    ascii_text = re.sub(r"'", "", ascii_text)  # "ICE's" -> "ices", not "ice-s"
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > max_length and slug:
            break
        slug = longer
    return slug[:max_length].strip("-")
