"""Under `mkdocs serve --dirty`, which pages MkDocs renders again.

MkDocs decides from `file.is_modified()` alone: a page whose file is newer than its output.
Pressroom's listings have no file, and its home, partner and campaign pages list releases
that change in other files, so Pressroom answers for them: modified when what they would show
differs from what the last build rendered (core/outputs/fingerprints.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def set_modified(file: File, modified: bool) -> None:
    """Make MkDocs read and render the page, or leave its output as it is."""
    file.is_modified = (lambda: True) if modified else (lambda: False)  # type: ignore[method-assign]


def site_inputs(config: MkDocsConfig, navs: Mapping[str, Any], templates: Path) -> tuple:
    """What every page shows besides its own content: the configuration, the templates a
    coalition or Pressroom may edit while the preview runs, and the nav in each language.
    Material's own templates change only with an upgrade, which restarts the preview."""
    dirs = [Path(config.config_file_path).parent / config.theme.custom_dir] \
        if config.theme.custom_dir else []
    return (
        Path(config.config_file_path).read_bytes(),
        [(path.as_posix(), path.stat().st_mtime_ns)
         for folder in [*dirs, templates] for path in sorted(folder.rglob("*"))
         if path.is_file()],
        {lang: list(_outline(nav)) for lang, nav in navs.items()},
    )


def _outline(items: Iterable[Any]) -> Iterator[tuple]:
    for item in items:
        yield (type(item).__name__, item.title, getattr(item, "url", None),
               list(_outline(getattr(item, "children", None) or [])))
