"""`pressroom status`: what is live, what is held back, and when the next embargo lifts."""

from __future__ import annotations

import datetime as dt

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
