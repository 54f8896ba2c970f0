"""The README's copy-paste release is valid, and its example error is what staff would see."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from sitebuild import REPO, run_build

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
    broken = readme_release().replace("immigrant-defense-project]", "imigrant-defense-project]")
    (site / "press_releases" / "2024-05-01-coalition-sues-dhs.md").write_text(
        broken, encoding="utf-8")
    result = check(site)
    shown = re.search(r"```text\n(.*?)\n\s*```", README, re.DOTALL).group(1).strip()
    assert result.returncode == 1
    assert shown in result.stderr, result.stderr


def test_readme_plugin_settings_build_the_site(tmp_path: Path) -> None:
    section = README.split("Plugin settings in `mkdocs.yml`:", 1)[1]
    block = re.search(r"```yaml\n(.*?)\n```", section, re.DOTALL)
    assert block, "the README shows no plugin settings"
    plugins = yaml.safe_load(block.group(1))["plugins"]
    site = shipped_copy(tmp_path)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("\nplugins:\n")
    end = config.index("\nnav:\n")
    shown = yaml.safe_dump({"plugins": plugins}, sort_keys=False)
    (site / "mkdocs.yml").write_text(config[:start + 1] + shown + config[end:], encoding="utf-8")
    (settings,) = [p["pressroom"] for p in plugins if isinstance(p, dict) and "pressroom" in p]
    image = site / "docs" / settings["default_image"]
    image.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "scripts/pressroom/mkdocs/assets/social.png", image)
    (site / "overrides").symlink_to(REPO / "overrides")
    build = run_build(site, "--strict")
    assert build.ok, build.log


def test_readme_properdocs_commands_are_the_tested_ones() -> None:
    from test_properdocs import BUILD_OPTIONS

    section = README.split("## Building with ProperDocs", 1)[1]
    block = re.search(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert block, "the README shows no ProperDocs commands"
    pinned = re.search(r"^properdocs==\S+$", (REPO / "requirements-dev.txt").read_text("utf-8"),
                       re.MULTILINE)
    assert pinned, "requirements-dev.txt does not pin properdocs"
    # The build is test_properdocs' builds; the serve is its test_properdocs_serve_previews_drafts.
    assert block.group(1).splitlines() == [
        f".venv/bin/pip install {pinned.group(0)}",
        ".venv/bin/properdocs serve",
        " ".join([".venv/bin/properdocs build", *BUILD_OPTIONS]),
    ]


def test_readme_spanish_version_commands_work(tmp_path: Path) -> None:
    """The translation command, run on the README's own example release, and the command for
    a release only in Spanish: both write the file the README names, and `check` passes."""
    section = README.split("## Add a Spanish version", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert block, "the README shows no command for a Spanish version"
    spanish_only = re.search(r"`(pressroom new --lang es \"[^`]*)`", section)
    assert spanish_only, "the README shows no command for a release only in Spanish"
    site = shipped_copy(tmp_path)
    (site / "press_releases" / "2024-05-01-coalition-sues-dhs.md").write_text(
        readme_release(), encoding="utf-8")
    for command in (block.group(1), spanish_only.group(1)):
        argv = shlex.split(command)
        assert argv[0] == "pressroom", command
        result = subprocess.run(
            [sys.executable, "-m", "pressroom", *argv[1:], "--root", str(site)],
            capture_output=True, text=True, check=False,
        )
        assert result.returncode == 0, result.stderr
    assert (site / "press_releases" / "2024-05-01-coalition-sues-dhs.es.md").is_file()
    assert [path.name for path in (site / "press_releases").glob("*-titulo-del-comunicado.es.md")]
    result = check(site)
    assert result.returncode == 0, result.stderr


def test_readme_sealing_commands_work(tmp_path: Path) -> None:
    """Set up, seal and unseal, as the README's "Confidential embargoes" says, on its own
    example file name: the release comes back byte for byte."""
    section = README.split("## Confidential embargoes", 1)[1].split("\n## ", 1)[0]
    sealing, previews = section.split("### Previews for journalists", 1)
    commands = re.findall(r"```sh\n(.*?)\n```", sealing, re.DOTALL)
    assert [command.split()[0:3] for command in commands] == [
        ["pressroom", "seal", "--init"],
        ["pressroom", "seal", "press_releases/2026-12-01-our-news.md"],
        ["PRESSROOM_AGE_KEY_FILE=~/pressroom-age-key.txt", "pressroom", "unseal"],
    ]
    site = shipped_copy(tmp_path)
    release = site / "press_releases" / "2026-12-01-our-news.md"
    release.write_text(readme_release().replace("2024-05-01", "2026-12-01"), encoding="utf-8")
    original = release.read_bytes()

    def run(command: str, env: dict[str, str] | None = None) -> str:
        argv = shlex.split(command)
        while "=" in argv[0]:
            argv.pop(0)  # the README's environment variable, given through `env` here
        result = subprocess.run(
            [sys.executable, "-m", "pressroom", *argv[1:], "--root", str(site)], cwd=site,
            capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    private = next(word for word in run(commands[0]).split() if word.startswith("AGE-SECRET-KEY-"))
    key_file = tmp_path / "pressroom-age-key.txt"
    key_file.write_text(private + "\n", encoding="utf-8")
    run(commands[1])
    sealed = list((site / "press_releases" / "sealed").glob("*.age"))
    assert not release.exists() and len(sealed) == 1
    run(commands[2], {"PRESSROOM_AGE_KEY_FILE": str(key_file)})
    assert release.read_bytes() == original
    # The preview link for journalists, for the same release under embargo.
    (preview_link,) = re.findall(r"```sh\n(.*?)\n```", previews, re.DOTALL)
    release.write_text(original.decode().replace(
        "---\n", "---\nembargo: 2026-12-01T09:00:00-05:00\npreview: true\n", 1), encoding="utf-8")
    link = run(preview_link, {"PRESSROOM_PREVIEW_SECRET": "a secret for this test",
                              "PRESSROOM_NOW": "2026-11-30T12:00:00-05:00"})
    assert re.search(r"https://\S+/preview/[0-9a-f]{32}/#\S+", link), link


def yaml_block(heading: str) -> str:
    section = README.split(heading, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    block = re.search(r"```(?:yaml|markdown)\n(.*?)\n```", section, re.DOTALL)
    assert block, f"the README shows no example under {heading!r}"
    return block.group(1)


def test_readme_partner_example_is_valid(tmp_path: Path) -> None:
    site = shipped_copy(tmp_path)
    example = yaml_block("## Add a partner or a campaign")
    logo = yaml.safe_load(example.split("---\n")[1])["logo"]
    (site / "docs" / logo).parent.mkdir(parents=True)
    shutil.copy(REPO / "scripts/pressroom/mkdocs/assets/social.png", site / "docs" / logo)
    (site / "docs" / "partners" / "immigrant-defense-project.md").write_text(
        example.replace("...", "works for immigrants.") + "\n", encoding="utf-8")
    result = check(site)
    assert result.returncode == 0, result.stderr


def test_readme_topic_labels_and_footer_are_the_shipped_sites() -> None:
    """The README's examples are the shipped mkdocs.yml's own settings, which its build uses
    (tests/test_partner_media.py checks what that build shows)."""
    shipped = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (plugin,) = [p["pressroom"] for p in shipped["plugins"] if "pressroom" in p]
    topics = yaml.safe_load(yaml_block("### Topic labels"))["plugins"][0]["pressroom"]["topics"]
    assert topics.items() <= plugin["topics"].items()
    footer = yaml.safe_load(yaml_block("### The footer"))
    assert footer["copyright"] == shipped["copyright"]
    assert footer["extra"] == shipped["extra"]
    assert footer["plugins"][0]["pressroom"]["copyright"] == plugin["copyright"]
