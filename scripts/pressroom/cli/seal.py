"""`pressroom seal` and `pressroom unseal`: a release kept confidential in a public repository."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyrage import x25519

from pressroom.cli.check import check_site
from pressroom.cli.project import Site
from pressroom.core.content.front_matter import RELEASE_FILE_NAME
from pressroom.core.content.languages import split_language
from pressroom.core.errors import ContentError, ContentErrors, UsageError
from pressroom.core.loading.sealed import (
    KEY_FILE_VARIABLE,
    KEY_VARIABLE,
    RECIPIENTS_FILE,
    SEALED_FOLDER,
    SealedRelease,
    SealedReleases,
    identities,
    new_name,
    open_sealed,
    place,
    read_recipients,
    sealed_folder_files,
)
from pressroom.core.loading.sealed import seal as seal_files
from pressroom.core.loading.source import read_source

RECIPIENTS_HEADER = """\
# The public keys sealed releases are encrypted to: one age key per line, `#` comments.
# `pressroom seal --init` adds one. A change here does not re-seal the releases already
# sealed: unseal them and seal them again.
"""

# Where a release's body names an image: Markdown `![...](path)` and HTML `src="path"`.
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)|\bsrc\s*=\s*[\"']([^\"']+)[\"']")


# --- init --------------------------------------------------------------------------------

def init_keys(site: Site, today: dt.date) -> tuple[str, str]:
    """Make a key pair and list its public key: (public key, private key). The private key
    is returned to be printed once, and is never written anywhere."""
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    path = site.root / RECIPIENTS_FILE
    if path.exists():
        read_recipients(site.root)  # a broken file is reported, not appended to
        text = path.read_text(encoding="utf-8")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = RECIPIENTS_HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(f"{text}{public}  # added {today.isoformat()}\n", encoding="utf-8")
    return public, str(identity)


def init_message(public: str, private: str) -> str:
    return f"""\
Added the public key {public}
to {RECIPIENTS_FILE.as_posix()}. Commit that file: releases are sealed to every key it lists.

The private key, shown this once and saved nowhere:

    {private}

Store it now, in two places:
  1. On GitHub, open the repository's Settings, then Secrets and variables, then Actions.
     Click "New repository secret", name it {KEY_VARIABLE}, paste the key as its value,
     and save. The build uses it to publish sealed releases when their embargo lifts.
  2. In the coalition's password manager. To unseal a release on your computer:
     {KEY_VARIABLE}='AGE-SECRET-KEY-1…' pressroom unseal <file>
