"""The `pressroom` command for communications staff: one function per subcommand.

Exit codes: 0 all is well, 1 problems in the content (each reported as
`file:line: field: message (hint)`), 2 a command line that cannot be carried out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pressroom.core.content.languages import SUPPORTED
from pressroom.core.errors import ContentError, ContentErrors, UsageError, hides_values
from pressroom.core.publishing.status import in_default_language, in_other_languages

OK, CONTENT_ERRORS, USAGE = 0, 1, 2

def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except UsageError as problem:
        parser.exit(USAGE, f"pressroom {arguments.command}: {problem}\n")
    except ContentErrors as problems:  # a plugin setting in mkdocs.yml the build would refuse
        _report(problems.errors)
        return CONTENT_ERRORS
    return USAGE  # pragma: no cover - parser.exit does not return


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressroom", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_new(commands)
    _add_check(commands)
    _add_import(commands)
    _add_schema(commands)
    _add_status(commands)
    _add_seal(commands)
    _add_unseal(commands)
    _add_preview_link(commands)
    return parser


def _root_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--root", type=Path, default=Path.cwd(),
        help="the site's folder, where mkdocs.yml is (default: the current folder)",
    )


# --- new ---------------------------------------------------------------------------------

def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new", help="start a new release from the template",
        description="Write press_releases/YYYY-MM-DD-<slug>.md with every field present and "
        "explained, the partners' press contacts filled in, and a placeholder body. "
        "In a terminal it asks for what you leave out; elsewhere it never asks. "
        "With --lang es --translation-of FILE, write FILE's Spanish version, <name>.es.md, "
        "with only the fields a translation sets.",
    )
    new.add_argument("headline", nargs="?", help='the headline, in quotes: "Our headline"')
    new.add_argument("--lang", choices=list(SUPPORTED),
                     help="the release's language (default: the site's first); es writes "
                     "<date>-<slug>.es.md")
    new.add_argument("--translation-of", type=Path, metavar="FILE",
                     help="the release to translate, such as press_releases/<name>.md")
    new.add_argument("--date", help="the release date, YYYY-MM-DD (default: today)")
    new.add_argument(
        "--partners", help="partner ids, separated by commas: mijente,just-futures-law"
    )
    new.add_argument("--campaign", help="a campaign id from docs/campaigns/")
    new.add_argument("--location", help='the dateline\'s place, for example "New York"')
    _root_option(new)
    new.set_defaults(run=run_new)


def run_new(arguments: argparse.Namespace) -> int:
    from pressroom.cli.new_release import (
        NewRelease,
        create_release,
        create_translation,
        split_ids,
    )
    from pressroom.cli.project import Site

    site = Site.at(arguments.root)
    wanted = NewRelease(
        headline=arguments.headline, date=arguments.date,
        partners=split_ids(arguments.partners or ""), campaign=arguments.campaign,
        location=arguments.location, lang=arguments.lang,
    )
    if arguments.translation_of is not None:
        path, original = create_translation(site, arguments.translation_of, wanted)
        print(f"Wrote {site.display(path)}, to translate {site.display(original)}: the "
              "original's words are in a comment above each placeholder, and its text is in "
              f"{original.name}. It stays a draft until you delete `draft: true`; then run "
              "`pressroom check`.")
        return OK
    path = create_release(site, wanted, _prompt if _interactive() else None, dt.date.today())
    print(f"Wrote {site.display(path)}. Fill it in, set `draft: false` when it is ready, "
          "and run `pressroom check`.")
    return OK


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _prompt(question: str) -> str:
    try:
        return input(question).strip()
    except EOFError:  # the terminal closed (Ctrl-D): asking again would never end
        print(file=sys.stderr)
        raise UsageError("no answer given: nothing was written") from None


# --- check -------------------------------------------------------------------------------

def _add_check(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check", help="validate every release, partner and campaign",
        description="Validate releases, partner and campaign pages with the same rules as the "
        "build, without building, and report every problem at once. With PATHs, report only "
        "problems in those files or folders.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="files or folders to report on (default: everything)")
    _root_option(check)
    check.set_defaults(run=run_check)


def run_check(arguments: argparse.Namespace) -> int:
    from pressroom.cli.check import check_site
    from pressroom.cli.project import Site

    site = Site.at(arguments.root)
    paths = [site.locate(path) for path in arguments.paths]
    result = check_site(site, paths or None)
    if result.errors:
        _report(result.errors)
        return CONTENT_ERRORS
    if result.newsroom is None:
        print("No problems in the files given.")
    else:
        newsroom = result.newsroom
        releases = len(in_default_language(newsroom))
        print(f"{releases} releases{in_other_languages(newsroom)}, {len(newsroom.partners)} "
              f"partners and {len(newsroom.campaigns)} campaigns: no problems.")
        if result.sealed.summary():
            print(result.sealed.summary())
    return OK


def _report(errors: list[ContentError]) -> None:
    # The build's own wording, so staff see the same report from `check` and `mkdocs build`.
    print(ContentErrors(errors).report(hides_values()), file=sys.stderr)


# --- import ------------------------------------------------------------------------------

def _add_import(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import", help="turn old releases (.txt, .md, .docx) into release files",
        description="Read releases written in the conventional form and write release files. "
        "Every line of the original ends up in a field, the body or a partner's boilerplate, "
        "or is listed as not placed. Nothing missing is guessed: a missing date is reported.",
    )
    command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    command.add_argument("--stdout", action="store_true",
                         help="print the release (and any new partner pages) instead of "
                         "writing them; with more than one, each follows a `==> path <==` line")
    command.add_argument("--create-partners", action="store_true",
                         help="make a partner page for each unknown \"About ...\" paragraph")
    command.add_argument("--partners", help="partner ids to add, separated by commas")
    command.add_argument("--campaign", help="a campaign id from docs/campaigns/")
    command.add_argument("--topics", help='topics, separated by commas: "surveillance, foia"')
    command.add_argument("--date", help="the release date, YYYY-MM-DD, if the text has none")
    command.add_argument("--lang", choices=list(SUPPORTED),
                         help="the release's language (default: read from its conventions, "
                         "such as PARA DIFUSIÓN INMEDIATA); es writes <date>-<slug>.es.md")
    command.add_argument("--force", action="store_true",
                         help="import a release even if press_releases/ already has one with "
                         "the same date and headline or slug, replacing a file of the same name")
    _root_option(command)
    command.set_defaults(run=run_import)


def run_import(arguments: argparse.Namespace) -> int:
    from pressroom.cli.check import check_site
    from pressroom.cli.new_release import split_ids
    from pressroom.cli.project import Site, require_known
    from pressroom.importer import ImportOptions, import_release, write_imported

    site = Site.at(arguments.root)
    options = ImportOptions(
        partners=tuple(split_ids(arguments.partners or "")),
        campaign=arguments.campaign,
        topics=tuple(split_ids(arguments.topics or "")),
        date=_date_option(arguments.date),
        create_partners=arguments.create_partners,
        lang=arguments.lang,
    )
    require_known("partner", options.partners, site.partners())
    require_known("campaign", filter(None, [options.campaign]), site.campaigns())
    problems: list[ContentError] = []
    printed = 0
    for file in arguments.files:
        imported = import_release(file, site, options)
        for warning in imported.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if not imported.text:
            pass  # unreadable: its error is in the report
        elif arguments.stdout:
            documents = imported.documents(site)
            headed = len(documents) > 1 or len(arguments.files) > 1
            for target, text in documents:
                _print_document(target if headed else None, text, first=not printed)
                printed += 1
        elif imported.writable:
            written = write_imported(imported, site, force=arguments.force)
            if written:
                problems.extend(check_site(site, written).errors)
                print(f"{imported.source} -> {', '.join(map(site.display, written))}")
        problems.extend(imported.report)
    if problems:
        _report(problems)
        return CONTENT_ERRORS
    return OK


def _print_document(target: str | None, text: str, first: bool) -> None:
    """A file's text; with its target path above it when several files are printed, the way
    `head` separates files, so each can be cut out and saved where it belongs."""
    if target is not None:
        sys.stdout.write(f"{'' if first else chr(10)}==> {target} <==\n")
    sys.stdout.write(text)


def _date_option(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from pressroom.core.content.front_matter import ReleaseFront
    from pressroom.core.loading.field_messages import field_problem

    problem = field_problem(ReleaseFront, "date", text)  # the build's rule, and its words
    if problem is not None:
        message, hint = problem
        raise UsageError(f"--date {message} ({hint})")
    return dt.date.fromisoformat(text)


# --- schema ------------------------------------------------------------------------------

def _add_schema(commands: argparse._SubParsersAction) -> None:
    schema = commands.add_parser(
        "schema", help="write the JSON Schema editors use for release front matter",
        description="Generate schemas/release.schema.json (and translation.schema.json, for "
        "<file>.es.md) from the content model, so editors "
        "complete and check front matter. Run it after changing the model.",
    )
    schema.add_argument("--stdout", action="store_true", help="print it instead of writing it")
    _root_option(schema)
    schema.set_defaults(run=run_schema)


def run_schema(arguments: argparse.Namespace) -> int:
    from pressroom.cli.project import SCHEMA_FILE
    from pressroom.core.content.schema import release_schema_text, schema_files

    if arguments.stdout:
        sys.stdout.write(release_schema_text())
        return OK
    folder = arguments.root.resolve() / SCHEMA_FILE.parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"Wrote {folder / name}")
    return OK


# --- status ------------------------------------------------------------------------------

def _add_status(commands: argparse._SubParsersAction) -> None:
    status = commands.add_parser(
        "status", help="show what is published, what is held back, and the next embargo",
        description="List every release as published, draft, embargoed until a moment or "
        "scheduled for a future day, and "
        "say when the next embargo lifts. The clock is now, or PRESSROOM_NOW if set.",
    )
    _root_option(status)
    status.set_defaults(run=run_status)


def run_status(arguments: argparse.Namespace) -> int:
    from pressroom.cli.check import check_site
    from pressroom.cli.project import Site
    from pressroom.core.publishing.rules import build_clock
    from pressroom.core.publishing.status import status_report

    site = Site.at(arguments.root)
    result = check_site(site)
    if result.newsroom is None:
        _report(result.errors)
        return CONTENT_ERRORS
    try:
        clock = build_clock(zone=site.timezone)
    except ContentErrors as problems:
        _report(problems.errors)
        return CONTENT_ERRORS
    print(status_report(result.newsroom, clock, sealed=result.sealed.unreadable))
    return OK


# --- seal and unseal ---------------------------------------------------------------------

def _add_seal(commands: argparse._SubParsersAction) -> None:
    seal = commands.add_parser(
        "seal", help="encrypt a release so that only the build reads it before its lift",
        description="Encrypt a release, its translations and the images only it uses to every "
        "public key in .pressroom/recipients.txt, into press_releases/sealed/<random id>.age, "
        "and remove the plain files once the sealed one is checked. With --init, make a key "
        "pair: the public key goes into recipients.txt, the private key is printed once.",
    )
    seal.add_argument("file", nargs="?", type=Path, metavar="FILE",
                      help="the release, such as press_releases/2026-12-01-our-news.md")
    seal.add_argument("--init", action="store_true",
                      help="make a key pair and list its public key in recipients.txt")
    _root_option(seal)
    seal.set_defaults(run=run_seal)


def run_seal(arguments: argparse.Namespace) -> int:
    from pressroom.cli.project import Site
    from pressroom.cli.seal import init_keys, init_message, seal_message, seal_release

    site = Site.at(arguments.root)
    if arguments.init == (arguments.file is not None):
        raise UsageError("give a release file to seal, or --init to make a key pair")
    if arguments.init:
        print(init_message(*init_keys(site, dt.date.today())))
        return OK
    print(seal_message(site, seal_release(site, arguments.file)))
    return OK


def _add_unseal(commands: argparse._SubParsersAction) -> None:
    unseal = commands.add_parser(
        "unseal", help="give a sealed release's plain files back",
        description="Decrypt a sealed release with PRESSROOM_AGE_KEY (or the file named by "
        "PRESSROOM_AGE_KEY_FILE), write its files back where they were, and remove the sealed "
        "file. Name the sealed file, or the release's file name.",
    )
    unseal.add_argument("target", metavar="FILE",
                        help="press_releases/sealed/<id>.age, or 2026-12-01-our-news.md")
    _root_option(unseal)
    unseal.set_defaults(run=run_unseal)


def run_unseal(arguments: argparse.Namespace) -> int:
    from pressroom.cli.project import Site
    from pressroom.cli.seal import unseal

    site = Site.at(arguments.root)
    opened = unseal(site, arguments.target)
    print(f"Unsealed {opened.sealed}, and removed it. Back in place:")
    for name in sorted(opened.files):
        print(f"  {name}")
    return OK


# --- preview-link ------------------------------------------------------------------------

def _add_preview_link(commands: argparse._SubParsersAction) -> None:
    link = commands.add_parser(
        "preview-link", help="print the link that lets a journalist read a release before its lift",
        description="Print the private link to a release's embargoed preview (it needs "
        "`preview: true`). It is made from PRESSROOM_PREVIEW_SECRET, the same secret the "
        "build uses; anyone with the link can read the release.",
    )
    link.add_argument("file", type=Path, metavar="FILE",
                      help="the release, such as press_releases/2026-12-01-our-news.md")
    _root_option(link)
    link.set_defaults(run=run_preview_link)


def run_preview_link(arguments: argparse.Namespace) -> int:
    from pressroom.cli.preview_link import preview_link
    from pressroom.cli.project import Site

    print(preview_link(Site.at(arguments.root), arguments.file))
    return OK


if __name__ == "__main__":
    sys.exit(main())
