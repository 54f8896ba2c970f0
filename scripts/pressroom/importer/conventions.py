"""The conventions of a press release, recognised line by line: pure functions."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names

END_MARK = re.compile(
    r"^\s*(?:#{3}|#\s+#\s+#|-\s*30\s*-|[–—]\s*30\s*[–—]|-?\s*ends?\s*-?|\*\*\*\s*end\s*\*\*\*)\s*$",
    re.I,
)

# Each convention's words per language, so that the words a release uses also say its language.
# Spanish comes first where the two overlap: "EMBARGO HASTA" is Spanish, "EMBARGO:" English.
_RELEASE_WORDS = {
    "es": r"(?:para\s+(?:su\s+)?)?(?:difusi[oó]n|publicaci[oó]n|divulgaci[oó]n|distribuci[oó]n)"
    r"\s+inmediata",
    "en": r"for\s+immediate\s+release|immediate\s+release|for\s+release\s+immediately"
    r"|release\s*:\s*immediate(?:ly)?|for\s+release\s*:\s*immediate(?:ly)?",
}
_EMBARGO_WORDS = {
    "es": r"(?:embargad[oa]s?|bajo\s+embargo)(?:\s+(?:hasta|antes\s+del?))?|embargo\s+hasta"
    r"|no\s+(?:publicar|difundir)\s+(?:hasta|antes\s+del?)",
    "en": r"(?:embargoed|embargo|under\s+embargo|hold\s+for\s+release|not\s+for\s+release)"
    r"(?:\s+(?:until|till|to|before))?",
}
_CONTACT_WORDS = {
    "es": r"(?:para\s+m[aá]s\s+informaci[oó]n,?\s+)?contactos?(?:\s+(?:de\s+(?:prensa|medios)"
    r"|para\s+(?:los\s+)?medios(?:\s+de\s+comunicaci[oó]n)?|con\s+(?:los\s+)?medios"
    r"|para\s+(?:la\s+)?prensa))?",
    "en": r"(?:for\s+more\s+information,?\s+)?(?:please\s+)?(?:media|press|news\s+media)?\s*"
    r"(?:contacts?|inquiries|enquiries|contact\s+information)",
}
_ABOUT_WORDS = {
    "es": r"Acerca\s+del?|Sobre",
    "en": r"About",
}


def _either(words: dict[str, str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in words.values())


_RELEASE_LINE = re.compile(
    rf"^(?:{_either(_RELEASE_WORDS)})\s*[:.,;–—-]?\s*(?P<rest>.*)$", re.I
)
_EMBARGO_LINE = re.compile(
    rf"^(?:{_either(_EMBARGO_WORDS)})\s*[:.,;–—-]?\s*(?P<when>.*)$", re.I
)
_CONTACT_LABEL = re.compile(
    rf"^(?:{_either(_CONTACT_WORDS)})"
    r"\s*(?::\s*(?P<rest>.*)|[–—-]\s*(?P<rest2>.*)|)$",
    re.I,
)
# A heading over a partner's boilerplate; a Spanish article after it is no part of the name.
_ABOUT = re.compile(
    rf"^(?:#{{1,6}}\s*)?[*_]*\s*(?P<words>{_either(_ABOUT_WORDS)})\s+(?:(?:el|la|los|las)\s+)?"
    r"(?P<name>[^*_]+?)\s*[*_]*\s*:?\s*[*_]*$"
)
_MARKUP = re.compile(r"^(?:#{1,6}\s+)?[*_]*\s*(?P<text>.*?)\s*[*_]*$")

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# Spanish as Spain, the United States and Latin America write it ("sept", "sep", "setiembre"),
# from the CLDR data Babel carries: the same source serves any language added later.
_SPANISH_LOCALES = ("es", "es_US", "es_PE")
SPANISH_MONTHS = {
    name.casefold().rstrip("."): number
    for locale in _SPANISH_LOCALES
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale=locale).items()
}
_SPANISH_WEEKDAYS = {
    spelling
    for width in ("wide", "abbreviated")
    for name in get_day_names(width, locale="es").values()
    for spelling in (name, _without_accents(name))
}


def _alternatives(names: Iterable[str]) -> str:
    """Names as regex alternatives, the longest first, so that "sept" is not read as "sep"."""
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternatives(MONTHS)})\.?"
_ES_MONTH = rf"(?P<month>{_alternatives(SPANISH_MONTHS)})\.?"
_WEEKDAY = r"(?:" + _alternatives(
    [*calendar.day_name, *calendar.day_abbr, *_SPANISH_WEEKDAYS]
) + r")\.?,?\s*"
# Each with the language whose month names it reads (None: numbers only, any language).
_DATE_PATTERNS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<num_month>\d{2})-(?P<day>\d{2})\b"), None),
    (re.compile(
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
    ), "en"),
    (re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
        re.I,
    ), "en"),
    # "20 de octubre de 2020", "20 de Octubre, 2020", "1.º de mayo del 2024"
    (re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:\.?[º°])?\s+(?:de\s+)?{_ES_MONTH}(?:\s+del?\s+|,?\s+)"
        r"(?P<year>\d{4})\b",
        re.I,
    ), "es"),
    # "octubre 20, 2020", as Spanish in the United States often writes it
    (re.compile(
        rf"\b{_ES_MONTH}\s+(?P<day>\d{{1,2}})(?:\.?[º°])?,?\s+(?:del?\s+)?(?P<year>\d{{4}})\b",
        re.I,
    ), "es"),
    (re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"), None),
]
_MONTHS_OF = {"en": MONTHS, "es": SPANISH_MONTHS}


class Unclear(ValueError):
    """Text that names a value, but not clearly enough to use it without guessing."""


def plain(line: str) -> str:
    """A line without Markdown heading marks and emphasis around it."""
    match = _MARKUP.match(line.strip())
    return match["text"] if match else line.strip()


def is_end_mark(line: str) -> bool:
    return bool(END_MARK.match(line))


def release_line(line: str) -> str | None:
    """The rest of a "FOR IMMEDIATE RELEASE" line (often a date), or None if it is not one."""
    match = _RELEASE_LINE.match(plain(line))
    return match["rest"].strip() if match else None


def embargo_line(line: str) -> str | None:
    """What an "EMBARGOED UNTIL ..." line says about when, or None if it is not one."""
    match = _EMBARGO_LINE.match(plain(line))
    return match["when"].strip(" *_") if match else None


def contact_label(line: str) -> str | None:
    """The rest of a "Media contact:" line, or None if the line is not such a label."""
    match = _CONTACT_LABEL.match(plain(line))
    if not match:
        return None
    return (match["rest"] or match["rest2"] or "").strip(" *_")


def about_heading(line: str, *, spanish_sobre: bool = True) -> str | None:
    """The organisation an "About ..." ("Acerca de ...", "Sobre ...") heading names, or None.

    "Sobre" also begins ordinary Spanish subheadings ("Sobre la demanda"), so it counts
    only where boilerplate is expected: after the end mark or another "About" heading.
    """
    match = _ABOUT.match(line)
    if not match or (not spanish_sobre and match["words"] == "Sobre"):
        return None
    return match["name"].strip()


_WORDS_OF = {
    "release line": _RELEASE_WORDS, "embargo line": _EMBARGO_WORDS,
    "contact label": _CONTACT_WORDS, "boilerplate heading": _ABOUT_WORDS,
}


def language_of(convention: str, words: str) -> str | None:
    """The language a recognised convention is written in: "es" for "PARA DIFUSIÓN
    INMEDIATA" or "20 de octubre de 2020"; None for words of no language (an end mark,
    2020-10-20)."""
    if convention == "date":
        found = find_date(words)
        return found.lang if found else None
    flags = re.I
    if convention == "boilerplate heading":
        heading = _ABOUT.match(words)
        words, flags = (heading["words"] if heading else ""), 0
    for lang, pattern in _WORDS_OF.get(convention, {}).items():
        if re.match(rf"(?:{pattern})(?!\w)", plain(words), flags):
            return lang
    return None


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    lang: str | None = None
    """The language of its month's name, if it has one."""


