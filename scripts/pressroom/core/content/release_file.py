"""Writing a release file: every field present, each with a comment saying what it is for."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pressroom.core.content.front_matter import Contact, ReleaseFront
from pressroom.core.content.languages import SHARED_FIELDS, TRANSLATED_FIELDS, Language

MODELINE = "# yaml-language-server: $schema={schema}"


def release_file_name(date: dt.date, slug: str) -> str:
    return f"{date.isoformat()}-{slug}.md"


def render_release(front: dict[str, Any], body: str, schema: str | None = None) -> str:
    """A release file: front matter in the model's field order, commented, then the body.

    Fields `front` leaves out are still written, empty, so staff see everything they can set.
    """
    lines = ["---"]
    if schema:
        lines.append(MODELINE.format(schema=schema))
    for name, field in ReleaseFront.model_fields.items():
        if field.description:
            lines.append(f"# {field.description}")
        value = front.get(name)
        if value is None and not field.is_required():
            value = field.default
        lines.extend(_field_lines(name, value))
    lines.append("---")
    return "\n".join(lines) + "\n" + body.strip("\n") + "\n"


def render_translation(
    original: dict[str, Any], own: dict[str, Any], original_name: str, language: Language,
    body: str, schema: str | None = None,
) -> str:
    """A translation to fill in: only the fields a translation sets, each headline field with
    the original's text in a comment above a placeholder (or above the value in `own`, typed
    on the command line), so the translator sees both at once.

    It starts as a draft: a translation is often ready after its original, and may then wait.
    """
    taken = [name for name in SHARED_FIELDS if name != "draft"]
    lines = ["---"]
    if schema:
        lines.append(MODELINE.format(schema=schema))
    lines += [
        f"# The {language.english} version of {original_name}, beside it.",
        f"# It takes {', '.join(taken[:-1])} and {taken[-1]} from that file:",
        "# translate what is here.",
    ]
    for name in TRANSLATED_FIELDS:
        lines += _translated_field_lines(name, original.get(name), own.get(name), language)
    topics = original.get("topics")
    if topics:
        listed = list(topics) if isinstance(topics, list | tuple) else [topics]
        lines += [
            f"# To show the topics in {language.english}, write them here (optional):",
            f"# topics: {scalar(listed)}",
        ]
    lines += [
        f"# true keeps the {language.english} version off the site, even once the original is",
        "# published. Delete the line when it is ready: it then goes out with the original.",
        "draft: true",
        "---",
    ]
    return "\n".join(lines) + "\n" + body.strip("\n") + "\n"


# What a translator replaces. `check` accepts it, so the file is valid as written, a draft.
TRANSLATION_PLACEHOLDERS = {
    "title": "Write the headline in {language}",
    "subtitle": "Write the subheadline in {language}",
    "summary": "Write the summary in {language}",
}


def _translated_field_lines(name: str, value: Any, own: Any, language: Language) -> list[str]:
    if name == "slug":
        return [
            "# This version's web address, if not the file name's: for example the "
            f"{language.english}",
            "# headline's words, in lowercase letters, digits and hyphens (optional).",
            "slug:",
        ]
    if value is None:  # the original leaves it out: so may the translation
        return [f"# {ReleaseFront.model_fields[name].description}", *_field_lines(name, own)]
    if name == "location":
        # A place is often named alike in both languages: kept, to change where it is not.
        return [
            f"# The dateline's place, as in the original: write its {language.english} name "
            "if it has one.",
            f"location: {scalar(own or value)}",
        ]
    placeholder = TRANSLATION_PLACEHOLDERS[name].format(language=language.english)
    return [
        f"# {ReleaseFront.model_fields[name].description} In the original:",
        f"#   {' '.join(str(value).split())}",
        f"{name}: {scalar(own or placeholder)}",
    ]


def _field_lines(name: str, value: Any) -> list[str]:
    if value is None:
        return [f"{name}:"]
    if isinstance(value, list | tuple):
        if not value:
            return [f"{name}: []"]
        return [f"{name}:", *(line for item in value for line in _item_lines(item))]
    return [f"{name}: {scalar(value)}"]


def _item_lines(item: Any) -> list[str]:
    if not isinstance(item, dict):
        return [f"  - {scalar(item)}"]
    keys = [key for key in Contact.model_fields if item.get(key) is not None]
    return [
        f"  {'- ' if index == 0 else '  '}{key}: {scalar(item[key])}"
        for index, key in enumerate(keys)
    ]


def scalar(value: Any) -> str:
    """One YAML scalar, quoted only when YAML needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...")


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet: never overwrite someone's release."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as file:
        file.write(text)


# What `pressroom new` writes for staff to replace.
PLACEHOLDER_BODY = """\
Write the first paragraph here: who did what, when, where and why. The page puts the \
dateline (the `location` above, in capitals) in front of it.

"Put a quote here," said Full Name, Title at Organisation. "Keep it to two or three sentences."

Separate paragraphs with a blank line. Write links [like this](https://example.org).
"""

TRANSLATION_BODY = """\
Write the {language} text here, in place of this paragraph: translate the text of \
{original}, paragraph by paragraph, quotes included.
"""


@lru_cache(maxsize=16384)  # every release's body, checked again at every save of the preview
def placeholder_left(text: str) -> bool:
    """Whether text still holds words `pressroom new` wrote for staff to replace."""
    return any(opening in text for opening in _PLACEHOLDER_OPENINGS)


_PLACEHOLDER_OPENINGS = (
    PLACEHOLDER_BODY.split(":", 1)[0],
    TRANSLATION_BODY.split("{language}", 1)[1].split(":", 1)[0],
    *(hint.split("{language}", 1)[0] for hint in TRANSLATION_PLACEHOLDERS.values()),
)
