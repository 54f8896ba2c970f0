"""`pressroom status`: what is live, what is held back, and when the next embargo lifts."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pressroom import listing
from pressroom.content import Newsroom
from pressroom.publish import State, next_lift, state


def status_report(newsroom: Newsroom, now: dt.datetime) -> str:
    lines = [f"As of {now.isoformat(timespec='minutes')}:"]
    for release in listing.newest_first(newsroom.releases):
        current = state(release, now)
        label = current.value
        if current is State.EMBARGOED and release.front.embargo is not None:
            label = f"embargoed until {release.front.embargo.isoformat(timespec='minutes')}"
        lines.append(f"  {label:<42} {release.source}  /{release.url}")
    lifts = next_lift(newsroom.releases, now)
    if lifts is None:
        lines.append("No embargo is waiting to lift.")
    else:
        lines.append(
            f"Next embargo lifts at {lifts.isoformat(timespec='minutes')}: the first scheduled "
            "build after that moment publishes it."
        )
    return "\n".join(lines)


def build_summary(newsroom: Newsroom, now: dt.datetime, *, preview: bool) -> str:
    """One line for the build log, so a held-back release is never silently absent."""
    counts = Counter(state(release, now) for release in newsroom.releases)
    line = f"{_plural(counts[State.PUBLISHED], 'release')} published"
    held = counts[State.DRAFT] + counts[State.EMBARGOED]
    if held:
        what = "shown as previews" if preview else "left out (see `pressroom status`)"
        line += (f"; {_plural(counts[State.DRAFT], 'draft')} and "
                 f"{counts[State.EMBARGOED]} embargoed {what}")
    lifts = next_lift(newsroom.releases, now)
    if lifts is not None:
        line += f"; the next embargo lifts at {lifts.isoformat(timespec='minutes')}"
    return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
