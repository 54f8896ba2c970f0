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
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_HINT = "use lowercase letters, digits and hyphens, like `just-futures-law`"
# No backslash before the quote: the pattern goes into the JSON Schema, and editors'
# JavaScript regular expressions reject `\"`.
EMAIL_PATTERN = "^[^@\\s<>\"']+@[^@\\s<>\"']+\\.[A-Za-z]{2,}$"
# How a date and an embargo are written: the validators below and the JSON Schema both use
# these, so the build, `pressroom check` and editors accept exactly the same text. Seconds are
# required because JSON Schema's `date-time` (RFC 3339) requires them.
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
EMBARGO_PATTERN = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
# A date-time as above but without its offset: refused with its own message, since the fix
# (add the offset) is not the one for text that is no date-time at all.
_NO_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")


def _written_as_date(value: Any) -> Any:
    # Pydantic reads `20201020`, quoted or not, as seconds since 1970; nobody means that.
    if isinstance(value, dt.date) or (isinstance(value, str) and re.fullmatch(DATE_PATTERN, value)):
        return value
    raise PydanticCustomError("date_format", "write the date as YYYY-MM-DD")


def _written_as_embargo(value: Any) -> Any:
    # Pydantic reads `20261201`, quoted or not, as seconds since 1970: an embargo that lifted
    # long ago. Only a date-time with its offset says when an embargo lifts.
    if isinstance(value, dt.datetime) or (
        isinstance(value, str) and re.fullmatch(EMBARGO_PATTERN, value)
    ):
        return value
    if isinstance(value, str) and _NO_OFFSET.fullmatch(value):
        raise PydanticCustomError("embargo_offset", "the embargo has no UTC offset")
    raise PydanticCustomError("embargo_format", "write the embargo like 2026-12-01T09:00:00-05:00")


def _one_or_many(value: Any) -> Any:
    # `partners: mijente` is an unambiguous way to write a one-item list.
    return [value] if isinstance(value, str) else value


def _single_line(value: str) -> str:
    return " ".join(value.split())


def _date_or_embargo(schema: dict[str, Any]) -> None:
    # `_date_from_embargo` dates an embargoed release, so either key will do: say so to editors.
    schema["required"] = [name for name in schema.get("required", []) if name != "date"]
    schema["anyOf"] = [{"required": ["date"]}, {"required": ["embargo"]}]


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[Text, AfterValidator(_single_line)]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN)]
Identifier = Slug
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN)]
CalendarDate = Annotated[
    dt.date,
    BeforeValidator(_written_as_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
Embargo = Annotated[
    AwareDatetime,
    BeforeValidator(_written_as_embargo),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": EMBARGO_PATTERN}),
]
Topic = Annotated[Line, StringConstraints(max_length=40)]
# `_one_or_many` also takes one id or topic alone; the JSON Schema says so through these.
_IdsInput = Identifier | list[Identifier]
_TopicsInput = Topic | list[Topic]


class _Strict(BaseModel):
    # Field docstrings become the descriptions in the JSON Schema editors show on hover.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Contact(_Strict):
    """A person journalists can reach about a release."""

    # Say in the JSON Schema what `_reachable` says, so editors flag it too.
    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["email"]}, {"required": ["phone"]}]}
    )

    name: Line
    """The person's full name."""
    title: Line | None = None
    """Their job title, for example Legal Director."""
    org: Identifier | None = None
    """The id of their organisation's page in docs/partners/."""
    email: Email | None = None
    """An email address journalists can write to."""
    phone: Line | None = None
    """A phone number, written the way it should be dialled."""

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone):
            raise ValueError("a contact needs an email or a phone number")
        return self


class ReleaseFront(_Strict):
    """The front matter of a press release."""

    model_config = ConfigDict(json_schema_extra=_date_or_embargo)

    title: Line
    """The headline."""
    subtitle: Line | None = None
    """The subheadline, one line under the headline (optional)."""
    date: CalendarDate
    """The release date, YYYY-MM-DD; the file name starts with the same date."""
    location: Line | None = None
    """The dateline's place, for example New York (optional)."""
    partners: Annotated[
        list[Identifier],
        BeforeValidator(_one_or_many, json_schema_input_type=_IdsInput),
        Field(min_length=1),
    ]
    """Ids of the partner pages in docs/partners/ that issue the release (at least one)."""
    contacts: list[Contact] = []
    """Media contacts: each has a name and an email or a phone."""
    campaign: Identifier | None = None
    """The id of a campaign page in docs/campaigns/ (optional)."""
    topics: Annotated[
        list[Topic], BeforeValidator(_one_or_many, json_schema_input_type=_TopicsInput)
    ] = []
    """A few short topics, for example [surveillance, foia] (optional)."""
    summary: Text | None = None
    """One or two sentences for listings and feeds; the first paragraph if left empty."""
    image: Line | None = None
    """The social card image, relative to docs/ (optional)."""
    slug: Slug | None = None
    """The release's web address, if not the one in the file name (optional)."""
    draft: bool = False
    """true keeps the release off the site until it is ready."""
    embargo: Embargo | None = None
    """Publish no earlier than this moment, with its UTC offset: 2026-12-01T09:00:00-05:00."""
    preview: bool = False
    """true gives journalists an encrypted preview before the lift: `pressroom preview-link`."""
    featured: bool = False
    """true pins the release at the top of the home page; the newest featured one is shown."""

    @model_validator(mode="before")
    @classmethod
    def _date_from_embargo(cls, values: Any) -> Any:
        # An embargoed release is dated the day its embargo lifts, where it lifts.
        if isinstance(values, dict) and "date" not in values and values.get("embargo"):
            embargo = values["embargo"]
            if isinstance(embargo, str) and re.fullmatch(EMBARGO_PATTERN, embargo):
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
    # A new partner can join the site in secret, like a release: the same two keys.
    draft: bool = False
    embargo: Embargo | None = None


class CampaignFront(BaseModel):
    """The front matter of a campaign page; its body describes the campaign."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Line
    partners: Annotated[list[Identifier], BeforeValidator(_one_or_many)] = []
    status: Literal["active", "closed"] = "active"
    summary: Text | None = None
    draft: bool = False
    embargo: Embargo | None = None


class _PageTranslationFront(BaseModel):
    """A partner's or campaign's page in another language goes out with its original page:
    `draft` and `embargo` there decide for both, and are an error here, never ignored."""

    model_config = ConfigDict(extra="allow", frozen=True)

    draft: Any = None
    embargo: Any = None

    @field_validator("draft", "embargo")
    @classmethod
    def _taken_from_the_original(cls, value: Any) -> None:
        if value is not None:
            raise PydanticCustomError(
                "taken_from_original",
                "is set by the original page: a translation goes out with it")
        return None


class PartnerTranslationFront(_PageTranslationFront):
    """A partner page in another language (`docs/partners/<id>.es.md`): its body is the
    "About" text in that language; the organisation's facts stay in the original page."""

    name: Line | None = None
    short_name: Line | None = None


class CampaignTranslationFront(_PageTranslationFront):
    """A campaign page in another language (`docs/campaigns/<id>.es.md`)."""

    title: Line | None = None
    summary: Text | None = None


RELEASE_FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)\.md$")
