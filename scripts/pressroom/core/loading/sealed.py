"""Sealed releases: a release, its translations and its images, encrypted with age.

A public repository shows every file, commit and build log. A sealed release is one file,
`press_releases/sealed/<opaque id>.age`, readable only with a private key whose public key was
in `.pressroom/recipients.txt` when it was sealed. The build decrypts it in memory, with the
key from the environment, and hands its documents to the loader as if they were files: plain
text never touches the disk.

The payload is JSON, `{"pressroom_sealed": 1, "files": {path from the site root: base64}}`,
padded with spaces (which JSON ignores) to a size bucket, so the file's size tells little more
than "a release, maybe with a few images". The id is random: not derived from the content,
the date or the name.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pyrage
from pyrage import x25519

from pressroom.core.errors import ContentError, ContentErrors, hides_values

SEALED_FOLDER = "sealed"
SUFFIX = ".age"
RECIPIENTS_FILE = Path(".pressroom") / "recipients.txt"
KEY_VARIABLE = "PRESSROOM_AGE_KEY"
KEY_FILE_VARIABLE = "PRESSROOM_AGE_KEY_FILE"
# Set by the deploy workflow: there a sealed release that cannot be read fails the build,
# because its embargo may have lifted.
REQUIRE_VARIABLE = "PRESSROOM_REQUIRE_KEY"

FORMAT = 1
SMALLEST_BUCKET = 64 * 1024
_NAME = re.compile(r"^[0-9a-f]{32}\.age$")
_DAMAGED_HINT = "restore it from git (`git checkout -- <file>`), or seal the release again"


@dataclass(frozen=True)
class SealedRelease:
    """One sealed file, decrypted: its files by their path from the site's root."""

    sealed: str  # the sealed file, as staff know it: press_releases/sealed/<id>.age
    files: dict[str, bytes]


@dataclass(frozen=True)
class SealedReleases:
    """What the build could read of press_releases/sealed/, and what it could not."""

    opened: list[SealedRelease] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # sealed files, with no key here

    def summary(self) -> str | None:
        """The build log's line about sealed releases it cannot read, never silently absent."""
        count = len(self.unreadable)
        if not count:
            return None
        return (f"{count} sealed release{'s' if count != 1 else ''}, not readable here "
                f"(no {KEY_VARIABLE}): not built")


# --- the payload -------------------------------------------------------------------------

def bucket(size: int) -> int:
    """The padded size: the next power of two, at least 64 KiB."""
    padded = SMALLEST_BUCKET
    while padded < size:
        padded *= 2
    return padded


def pack(files: Mapping[str, bytes]) -> bytes:
    document = json.dumps({
        "pressroom_sealed": FORMAT,
        "files": {path: base64.b64encode(data).decode("ascii")
                  for path, data in sorted(files.items())},
    }).encode("utf-8")
    return document + b" " * (bucket(len(document)) - len(document))


def unpack(payload: bytes) -> dict[str, bytes]:
    """The files of a payload; ValueError when it is not one `pack` wrote."""
    try:
        document = json.loads(payload.decode("utf-8"))
        files = document["files"]
        if document.get("pressroom_sealed") != FORMAT or not isinstance(files, dict):
            raise ValueError("not a sealed release")
        unpacked = {path: base64.b64decode(data, validate=True) for path, data in files.items()}
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError,
            binascii.Error) as problem:
        raise ValueError("not a sealed release") from problem
    if not unpacked or not all(_safe_path(path) for path in unpacked):
        raise ValueError("not a sealed release")
    return unpacked


def _safe_path(path: object) -> bool:
    """A relative path inside the site: unsealing never writes anywhere else."""
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path:
        return False
    parts = PurePosixPath(path).parts
    return not path.startswith("/") and ".." not in parts and "." not in parts[:1]


def new_name() -> str:
    """16 random bytes: the name says nothing about what is inside."""
    return secrets.token_hex(16) + SUFFIX


# --- keys --------------------------------------------------------------------------------

