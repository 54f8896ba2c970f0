"""Held-back releases fail closed: checked in every build, never published early, and
never quoted in CI logs; future-dated releases wait for their day."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html
from sitebuild import Build, in_search_index, run_build
from test_publishing import files_containing

from pressroom.core.publishing.withheld import RenderedPage, referenced_paths, withhold

MARKER = "Pangolinmarker"
EMBARGO = "2030-01-01T09:00:00-05:00"
BEFORE = "2029-12-31T23:59:00-05:00"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def write(site: Path, relative: str, text: str) -> Path:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def release(title: str, *lines: str, body: str = "Body text.") -> str:
    front = "\n".join([f"title: {title}", "partners: [data-justice]", *lines])
    return f"---\n{front}\n---\n{body}\n"


def set_timezone(site: Path, zone: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - pressroom:\n", f"  - pressroom:\n      timezone: {zone}\n"),
        encoding="utf-8",
    )


def status(site: Path, now: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", "status"], cwd=site, capture_output=True,
        text=True, env={"PATH": "/usr/bin:/bin", "PRESSROOM_NOW": now}, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


# --- scheduled: a date in the future and no embargo -------------------------------------

SCHEDULED = "press_releases/2030-02-01-scheduled-statement.md"


def test_future_date_waits_for_its_day_in_the_site_time_zone(fixture_site: Path) -> None:
    set_timezone(fixture_site, "America/New_York")
    write(fixture_site, SCHEDULED, release(f"Scheduled {MARKER}", "date: 2030-02-01"))
    before = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": "2030-02-01T04:59:00Z"})
    assert before.ok, before.log
    assert files_containing(before, MARKER) == []
    assert ("8 releases published (and 3 in Spanish); 0 drafts and 1 scheduled left out"
            in before.log)
    assert ("scheduled for 2030-02-01T00:00-05:00" in
            status(fixture_site, "2030-01-31T12:00:00-05:00"))
    # Midnight in New York is 05:00 UTC.
    after = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": "2030-02-01T05:00:00Z"})
    assert after.ok, after.log
    assert "press/2030/scheduled-statement/index.html" in files_containing(after, MARKER)
    assert "press/feed.xml" in files_containing(after, MARKER)


# --- a release's plain text goes out with its page, never before -------------------------

def test_release_text_is_written_only_once_the_release_is_public(fixture_site: Path) -> None:
    write(fixture_site, "press_releases/2030-01-01-embargoed-text.md",
          release(f"Embargoed text {MARKER}", f"embargo: {EMBARGO}", "preview: true",
                  body=f"Body {MARKER}."))
    write(fixture_site, "press_releases/2030-01-01-embargoed-text.es.md",
          f"---\ntitle: Texto embargado {MARKER}\n---\nCuerpo {MARKER}.\n")
    write(fixture_site, "press_releases/2029-06-01-draft-text.md",
          release(f"Draft text {MARKER}", "date: 2029-06-01", "draft: true"))
    before = run_build(fixture_site, "--strict", env={
        "PRESSROOM_NOW": BEFORE, "PRESSROOM_PREVIEW_SECRET": "s" * 32})
    assert before.ok, before.log
    assert files_containing(before, MARKER) == []
    texts = {path.parent.name for path in before.out.rglob("release.txt")}
    assert not texts & {"embargoed-text", "draft-text"}, texts
    after = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": EMBARGO})
    assert after.ok, after.log
    found = files_containing(after, MARKER)
    assert "press/2030/embargoed-text/release.txt" in found
    assert "es/press/2030/embargoed-text/release.txt" in found
    assert not any("draft-text" in path for path in found), found


# --- what publishes at the lift is checked now ------------------------------------------

def test_broken_link_in_an_embargoed_release_fails_todays_build(fixture_site: Path) -> None:
    write(fixture_site, "press_releases/2030-01-01-embargoed.md", release(
        "Embargoed", f"embargo: {EMBARGO}", body=f"See [the report]({MARKER}-missing.md).",
    ))
    build = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": BEFORE})
    assert not build.ok
    assert "Doc file 'press_releases/2030-01-01-embargoed.md' contains a link" in build.log
    assert "press/2030/embargoed.md" not in build.log  # never the generated path
    # In CI, the same failure names the file and quotes nothing from it.
    in_ci = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": BEFORE, "CI": "true"})
    assert not in_ci.ok
    assert "Doc file 'press_releases/2030-01-01-embargoed.md' has a link problem" in in_ci.log
    assert MARKER not in in_ci.log


def test_errors_in_held_back_releases_quote_nothing_in_ci(fixture_site: Path) -> None:
    write(fixture_site, "press_releases/2030-01-01-embargoed.md", release(
        "Embargoed", f"embargo: {EMBARGO}", f"campaign: {MARKER.lower()}",
    ))
    write(fixture_site, "press_releases/2026-11-20-draft.md", release(
        "Draft", "date: 2026-11-20", "draft: true", f"location: [{MARKER}]",
    ))
    local = run_build(fixture_site, env={"PRESSROOM_NOW": BEFORE})
    assert not local.ok
    assert f"unknown campaign '{MARKER.lower()}'" in local.log
    in_ci = run_build(fixture_site, env={"PRESSROOM_NOW": BEFORE, "CI": "true"})
    assert not in_ci.ok
    assert MARKER.lower() not in in_ci.log.lower()
    assert "press_releases/2030-01-01-embargoed.md:5: campaign: has a problem; details are " \
        "not shown in CI logs while this page is not public" in in_ci.log
    assert "press_releases/2026-11-20-draft.md:6: location: has a problem" in in_ci.log
    assert "the next embargo lifts" not in in_ci.log
    # `pressroom check` prints the same report.
    check = subprocess.run(
        [sys.executable, "-m", "pressroom", "check"], cwd=fixture_site, capture_output=True,
        text=True, env={"PATH": "/usr/bin:/bin", "CI": "1", "PRESSROOM_NOW": BEFORE}, timeout=60,
    )
    assert check.returncode == 1 and MARKER.lower() not in check.stderr.lower()
    assert "press_releases/2030-01-01-embargoed.md:5: campaign: has a problem" in check.stderr


# --- nothing of a held-back release leaves early ----------------------------------------

@pytest.fixture
def with_images(fixture_site: Path) -> Path:
    assets = fixture_site / "docs" / "assets"
    assets.mkdir(parents=True)
    for name in ("only-embargoed.png", "shared.png", "card.png"):
        (assets / name).write_bytes(PNG)
    write(fixture_site, "press_releases/2030-01-01-embargoed.md", release(
        f"Embargoed {MARKER}", f"embargo: {EMBARGO}", "image: assets/card.png",
        body="![Chart](../../assets/only-embargoed.png)\n\n"
             '<img alt="Shared" src="../../assets/shared.png">',
    ))
    about = fixture_site / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n![Shared](assets/shared.png)\n",
                     encoding="utf-8")
    return fixture_site


def test_files_only_held_back_releases_use_stay_out_until_the_lift(with_images: Path) -> None:
    before = run_build(with_images, "--strict", env={"PRESSROOM_NOW": BEFORE})
    assert before.ok, before.log
    assets = before.out / "assets"
    assert not (assets / "only-embargoed.png").exists()
    assert not (assets / "card.png").exists()
    assert (assets / "shared.png").is_file()  # a public page uses it too
    assert files_containing(before, MARKER) == []
    assert "embargoed" not in before.text("sitemap.xml")
    after = run_build(with_images, "--strict", env={"PRESSROOM_NOW": EMBARGO})
    assert after.ok, after.log
    assert (after.out / "assets" / "only-embargoed.png").is_file()
    assert (after.out / "assets" / "card.png").is_file()
    found = set(files_containing(after, MARKER))
    assert {"press/2030/embargoed/index.html", "press/index.html", "press/feed.xml",
            "press/releases.json"} <= found
    assert any(in_search_index(path) for path in found), found
    assert "press/2030/embargoed/" in after.text("sitemap.xml")


def test_a_public_page_may_not_link_to_a_held_back_one(fixture_site: Path) -> None:
    write(fixture_site, "press_releases/2030-01-01-embargoed.md",
          release("Embargoed", f"embargo: {EMBARGO}"))
    about = fixture_site / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8")
                     + "\n[Soon](press/2030/embargoed.md)\n", encoding="utf-8")
    build = run_build(fixture_site, env={"PRESSROOM_NOW": BEFORE})
    assert not build.ok
    assert ("docs/about.md:1: body: links to press_releases/2030-01-01-embargoed.md, which is "
            "not public yet (remove the link until that page is published, or publish it "
            "first)") in build.log


def _hold_partner(site: Path, line: str) -> None:
    path = site / "docs" / "partners" / "data-justice.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")


def test_a_draft_partner_page_is_checked_but_not_published(fixture_site: Path) -> None:
    # Releases naming the partner would go public first: that is an error, on their lines.
    _hold_partner(fixture_site, "draft: true")
    build = run_build(fixture_site)
    assert not build.ok
    assert ("press_releases/2024-08-20-data-brokers-immigrant-tracking.md:6:" in build.log
            and "the first partner: names docs/partners/data-justice.md, which is not public yet"
            in build.log)


def test_an_embargoed_partner_lifts_with_its_releases(fixture_site: Path) -> None:
    for path in sorted((fixture_site / "press_releases").glob("*.md")):
        if path.exists() and "data-justice" in path.read_text(encoding="utf-8"):
            path.unlink()
            path.with_suffix(".es.md").unlink(missing_ok=True)  # its translation goes with it
    campaigns = fixture_site / "docs" / "campaigns"
    for path in campaigns.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("data-justice, ", "").replace(", data-justice", ""),
                        encoding="utf-8")
    _hold_partner(fixture_site, f"embargo: {EMBARGO}")
    write(fixture_site, "press_releases/2030-01-01-joining.md",
          release(f"Joining {MARKER}", f"embargo: {EMBARGO}"))
    before = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": BEFORE})
    assert before.ok, before.log
    assert not (before.out / "partners" / "data-justice").exists()
    assert files_containing(before, "Data Justice Alliance") == []
    after = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": EMBARGO})
    assert after.ok, after.log
    assert (after.out / "partners" / "data-justice" / "index.html").is_file()
    assert "partners/data-justice/index.html" in files_containing(after, MARKER)


@pytest.mark.parametrize("line", ["draft: true", f"embargo: {EMBARGO}"])
def test_a_held_back_partner_is_not_on_the_media_page(fixture_site: Path, line: str) -> None:
    """The media page lists every partner: never one that has not joined the site yet, nor
    its contacts, boilerplate, logo or feeds."""
    write(fixture_site, "docs/logos/newcomer.png", "")
    (fixture_site / "docs/logos/newcomer.png").write_bytes(PNG)
    write(fixture_site, "docs/partners/newcomer.md", (
        f"---\nname: {MARKER} Collective\n{line}\nwebsite: https://newcomer.example.org\n"
        "logo: logos/newcomer.png\nsocial:\n  mastodon: https://social.example.org/@nc\n"
        "contacts:\n  - name: Nia Contact\n    email: nia@newcomer.example.org\n---\n"
        f"The {MARKER} boilerplate.\n"))
    write(fixture_site, "docs/partners/newcomer.es.md", f"Texto de {MARKER}.\n")
    build = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": BEFORE})
    assert build.ok, build.log
    for url in ("media/", "es/media/"):
        media = build.page(url)
        assert media.xpath("//section[@class='pressroom-media-kit']")  # the others are there
        assert "newcomer" not in lxml_html.tostring(media, encoding="unicode")
    assert files_containing(build, MARKER) == []
    assert files_containing(build, "nia@newcomer") == []
    assert not (build.out / "logos/newcomer.png").exists()
    if line.startswith("embargo"):
        lifted = run_build(fixture_site, "--strict", env={"PRESSROOM_NOW": EMBARGO})
        assert lifted.ok, lifted.log
        for url in ("media/", "es/media/"):
            assert f"{MARKER} Collective" in lifted.page(url).text_content()
        assert (lifted.out / "logos/newcomer.png").is_file()


# --- addresses Pressroom generates ------------------------------------------------------

@pytest.mark.parametrize("page", ["press/index.md", "press.md", "press/2025/index.md"])
def test_docs_page_at_a_generated_address_is_an_error(fixture_site: Path, page: str) -> None:
    write(fixture_site, f"docs/{page}", "# Mine\n")
    build = run_build(fixture_site)
    assert not build.ok
    assert f"docs/{page}:1: file name: is at /" in build.log
    assert "an address Pressroom makes a page for" in build.log


# --- --dirty never keeps what went back to draft ----------------------------------------

def test_dirty_build_after_a_release_goes_back_to_draft_leaves_nothing(
    fixture_site: Path,
) -> None:
    path = write(fixture_site, "press_releases/2030-01-01-second-thoughts.md",
                 release(f"Second thoughts {MARKER}", "date: 2030-01-01", "topics: [rethink]"))
    # Its Spanish version, which goes back to draft with it, must leave no trace either.
    write(fixture_site, "press_releases/2030-01-01-second-thoughts.es.md",
          f"---\ntitle: Segundas ideas {MARKER}\ntopics: [repensar]\n---\nTexto.\n")
    first = run_build(fixture_site, env={"PRESSROOM_NOW": EMBARGO})
    assert first.ok, first.log
    assert (first.out / "press" / "2030" / "second-thoughts" / "index.html").is_file()
    assert (first.out / "es" / "press" / "topics" / "repensar" / "index.html").is_file()
    path.write_text(path.read_text(encoding="utf-8").replace("topics:", "draft: true\ntopics:"),
                    encoding="utf-8")
    out = first.out
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(out)],
        cwd=fixture_site, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "PRESSROOM_NOW": EMBARGO, "NO_MKDOCS_2_WARNING": "1"},
    )
    dirty = Build(fixture_site, out, result)
    assert dirty.ok, dirty.log
    assert files_containing(dirty, MARKER) == []
    assert not (out / "press" / "2030").exists() or not any((out / "press" / "2030").rglob("*.*"))
    assert not any((out / "press" / "topics" / "rethink").rglob("*.*"))
    assert not any((out / "es" / "press" / "topics" / "repensar").rglob("*.*"))


# --- the rule itself, in-process ----------------------------------------------------------

def test_referenced_paths_resolve_against_the_page() -> None:
    body = ('<img src="../../assets/a%20b.png" srcset="../../assets/c.png 2x, /d.png 3x">'
            '<a href="https://example.org/x.png">x</a><a href="#top">top</a>'
            '<a href="../other/?q=1">other</a>')
    assert referenced_paths(body, "press/2030/slug/") == {
        "press/assets/a b.png", "press/assets/c.png", "d.png", "press/2030/other/",
    }


def test_withhold_keeps_what_a_public_page_uses_and_refuses_links_to_held_pages() -> None:
    held = RenderedPage("press/2030/soon/", "press_releases/2030-01-01-soon.md",
                        '<img src="../../../assets/my%20chart.png">'
                        '<img src="../../../assets/both.png">', held_back=True)
    public = RenderedPage("about/", "docs/about.md",
                          '<img src="../assets/both.png"><a href="../press/2030/soon/">x</a>',
                          held_back=False)
    unrelated = RenderedPage("press/2020/old/", "press_releases/2020-01-01-old.md",
                             "<p>Nothing here.</p>", held_back=False)
    files = {"assets/my chart.png", "assets/both.png", "assets/card.png"}
    result = withhold([held, public, unrelated], files, set(), {"assets/card.png"})
    assert result.files == {"assets/my chart.png", "assets/card.png"}
    assert [str(error) for error in result.errors] == [
        "docs/about.md:1: body: links to press_releases/2030-01-01-soon.md, which is not public "
        "yet (remove the link until that page is published, or publish it first)"
    ]
    assert withhold([public, unrelated], files, set(), set()) == withhold([], set(), set(), set())