def find_date(text: str) -> FoundDate | None:
    """The first date written in one of the common ways, or None; Unclear if it is ambiguous."""
    found = []
    for pattern, lang in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match, lang))
    if not found:
        return None
    # The earliest; where an English and a Spanish reading start together ("20 May 2020"),
    # the English one, listed first.
    match, lang = min(found, key=lambda pair: pair[0].start())
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"])
        if first <= 12 and second <= 12 and first != second:
            raise Unclear(f"{match[0]!r} could be month/day or day/month")
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        month = int(parts["num_month"]) if parts.get("num_month") else _MONTHS_OF[lang or "en"][
            parts["month"].casefold().rstrip(".")
        ]
        day = int(parts["day"])
    try:
        return FoundDate(dt.date(year, month, day), match.start(), match.end(), lang)
    except ValueError:
        raise Unclear(f"{match[0]!r} is not a real calendar date") from None


def date_line(line: str) -> dt.date | None:
    """The date, if the line is nothing but a date ("Tuesday, October 20, 2020", "Date: ...",
    "martes, 20 de octubre de 2020", "Fecha: ...")."""
    text = plain(line)
    found = find_date(text)
    if found is None:
        return None
    rest = text[: found.start] + text[found.end :]
    rest = re.sub(rf"(?i)^\s*(?:(?:date[d]?|fecha)\s*:?\s*)?(?:{_WEEKDAY})?", "", rest)
    return found.date if not rest.strip(" ,.:;–—-") else None


