"""The editor schema is generated from the model, and the committed copy is current."""

from __future__ import annotations

import json
from pathlib import Path

from pressroom.cli.main import main
from pressroom.core.content.front_matter import ReleaseFront
from pressroom.core.content.schema import release_schema, release_schema_text, schema_files

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "schemas" / "release.schema.json"


def test_committed_schema_is_the_generated_one() -> None:
    for name, text in schema_files().items():
        assert (COMMITTED.parent / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is out of date: run `pressroom schema` and commit it")
    assert COMMITTED.read_text(encoding="utf-8") == release_schema_text(), (
        "schemas/release.schema.json is out of date: run `pressroom schema` and commit it"
    )


def test_schema_follows_the_model() -> None:
    schema = release_schema()
    assert set(schema["properties"]) == set(ReleaseFront.model_fields)
    assert {"title", "partners"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    assert schema["properties"]["title"]["description"] == "The headline."
    contact = schema["$defs"]["Contact"]
    assert contact["anyOf"] == [{"required": ["email"]}, {"required": ["phone"]}]


def test_schema_accepts_what_the_model_accepts() -> None:
    """An embargo may stand in for the date, and one partner or topic may stand alone."""
    schema = release_schema()
    assert "date" not in schema["required"]
    assert schema["anyOf"] == [{"required": ["date"]}, {"required": ["embargo"]}]
    for name in ("partners", "topics"):
        shapes = {shape["type"] for shape in schema["properties"][name]["anyOf"]}
        assert shapes == {"string", "array"}, name
    release = ReleaseFront.model_validate({
        "title": "Embargoed", "partners": "mijente", "topics": "foia",
        "embargo": "2021-06-01T09:00:00-04:00",
    })
    assert (release.partners, release.topics) == (["mijente"], ["foia"])
    assert str(release.date) == "2021-06-01"


def test_schema_command_writes_and_prints(tmp_path: Path, capsys) -> None:
    assert main(["schema", "--root", str(tmp_path)]) == 0
    written = tmp_path / "schemas" / "release.schema.json"
    assert written.read_text(encoding="utf-8") == release_schema_text()
    capsys.readouterr()
    assert main(["schema", "--stdout"]) == 0
    assert json.loads(capsys.readouterr().out) == release_schema()


def test_vscode_maps_the_schema_to_releases() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "press_releases/*.md" in settings["yaml.schemas"]["./schemas/release.schema.json"]
