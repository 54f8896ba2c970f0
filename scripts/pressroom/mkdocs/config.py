"""The plugin's settings in mkdocs.yml, under `plugins: - pressroom:`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PressroomConfig(Config):
    releases_dir = c.Type(str, default="press_releases")
    """Folder of release files, relative to mkdocs.yml."""

    latest = c.Type(int, default=5)
    """How many releases the home page shows."""

    page_size = c.Type(int, default=50)
    """How many releases a listing page shows before it continues on the next page."""

    search = c.Type(bool, default=True)
    """Site search at /search/; only that page loads the search index."""

    feed_length = c.Type(int, default=20)
    """How many releases each feed carries, newest first; the archive pages hold the rest."""

    timezone = c.Type(str, default="UTC")
    """Where the coalition dates its releases: the hour a release dated 20 October went out."""

    default_image = c.Optional(c.Type(str))
    """Social card image for releases without `image`, relative to docs/; Pressroom ships one."""
