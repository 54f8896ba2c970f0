"""Where a newsroom's content lives, as mkdocs.yml says, without starting MkDocs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pressroom.core.content.languages import DEFAULT_LANGUAGES
from pressroom.core.content.newsroom import Campaign, Partner
from pressroom.core.errors import UsageError
from pressroom.core.loading.field_messages import unknown_id
from pressroom.core.loading.load import load_pages
from pressroom.core.publishing.rules import DEFAULT_TIMEZONE, time_zone
from pressroom.core.settings import releases_folder, site_languages

# ProperDocs reads properdocs.yml and falls back to mkdocs.yml; MkDocs reads mkdocs.yml.
CONFIG_FILES = ("properdocs.yml", "mkdocs.yml")
SCHEMA_FILE = Path("schemas") / "release.schema.json"
TRANSLATION_SCHEMA_FILE = SCHEMA_FILE.with_name("translation.schema.json")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml whatever tags it uses (`!!python/name:...`, `!ENV`): we need two keys."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Site:
    """A newsroom's folders: the site root, its releases and its docs."""

    root: Path
    releases_dir: Path
    docs_dir: Path
    timezone: str = DEFAULT_TIMEZONE
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    @classmethod
    def at(cls, root: Path) -> Site:
        root = root.resolve()
        if not root.is_dir():
            raise UsageError(f"{root} is not a folder: give the site's folder with --root")
        if not any((root / name).is_file() for name in CONFIG_FILES):
            raise UsageError(f"no mkdocs.yml in {root}: run the command in the site's folder, "
                             "or give it with --root")
        config = _read_config(config_file(root))
        docs = config.get("docs_dir") if isinstance(config.get("docs_dir"), str) else "docs"
        settings = _plugin_settings(config)
        # The build's own rules: a setting the build refuses, the commands refuse too.
        releases = releases_folder(_text(settings, "releases_dir", "press_releases"))
        zone = _text(settings, "timezone", DEFAULT_TIMEZONE)
        time_zone(zone)
        languages = site_languages(settings.get("languages", list(DEFAULT_LANGUAGES)))
        return cls(
            root=root, releases_dir=root / releases, docs_dir=root / docs, timezone=zone,
            languages=languages,
        )

    @property
    def partners_dir(self) -> Path:
        return self.docs_dir / "partners"

    def locate(self, given: Path) -> Path:
        """A file or folder staff named: from the current folder when it is in the site, else
        from the site's root (`--root`). One outside the site is refused, so a command never
        reports on the wrong files."""
        here = Path.cwd()
        base = here if here.resolve().is_relative_to(self.root) else self.root
        found = given if given.is_absolute() else base / given
        if not found.exists():
            raise UsageError(f"no such file or folder: {given}")
        if not found.resolve().is_relative_to(self.root):
            raise UsageError(f"{given} is not inside the site at {self.root}")
        return found

    def display(self, path: Path) -> str:
        """A path the way staff know it: relative to the site's root where possible."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def partners(self) -> dict[str, Partner]:
        """The partner pages that are valid now; `pressroom check` reports the others."""
        return load_pages(self.root, self.docs_dir, self.languages)[0]

    def campaigns(self) -> dict[str, Campaign]:
        return load_pages(self.root, self.docs_dir, self.languages)[1]

    def schema_reference(self, folder: Path, schema_file: Path = SCHEMA_FILE) -> str:
        """The release schema's path as seen from a file in `folder`, for the editor's modeline."""
        schema = self.root / schema_file
        return Path(os.path.relpath(schema, folder.resolve())).as_posix()


def config_file(root: Path) -> Path:
    """The site's settings file. With both, the engine decides which it reads: say so."""
    found = [root / name for name in CONFIG_FILES if (root / name).is_file()]
    if len(found) > 1:
        raise UsageError(
            "both properdocs.yml and mkdocs.yml are here, and MkDocs and ProperDocs would read "
            "different ones (keep one of them)"
        )
    return found[0] if found else root / "mkdocs.yml"


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except yaml.YAMLError:
        return {}  # MkDocs itself reports a broken mkdocs.yml; the defaults do for checking
    return config if isinstance(config, dict) else {}


def _plugin_settings(config: dict[str, Any]) -> dict[str, Any]:
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, {})
        for entry in plugins
    )
    for name, settings in entries:
        if name == "pressroom":
            return settings if isinstance(settings, dict) else {}
    return {}


def _text(settings: dict[str, Any], name: str, default: str) -> str:
    value = settings.get(name)
    return default if value is None else str(value)


def require_known(kind: str, wanted: Iterable[str], known: Mapping[str, object]) -> None:
    """Refuse ids typed on the command line that no page defines, as the build words it."""
    problems = [unknown_id(kind, name, known) for name in wanted if name not in known]
    if problems:
        raise UsageError("; ".join(f"{message} ({hint})" for message, hint in problems))
