"""Render the chrome that many pages share once, not once per page.

Material renders the tabs, the navigation drawer, the header around the page's title, the
footer, the style links and its configuration block again for every page: at a thousand
releases that was about a fifth of the build. A page outside the nav (every release, every
listing) highlights nothing in the nav, so these differ from another such page's only by
their relative links and their language. Pages whose links and language come out the same
share one rendering. A release's card in the listings is likewise rendered once per page depth
and language. MkDocs-specific: the core knows nothing of templates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

KEY = "pressroom_chrome_key"
LANGUAGE = "pressroom_language"  # the page's language code, which Material's strings follow


def chrome_key(
    page: Page, nav: Navigation, logo: str | None, language: str
) -> tuple[str, ...] | None:
    """What a page's navigation depends on, or None when the page must render its own."""
    if page in nav.pages:
        return None  # the nav marks this page, and its section, as the active one
    targets = [nav.homepage.url if nav.homepage else "", *(_urls(nav.items))]
    if logo:
        targets.append(logo)
    return (language, *(normalize_url(target, page) for target in targets))


def _urls(items: list[Any]) -> Iterator[str]:
    for item in items:
        if getattr(item, "url", None) is not None:
            yield item.url
        yield from _urls(getattr(item, "children", None) or [])


class SharedChrome:
    """The template functions `pressroom_shared` and `pressroom_card`, with their cache for one
    build."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, tuple[str, ...]], str] = {}
        self.share = True

    def reset(self, *, share: bool = True) -> None:
        """Start a build; with `share` off (the `shared_chrome: false` setting) every page
        renders its own chrome and cards, the reference a shared build must equal."""
        self.rendered.clear()
        self.share = share

    @pass_context
    def __call__(self, context: Context, name: str, render: Callable[[], str]) -> str:
        key = context.get(KEY)
        if key is None or not self.share:
            return render()
        if (name, key) not in self.rendered:
            self.rendered[(name, key)] = Markup(render())
        return self.rendered[(name, key)]

    @pass_context
    def card(self, context: Context, card: Any, root: str,
             render: Callable[[Any, str], str]) -> str:
        """`pressroom_card(card, base_url, render)`: a release's card in a listing. A release
        is listed on some seven pages (archive, year, partners, campaign, topics); its card,
        linking from `root`, is the same on every page at the same depth in one language."""
        if not self.share:
            return _html(render(card, root))
        key = ("card", (card.url, root, str(context.get(LANGUAGE))))
        if key not in self.rendered:
            self.rendered[key] = _html(render(card, root))
        return self.rendered[key]


def _html(rendered: str) -> Markup:
    # Called from Python, a macro returns a plain string: it is HTML, already escaped.
    return Markup(rendered)
