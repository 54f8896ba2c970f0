"""The page `mkdocs serve` shows at every address while the content has problems: each
problem in plain words, where it is, what to do, and the lines of the file around it."""

from __future__ import annotations

from dataclasses import dataclass

from pressroom.core.errors import HIDDEN, HIDDEN_HINT, ContentErrors
from pressroom.core.i18n.words import Words


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    at_fault: bool  # the line the problem is on


@dataclass(frozen=True)
class ProblemView:
    place: str  # "press_releases/2026-12-02-x.md, line 4"
    field: str
    message: str
    hint: str
    lines: tuple[SourceLine, ...]


@dataclass(frozen=True)
class ProblemsPage:
    title: str
    intro: str
    fix_label: str
    problems: list[ProblemView]


def problems_page(problems: ContentErrors, words: Words, *, hide_values: bool) -> ProblemsPage:
    """`hide_values`: in CI, a held-back file's problems are named by place and field only."""
    count = len(problems.errors)
    shown = []
    for error in problems.errors:
        hidden = hide_values and error.confidential
        place = (words.problem_place.format(file=error.file, line=error.line) if error.line
                 else error.file)
        shown.append(ProblemView(
            place, error.field,
            HIDDEN if hidden else error.message, HIDDEN_HINT if hidden else error.hint,
            tuple(SourceLine(number, text, number == error.line)
                  for number, text in error.lines_shown(hide_values)),
        ))
    title = words.problems_one if count == 1 else words.problems_many.format(count=count)
    return ProblemsPage(title, words.problems_intro, words.problem_fix, shown)
