"""Sealed releases: confidential in a public repository until the lift, built with the key.

One sealed site is built three times (no key; the key before the lift; the key after it);
the error cases run `pressroom check` in this process, which opens sealed files the way the
build does, and one build shows the deploy's missing key failing loudly.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from pyrage import x25519
from sitebuild import (
    FIXTURES,
    Build,
    copy_site,
    in_search_index,
    readable_bytes,
    run_build,
    run_command,
)

from pressroom.cli.main import main
from pressroom.core.loading.sealed import bucket, pack, seal, unpack

CANARY = "Quokkaflint"
STEM = "2031-03-01-quokkaflint-audit"
EMBARGO = "2031-03-01T09:00:00-05:00"
BEFORE, AFTER = "2031-03-01T08:59:00-05:00", "2031-03-01T09:00:00-05:00"
IMAGE = "assets/quokkaflint-chart.png"
PNG = b"\x89PNG\r\n\x1a\n" + CANARY.encode() + b"\0" * 32
RELEASE = f"""---
title: Audit finds {CANARY} contract hid data sharing
embargo: {EMBARGO}
partners: [data-justice]
image: {IMAGE}
---
The {CANARY} audit, released today, shows the contract's data sharing.

![The audit's chart](../../{IMAGE})
"""
TRANSLATION = f"""---
title: La auditoría de {CANARY}
---
La auditoría de {CANARY} muestra el intercambio de datos.
"""


def add_release(site: Path) -> dict[str, bytes]:
    files = {
        f"press_releases/{STEM}.md": RELEASE.encode(),
        f"press_releases/{STEM}.es.md": TRANSLATION.encode(),
        f"docs/{IMAGE}": PNG,
    }
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return files


def list_recipients(site: Path, *identities: x25519.Identity) -> None:
    path = site / ".pressroom" / "recipients.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("# test keys\n" + "".join(f"{i.to_public()}\n" for i in identities),
                    encoding="utf-8")


def quiet_main(*argv: str) -> tuple[int, str]:
    """The command in this process, for module fixtures (which cannot use capsys)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(argv))
    return code, out.getvalue()


def tree_mentions(site: Path, word: str) -> list[str]:
    """Files of the repository (the build's output aside) whose name or bytes hold `word`."""
    found = []
    for path in site.rglob("*"):
        if "_site" in path.relative_to(site).parts:
            continue
        if word.lower() in path.name.lower() or (
                path.is_file() and word.lower().encode() in path.read_bytes().lower()):
            found.append(path.relative_to(site).as_posix())
    return found


def site_mentions(build: Build, word: str) -> list[str]:
    return [path.relative_to(build.out).as_posix() for path in build.out.rglob("*")
            if word.lower() in path.name.lower()
            or (path.is_file() and word.lower().encode() in readable_bytes(path).lower())]


@pytest.fixture(scope="module")
def key() -> x25519.Identity:
    return x25519.Identity.generate()


@pytest.fixture(scope="module")
def sealed_site(tmp_path_factory: pytest.TempPathFactory, key: x25519.Identity) -> Path:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("sealed") / "site")
    add_release(site)
    list_recipients(site, key)
    code, out = quiet_main("seal", str(site / "press_releases" / f"{STEM}.es.md"),
                           "--root", str(site))
    assert code == 0, out
    return site


def sealed_file(site: Path) -> Path:
    (path,) = (site / "press_releases" / "sealed").iterdir()
    return path


@pytest.fixture(scope="module")
def without_key(sealed_site: Path) -> Build:
    return run_build(sealed_site, "--strict", env={"PRESSROOM_NOW": AFTER})


@pytest.fixture(scope="module")
def before_lift(sealed_site: Path, key: x25519.Identity) -> Build:
    return run_build(sealed_site, "--strict",
                     env={"PRESSROOM_NOW": BEFORE, "PRESSROOM_AGE_KEY": str(key)})


