"""Which language an imported release is in: the one staff give, or the one its conventions
are written in ("PARA DIFUSIÓN INMEDIATA", "20 de octubre de 2020", "Acerca de ...")."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from babel import Locale

from pressroom.core.content.languages import SUPPORTED, split_language, translation_name
from pressroom.core.errors import ContentError
from pressroom.importer.layout import Recognised

# Every language the importer can write, the default first: its files have no suffix.
# (The site's own `languages` setting is not read here: a release in a language the site does
# not publish yet is still worth importing, and `pressroom check` judges the site.)
LANGUAGES = tuple(SUPPORTED)
DEFAULT = LANGUAGES[0]


def language_name(lang: str) -> str:
    """ "es" -> "Spanish", for messages to staff."""
    return Locale.parse(lang).get_display_name("en") or lang


def release_language(
    source: str, recognised: Iterable[Recognised], wanted: str | None
) -> tuple[str, ContentError | None]:
    """The release's language and, when it was read rather than given, a warning that says
    from which words, so that staff can correct it with --lang.

    The language whose conventions the text uses most wins; a tie, or none, is the default.
    """
    if wanted:
        return wanted, None
    evidence: dict[str, list[Recognised]] = {lang: [] for lang in LANGUAGES}
    for found in recognised:
        if found.lang in evidence:
            evidence[found.lang].append(found)
    lang = max(LANGUAGES, key=lambda each: (len(evidence[each]), each == DEFAULT))
    others = [each for each in LANGUAGES if each != lang and evidence[each]]
    if lang == DEFAULT and not others:
        return lang, None
    name = language_name(lang)
    if lang != DEFAULT:
        shown = evidence[lang]
        message = f"read as {name}: {_listed(shown)}"
    else:
        shown = [found for other in others for found in evidence[other]]
        message = f"read as {name}, though it has {language_name(others[0])} conventions too: " \
            f"{_listed(shown)}"
    hints = " or ".join(
        f"--lang {each}" for each in (others if lang == DEFAULT else [DEFAULT, *others])
    )
    return lang, ContentError(
        source, shown[0].line, "lang", message, f"import again with {hints} if it is not {name}"
    )


def file_name(name: str, lang: str) -> str:
    """`2020-10-20-x.md` (or `.es.md`) as a file of `lang`: `2020-10-20-x.es.md` in Spanish."""
    return translation_name(split_language(name, LANGUAGES)[0], lang, LANGUAGES)


def language_of_file(name: str) -> str:
    """The language a release or page file is in, by its name's suffix."""
    return split_language(name, LANGUAGES)[1] or DEFAULT


def translated_page(path: Path, lang: str) -> Path:
    """Where a partner page's text in `lang` lives: `docs/partners/<id>.es.md`."""
    return path.with_name(file_name(path.name, lang))


def _listed(found: list[Recognised]) -> str:
    """Each distinct wording once, at its first line: a date repeated in the dateline is one."""
    first: dict[str, int] = {}
    for each in found:
        first.setdefault(each.text, each.line)
    return ", ".join(f"{text!r} (line {line})" for text, line in first.items())
