"""What each kind of page shows, built from one build's catalogue, in the page's language."""

from __future__ import annotations

from urllib.parse import quote

from pressroom.core.content.front_matter import Contact
from pressroom.core.content.newsroom import Release
from pressroom.core.i18n.words import Words, around
from pressroom.core.listings import order
from pressroom.core.listings.archive import Archive, pager
from pressroom.core.outputs.feeds import FEED_FILES, absolute
from pressroom.core.outputs.filter_index import INDEX_PATH
from pressroom.core.outputs.release_text import text_path
from pressroom.core.views import partners as partner_views
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
    MediaKit,
    MediaPage,
    Paging,
    PartnerLogo,
    PartnerPage,
    Phrase,
    ReleasePage,
    SearchPage,
    Sharing,
)
from pressroom.core.views.notices import notice


def subscribe_links(folder: str) -> list[Link]:
    """Visible links to the feeds in a folder: RSS, Atom, JSON Feed."""
    return [Link(label, folder + file_name) for file_name, _mime, label in FEED_FILES.values()]


def paging(archive: Archive, number: int, words: Words) -> Paging | None:
    found = pager(archive, number)
    if found is None:
        return None
    return Paging(
        label=words.pager_label(found.number, found.count),
        newer=Link(words.newer, found.newer) if found.newer else None,
        older=Link(words.older, found.older) if found.older else None,
        pages=found.pages,
    )


def archive_title(catalogue: Catalogue, archive: Archive, words: Words) -> str:
    """The listing's title in the page's language: of all releases, a year, topic, partner or
    campaign, by that one's name."""
    newsroom = catalogue.newsroom
    match archive.kind:
        case "topic":
            name = next(t.label for t in catalogue.archives.topics if t.slug == archive.key)
        case "partner":
            name = newsroom.partners[archive.key].name
        case "campaign":
            name = newsroom.campaigns[archive.key].title
        case _:
            name = archive.key
    return words.archive_title(archive.kind, name)


def plain_feed_links(folder: str, words: Words) -> list[Link]:
    """The feeds in plain words: "Follow by RSS", "Follow by Atom", "JSON Feed"."""
    return [Link(words.feed_names[kind], folder + file_name)
            for kind, (file_name, _mime, _label) in FEED_FILES.items()]


def contact_views(
    catalogue: Catalogue, contacts: list[Contact], organisation: str | None = None,
    title_lang: str | None = None,
) -> list[ContactView]:
    """Contacts as pages show them, each with its organisation's name (`organisation` where a
    contact names none)."""
    partners = catalogue.newsroom.partners
    return [
        ContactView(
            contact.name, contact.title,
            partners[contact.org].name if contact.org else organisation,
            contact.email, contact.phone, title_lang,
        )
        for contact in contacts
    ]


def sharing(catalogue: Catalogue, release: Release, site_url: str,
            language: str | None = None) -> Sharing:
    words = catalogue.words(language)
    address = absolute(site_url, release.url)
    email = f"mailto:?subject={quote(release.title, safe='')}&body={quote(address, safe='')}"
    return Sharing(
        label=words.share, email=Link(words.share_email, email), copy=words.share_copy,
        copied=words.share_copied, address=address,
        download=Link(words.download_text, text_path(release.url)),
    )


def release_page(
    catalogue: Catalogue, release: Release, language: str | None = None, site_url: str = "/",
) -> ReleasePage:
    words = catalogue.words(language)
    partners = catalogue.newsroom.partners
    campaign = catalogue.newsroom.campaigns.get(release.front.campaign or "")
    before, after = around(words.about, "name")

    def untranslated(field: str) -> str | None:
        """A translation's field taken from its original is in the original's language."""
        return catalogue.newsroom.languages[0] if field in release.inherited else None

    return ReleasePage(
        card=catalogue.cards.card(release, language),
        release_line=words.release_line,
        dateline=dateline(release.front.location),
        contacts=contact_views(catalogue, release.front.contacts,
                               title_lang=untranslated("contacts")),
        contacts_label=words.contacts_label(len(release.front.contacts)),
        campaign=Link(campaign.title, campaign.url) if campaign else None,
        topics=[Link(topic.label, topic.url, None if topic.labelled else untranslated("topics"))
                for topic in release.topics],
        abouts=[
            About(partners[p].name, partners[p].url,
                  catalogue.rendered.boilerplate_html.get(partners[p].url, ""),
                  Phrase(before, Link(partners[p].name, partners[p].url), after),
                  partners[p].boilerplate_lang)
            for p in release.front.partners
        ],
        banner=notice(release, catalogue.clock, words),
        sharing=sharing(catalogue, release, site_url, language),
    )


def listing_page(
    catalogue: Catalogue, archive: Archive, number: int = 1, language: str | None = None
) -> ListingPage:
    words = catalogue.words(language)
    cards = catalogue.cards
    on_page = archive.page_releases(number)
    if archive.kind == "year":
        groups = [Group(archive.key, None, cards.cards(on_page, language))]
    else:
        groups = [
            Group(str(year), f"{catalogue.folder}press/{year}/", cards.cards(in_year, language))
            for year, in_year in order.by_year(on_page)
        ]
    is_press = archive.kind == "press"
    return ListingPage(
        title=words.page_title(archive_title(catalogue, archive, words), number),
        groups=groups,
        browse=catalogue.browse(language),
        empty=words.no_releases,
        # A year or topic has no feed of its own: its page offers everything's.
        feeds=subscribe_links(archive.folder if archive.has_feeds else f"{catalogue.folder}press/"),
        pager=paging(archive, number, words),
        filters=catalogue.filters(language) if is_press else [],
        filter_index=catalogue.folder + INDEX_PATH if is_press else None,
    )


