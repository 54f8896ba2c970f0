"""VS Code's remark extension checks release front matter against the generated schema.

The extension runs the same engine as remark-cli with the repository's .remarkrc.mjs, so these
tests run the CLI from the root node_modules (installed by `npm ci`, which scripts/test runs).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
REMARK = NODE_MODULES / "remark-cli" / "cli.js"
SCHEMA = REPO / "schemas" / "release.schema.json"
SHIPPED = sorted((REPO / "press_releases").glob("*.md"))
# The seed release itself; its Spanish version is checked against the translation schema.
ORIGINAL = next(path for path in SHIPPED if not path.name.endswith(".es.md"))

# Keywords that mean the same in draft-07 (what the plugin's Ajv speaks) and draft 2020-12 (what
# the schema declares). A keyword outside this set (prefixItems, unevaluatedProperties,
# $dynamicRef...) would be silently ignored in the editor: extend .remarkrc.mjs first.
SHARED_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default", "examples",
    "type", "enum", "const", "anyOf", "oneOf", "allOf", "not", "properties", "required",
    "additionalProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties",
    "items", "minItems", "maxItems", "uniqueItems", "contains", "minLength", "maxLength",
    "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "readOnly", "writeOnly",
}
NAME_MAPS = {"properties", "$defs", "patternProperties"}
VALUES = {"default", "examples", "enum", "const"}


def remark(cwd: Path, *files: str) -> subprocess.CompletedProcess[str]:
    if not REMARK.is_file():
        pytest.fail(
            f"{REMARK.relative_to(REPO)} is missing: run scripts/test "
            "(or `npm ci --ignore-scripts` at the repository root)"
        )
    node = shutil.which("node")
    assert node, "node is not installed: run scripts/test"
    return subprocess.run(
        [node, str(REMARK), "--no-stdout", "--no-color", "--frail", "--quiet", *files],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the repository's remark setup, to lint releases that must not be committed."""
    shutil.copy(REPO / ".remarkrc.mjs", tmp_path)
    (tmp_path / "schemas").mkdir()
    shutil.copy(SCHEMA, tmp_path / "schemas")
    (tmp_path / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    (tmp_path / "press_releases").mkdir()
    return tmp_path


def broken(workspace: Path, folder: str, old: str, new: str) -> str:
    text = ORIGINAL.read_text(encoding="utf-8")
    assert re.search(old, text, flags=re.M), old
    target = workspace / folder / "broken.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")
    return f"{folder}/broken.md"


def test_shipped_releases_pass() -> None:
    assert SHIPPED
    result = remark(REPO, *(str(path.relative_to(REPO)) for path in SHIPPED))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr


def test_wrong_type_is_reported(workspace: Path) -> None:
    name = broken(workspace, "press_releases", r"^partners:\n(  - .*\n)+", "partners: 5\n")
    result = remark(workspace, name)
    assert result.returncode == 1, result.stderr
    assert "Must be array" in result.stderr, result.stderr
    assert "6:11-6:12 warning Must match a schema in anyOf" in result.stderr, result.stderr
    assert "#/properties/partners/anyOf" in result.stderr, result.stderr
    assert "frontmatter-schema" in result.stderr


def test_unknown_field_and_bad_date_are_reported(workspace: Path) -> None:
    name = broken(workspace, "press_releases", r"^date: .*$", "date: 2020-13-45\nheadline: Hi")
    result = remark(workspace, name)
    assert result.returncode == 1, result.stderr
    assert "Must NOT have additional properties" in result.stderr, result.stderr
    assert 'Must match format "date"' in result.stderr, result.stderr


def test_only_release_front_matter_is_checked(workspace: Path) -> None:
    name = broken(workspace, "docs", r"^date: .*$", "headline: Hi")
    result = remark(workspace, name)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr


def test_schema_uses_only_keywords_the_editor_understands() -> None:
    used: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                used.add(key)
                if key in VALUES:
                    continue
                children = value.values() if key in NAME_MAPS else [value]
                for child in children:
                    walk(child)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert used <= SHARED_KEYWORDS, sorted(used - SHARED_KEYWORDS)
