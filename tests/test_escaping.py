"""Front-matter text is text: hostile markup is shown escaped, never run (issue 2, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from sitebuild import FIXTURES, Build, copy_site, run_build

HOSTILE = '<script>alert(1)</script> "quotes" & ampersands &lt;/title&gt;'
TITLE = f"Title {HOSTILE}"
SUBTITLE = f"Subtitle {HOSTILE} <marquee>moving</marquee>"
LOCATION = 'Springfield <script>alert(3)</script> "quotes" & ampersands'
CONTACT = 'Contact <script>alert(4)</script> "quotes" & <img src=x onerror=alert(7)>'
TOPIC = "<script>alert(5)</script>"
URL = "press/2022/hostile/"


def yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


RELEASE = f"""\
---
title: {yaml_quoted(TITLE)}
subtitle: {yaml_quoted(SUBTITLE)}
date: 2022-04-01
location: {yaml_quoted(LOCATION)}
partners: [data-justice]
contacts:
  - name: {yaml_quoted(CONTACT)}
    email: hostile@example.org
topics: [{yaml_quoted(TOPIC)}, ordinary]
---
A calm body paragraph about <b>bold</b> claims.
"""

# A body whose first line reads like MultiMarkdown metadata, with a rule later on: all of it is
# the release's text, none of it settings.
PLAIN_LOOKING = """\
---
title: Statement on the vote
date: 2019-04-02
partners: [data-justice]
---
Washington: the coalition welcomed the vote.
Status: final

---

After the rule, more words.
"""

# Script types browsers never execute: data blocks such as JSON-LD may carry the text.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("hostile") / "site")
    (site / "press_releases" / "2022-04-01-hostile.md").write_text(RELEASE, encoding="utf-8")
    releases = site / "press_releases"
    (releases / "2019-04-02-statement-on-the-vote.md").write_text(PLAIN_LOOKING, encoding="utf-8")
    build = run_build(site, "--strict")
    assert build.ok, build.log
    return build


def assert_nothing_injected(path: Path, out: Path) -> None:
    tree = lxml_html.fromstring(path.read_bytes())
    where = path.relative_to(out).as_posix()
    for script in tree.iter("script"):
        code = script.text or ""
        kind = (script.get("type") or "text/javascript").lower()
        assert "<script" not in code.lower() and "</script" not in code.lower(), where
        if kind not in DATA_SCRIPT_TYPES:
            assert "alert(" not in code.lower(), f"executable injected script in {where}"
    assert not list(tree.iter("marquee")), f"user text became a <marquee> element in {where}"
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not (name.startswith("on") and "alert" in value), (
                f"injected {name} attribute on <{element.tag}> in {where}"
            )
        if element.tag == "img":
            assert element.get("src") != "x", f"injected <img> in {where}"


def test_no_page_carries_injected_markup(hostile: Build) -> None:
    pages = sorted(hostile.out.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        assert_nothing_injected(path, hostile.out)


def test_release_page_shows_the_text_intact(hostile: Build) -> None:
    page = hostile.page(URL)
    (h1,) = page.xpath("//h1")
    assert h1.text_content() == TITLE
    assert norm(page.findtext(".//title")).startswith(norm(TITLE))
    text = norm(page.text_content())
    for shown in (SUBTITLE, LOCATION.upper() + " --", CONTACT, TOPIC):
        assert norm(shown) in text, f"{shown!r} is not shown as text"
    raw = hostile.text(f"{URL}index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "&amp;lt;/title&amp;gt;" in raw  # the literal entity text, not a closing tag
    # Markdown in the body is the author's own markup and still renders.
    assert page.xpath('//p[contains(., "A calm body paragraph")]/b')


@pytest.mark.parametrize("url", ["press/", "press/2022/", "partners/data-justice/", "",
                                 "press/topics/ordinary/"])
def test_listings_show_the_title_as_text(hostile: Build, url: str) -> None:
    page = hostile.page(url)
    links = [a for a in page.iter("a") if a.text_content() == TITLE]
    assert links, f"the hostile title is not shown intact on /{url}"


def test_topic_page_title(hostile: Build) -> None:
    topic_pages = [p for p in (hostile.out / "press" / "topics").iterdir()
                   if p.name not in ("ordinary",)]
    (topic,) = [p for p in topic_pages if "script" in p.name]
    assert all(c.isalnum() or c == "-" for c in topic.name), topic.name
    page = lxml_html.fromstring((topic / "index.html").read_bytes())
    (h1,) = page.xpath("//h1")
    assert TOPIC in h1.text_content()


def test_search_index_keeps_the_text_as_text(hostile: Build) -> None:
    # The index holds plain text: the Search page's script puts every value in as text
    # (textContent), and only Pagefind's own <mark> around matches becomes markup.
    record = hostile.search_records()["/" + URL]
    assert record["meta"]["title"] == TITLE  # as staff wrote it, neither dropped nor escaped
    assert norm(LOCATION.upper()) in norm(record["content"])
    script = (hostile.out / "assets" / "pressroom" / "search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


def test_body_opening_like_metadata_is_text(hostile: Build) -> None:
    page = hostile.page("press/2019/statement-on-the-vote/")
    (body,) = page.xpath('//*[@class="pressroom-release__body"]')
    text = norm(body.text_content())
    assert text.startswith("Washington: the coalition welcomed the vote. Status: final")
    assert body.xpath(".//hr") and text.endswith("After the rule, more words.")
