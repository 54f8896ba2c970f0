"""What a page shows and says of itself (title, template, description, feeds), by its role."""

from __future__ import annotations

from pressroom.core.content.newsroom import Release
from pressroom.core.outputs import sharing
from pressroom.core.outputs.syndication import SiteSettings
from pressroom.core.pages.roles import (
    CampaignRole,
    HomeRole,
    ListingRole,
    PageRole,
    PartnerRole,
    ReleaseRole,
)
from pressroom.core.views import pages as views
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.html_text import first_paragraph_text, with_dateline
from pressroom.core.views.models import Rendered


def template(role: PageRole) -> str:
    match role:
        case ListingRole(page):
            return page.template
        case ReleaseRole():
            return "pressroom/release.html"
        case PartnerRole():
            return "pressroom/partner.html"
        case CampaignRole():
            return "pressroom/campaign.html"
        case HomeRole():
            return "pressroom/home.html"


def title(role: PageRole) -> str | None:
    """The page's title, where Pressroom gives it rather than the page's own heading."""
    match role:
        case ReleaseRole(release):
            return release.title
        case ListingRole(page):
            return page.title
        case PartnerRole(partner):
            return partner.name
        case _:
            return None


def view(role: PageRole, catalogue: Catalogue, latest: int, site_url: str) -> object:
    """What the page's template lays out; called once every body is rendered."""
    match role:
        case ReleaseRole(release):
            return views.release_page(catalogue, release, site_url=site_url)
        case ListingRole(page):
            return page.view()
        case PartnerRole(partner):
            return views.partner_page(catalogue, partner.id)
        case CampaignRole(campaign):
            return views.campaign_page(catalogue, campaign.id)
        case HomeRole():
            return views.home(catalogue, latest)


def sidebars_to_hide(role: PageRole | None, *, tabs: bool, sections: bool) -> list[str]:
    """Material's sidebars that would hold nothing on a page: with navigation tabs and no
    sections, the left one lists only the page itself; Pressroom's pages have no contents."""
    hidden = ["navigation"] if tabs and not sections else []
    return [*hidden, "toc"] if role is not None else hidden


def keep_rendered(role: PageRole, body_html: str, rendered: Rendered, *, public: bool) -> str:
    """Keep the HTML the generator made for the listings, feeds and search that quote it, and
    give back the page's body: a release's opens with its dateline."""
    match role:
        case ReleaseRole(release):
            body_html = with_dateline(body_html, release.front.location)
            if public:  # one copy, shared by the page, its feed entries and the search index
                rendered.release_html[release.url] = body_html
        case PartnerRole(partner):
            rendered.boilerplate_html[partner.url] = body_html
        case CampaignRole(campaign):
            rendered.campaign_html[campaign.url] = body_html
    return body_html


def description(role: PageRole, catalogue: Catalogue, body_html: str) -> str | None:
    """The page's summary for link previews and search engines, where Pressroom has one."""
    match role:
        case ReleaseRole(release):
            return catalogue.summary(release)
        case PartnerRole():
            return first_paragraph_text(body_html)  # the first words of the "About" text
        case CampaignRole(campaign):
            return campaign.summary
        case _:
            return None


def advertised_feeds(role: PageRole, settings: SiteSettings) -> list[tuple[str, str, str]]:
    """Feeds a page advertises besides the site's: its partner's or campaign's own."""
    match role:
        case PartnerRole(partner):
            return sharing.feed_links(settings, partner.url, partner.name)
        case CampaignRole(campaign):
            return sharing.feed_links(settings, campaign.url, campaign.title)
        case _:
            return []


def head(
    role: PageRole | None, catalogue: Catalogue, settings: SiteSettings, default_image: str,
    *, title: str, description: str, url: str, versions: list[tuple[str, str]],
    translations: list[Release],
) -> sharing.HeadMeta:
    """What the page's <head> tells feed readers, social networks and search engines.

    `versions`: the page in each language, as (language, URL); `translations`: a release's
    versions, for its structured data."""
    if isinstance(role, ReleaseRole):
        meta = sharing.release_meta(catalogue, role.release, settings, default_image,
                                    translations)
    else:
        extra = advertised_feeds(role, settings) if role is not None else []
        meta = sharing.page_meta(settings, title, description, url, default_image, extra)
    return sharing.with_versions(meta, settings, versions)
