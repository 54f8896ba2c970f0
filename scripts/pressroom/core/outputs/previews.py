"""Embargoed previews for journalists: a held-back release, encrypted, at an unlisted address.

Everything comes from one secret, PRESSROOM_PREVIEW_SECRET, so a build is deterministic and
`pressroom preview-link` finds the same link the build used. Per release, two HMACs of its
address: an AES-256-GCM key, which travels only in the link's fragment (browsers never send
it), and the address token, which says nothing about the release. The nonce is an HMAC of the
text's digest: the same text gives the same bytes, other text another nonce, never a reuse.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pressroom.core.errors import ContentError
from pressroom.core.publishing.rules import Clock, State, state

SECRET_VARIABLE = "PRESSROOM_PREVIEW_SECRET"
FOLDER = "preview"
_KEY_LABEL = b"pressroom preview key:"
_ADDRESS_LABEL = b"pressroom preview address:"
_NONCE_LABEL = b"pressroom preview nonce:"


class Kind(enum.Enum):
    PREVIEW = "preview"  # held back: the encrypted page
    MOVED = "moved"  # public: a page that leads to the release's own address


@dataclass(frozen=True)
class PreviewKeys:
    token: str  # the address's opaque part
    key: bytes  # AES-256

    @property
    def address(self) -> str:
        """The page's address from the site's root: `preview/<token>/`."""
        return f"{FOLDER}/{self.token}/"

    @property
    def fragment(self) -> str:
        return base64.urlsafe_b64encode(self.key).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Sealed:
    """A preview's ciphertext and nonce, base64, as the page carries them."""

    nonce: str
    ciphertext: str


def secret(environ: Mapping[str, str] = os.environ) -> bytes | None:
    value = environ.get(SECRET_VARIABLE, "").strip()
    return value.encode("utf-8") if value else None


def keys(secret_value: bytes, release_url: str) -> PreviewKeys:
    name = release_url.encode("utf-8")
    key = hmac.digest(secret_value, _KEY_LABEL + name, "sha256")
    token = hmac.digest(secret_value, _ADDRESS_LABEL + name, "sha256")[:16].hex()
    return PreviewKeys(token, key)


def encrypt(plaintext: str, preview: PreviewKeys) -> Sealed:
    data = plaintext.encode("utf-8")
    # SIV-like: the nonce depends on the text, under a key only the build knows.
    nonce = hmac.digest(preview.key, _NONCE_LABEL + hashlib.sha256(data).digest(), "sha256")[:12]
    ciphertext = _aes_gcm(preview.key).encrypt(nonce, data, None)
    return Sealed(_b64(nonce), _b64(ciphertext))


def decrypt(sealed: Sealed, key: bytes) -> str:
    """The page's text; cryptography's InvalidTag for a wrong key."""
    data = _aes_gcm(key).decrypt(base64.b64decode(sealed.nonce),
                               base64.b64decode(sealed.ciphertext), None)
    return data.decode("utf-8")


def key_from_fragment(fragment: str) -> bytes:
    text = fragment.lstrip("#")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def link(site_url: str, preview: PreviewKeys) -> str:
    return f"{site_url.rstrip('/')}/{preview.address}#{preview.fragment}"


def kind(release: object, clock: Clock) -> Kind | None:
    """What a release with `preview: true` has at its preview address: nothing for a draft
    (not ready to show anyone), the encrypted page until the lift, then a way to the page."""
    if not getattr(release.front, "preview", False):  # type: ignore[attr-defined]
        return None
    current = state(release, clock)  # type: ignore[arg-type]
    if current is State.DRAFT:
        return None
    return Kind.MOVED if current is State.PUBLISHED else Kind.PREVIEW


def missing_secret(releases: Iterable[object]) -> list[ContentError]:
    """For a build that requires its secrets: each release whose sent links would break."""
    return [
        ContentError(
            release.source, release.document.line_of(("preview",)),  # type: ignore[attr-defined]
            "preview", f"is true, but this build has no {SECRET_VARIABLE}, and "
            "PRESSROOM_REQUIRE_KEY says the build's keys are required",
            f"give the build step the {SECRET_VARIABLE} secret: without it the preview "
            "links sent to journalists would stop working",
        )
        for release in releases
        if getattr(release.front, "preview", False) and not release.front.draft  # type: ignore[attr-defined]
    ]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _aes_gcm(key: bytes) -> Any:
    # Imported when a preview is made: most builds have none, and it costs memory.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)
