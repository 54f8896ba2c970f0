"""What the browser tests visit, and with which tools and checks (imported by conftest.py and
the tests)."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

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
    # The sizes the newsroom's first screen is judged at (issue 15).
    "laptop": {"width": 1280, "height": 900},
    "mobile": {"width": 390, "height": 844},
}

# One of each kind of page, on the fixture newsroom.
FIXTURE_PAGES = {
    "home": "/",
    "press": "/press/",
    "release": "/press/2023/coalition-sues-dhs-drone-surveillance-records/",
    "partner": "/partners/border-rights-network/",
    "partner-logo": "/partners/sanctuary-legal/",  # logo and its download, contacts
    "media": "/media/",
    "campaign": "/campaigns/stop-face-surveillance/",
    "topic": "/press/topics/surveillance/",
    "search": "/search/?q=Zanzibarite",  # with its one result shown
}

# The same kinds of page on the repository's own newsroom, whose theme has navigation tabs.
SHIPPED_PAGES = {
    "home": "/",
    "press": "/press/",
    "release": "/press/2020/clearview-ai-ice-foia/",
    "partner": "/partners/mijente/",
    "partner-logo": "/partners/immigrant-defense-project/",  # contacts and social links
    "media": "/media/",
    "campaign": "/campaigns/clearview-ai-foia/",
    "topic": "/press/topics/facial-recognition/",
    "search": "/search/?q=Clearview",
}

SITES = {"fixture": FIXTURE_PAGES, "shipped": SHIPPED_PAGES}


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map(v => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}
"""


def axe_violations(visit, axe_source: str) -> list[dict]:
    # Evaluated by the driver, not added as a <script>: the page's policy refuses those.
    visit.page.evaluate(axe_source)
    return visit.page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations
    )


def settled(visit):
    """The visit, once a search in its address has shown its results."""
    if "?q=" in visit.page.url:
        search_result_links(visit.page).first.wait_for()
    return visit


def search_result_links(page):
    return page.locator(".pressroom-search__results .pressroom-card__title a")


def listed_titles(page) -> list[str]:
    return page.locator("[data-pressroom-results] .pressroom-card__title").all_inner_texts()


def policy_violations(page: Page, refused: list[str]) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations") + refused


def horizontal_overflow(page) -> int:
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


# Whether the focused element shows a focus indicator: an outline or a box shadow.
FOCUS_RING = """
() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return outline || shadow;
}
"""
