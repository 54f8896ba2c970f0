"""Dates written another way than year-month-day, read so that a message can say how to write
them: staff who type `12/02/2026` meant a real date, and are told which one to write."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
} | {
    name: number for number, name in enumerate(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"), start=1)
} | {"sept": 9, "setiembre": 9}

# 2026/12/2, 2026-12-2, and a date with a time after it: 2026-12-02T00:00:00.
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}\S*)?")
# 12/02/2026: month first, as in the United States, unless the first number cannot be a month.
_YEAR_LAST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
_WORDS = re.compile(r"[a-záéíóú]+|\d+")


def meant_date(value: Any) -> dt.date | None:
    """The real date `value` stands for, when it is written another way than YYYY-MM-DD:
    `12/02/2026`, `2026/12/2`, `20261202`, `December 2, 2026`, `2 de diciembre de 2026`.
    A date written right, or no date at all, is None."""
    text = str(value).strip().lower()
    if isinstance(value, bool) or not text:
        return None
    if match := _YEAR_FIRST.fullmatch(text) or _DIGITS.fullmatch(text):
        year, month, day = map(int, match.groups())
    elif match := _YEAR_LAST.fullmatch(text):
        first, second, year = map(int, match.groups())
        month, day = (second, first) if first > 12 else (first, second)
    else:
        words = _WORDS.findall(text.replace("de ", " "))
        months = [_MONTHS[word] for word in words if word in _MONTHS]
        numbers = [int(word) for word in words if word.isdigit()]
        if len(months) != 1 or len(numbers) != 2 or len(words) != 3:
            return None
        (month,) = months
        day, year = sorted(numbers)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def why_impossible(text: str) -> str | None:
    """Why a date written YYYY-MM-DD does not exist (`February 2026 has 28 days`), or None."""
    year, month, day = map(int, text.split("-"))
    if year < 1:
        return "there is no year 0"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days"
    return None
