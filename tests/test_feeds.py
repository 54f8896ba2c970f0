"""Feeds and page metadata, read back with real parsers (feedparser, json, lxml)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from sitebuild import Build, run_build

SITE = "https://newsroom.example.org/"
HOSTILE = 'Coalition says "No" & means it </script><script>alert(1)</script>'


def parse(build: Build, relative: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(build.text(relative))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_site_feeds_read_cleanly_newest_first(built_fixture: Build, name: str) -> None:
    feed = parse(built_fixture, f"press/{name}")
    links = [entry.link for entry in feed.entries]
    assert len(links) == 8
    assert all(link.startswith(SITE + "press/") for link in links)
    assert links[0] == SITE + "press/2025/face-matching-tool-check-ins/"
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    first = feed.entries[0]
    assert first.id.startswith("tag:newsroom.example.org,2025-03-06:")
    assert "Zanzibarite" in first.content[0].value
    assert {tag.term for tag in first.tags}
    assert first.summary


def test_feed_entries_carry_partners_topics_and_absolute_links(built_fixture: Build) -> None:
    atom = parse(built_fixture, "press/atom.xml")
    drones = next(e for e in atom.entries if "drone" in e.link)
    assert [a.name for a in drones.authors] == [
        "Data Justice Alliance", "Border Rights Network", "Sanctuary Legal Collective"
    ]
    assert all(a.href.startswith(SITE + "partners/") for a in drones.authors)
    assert drones.published.startswith("2023-05-04T00:00:00")
    content = drones.content[0].value
    assert "###" in content
    assert 'href="/' not in content and 'href="../' not in content


def test_json_feed_has_the_required_fields(built_fixture: Build) -> None:
    feed = json.loads(built_fixture.text("press/feed.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == SITE + "press/"
    assert feed["feed_url"] == SITE + "press/feed.json"
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith(SITE)
        assert item["content_html"] and item["date_published"][10] == "T"
        assert item["authors"] and all(a["name"] for a in item["authors"])


def test_partner_and_campaign_feeds_exist_and_are_advertised(built_fixture: Build) -> None:
    for folder in ("partners/data-justice/", "campaigns/stop-face-surveillance/"):
        feed = parse(built_fixture, folder + "feed.xml")
        assert feed.entries
        page = built_fixture.page(folder)
        advertised = [urljoin(SITE + folder, href)
                      for href in page.xpath("//link[@rel='alternate']/@href")]
        assert SITE + folder + "atom.xml" in advertised
        assert SITE + "press/feed.xml" in advertised
        # Material fetches sitemap.xml beside each advertised feed: it must exist.
        assert (built_fixture.out / folder / "sitemap.xml").is_file()


def test_every_page_advertises_the_site_feeds(built_fixture: Build) -> None:
    for html_file in built_fixture.out.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        text = html_file.read_text(encoding="utf-8")
        for kind in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
            assert f'type="{kind}"' in text, html_file


def test_press_index_shows_subscribe_links(built_fixture: Build) -> None:
    page = built_fixture.page("press/")
    hrefs = page.xpath("//*[@class='pressroom-subscribe']//a/@href")
    assert hrefs == ["feed.xml", "atom.xml", "feed.json"]


def test_release_page_metadata(built_fixture: Build) -> None:
    page = built_fixture.page("press/2023/coalition-sues-dhs-drone-surveillance-records/")
    url = SITE + "press/2023/coalition-sues-dhs-drone-surveillance-records/"
    head = {m.get("property") or m.get("name"): m.get("content") for m in page.xpath("//meta")}
    assert page.xpath("//link[@rel='canonical']/@href") == [url]
    assert head["og:type"] == "article" and head["og:url"] == url
    assert head["og:image"] == SITE + "assets/pressroom/social.png"
    assert head["description"] == head["og:description"]
    assert head["article:published_time"].startswith("2023-05-04T")
    assert head["twitter:card"] == "summary_large_image"
    data = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.xpath("string(//h1)")
    assert data["dateline"] == "Washington, D.C."
    assert data["datePublished"].startswith("2023-05-04T")
    assert data["mainEntityOfPage"]["@id"] == url
    assert [a["@type"] for a in data["author"]] == ["Organization"] * 3
    assert all(a["url"].startswith("https://") for a in data["author"])


def test_sitemap_lists_releases_partners_and_campaigns_with_lastmod(built_fixture: Build) -> None:
    from lxml import etree

    tree = etree.fromstring(built_fixture.text("sitemap.xml").encode())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in tree.findall("s:url", ns)
    }
    assert entries[SITE + "press/2019/know-your-rights-workshops-launch/"] == "2019-09-25"
    assert SITE + "partners/data-justice/" in entries
    assert SITE + "campaigns/know-your-rights/" in entries
    assert all(entries.values())


def test_missing_site_url_is_a_clear_error(fixture_site: Path) -> None:
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"site_url: {SITE}\n", ""), encoding="utf-8")
    build = run_build(fixture_site)
    assert not build.ok
    assert "site_url" in build.log and "feeds" in build.log


def test_hostile_title_round_trips_through_every_format(fixture_site: Path) -> None:
    release = fixture_site / "press_releases" / "2026-01-05-hostile.md"
    release.write_text(
        f"---\ntitle: '{HOSTILE}'\ndate: 2026-01-05\nlocation: '<b>Austin</b>'\n"
        "partners: [data-justice]\n---\nBody of the hostile release.\n",
        encoding="utf-8",
    )
    build = run_build(fixture_site, "--strict")
    assert build.ok, build.log
    rss, atom = parse(build, "press/feed.xml"), parse(build, "press/atom.xml")
    assert rss.entries[0].title == HOSTILE and atom.entries[0].title == HOSTILE
    assert json.loads(build.text("press/feed.json"))["items"][0]["title"] == HOSTILE
    page = build.page("press/2026/hostile/")
    scripts = page.xpath("//script[not(@src)]/text()")
    assert not any("alert(1)" in s and "ld+json" not in s for s in scripts if "@context" not in s)
    data = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["headline"] == HOSTILE and data["dateline"] == "<b>Austin</b>"
    assert page.xpath("string(//h1)") == HOSTILE
    assert page.xpath("//meta[@property='og:title']/@content") == [HOSTILE]
    assert page.xpath("//title/text()")[0].startswith(HOSTILE)
    assert page.xpath("string(//*[@class='pressroom-dateline'])") == "<B>AUSTIN</B> --"
