"""The content model: what staff may write in front matter, and what it means.

One set of rules, used by the build, `pressroom check` and the importer alike.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EMAIL_PATTERN = r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$"


def _no_numbers(value: Any) -> Any:
    # Pydantic would read `date: 20201020` as seconds since 1970; nobody means that.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("write the date as YYYY-MM-DD")
    return value


def _one_or_many(value: Any) -> Any:
    # `partners: mijente` is an unambiguous way to write a one-item list.
    return [value] if isinstance(value, str) else value


def _single_line(value: str) -> str:
    return " ".join(value.split())


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[Text, AfterValidator(_single_line)]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN)]
Identifier = Slug
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN)]
CalendarDate = Annotated[dt.date, BeforeValidator(_no_numbers)]
Topic = Annotated[Line, StringConstraints(max_length=40)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Strict):
    """A person journalists can reach about a release."""

    name: Line
    title: Line | None = None
    org: Identifier | None = None
    email: Email | None = None
    phone: Line | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone):
            raise ValueError("a contact needs an email or a phone number")
        return self


class ReleaseFront(_Strict):
    """The front matter of a press release."""

    title: Line
    subtitle: Line | None = None
    date: CalendarDate
    location: Line | None = None
    partners: Annotated[list[Identifier], BeforeValidator(_one_or_many), Field(min_length=1)]
    contacts: list[Contact] = []
    campaign: Identifier | None = None
    topics: Annotated[list[Topic], BeforeValidator(_one_or_many)] = []
    summary: Text | None = None
    image: Line | None = None
    slug: Slug | None = None
    draft: bool = False
    embargo: AwareDatetime | None = None

    @model_validator(mode="before")
    @classmethod
    def _date_from_embargo(cls, values: Any) -> Any:
        # An embargoed release is dated the day its embargo lifts, where it lifts.
        if isinstance(values, dict) and "date" not in values and values.get("embargo"):
            embargo = values["embargo"]
            if isinstance(embargo, str):
                try:
                    lifted = dt.datetime.fromisoformat(embargo)
                except ValueError:
                    return values
                if lifted.tzinfo is not None:
                    return {**values, "date": lifted.date()}
        return values


class PartnerFront(BaseModel):
    """The front matter of a partner page; its body is the organisation's boilerplate."""

    # Partner pages are also MkDocs pages: leave room for theme keys such as `hide`.
    model_config = ConfigDict(extra="allow", frozen=True)

    name: Line
    short_name: Line | None = None
    website: HttpUrl
    logo: Line | None = None
    social: dict[Line, HttpUrl] = {}
    contacts: list[Contact] = []


class CampaignFront(BaseModel):
    """The front matter of a campaign page; its body describes the campaign."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Line
    partners: Annotated[list[Identifier], BeforeValidator(_one_or_many)] = []
    status: Literal["active", "closed"] = "active"
    summary: Text | None = None


RELEASE_FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)\.md$")
