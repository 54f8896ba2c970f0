"""Content errors, reported the same way by the build and by every command."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

# CI logs of a public repository are public: what a held-back page says stays out of them.
HIDDEN = "has a problem; details are not shown in CI logs while this page is not public"
HIDDEN_HINT = "run `pressroom check` on your computer to see it"


def hides_values(environ: Mapping[str, str] = os.environ) -> bool:
    """In CI, no error or log line prints a value from a held-back release."""
    return bool(environ.get("CI", "").strip())


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one source file, with what to do about it."""

    file: str
    line: int
    field: str
    message: str
    hint: str = ""
    # The file may be held back (draft, embargoed, scheduled): its message may quote it.
    confidential: bool = field(default=False, compare=False)
    # The file's lines around `line`, numbered, for a page that shows the problem in place.
    around: tuple[tuple[int, str], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        # Line 0: a setting (mkdocs.yml, the environment) rather than a line staff wrote.
        place = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{place}: {self.field}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def shown(self, hide_values: bool) -> str:
        """The error as printed: in CI, a held-back file's only by file, line and field."""
        if hide_values and self.confidential:
            return f"{self.file}:{self.line}: {self.field}: {HIDDEN} ({HIDDEN_HINT})"
        return str(self)

    def lines_shown(self, hide_values: bool) -> tuple[tuple[int, str], ...]:
        """The lines around the problem, as they may be shown: none of a held-back file's
        in CI."""
        return () if hide_values and self.confidential else self.around


def lines_around(text: str, line: int, radius: int = 3) -> tuple[tuple[int, str], ...]:
    """Lines `line - radius` to `line + radius` of `text` (counted from one), numbered."""
    lines = text.splitlines()
    first = max(1, line - radius)
    return tuple((number, lines[number - 1])
                 for number in range(first, min(len(lines), line + radius) + 1))


class ContentErrors(Exception):
    """Every problem found in the content, raised together so staff fix them in one pass."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def report(self, hide_values: bool = False) -> str:
        count = len(self.errors)
        heading = f"{count} problem{'s' if count != 1 else ''} in the newsroom content:"
        return "\n".join([heading, *(f"  {error.shown(hide_values)}" for error in self.errors)])


class UsageError(Exception):
    """The command line asks for something that cannot be done; the message says what to type."""
