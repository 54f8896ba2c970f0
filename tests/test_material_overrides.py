"""Pressroom's copies of Material's templates stay Material's installed files plus a recorded
patch (tests/material_overrides.py says how to update them after upgrading Material)."""

from __future__ import annotations

import re

import pytest
from material_overrides import (
    COMMAND,
    COPIES,
    MATERIAL,
    OVERRIDES,
    PATCHES,
    PatchError,
    apply,
    check,
    problem,
    unified_diff,
)

# Material names its bundles by content hash, in its own templates.
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)\b")


@pytest.mark.parametrize("name", COPIES)
def test_copy_is_materials_file_plus_the_recorded_patch(name: str) -> None:
    if message := problem(name):
        pytest.fail(message, pytrace=False)


@pytest.mark.parametrize("name", COPIES)
def test_pressroom_changes_name_no_hashed_asset(name: str) -> None:
    # A copy names Material's bundles only in Material's own lines, which the test above keeps
    # those of the installed Material.
    added = [line for line in (PATCHES / f"{name}.patch").read_text().splitlines()
             if line.startswith("+") and not line.startswith("+++")]
    assert not [line for line in added if HASHED_ASSET.search(line)]


def test_main_html_overrides_only_blocks_material_has() -> None:
    # A block Material no longer has would be dropped without a word.
    blocks = re.compile(r"{%-?\s*block\s+(\w+)")
    material = set(blocks.findall((MATERIAL / "base.html").read_text()))
    assert set(blocks.findall((OVERRIDES / "main.html").read_text())) <= material


ORIGINAL = "".join(f"line {n}\n" for n in range(1, 21))
COPY = ORIGINAL.replace("line 5\n", "line 5\npressroom\n").replace("line 15", "line fifteen")


def recorded_patch() -> str:
    return unified_diff(ORIGINAL, COPY, "base.html")


def test_check_passes_the_copy_it_recorded() -> None:
    assert check("base.html", ORIGINAL, COPY, recorded_patch()) is None


def test_check_tells_a_material_upgrade_and_how_to_carry_the_changes_over() -> None:
    upgraded = ORIGINAL.replace("line 10\n", "line 10\nnew in Material\n")
    message = check("base.html", upgraded, COPY, recorded_patch())
    assert message and "Material changed" in message and "+new in Material" in message
    assert f"`{COMMAND} update`" in message


def test_check_tells_an_upgrade_that_rewrote_a_changed_line() -> None:
    upgraded = ORIGINAL.replace("line 15\n", "line 15 reworded\n")
    message = check("base.html", upgraded, COPY, recorded_patch())
    assert message and "Material changed" in message and "+line 15 reworded" in message
    with pytest.raises(PatchError):  # what `update` reports: the change is to make by hand
        apply(recorded_patch(), upgraded)


def test_check_tells_a_change_to_the_copy_that_was_not_recorded() -> None:
    edited = COPY.replace("line 18\n", "line 18\nunrecorded\n")
    message = check("base.html", ORIGINAL, edited, recorded_patch())
    assert message and "+unrecorded" in message and f"`{COMMAND} record`" in message
