"""Each page's Content-Security-Policy: scripts only from the site and the theme's own inline
ones (by hash), and nothing at all from another origin."""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

# Script types a browser runs; `application/json` and `ld+json` blocks are data, not code.
_RUN_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

_POLICY = {
    "default-src": "'self'",
    # Material's icons and cursors in its CSS are data: SVGs.
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    # frame-ancestors is ignored in a <meta> policy: a server header has to say it.
}


def content_security_policy(inline_scripts: str, *, live_reload: bool = False,
                            wasm: bool = False) -> str:
    """The policy for a page whose inline scripts are the ones in `inline_scripts` (HTML),
    each allowed by the SHA-256 of its exact text.

    `live_reload` is for `mkdocs serve` alone: its server adds an inline script that differs
    on every request, which no hash can name (and any hash would disable 'unsafe-inline').
    """
    hashes = sorted({_hash(script) for script in _scripts(inline_scripts)})
    allowed = ["'unsafe-inline'"] if live_reload else [f"'sha256-{h}'" for h in hashes]
    sources = " ".join(["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *allowed])
    policy = {**_POLICY, "script-src": sources}
    return "; ".join(f"{directive} {value}" for directive, value in policy.items())


def _hash(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def _scripts(markup: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(markup)
    parser.close()
    return parser.scripts


class _InlineScripts(HTMLParser):
    """The text of each inline <script> that would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        self._current = [] if "src" not in attributes and kind in _RUN_TYPES else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None
