"""Content errors, reported the same way by the build and by every command."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one source file, with what to do about it."""

    file: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.field}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentErrors(Exception):
    """Every problem found in the content, raised together so staff fix them in one pass."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        heading = f"{count} problem{'s' if count != 1 else ''} in the newsroom content:"
        return "\n".join([heading, *(f"  {error}" for error in self.errors)])


class UsageError(Exception):
    """The command line asks for something that cannot be done; the message says what to type."""
