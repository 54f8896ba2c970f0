"""What a page is to Pressroom: the home page, a release, a partner, a campaign or a listing."""

from __future__ import annotations

from dataclasses import dataclass

from pressroom.core.content.newsroom import Campaign, Newsroom, Partner, Release
from pressroom.core.pages.generated import GeneratedPage

HOME_PAGE = "index.md"


@dataclass(frozen=True)
class HomeRole:
    pass


@dataclass(frozen=True)
class ReleaseRole:
    release: Release


@dataclass(frozen=True)
class PartnerRole:
    partner: Partner


@dataclass(frozen=True)
class CampaignRole:
    campaign: Campaign


@dataclass(frozen=True)
class ListingRole:
    page: GeneratedPage


PageRole = HomeRole | ReleaseRole | PartnerRole | CampaignRole | ListingRole


def page_roles(
    newsroom: Newsroom, docs_pages: set[str], generated: list[GeneratedPage]
) -> dict[str, PageRole]:
    """Each page's role, by its place among the site's files (`src_uri`). Partner and campaign
    pages are the site's own files; releases and listings are Pressroom's."""
    roles: dict[str, PageRole] = {HOME_PAGE: HomeRole()}
    for partner in newsroom.partners.values():
        if (src_uri := f"partners/{partner.id}.md") in docs_pages:
            roles[src_uri] = PartnerRole(partner)
    for campaign in newsroom.campaigns.values():
        if (src_uri := f"campaigns/{campaign.id}.md") in docs_pages:
            roles[src_uri] = CampaignRole(campaign)
    roles.update({release.src_uri: ReleaseRole(release) for release in newsroom.releases})
    roles.update({page.src_uri: ListingRole(page) for page in generated})
    return roles
