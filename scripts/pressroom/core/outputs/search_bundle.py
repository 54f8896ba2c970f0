"""The search index a visitor downloads a piece at a time: Pagefind's, written by its program.

Pagefind splits the index into small compressed chunks, so a query fetches only the words it
looks up and the results it shows. Its program runs beside the build, in its own process: it
indexes while MkDocs renders the pages, and the build waits for it only at the end.

Pagefind's Python client waits a tenth of a second for every reply (2,000 pages took over
three minutes), so this speaks the program's service protocol itself: JSON messages, base64
encoded, each followed by a comma, on its standard input and output.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from pressroom.core.outputs.search_index import SearchDocument

BUNDLE_FOLDER = "pagefind"  # under the site's root, for every language
# What Pagefind writes that the Search page does not use: its ready-made interfaces.
_UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    pass


class SearchIndexer:
    """Indexes `documents` into `output` in the background; `wait()` for it to finish."""

    def __init__(self, documents: Sequence[SearchDocument], output: Path, *,
                 background: bool = False) -> None:
        """`background`: Pagefind runs at a low priority, so that the preview's own work,
        and the browser staff look at, come first."""
        self.output = output
        self.background = background
        self.pages = len(documents)
        self.seconds = 0.0  # from the start until the index was written
        self.peak_bytes = 0  # the most memory Pagefind's program held
        self._error: BaseException | None = None
        self._abandoned = threading.Event()
        self._process: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._run, args=(documents,), daemon=True)
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise SearchIndexError(f"the search index could not be written: {self._error}")

    def abandon(self) -> None:
        """Stop, leaving the index as it was: a newer build writes its own. Never waits."""
        self._abandoned.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()  # its thread then stops, and nothing of it is swapped in

    def _run(self, documents: Sequence[SearchDocument]) -> None:
        started = time.perf_counter()
        try:
            self.peak_bytes = _index(documents, self.output, self._abandoned, self._started,
                                     background=self.background)
            self.seconds = time.perf_counter() - started
        except BaseException as error:  # reported by wait(), in the build's own thread
            if not self._abandoned.is_set():
                self._error = error

    def _started(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        if self._abandoned.is_set():
            process.terminate()


# Swapping a written index in is one step at a time, and never for an abandoned one.
_SWAP = threading.Lock()


def _index(documents: Sequence[SearchDocument], output: Path, abandoned: threading.Event,
           started: Callable[[subprocess.Popen[bytes]], None], *, background: bool) -> int:
    """Index and write; the peak memory of Pagefind's program, in bytes."""
    from pagefind.service import get_executable  # the binary comes with pagefind[bin]

    program = get_executable()
    if program is None:
        raise SearchIndexError("Pagefind's program is missing: pip install -r requirements.txt")
    with tempfile.TemporaryFile() as log, subprocess.Popen(
        [str(program), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
    ) as service:
        if background and hasattr(os, "setpriority"):  # Windows has no niceness
            os.setpriority(os.PRIO_PROCESS, service.pid, 10)
        started(service)
        assert service.stdin is not None and service.stdout is not None
        try:
            _converse(service.stdin, _Replies(service.stdout), documents, output, abandoned)
        except (OSError, EOFError) as error:
            log.seek(0)
            said = log.read().decode("utf-8", "replace").strip()
            raise SearchIndexError(said or f"Pagefind stopped: {error}") from None
        finally:
            service.stdin.close()
        # Waited for here, not by Popen, to learn how much memory the program took.
        _, _, usage = os.wait4(service.pid, 0)
        return usage.ru_maxrss * 1024  # kilobytes on Linux


def _converse(send_to: IO[bytes], replies: _Replies, documents: Sequence[SearchDocument],
              output: Path, abandoned: threading.Event) -> None:
    _send(send_to, 0, {"type": "NewIndex", "config": None})
    index_id = replies.expect(0, "NewIndex")["index_id"]

    # One message at a time: the program answers messages in parallel, and two answers
    # written at once can interleave on its output.
    for number, document in enumerate(documents, start=1):
        if abandoned.is_set():
            return
        _send(send_to, number, _record(index_id, document))
        replies.expect(number, "IndexedFile")
    if abandoned.is_set():
        return
    # Written beside the index it replaces, then swapped in: a visitor of `mkdocs serve` never
    # sees half an index, and no chunk of an earlier build is left behind.
    output.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=output.parent))
    try:
        done = len(documents) + 1
        _send(send_to, done, {"type": "WriteFiles", "index_id": index_id,
                              "output_path": str(fresh)})
        replies.expect(done, "WriteFiles")
        for name in _UNUSED:
            (fresh / name).unlink(missing_ok=True)
        _sort_entry(fresh / "pagefind-entry.json")
        fresh.chmod(0o755)  # mkdtemp's folder is private to its owner; a site's is not
        stale = fresh.with_name(fresh.name + "-old")
        with _SWAP:
            if abandoned.is_set():
                return
            if output.exists():
                output.rename(stale)
            fresh.rename(output)
        shutil.rmtree(stale, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _sort_entry(path: Path) -> None:
    """Pagefind lists the languages in no fixed order: the same site must give the same bytes."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")


def _record(index_id: int, document: SearchDocument) -> dict[str, Any]:
    meta = {"title": document.title}
    if document.date:
        meta["date"] = document.date
    if document.partners:
        meta["partners"] = document.partners
    return {
        "type": "AddRecord", "index_id": index_id, "url": "/" + document.location,
        # The title is searched too; Pagefind searches a record's content only.
        "content": f"{document.title}. {document.text}", "language": document.lang,
        "meta": meta, "filters": None, "sort": None,
    }


def _send(stream: IO[bytes], message_id: int, payload: dict[str, Any]) -> None:
    message = {"message_id": message_id, "payload": payload}
    stream.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
    stream.flush()


class _Replies:
    """The program's replies, one message at a time."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._buffer = b""
        self.noise = b""  # what the program wrote that is no answer

    def expect(self, message_id: int, kind: str) -> dict[str, Any]:
        reply = self._next()
        payload = reply.get("payload") or {}
        if payload.get("type") == "Error":
            raise SearchIndexError(payload.get("message") or "Pagefind reported an error")
        if reply.get("message_id") != message_id or payload.get("type") != kind:
            raise SearchIndexError(f"Pagefind answered {payload.get('type')!r} to {kind!r}")
        return payload

    def _next(self) -> dict[str, Any]:
        while True:
            while b"," not in self._buffer:
                chunk = self._stream.read1(1 << 16)  # type: ignore[attr-defined]
                if not chunk:
                    raise EOFError("Pagefind stopped before it answered"
                                   + (f"; it said: {self.noise[-500:]!r}" if self.noise else ""))
                self._buffer += chunk
            piece, self._buffer = self._buffer.split(b",", 1)
            message = self._message_in(piece)
            if message is not None:
                return message

    def _message_in(self, piece: bytes) -> dict[str, Any] | None:
        """The message at the end of `piece`. The program sometimes writes a line of its own
        before one, or an empty one; that is kept as `noise`, never taken for an answer."""
        start = piece.find(_MESSAGE_START)
        while start != -1:
            try:
                message = json.loads(base64.b64decode(piece[start:], validate=True))
            except (ValueError, UnicodeDecodeError):
                start = piece.find(_MESSAGE_START, start + 1)
                continue
            if isinstance(message, dict):
                self.noise += piece[:start]
                return message
            start = piece.find(_MESSAGE_START, start + 1)
        self.noise += piece
        return None


# Every message is a JSON object whose first key begins with a letter: `{"m…` is `eyJ…`.
_MESSAGE_START = b"eyJ"
