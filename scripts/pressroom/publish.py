"""The build's clock and each release's publishing state."""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Iterable, Mapping

from pressroom.content import Release
from pressroom.errors import ContentError, ContentErrors

CLOCK_VARIABLE = "PRESSROOM_NOW"


class State(enum.Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    EMBARGOED = "embargoed"


def build_clock(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """Now, or the moment PRESSROOM_NOW names, so tests and previews can travel in time."""
    value = environ.get(CLOCK_VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ContentErrors([ContentError(
            "environment", 0, CLOCK_VARIABLE, f"{value!r} is not a date and time with an offset",
            "write it like 2026-12-01T09:00:00-05:00, or unset it to use the current time",
        )])
    return moment


def state(release: Release, now: dt.datetime) -> State:
    if release.front.draft:
        return State.DRAFT
    if release.front.embargo is not None and now < release.front.embargo:
        return State.EMBARGOED
    return State.PUBLISHED


def published(releases: Iterable[Release], now: dt.datetime) -> list[Release]:
    return [release for release in releases if state(release, now) is State.PUBLISHED]


def next_lift(releases: Iterable[Release], now: dt.datetime) -> dt.datetime | None:
    """The next moment an embargo lifts: when the site must be rebuilt."""
    pending = [
        release.front.embargo
        for release in releases
        if state(release, now) is State.EMBARGOED and release.front.embargo is not None
    ]
    return min(pending, default=None)
