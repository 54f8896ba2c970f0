"""Dates as readers read them, and the banner a preview shows on a release not yet public."""

from __future__ import annotations

import datetime as dt

from pressroom.core.content.newsroom import Release
from pressroom.core.publishing.rules import Clock, State, lifts_at, state


def readable_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def notice(release: Release, clock: Clock) -> str | None:
    """"DRAFT", "EMBARGOED UNTIL …" or "SCHEDULED FOR …"; None once the release is public."""
    current = state(release, clock)
    lifts = lifts_at(release.front, clock.zone)
    if current is State.DRAFT:
        return "DRAFT — not published"
    if current is State.EMBARGOED and lifts is not None:
        return f"EMBARGOED UNTIL {readable_date(lifts)}, {lifts:%H:%M} {_zone(lifts)}"
    if current is State.SCHEDULED and lifts is not None:
        return f"SCHEDULED FOR {readable_date(lifts)}, {lifts:%H:%M} {lifts.tzname()}"
    return None


def _zone(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset not in ("+0000", "") else "UTC"
