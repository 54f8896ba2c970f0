"""The `pressroom` command for communications staff."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pressroom.errors import ContentErrors
from pressroom.load import load_newsroom


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pressroom", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every release, partner and campaign")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="the site's folder")
    arguments = parser.parse_args(argv)
    root = arguments.root.resolve()
    try:
        newsroom = load_newsroom(root, root / "press_releases", root / "docs")
    except ContentErrors as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    print(f"{len(newsroom.releases)} releases, {len(newsroom.partners)} partners and "
          f"{len(newsroom.campaigns)} campaigns: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