def partner_page(catalogue: Catalogue, partner_id: str, language: str | None = None) -> PartnerPage:
    words = catalogue.words(language)
    partner = catalogue.newsroom.partners[partner_id]
    archive = catalogue.archives.find("partner", partner_id)
    return PartnerPage(
        name=partner.name,
        short_name=partner.short_name if partner.short_name != partner.name else None,
        website=partner_views.website(partner),
        logo=partner_views.logo(partner, words),
        about=words.about_name(partner.name),
        about_lang=partner.boilerplate_lang,
        social=partner_views.social(partner),
        contacts=partner_views.contacts(partner),
        releases=catalogue.cards.cards(archive.page_releases(1), language),
        feeds=subscribe_links(archive.folder),
        pager=paging(archive, 1, words),
    )


def media_page(catalogue: Catalogue, language: str | None = None) -> MediaPage:
    words = catalogue.words(language)
    return MediaPage(
        title=words.media,
        intro=words.media_intro,
        feeds=subscribe_links(f"{catalogue.folder}press/"),
        partners=[
            MediaKit(
                name=Link(partner.name, partner.url),
                logo=partner_views.logo(partner, words),
                contacts=partner_views.contacts(partner),
                about=words.about_name(partner.name),
                boilerplate_html=catalogue.rendered.boilerplate_html.get(partner.url, ""),
                feeds=subscribe_links(partner.url),
                about_lang=partner.boilerplate_lang,
            )
            for partner in sorted(catalogue.newsroom.partners.values(),
                                  key=lambda p: p.name.casefold())
        ],
    )


def campaign_page(
    catalogue: Catalogue, campaign_id: str, language: str | None = None
) -> CampaignPage:
    words = catalogue.words(language)
    campaign = catalogue.newsroom.campaigns[campaign_id]
    front = campaign.front
    partners = catalogue.newsroom.partners
    archive = catalogue.archives.find("campaign", campaign_id)
    return CampaignPage(
        title=campaign.title,
        status=front.status,
        status_label=words.campaign_status[front.status],
        summary=campaign.summary,
        description_lang=campaign.description_lang,
        partners=[Link(partners[p].name, partners[p].url) for p in front.partners],
        releases=catalogue.cards.cards(archive.page_releases(1), language),
        feeds=subscribe_links(archive.folder),
        pager=paging(archive, 1, words),
    )


def partners_directory(catalogue: Catalogue, language: str | None = None) -> DirectoryPage:
    return DirectoryPage(catalogue.words(language).partners, [
        (Link(p.name, p.url), p.short_name or "")
        for p in sorted(catalogue.newsroom.partners.values(), key=lambda p: p.name.casefold())
    ])


def campaigns_directory(catalogue: Catalogue, language: str | None = None) -> DirectoryPage:
    return DirectoryPage(catalogue.words(language).campaigns, [
        (Link(c.title, c.url), c.summary or "")
        for c in sorted(catalogue.newsroom.campaigns.values(), key=lambda c: c.title.casefold())
    ])


def search_page(catalogue: Catalogue, language: str | None = None) -> SearchPage:
    words = catalogue.words(language)
    before, after = around(words.search_without_script, "link")
    return SearchPage(
        words.search, words.search_hint,
        Phrase(before, Link(words.search_without_script_link, f"{catalogue.folder}press/"),
               after),
        words.search_messages,
    )


def home(catalogue: Catalogue, count: int, language: str | None = None) -> HomePage:
    """The front page: the featured release, the latest others, whom to call, the feeds and
    the partners."""
    words = catalogue.words(language)
    newsroom = catalogue.newsroom
    featured = featured_release(catalogue.releases)
    others = [release for release in catalogue.releases if release is not featured]
    latest = order.latest(others, count - 1 if featured else count)
    return HomePage(
        featured=catalogue.cards.card(featured, language) if featured else None,
        latest=catalogue.cards.cards(latest, language),
        archive=Link(words.all_releases, f"{catalogue.folder}press/"),
        contacts=media_contacts(catalogue, [featured, *latest] if featured else latest),
        media=Link(words.media_link, f"{catalogue.folder}media/"),
        feeds=plain_feed_links(f"{catalogue.folder}press/", words),
        partners=[
            PartnerLogo(partner.name, partner.url, partner.front.logo)
            for partner in sorted(newsroom.partners.values(), key=lambda p: p.name.casefold())
        ],
    )


def featured_release(releases: list[Release]) -> Release | None:
    """The newest public release marked `featured: true`: marking a new one needs no unmarking
    of the last."""
    return next(iter(order.newest_first(r for r in releases if r.front.featured)), None)


def media_contacts(catalogue: Catalogue, shown: list[Release]) -> list[ContactView]:
    """Whom journalists call: each partner's press contacts from its file, or, where no
    partner file names any, those of the first release on the page that has some."""
    partners = sorted(catalogue.newsroom.partners.values(), key=lambda p: p.name.casefold())
    standing = [view for partner in partners
                for view in contact_views(catalogue, partner.front.contacts, partner.name)]
    if standing:
        return standing
    release = next((r for r in shown if r.front.contacts), None)
    return contact_views(catalogue, release.front.contacts) if release else []
