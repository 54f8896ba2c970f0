"""Pressroom's copies of Material's templates, each kept as Material's file plus a patch.

Where no block of Material's lets Pressroom make a change, overrides/ holds a copy of the
file, and tests/material_patches/ the change as a unified diff from the installed Material's
file to the copy. tests/test_material_overrides.py fails when the two disagree, which is
what happens after upgrading Material, so the copy never drifts from Material's file:

    python tests/material_overrides.py update   # after upgrading Material
    python tests/material_overrides.py record   # after changing a copy in overrides/

`update` rewrites each copy as Material's new file plus the recorded patch, and re-records
it; review `git diff overrides`. Where Material changed the lines a change touches, it names
the change instead: copy Material's new file into overrides/, make the change again by hand
(the patch shows it), then `record`.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import material

REPO = Path(__file__).parents[1]
MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"
PATCHES = Path(__file__).parent / "material_patches"
COPIES = (
    "base.html", "partials/header.html", "partials/language.html", "partials/palette.html",
    "partials/copyright.html",
)
COMMAND = "python tests/material_overrides.py"
FINGERPRINT = re.compile(r"--- \S+\tsha256:(\w+)")
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class PatchError(Exception):
    """A recorded change whose lines are not in the file it is applied to."""


@dataclass
class Hunk:
    """One change of a unified diff: `old` lines, from line `old_start` (0-based) of the
    original, become `new` lines, from line `new_start` of the copy."""

    old_start: int
    new_start: int
    old: list[str]
    new: list[str]


def unified_diff(original: str, copy: str, name: str) -> str:
    """The patch, whose first line names the original by its content: a copy changed and
    Material's file changed look alike otherwise."""
    return _diff(original, copy, f"material/templates/{name}", f"overrides/{name}",
                 fingerprint(original))


def _diff(before: str, after: str, before_name: str, after_name: str, date: str = "") -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        before_name, after_name, date,
    ))


def fingerprint(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def recorded_fingerprint(patch: str) -> str | None:
    found = FINGERPRINT.match(patch)
    return found and "sha256:" + found[1]


def hunks(patch: str) -> list[Hunk]:
    found: list[Hunk] = []
    for line in patch.splitlines(keepends=True):
        if header := HUNK.match(line):
            # An empty side's start is the line before it (`-12,0`), not the first one.
            old, new = (int(header[i]) - (header[i + 1] != "0") for i in (1, 3))
            found.append(Hunk(old, new, [], []))
        elif found and line[:1] in (" ", "-", "+"):
            if line[0] != "+":
                found[-1].old.append(line[1:])
            if line[0] != "-":
                found[-1].new.append(line[1:])
    return found


def apply(patch: str, text: str, *, reverse: bool = False) -> str:
    """`text` with the patch's changes made (or undone). Each change's lines must be in `text`
    as recorded; they may have moved, as when Material adds lines elsewhere."""
    lines = text.splitlines(keepends=True)
    result: list[str] = []
    done = 0
    for number, hunk in enumerate(hunks(patch), 1):
        old, new, start = (hunk.new, hunk.old, hunk.new_start) if reverse else (
            hunk.old, hunk.new, hunk.old_start)
        at = _find(lines, old, start, done)
        if at is None:
            raise PatchError(f"change {number} of the patch (at line {start + 1}) "
                             "finds its lines no longer there")
        result += lines[done:at] + new
        done = at + len(old)
    return "".join(result + lines[done:])


def _find(lines: list[str], block: list[str], expected: int, earliest: int) -> int | None:
    matches = [at for at in range(earliest, len(lines) - len(block) + 1)
               if lines[at:at + len(block)] == block]
    return min(matches, key=lambda at: abs(at - expected), default=None)


def check(name: str, original: str, copy: str, recorded: str) -> str | None:
    """What is wrong between Material's file, Pressroom's copy and the recorded patch, with
    what to do, or None when the copy is Material's file plus the patch."""
    if recorded_fingerprint(recorded) != fingerprint(original):
        installed = f"mkdocs-material {version('mkdocs-material')}"
        was = _copied_from(copy, recorded)
        changes = "" if was is None else "Material changed:\n" + _diff(
            was, original, f"{name} when copied", f"{name} of {installed}")
        return (f"Material's {name} ({installed}) is not the one overrides/{name} was copied "
                f"from. {changes}"
                f"Run `{COMMAND} update` to carry Pressroom's changes over to the new file.")
    if recorded == unified_diff(original, copy, name):
        return None
    try:
        differences = _diff(apply(recorded, original), copy,
                            f"Material's {name} plus the patch", f"overrides/{name}")
    except PatchError as error:  # the patch itself was edited
        differences = f"{error}\n"
    return (f"overrides/{name} is not Material's file plus {_patch_name(name)}:\n"
            f"{differences}If the copy is as intended, run `{COMMAND} record`.")


def problem(name: str) -> str | None:
    """`check` for the installed Material's file, the copy and the recorded patch."""
    patch = PATCHES / f"{name}.patch"
    if not patch.exists():
        return f"{_patch_name(name)} is missing: run `{COMMAND} record`."
    return check(name, *_texts(name), patch.read_text(encoding="utf-8"))


def record(name: str) -> None:
    patch = PATCHES / f"{name}.patch"
    patch.parent.mkdir(parents=True, exist_ok=True)
    patch.write_text(unified_diff(*_texts(name), name), encoding="utf-8")


def update(name: str) -> str | None:
    """Rewrite the copy as Material's file plus the recorded patch; or say why not."""
    original, copy = _texts(name)
    recorded = (PATCHES / f"{name}.patch").read_text(encoding="utf-8")
    if _copied_from(copy, recorded) is None:
        return (f"overrides/{name} has changes {_patch_name(name)} lacks, which `update` would "
                f"lose: `{COMMAND} record` them with the Material they were made for, "
                "or undo them, first.")
    try:
        (OVERRIDES / name).write_text(apply(recorded, original), encoding="utf-8")
    except PatchError as error:
        return (f"Material's new {name}: {error}. Copy {MATERIAL / name} to overrides/{name}, "
                f"make the change again by hand as {_patch_name(name)} shows, "
                f"then run `{COMMAND} record`.")
    record(name)
    return None


def _copied_from(copy: str, recorded: str) -> str | None:
    """Material's file the copy was made from, if the copy is that file plus the patch."""
    try:
        was = apply(recorded, copy, reverse=True)
    except PatchError:
        return None
    return was if fingerprint(was) == recorded_fingerprint(recorded) else None


def _texts(name: str) -> tuple[str, str]:
    return ((MATERIAL / name).read_text(encoding="utf-8"),
            (OVERRIDES / name).read_text(encoding="utf-8"))


def _patch_name(name: str) -> str:
    return f"tests/material_patches/{name}.patch"


def main(arguments: list[str]) -> int:
    if arguments not in (["record"], ["update"]):
        print(__doc__, file=sys.stderr)
        return 2
    failures = []
    for name in COPIES:
        failure = record(name) if arguments == ["record"] else update(name)
        if failure:
            failures.append(failure)
    print("\n".join(failures) or f"Recorded {', '.join(COPIES)} against mkdocs-material "
          f"{version('mkdocs-material')}.", file=sys.stderr if failures else sys.stdout)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
