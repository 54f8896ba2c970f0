"""What a page is to Pressroom: the home page, a release, a partner, a campaign or a listing."""

from __future__ import annotations

from dataclasses import dataclass

from pressroom.core.content.languages import prefix
from pressroom.core.content.newsroom import Campaign, Newsroom, Partner, Release
from pressroom.core.pages.generated import GeneratedPage

HOME_PAGE = "index.md"


@dataclass(frozen=True)
class HomeRole:
    lang: str = "en"


@dataclass(frozen=True)
class ReleaseRole:
    release: Release

    @property
    def lang(self) -> str:
        return self.release.lang


@dataclass(frozen=True)
class PartnerRole:
    partner: Partner

    @property
    def lang(self) -> str:
        return self.partner.lang


@dataclass(frozen=True)
class CampaignRole:
    campaign: Campaign

    @property
    def lang(self) -> str:
        return self.campaign.lang


@dataclass(frozen=True)
class ListingRole:
    page: GeneratedPage

    @property
    def lang(self) -> str:
        return self.page.lang


PageRole = HomeRole | ReleaseRole | PartnerRole | CampaignRole | ListingRole


def page_roles(
    newsroom: Newsroom, pages: dict[str, str], generated: list[GeneratedPage]
) -> dict[str, PageRole]:
    """Each page's role, by its place among the site's files (`src_uri`).

    `pages` maps the site's own pages from their address (`es/partners/mijente.md`, see
    `languages.address`) to their file (`partners/mijente.es.md`). Home, partner and campaign
    pages are the site's files, or ones Pressroom adds for a language that lacks its own.
    """
    roles: dict[str, PageRole] = {}
    for lang in newsroom.languages:
        folder = prefix(lang, newsroom.languages)
        if (src_uri := pages.get(folder + HOME_PAGE)) is not None:
            roles[src_uri] = HomeRole(lang)
        for partner in newsroom.partners.values():
            if (src_uri := pages.get(f"{folder}partners/{partner.id}.md")) is not None:
                roles[src_uri] = PartnerRole(partner.in_language(lang, folder))
        for campaign in newsroom.campaigns.values():
            if (src_uri := pages.get(f"{folder}campaigns/{campaign.id}.md")) is not None:
                roles[src_uri] = CampaignRole(campaign.in_language(lang, folder))
    roles.update({release.src_uri: ReleaseRole(release) for release in newsroom.releases})
    roles.update({page.src_uri: ListingRole(page) for page in generated})
    return roles


def pages_to_add(newsroom: Newsroom, pages: dict[str, str]) -> dict[str, str]:
    """The home, partner and campaign pages a language lacks, by address, each with the file of
    the default language's page whose text it shows until it is translated."""
    missing = {}
    originals = [HOME_PAGE, *(f"partners/{p}.md" for p in newsroom.partners),
                 *(f"campaigns/{c}.md" for c in newsroom.campaigns)]
    for lang in newsroom.languages[1:]:
        folder = prefix(lang, newsroom.languages)
        for original in originals:
            if original in pages and folder + original not in pages:
                missing[folder + original] = pages[original]
    return missing