def read_recipients(root: Path) -> list[x25519.Recipient]:
    """The public keys of .pressroom/recipients.txt, or ContentErrors naming each bad line."""
    path = root / RECIPIENTS_FILE
    shown = RECIPIENTS_FILE.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentErrors([ContentError(
            shown, 0, "file", "does not exist",
            "run `pressroom seal --init` to make a key pair and list its public key there",
        )]) from None
    recipients, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        key = line.split("#", 1)[0].strip()
        if not key:
            continue
        try:
            recipients.append(x25519.Recipient.from_str(key))
        except pyrage.RecipientError:
            errors.append(ContentError(
                shown, number, "recipient", "is not an age public key",
                "each line is one key starting with age1, or a # comment",
            ))
    if not errors and not recipients:
        errors.append(ContentError(shown, 0, "file", "lists no public key",
                                   "run `pressroom seal --init`"))
    if errors:
        raise ContentErrors(errors)
    return recipients


def identities(environ: Mapping[str, str] = os.environ) -> list[x25519.Identity] | None:
    """The private keys in PRESSROOM_AGE_KEY or PRESSROOM_AGE_KEY_FILE; None when neither is
    set. The key's text is never quoted in an error."""
    text = environ.get(KEY_VARIABLE, "").strip()
    source = KEY_VARIABLE
    if not text and environ.get(KEY_FILE_VARIABLE, "").strip():
        source = KEY_FILE_VARIABLE
        try:
            text = Path(environ[KEY_FILE_VARIABLE].strip()).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            raise ContentErrors([ContentError(
                source, 0, "environment", f"names a file that cannot be read "
                f"({getattr(problem, 'strerror', None) or 'not text'})",
                "give the path of the file holding the AGE-SECRET-KEY-1… line",
            )]) from None
    if not text:
        return None
    found = []
    # age-keygen's files have `# created:` and `# public key:` comment lines.
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            found.append(x25519.Identity.from_str(line))
        except pyrage.IdentityError:
            raise ContentErrors([ContentError(
                source, 0, "environment", "is not an age private key",
                "it is one line starting with AGE-SECRET-KEY-1, as `pressroom seal --init` "
                "printed it",
            )]) from None
    return found or None


