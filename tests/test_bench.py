"""The benchmark's own parts: its synthetic newsroom is valid content, and it counts bytes right.

Nothing here times anything: the benchmark measures, tests never assert on time. They test the
benchmark, not Pressroom, so they run only when asked: `pytest -m bench` (see pytest.ini).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from sitebuild import load_script

pytestmark = pytest.mark.bench
bench = load_script("bench")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory):
    return bench.write_sites(tmp_path_factory.mktemp("bench"), 20)


def test_synthetic_newsroom_is_deterministic() -> None:
    first, second = bench.synthetic_newsroom(30), bench.synthetic_newsroom(30)
    assert first == second
    assert first != bench.synthetic_newsroom(30, seed=bench.SEED + 1)
    assert len(first.releases) == 30 and len(first.partners) == 20
    assert len({(r.date.year, r.slug) for r in first.releases}) == 30


def test_synthetic_releases_look_like_releases() -> None:
    newsroom = bench.synthetic_newsroom(30)
    for release in newsroom.releases:
        assert 700 <= len(release.body.split()) <= 1100
        assert 1 <= len(release.front["partners"]) <= 3
        assert 1 <= len(release.front["contacts"]) <= 2
        assert 1 <= len(release.front["topics"]) <= 3
        assert "\n- " in release.body and "\n> " in release.body and "](https://" in release.body
    years = {release.date.year for release in bench.synthetic_newsroom(300).releases}
    assert years == set(range(2016, 2026))


def test_pressroom_variant_builds_strict(sites) -> None:
    run = bench.mkdocs_build(sites.pressroom, sites.pressroom / "_site", "--strict")
    assert run.peak_rss > 0
    assert (sites.pressroom / "_site" / sites.sample_page / "index.html").is_file()


def test_plain_variant_builds_strict_without_pressroom(sites) -> None:
    bench.mkdocs_build(sites.plain, sites.plain / "_site", "--strict")
    page = (sites.plain / "_site" / sites.sample_page / "index.html").read_text("utf-8")
    assert "pressroom" not in (sites.plain / "mkdocs.yml").read_text("utf-8").split("plugins:")[1]
    assert "FOR IMMEDIATE RELEASE" not in page
    # Releases are pages, not nav entries: the nav stays the size of the shipped one.
    assert page.count('class="md-nav__link') < 20


def test_bilingual_variant_builds_strict_in_both_languages(tmp_path: Path) -> None:
    sites = bench.write_bilingual_sites(tmp_path, 6)
    english = bench.mkdocs_build(sites.english, sites.english / "_site", "--strict")
    bilingual = bench.mkdocs_build(sites.bilingual, sites.bilingual / "_site", "--strict")
    assert english.peak_rss > 0 and bilingual.peak_rss > 0
    releases = sorted((sites.bilingual / "press_releases").glob("*.md"))
    translations = [path for path in releases if path.name.endswith(".es.md")]
    assert len(translations) == 6 and len(releases) == 12
    assert not list((sites.english / "press_releases").glob("*.es.md"))
    # A translation sets only its own fields; the rest comes from its original.
    front = bench.yaml.safe_load(translations[0].read_text("utf-8").split("---")[1])
    assert set(front) <= {"title", "subtitle", "summary", "location"}
    # Its own words, not the original's: Spanish copy that gzip cannot fold into the English.
    body = translations[0].read_text("utf-8").split("---", 2)[2].split()
    assert {"la", "de", "que"} <= set(body) and not {"the", "and"} & set(body)
    page = (sites.bilingual / "_site" / "es" / sites.sample_page / "index.html").read_text("utf-8")
    assert '<html lang="es"' in page and "Contactos de prensa" in page
    assert not (sites.english / "_site" / "es").exists()
    assert (sites.english / "_site" / sites.sample_page / "index.html").is_file()


def test_bilingual_copy_is_deterministic(tmp_path: Path) -> None:
    newsroom = bench.synthetic_newsroom(5)
    for folder in ("a", "b"):
        bench.write_spanish(newsroom, tmp_path / folder, tmp_path / folder / "press_releases")
    files = sorted(path.relative_to(tmp_path / "a") for path in (tmp_path / "a").rglob("*.md"))
    assert len(files) == 5 + 20 + 10 + 2  # releases, partners, campaigns, home and about
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def _write(path: Path, content: bytes) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return len(gzip.compress(content, compresslevel=6, mtime=0))


def test_transfer_counts_what_loads_with_the_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    counted = {
        "assets/style.css": b"body { background: url('../img/bg.png') } " * 50,
        "img/bg.png": b"\x89PNG" + bytes(range(256)) * 4,
        "img/photo.jpg": b"\xff\xd8" + bytes(range(256)) * 8,
        "assets/javascripts/bundle.1234.min.js": b"console.log('material');" * 100,
        "assets/javascripts/workers/search.5678.min.js": b"onmessage = () => {};" * 80,
        "search/search_index.json": b'{"docs": [{"location": "", "text": "words"}]}' * 300,
        "favicon.png": b"\x89PNG icon" * 20,
        "press/sitemap.xml": b"<urlset></urlset>",
    }
    not_counted = {
        "search/extra-index.json": b"{}" * 500,  # fetched only when a visitor searches
        "assets/javascripts/bundle.1234.min.js.map": b"{}" * 500,
        "other.css": b"p {}" * 500,  # a prefetch hint, not a load
        "press/feed.xml": b"<rss/>" * 500,  # a feed link, not a fetch
    }
    config = (
        '{"base": "../../..", "features": [], '
        '"search": "../../../assets/javascripts/workers/search.5678.min.js"}'
    )
    page = f"""<!doctype html><html><head>
