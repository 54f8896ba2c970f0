"""Which pages must be rendered again when others change (`mkdocs build --dirty`, `serve`)."""

from __future__ import annotations

from pressroom.core.pages.roles import (
    CampaignRole,
    HomeRole,
    ListingRole,
    PageRole,
    PartnerRole,
    ReleaseRole,
)


def pages_to_rebuild(
    roles: dict[str, PageRole], changed_pages: set[str], rendered_releases: set[str]
) -> set[str]:
    """The pages, by `src_uri`, whose content may differ although their own file did not change.

    - The home, partner and campaign pages list releases: any release may have changed.
    - A release quotes its partners' "About" text and its campaign: it changes with them.
    - A release whose HTML this process does not hold must be rendered, because listings,
      feeds and search quote every release. In a fresh `build --dirty` that is all of them;
      under `serve --dirty`, after the first build, none.

    Listings are not named: they have no source file, so they are always rendered.
    `changed_pages` are the partner and campaign pages whose files changed, by `src_uri`.
    """
    partners, campaigns = set(), set()
    for src_uri in changed_pages:
        match roles.get(src_uri):
            case PartnerRole(partner):
                partners.add(partner.id)
            case CampaignRole(campaign):
                campaigns.add(campaign.id)
    rebuild = set()
    for src_uri, role in roles.items():
        match role:
            case HomeRole() | PartnerRole() | CampaignRole():
                rebuild.add(src_uri)
            case ReleaseRole(release):
                quotes_change = bool(partners & set(release.front.partners)) or (
                    release.front.campaign in campaigns
                )
                if quotes_change or release.url not in rendered_releases:
                    rebuild.add(src_uri)
            case ListingRole():
                pass
    return rebuild