Never commit it, or paste it into an issue, a pull request or a chat: anyone who has it
can read every sealed release.
"""


# --- seal --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sealed:
    path: Path  # the sealed file
    files: list[str]  # what it holds, by path from the site's root; all removed
    shared: list[str]  # images the release uses that other pages use too: left in place
    committed: list[str]  # files git already has: their text stays in its history


def seal_release(site: Site, file: Path) -> Sealed:
    versions = _versions(site, file)
    problems = check_site(site, versions).errors
    if problems:  # a sealed release with an error would stop the build, with hidden details
        raise ContentErrors(problems)
    images = _images(site, versions)
    shared = _shared(site, images, versions)
    sealed_paths = versions + [image for image in images if image not in shared]
    files = {_relative(site, path): path.read_bytes() for path in sealed_paths}
    data = seal_files(files, read_recipients(site.root))
    target = site.releases_dir / SEALED_FOLDER / new_name()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if target.read_bytes() != data:  # checked in memory by seal_files; now on disk
        target.unlink()
        raise UsageError(f"could not write {site.display(target)} correctly (nothing removed)")
    committed = _tracked(site, sealed_paths)
    for path in sealed_paths:
        path.unlink()
    return Sealed(target, sorted(files), [_relative(site, p) for p in shared], committed)


def seal_message(site: Site, sealed: Sealed) -> str:
    size = sealed.path.stat().st_size // 1024
    lines = [f"Sealed into {site.display(sealed.path)} ({size} KiB, padded to a round size; "
             "checked by decrypting it again), and removed:"]
    lines += [f"  {name}" for name in sealed.files]
    lines += [f"Left in place, because other pages use it too: {name}" for name in sealed.shared]
    if sealed.committed:
        lines.append("Warning: git already has " + ", ".join(sealed.committed) + ". Their "
                     "text stays readable in the repository's history: if it was pushed, "
                     "it is public.")
    lines.append("Commit the sealed file and the removals. The build publishes the release "
                 f"when its embargo lifts, with the {KEY_VARIABLE} secret.")
    return "\n".join(lines)


def _versions(site: Site, file: Path) -> list[Path]:
    """The release and all its translations: a translation seals with its original."""
    path = file if file.is_absolute() else Path.cwd() / file
    if not path.is_file():
        path = site.releases_dir / file.name
    if path.resolve().parent != site.releases_dir.resolve() or path.suffix != ".md":
        raise UsageError(f"{file} is not a release in {site.display(site.releases_dir)}/ "
                         "(give its file, such as press_releases/2026-12-01-our-news.md)")
    stem, _ = split_language(path.name, site.languages)
    versions = sorted(
        candidate for candidate in site.releases_dir.glob("*.md")
        if split_language(candidate.name, site.languages)[0] == stem
    )
    if not versions:
        raise UsageError(f"no such release: {file}")
    return versions


def _images(site: Site, versions: list[Path]) -> list[Path]:
    """Files under docs/ the release shows: its `image`, and images in its body."""
    found: list[Path] = []
    for path in versions:
        document = read_source(path, site.display(path))
        if isinstance(document, ContentError):
            continue  # check_site has reported it
        named = RELEASE_FILE_NAME.match(path.name.split(".", 1)[0] + ".md")
        folder = f"press/{named['date'][:4]}" if named else "press"
        candidates = [document.metadata.get("image")] if isinstance(
            document.metadata.get("image"), str) else []
        for match in _IMAGE.finditer(document.body):
            target = (match[1] or match[2]).split("#", 1)[0].split("?", 1)[0]
            if target.startswith("/"):
                candidates.append(target.lstrip("/"))
            elif not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//", target):
                candidates.append(posixpath.normpath(posixpath.join(folder, target)))
        for candidate in candidates:
            image = site.docs_dir / candidate
            if (candidate and not candidate.startswith("..") and image.is_file()
                    and image.resolve().is_relative_to(site.docs_dir.resolve())
                    and image not in found):
                found.append(image)
    return found


def _shared(site: Site, images: list[Path], versions: list[Path]) -> list[Path]:
    """Images another page names too: sealing them would break that page."""
    others = [p for folder in (site.docs_dir, site.releases_dir) for p in folder.rglob("*.md")
              if p not in versions]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in others]
    return [image for image in images if any(image.name in text for text in texts)]


def _tracked(site: Site, paths: list[Path]) -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--", *map(str, paths)], cwd=site.root, capture_output=True,
            text=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(line for line in listed.stdout.splitlines() if line) \
        if listed.returncode == 0 else []


def _relative(site: Site, path: Path) -> str:
    return path.resolve().relative_to(site.root).as_posix()


# --- unseal ------------------------------------------------------------------------------

def unseal(site: Site, target: str, environ: Mapping[str, str] = os.environ) -> SealedRelease:
    """Write a sealed release's files back, then remove the sealed file."""
    keys = identities(environ)
    if keys is None:
        raise UsageError(f"set {KEY_VARIABLE} to your private key (or {KEY_FILE_VARIABLE} to "
                         "the file that holds it) to unseal")
    path, opened = _find(site, target, keys)
    # Only what `seal` would have sealed is written back: never a hook, a workflow, a setting.
    placed = place(SealedReleases(opened=[opened]), site.root, site.releases_dir, site.docs_dir)
    unsafe = [str(error.message) for error in placed.errors] + [
        name for name in opened.files if _leaves_the_site(site.root, name)]
    if unsafe:
        raise UsageError(f"{site.display(path)} {'; '.join(unsafe)}: it was not made by "
                         "`pressroom seal`, and nothing was unsealed")
    clashes = [name for name, data in opened.files.items()
               if (site.root / name).exists() and (site.root / name).read_bytes() != data]
    if clashes:
        raise UsageError(f"{', '.join(clashes)} already exist with other contents (move "
                         f"them away first; {site.display(path)} is unchanged)")
    for name, data in opened.files.items():
        destination = site.root / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    path.unlink()  # only now: every file is back
    return opened


def _leaves_the_site(root: Path, name: str) -> bool:
    """A path that would write through a link, or outside the site."""
    destination = root / name
    parents = [destination, *destination.parents]
    linked = any(p.is_symlink() for p in parents if p.is_relative_to(root))
    return linked or not destination.resolve().is_relative_to(root.resolve())


def _find(site: Site, target: str, keys: list[x25519.Identity]) -> tuple[Path, SealedRelease]:
    given = Path(target)
    shown_dir = site.display(site.releases_dir)
    sealed = sealed_folder_files(site.releases_dir, shown_dir)[0]
    if given.suffix == ".age":
        path = given if given.is_absolute() else Path.cwd() / given
        if not path.is_file():
            path = site.releases_dir / SEALED_FOLDER / given.name
        if not path.is_file():
            raise UsageError(f"no such sealed file: {target}")
        candidates = [path]
    else:
        candidates = sealed
    wanted = given.name
    for path in candidates:
        opened = open_sealed(path.read_bytes(), site.display(path), keys)
        if isinstance(opened, ContentError):
            if given.suffix == ".age":
                raise ContentErrors([opened])
            continue  # sealed for others, or damaged: not the one asked for
        if given.suffix == ".age" or any(Path(name).name == wanted for name in opened.files):
            return path, opened
    raise UsageError(f"no sealed release that your key opens holds {wanted}")
