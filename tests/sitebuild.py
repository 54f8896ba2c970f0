"""Helpers for tests: copy a fixture site into a temporary folder, build or serve it for real."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from lxml import html as lxml_html

from pressroom.core.publishing.rules import Clock

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The engines a site builds with: MkDocs 1.6 and ProperDocs, its drop-in continuation.
ENGINES = {"mkdocs": MKDOCS, "properdocs": [sys.executable, "-m", "properdocs"]}
T = TypeVar("T")


@dataclass
class Build:
    site_dir: Path
    out: Path
    result: subprocess.CompletedProcess[str]

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    @property
    def log(self) -> str:
        return self.result.stdout + self.result.stderr

    def page(self, url: str) -> lxml_html.HtmlElement:
        """The built page at a site URL such as `press/2020/slug/`."""
        path = self.out / url.strip("/")
        if path.suffix != ".html":
            path = path / "index.html"
        return lxml_html.fromstring(path.read_bytes())

    def search_records(self) -> dict[str, dict]:
        """The search index's records by URL, as a visitor's search gets them: Pagefind's
        fragments in every part, opened, each with its language (the fragment's name begins
        with it). Each part's hidden page of words, which no search shows, is left out."""
        manifest = json.loads(self.text("pagefind/parts.json"))
        hidden = {page for parts in manifest.values() for _, page in parts}
        records = {}
        for path in sorted((self.out / "pagefind").glob("*/*/fragment/*.pf_fragment")):
            if path.stem in hidden:
                continue
            data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
            record = json.loads(data)
            records[record["url"]] = {**record, "lang": path.name.split("_")[0]}
        return records

    def text(self, relative: str) -> str:
        return (self.out / relative).read_text(encoding="utf-8")


def in_search_index(path: str, lang: str = "") -> bool:
    """Whether a built file's path is one of the search index's records (in `lang`'s index):
    `pagefind/<language>/<part>/fragment/<language>_<hash>.pf_fragment`."""
    return re.fullmatch(rf"pagefind/({lang or '[a-z]+'})/\w+/fragment/\1_\w+\.pf_fragment",
                        path) is not None


# The fixture site publishes in English and Spanish (its mkdocs.yml says so).
FIXTURE_LANGUAGES = ("en", "es")
# The moment in-process tests load the fixture newsroom at.
FIXTURE_CLOCK = Clock(dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC))


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py (the benchmark, the Lighthouse run) as a module, for their own tests."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def readable_bytes(path: Path) -> bytes:
    """A file's bytes, unzipped when compressed: sitemap.xml.gz, and every file of Pagefind's
    search index, whose text a leak test must read too."""
    content = path.read_bytes()
    return gzip.decompress(content) if content[:2] == b"\x1f\x8b" else content


def copy_site(source: Path, destination: Path) -> Path:
    """A fixture site in a temporary folder, using this repository's overrides."""
    shutil.copytree(source, destination)
    config = destination / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("custom_dir: ../../../overrides", f"custom_dir: {REPO / 'overrides'}")
    config.write_text(text, encoding="utf-8")
    return destination


def copy_shipped(destination: Path) -> Path:
    """The repository's own site (the seed release) in a temporary folder."""
    destination.mkdir()
    for name in ("mkdocs.yml", "docs", "press_releases", "overrides"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name)
    return destination


def run_build(
    site_dir: Path, *extra: str, env: dict[str, str] | None = None, engine: str = "mkdocs",
) -> Build:
    out = site_dir / "_site"
    # The build's clock is the real one unless a test sets PRESSROOM_NOW itself.
    environment = {key: value for key, value in os.environ.items() if key != "PRESSROOM_NOW"}
    environment.update({"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    result = subprocess.run(
        [*ENGINES[engine], "build", "--clean", "--site-dir", str(out), *extra],
        cwd=site_dir, env=environment, capture_output=True, text=True, timeout=300,
    )
    return Build(site_dir, out, result)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    """GET a page from the local server: (status, text); 0 when nothing answers yet."""
    import urllib.error
    import urllib.request

    assert url.startswith("http://127.0.0.1:"), "tests only talk to this machine"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition: Callable[[], T], timeout: float = 30, interval: float = 0.25) -> T:
    """Poll until `condition()` is truthy, bounded in time; returns its last value."""
    import time

    deadline = time.monotonic() + timeout
    value = condition()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = condition()
    return value


class Serving:
    """`mkdocs serve --livereload` (or `properdocs serve`) on a free local port, stopped when
    the block ends."""

    def __init__(
        self, site_dir: Path, env: dict[str, str] | None = None, *options: str,
        engine: str = "mkdocs",
    ) -> None:
        self.site_dir = site_dir
        self.options = options
        self.engine = engine
        self.port = free_port()
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        self.base = f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> Serving:
        self.process = subprocess.Popen(
            [*ENGINES[self.engine], "serve", "--livereload", "-a", f"127.0.0.1:{self.port}",
             *self.options],
            cwd=self.site_dir, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True,
        )
        if not wait_for(lambda: fetch(self.base)[0] == 200, timeout=60):
            self.__exit__()
            raise AssertionError(f"{self.engine} serve did not start:\n{self.output}")
        return self

    def get(self, path: str) -> tuple[int, str]:
        return fetch(self.base + path.lstrip("/"))

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        try:
            self.output = self.process.communicate(timeout=10)[0]
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.output = self.process.communicate()[0]


def run_command(capsys, *argv: str) -> tuple[int, str, str]:
    """The `pressroom` command run in this process: (exit code, stdout, stderr)."""
    from pressroom.cli.main import main

    try:
        code = main(list(argv))
    except SystemExit as stopped:  # argparse exits on usage errors
        code = int(stopped.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
