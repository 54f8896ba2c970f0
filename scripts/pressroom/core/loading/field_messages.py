"""Pydantic's validation errors, said the way a communications staffer can act on."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from pressroom.core.content.front_matter import DATE_PATTERN, ID_HINT
from pressroom.core.content.slugs import slugify
from pressroom.core.loading.written_dates import meant_date, why_impossible

_EXAMPLE_DATE = "2020-10-20"
_EXAMPLE_EMBARGO = "2026-12-01T09:00:00-05:00"

_MISSING_HINTS = {
    "title": "add `title: Your headline`",
    "date": f"add `date: {_EXAMPLE_DATE}` (year-month-day)",
    "partners": "add `partners: [partner-id]`, with ids of the pages in docs/partners/",
    "name": "add `name: ...`",
    "website": "add `website: https://...`",
}


def explain(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """Return (message, hint) for one validation error."""
    kind = error["type"]
    value = error.get("input")
    field = next((part for part in reversed(error["loc"]) if isinstance(part, str)), "")
    if kind == "taken_from_original":
        return error["msg"], "remove the line; set it in the original page, beside this file"
    if kind == "missing":
        return "is required", _MISSING_HINTS.get(field, f"add `{field}: ...`")
    if kind == "extra_forbidden":
        return "is not a field Pressroom knows", _unknown_field_hint(field, model)
    if field == "embargo":
        return _embargo_message(kind, value)
    if field == "date" or kind.startswith("date"):
        return _date_message(kind, value)
    if kind == "string_pattern_mismatch":
        if field == "email":
            return f"{value!r} is not a valid email address", "write it like name@example.org"
        return f"{value!r} is not a valid {field or 'id'}", ID_HINT
    if kind == "too_short" and field == "partners":
        return "needs at least one partner", _MISSING_HINTS["partners"]
    if kind == "string_too_short":
        return "is empty", "write some text or remove the line"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return f"{value!r} is too long", "keep it short (40 characters at most)"
    if kind.startswith("url"):
        return f"{value!r} is not a web address", "write the full address, starting with https://"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{value!r} is not allowed", f"use one of {expected}"
    if kind == "bool_parsing" or kind == "bool_type":
        return f"{value!r} is not true or false", "write `true` or `false`"
    if kind == "list_type":
        return "must be a list", f"write it like `{field}: [first, second]`"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a set of `key: value` fields", "indent each field under it"
    if kind == "string_type":
        return f"{value!r} is not text", "put the value in quotes"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"])), ""
    return error["msg"], ""


def field_problem(model: type[BaseModel], name: str, value: Any) -> tuple[str, str] | None:
    """(message, hint) when `value` breaks the model's rule for its field `name`, else None:
    one answer checked as the whole front matter would be (`pressroom new` asks field by
    field)."""
    field = model.model_fields[name]
    try:
        TypeAdapter(Annotated[field.annotation, *field.metadata]).validate_python(value)
    except ValidationError as invalid:
        error = invalid.errors()[0]
        return explain({**error, "loc": (name, *error["loc"])}, model)
    return None


def _date_message(kind: str, value: Any) -> tuple[str, str]:
    hint = f"write it as year-month-day, for example {_EXAMPLE_DATE}"
    if value is None:
        return "is empty", f"{hint}, or remove the line"
    meant = meant_date(value)
    if meant is not None:  # 12/02/2026 is a real date, written another way
        return (f"{value!r} is not written year-month-day",
                f"write {meant.isoformat()} (year-month-day) instead of {value}")
    impossible = why_impossible(value) if isinstance(value, str) \
        and re.fullmatch(DATE_PATTERN, value) else None
    if impossible:
        return f"{value!r} is an impossible date: {impossible}", "check the day and the month"
    return f"{value!r} is not a date written year-month-day", hint


def _embargo_message(kind: str, value: Any) -> tuple[str, str]:
    if kind in ("embargo_offset", "timezone_aware"):
        return (
            f"{value!r} has no UTC offset, so the moment it lifts is ambiguous",
            f"add the offset, for example {_EXAMPLE_EMBARGO}",
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        # `embargo: 20261201` is a number to YAML; never read as seconds since 1970.
        return (
            f"{value!r} is a number, not a date and time",
            f"write the date, the time and the UTC offset, for example {_EXAMPLE_EMBARGO}",
        )
    if kind.startswith("datetime"):  # written right, but 2026-02-30 or 25:00 do not exist
        return (
            f"{value!r} is not a real date and time",
            f"write it like {_EXAMPLE_EMBARGO}",
        )
    return (
        f"{value!r} is not a date and time with its UTC offset",
        f"write it like {_EXAMPLE_EMBARGO}: date, T, time with seconds, offset",
    )


def _unknown_field_hint(field: str, model: type[BaseModel]) -> str:
    known = list(model.model_fields)
    close = closest(field, known)
    if close:
        return f"did you mean `{close}`?"
    return "known fields: " + ", ".join(known)


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name staff most likely meant by `word`: the same one in other capitals or
    spacing (`Mijente`, `just futures law`), else the nearest spelling, else None."""
    known = sorted(known)
    for candidate in (word, slugify(word)):
        if candidate in known:
            return candidate
    for candidate in (word, slugify(word)):
        close = difflib.get_close_matches(candidate, known, n=1)
        if close:
            return close[0]
    return None


def unknown_id(kind: str, value: str, known: Iterable[str]) -> tuple[str, str]:
    """(message, hint) for an id no page in docs/<kind>s/ has: the build's, `check`'s and
    `pressroom new`'s wording."""
    known = sorted(known)
    folder = f"docs/{kind}s/"
    close = closest(value, known)
    if close is not None:
        hint = f"did you mean `{close}`?"
    elif known:
        hint = f"known {kind}s: {', '.join(known)}; or add a page in {folder}"
    else:
        hint = f"add a {kind} page in {folder} first"
    return f"unknown {kind} {value!r}", hint
