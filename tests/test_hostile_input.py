"""Hostile or careless input stays harmless: topics in any script, page text that would run a
script, summaries in feeds, images from elsewhere, and the policy every page carries."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from pathlib import Path

import feedparser
import lxml.html
import pytest
from sitebuild import FIXTURE_LANGUAGES, Build

from pressroom.core.content.newsroom import topic_slug
from pressroom.core.content.slugs import slugify
from pressroom.core.errors import ContentErrors
from pressroom.core.loading.load import load_newsroom
from pressroom.core.loading.page_text import body_hazards
from pressroom.core.outputs.csp import content_security_policy
from pressroom.core.outputs.feeds import Feed, FeedEntry, documents

FRONT = "---\ntitle: Hostile\ndate: 2026-01-05\npartners: [data-justice]\n{extra}---\n"


def write_release(site: Path, name: str, body: str = "Text.\n", extra: str = "") -> Path:
    path = site / "press_releases" / f"2026-01-05-{name}.md"
    path.write_text(FRONT.format(extra=extra) + body, encoding="utf-8")
    return path


def problems(site: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_newsroom(site, site / "press_releases", site / "docs", languages=FIXTURE_LANGUAGES)
    return [str(error) for error in raised.value.errors]


def loads(site: Path) -> None:
    load_newsroom(site, site / "press_releases", site / "docs", languages=FIXTURE_LANGUAGES)


# Topics and slugs ------------------------------------------------------------------------

def test_topics_in_other_scripts_get_their_own_addresses() -> None:
    slugs = {topic_slug(label) for label in ["Україна", "日本", "Ελλάδα", "한국", "العربية"]}
    assert len(slugs) == 5 and "topic" not in slugs
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)
    assert topic_slug("Україна") == "ukraina" and topic_slug("日本") == "ri-ben"
    # Latin text keeps the addresses it had.
    assert topic_slug("Política migratoria") == "politica-migratoria"
    assert topic_slug("Facial Recognition!") == "facial-recognition"


def test_slugify_transliterates_headlines_in_any_script() -> None:
    assert slugify("日本の入管") == "ri-benno-ru-guan"
    assert slugify("Україна: ICE & біженці") == "ukraina-ice-and-bizhentsi"
    assert slugify("Défense des Immigrés: ICE’s Contract & Clearview") == (
        "defense-des-immigres-ices-contract-and-clearview"
    )
    assert slugify("🎉🎉") == ""


def test_two_topics_at_one_address_name_each_other(fixture_site: Path) -> None:
    first = write_release(fixture_site, "a", extra="topics: ['日本']\n")
    write_release(fixture_site, "b", extra="topics: [Ri Ben, 'C++']\n")
    write_release(fixture_site, "c", extra="topics: ['C#', 'c++', 'ri-ben']\n")
    found = [p for p in problems(fixture_site) if "topics" in p]
    shown = first.relative_to(fixture_site).as_posix()
    assert found == [
        f"press_releases/2026-01-05-b.md:5: the first topic: 'Ri Ben' would share the address "
        f"/press/topics/ri-ben/ with a different topic of {shown} "
        "(rename one of the two, or spell them alike if they are one topic)",
        "press_releases/2026-01-05-c.md:5: the first topic: 'C#' would share the address "
        "/press/topics/c/ with a different topic of press_releases/2026-01-05-b.md "
        "(rename one of the two, or spell them alike if they are one topic)",
        "press_releases/2026-01-05-c.md:5: the third topic: 'ri-ben' would share the address "
        f"/press/topics/ri-ben/ with a different topic of {shown} "
        "(rename one of the two, or spell them alike if they are one topic)",
    ]


def test_one_topic_spelled_two_ways_is_no_collision(fixture_site: Path) -> None:
    write_release(fixture_site, "a", extra="topics: [Facial recognition]\n")
    write_release(fixture_site, "b", extra="topics: [facial-Recognition]\n")
    loads(fixture_site)


def test_colliding_topics_in_one_release(fixture_site: Path) -> None:
    write_release(fixture_site, "a", extra="topics:\n  - 'A.B'\n  - 'A/B'\n")
    (found,) = problems(fixture_site)
    assert found.startswith("press_releases/2026-01-05-a.md:7: the second topic: 'A/B' would share "
                            "the address /press/topics/a-b/ with a different topic of this release")


# Page text -------------------------------------------------------------------------------

HAZARDS = {
    "event handler": ("Hello\n\n<img src=x onerror=alert(1)>\n", 3, "`onerror` on <img>"),
    "markdown link": ("Para\n\nA [link](javascript:alert(1)) here.\n", 3,
                      "<a href> is a javascript: address"),
    "markdown image": ("![x](data:text/html;base64,AAA)\n", 1, "<img src> is a data: address"),
    "reference link": ("See [this][1].\n\n[1]: JavaScript:alert(1)\n", 3,
                       "<a href> is a javascript: address"),
    "autolink": ("Go <javascript:alert(1)> now\n", 1, "is a javascript: address"),
    "script": ("x\n<script>\nalert(1)\n</script>\n", 2, "<script> is not allowed"),
    "tag over lines": ("a\n\n<img\n  src=x\n  onclick=alert(1)>\n", 3, "`onclick` on <img>"),
    "attr list": ("[x](https://a.org){: onmouseover=\"alert(1)\" }\n", 1, "`onmouseover` on <a>"),
    "iframe": ('<iframe src="https://video.example.com/x"></iframe>\n', 1, "<iframe>"),
    "object": ('<object data="movie.swf"></object>\n', 1, "<object>"),
    "embed": ('<embed src="movie.swf">\n', 1, "<embed>"),
    "form": ('<form action="https://evil.example"><input></form>\n', 1, "<form>"),
    "entity in scheme": ('<a href="java&#x09;script&colon;alert(1)">x</a>\n', 1,
                         "<a href> is a javascript: address"),
    "vbscript": ("<a href='vbscript:msgbox(1)'>x</a>\n", 1, "vbscript: address"),
    "svg handler": ("<svg><animate onbegin=alert(1) attributeName=x dur=1s/></svg>\n", 1,
                    "`onbegin` on <animate>"),
    # Python-Markdown does not take `\\<` for an escape: the tag is real.
    "backslash": ("Not escaped: \\<script>alert(1)</script>\n", 1, "<script>"),
    "code then real": ("`<script>` is shown\n\n<script>alert(1)</script>\n", 3, "<script>"),
    "noscript": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n',
                 1, "<noscript>"),
}


@pytest.mark.parametrize("name", HAZARDS)
def test_hazardous_page_text_is_found_at_its_line(name: str) -> None:
    body, line, message = HAZARDS[name]
    found = body_hazards(body)
    assert found, name
    assert found[0][0] == line
    assert message in found[0][1].message


SAFE = {
    "code span": "Show `<script>alert(1)</script>` and `<img onerror=x>` as code.\n",
    "fenced block": "Text\n\n```html\n<script>alert(1)</script>\n<a href=\"javascript:x\">x"
                    "</a>\n```\n",
    "tilde fence": "~~~\n<iframe src=x></iframe> [x](javascript:y)\n~~~\n",
    "other html": '<div class="note" id="n">Hi <b>there</b>, <a href="https://x.org" '
                  'title="one">x</a><br><img src="../images/a.png" alt=""></div>\n',
    "prose about data": "Data: 40% of [people](https://x.org) and <abbr>ICE</abbr>.\n",
    "words like onion": "Onion=good, one = 1, <em>online</em>\n",
    "entities": "Write &lt;script&gt; in text.\n",
    "mail and phone": "[Write](mailto:a@b.org) or [call](tel:+15550100).\n",
}


@pytest.mark.parametrize("name", SAFE)
def test_harmless_page_text_passes(name: str) -> None:
    assert body_hazards(SAFE[name]) == []


def test_page_text_errors_name_the_file_line_and_body(fixture_site: Path) -> None:
    write_release(fixture_site, "hostile", body="First line.\n\nClick <a href='javascript:x'>"
                  "here</a>.\n\n<iframe src=https://x.example></iframe>\n")
    partner = fixture_site / "docs" / "partners" / "data-justice.md"
    partner.write_text(partner.read_text(encoding="utf-8") + "\n<script>x()</script>\n",
                       encoding="utf-8")
    lines = partner.read_text(encoding="utf-8").count("\n")
    found = [p for p in problems(fixture_site) if ": body: " in p]
    assert found == [
        f"docs/partners/data-justice.md:{lines}: body: <script> is not allowed in a page "
        "(remove it: pages run only the site's own scripts)",
        "press_releases/2026-01-05-hostile.md:8: body: <a href> is a javascript: address "
        "(link to an https:// address, or to a file in docs/)",
        "press_releases/2026-01-05-hostile.md:10: body: <iframe> is not allowed in a page "
        "(remove it, and link to what it showed instead)",
    ]


# Images and logos ------------------------------------------------------------------------

def test_image_and_logo_must_be_files_inside_docs(fixture_site: Path, tmp_path: Path) -> None:
    docs = fixture_site / "docs"
    (docs / "images").mkdir()
    (docs / "images" / "card.png").write_bytes(b"\x89PNG")
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    (docs / "images" / "leak.png").symlink_to(outside)
    named = {
        "ok": "images/card.png",
        "missing": "images/none.png",
        "web": "https://cdn.example.com/card.png",
        "protocol": "//cdn.example.com/card.png",
        "up": "../mkdocs.yml",
        "rooted": "/etc/passwd",
        "link": "images/leak.png",
    }
    for name, image in named.items():
        write_release(fixture_site, name, extra=f"image: '{image}'\n")
    partner = docs / "partners" / "data-justice.md"
    partner.write_text(partner.read_text(encoding="utf-8").replace(
        "name: Data Justice Alliance\n", "name: Data Justice Alliance\nlogo: https://x.org/l.png\n"
    ), encoding="utf-8")
    found = sorted(re.sub(r" \([^()]*\)$", "", p) for p in problems(fixture_site))
    assert found == [
        "docs/partners/data-justice.md:3: logo: 'https://x.org/l.png' is an address on the "
        "web, and the site shows only its own files",
        "press_releases/2026-01-05-link.md:5: image: 'images/leak.png' leads outside docs/ "
        "(through a link)",
        "press_releases/2026-01-05-missing.md:5: image: docs/images/none.png does not exist",
        "press_releases/2026-01-05-protocol.md:5: image: '//cdn.example.com/card.png' is an "
        "address on the web, and the site shows only its own files",
        "press_releases/2026-01-05-rooted.md:5: image: '/etc/passwd' is not a path inside docs/",
        "press_releases/2026-01-05-up.md:5: image: '../mkdocs.yml' is not a path inside docs/",
        "press_releases/2026-01-05-web.md:5: image: 'https://cdn.example.com/card.png' is an "
        "address on the web, and the site shows only its own files",
    ]


# Feeds -----------------------------------------------------------------------------------

def test_rss_description_shows_markup_in_a_summary_as_text() -> None:
    summary = 'Read <img src=x onerror=alert(1)> & "R&D" <b>now</b>'
    entry = FeedEntry(
        "tag:x.org,2026-01-05:a", "https://x.org/press/a/", "Title", summary, "<p>Body</p>",
        dt.datetime(2026, 1, 5, tzinfo=dt.UTC), [("Org", "https://x.org/partners/o/")], [],
    )
    feed = Feed("press/", "Site", "Releases", "https://x.org/press/", "en", [entry])
    files = documents(feed, "https://x.org/")
    for name, kind in (("press/feed.xml", "text/html"), ("press/atom.xml", "text/plain")):
        parsed = feedparser.parse(files[name])
        assert not parsed.bozo
        detail = parsed.entries[0].summary_detail
        assert detail.type == kind
        if kind == "text/html":
            shown = lxml.html.fragment_fromstring(detail.value, create_parent="div")
            assert len(shown) == 0, detail.value  # no element: all of it is text
            assert shown.text_content() == summary
        else:
            assert detail.value == summary


# The policy on every page ----------------------------------------------------------------

def test_policy_hashes_exactly_the_scripts_that_run() -> None:
    policy = content_security_policy(
        '<script>a()</script><script type="application/json">{"b": 1}</script>'
        '<script src="x.js"></script><script type="application/ld+json">{}</script>'
    )
    digest = base64.b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}'" in policy
    assert policy.count("sha256-") == 1
    # `mkdocs serve` injects a script of its own, different on every request.
    preview = content_security_policy("<script>a()</script>", live_reload=True)
    assert "script-src 'self' 'unsafe-inline';" in preview + ";" and "sha256" not in preview


def test_every_page_carries_the_policy_first_and_it_covers_its_scripts(
    built_fixture: Build,
) -> None:
    pages = sorted(built_fixture.out.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = lxml.html.fromstring(path.read_bytes())
        head = page.find("head")
        assert [e.tag for e in head[:2]] == ["meta", "meta"], path
        assert head[1].get("http-equiv") == "Content-Security-Policy", path
        policy = dict(part.strip().split(" ", 1) for part in head[1].get("content").split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert policy["img-src"] == "'self' data:" and policy["base-uri"] == "'self'"
        assert "http" not in head[1].get("content"), "no other origin, for anything"
        allowed = set(re.findall(r"'sha256-([^']+)'", policy["script-src"]))
        for script in page.iter("script"):
            if script.get("src") or script.get("type") in ("application/json",
                                                           "application/ld+json"):
                continue
            text = (script.text or "").encode("utf-8")
            digest = base64.b64encode(hashlib.sha256(text).digest()).decode()
            assert digest in allowed, f"{path}: inline script not in the policy: {text[:80]!r}"
