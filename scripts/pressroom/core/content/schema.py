"""The JSON Schema of release front matter, generated from the model for editors."""

from __future__ import annotations

import json
from typing import Any

from pressroom.core.content.front_matter import ReleaseFront

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def release_schema() -> dict[str, Any]:
    """The schema editors use to complete and check a release's front matter."""
    schema = ReleaseFront.model_json_schema()
    return {"$schema": SCHEMA_DIALECT, **schema, "title": "Pressroom release front matter"}


def release_schema_text() -> str:
    """The schema as committed in schemas/release.schema.json, byte for byte."""
    return json.dumps(release_schema(), indent=2, ensure_ascii=False) + "\n"


def translation_schema() -> dict[str, Any]:
    """A translation's (`<stem>.es.md`): the release's fields, none required, because it takes
    what it leaves out from its original. A release only in Spanish is checked by the build."""
    schema = {key: value for key, value in release_schema().items()
              if key not in ("required", "anyOf")}
    return {**schema, "title": "Pressroom release translation front matter"}


def schema_files() -> dict[str, str]:
    """Each schema as committed under schemas/, byte for byte, by file name."""
    return {
        "release.schema.json": release_schema_text(),
        "translation.schema.json": json.dumps(translation_schema(), indent=2,
                                              ensure_ascii=False) + "\n",
    }
