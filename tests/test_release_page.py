"""The shipped seed release, laid out the way the press expects (issue 2, point 4).

Every element is checked against the original text (tests/fixtures/seed, a copy of the seed
release the project was given), and the
elements must appear in the order a journalist reads them.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from sitebuild import REPO, Build

SEED = REPO / "tests" / "fixtures" / "seed" / "000_74b786cb1cae71c5.txt"
URL = "press/2020/clearview-ai-ice-foia/"
HEADLINE = (
    "Immigrant Advocates FOIA for Info on Clearview AI Contract with ICE "
    "for Facial Recognition Technology"
)
SUBTITLE = (
    "Mijente, Immigrant Defense Project, Just Futures Law, and ACLU NorCal say the public "
    "should know how ICE is monitoring their social media accounts"
)
PARTNERS = [  # release order, as the seed's "About" paragraphs are
    ("mijente", "Mijente Support Committee"),
    ("immigrant-defense-project", "Immigrant Defense Project"),
    ("just-futures-law", "Just Futures Law"),
    ("aclu-northern-california", "ACLU of Northern California"),
]
CONTACTS = [
    ("Rachel Cohen", "rachel@immdefense.org"),
    ("Sejal Zota", "sejal@justfutureslaw.org"),
]
TOPICS = ["Surveillance", "Facial recognition", "FOIA", "ICE"]  # labels set in mkdocs.yml


def norm(text: str) -> str:
    return " ".join(text.split())


def markdown_text(paragraph: str) -> str:
    """A paragraph of the seed as a reader sees it: link text kept, link targets gone."""
    return norm(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", paragraph))


def seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [norm(part) for part in re.split(r"\n\s*\n", text) if part.strip()]


def seed_body_and_abouts() -> tuple[list[str], list[str]]:
    paragraphs = seed_paragraphs()
    start = paragraphs.index(SUBTITLE) + 1
    end = paragraphs.index("###")
    body = [markdown_text(p) for p in paragraphs[start:end]]
    abouts = [markdown_text(p) for p in paragraphs[end + 1:]]
    return body, abouts


def content(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The page's main content, without Material's header, navigation and footer."""
    (main,) = tree.xpath('//article[contains(concat(" ", @class, " "), " md-content__inner ")]')
    return main


def resolve(build: Build, page_url: str, href: str) -> Path:
    """The output file a relative link on `page_url` points to."""
    target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    path = build.out / target
    return path / "index.html" if not path.suffix else path


@pytest.fixture(scope="module")
def page(built_shipped: Build) -> lxml_html.HtmlElement:
    return built_shipped.page(URL)


