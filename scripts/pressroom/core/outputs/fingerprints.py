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


def fingerprint(*inputs: object, shared: _SharedDigests | None = None) -> str:
    """`shared`: digests of the values many outputs show (a release's card is on a dozen
    listings), each pickled once and then written as its digest."""
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, shared)
    try:
        pickler.dump(inputs)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        return secrets.token_hex(16)  # cannot be told: never the same, so made again
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


class _SharedDigests:
    """Digests of values of the `kinds` given, by the object, for one build. The objects are
    kept too, so that no other object can take an id while its digest is remembered."""

    def __init__(self, kinds: tuple[type, ...]) -> None:
        self.kinds = kinds
        self._digests: dict[int, tuple[object, str]] = {}

    def digest(self, value: object) -> str:
        known = self._digests.get(id(value))
        if known is None:
            known = self._digests[id(value)] = (value, fingerprint(value))
        return known[1]


class _Pickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, shared: _SharedDigests | None) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        # Without the memo, a value shared by two fields is written twice, as an equal copy
        # would be: the bytes depend on the values, not on which objects hold them.
        self.fast = True
        self.shared = shared

    def reducer_override(self, obj: object) -> object:
        if self.shared is not None and isinstance(obj, self.shared.kinds):
            # Written as its type and digest: equal values give equal digests.
            return _Digested, (type(obj).__qualname__, self.shared.digest(obj))
        return NotImplemented


class _Digested:
    """What stands for a shared value in a pickle; it is never unpickled."""


class Fingerprints:
    """Outputs by name (a site-relative path) with the fingerprint each was last made from.

    A build asks `unchanged` for each output and remembers the answers; only once the build
    has written everything does `commit` keep them. A build that fails keeps nothing, so the
    next one makes again what this one may not have written.
    """

    def __init__(self, shared: tuple[type, ...] = ()) -> None:
        """`shared`: kinds of value many outputs show, each digested once per build."""
        self._made: dict[str, str] = {}
        self._pending: dict[str, str] = {}
        self._kinds = shared
        self._shared = _SharedDigests(shared)

    def unchanged(self, output: str, *inputs: object) -> bool:
        """Whether `output` was last made from these same inputs: earlier in this build (two
        writers may share a path), else by the last committed build."""
        digest = fingerprint(*inputs, shared=self._shared if self._kinds else None)
        last = self._pending.get(output, self._made.get(output))
        self._pending[output] = digest
        return last == digest

    def commit(self) -> None:
        self._made.update(self._pending)
        self._pending = {}
        self._shared = _SharedDigests(self._kinds)  # the next build's values are new ones

    def discard(self) -> None:
        """The build failed, or its outputs were replaced (the problems page): forget all."""
        self._made, self._pending = {}, {}
        self._shared = _SharedDigests(self._kinds)
