"""The build's clock, and when each release, partner page or campaign page goes public.

One rule for all three: a draft never publishes; an embargo lifts at its moment; a release
dated in the future and without an embargo waits until that day begins in the site's time
zone, like Hugo's future posts.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pressroom.core.content.newsroom import Newsroom
from pressroom.core.errors import ContentError, ContentErrors

CLOCK_VARIABLE = "PRESSROOM_NOW"
DEFAULT_TIMEZONE = "UTC"
_DEFAULT_ZONE = ZoneInfo(DEFAULT_TIMEZONE)


class State(enum.Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    EMBARGOED = "embargoed"
    SCHEDULED = "scheduled"


HELD_BACK = frozenset({State.DRAFT, State.EMBARGOED, State.SCHEDULED})


@dataclass(frozen=True)
class Clock:
    """The moment a build is made, and the time zone the coalition dates its releases in."""

    now: dt.datetime
    zone: ZoneInfo = _DEFAULT_ZONE


class _Front(Protocol):
    draft: bool
    embargo: dt.datetime | None


class _Publishable(Protocol):
    @property
    def front(self) -> _Front: ...


Item = TypeVar("Item", bound=_Publishable)


def build_clock(
    environ: Mapping[str, str] = os.environ, zone: str = DEFAULT_TIMEZONE
) -> Clock:
    """Now, or the moment PRESSROOM_NOW names, so tests and previews can travel in time."""
    value = environ.get(CLOCK_VARIABLE, "").strip()
    if not value:
        return Clock(dt.datetime.now(dt.UTC), time_zone(zone))
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ContentErrors([ContentError(
            "environment", 0, CLOCK_VARIABLE, f"{value!r} is not a date and time with an offset",
            "write it like 2026-12-01T09:00:00-05:00, or unset it to use the current time",
        )])
    return Clock(moment, time_zone(zone))


def time_zone(name: str) -> ZoneInfo:
    """The site's time zone, from the pressroom plugin's `timezone` setting."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ContentErrors([ContentError(
            "mkdocs.yml", 0, "plugins.pressroom.timezone", f"{name!r} is not a time zone",
            "use a name like America/New_York or UTC",
        )]) from None


def lifts_at(front: Any, zone: ZoneInfo) -> dt.datetime | None:
    """The first moment a page may be public: its embargo, else the start of its date."""
    if front.embargo is not None:
        return front.embargo
    day = getattr(front, "date", None)
    return dt.datetime.combine(day, dt.time(), zone) if day is not None else None


def state(item: _Publishable, clock: Clock) -> State:
    front = item.front
    if front.draft:
        return State.DRAFT
    lift = lifts_at(front, clock.zone)
    if lift is not None and clock.now < lift:
        return State.EMBARGOED if front.embargo is not None else State.SCHEDULED
    return State.PUBLISHED


def is_held_back(item: _Publishable, clock: Clock) -> bool:
    return state(item, clock) in HELD_BACK


def published(items: Iterable[Item], clock: Clock) -> list[Item]:
    return [item for item in items if state(item, clock) is State.PUBLISHED]


def next_lift(items: Iterable[_Publishable], clock: Clock) -> dt.datetime | None:
    """The next moment an embargo lifts or a scheduled day begins: when to rebuild."""
    pending = [
        lift for item in items
        if state(item, clock) in (State.EMBARGOED, State.SCHEDULED)
        and (lift := lifts_at(item.front, clock.zone)) is not None
    ]
    return min(pending, default=None)


def goes_public_before(item: _Publishable, needed: _Publishable, zone: ZoneInfo) -> bool:
    """Whether `item` could be published while a page it names (`needed`) is still held back.

    Judged on the content alone, never the clock, so the answer is the same in every build.
    """
    if item.front.draft:
        return False
    if needed.front.draft:
        return True
    needed_lift = lifts_at(needed.front, zone)
    if needed_lift is None:
        return False
    own_lift = lifts_at(item.front, zone)
    return own_lift is None or own_lift < needed_lift


def may_be_held_back(metadata: Mapping[str, Any], clock: Clock, *, dated: bool) -> bool:
    """For front matter that may not have passed validation: could this page be held back?

    Errors in such a file print no values in CI logs. Anything unclear counts as held back.
    """
    if metadata.get("draft") not in (None, False) or metadata.get("embargo") is not None:
        return True
    day = metadata.get("date")
    if day is None:
        return dated  # a release without a readable date: unclear
    try:
        parsed = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    except ValueError:
        return True
    return dt.datetime.combine(parsed, dt.time(), clock.zone) > clock.now


def public_part(newsroom: Newsroom, clock: Clock) -> Newsroom:
    """What visitors may see as of the clock: published releases, partner and campaign pages."""
    return replace(
        newsroom,
        releases=tuple(published(newsroom.releases, clock)),
        partners={key: p for key, p in newsroom.partners.items() if not is_held_back(p, clock)},
        campaigns={key: c for key, c in newsroom.campaigns.items() if not is_held_back(c, clock)},
    )
