"""The search index, written by a process of its own while the build goes on.

The writer's own work (splitting the pages into parts, talking to Pagefind's programs,
writing their files) would otherwise share the build's interpreter lock, and slow the build
by as much. Here it runs on another core. The build hands it the pages' text at once, as
JSON on its standard input, and reads its report from its standard output.

Run as `python -m pressroom.core.outputs.search_process`; the build does that.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pressroom
from pressroom.core.outputs.search_bundle import (
    PART_CHARACTERS,
    IndexWriter,
    SearchDocument,
    SearchIndexError,
)

__all__ = ["SearchIndexError", "SearchIndexer"]


class SearchIndexer:
    """Indexes `documents` into `output` in a process of its own; `wait()` for it to finish."""

    def __init__(self, documents: Sequence[SearchDocument], output: Path, *,
                 background: bool = False, characters: int = PART_CHARACTERS) -> None:
        """`background`: under the preview (see IndexWriter)."""
        self.pages = len(documents)
        self.parts = 0  # each language's parts, together
        self.indexed = 0  # parts indexed, not kept from the last index
        self.seconds = 0.0  # from the start until the index was written
        self.peak_bytes = 0  # the most memory any of Pagefind's programs held
        self._error: BaseException | None = None
        self._abandoned = threading.Event()
        self._started = time.perf_counter()
        job = {"output": os.fspath(output), "background": background,
               "characters": characters, "documents": [astuple(d) for d in documents]}
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=_finding_pressroom(os.environ))
        self._thread = threading.Thread(target=self._run, args=(job,), daemon=True)
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise SearchIndexError(f"the search index could not be written: {self._error}")

    def abandon(self) -> None:
        """Stop, leaving the index as it was: a newer build writes its own. Never waits."""
        self._abandoned.set()
        if self._process.poll() is None:
            self._process.terminate()  # it stops its programs and swaps nothing in

    def _run(self, job: dict[str, Any]) -> None:
        try:
            said, complaint = self._process.communicate(json.dumps(job).encode("utf-8"))
            if self._abandoned.is_set():
                return
            if self._process.returncode != 0:
                raise SearchIndexError(complaint.decode("utf-8", "replace").strip()
                                       or f"its process stopped ({self._process.returncode})")
            report = json.loads(said)
            self.parts, self.indexed = report["parts"], report["indexed"]
            self.peak_bytes = report["peak_bytes"]
            self.seconds = time.perf_counter() - self._started
        except BaseException as error:  # reported by wait(), in the build's own thread
            if not self._abandoned.is_set():
                self._error = error


def _finding_pressroom(environment: os._Environ[str]) -> dict[str, str]:
    """The build's environment, with this package's folder first on the path: the new
    interpreter finds it even where it was not installed."""
    package_parent = os.fspath(Path(pressroom.__file__).resolve().parent.parent)
    paths = [package_parent, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    return {**environment, "PYTHONPATH": os.pathsep.join(paths)}


def main() -> int:
    job = json.loads(sys.stdin.buffer.read())
    writer = IndexWriter(Path(job["output"]), background=job["background"])
    # The build abandons an index with SIGTERM: stop the programs, swap nothing in.
    signal.signal(signal.SIGTERM, lambda *_: writer.abandon())
    if hasattr(os, "nice"):  # the build, or the preview staff wait for, comes first
        os.nice(10)  # and Pagefind's programs inherit it
    try:
        writer.write([SearchDocument(*fields) for fields in job["documents"]],
                     job["characters"])
    except Exception as error:  # the build reports it, and stops
        print(error if isinstance(error, SearchIndexError | OSError) else repr(error),
              file=sys.stderr)
        return 1
    json.dump({"parts": len(writer.parts), "indexed": writer.indexed,
               "peak_bytes": writer.peak_bytes}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
