"""The small index that /press/'s filter fetches when a visitor first uses it."""

from __future__ import annotations

import json

from pressroom.core.listings import order
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.notices import readable_date

INDEX_PATH = "press/releases.json"


def filter_index(catalogue: Catalogue) -> bytes:
    """Every shown release with its ids only: names are looked up once, not per release."""
    newsroom = catalogue.newsroom
    document = {
        "partners": {p.id: p.name for p in newsroom.partners.values()},
        "campaigns": {c.id: c.title for c in newsroom.campaigns.values()},
        "topics": {t.slug: t.label for t in catalogue.archives.topics},
        "releases": [
            {
                "title": release.title,
                "url": release.url,
                "date": release.date.isoformat(),
                "dateText": readable_date(release.date, catalogue.words()),
                "year": str(release.year),
                "partners": list(release.front.partners),
                "campaign": release.front.campaign,
                "topics": [topic.slug for topic in release.topics],
            }
            for release in order.newest_first(catalogue.releases)
        ],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