<link rel="stylesheet" href="../../../assets/style.css">
<link rel="icon" href="/favicon.png">
<link rel="prefetch" href="../../../other.css">
<link rel="alternate" type="application/rss+xml" href="../../feed.xml">
<link rel="canonical" href="https://example.org/press/2020/release/">
<script type="application/ld+json">{{"@type": "NewsArticle"}}</script>
</head><body>
<form name="search"><input type="text"></form>
<img src="../../../img/photo.jpg" alt="">
<img src="../../../img/photo.jpg" alt="twice, fetched once">
<img src="data:image/png;base64,AAAA" alt="inline">
<script id="__config" type="application/json">{config}</script>
<script src="../../../assets/javascripts/bundle.1234.min.js"></script>
<script src="https://tracker.example.net/t.js"></script>
</body></html>""".encode()
    expected = _write(site / "press/2020/release/index.html", page)
    expected += sum(_write(site / name, content) for name, content in counted.items())
    for name, content in not_counted.items():
        _write(site / name, content)

    transfer = bench.page_transfer(site, "press/2020/release/")

    assert sorted(asset.url.lstrip("/") for asset in transfer.assets) == sorted(counted)
    assert transfer.gzip_bytes == expected
    assert transfer.external == ["https://tracker.example.net/t.js"]


def test_transfer_without_material_search_counts_no_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / "search/search_index.json", b"{}" * 1000)
    _write(site / "assets/search-link.js", b"ui();" * 100)
    _write(site / "404.html", b"<h1>Not found</h1>")
    # A script the page references counts; no search box, so no Material index;
    # a feed in a folder without sitemap.xml costs the 404 page Material's fetch gets.
    page = (b'<script id="__config" type="application/json">{"base": ".", "features": [],'
            b' "search": "search.js"}</script><link rel="alternate" href="press/feed.xml">'
            b'<script src="assets/javascripts/bundle.1.min.js"></script>'
            b'<script src="assets/search-link.js"></script>')
    _write(site / "index.html", page)
    _write(site / "assets/javascripts/bundle.1.min.js", b"x")

    transfer = bench.page_transfer(site, "")

    assert [asset.url for asset in transfer.assets] == [
        "/assets/javascripts/bundle.1.min.js", "/assets/search-link.js", "/press/sitemap.xml",
    ]
    assert transfer.missing == ["/press/sitemap.xml"]


def test_live_edit_shows_in_served_page_and_browser(tmp_path: Path) -> None:
    # The --live measurement, small: one saved release reaches the server and an open browser.
    # In a thread: Playwright's sync API refuses to start where another test's event loop runs.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as worker:
        result = worker.submit(
            bench.live_bench, 20, 1, tmp_path, modes=("serve",), say=lambda *_: None
        ).result(timeout=240)

    (mode,) = result.modes
    (edit,) = mode.edits
    assert edit.page_seconds is not None, "the served page never showed the edit"
    assert edit.browser_seconds is not None, "the open page never reloaded to show the edit"
    assert edit.listing_shows and edit.feed_shows
    release, _ = bench.newest_release(tmp_path / "20" / "pressroom")
    assert edit.marker not in release.read_text("utf-8"), "the edited release was not restored"