def required(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(REQUIRE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


# --- sealing and opening -----------------------------------------------------------------

def seal(files: Mapping[str, bytes], recipients: list[x25519.Recipient]) -> bytes:
    """The sealed file's bytes, checked by decrypting them again before anyone relies on them.

    Staff sealing a release usually hold no private key: the check uses a throwaway one,
    made for it and forgotten after.
    """
    check = x25519.Identity.generate()
    sealed = pyrage.encrypt(pack(files), [*recipients, check.to_public()])
    if unpack(pyrage.decrypt(sealed, [check])) != dict(files):
        raise RuntimeError("the sealed file did not decrypt to the same files")
    return sealed


def open_sealed(
    data: bytes, shown: str, keys: list[x25519.Identity],
    known: list[x25519.Recipient] | None = None,
) -> SealedRelease | ContentError:
    """The sealed file's files, or an error naming it (never quoting what is inside)."""
    try:
        payload = pyrage.decrypt(data, keys)
    except pyrage.DecryptError as problem:
        if "no matching keys" not in str(problem).lower():
            return ContentError(shown, 0, "sealed file", "is damaged: it is not an age file "
                                "that can be decrypted", _DAMAGED_HINT)
        ours = {str(key.to_public()) for key in keys}
        listed = known is not None and bool(ours & {str(r) for r in known})
        if listed:
            return ContentError(
                shown, 0, "sealed file", f"was sealed for other recipients: {KEY_VARIABLE} is "
                f"listed in {RECIPIENTS_FILE.as_posix()} but cannot open this file",
                "someone holding one of its keys runs `pressroom unseal` and seals it again",
            )
        return ContentError(
            shown, 0, "sealed file", f"cannot be opened with {KEY_VARIABLE}: wrong key (its "
            f"public key is not in {RECIPIENTS_FILE.as_posix()}), or sealed for other recipients",
            f"set {KEY_VARIABLE} to a private key listed when the release was sealed",
        )
    try:
        return SealedRelease(shown, unpack(payload))
    except ValueError:
        return ContentError(shown, 0, "sealed file", "is damaged: what it holds is not a "
                            "sealed release", _DAMAGED_HINT)


def sealed_folder_files(
    releases_dir: Path, shown_dir: str,
) -> tuple[list[Path], list[ContentError]]:
    """The sealed files, and an error for anything else there: a plain release put into
    sealed/ by hand would be neither sealed nor built."""
    folder = releases_dir / SEALED_FOLDER
    if not folder.is_dir():
        return [], []
    found, errors = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if _NAME.match(path.name) and path.is_file() and not path.is_symlink():
            found.append(path)
        else:
            errors.append(ContentError(
                f"{shown_dir}/{SEALED_FOLDER}/{path.name}", 1, "file",
                "is not a sealed release: only `pressroom seal` writes in this folder",
                f"move it to {shown_dir}/ and run `pressroom seal` on it, or delete it",
            ))
    return found, errors


def open_sealed_releases(
    root: Path, releases_dir: Path, environ: Mapping[str, str] = os.environ,
) -> SealedReleases:
    """Every sealed release the environment's key opens, in memory, or ContentErrors.

    Without a key they are counted as unreadable, unless the environment requires a key.
    """
    shown_dir = _display(root, releases_dir)
    paths, errors = sealed_folder_files(releases_dir, shown_dir)
    shown = {path: f"{shown_dir}/{SEALED_FOLDER}/{path.name}" for path in paths}
    keys = identities(environ) if paths else None
    if paths and keys is None:
        if required(environ):
            errors += [ContentError(
                shown[path], 0, "sealed file", f"cannot be read: no {KEY_VARIABLE} in this "
                f"build, and {REQUIRE_VARIABLE} says the key is required",
                f"give the build step the {KEY_VARIABLE} secret; a sealed release whose "
                "embargo has lifted must never be skipped in silence",
            ) for path in paths]
            raise ContentErrors(errors)
        if errors:
            raise ContentErrors(errors)
        return SealedReleases(unreadable=[shown[path] for path in paths])
    known = _known_recipients(root)
    opened = []
    for path in paths:
        result = open_sealed(path.read_bytes(), shown[path], keys or [], known)
        if isinstance(result, ContentError):
            errors.append(result)
        else:
            opened.append(result)
    if errors:
        raise ContentErrors(errors)
    return SealedReleases(opened=opened)


def _known_recipients(root: Path) -> list[x25519.Recipient] | None:
    try:
        return read_recipients(root)
    except ContentErrors:
        return None  # only used to word an error more precisely


def inner_display(sealed: str, inner: str, index: int, hide: bool | None = None) -> str:
    """How a document inside a sealed file is named in errors. In CI, by its place in the
    file alone: its name has the release's date and slug."""
    hide = hides_values() if hide is None else hide
    return f"{sealed} (document {index})" if hide else f"{sealed} ({inner})"


def _display(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Placed:
    """Sealed files' contents where they belong: releases, and files under docs/."""

    releases: list[tuple[str, str, bytes]]  # (sealed file, release file name, its bytes)
    docs: dict[str, bytes]  # by path inside docs/, as the site knows it: assets/photo.jpg
    errors: list[ContentError]


def place(
    sealed: SealedReleases, root: Path, releases_dir: Path, docs_dir: Path,
) -> Placed:
    releases_at = _display(root, releases_dir) + "/"
    docs_at = _display(root, docs_dir) + "/"
    releases, docs, errors = [], {}, []
    for opened in sealed.opened:
        for path, data in sorted(opened.files.items()):
            name = path.removeprefix(releases_at)
            if path.startswith(releases_at) and "/" not in name and name.endswith(".md"):
                releases.append((opened.sealed, name, data))
            elif path.startswith(docs_at) and not path.endswith(".md"):
                # Images only: a page sealed in docs/ would be published unreviewed.
                docs[path.removeprefix(docs_at)] = data
            else:
                errors.append(ContentError(
                    opened.sealed, 0, "sealed file", f"holds {path}, which is neither a release "
                    f"in {releases_at} nor an image in {docs_at}",
                    "seal releases with `pressroom seal`, which seals nothing else",
                ))
    return Placed(releases, docs, errors)
