"""The README's copy-paste release is valid, and its example error is what staff would see."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_release() -> str:
    """The release under 'Copy this in', without the list item's indentation."""
    section = README.split("2. Copy this in", 1)[1]
    block = re.search(r"```markdown\n(.*?)\n\s*```", section, re.DOTALL)
    assert block, "the README has no example release"
    return "\n".join(line.removeprefix("   ") for line in block.group(1).splitlines()) + "\n"


def check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressroom", "check", "--root", str(site)],
        capture_output=True, text=True, check=False,
    )


def shipped_copy(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    for name in ("mkdocs.yml", "docs", "press_releases"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site / name)
    return site


def test_readme_example_release_is_valid(tmp_path: Path) -> None:
    site = shipped_copy(tmp_path)
    (site / "press_releases" / "2024-05-01-coalition-sues-dhs.md").write_text(
        readme_release(), encoding="utf-8")
    result = check(site)
    assert result.returncode == 0, result.stderr


def test_readme_example_error_is_the_real_one(tmp_path: Path) -> None:
    site = shipped_copy(tmp_path)
    broken = readme_release().replace("immigrant-defense-project]", "idp]")
    (site / "press_releases" / "2024-05-01-coalition-sues-dhs.md").write_text(
        broken, encoding="utf-8")
    result = check(site)
    shown = re.search(r"```text\n(.*?)\n\s*```", README, re.DOTALL).group(1).strip()
    assert result.returncode == 1
    assert shown in result.stderr, result.stderr
