"""The plugin's settings in mkdocs.yml, under `plugins: - pressroom:`.

A bad value stops the build before anything is built, with MkDocs' own message naming the
setting. The rules themselves are the core's (pressroom.core.settings and the clock's time
zone), which the `pressroom` command applies to the settings it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from pressroom.core import settings
from pressroom.core.content.languages import DEFAULT_LANGUAGES
from pressroom.core.errors import ContentErrors
from pressroom.core.i18n.words import Wording
from pressroom.core.outputs.search_bundle import PART_CHARACTERS
from pressroom.core.publishing.rules import DEFAULT_TIMEZONE, time_zone

T = TypeVar("T")


def by_core_rule(rule: Callable[[Any], T], value: object) -> T:
    """What the core's rule makes of `value`; its message, without the file and setting that
    MkDocs names itself, becomes the option's."""
    try:
        return rule(value)
    except ContentErrors as problems:
        (error,) = problems.errors
        raise ValidationError(f"{error.message} ({error.hint})") from None


class Count(c.BaseConfigOption[int]):
    """A number of releases within the range the core allows for this setting."""

    def __init__(self, count: settings.Count, default: int) -> None:
        super().__init__()
        self.count = count
        self.default = default

    def run_validation(self, value: object) -> int:
        problem = self.count.problem(value)
        if problem is not None:
            raise ValidationError(problem)
        assert isinstance(value, int)
        return value


class CoreRule(c.Type[str]):
    """Text checked by one of the core's rules, whose message, without the file and setting
    that MkDocs names itself, becomes the option's."""

    def __init__(self, rule: Callable[[str], object], default: str) -> None:
        super().__init__(str, default=default)
        self.rule = rule

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        by_core_rule(self.rule, text)
        return text


class Languages(c.BaseConfigOption[tuple[str, ...]]):
    """The site's languages, checked by the core's rule."""

    def __init__(self) -> None:
        super().__init__()
        self.default = list(DEFAULT_LANGUAGES)

    def run_validation(self, value: object) -> tuple[str, ...]:
        return by_core_rule(settings.site_languages, value)


class ByLanguage(c.BaseConfigOption[dict[str, str]]):
    """Text in the coalition's own words, by language: the line above a release's headline,
    the footer."""

    def __init__(self, example: str, word: str | None = None) -> None:
        super().__init__()
        self.default = {}
        self.example = example  # how to write it, in the message of a mistake
        self.word = word  # the Pressroom wording it replaces, if any

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            raise ValidationError(
                f"{value!r} is not a text for each language (write it like `{self.example}`)")
        try:  # an unknown language, or a wording sites cannot set
            Wording({lang: {self.word: text} if self.word else {} for lang, text in value.items()})
        except ValueError as problem:
            raise ValidationError(str(problem)) from None
        return dict(value)


class TopicLabels(c.BaseConfigOption[settings.TopicLabels]):
    """The labels topics are shown by, checked by the core's rule."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> settings.TopicLabels:
        return by_core_rule(settings.topic_labels, value)


class PressroomConfig(Config):
    releases_dir = CoreRule(settings.releases_folder, default="press_releases")
    """Folder of release files, relative to mkdocs.yml, inside the site."""

    latest = Count(settings.LATEST, default=5)
    """How many releases the home page shows."""

    page_size = Count(settings.PAGE_SIZE, default=50)
    """How many releases a listing page shows before it continues on the next page."""

    search = c.Type(bool, default=True)
    """Site search at /search/; only that page loads the search index."""

    search_part_characters = Count(settings.SEARCH_PART_CHARACTERS, default=PART_CHARACTERS)
    """How much text each part of the search index holds: less, for a machine with little
    memory."""

    feed_length = Count(settings.FEED_LENGTH, default=20)
    """How many releases each feed carries, newest first; the archive pages hold the rest."""

    languages = Languages()
    """The site's languages, its default first: `[en, es]` puts Spanish at /es/."""

    release_line = ByLanguage("release_line: {es: PARA PUBLICACIÓN INMEDIATA}", "release_line")
    """The coalition's own "FOR IMMEDIATE RELEASE" line, by language."""

    copyright = ByLanguage("copyright: {es: Publicado por las organizaciones de la coalición.}")
    """The footer's text in other languages than the site's, whose is Material's `copyright`."""

    topics = TopicLabels()
    """How topics are shown, by id: `foia: FOIA`, or `{en: …, es: …}` per language."""

    timezone = CoreRule(time_zone, default=DEFAULT_TIMEZONE)
    """Where the coalition dates its releases: the hour a release dated 20 October went out."""

    default_image = c.Optional(c.Type(str))
    """Social card image for releases without `image`, relative to docs/; Pressroom ships one."""

    shared_chrome = c.Type(bool, default=True)
    """A debugging switch: `false` renders every page's navigation, header and footer, and
    every release card, on its own instead of sharing one rendering (see shared_chrome.py),
    to show that sharing changes no byte of the site. Builds are slower without it."""