# Zones as releases name them. ET and its kin follow daylight saving time on the day itself.
_ZONES: dict[str, ZoneInfo | dt.timezone] = {
    "et": ZoneInfo("America/New_York"), "eastern": ZoneInfo("America/New_York"),
    "ct": ZoneInfo("America/Chicago"), "central": ZoneInfo("America/Chicago"),
    "mt": ZoneInfo("America/Denver"), "mountain": ZoneInfo("America/Denver"),
    "pt": ZoneInfo("America/Los_Angeles"), "pacific": ZoneInfo("America/Los_Angeles"),
    "est": dt.timezone(dt.timedelta(hours=-5)), "edt": dt.timezone(dt.timedelta(hours=-4)),
    "cst": dt.timezone(dt.timedelta(hours=-6)), "cdt": dt.timezone(dt.timedelta(hours=-5)),
    "mst": dt.timezone(dt.timedelta(hours=-7)), "mdt": dt.timezone(dt.timedelta(hours=-6)),
    "pst": dt.timezone(dt.timedelta(hours=-8)), "pdt": dt.timezone(dt.timedelta(hours=-7)),
    "utc": dt.UTC, "gmt": dt.UTC, "z": dt.UTC,
    "bst": dt.timezone(dt.timedelta(hours=1)), "cet": dt.timezone(dt.timedelta(hours=1)),
    "cest": dt.timezone(dt.timedelta(hours=2)),
    # As Spanish-language releases in the United States write them: "hora del Este".
    "hora del este": ZoneInfo("America/New_York"),
    "hora del centro": ZoneInfo("America/Chicago"),
    "hora de la montaña": ZoneInfo("America/Denver"),
    "hora de la montana": ZoneInfo("America/Denver"),
    "hora del pacífico": ZoneInfo("America/Los_Angeles"),
    "hora del pacifico": ZoneInfo("America/Los_Angeles"),
}
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)?"
    r"(?=\s|,|$|[A-Za-z+-])",
    re.I,
)
_NOON = ("noon", "mediodía", "mediodia")
_NAMED_TIME = re.compile(r"\b(?P<word>noon|midnight|mediod[ií]a|medianoche)\b", re.I)
_OFFSET = re.compile(
    r"(?:\b(?:utc|gmt))?\s*(?P<sign>[+-−])(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?\b", re.I
)
_ZONE_WORD = re.compile(
    r"\b(?P<zone>" + _alternatives(_ZONES).replace(r"\ ", r"\s+") + r")\b(?:\s+time)?", re.I
)