@pytest.fixture(scope="module")
def after_lift(sealed_site: Path, key: x25519.Identity, tmp_path_factory) -> Build:
    key_file = tmp_path_factory.mktemp("key") / "key.txt"
    key_file.write_text(f"# created: today\n{key}\n", encoding="utf-8")
    return run_build(sealed_site, "--strict",
                     env={"PRESSROOM_NOW": AFTER, "PRESSROOM_AGE_KEY_FILE": str(key_file)})


# --- sealing -----------------------------------------------------------------------------

def test_sealing_leaves_one_opaque_file_and_nothing_readable(sealed_site: Path) -> None:
    sealed = sealed_file(sealed_site)
    assert re.fullmatch(r"[0-9a-f]{32}\.age", sealed.name)
    # The release, its translation and its image are gone; nothing in the tree names them.
    for word in (CANARY, "quokka", "2031-03-01"):
        assert tree_mentions(sealed_site, word) == [], word
    assert sealed.stat().st_size < bucket(1) + 1024  # a small release: the smallest bucket


def test_the_size_of_a_sealed_file_says_little(key: x25519.Identity) -> None:
    small = seal({"press_releases/a.md": b"x"}, [key.to_public()])
    larger = seal({"press_releases/a.md": b"x" * 40_000, "docs/b.png": b"y" * 5000},
                  [key.to_public()])
    # Both in the smallest bucket; age's header varies by a few random bytes anyway.
    assert abs(len(small) - len(larger)) < 256 and len(small) < bucket(1) + 1024
    assert len(pack({"a": b"z" * 80_000})) == 2 * bucket(1)  # base64: about 107 KiB
    assert unpack(pack({"a": b"\0\1"})) == {"a": b"\0\1"}


def test_a_payload_that_would_write_outside_the_site_is_refused() -> None:
    for path in ("../escape.md", "/etc/passwd", "docs/../../x", "a\\b"):
        with pytest.raises(ValueError):
            unpack(pack({path: b"x"}))


def test_seal_then_unseal_gives_the_identical_files_back(
    fixture_site: Path, capsys, monkeypatch,
) -> None:
    files = add_release(fixture_site)
    identity = x25519.Identity.generate()
    list_recipients(fixture_site, x25519.Identity.generate(), identity)
    monkeypatch.chdir(fixture_site)
    code, out, err = run_command(capsys, "seal", f"press_releases/{STEM}.md")
    assert code == 0, err
    assert all(not (fixture_site / name).exists() for name in files)
    assert "checked by decrypting it again" in out
    sealed = sealed_file(fixture_site)

    code, out, err = run_command(capsys, "unseal", f"{STEM}.md")
    assert code == 2 and "PRESSROOM_AGE_KEY" in err  # no key: nothing changes
    assert sealed.exists()

    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(identity))
    code, out, err = run_command(capsys, "unseal", f"press_releases/sealed/{sealed.name}")
    assert code == 0, err
    assert {name: (fixture_site / name).read_bytes() for name in files} == files
    assert not sealed.exists()


def test_seal_refuses_a_release_with_errors(fixture_site: Path, capsys) -> None:
    add_release(fixture_site)
    list_recipients(fixture_site, x25519.Identity.generate())
    release = fixture_site / "press_releases" / f"{STEM}.md"
    release.write_text(RELEASE.replace("data-justice", "nobody-we-know"), encoding="utf-8")
    code, _, err = run_command(capsys, "seal", str(release), "--root", str(fixture_site))
    assert code == 1 and "unknown partner 'nobody-we-know'" in err
    assert release.exists() and not (fixture_site / "press_releases" / "sealed").exists()


def test_init_lists_the_public_key_and_prints_the_private_key_once(
    fixture_site: Path, capsys,
) -> None:
    code, out, err = run_command(capsys, "seal", "--init", "--root", str(fixture_site))
    assert code == 0, err
    private = re.search(r"AGE-SECRET-KEY-1[0-9A-Z]+", out)[0]
    public = str(x25519.Identity.from_str(private).to_public())
    recipients = (fixture_site / ".pressroom" / "recipients.txt").read_text(encoding="utf-8")
    assert public in recipients and public in out
    assert "Settings" in out and "PRESSROOM_AGE_KEY" in out and "password manager" in out
    assert tree_mentions(fixture_site, private) == []  # printed, never written
    # A second staff member's key joins the first.
    run_command(capsys, "seal", "--init", "--root", str(fixture_site))
    lines = (fixture_site / ".pressroom" / "recipients.txt").read_text().splitlines()
    assert len([line for line in lines if line.startswith("age1")]) == 2


