"""The conventions of a press release, recognised line by line: pure functions."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

END_MARK = re.compile(
    r"^\s*(?:#{3}|#\s+#\s+#|-\s*30\s*-|[–—]\s*30\s*[–—]|-?\s*ends?\s*-?|\*\*\*\s*end\s*\*\*\*)\s*$",
    re.I,
)

_RELEASE_LINE = re.compile(
    r"^(?:for\s+immediate\s+release|immediate\s+release|for\s+release\s+immediately"
    r"|release\s*:\s*immediate(?:ly)?|for\s+release\s*:\s*immediate(?:ly)?)"
    r"\s*[:.,;–—-]?\s*(?P<rest>.*)$",
    re.I,
)
_EMBARGO_LINE = re.compile(
    r"^(?:embargoed|embargo|under\s+embargo|hold\s+for\s+release|not\s+for\s+release)"
    r"(?:\s+(?:until|till|to|before))?\s*[:.,;–—-]?\s*(?P<when>.*)$",
    re.I,
)
_CONTACT_LABEL = re.compile(
    r"^(?:for\s+more\s+information,?\s+)?(?:please\s+)?(?:media|press|news\s+media)?\s*"
    r"(?:contacts?|inquiries|enquiries|contact\s+information)"
    r"\s*(?::\s*(?P<rest>.*)|[–—-]\s*(?P<rest2>.*)|)$",
    re.I,
)
_MARKUP = re.compile(r"^(?:#{1,6}\s+)?[*_]*\s*(?P<text>.*?)\s*[*_]*$")

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(
    [*calendar.day_name, *calendar.day_abbr]
) + r")\.?,?\s*"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<num_month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"),
]


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


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int


def find_date(text: str) -> FoundDate | None:
    """The first date written in one of the common ways, or None; Unclear if it is ambiguous."""
    found = []
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append(match)
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"])
        if first <= 12 and second <= 12 and first != second:
            raise Unclear(f"{match[0]!r} could be month/day or day/month")
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        month = int(parts["num_month"]) if parts.get("num_month") else MONTHS[
            parts["month"].lower().rstrip(".")
        ]
        day = int(parts["day"])
    try:
        return FoundDate(dt.date(year, month, day), match.start(), match.end())
    except ValueError:
        raise Unclear(f"{match[0]!r} is not a real calendar date") from None


def date_line(line: str) -> dt.date | None:
    """The date, if the line is nothing but a date ("Tuesday, October 20, 2020", "Date: ...")."""
    text = plain(line)
    found = find_date(text)
    if found is None:
        return None
    rest = text[: found.start] + text[found.end :]
    rest = re.sub(rf"(?i)^\s*(?:date[d]?\s*:?\s*)?(?:{_WEEKDAY})?", "", rest)
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
}
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)?"
    r"(?=\s|,|$|[A-Za-z+-])",
    re.I,
)
_NAMED_TIME = re.compile(r"\b(?P<word>noon|midnight)\b", re.I)
_OFFSET = re.compile(
    r"(?:\b(?:utc|gmt))?\s*(?P<sign>[+-−])(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?\b", re.I
)
_ZONE_WORD = re.compile(
    r"\b(?P<zone>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b(?:\s+time)?", re.I
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
    return moment.replace(tzinfo=_ZONES[zone["zone"].lower()])


def _time_of_day(text: str) -> tuple[int, int, str]:
    named = _NAMED_TIME.search(text)
    if named:
        hour = 12 if named["word"].lower() == "noon" else 0
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


_DATELINE = re.compile(
    r"^(?P<mark>[*_]{0,2})(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.'’ ]*?)?)(?P=mark)"
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
