"""Build a site as `mkdocs serve` does, several times in one process, with edits in between.

    python tests/serve_rebuilds.py PLAN.json

The plan: {"site": dir, "out": dir, "dirty": bool, "edits": [{path: text}, ...]}. The site
is built once, then once after each edit, exactly as MkDocs' own `serve` command calls the
build (the same configuration loading, `on_startup("serve")` and `build(dirty=...)`), but
without its server, so that a test can look at every file each build wrote. Prints, as JSON,
each file's modification time after each build. Run in its own process: MkDocs keeps one
plugin instance per process, with what it remembers from one build to the next.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def main(plan_path: str) -> None:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    site, out = Path(plan["site"]), Path(plan["out"])

    def rebuild(first: bool = False) -> dict[str, int]:
        config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
        if first:
            config.plugins.on_startup(command="serve", dirty=plan["dirty"])
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=plan["dirty"])
        indexer = config.plugins["pressroom"].indexer
        if indexer is not None:
            indexer.wait()  # in the preview, search is written after the pages
        return {path.relative_to(out).as_posix(): path.stat().st_mtime_ns
                for path in sorted(out.rglob("*")) if path.is_file()}

    times = [rebuild(first=True)]
    for edit in plan["edits"]:
        time.sleep(0.02)  # a saved file is newer than the pages built before it
        for relative, text in edit.items():
            (site / relative).write_text(text, encoding="utf-8")
        times.append(rebuild())
    json.dump(times, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
