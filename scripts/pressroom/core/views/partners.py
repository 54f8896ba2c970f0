"""A partner as its page and the media page show it: logo, website, social links, contacts."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from pressroom.core.content.newsroom import Partner
from pressroom.core.i18n.words import Words
from pressroom.core.views.models import ContactView, Link, Logo

# Networks as their owners write their names; any other key is shown as staff wrote it.
NETWORKS = {
    "bluesky": "Bluesky", "facebook": "Facebook", "github": "GitHub",
    "instagram": "Instagram", "linkedin": "LinkedIn", "mastodon": "Mastodon",
    "threads": "Threads", "tiktok": "TikTok", "twitter": "Twitter", "x": "X",
    "youtube": "YouTube",
}


def website(partner: Partner) -> Link:
    """The partner's site, named by its address without `https://www.`: a name people read."""
    url = str(partner.front.website)
    parts = urlsplit(url)
    host = (parts.hostname or url).removeprefix("www.")
    return Link(host + parts.path.rstrip("/"), url)


def social(partner: Partner) -> list[Link]:
    return [Link(NETWORKS.get(network.casefold(), network), str(url))
            for network, url in partner.front.social.items()]


def logo(partner: Partner, words: Words) -> Logo | None:
    if not partner.front.logo:
        return None
    file_format = PurePosixPath(partner.front.logo).suffix.lstrip(".").upper() or "?"
    return Logo(partner.front.logo, words.logo.format(name=partner.name),
                words.file_details(file_format, partner.logo_size))


def contacts(partner: Partner) -> list[ContactView]:
    """The partner's press contacts. Their titles are written once, in the partner's original
    page: in another language's pages they are marked as in that one."""
    title_lang = partner.original_lang if partner.lang != partner.original_lang else None
    return [ContactView(contact.name, contact.title, None, contact.email, contact.phone,
                        title_lang if contact.title else None)
            for contact in partner.front.contacts]