@pytest.fixture(scope="module")
def main(page: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    return content(page)


def only(elements: list, what: str):
    assert len(elements) == 1, f"expected exactly one {what}, found {len(elements)}"
    return elements[0]


def by_text(main: lxml_html.HtmlElement, text: str) -> lxml_html.HtmlElement:
    """The innermost element whose whole text is `text`."""
    found = [
        element for element in main.iter()
        if isinstance(element.tag, str) and norm(element.text_content()) == text
        and not any(norm(child.text_content()) == text for child in element)
    ]
    return only(found, repr(text))


def test_seed_source_is_the_original_release() -> None:
    # Guards the tests below: they compare against this file, so it must be the real one.
    paragraphs = seed_paragraphs()
    assert paragraphs[0] == "For Immediate Release"
    assert HEADLINE in paragraphs and SUBTITLE in paragraphs


def test_for_immediate_release_line(main) -> None:
    line = by_text(main, "FOR IMMEDIATE RELEASE")
    assert line.tag == "p"


def test_date_is_readable_and_machine_readable(main) -> None:
    time = only(main.xpath('.//time[@datetime="2020-10-20"]'), "<time> for the release date")
    assert time.text_content() == "October 20, 2020"


def test_contacts_have_mailto_links(main) -> None:
    for name, email in CONTACTS:
        link = only(main.xpath(f'.//a[@href="mailto:{email}"]'), f"mailto link for {email}")
        assert link.text_content().strip() == email
        entry = link.getparent()
        assert name in entry.text_content(), f"{email} is not listed next to {name}"
    label = main.xpath('.//*[starts-with(normalize-space(text()), "Contact")]')
    assert label, "the contacts are not introduced as contacts"


def test_headline_is_the_only_h1(page) -> None:
    h1 = only(page.xpath("//h1"), "h1 on the page")
    assert norm(h1.text_content()) == HEADLINE
    assert norm(page.findtext(".//title")).startswith(HEADLINE)


def test_subtitle(main) -> None:
    subtitle = by_text(main, SUBTITLE)
    assert subtitle.tag != "h1"


def test_dateline_leads_the_first_paragraph(main) -> None:
    body, _ = seed_body_and_abouts()
    assert body[0].startswith("NEW YORK -- ")
    first = only(
        main.xpath('.//p[starts-with(normalize-space(.), "NEW YORK --")]'), "dateline paragraph"
    )
    assert norm(first.text_content()) == body[0]
    # It leads the first paragraph of the body: nothing of the body comes before it.
    assert first.getprevious() is None


def test_body_is_the_seed_text_word_for_word(main) -> None:
    body, _ = seed_body_and_abouts()
    first = main.xpath('.//p[starts-with(normalize-space(.), "NEW YORK --")]')[0]
    paragraphs = [first, *first.itersiblings("p")]
    assert [norm(p.text_content()) for p in paragraphs] == body
    link = only(first.xpath('.//a[normalize-space(.)="Freedom of Information Act request"]'),
                "FOIA request link")
    assert link.get("href") is not None


def test_end_mark(main) -> None:
    assert by_text(main, "###").tag == "p"


def test_about_sections_use_partner_boilerplate_and_link_to_partner(
    built_shipped: Build, main
) -> None:
    _, seed_abouts = seed_body_and_abouts()
    headings = main.xpath('.//h2[starts-with(normalize-space(.), "About ")]')
    assert [norm(h.text_content()) for h in headings] == [f"About {n}" for _, n in PARTNERS]
    for heading, (partner_id, name), seed_about in zip(headings, PARTNERS, seed_abouts,
                                                        strict=True):
        link = only(heading.xpath(".//a"), f"link in the About {name} heading")
        target = resolve(built_shipped, URL, link.get("href"))
        assert target == built_shipped.out / "partners" / partner_id / "index.html"
        assert target.exists()
        section = heading.getparent()
        boilerplate = norm(" ".join(p.text_content() for p in section.xpath("./p")))
        assert boilerplate == seed_about
        # One source of truth: the same text as on the partner's own page.
        partner_page = content(built_shipped.page(f"partners/{partner_id}/"))
        assert seed_about in norm(partner_page.text_content())


def test_campaign_and_topic_links_reach_existing_pages(built_shipped: Build, main) -> None:
    campaign = only(main.xpath('.//a[contains(@href, "campaigns/clearview-ai-foia/")]'),
                    "campaign link")
    assert campaign.text_content() == "Clearview AI and ICE FOIA"
    target = resolve(built_shipped, URL, campaign.get("href"))
    assert target.exists()
    assert "Clearview AI and ICE FOIA" in content(lxml_html.fromstring(target.read_bytes())
                                                 ).text_content()
    topic_links = main.xpath('.//a[contains(@href, "topics/")]')
    assert [a.text_content() for a in topic_links] == TOPICS
    for link in topic_links:
        target = resolve(built_shipped, URL, link.get("href"))
        assert target.exists(), f"topic link {link.get('href')} leads nowhere"
        topic_page = lxml_html.fromstring(target.read_bytes())
        titles = [norm(a.text_content()) for a in content(topic_page).xpath(".//h3//a")]
        assert HEADLINE in titles


def test_elements_appear_in_reading_order(main) -> None:
    order = {element: index for index, element in enumerate(main.iter())}
    body, _ = seed_body_and_abouts()
    sequence = [
        ("release line", by_text(main, "FOR IMMEDIATE RELEASE")),
        ("date", main.xpath('.//time[@datetime="2020-10-20"]')[0]),
        *[(f"contact {email}", main.xpath(f'.//a[@href="mailto:{email}"]')[0])
          for _, email in CONTACTS],
        ("headline", main.xpath(".//h1")[0]),
        ("subtitle", by_text(main, SUBTITLE)),
        ("dateline", main.xpath('.//p[starts-with(normalize-space(.), "NEW YORK --")]')[0]),
        ("last paragraph", by_text(main, body[-1])),
        ("end mark", by_text(main, "###")),
        *[(f"About {name}", main.xpath(f'.//h2[contains(., "About {name}")]')[0])
          for _, name in PARTNERS],
        ("campaign", main.xpath('.//a[contains(@href, "campaigns/")]')[0]),
        ("topics", main.xpath('.//a[contains(@href, "topics/")]')[0]),
    ]
    positions = [order[element] for _, element in sequence]
    names = [name for name, _ in sequence]
    assert positions == sorted(positions), (
        "out of order: " + ", ".join(n for _, n in sorted(zip(positions, names, strict=True)))
    )
