"""`pressroom status`: what is live, what is held back, and when the next embargo lifts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pressroom.core.content.languages import SUPPORTED
from pressroom.core.content.newsroom import Newsroom, Release
from pressroom.core.listings import order
from pressroom.core.publishing.rules import Clock, State, lifts_at, next_lift, state


def in_other_languages(newsroom: Newsroom, releases: list[Release] | None = None) -> str:
    """` (and 3 in Spanish)`: how many of the releases are in each language but the first."""
    releases = list(newsroom.releases if releases is None else releases)
    counts = Counter(release.lang for release in releases)
    others = [f"{counts[lang]} in {SUPPORTED[lang].english}"
              for lang in newsroom.languages[1:] if counts[lang]]
    return f" (and {', '.join(others)})" if others else ""


def in_default_language(newsroom: Newsroom) -> list[Release]:
    return [r for r in newsroom.releases if r.lang == newsroom.languages[0]]


def untranslated(newsroom: Newsroom) -> list[tuple[Release, list[str]]]:
    """Releases in the default language that some language lacks, with those languages."""
    keys = {(r.key, r.lang) for r in newsroom.releases}
    missing = []
    for release in order.newest_first(in_default_language(newsroom)):
        lacking = [lang for lang in newsroom.languages[1:] if (release.key, lang) not in keys]
        if lacking:
            missing.append((release, lacking))
    return missing


def status_report(newsroom: Newsroom, clock: Clock, sealed: Sequence[str] = ()) -> str:
    """`sealed`: sealed files no key here opens; those it opens are among the releases."""
    lines = [f"As of {clock.now.isoformat(timespec='minutes')}:"]
    for release in order.newest_first(newsroom.releases):
        current = state(release, clock)
        label = current.value
        lift = lifts_at(release.front, clock.zone)
        if current is State.EMBARGOED and lift is not None:
            label = f"embargoed until {lift.isoformat(timespec='minutes')}"
        if current is State.SCHEDULED and lift is not None:
            label = f"scheduled for {lift.isoformat(timespec='minutes')}"
        lines.append(f"  {label:<42} {release.source}  /{release.url}")
    for name in sealed:
        lines.append(f"  {'sealed (not readable here)':<42} {name}")
    held_pages = [page.document.display_path
                  for page in (*newsroom.partners.values(), *newsroom.campaigns.values())
                  if state(page, clock) is not State.PUBLISHED]
    for page in held_pages:
        lines.append(f"  {'held back (draft or embargoed page)':<42} {page}")
    for release, lacking in untranslated(newsroom):
        names = " or ".join(SUPPORTED[lang].english for lang in lacking)
        lines.append(f"  {'not yet in ' + names:<42} {release.source}")
    lifts = next_lift([*newsroom.releases, *newsroom.partners.values(),
                       *newsroom.campaigns.values()], clock)
    if lifts is None:
        lines.append("No embargo is waiting to lift.")
    else:
        lines.append(
            f"Next embargo lifts at {lifts.isoformat(timespec='minutes')}: the first scheduled "
            "build after that moment publishes it."
        )
    return "\n".join(lines)


def build_summary(newsroom: Newsroom, clock: Clock, *, preview: bool, hide_values: bool) -> str:
    """One line for the build log, so a held-back release is never silently absent.

    In CI the moment of the next lift is left out: it is a held-back release's own value.
    """
    # Counted in the default language; the others follow in brackets.
    releases = in_default_language(newsroom)
    counts = Counter(state(release, clock) for release in releases)
    line = f"{_plural(counts[State.PUBLISHED], 'release')} published"
    held = [f"{_plural(counts[State.DRAFT], 'draft')}"]
    held += [f"{counts[kind]} {kind.value}" for kind in (State.EMBARGOED, State.SCHEDULED)
             if counts[kind]]
    line += in_other_languages(
        newsroom, [r for r in newsroom.releases if state(r, clock) is State.PUBLISHED])
    if len(releases) > counts[State.PUBLISHED]:
        what = "shown as previews" if preview else "left out (see `pressroom status`)"
        line += f"; {', '.join(held[:-1])} and {held[-1]} {what}" if len(held) > 1 else \
            f"; {held[0]} {what}"
    lifts = next_lift(newsroom.releases, clock)
    if lifts is not None and not hide_values:
        line += f"; the next embargo lifts at {lifts.isoformat(timespec='minutes')}"
    return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
