"""Writing a release file: every field present, each with a comment saying what it is for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from pressroom.core.content.front_matter import Contact, ReleaseFront

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