def test_a_bad_recipients_line_is_an_error_naming_it(fixture_site: Path, capsys) -> None:
    add_release(fixture_site)
    (fixture_site / ".pressroom").mkdir()
    (fixture_site / ".pressroom" / "recipients.txt").write_text(
        f"# keys\n{x25519.Identity.generate().to_public()}\nage1notakey\n", encoding="utf-8")
    code, _, err = run_command(capsys, "seal", str(fixture_site / "press_releases" / f"{STEM}.md"),
                               "--root", str(fixture_site))
    assert code == 1 and ".pressroom/recipients.txt:3: recipient: is not an age public key" in err


# --- building ----------------------------------------------------------------------------

def test_without_the_key_the_build_succeeds_and_counts_it(without_key: Build) -> None:
    assert without_key.ok, without_key.log
    assert "1 sealed release, not readable here" in without_key.log
    assert site_mentions(without_key, CANARY) == []
    assert CANARY.lower() not in without_key.log.lower()


def test_with_the_key_before_the_lift_nothing_is_published(before_lift: Build) -> None:
    assert before_lift.ok, before_lift.log
    assert "1 embargoed left out" in before_lift.log
    assert site_mentions(before_lift, CANARY) == []
    assert not (before_lift.out / IMAGE).exists()
    assert CANARY.lower() not in before_lift.log.lower()


def test_with_the_key_after_the_lift_the_release_and_its_image_are_published(
    after_lift: Build, sealed_site: Path,
) -> None:
    assert after_lift.ok, after_lift.log
    assert CANARY in after_lift.page(f"press/2031/{STEM[11:]}/").text_content()
    assert CANARY in after_lift.page(f"es/press/2031/{STEM[11:]}/").text_content()
    assert (after_lift.out / IMAGE).read_bytes() == PNG
    # Searchable in both languages once public, so the leak checks above do read the index.
    found = site_mentions(after_lift, CANARY)
    assert any(in_search_index(path, "en") for path in found), found
    assert any(in_search_index(path, "es") for path in found), found
    # Decrypted in memory only: the repository still holds no plain text.
    assert tree_mentions(sealed_site, CANARY) == []


def test_a_deploy_without_the_key_fails_loudly(sealed_site: Path) -> None:
    build = run_build(sealed_site, env={"PRESSROOM_REQUIRE_KEY": "1"})
    assert not build.ok
    sealed = sealed_file(sealed_site).name
    assert f"press_releases/sealed/{sealed}: sealed file: cannot be read: no PRESSROOM_AGE_KEY" \
        in build.log


# --- errors ------------------------------------------------------------------------------

