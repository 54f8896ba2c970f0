"""Site search with Pagefind: a chunked static index that visitors fetch only when they search.

Material's own search loads the whole index on every page (megabytes at a thousand
releases); Pagefind's index is split into small fragments fetched per query.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_FOLDER = "pagefind"
# Only pages that carry data-pagefind-body: releases, partners, campaigns. Skipping the ~130
# listing pages, which would be read and then ignored, saves about a second per 1,000 releases.
SEARCHED_PAGES = "{press/[0-9]*/*/index.html,partners/*/index.html,campaigns/*/index.html}"


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path, language: str) -> None:
    """Index the built site in place; pages mark what to index with data-pagefind-body."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir),
        "--output-subdir", SEARCH_FOLDER, "--force-language", language, "--glob", SEARCHED_PAGES,
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind could not index {site_dir}: {result.stderr.strip() or result.stdout}"
        )
