"""Site search with Pagefind: a chunked static index that visitors fetch only when they search.

Material's own search loads the whole index on every page (megabytes at a thousand
releases); Pagefind's index is split into small fragments fetched per query.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_FOLDER = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path, language: str) -> None:
    """Index the built site in place; pages mark what to index with data-pagefind-body."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir),
        "--output-subdir", SEARCH_FOLDER, "--force-language", language, "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind could not index {site_dir}: {result.stderr.strip() or result.stdout}"
        )
