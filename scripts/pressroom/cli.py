"""The `pressroom` command for communications staff."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pressroom.errors import ContentErrors
from pressroom.load import load_newsroom
from pressroom.publish import build_clock
from pressroom.status import status_report


def check(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    newsroom = load_newsroom(root, root / "press_releases", root / "docs")
    print(f"{len(newsroom.releases)} releases, {len(newsroom.partners)} partners and "
          f"{len(newsroom.campaigns)} campaigns: no problems.")
    return 0


def status(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    newsroom = load_newsroom(root, root / "press_releases", root / "docs")
    print(status_report(newsroom, build_clock()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pressroom", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run, summary in (
        ("check", check, "validate every release, partner and campaign"),
        ("status", status, "show each release's state and when the next embargo lifts"),
    ):
        command = commands.add_parser(name, help=summary, description=summary)
        command.add_argument("--root", type=Path, default=Path.cwd(), help="the site's folder")
        command.set_defaults(run=run)
    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except ContentErrors as problems:
        print(problems.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
