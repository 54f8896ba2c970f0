"""Loading the newsroom from disk, collecting every problem before giving up."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from pressroom.core.content.front_matter import (
    ID_HINT,
    RELEASE_FILE_NAME,
    SLUG_PATTERN,
    CalendarDate,
    CampaignFront,
    CampaignTranslationFront,
    PartnerFront,
    PartnerTranslationFront,
    ReleaseFront,
)
from pressroom.core.content.languages import (
    DEFAULT_LANGUAGES,
    SHARED_FIELDS,
    SUPPORTED,
    prefix,
    split_language,
    unlisted_language,
)
from pressroom.core.content.newsroom import (
    Campaign,
    Newsroom,
    PageTranslation,
    Partner,
    Release,
    topic_key,
    topic_slug,
)
from pressroom.core.content.release_file import placeholder_left
from pressroom.core.content.slugs import slugify
from pressroom.core.errors import ContentError, ContentErrors, lines_around
from pressroom.core.loading.field_messages import explain, unknown_id
from pressroom.core.loading.page_text import body_hazards
from pressroom.core.loading.sealed import SEALED_FOLDER, SealedReleases, inner_display, place
from pressroom.core.loading.source import (
    FieldPath,
    SourceDocument,
    read_source,
    read_source_text,
)
from pressroom.core.publishing.rules import Clock, goes_public_before, may_be_held_back
from pressroom.core.settings import TopicLabels, topic_labels_in

Front = TypeVar("Front", bound=BaseModel)
Page = TypeVar("Page", Partner, Campaign)

# Slugs that would collide with pages Pressroom generates under /press/<year>/.
RESERVED_SLUGS = frozenset({"index"})
# Subfolders of the releases folder whose files are releases too. None: a release in a
# subfolder (`drafts/`, an old `2019/`) would be published without anyone meaning to. The one
# subfolder allowed, `sealed/`, holds sealed releases, which core/loading/sealed.py reads.
RELEASE_SUBFOLDERS: frozenset[str] = frozenset()


# What a file read into, by path, with the modification time and size it had then.
ReadCache = dict[Path, tuple[tuple[int, int], tuple[SourceDocument, BaseModel]]]


def load_newsroom(
    root: Path, releases_dir: Path, docs_dir: Path, cache: ReadCache | None = None,
    clock: Clock | None = None, languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    sealed: SealedReleases | None = None, topic_labels: TopicLabels | None = None,
) -> Newsroom:
    """Read and cross-check all content, or raise ContentErrors listing every problem.

    `sealed`: the sealed releases the build's key opened, read from memory like files.
    `topic_labels`: the labels the site's settings give topics (settings.topic_labels).

    With a cache (a preview server's, kept between rebuilds), files that have not changed
    since the last call are not read again; every cross-check still runs. The clock only
    decides which files' errors count as confidential; what is valid never depends on it.
    """
    clock = clock or Clock(dt.datetime.now(dt.UTC))
    loader = _Loader(root, cache, languages)
    if sealed is not None:
        loader.add_sealed(sealed, releases_dir, docs_dir)
    partners = loader.pages(docs_dir / "partners", PartnerFront, Partner, PartnerTranslationFront)
    campaigns = loader.pages(
        docs_dir / "campaigns", CampaignFront, Campaign, CampaignTranslationFront
    )
    releases = loader.releases(releases_dir)
    loader.check_translations(releases, clock.zone)
    loader.check_references(releases, partners, campaigns)
    loader.check_publishing_order(releases, partners, campaigns, clock.zone)
    loader.check_topics(releases)
    loader.check_files(docs_dir, [(r.document, "image", r.front.image) for r in releases]
                       + [(p.document, "logo", p.front.logo) for p in partners])
    if loader.errors:
        raise ContentErrors([
            replace(error, confidential=loader.confidential(error.file, clock),
                    around=loader.lines_around(error))
            for error in loader.errors
        ])
    # Every check has passed: the raw front matter and the line of each key have done their
    # job. Keeping them would hold megabytes through the build at a thousand releases.
    labels = {lang: topic_labels_in(topic_labels or {}, lang) for lang in languages}
    return Newsroom(
        releases=tuple(replace(r, document=r.document.checked(), topic_labels=labels[r.lang])
                       for r in releases),
        partners={p.id: replace(p, document=p.document.checked(),
                                logo_size=_file_size(docs_dir, p.front.logo))
                  for p in partners},
        campaigns={c.id: replace(c, document=c.document.checked()) for c in campaigns},
        languages=languages,
    )


def load_pages(
    root: Path, docs_dir: Path, languages: tuple[str, ...] = DEFAULT_LANGUAGES,
) -> tuple[dict[str, Partner], dict[str, Campaign]]:
    """The partner and campaign pages that are valid, for staff commands that need their ids,
    names and contacts; `pressroom check` reports the others."""
    loader = _Loader(root, languages=languages)
    partners = loader.pages(docs_dir / "partners", PartnerFront, Partner, PartnerTranslationFront)
    campaigns = loader.pages(
        docs_dir / "campaigns", CampaignFront, Campaign, CampaignTranslationFront
    )
    return {p.id: p for p in partners}, {c.id: c for c in campaigns}


class _Loader:
    def __init__(
        self, root: Path, cache: ReadCache | None = None,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    ) -> None:
        self.root = root
        self.languages = languages
        self.real_root = root.resolve()
        self.cache = cache
        self.errors: list[ContentError] = []
        # The raw front matter of every file read, by display path, and whether it is a
        # release: enough to tell, for any error, whether the file may be held back.
        self.raw: dict[str, tuple[dict[str, Any], bool]] = {}
        # Releases and campaigns whose front matter failed validation, by display path, with
        # the model they failed: their ids, file names and dates are still checked.
        self.rejected: dict[str, tuple[SourceDocument, type[BaseModel]]] = {}
        # Partner and campaign pages that exist but have errors, by model and id: naming one
        # is no misspelling, and is reported as naming a page with problems.
        self.broken_pages: dict[tuple[type[BaseModel], str], str] = {}
        # Sealed releases' documents, decrypted: (text, display path) at the path each would
        # have in press_releases/sealed/<id>.age/; and the files under docs/ sealed with them.
        self.memory: dict[Path, tuple[str, str]] = {}
        self.sealed_docs: set[str] = set()
        self.sealed_displays: set[str] = set()

    def add_sealed(self, sealed: SealedReleases, releases_dir: Path, docs_dir: Path) -> None:
        placed = place(sealed, self.root, releases_dir, docs_dir)
        self.errors += placed.errors
        self.sealed_docs = set(placed.docs)
        counts: dict[str, int] = defaultdict(int)
        for sealed_file, name, data in placed.releases:
            counts[sealed_file] += 1
            shown = inner_display(sealed_file, name, counts[sealed_file])
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                self.errors.append(ContentError(shown, 1, "file", "is not UTF-8 text",
                                                "unseal it, save it as UTF-8, seal it again"))
                continue
            sealed_name = sealed_file.rsplit("/", 1)[-1]
            self.memory[releases_dir / SEALED_FOLDER / sealed_name / name] = (text, shown)
            self.sealed_displays |= {shown, sealed_file}

    def display(self, path: Path) -> str:
        if path in self.memory:
            return self.memory[path][1]
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def read(
        self, path: Path, model: type[Front], inherited: dict[str, Any] | None = None,
    ) -> tuple[SourceDocument, Front] | None:
        """The file's document and validated front matter, or None with its errors recorded.

        `inherited`: a translation's fields from its original, used where it sets none.
        """
        if self.cache is None:
            return self._read(path, model, inherited)
        try:
            stat = path.stat()
        except OSError:  # gone since it was listed: reading it says so
            return self._read(path, model, inherited)
        # A translation's result also depends on what it takes from its original.
        version = (stat.st_mtime_ns, stat.st_size, repr(inherited))
        cached = self.cache.get(path)
        if cached is not None and cached[0] == version:
            self.raw[cached[1][0].display_path] = (cached[1][0].metadata, model is ReleaseFront)
            return cached[1]  # type: ignore[return-value]
        read = self._read(path, model, inherited)
        if read is None:
            self.cache.pop(path, None)  # a file with errors is read, and reported, every time
        else:
            self.cache[path] = (version, read)
        return read

    def _read(
        self, path: Path, model: type[Front], inherited: dict[str, Any] | None = None,
    ) -> tuple[SourceDocument, Front] | None:
        # A partner's or campaign's translation may be its text alone; everything else has
        # front matter, and a file without it is an error rather than a guess.
        optional = model in (PartnerTranslationFront, CampaignTranslationFront)
        if path in self.memory:
            document = read_source_text(self.memory[path][0], path, self.display(path),
                                        front_matter_required=True, in_memory=True)
        else:
            document = read_source(path, self.display(path), front_matter_required=not optional)
        if isinstance(document, ContentError):
            self.errors.append(document)
            return None
        own = document.metadata
        metadata = {**{k: v for k, v in (inherited or {}).items() if k not in own}, **own}
        self.raw[document.display_path] = (metadata, model is ReleaseFront)
        try:
            return document, model.model_validate(metadata)
        except ValidationError as invalid:
            errors = _without_consequences(invalid.errors())
            # A field taken from the original is the original's to fix: reported there.
            errors = [e for e in errors if not e["loc"] or e["loc"][0] in own
                      or e["loc"][0] not in (inherited or {})]
            if model in (ReleaseFront, CampaignFront):
                self.rejected[document.display_path] = (document, model)
                errors = [e for e in errors if not _checked_as_reference(e)]
            for error in errors:
                message, hint = explain(error, model)
                self.errors.append(document.error(error["loc"], message, hint))
            return None

    def lines_around(self, error: ContentError) -> tuple[tuple[int, str], ...]:
        """The lines of the file around an error, for whoever shows it in place (never
        printed in CI for a held-back file: see ContentError.lines_shown)."""
        sealed = {shown: text for text, shown in self.memory.values()}
        text = sealed.get(error.file)
        path = self.root / error.file
        if text is None and error.line and not path.is_symlink() and path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig", errors="replace")
            except OSError:
                return ()
        return lines_around(text, error.line) if text and error.line else ()

    def confidential(self, file: str, clock: Clock) -> bool:
        """A file whose errors may quote a held-back page: one that could not be read counts,
        and so does every sealed one."""
        if file not in self.raw or file in self.sealed_displays:
            return True
        metadata, dated = self.raw[file]
        folder, _, name = file.rpartition("/")
        stem, lang = split_language(name, self.languages)
        if lang is not None and not dated:
            # A partner's or campaign's translation is held back with its original page.
            original = self.raw.get(f"{folder}/{stem}.md")
            if original is None or may_be_held_back(original[0], clock, dated=False):
                return True
        return may_be_held_back(metadata, clock, dated=dated)

    def check_publishing_order(
        self, releases: list[Release], partners: list[Partner], campaigns: list[Campaign],
        zone: ZoneInfo,
    ) -> None:
        """A release or campaign never goes public before a partner or campaign page it names."""
        pages: dict[tuple[str, str], Partner | Campaign] = {
            **{("partners", p.id): p for p in partners},
            **{("campaign", c.id): c for c in campaigns},
        }
        naming: list[tuple[Release | Campaign, list[tuple[FieldPath, tuple[str, str]]]]] = []
        for release in releases:
            front = release.front
            named = [(("partners", i), ("partners", p)) for i, p in enumerate(front.partners)]
            named += [(("contacts", i, "org"), ("partners", contact.org))
                      for i, contact in enumerate(front.contacts) if contact.org]
            if front.campaign:
                named.append((("campaign",), ("campaign", front.campaign)))
            naming.append((release, named))
        for campaign in campaigns:
            naming.append((campaign, [(("partners", i), ("partners", p))
                                      for i, p in enumerate(campaign.front.partners)]))
        for item, named in naming:
            for location, key in named:
                page = pages.get(key)
                if page is not None and goes_public_before(item, page, zone):
                    self.errors.append(item.document.error(
                        location, f"names {page.document.display_path}, which is not public yet "
                        "(a draft, or embargoed later than this page)",
                        "publish that page first, or embargo this one until it lifts",
                    ))

    def pages(
        self, folder: Path, model: type[Front], make: Callable[[str, Front, SourceDocument], Page],
        translation_model: type[BaseModel],
    ) -> list[Page]:
        """Partner or campaign pages: one Markdown file per id, index.md excepted; `<id>.es.md`
        is the page's Spanish text."""
        made = []
        translations: dict[str, list[PageTranslation]] = defaultdict(list)
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            stem, lang = split_language(path.name, self.languages)
            if stem == "index":
                continue
            if self.unlisted(path):
                continue
            linked = self.link_problem(path)
            if linked is not None:
                self.errors.append(linked)
                continue
            if not path.is_file():
                continue  # a folder named like a page
            if not re.match(SLUG_PATTERN, stem):
                self.errors.append(ContentError(
                    self.display(path), 1, "file name", f"{stem!r} is not a valid id",
                    f"rename the file: {ID_HINT}",
                ))
                continue
            read = self.read(path, translation_model if lang else model)
            if read:
                document, front = read
                self.check_body(document)
                if lang:
                    translations[stem].append(PageTranslation(lang, front, document))
                else:
                    made.append(make(stem, front, document))
            elif not lang:
                self.broken_pages[(model, stem)] = self.display(path)
        ids = {page.id for page in made}
        for stem, versions in translations.items():
            for version in versions if stem not in ids else []:
                self.errors.append(ContentError(
                    version.document.display_path, 1, "file name",
                    f"is a translation, but {folder.name}/{stem}.md does not exist",
                    f"add {stem}.md first: the organisation's details live there",
                ))
        return [
            replace(page, translations=tuple(translations.get(page.id, ())),
                    original_lang=self.languages[0])
            for page in made
        ]

    def releases(self, folder: Path) -> list[Release]:
        if not folder.is_dir():
            self.errors.append(ContentError(
                self.display(folder), 1, "releases_dir", "folder not found",
                "create it, or set `releases_dir` under the pressroom plugin in mkdocs.yml",
            ))
            return []
        files = self.release_files(folder) + list(self.memory)
        named = {path: split_language(path.name, self.languages) for path in files}
        originals = {stem: path for path, (stem, lang) in named.items() if lang is None}
        releases = []
        # Originals first: a translation takes its shared fields from what its original says.
        for path in sorted(files, key=lambda path: named[path][1] is not None):
            stem, lang = named[path]
            original = originals.get(stem) if lang is not None else None
            release = self.release(path, stem, lang or self.languages[0], original)
            if release is not None:
                releases.append(release)
        self.check_unique(releases)
        return sorted(releases, key=lambda release: release.source)

    def release_files(self, folder: Path) -> list[Path]:
        """The files that are releases, reporting subfolders and links that would bring in a
        release from somewhere nobody looks. Dot-files and dot-folders (editor swap files,
        .gitkeep) are ignored."""
        found = []
        # Walked by hand: Path.rglob skips linked folders silently on Python 3.11 and 3.12.
        for top, folders, files in os.walk(folder, onerror=self.unreadable):
            here = Path(top)
            walked = []
            for name in sorted(name for name in folders if not name.startswith(".")):
                if here == folder and name == SEALED_FOLDER and not (here / name).is_symlink():
                    continue  # sealed releases: core/loading/sealed.py reads them
                problem = self.subfolder_problem(here / name, here == folder)
                if problem is None:
                    walked.append(name)
                else:
                    self.errors.append(problem)
            folders[:] = walked
            for name in files:
                path = here / name
                if name.startswith("."):
                    continue
                linked = self.link_problem(path)
                if linked is None:
                    found.append(path)
                else:
                    self.errors.append(linked)
        return sorted(found)

    def subfolder_problem(self, path: Path, at_top: bool) -> ContentError | None:
        if path.is_symlink():
            return self.link_problem(path) or ContentError(
                self.display(path), 1, "folder", "is a link to a folder",
                f"move the releases themselves into {self.display(path.parent)}/",
            )
        if at_top and path.name in RELEASE_SUBFOLDERS:
            return None
        return ContentError(
            self.display(path), 1, "folder",
            f"releases live directly in {self.display(path.parent)}/, not in subfolders",
            "move its releases up, or delete the folder",
        )

    def link_problem(self, path: Path) -> ContentError | None:
        """A link that leads outside the repository, or nowhere; None for anything else."""
        if not path.is_symlink():
            return None
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # dangling, or a loop of links
            return ContentError(
                self.display(path), 1, "file", "is a link to a file that does not exist",
                "fix the link, or delete it",
            )
        if not target.is_relative_to(self.real_root):
            return ContentError(
                self.display(path), 1, "file", "is a link that points outside the repository",
                "copy the file into the repository instead of linking to it",
            )
        return None

    def unreadable(self, problem: OSError) -> None:
        self.errors.append(ContentError(
            self.display(Path(problem.filename)), 1, "folder",
            f"cannot be read: {problem.strerror}", "check that you can open the folder",
        ))

    def unlisted(self, path: Path) -> bool:
        """A file in a language the site's settings do not list: say so, never guess."""
        lang = unlisted_language(path.name, self.languages)
        if lang is not None:
            listed = ", ".join(self.languages)
            self.errors.append(ContentError(
                self.display(path), 1, "file name",
                f"is a {SUPPORTED[lang].english} version, but the site's languages are {listed}",
                f"add {lang} to `languages` under the pressroom plugin in mkdocs.yml, "
                "or rename the file",
            ))
        return lang is not None

    def release(
        self, path: Path, stem: str, lang: str, original: Path | None,
    ) -> Release | None:
        """The release in one file, or None with every problem in it recorded: those of its
        name are found even when its front matter cannot be read, and the reverse."""
        shown = self.display(path)
        if self.unlisted(path):
            return None
        name = RELEASE_FILE_NAME.match(f"{stem}.md")
        if name is None:
            self.errors.append(ContentError(
                shown, 1, "file name", "is not named like a release",
                "name it YYYY-MM-DD-slug.md, for example 2020-10-20-clearview-foia.md "
                "(YYYY-MM-DD-slug.es.md for its Spanish version)",
            ))
            if path.suffix != ".md":
                return None  # a picture or a PDF: its name is the one problem to report
        inherited = None
        if original is not None:
            raw = self.raw.get(self.display(original))
            # An original that could not be read reports its own error; this file is still
            # checked for its own, as if the original gave every shared field.
            inherited = {key: None for key in SHARED_FIELDS} if raw is None else {
                key: raw[0][key] for key in SHARED_FIELDS if key in raw[0]}
            if self.display(original) in self.rejected:
                # A field the original lacks is the original's error, not this file's.
                inherited = {key: None for key in SHARED_FIELDS} | inherited
        read = self.read(path, ReleaseFront, inherited)
        if original is not None and self.display(original) not in self.raw:
            # Whether the original is held back is unknown, so this file's errors may quote
            # a held-back release: they count as a file's that could not be read.
            self.raw.pop(shown, None)
        if read is None and lang != self.languages[0] and original is None:
            self.explain_lone_translation(shown, stem)
        document, front = read or (self.rejected.get(shown, (None,))[0], None)
        if document is not None:
            self.check_body(document)
        if name is None:
            return None
        slug = self.check_slug(shown, document, front, name["slug"])
        self.check_file_date(shown, document, front, name["date"])
        if read is None or slug is None:
            return None
        self.check_finished(document, front)
        taken = tuple(key for key in inherited or {} if key not in document.metadata)
        return Release(front, slug, document, lang, prefix(lang, self.languages), stem, taken)

    def check_slug(
        self, shown: str, document: SourceDocument | None, front: ReleaseFront | None,
        named: str,
    ) -> str | None:
        """The release's slug, from `slug:` or else its file name, or None when it cannot be
        part of a web address. A `slug:` the model refused has been reported already."""
        if front is not None:
            written = front.slug
        else:
            written = document.metadata.get("slug") if document else None
            if written is not None and (
                not isinstance(written, str) or not re.match(SLUG_PATTERN, written.strip())
            ):
                return None
            written = written and written.strip()
        slug = written or named
        if not re.match(SLUG_PATTERN, slug) or slug in RESERVED_SLUGS:
            hint = f"{ID_HINT}, and not `index`"
            suggested = slugify(slug)
            if not written and suggested and suggested not in RESERVED_SLUGS:
                # `2026-12-01-new coalition.md`: say the name to give it.
                date, _, ending = shown.rpartition("/")[2].rpartition(slug)
                hint = f"rename the file to {date}{suggested}{ending}: {hint}"
            self.errors.append(ContentError(
                shown, document.line_of(("slug",)) if document else 1,
                "slug" if written else "file name",
                f"{slug!r} cannot be part of a web address", hint,
            ))
            return None
        return slug

    def check_finished(self, document: SourceDocument, front: ReleaseFront) -> None:
        """Words `pressroom new` wrote for staff to replace never go out: only in a draft."""
        if front.draft:
            return
        for key in ("title", "subtitle", "summary"):
            if placeholder_left(getattr(front, key) or ""):
                self.errors.append(document.error(
                    (key,), "still says what to write here",
                    "write it, or keep `draft: true` until the release is ready"))
        if placeholder_left(document.body):
            self.errors.append(ContentError(
                document.display_path, document.body_line, "body",
                "still has the text `pressroom new` wrote to be replaced",
                "write the release's text, or keep `draft: true` until it is ready"))

    def explain_lone_translation(self, shown: str, stem: str) -> None:
        """A Spanish file without its English one may be a translation whose original is
        missing: when it lacks what only an original gives, say that, not "date is required"."""
        missing = [e for e in self.errors if e.file == shown and e.message == "is required"]
        if not missing:
            return
        for error in missing:
            self.errors.remove(error)
        fields = ", ".join(error.field for error in missing)
        self.errors.append(ContentError(
            shown, 1, "file name",
            f"has no original {stem}.md in the same folder, and lacks {fields}",
            "add the original release, or give this one all its fields to publish it only "
            "in this language",
        ))

    def check_translations(self, releases: list[Release], zone: ZoneInfo) -> None:
        """A translation goes out with its original: never on another date, never earlier."""
        by_key = {r.key: r for r in releases if r.lang == self.languages[0]}
        for release in releases:
            original = by_key.get(release.key)
            if original is None or original is release:
                continue
            own = release.document.metadata
            for key in ("date", "embargo"):
                if key in own and getattr(release.front, key) != getattr(original.front, key):
                    self.errors.append(release.document.error(
                        (key,), f"differs from its original {original.source}",
                        f"remove the line: a translation takes its {key} from its original",
                    ))
            if goes_public_before(release, original, zone):
                self.errors.append(release.document.error(
                    ("draft",) if "draft" in own else (),
                    f"would be published before its original {original.source}, a draft",
                    "keep `draft: true` here until the original is ready",
                ))

    def check_file_date(
        self, shown: str, document: SourceDocument | None, front: ReleaseFront | None,
        named: str,
    ) -> None:
        """The file name's date is a real one, and the release's own: checked against `date`
        as written when the rest of the front matter failed validation."""
        try:
            file_date = dt.date.fromisoformat(named)
        except ValueError:
            self.errors.append(ContentError(
                shown, 1, "file name", f"{named} is not a real calendar date",
                "start the file name with the release's date, YYYY-MM-DD",
            ))
            return
        dated = front.date if front else _written_date(document)
        if document is not None and dated is not None and file_date != dated:
            self.errors.append(document.error(
                ("date",), f"is {dated}, but the file name says {file_date}",
                "make the file name start with the same date as `date`",
            ))

    def check_unique(self, releases: list[Release]) -> None:
        by_address: dict[str, list[Release]] = defaultdict(list)
        for release in releases:
            by_address[release.url].append(release)
        for url, same in by_address.items():
            for release in same if len(same) > 1 else []:
                others = ", ".join(other.source for other in same if other is not release)
                self.errors.append(release.document.error(
                    ("slug",), f"/{url} is also the address of {others}",
                    "give one of them a different slug (in the file name or with `slug:`)",
                ))

    def check_body(self, document: SourceDocument) -> None:
        """Page text that would run a script or embed another page, at its line in the file."""
        self.errors += [
            ContentError(document.display_path, document.body_line + line - 1, "body",
                         hazard.message, hazard.hint)
            for line, hazard in body_hazards(document.body)
        ]

    def check_files(
        self, docs_dir: Path, references: list[tuple[SourceDocument, str, str | None]]
    ) -> None:
        """`image` and `logo` name a file in docs/: the site never shows another host's."""
        for document, key, named in references:
            sealed_with = named in self.sealed_docs
            problem = _docs_file_problem(docs_dir, self.display(docs_dir), named) \
                if named and not sealed_with else None
            if problem:
                self.errors.append(document.error((key,), problem, _FILE_HINT))

    def check_topics(self, releases: list[Release]) -> None:
        """Distinct topics never share an address: the first label at one (in file order)
        keeps it, and each other label there is an error."""
        first: dict[str, tuple[str, Release]] = {}
        for release in releases:
            for index, label in enumerate(release.front.topics):
                slug = topic_slug(label)
                # Each language has its own topic pages: `/es/press/topics/…`.
                claimed, owner = first.setdefault(release.folder + slug, (label, release))
                if topic_key(claimed) != topic_key(label):
                    where = "this release" if owner is release else owner.source
                    self.errors.append(release.document.error(
                        ("topics", index),
                        # The other label is not quoted: it may be a held-back release's.
                        f"{label!r} would share the address "
                        f"/{release.folder}press/topics/{slug}/ with a different topic of {where}",
                        "rename one of the two, or spell them alike if they are one topic",
                    ))

    def check_references(
        self, releases: list[Release], partners: list[Partner], campaigns: list[Campaign]
    ) -> None:
        """Every id a release or campaign names is a page's, misspelt ones included: those
        from files that failed validation too, and ids not even written like one (`Mijente`)."""
        known = {"partner": {partner.id for partner in partners},
                 "campaign": {campaign.id for campaign in campaigns}}
        named: list[tuple[SourceDocument, list[tuple[FieldPath, str, Any]]]] = []
        for release in releases:
            front = release.front
            named.append((release.document, [
                *((("partners", i), "partner", p) for i, p in enumerate(front.partners)),
                *((("contacts", i, "org"), "partner", c.org) for i, c in enumerate(front.contacts)),
                (("campaign",), "campaign", front.campaign),
            ]))
        for campaign in campaigns:
            named.append((campaign.document, [
                (("partners", i), "partner", p) for i, p in enumerate(campaign.front.partners)
            ]))
        for document, model in self.rejected.values():
            named.append((document, _raw_references(document.metadata, model)))
        models = {"partner": PartnerFront, "campaign": CampaignFront}
        for document, references in named:
            for location, kind, value in references:
                if not isinstance(value, str) or not value or value in known[kind]:
                    continue
                broken = self.broken_pages.get((models[kind], value))
                if broken is None:
                    message, hint = unknown_id(kind, value, known[kind])
                else:
                    message = f"names {broken}, which has problems of its own"
                    hint = "fix that page: its problems are listed here too"
                self.errors.append(document.error(location, message, hint))


def _raw_references(
    metadata: dict[str, Any], model: type[BaseModel],
) -> list[tuple[FieldPath, str, Any]]:
    """The ids named by front matter that failed validation, where they are written."""

    def listed(value: Any) -> list[Any]:
        return [value] if isinstance(value, str) else value if isinstance(value, list) else []

    def id_text(value: Any) -> str | None:
        return value.strip() if isinstance(value, str) else None

    found = [(("partners", i), "partner", id_text(partner))
             for i, partner in enumerate(listed(metadata.get("partners")))]
    if model is not ReleaseFront:
        return found
    contacts = metadata.get("contacts")
    found += [(("contacts", i, "org"), "partner", id_text(contact.get("org")))
              for i, contact in enumerate(contacts if isinstance(contacts, list) else [])
              if isinstance(contact, dict)]
    return [*found, (("campaign",), "campaign", id_text(metadata.get("campaign")))]


# Where the model refuses an id not written like one (`Mijente`): the reference check names
# it instead, with the known id it was likely meant to be.
_REFERENCE_SHAPES: tuple[tuple[type | str, ...], ...] = (
    ("partners", int), ("contacts", int, "org"), ("campaign",),
)


def _checked_as_reference(error: ErrorDetails) -> bool:
    location = error["loc"]
    return error["type"] == "string_pattern_mismatch" and any(
        len(location) == len(shape) and all(
            part == expected if isinstance(expected, str) else isinstance(part, expected)
            for part, expected in zip(location, shape, strict=True))
        for shape in _REFERENCE_SHAPES
    )


def _written_date(document: SourceDocument | None) -> dt.date | None:
    """The `date` of front matter that failed validation, when that date itself is valid."""
    written = document.metadata.get("date") if document else None
    try:
        return _CALENDAR_DATE.validate_python(written) if written is not None else None
    except ValidationError:
        return None


_CALENDAR_DATE: TypeAdapter[dt.date] = TypeAdapter(CalendarDate)


def _without_consequences(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """A release without `date` is dated by its embargo: when the embargo itself is wrong,
    "date is required" would only send staff to the wrong line."""
    if not any(error["loc"] == ("embargo",) for error in errors):
        return errors
    return [e for e in errors if not (e["loc"] == ("date",) and e["type"] == "missing")]


_FILE_HINT = "put the file in docs/ and give its path from there, like assets/logo.png"


def _file_size(docs_dir: Path, named: str | None) -> int | None:
    """The size of a file `check_files` found in docs/; None for one sealed with a release."""
    path = docs_dir / named if named else None
    return path.stat().st_size if path is not None and path.is_file() else None


def _docs_file_problem(docs_dir: Path, shown: str, named: str) -> str | None:
    """Why `named` is not a file inside docs/ (shown as `shown`), or None when it is one."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//", named):
        return f"{named!r} is an address on the web, and the site shows only its own files"
    if named.startswith("/") or "\\" in named or ".." in named.split("/"):
        return f"{named!r} is not a path inside {shown}/"
    root = docs_dir.resolve()
    target = (docs_dir / named).resolve()
    if not target.is_relative_to(root):
        return f"{named!r} leads outside {shown}/ (through a link)"
    if not target.is_file():
        return f"{shown}/{named} does not exist"
    return None
