"""Pure core rules about pages, without MkDocs: roles, what each page says of itself, which
feeds it advertises, and which pages a `--dirty` build renders again."""

from __future__ import annotations

import pytest
from sitebuild import FIXTURE_CLOCK, FIXTURES

from pressroom.core.content.newsroom import Newsroom
from pressroom.core.outputs.syndication import SiteSettings
from pressroom.core.pages import presenting
from pressroom.core.pages.dependencies import pages_to_rebuild
from pressroom.core.pages.generated import generated_pages
from pressroom.core.pages.roles import (
    CampaignRole,
    HomeRole,
    ListingRole,
    PartnerRole,
    ReleaseRole,
    page_roles,
)
from pressroom.core.views.catalogue import Catalogue
from pressroom.core.views.models import Rendered

SITE = FIXTURES / "site"
CLOCK = FIXTURE_CLOCK
SETTINGS = SiteSettings(
    site_url="https://newsroom.example.org/", site_name="Fixture", description="",
    language="en", timezone="UTC", feed_length=20,
)
DRONES = "press/2023/coalition-sues-dhs-drone-surveillance-records.md"


@pytest.fixture(scope="module")
def roles(newsroom: Newsroom, catalogue: Catalogue) -> dict:
    docs = {"index.md", "about.md", "partners/data-justice.md", "campaigns/know-your-rights.md"}
    return page_roles(newsroom, {uri: uri for uri in docs}, generated_pages(catalogue, docs))


def test_every_page_gets_one_typed_role(roles: dict) -> None:
    assert isinstance(roles["index.md"], HomeRole)
    assert isinstance(roles["partners/data-justice.md"], PartnerRole)
    assert isinstance(roles["campaigns/know-your-rights.md"], CampaignRole)
    assert isinstance(roles[DRONES], ReleaseRole)
    assert isinstance(roles["press/index.md"], ListingRole)
    assert isinstance(roles["press/page/2/index.md"], ListingRole)  # 8 releases, 3 a page
    # A partner without a page of its own in docs/ has no role; about.md is the site's.
    assert "partners/community-voices.md" not in roles and "about.md" not in roles


def test_templates_and_titles_by_role(roles: dict) -> None:
    release, partner = roles[DRONES], roles["partners/data-justice.md"]
    assert presenting.template(release) == "pressroom/release.html"
    assert presenting.title(release) == "Coalition Sues DHS Over Secret Drone Surveillance Records"
    assert presenting.title(partner) == partner.partner.name
    assert presenting.template(roles["press/page/2/index.md"]) == "pressroom/listing.html"
    assert presenting.title(roles["press/page/2/index.md"]) == "Press releases, page 2"
    assert presenting.title(roles["index.md"]) is None  # the home page's own heading stays


def test_descriptions_by_role(roles: dict, catalogue: Catalogue) -> None:
    boilerplate = "<p><strong>Data Justice</strong> defends\n privacy.</p><p>More.</p>"
    assert presenting.description(roles["partners/data-justice.md"], catalogue,
                                  boilerplate) == "Data Justice defends privacy."
    campaign = roles["campaigns/know-your-rights.md"]
    assert presenting.description(campaign, catalogue, "") == campaign.campaign.front.summary
    assert presenting.description(roles["index.md"], catalogue, "<p>Hi</p>") is None


def test_a_release_without_a_summary_is_described_by_its_first_paragraph(
    roles: dict, catalogue: Catalogue,
) -> None:
    role = roles[DRONES]
    rendered = Rendered()
    own = Catalogue(catalogue.newsroom, CLOCK, preview=False, rendered=rendered)
    assert presenting.description(role, own, "") == ""  # not rendered yet: no guess
    body = presenting.keep_rendered(role, "<p>Filed today.</p>", rendered, public=True)
    assert body.startswith('<p><span class="pressroom-dateline">WASHINGTON, D.C. --</span>')
    assert presenting.description(role, own, body) == "Filed today."


def test_a_held_back_release_is_rendered_but_never_kept_for_listings(roles: dict) -> None:
    rendered = Rendered()
    presenting.keep_rendered(roles[DRONES], "<p>Secret.</p>", rendered, public=False)
    assert rendered.release_html == {}


def test_partner_and_campaign_pages_advertise_their_own_feeds(roles: dict) -> None:
    partner = presenting.advertised_feeds(roles["partners/data-justice.md"], SETTINGS)
    name = roles["partners/data-justice.md"].partner.name
    assert partner == [
        ("application/rss+xml", f"{name} (RSS)", "partners/data-justice/feed.xml"),
        ("application/atom+xml", f"{name} (Atom)", "partners/data-justice/atom.xml"),
        ("application/feed+json", f"{name} (JSON Feed)", "partners/data-justice/feed.json"),
    ]
    assert presenting.advertised_feeds(roles[DRONES], SETTINGS) == []
    assert presenting.advertised_feeds(roles["press/index.md"], SETTINGS) == []


def test_year_and_topic_listings_offer_the_site_feed(catalogue: Catalogue) -> None:
    by_kind = {archive.kind: archive for archive in catalogue.archives.all}
    assert {kind for kind, a in by_kind.items() if a.has_feeds} == {"press", "partner",
                                                                     "campaign"}


def test_dirty_rebuilds_listing_pages_and_what_quotes_a_changed_partner(roles: dict) -> None:
    everything_rendered = {role.release.url for role in roles.values()
                           if isinstance(role, ReleaseRole)}
    rebuilt = pages_to_rebuild(roles, {"partners/data-justice.md"}, everything_rendered)
    quoting = {uri for uri, role in roles.items() if isinstance(role, ReleaseRole)
               and "data-justice" in role.release.front.partners}
    assert quoting and DRONES in quoting
    assert rebuilt == {"index.md", "partners/data-justice.md",
                       "campaigns/know-your-rights.md", *quoting}


def test_dirty_rebuilds_releases_quoting_a_changed_campaign(roles: dict) -> None:
    rendered = {role.release.url for role in roles.values() if isinstance(role, ReleaseRole)}
    rebuilt = pages_to_rebuild(roles, {"campaigns/know-your-rights.md"}, rendered)
    releases = {uri for uri in rebuilt if isinstance(roles[uri], ReleaseRole)}
    assert releases == {uri for uri, role in roles.items() if isinstance(role, ReleaseRole)
                        and role.release.front.campaign == "know-your-rights"}


def test_dirty_renders_every_release_this_process_has_not_rendered(roles: dict) -> None:
    rebuilt = pages_to_rebuild(roles, set(), rendered_releases=set())
    releases = {uri for uri, role in roles.items() if isinstance(role, ReleaseRole)}
    assert releases <= rebuilt
    assert not any(isinstance(roles[uri], ListingRole) for uri in rebuilt)
