"""Embargoed previews for journalists: an encrypted page at an unlisted address until the lift.

One site, with a plain and a sealed embargoed release that ask for a preview, is built before
the lift (twice: the bytes must not change), after it, and without the secret. The link
`pressroom preview-link` prints is decrypted here in Python; tests/browser/ opens it in Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyrage import x25519
from sitebuild import FIXTURES, Build, copy_site, readable_bytes, run_build
from test_sealed import list_recipients, quiet_main

from pressroom.core.outputs import previews

SECRET = "test preview secret"
CANARY, SEALED_CANARY = "Quokkaflint", "Wombatquill"
STEM, SEALED_STEM = "2031-03-01-quokkaflint-audit", "2031-04-01-wombatquill-report"
TITLE = f"Audit finds {CANARY} contract hid data sharing"
URL, SEALED_URL = "press/2031/quokkaflint-audit/", "press/2031/wombatquill-report/"
BEFORE, AFTER = "2031-02-01T00:00:00+00:00", "2031-05-01T00:00:00+00:00"
IMAGE = "assets/quokkaflint-chart.png"
PNG = b"\x89PNG\r\n\x1a\n" + CANARY.encode() + b"\0" * 32


def release(title: str, embargo: str, body: str) -> str:
    return (f"---\ntitle: {title}\nembargo: {embargo}\npartners: [data-justice]\n"
            f"preview: true\n---\n{body}\n")


@pytest.fixture(scope="module")
def key() -> x25519.Identity:
    return x25519.Identity.generate()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, key: x25519.Identity) -> Path:
    site = copy_site(FIXTURES / "site", tmp_path_factory.mktemp("previews") / "site")
    (site / "docs" / IMAGE).parent.mkdir(exist_ok=True)
    (site / "docs" / IMAGE).write_bytes(PNG)
    (site / "press_releases" / f"{STEM}.md").write_text(release(
        TITLE, "2031-03-01T09:00:00-05:00",
        f"The {CANARY} audit shows the data sharing. [Topics](../../../topics/)\n\n"
        f"![The chart](../../{IMAGE})"), encoding="utf-8")
    (site / "press_releases" / f"{SEALED_STEM}.md").write_text(release(
        f"The {SEALED_CANARY} report", "2031-04-01T09:00:00-05:00",
        f"The {SEALED_CANARY} report is out."), encoding="utf-8")
    list_recipients(site, key)
    code, out = quiet_main("seal", str(site / "press_releases" / f"{SEALED_STEM}.md"),
                           "--root", str(site))
    assert code == 0, out
    return site


def build(site: Path, key: x25519.Identity, now: str, **env: str) -> Build:
    environment = {"PRESSROOM_NOW": now, "PRESSROOM_AGE_KEY": str(key),
                   previews.SECRET_VARIABLE: SECRET, **env}
    return run_build(site, "--strict", env={k: v for k, v in environment.items() if v})


@pytest.fixture(scope="module")
def before(site: Path, key: x25519.Identity) -> Build:
    built = build(site, key, BEFORE)
    assert built.ok, built.log
    return built


@pytest.fixture(scope="module")
def after(site: Path, key: x25519.Identity, before: Build) -> Build:
    keep = before.out.rename(before.out.with_name("_before"))  # the next build cleans _site
    before.out = keep
    built = build(site, key, AFTER)
    assert built.ok, built.log
    built.out = built.out.rename(built.out.with_name("_after"))
    return built


def preview_keys(url: str) -> previews.PreviewKeys:
    return previews.keys(SECRET.encode(), url)


def sealed_in(page_file: Path) -> previews.Sealed:
    text = page_file.read_text(encoding="utf-8")
    nonce = re.search(r'data-nonce="([^"]+)"', text)[1]
    ciphertext = re.search(r'data-ciphertext="([^"]+)"', text)[1]
    return previews.Sealed(nonce, ciphertext)


def all_text(out: Path) -> dict[str, bytes]:
    """Every file's bytes, gzip-compressed ones (the search index's) opened, by path."""
    return {path.relative_to(out).as_posix(): readable_bytes(path)
            for path in out.rglob("*") if path.is_file()}


# --- before the lift ---------------------------------------------------------------------

def test_the_preview_is_at_its_derived_address_noindex_and_names_nothing(before: Build) -> None:
    for url in (URL, SEALED_URL):
        page = before.out / preview_keys(url).address / "index.html"
        text = page.read_text(encoding="utf-8")
        assert re.search(r"preview/[0-9a-f]{32}/$", preview_keys(url).address)
        assert '<meta name="robots" content="noindex, nofollow">' in text
        assert "<title>Embargoed press release — preview - " in text
        assert "This preview needs the link you were sent." in text
        assert "assets/pressroom/preview.js" in text
        assert "2031" not in re.sub(r'data-ciphertext="[^"]+"', "", text)


def test_canaries_and_title_appear_nowhere_in_clear(before: Build) -> None:
    for name, data in all_text(before.out).items():
        for word in (CANARY, SEALED_CANARY, "quokkaflint-audit", "data sharing"):
            assert word.lower() not in name.lower()
            assert word.lower().encode() not in data.lower(), (word, name)
    assert not (before.out / URL).exists()
    assert not (before.out / IMAGE).exists()  # the image travels inside the ciphertext


def test_previews_are_in_no_sitemap_feed_search_or_filter_index(before: Build) -> None:
    tokens = [preview_keys(url).token for url in (URL, SEALED_URL)]
    for name, data in all_text(before.out).items():
        if name.startswith("preview/"):
            continue
        assert not any(token.encode() in data for token in tokens), name
        assert b"preview/" not in data or not name.endswith((".xml", ".json")), name


def test_the_link_preview_link_prints_decrypts_to_the_article_with_its_banner(
    site: Path, key: x25519.Identity, before: Build, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRESSROOM_NOW", BEFORE)
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(key))
    monkeypatch.setenv(previews.SECRET_VARIABLE, SECRET)
    for stem, url, words in ((STEM, URL, TITLE), (SEALED_STEM, SEALED_URL, SEALED_CANARY)):
        code, out = quiet_main("preview-link", f"press_releases/{stem}.md", "--root", str(site))
        assert code == 0, out
        link = out.strip()
        address, fragment = link.split("#")
        assert address == f"https://newsroom.example.org/{preview_keys(url).address}"
        page = before.out / preview_keys(url).address / "index.html"
        article = previews.decrypt(sealed_in(page), previews.key_from_fragment(fragment))
        assert words in article
        assert "EMBARGOED UNTIL" in article
    assert 'src="data:image/png;base64,' in previews.decrypt(
        sealed_in(before.out / preview_keys(URL).address / "index.html"), preview_keys(URL).key)


def test_two_builds_give_the_same_preview_bytes(
    site: Path, key: x25519.Identity, before: Build, tmp_path: Path,
) -> None:
    again = run_build(site, "--strict", "--site-dir", str(tmp_path / "again"), env={
        "PRESSROOM_NOW": BEFORE, "PRESSROOM_AGE_KEY": str(key),
        previews.SECRET_VARIABLE: SECRET})
    assert again.ok, again.log
    address = preview_keys(URL).address + "index.html"
    assert (tmp_path / "again" / address).read_bytes() == (before.out / address).read_bytes()


# --- after the lift ----------------------------------------------------------------------

def test_after_the_lift_the_preview_address_leads_to_the_public_page(after: Build) -> None:
    assert (after.out / URL / "index.html").is_file()
    text = (after.out / preview_keys(URL).address / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../../press/2031/quokkaflint-audit/">' \
        in text
    assert 'href="../../press/2031/quokkaflint-audit/"' in text
    assert '<meta name="robots" content="noindex, nofollow">' in text
    assert b"preview/" not in (after.out / "sitemap.xml").read_bytes()


def test_preview_link_for_a_public_release_gives_its_address(
    site: Path, key: x25519.Identity, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRESSROOM_NOW", AFTER)
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(key))
    monkeypatch.setenv(previews.SECRET_VARIABLE, SECRET)
    with pytest.raises(SystemExit) as stopped:
        quiet_main("preview-link", f"press_releases/{STEM}.md", "--root", str(site))
    assert stopped.value.code == 2


# --- without the secret ------------------------------------------------------------------

def test_without_the_secret_no_previews_and_the_log_says_so(
    site: Path, key: x25519.Identity, tmp_path: Path,
) -> None:
    built = run_build(site, "--strict", "--site-dir", str(tmp_path / "out"), env={
        "PRESSROOM_NOW": BEFORE, "PRESSROOM_AGE_KEY": str(key)})
    assert built.ok, built.log
    assert "2 releases with `preview: true`, and no PRESSROOM_PREVIEW_SECRET: no previews " \
        "built" in built.log
    assert not (tmp_path / "out" / "preview").exists()
    required = run_build(site, "--strict", "--site-dir", str(tmp_path / "out2"), env={
        "PRESSROOM_NOW": BEFORE, "PRESSROOM_AGE_KEY": str(key), "PRESSROOM_REQUIRE_KEY": "1"})
    assert not required.ok
    assert re.search(rf"press_releases/{STEM}\.md:\d+: preview: is true, but this build has "
                     "no PRESSROOM_PREVIEW_SECRET", required.log)


def test_preview_link_refuses_without_the_secret_or_preview(
    site: Path, key: x25519.Identity, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRESSROOM_AGE_KEY", str(key))
    monkeypatch.delenv(previews.SECRET_VARIABLE, raising=False)
    with pytest.raises(SystemExit) as stopped:
        quiet_main("preview-link", f"press_releases/{STEM}.md", "--root", str(site))
    assert stopped.value.code == 2
    monkeypatch.setenv(previews.SECRET_VARIABLE, SECRET)
    with pytest.raises(SystemExit) as stopped:
        quiet_main("preview-link", "press_releases/2024-08-20-data-brokers-immigrant-tracking.md",
                   "--root", str(site))
    assert stopped.value.code == 2


# --- the cipher --------------------------------------------------------------------------

def test_the_nonce_follows_the_text_and_a_wrong_key_reads_nothing() -> None:
    from cryptography.exceptions import InvalidTag

    keys = preview_keys(URL)
    first, same, other = (previews.encrypt(t, keys) for t in ("a text", "a text", "b text"))
    assert first == same and first.nonce != other.nonce
    assert previews.decrypt(first, keys.key) == "a text"
    with pytest.raises(InvalidTag):
        previews.decrypt(first, preview_keys(SEALED_URL).key)
    assert preview_keys(URL) != previews.keys(b"another secret", URL)


def test_materials_search_never_sees_a_held_back_release(site: Path, key: x25519.Identity,
                                                         tmp_path: Path) -> None:
    # The README's other set-up: Material's search on every page, Pressroom's switched off.
    copy = copy_site(site, tmp_path / "site")
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - pressroom:\n", "  - search\n  - pressroom:\n      search: false\n", 1),
        encoding="utf-8")
    built = build(copy, key, BEFORE)
    assert built.ok, built.log
    index = (built.out / "search" / "search_index.json").read_bytes().lower()
    assert b'"docs":[' in index.replace(b" ", b"")
    for word in (CANARY, SEALED_CANARY, "quokkaflint-audit"):
        assert word.lower().encode() not in index, word
