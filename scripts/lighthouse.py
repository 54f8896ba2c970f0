#!/usr/bin/env python3
"""Lighthouse's four scores for the shipped site, on a phone, as a visitor would load it.

Builds the repository's own site for the address it is then served from (127.0.0.1, gzipped,
with the cache headers a good static host sends), and runs Lighthouse (npm `lighthouse`,
pinned in package.json) in mobile mode with Debian's Chromium on each page in PAGES. It
prints a Markdown table of the performance, accessibility, best-practices and SEO scores,
then, for each score under 100, the audits that cost points, and writes each page's full
report to lighthouse-reports/<page>.json (ignored by git).

    .venv/bin/python scripts/lighthouse.py
    .venv/bin/python scripts/lighthouse.py --pages home,release

It is a measurement, not a test: low scores do not fail it. It exits with 1 only when
Lighthouse cannot run or cannot audit a page, or when a page made a request to another host
(Chromium is also told to resolve no other host, so none can leave this machine).
Needs `npm ci` (for node_modules/.bin/lighthouse) and /usr/bin/chromium, as scripts/test
installs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
REPORTS = REPO / "lighthouse-reports"
SITE_SOURCES = ("mkdocs.yml", "docs", "press_releases", "overrides")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LOCAL_HOST = "127.0.0.1"
# Headless as in CI; no sandbox, since CI runs as root. Chromium resolves no host but this
# one, so neither a page nor Chromium's own services can reach another.
CHROME_FLAGS = (
    "--headless=new --no-sandbox "
    f"--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE {LOCAL_HOST}'"
)
# One page of each kind a journalist lands on, in both languages. A page this branch does not
# build yet is reported as missing, not audited.
PAGES = {
    "home": "/",
    "press": "/press/",
    "release": "/press/2020/clearview-ai-ice-foia/",
    "partner": "/partners/mijente/",
    "media": "/media/",
    "search": "/search/",
    "es-home": "/es/",
    "es-release": "/es/press/2020/clearview-ai-ice-foia/",
}


# --- Serving the built site as a static host would --------------------------------------

# Material names its bundles after their content (bundle.a5f9d56c.min.js): a new build gets
# new names, so these can be kept for a year. Anything else may change under its name.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)$")
COMPRESSIBLE = {"application/javascript", "application/json", "application/xml"}


def cache_control(path: str, content_type: str) -> str:
    if FINGERPRINTED.search(path):
        return "public, max-age=31536000, immutable"
    if content_type == "text/html":
        return "no-cache"  # revalidate: a release can be corrected, an embargo lifts
    return "public, max-age=600"  # what GitHub Pages sends for every file


def compressible(content_type: str) -> bool:
    return (content_type.startswith("text/") or content_type in COMPRESSIBLE
            or content_type.endswith(("+xml", "+json")))


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """A built site's files, gzipped when the browser accepts it, with cache headers."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript", ".map": "application/json",
        ".json": "application/json", ".xml": "application/xml",
    }

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        address = urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not address.endswith("/"):
            self.send_response(301)
            self.send_header("Location", address + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        content = path.read_bytes() if path.is_file() else b"Not found"
        content_type = self.guess_type(str(path)).split(";")[0]
        self.send_response(status)
        if compressible(content_type):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                content = gzip.compress(content, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        text = content_type.startswith("text/") or content_type in COMPRESSIBLE
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if text else ""))
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", cache_control(address, content_type))
        self.end_headers()
        if send_body:
            self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port; yields the address, `http://127.0.0.1:PORT`.

    The port is taken before the folder is filled, so a site can be built for the address."""
    root.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        (LOCAL_HOST, 0), lambda *args: StaticHost(*args, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build_for(base: str, folder: Path) -> Path:
    """The repository's site, built with --strict for `base` (its canonical, hreflang and feed
    links then point at the served copy); returns the built site's folder."""
    site = folder / "site"
    site.mkdir()
    for name in SITE_SOURCES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site / name)
    config = site / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {base}/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    out = folder / "built"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        cwd=site, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True,
        text=True, check=False,
    )
    if build.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{build.stdout}{build.stderr}")
    return out


# --- Lighthouse ---------------------------------------------------------------------------

@dataclass
class Audit:
    category: str
    id: str
    title: str
    score: float
    shown: str  # Lighthouse's displayValue: "1.2 s", "2 resources found"
    weight: float  # 0 for advice that explains a score but does not make it


@dataclass
class PageResult:
    name: str
    path: str
    scores: dict[str, int | None] = field(default_factory=dict)
    lost: list[Audit] = field(default_factory=list)  # audits that cost points
    foreign: list[str] = field(default_factory=list)  # requests to another host
    runs: list[int | None] = field(default_factory=list)  # each run's performance score
    missing: bool = False
    error: str = ""


def lighthouse_command(url: str, report: Path) -> list[str]:
    return [
        str(LIGHTHOUSE), url, "--quiet", "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}", "--output=json",
        f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
        "--no-enable-error-reporting",
    ]


def read_report(name: str, path: str, report: dict) -> PageResult:
    """Scores out of 100, the audits under a full score, and any request off this machine."""
    result = PageResult(name, path)
    if report.get("runtimeError"):
        result.error = f"{report['runtimeError']['code']}: {report['runtimeError']['message']}"
    audits = report["audits"]
    for category_id in CATEGORIES:
        category = report["categories"][category_id]
        score = category["score"]
        result.scores[category_id] = None if score is None else round(score * 100)
        if score is None or score == 1:
            continue
        for reference in category["auditRefs"]:
            audit = audits[reference["id"]]
            if (audit["score"] is not None and audit["score"] < 1
                    and audit["scoreDisplayMode"] in {"binary", "numeric", "metricSavings"}):
                result.lost.append(Audit(category_id, audit["id"], audit["title"],
                                         audit["score"], audit.get("displayValue", ""),
                                         reference["weight"]))
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    result.foreign = [request["url"] for request in requests
                      if urlsplit(request["url"]).scheme in {"http", "https", "ws", "wss"}
                      and urlsplit(request["url"]).hostname != LOCAL_HOST]
    return result


