"""Remember what each output was made from, so that a rebuild under `serve --dirty` makes
again only the outputs whose inputs changed: listing pages, feeds, sitemaps.

An output's fingerprint is a digest of its inputs, pickled: the plain view models that
templates and feed writers are given. Pickling writes every value, and two different values
never pickle the same. Equal values can pickle differently (a set's order), which makes an
output again that had not changed: a mistake here renders too often, never too rarely.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import secrets


def fingerprint(*inputs: object) -> str:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    # Without the memo, a value shared by two fields is written twice, as an equal copy would
    # be: the bytes depend on the values, not on which objects hold them.
    pickler.fast = True
    try:
        pickler.dump(inputs)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        return secrets.token_hex(16)  # cannot be told: never the same, so made again
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


class Fingerprints:
    """Outputs by name (a site-relative path) with the fingerprint each was last made from.

    A build asks `unchanged` for each output and remembers the answers; only once the build
    has written everything does `commit` keep them. A build that fails keeps nothing, so the
    next one makes again what this one may not have written.
    """

    def __init__(self) -> None:
        self._made: dict[str, str] = {}
        self._pending: dict[str, str] = {}

    def unchanged(self, output: str, *inputs: object) -> bool:
        """Whether `output` was last made from these same inputs: earlier in this build (two
        writers may share a path), else by the last committed build."""
        digest = fingerprint(*inputs)
        last = self._pending.get(output, self._made.get(output))
        self._pending[output] = digest
        return last == digest

    def commit(self) -> None:
        self._made.update(self._pending)
        self._pending = {}

    def discard(self) -> None:
        """The build failed, or its outputs were replaced (the problems page): forget all."""
        self._made, self._pending = {}, {}
