"""`mkdocs serve --livereload` shows added, edited and removed releases without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html
from sitebuild import MKDOCS

WAIT = 30.0  # seconds, at most, for any one change to show

RELEASE = """\
---
title: {title}
date: 2022-05-05
location: Tucson, Ariz.
partners: [community-voices]
---
Community Voices today announced a live-edited statement, {marker}.
"""
URL = "/press/2022/live-edit/"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(what: str, check: Callable[[], bool], server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited while waiting for {what}:\n{log.read_text()}")
        if check():
            return
        time.sleep(0.25)
    pytest.fail(f"not within {WAIT:.0f} s: {what}\n{log.read_text()[-3000:]}")


@pytest.fixture
def served(fixture_site: Path, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    environment = {k: v for k, v in os.environ.items() if k != "PRESSROOM_NOW"}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    with log.open("w") as output:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=fixture_site, env=environment, stdout=output, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for("the server to answer", lambda: fetch(base, "/press/")[0] == 200, server, log)
        yield base, server, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def test_serve_shows_added_edited_and_removed_releases(
    served: tuple[str, subprocess.Popen, Path], fixture_site: Path
) -> None:
    base, server, log = served
    release = fixture_site / "press_releases" / "2022-05-05-live-edit.md"
    assert fetch(base, URL)[0] == 404

    def shows(title: str) -> Callable[[], bool]:
        def check() -> bool:
            status, page = fetch(base, URL)
            return status == 200 and "<h1" in page and title in page \
                and title in fetch(base, "/press/")[1]
        return check

    release.write_text(RELEASE.format(title="First Live Headline", marker="Quillfeather"),
                       encoding="utf-8")
    wait_for("the added release", shows("First Live Headline"), server, log)
    _, page = fetch(base, URL)
    # The served page carries mkdocs' live-reload script, so an open browser refreshes itself.
    scripts = lxml_html.fromstring(page).xpath("//script")
    assert any("livereload" in (script.text or "") for script in scripts)

    release.write_text(RELEASE.format(title="Edited Live Headline", marker="Quillfeather"),
                       encoding="utf-8")
    wait_for("the edited title", shows("Edited Live Headline"), server, log)
    assert "First Live Headline" not in fetch(base, "/press/")[1]

    release.unlink()

    def gone() -> bool:
        return fetch(base, URL)[0] == 404 and "Edited Live Headline" not in fetch(
            base, "/press/")[1]

    wait_for("the removed release to disappear", gone, server, log)
    assert server.poll() is None, "the server stopped instead of reloading"
