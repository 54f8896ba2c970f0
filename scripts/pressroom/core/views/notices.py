"""Dates as readers read them, and the banner a preview shows on a release not yet public."""

from __future__ import annotations

import datetime as dt

from pressroom.core.content.newsroom import Release
from pressroom.core.i18n.words import ENGLISH, Words
from pressroom.core.publishing.rules import Clock, State, lifts_at, state


def readable_date(day: dt.date, words: Words = ENGLISH) -> str:
    return words.date(day)


def notice(release: Release, clock: Clock, words: Words = ENGLISH) -> str | None:
    """"DRAFT", "EMBARGOED UNTIL …" or "SCHEDULED FOR …", in the page's language; None once
    the release is public."""
    current = state(release, clock)
    lifts = lifts_at(release.front, clock.zone)
    if current is State.DRAFT:
        return words.draft
    if current is State.EMBARGOED and lifts is not None:
        return words.embargoed.format(when=f"{words.date(lifts)}, {lifts:%H:%M} {_zone(lifts)}")
    if current is State.SCHEDULED and lifts is not None:
        return words.scheduled.format(when=f"{words.date(lifts)}, {lifts:%H:%M} {lifts.tzname()}")
    return None


def _zone(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset not in ("+0000", "") else "UTC"