@pytest.fixture
def copied(sealed_site: Path, tmp_path: Path) -> Path:
    """The sealed site, before any build, to break in one test."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sealed_site, site, ignore=shutil.ignore_patterns("_site"))
    return site


def check(capsys, site: Path) -> tuple[int, str]:
    code, out, err = run_command(capsys, "check", "--root", str(site))
    return code, out + err


def test_a_wrong_key_names_the_sealed_file(copied: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(x25519.Identity.generate()))
    code, report = check(capsys, copied)
    assert code == 1
    assert f"press_releases/sealed/{sealed_file(copied).name}: sealed file: cannot be " \
        "opened with PRESSROOM_AGE_KEY: wrong key" in report


def test_a_file_sealed_for_other_recipients_names_it(
    copied: Path, capsys, monkeypatch, key: x25519.Identity,
) -> None:
    newcomer = x25519.Identity.generate()
    list_recipients(copied, key, newcomer)  # listed, but after the release was sealed
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(newcomer))
    code, report = check(capsys, copied)
    assert code == 1
    assert f"{sealed_file(copied).name}: sealed file: was sealed for other recipients" in report


def test_a_corrupted_file_names_it(copied: Path, capsys, monkeypatch, key) -> None:
    sealed = sealed_file(copied)
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0xFF
    sealed.write_bytes(bytes(data))
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(key))
    code, report = check(capsys, copied)
    assert code == 1
    assert f"{sealed.name}: sealed file: is damaged" in report


def test_a_missing_key_when_required_names_each_file(copied: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PRESSROOM_REQUIRE_KEY", "1")
    code, report = check(capsys, copied)
    assert code == 1 and f"{sealed_file(copied).name}: sealed file: cannot be read" in report


def test_a_plain_file_in_the_sealed_folder_is_an_error(copied: Path, capsys) -> None:
    (copied / "press_releases" / "sealed" / "notes.md").write_text("x", encoding="utf-8")
    code, report = check(capsys, copied)
    assert code == 1 and "sealed/notes.md:1: file: is not a sealed release" in report


def test_in_ci_an_error_in_a_sealed_release_quotes_nothing(
    copied: Path, capsys, monkeypatch, key: x25519.Identity,
) -> None:
    wrong = RELEASE.replace("data-justice", f"{CANARY.lower()}-partner")
    data = seal({f"press_releases/{STEM}.md": wrong.encode()}, [key.to_public()])
    sealed_file(copied).write_bytes(data)
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(key))
    code, report = check(capsys, copied)
    assert code == 1 and f"{CANARY.lower()}-partner" in report and STEM in report
    monkeypatch.setenv("CI", "true")
    code, report = check(capsys, copied)
    assert code == 1 and "document 1" in report
    assert CANARY.lower() not in report.lower() and STEM not in report


def test_status_shows_sealed_releases(copied: Path, capsys, monkeypatch, key) -> None:
    monkeypatch.setenv("PRESSROOM_NOW", BEFORE)
    code, out, _ = run_command(capsys, "status", "--root", str(copied))
    assert code == 0 and "sealed (not readable here)" in out and STEM not in out
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(key))
    code, out, _ = run_command(capsys, "status", "--root", str(copied))
    assert code == 0 and "embargoed until 2031-03-01T09:00-05:00" in out and STEM in out


def test_unseal_writes_back_only_what_seal_seals(fixture_site: Path, capsys, monkeypatch) -> None:
    # Anyone can seal to the public recipients: a planted file must not drop a git hook.
    identity = x25519.Identity.generate()
    list_recipients(fixture_site, identity)
    planted = {f"press_releases/{STEM}.md": b"---\ntitle: x\n---\n",
               ".git/hooks/pre-commit": b"#!/bin/sh\necho pwned\n"}
    folder = fixture_site / "press_releases" / "sealed"
    folder.mkdir()
    sealed = folder / ("ab" * 16 + ".age")
    sealed.write_bytes(seal(planted, [identity.to_public()]))
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(identity))
    code, _out, err = run_command(capsys, "unseal", sealed.name, "--root", str(fixture_site))
    assert code == 2 and ".git/hooks/pre-commit" in err and "nothing was unsealed" in err
    assert not (fixture_site / ".git" / "hooks" / "pre-commit").exists()
    assert not (fixture_site / "press_releases" / f"{STEM}.md").exists() and sealed.exists()


def test_a_sealed_page_of_docs_is_refused(fixture_site: Path) -> None:
    identity = x25519.Identity.generate()
    folder = fixture_site / "press_releases" / "sealed"
    folder.mkdir()
    (folder / ("cd" * 16 + ".age")).write_bytes(
        seal({"docs/unreviewed.md": b"# A page nobody could review\n"}, [identity.to_public()]))
    build = run_build(fixture_site, env={"PRESSROOM_AGE_KEY": str(identity)})
    assert not build.ok
    assert "holds docs/unreviewed.md, which is neither a release in press_releases/ nor an " \
        "image in docs/" in build.log
