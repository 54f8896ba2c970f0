"""scripts/lighthouse.py's own parts: its server serves as a good static host does, and it reads
Lighthouse's reports right. Lighthouse itself never runs here: its scores are figures for the
README, not a test."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sitebuild import REPO, load_script

README = (REPO / "README.md").read_text(encoding="utf-8")


lighthouse = load_script("lighthouse")
PAGE = b"<!doctype html><title>Release</title>" + b"<p>The coalition sued today.</p>" * 200


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("host")
    with lighthouse.serving(root) as base:
        # Filled after the address is known, as a site built for it is.
        (root / "press" / "release").mkdir(parents=True)
        (root / "press" / "release" / "index.html").write_bytes(PAGE)
        (root / "404.html").write_bytes(b"<h1>Not found</h1>")
        (root / "assets").mkdir()
        (root / "assets" / "bundle.a5f9d56c.min.js").write_bytes(b"console.log(1);" * 50)
        (root / "assets" / "pressroom.css").write_bytes(b"body { margin: 0 }" * 50)
        (root / "assets" / "logo.png").write_bytes(b"\x89PNG" + bytes(range(256)))
        yield base


def get(url: str, gzipped: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_are_gzipped_and_revalidated(host: str) -> None:
    status, headers, body = get(host + "/press/release/")
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == PAGE
    assert int(headers["Content-Length"]) == len(body) < len(PAGE)
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Cache-Control"] == "no-cache"


def test_plain_for_a_browser_without_gzip(host: str) -> None:
    status, headers, body = get(host + "/press/release/", gzipped=False)
    assert (status, body) == (200, PAGE)
    assert "Content-Encoding" not in headers


def test_fingerprinted_bundles_are_kept_a_year_others_ten_minutes(host: str) -> None:
    _, bundle, body = get(host + "/assets/bundle.a5f9d56c.min.js")
    assert bundle["Cache-Control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(body) == b"console.log(1);" * 50
    _, style, _ = get(host + "/assets/pressroom.css")
    assert style["Content-Encoding"] == "gzip"
    assert style["Cache-Control"] == "public, max-age=600"


def test_images_are_not_gzipped(host: str) -> None:
    status, headers, body = get(host + "/assets/logo.png")
    assert status == 200 and body.startswith(b"\x89PNG")
    assert "Content-Encoding" not in headers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_folders_redirect_and_missing_pages_get_the_404_page(host: str) -> None:
    request = urllib.request.Request(host + "/press/release")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=5)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == "/press/release/"
    status, _, body = get(host + "/press/gone/")
    assert status == 404 and gzip.decompress(body) == b"<h1>Not found</h1>"


def audit(id: str, score: float | None, mode: str = "binary", shown: str = "") -> dict:
    return {"id": id, "title": id.replace("-", " "), "score": score, "scoreDisplayMode": mode,
            "displayValue": shown}


def test_report_gives_scores_lost_audits_and_foreign_requests() -> None:
    audits = {
        "first-contentful-paint": audit("first-contentful-paint", 0.95, "numeric", "1.6 s"),
        "render-blocking-resources": audit("render-blocking-resources", 0, "metricSavings"),
        "speed-index": audit("speed-index", 1, "numeric"),
        "aria-dialog-name": audit("aria-dialog-name", 0),
        "color-contrast": audit("color-contrast", None, "notApplicable"),
        "network-requests": {"details": {"items": [
            {"url": "http://127.0.0.1:8000/"}, {"url": "data:image/png;base64,AA"},
            {"url": "https://fonts.example.net/font.woff2"},
        ]}},
    }
    categories = {
        "performance": {"score": 0.98, "auditRefs": [
            {"id": "first-contentful-paint", "weight": 10},
            {"id": "render-blocking-resources", "weight": 0},
            {"id": "speed-index", "weight": 10},
        ]},
        "accessibility": {"score": 0.96, "auditRefs": [
            {"id": "aria-dialog-name", "weight": 7}, {"id": "color-contrast", "weight": 7},
        ]},
        "best-practices": {"score": 1, "auditRefs": []},
        "seo": {"score": None, "auditRefs": []},
    }

    result = lighthouse.read_report("search", "/search/",
                                    {"audits": audits, "categories": categories})

    assert result.scores == {"performance": 98, "accessibility": 96, "best-practices": 100,
                             "seo": None}
    assert [(lost.category, lost.id, lost.weight) for lost in result.lost] == [
        ("performance", "first-contentful-paint", 10),
        ("performance", "render-blocking-resources", 0),
        ("accessibility", "aria-dialog-name", 7),
    ]
    assert result.foreign == ["https://fonts.example.net/font.woff2"]
    assert "aria-dialog-name (0.00): aria dialog name" in lighthouse.details([result])


def test_lighthouse_runs_on_a_phone_and_resolves_no_other_host() -> None:
    command = lighthouse.lighthouse_command("http://127.0.0.1:8000/", Path("report.json"))
    assert "--form-factor=mobile" in command
    assert "--only-categories=performance,accessibility,best-practices,seo" in command
    (flags,) = [option for option in command if option.startswith("--chrome-flags=")]
    assert "--headless=new --no-sandbox" in flags
    assert "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" in flags


def test_readme_lighthouse_command_and_figures_are_the_scripts() -> None:
    section = README.split("### Lighthouse", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)
    for line in block.splitlines():
        command = line.split("#", 1)[0].split()
        assert command[:2] == [".venv/bin/python", "scripts/lighthouse.py"], line
        lighthouse.parser().parse_args(command[2:])
    # The figures table has a row for each page the script measures, in its order.
    rows = re.findall(r"^\| (\S+) \| `(/[^`]*)` \|", section, re.MULTILINE)
    assert rows == list(lighthouse.PAGES.items())