def audit_page(base: str, built: Path, name: str, path: str, reports: Path,
               runs: int = 1) -> PageResult:
    """The page's report, of `runs` runs the one with the median performance score: the
    performance score moves from run to run with the machine's load, the others do not."""
    if not (built / path.strip("/") / "index.html").is_file():
        return PageResult(name, path, missing=True)
    report = reports / f"{name}.json"
    report.unlink(missing_ok=True)
    measured: list[tuple[PageResult, Path]] = []
    for number in range(runs):
        attempt = reports / f"{name}.run{number + 1}.json"
        run = subprocess.run(
            lighthouse_command(base + path, attempt),
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True, text=True, check=False, timeout=300,
        )
        if run.returncode != 0 or not attempt.is_file():
            attempt.unlink(missing_ok=True)
            return PageResult(name, path, error=(run.stderr or run.stdout).strip()[-2000:]
                              or f"lighthouse exited with {run.returncode}")
        result = read_report(name, path, json.loads(attempt.read_text(encoding="utf-8")))
        measured.append((result, attempt))
    measured.sort(key=lambda pair: pair[0].scores["performance"] or 0)
    median, kept = measured[len(measured) // 2]
    median.runs = [pair[0].scores["performance"] for pair in measured]
    median.foreign = sorted({url for pair in measured for url in pair[0].foreign})
    kept.rename(report)
    for _, attempt in measured:
        attempt.unlink(missing_ok=True)
    return median


# --- Output -------------------------------------------------------------------------------

def score_cell(score: int | None) -> str:
    return "–" if score is None else str(score)


def table(results: list[PageResult]) -> str:
    lines = ["| Page | Address | Performance | Accessibility | Best practices | SEO |",
             "|---|---|---:|---:|---:|---:|"]
    for result in results:
        if result.missing:
            cells = ["not built on this branch", "", "", ""]
        elif result.error:
            cells = ["Lighthouse failed", "", "", ""]
        else:
            cells = [score_cell(result.scores[category]) for category in CATEGORIES]
            if len(result.runs) > 1:  # the median, and each run's
                cells[0] += " (" + ", ".join(map(score_cell, result.runs)) + ")"
        lines.append(f"| {result.name} | `{result.path}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def details(results: list[PageResult]) -> str:
    lines = []
    for result in results:
        if result.missing:
            lines.append(f"{result.name} ({result.path}): skipped, this build has no such page")
        if result.error:
            lines.append(f"{result.name} ({result.path}): Lighthouse failed: {result.error}")
        if result.lost:
            lines.append(f"{result.name} ({result.path}): audits under a full score")
            lines += [f"  {audit.category}: {audit.id} ({audit.score:.2f}"
                      + ("" if audit.weight else ", advice") + f"): {audit.title}"
                      + (f" [{audit.shown}]" if audit.shown else "") for audit in result.lost]
        if result.foreign:
            lines.append(f"{result.name} ({result.path}): requests to another host: "
                         + ", ".join(result.foreign))
    return "\n".join(lines)


def machine(reports: Path, results: list[PageResult]) -> str:
    """What the figures were measured with, for the README."""
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True,
                             check=False).stdout.strip()
    chromium = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True,
                              check=False).stdout.strip()
    benchmark = ""
    for result in results:
        report = reports / f"{result.name}.json"
        if not result.missing and not result.error and report.is_file():
            environment = json.loads(report.read_text(encoding="utf-8"))["environment"]
            benchmark = f", Lighthouse's CPU benchmark index {environment['benchmarkIndex']:.0f}"
            break
    return (f"{dt.date.today().isoformat()}, Lighthouse {version}, {chromium}, "
            f"{os.cpu_count()} CPUs ({platform.machine()}){benchmark}")


# --- Command line -------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    command.add_argument("--pages", default=",".join(PAGES),
                         help=f"comma-separated, from: {', '.join(PAGES)} (default: all)")
    command.add_argument("--runs", type=int, default=1,
                         help="runs per page; the median performance run is kept (default: 1)")
    command.add_argument("--reports", type=Path, default=REPORTS,
                         help="folder for the JSON reports (default: lighthouse-reports/)")
    return command


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    names = [name.strip() for name in options.pages.split(",") if name.strip()]
    if options.runs < 1:
        parser().error("--runs must be at least 1")
    unknown = [name for name in names if name not in PAGES]
    if unknown:
        parser().error(f"no page called {', '.join(unknown)}; pages: {', '.join(PAGES)}")
    for tool, how in ((LIGHTHOUSE, "run `npm ci` in the repository"),
                      (CHROMIUM, "install Debian's chromium package")):
        if not tool.exists():
            print(f"{tool} is missing: {how}", file=sys.stderr)
            return 1
    options.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pressroom-lighthouse-") as folder:
        root = Path(folder) / "built"
        with serving(root) as base:
            print(f"building the site for {base}/", file=sys.stderr)
            build_for(base, Path(folder))
            results = []
            for name in names:
                print(f"auditing {name} ({PAGES[name]})", file=sys.stderr)
                results.append(audit_page(base, root, name, PAGES[name], options.reports,
                                           options.runs))
    print(table(results))
    print()
    print(machine(options.reports, results))
    if text := details(results):
        print()
        print(text)
    print(f"\nReports: {options.reports}/<page>.json")
    return 1 if any(result.error or result.foreign for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
