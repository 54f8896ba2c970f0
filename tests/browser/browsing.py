"""What the browser tests visit, and with which tools (imported by conftest.py and the tests)."""

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = REPO / "tests" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require(path: Path, how: str) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: {how}", pytrace=False)
    return path


LOCAL_HOSTS = {"127.0.0.1"}

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 740},
    "narrow": {"width": 320, "height": 640},
}

# One of each kind of page, on the fixture newsroom.
FIXTURE_PAGES = {
    "home": "/",
    "press": "/press/",
    "release": "/press/2023/coalition-sues-dhs-drone-surveillance-records/",
    "partner": "/partners/border-rights-network/",
    "campaign": "/campaigns/stop-face-surveillance/",
    "topic": "/press/topics/surveillance/",
    "search": "/search/?q=Zanzibarite",  # Material's search box open, with a result
}

# The same kinds of page on the repository's own newsroom, whose theme has navigation tabs.
SHIPPED_PAGES = {
    "home": "/",
    "press": "/press/",
    "release": "/press/2020/clearview-ai-ice-foia/",
    "partner": "/partners/mijente/",
    "campaign": "/campaigns/clearview-ai-foia/",
    "topic": "/press/topics/facial-recognition/",
    "search": "/search/?q=Clearview",
}

SITES = {"fixture": FIXTURE_PAGES, "shipped": SHIPPED_PAGES}