def embargo_moment(when: str) -> dt.datetime:
    """The moment an embargo line names, with the offset it states; Unclear if anything lacks."""
    found = find_date(when)
    if found is None:
        raise Unclear("the embargo line gives no date")
    rest = when[: found.start] + " " + when[found.end :]
    hour, minute, rest = _time_of_day(rest)
    moment = dt.datetime.combine(found.date, dt.time(hour, minute))
    offset = _OFFSET.search(rest)
    if offset and (offset["minutes"] or ":" in offset[0] or re.search(r"utc|gmt", offset[0], re.I)):
        sign = -1 if offset["sign"] in "-−" else 1
        delta = dt.timedelta(hours=int(offset["hours"]), minutes=int(offset["minutes"] or 0))
        return moment.replace(tzinfo=dt.timezone(sign * delta))
    zone = _ZONE_WORD.search(rest)
    if zone is None:
        raise Unclear("the embargo line gives no time zone")
    return moment.replace(tzinfo=_ZONES[" ".join(zone["zone"].lower().split())])


def _time_of_day(text: str) -> tuple[int, int, str]:
    named = _NAMED_TIME.search(text)
    if named:
        hour = 12 if named["word"].lower() in _NOON else 0
        return hour, 0, text[: named.start()] + text[named.end() :]
    for match in _TIME.finditer(text):
        if not (match["minute"] or match["half"]):
            continue  # a bare number is not a time of day
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        half = (match["half"] or "").lower().replace(".", "").replace(" ", "")
        if half == "pm" and hour < 12:
            hour += 12
        if half == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            raise Unclear(f"{match[0]!r} is not a time of day")
        return hour, minute, text[: match.start()] + text[match.end() :]
    raise Unclear("the embargo line gives no time of day")


# Letters of place names in capitals, Spanish ones too: "LOS ÁNGELES", "BOGOTÁ, Colombia".
_CAPITAL = "A-ZÁÉÍÓÚÜÑ"
_SMALL = "a-záéíóúüñ"
_DATELINE = re.compile(
    rf"^(?P<mark>[*_]{{0,2}})(?P<place>[{_CAPITAL}][{_CAPITAL}.'’ -]*[{_CAPITAL}.]"
    rf"(?:,\s*[{_CAPITAL}][{_CAPITAL}{_SMALL}.'’ ]*?)?)(?P=mark)"
    r"\s*(?:\((?P<when>[^)]*)\))?\s*(?:--|—|–|-)\s+"
)
_SMALL_WORDS = {"of", "de", "del", "la", "le", "upon", "on", "the", "and"}


@dataclass(frozen=True)
class Dateline:
    location: str
    place: str
    """The place as the text writes it: "WASHINGTON, D.C."."""
    when: str | None
    rest: str


def dateline(paragraph: str) -> Dateline | None:
    """ "WASHINGTON, D.C. (March 3, 2021) — Today..." -> Washington, D.C., its date, the text."""
    match = _DATELINE.match(paragraph)
    if not match or not any(char.isupper() for char in match["place"].split(",")[0]):
        return None
    city = match["place"].split(",")[0]
    if city != city.upper():
        return None
    return Dateline(
        _place_name(match["place"]), match["place"], match["when"], paragraph[match.end() :]
    )


def _place_name(place: str) -> str:
    """ "NEW YORK" -> "New York", "WASHINGTON, D.C." -> "Washington, D.C."."""
    words = []
    for index, word in enumerate(place.split(" ")):
        if "." in word or not word.isupper():
            words.append(word)  # abbreviations such as D.C. or Calif. are already right
        elif index and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)
