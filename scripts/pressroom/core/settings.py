"""What each of the pressroom plugin's settings in mkdocs.yml may be.

The build checks them through MkDocs' own config options (pressroom/mkdocs/config.py). The
`pressroom` command reads mkdocs.yml without MkDocs and checks the settings it uses with the
same rules, from here. The time zone's rule is the clock's own: publishing.rules.time_zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from pressroom.core.content.languages import SUPPORTED
from pressroom.core.content.newsroom import topic_slug
from pressroom.core.errors import ContentError, ContentErrors


@dataclass(frozen=True)
class Count:
    """A setting that counts something, releases mostly: a whole number from `least` to
    `most`."""

    least: int
    most: int

    def problem(self, value: object) -> str | None:
        """What is wrong with `value` for this setting, or None when it may hold it."""
        allowed = f"write a whole number from {self.least} to {self.most}"
        # YAML reads `yes` and `true` as booleans, which Python counts as the numbers 1 and 0.
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{value!r} is not a whole number ({allowed})"
        if not self.least <= value <= self.most:
            return f"{value} is out of range ({allowed})"
        return None


PAGE_SIZE = Count(1, 1000)
"""Releases per listing page. A page of none could never end the archive; above 1,000 the
page weighs megabytes, the single endless list pagination exists to avoid."""

LATEST = Count(1, 100)
"""Releases on the home page. With none, the home page shows the heading "Latest press
releases" over nothing; past 100 it is a second archive, which press/ already is."""

FEED_LENGTH = Count(1, 500)
"""Releases per feed. An empty feed is no feed; each entry carries the whole release, so 500
makes a feed of several megabytes that every reader fetches again, hour after hour."""

SEARCH_PART_CHARACTERS = Count(1_000, 50_000_000)
"""Characters of text in each part of the search index, each written by a Pagefind program
of its own, which holds the part in memory: 5 million characters took 400 to 450 MB. Smaller
parts use less memory; each part adds about 35 kB to every query."""

_RELEASES_DIR = "plugins.pressroom.releases_dir"


def releases_folder(value: str) -> str:
    """The releases folder as given, once it is known to be a folder inside the site: the build
    reads it, and `pressroom new` and `pressroom import` write in it."""
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or PureWindowsPath(value).drive or ".." in path.parts:
        problem = f"{value!r} is outside the site"
    elif not path.parts:
        problem = f"{value!r} is the site's own folder"
    else:
        return value
    raise ContentErrors([ContentError(
        "mkdocs.yml", 0, _RELEASES_DIR, problem,
        "name a folder inside the site, relative to mkdocs.yml, such as press_releases",
    )])


def site_languages(value: object) -> tuple[str, ...]:
    """`languages: [en, es]`: the site's languages, its default first, each one Pressroom
    has words for (its release layout, listings and dates are written in it)."""
    known = ", ".join(SUPPORTED)
    hint = f"write a list such as [en, es]: the default first, from {known}"
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not value:
        raise ContentErrors([ContentError("mkdocs.yml", 0, "plugins.pressroom.languages",
                                          f"{value!r} is not a list of languages", hint)])
    unknown = [code for code in value if not isinstance(code, str) or code not in SUPPORTED]
    if unknown or len(set(value)) != len(value):
        what = f"{unknown[0]!r} is not a language Pressroom has words for" if unknown \
            else "names a language twice"
        raise ContentErrors([ContentError("mkdocs.yml", 0, "plugins.pressroom.languages",
                                          what, hint)])
    return tuple(value)


# How topics are shown, by topic id: one label for every language (`foia: FOIA`), or one per
# language (`surveillance: {en: Surveillance, es: Vigilancia}`), under the key EVERY_LANGUAGE.
TopicLabels = dict[str, dict[str, str]]
EVERY_LANGUAGE = ""
_TOPICS = "plugins.pressroom.topics"
_TOPICS_HINT = ("map each topic to its label, like `foia: FOIA`, or to a label per language, "
                "like `surveillance: {en: Surveillance, es: Vigilancia}`")


def topic_labels(value: object) -> TopicLabels:
    """`topics: {foia: FOIA}`: the labels topics are shown by; their addresses stay their ids.
    A topic is named as releases write it or by its id: `facial recognition` is
    `facial-recognition`."""
    def problem(what: str) -> ContentErrors:
        return ContentErrors([ContentError("mkdocs.yml", 0, _TOPICS, what, _TOPICS_HINT)])

    if not isinstance(value, dict):
        raise problem(f"{value!r} is not a list of topics and labels")
    labels: TopicLabels = {}
    for topic, label in value.items():
        if not isinstance(topic, str) or not topic.strip():
            raise problem(f"{topic!r} is not a topic")
        by_language = label if isinstance(label, dict) else {EVERY_LANGUAGE: label}
        for lang, text in by_language.items():
            if lang != EVERY_LANGUAGE and lang not in SUPPORTED:
                raise problem(f"{topic}: {lang!r} is not a language Pressroom has words for")
            if not isinstance(text, str) or not text.strip():
                raise problem(f"{topic}: {text!r} is not a label")
        slug = topic_slug(topic)
        if slug in labels:
            raise problem(f"{topic!r} is the same topic as another one in the list")
        labels[slug] = {lang: " ".join(text.split()) for lang, text in by_language.items()}
    return labels


def topic_labels_in(labels: TopicLabels, lang: str) -> dict[str, str]:
    """The labels of topics on one language's pages, by topic id."""
    found = {}
    for slug, by_language in labels.items():
        label = by_language.get(lang) or by_language.get(EVERY_LANGUAGE)
        if label is not None:
            found[slug] = label
    return found
