"""Two builds of the same content produce the same bytes (issue 2, point 10)."""

from __future__ import annotations

from pathlib import Path

from sitebuild import FIXTURES, copy_site, run_build

ENV = {"SOURCE_DATE_EPOCH": "1700000000", "PRESSROOM_NOW": "2026-01-15T12:00:00+00:00"}


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Different folders, so nothing may depend on where the site was checked out.
    first = run_build(copy_site(FIXTURES / "site", tmp_path / "one" / "site"), env=ENV)
    second = run_build(copy_site(FIXTURES / "site", tmp_path / "two" / "site"), env=ENV)
    assert first.ok, first.log
    assert second.ok, second.log
    one, two = tree(first.out), tree(second.out)
    assert sorted(one) == sorted(two)
    assert len(one) > 50 and "press/2025/face-matching-tool-check-ins/index.html" in one
    differing = [name for name in one if one[name] != two[name]]
    assert not differing, f"files differ between two identical builds: {differing}"
    for name, content in one.items():
        assert str(tmp_path).encode() not in content, f"{name} contains the build folder"
