"""What each kind of page shows, built from one build's catalogue."""

from __future__ import annotations

from pressroom.core.content.newsroom import Release
from pressroom.core.listings import order
from pressroom.core.listings.archive import Archive, pager
from pressroom.core.outputs.feeds import FEED_FILES
from pressroom.core.outputs.filter_index import INDEX_PATH
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.html_text import dateline
from pressroom.core.views.models import (
    About,
    CampaignPage,
    ContactView,
    DirectoryPage,
    Group,
    HomePage,
    Link,
    ListingPage,
    PartnerPage,
    ReleasePage,
    SearchPage,
)
from pressroom.core.views.notices import notice

RELEASE_LINE = "FOR IMMEDIATE RELEASE"


def subscribe_links(folder: str) -> list[Link]:
    """Visible links to the feeds in a folder: RSS, Atom, JSON Feed."""
    return [Link(label, folder + file_name) for file_name, _mime, label in FEED_FILES.values()]


def release_page(catalogue: Catalogue, release: Release) -> ReleasePage:
    partners = catalogue.newsroom.partners
    campaign = catalogue.newsroom.campaigns.get(release.front.campaign or "")
    return ReleasePage(
        card=catalogue.cards.card(release),
        release_line=RELEASE_LINE,
        dateline=dateline(release.front.location),
        contacts=[
            ContactView(
                contact.name, contact.title,
                partners[contact.org].name if contact.org else None,
                contact.email, contact.phone,
            )
            for contact in release.front.contacts
        ],
        campaign=Link(campaign.title, campaign.url) if campaign else None,
        topics=[Link(topic.label, topic.url) for topic in release.topics],
        abouts=[
            About(partners[p].name, partners[p].url,
                  catalogue.rendered.boilerplate_html.get(partners[p].url, ""),
                  partners[p].boilerplate_lang)
            for p in release.front.partners
        ],
        banner=notice(release, catalogue.clock),
    )


def listing_page(catalogue: Catalogue, archive: Archive, number: int = 1) -> ListingPage:
    cards = catalogue.cards
    on_page = archive.page_releases(number)
    if archive.kind == "year":
        groups = [Group(archive.key, None, cards.cards(on_page))]
    else:
        groups = [
            Group(str(year), f"{catalogue.folder}press/{year}/", cards.cards(in_year))
            for year, in_year in order.by_year(on_page)
        ]
    is_press = archive.kind == "press"
    return ListingPage(
        title=archive.page_title(number),
        groups=groups,
        browse=catalogue.browse,
        # A year or topic has no feed of its own: its page offers everything's.
        feeds=subscribe_links(archive.folder if archive.has_feeds else f"{catalogue.folder}press/"),
        pager=pager(archive, number),
        filters=catalogue.filters if is_press else {},
        filter_index=catalogue.folder + INDEX_PATH if is_press else None,
    )


def partner_page(catalogue: Catalogue, partner_id: str) -> PartnerPage:
    partner = catalogue.newsroom.partners[partner_id]
    front = partner.front
    archive = catalogue.archives.find("partner", partner_id)
    return PartnerPage(
        name=partner.name,
        short_name=front.short_name,
        website=str(front.website),
        logo=front.logo,
        social=[Link(network, str(url)) for network, url in front.social.items()],
        releases=catalogue.cards.cards(archive.page_releases(1)),
        feeds=subscribe_links(archive.folder),
        pager=pager(archive, 1),
    )


def campaign_page(catalogue: Catalogue, campaign_id: str) -> CampaignPage:
    campaign = catalogue.newsroom.campaigns[campaign_id]
    front = campaign.front
    partners = catalogue.newsroom.partners
    archive = catalogue.archives.find("campaign", campaign_id)
    return CampaignPage(
        title=campaign.title,
        status=front.status,
        summary=campaign.summary,
        partners=[Link(partners[p].name, partners[p].url) for p in front.partners],
        releases=catalogue.cards.cards(archive.page_releases(1)),
        feeds=subscribe_links(archive.folder),
        pager=pager(archive, 1),
    )


def partners_directory(catalogue: Catalogue) -> DirectoryPage:
    return DirectoryPage("Partners", [
        (Link(p.name, p.url), p.front.short_name or "")
        for p in sorted(catalogue.newsroom.partners.values(), key=lambda p: p.name.casefold())
    ])


def campaigns_directory(catalogue: Catalogue) -> DirectoryPage:
    return DirectoryPage("Campaigns", [
        (Link(c.title, c.url), c.summary or "")
        for c in sorted(catalogue.newsroom.campaigns.values(), key=lambda c: c.title.casefold())
    ])


def search_page(catalogue: Catalogue) -> SearchPage:
    return SearchPage("Search", "Search the text of every press release, partner and campaign.")


def home(catalogue: Catalogue, count: int) -> HomePage:
    return HomePage(
        catalogue.cards.cards(order.latest(catalogue.releases, count)),
        Link("All press releases", f"{catalogue.folder}press/"),
    )
