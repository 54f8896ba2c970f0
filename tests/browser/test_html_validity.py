"""Every generated page is valid HTML, by the Nu Html Checker (npm `vnu-jar`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from browsing import VNU_JAR, require


def nu_errors(site: Path) -> list[str]:
    pages = sorted(str(path) for path in site.rglob("*.html"))
    assert pages, f"no HTML in {site}"
    java = shutil.which("java")
    assert java, "java is missing: run scripts/test, which installs a headless JRE"
    jar = require(VNU_JAR, "run scripts/test, which runs `npm ci` in tests/browser")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    return [
        f"{message.get('url', '').removeprefix('file:' + str(site))}:{message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()[:120]}]"
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def test_fixture_site_is_valid_html(built_fixture):
    errors = nu_errors(built_fixture.out)
    assert errors == [], "\n".join(errors)


def test_shipped_site_is_valid_html(built_shipped):
    errors = nu_errors(built_shipped.out)
    assert errors == [], "\n".join(errors)
