"""The search index a visitor downloads a piece at a time: Pagefind's, written by its program.

Pagefind splits the index into small compressed chunks, so a query fetches only the words it
looks up and the results it shows. Its program runs beside the build, in its own process: it
indexes while MkDocs renders the pages, and the build waits for it only at the end.

Each language is indexed in parts, each by a program of its own, two at a time, because the
program holds its whole index in memory. The Search page merges a language's parts
(`mergeIndex`), so a query reads a few more small files but no program grows with the archive.
The programs run at a low priority: the build, or the preview staff wait for, comes first.

Pagefind's Python client waits a tenth of a second for every reply (2,000 pages took over
three minutes), so this speaks the program's service protocol itself: JSON messages, base64
encoded, each followed by a comma, on its standard input and output.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import zlib
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import IO, Any

from pressroom.core.outputs.search_index import SearchDocument

_PAGEFIND_VERSION = version("pagefind-bin")  # the program that writes the files

BUNDLE_FOLDER = "pagefind"  # under the site's root, for every language
MANIFEST = "parts.json"  # in it: each language's parts, in order, the first holding the engine
# Every part also holds one hidden page of every word of its language, which the Search page
# leaves out of its results. Pagefind, finding no word that begins with a query's word, takes
# the longest word that begins it ("clear" for "clearview"); in a part without the word, that
# would add pages the whole index never gives. With every word in every part, a part returns
# what the whole index would, and the merged results are those of one index.
_WORDS_URL = "/pagefind/words/"
# A part closes before its text passes this (settings.SEARCH_PART_CHARACTERS says what it costs),
# so no program needs more than about 450 MB however large the archive grows.
PART_CHARACTERS = 5_000_000
# What Pagefind writes that the Search page does not use: its ready-made interfaces.
_UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# Pagefind's programs running at once in a build (see SearchIndexer._write).
_PROGRAMS_AT_ONCE = 2
# Records sent to the program before their answers are read (see _converse).
_BATCH = 64
# What only a language's first part needs: the engine, which the Search page loads once.
_ENGINE = ("pagefind.js", "pagefind-worker.js")


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class Part:
    """Some of one language's pages, indexed by a Pagefind program of its own and merged with
    the language's other parts on the Search page."""

    lang: str
    documents: tuple[SearchDocument, ...]
    first: bool  # of its language: it carries the engine
    words: str = field(default="", repr=False)  # every word of the language, once

    @cached_property
    def folder(self) -> str:
        """Named by what it indexes: a rebuild keeps a part whose pages did not change."""
        digest = hashlib.sha256(f"{_PAGEFIND_VERSION}\n{self.first}\n{self.words}\n".encode())
        for document in self.documents:
            digest.update(json.dumps(_record(0, document), sort_keys=True).encode() + b"\n")
        return f"{self.lang}/{digest.hexdigest()[:16]}/"


def split_into_parts(documents: Iterable[SearchDocument],
                     characters: int = PART_CHARACTERS) -> list[Part]:
    """Each language's documents, in their order, in parts of at most `characters` of text
    (a single longer document makes a part of its own). Languages in alphabetical order."""
    by_lang: dict[str, list[list[SearchDocument]]] = {}
    sizes: dict[str, int] = {}
    for document in documents:
        groups = by_lang.setdefault(document.lang, [[]])
        size = len(_content(document))
        if groups[-1] and sizes[document.lang] + size > characters:
            groups.append([])
            sizes[document.lang] = 0
        groups[-1].append(document)
        sizes[document.lang] = sizes.get(document.lang, 0) + size
    parts: list[Part] = []
    for lang, groups in sorted(by_lang.items()):
        # With one part, no other part can miss a word.
        words = _every_word(groups) if len(groups) > 1 else ""
        parts += [Part(lang, tuple(group), first=number == 0, words=words)
                  for number, group in enumerate(groups)]
    return parts


def _every_word(groups: list[list[SearchDocument]]) -> str:
    """Split where the text has spaces, as the pages' own text: Pagefind makes the same words
    of them as of the pages."""
    words: set[str] = set()
    for group in groups:
        for document in group:
            words.update(_content(document).split())
    return " ".join(sorted(words))


class SearchIndexer:
    """Indexes `documents` into `output` in the background; `wait()` for it to finish.

    A part whose pages, and its language's words, did not change since the index in `output`
    was written is kept, not indexed again: under `serve --dirty`, a save in words the
    archive already has indexes only the part that holds the release."""

    def __init__(self, documents: Sequence[SearchDocument], output: Path, *,
                 background: bool = False, characters: int = PART_CHARACTERS) -> None:
        """`background`: under the preview, one program at a time, so that the browser
        staff look at keeps a core."""
        self.output = output
        self.background = background
        self.pages = len(documents)
        self.parts: list[Part] = []  # split in the background too: it reads every page's words
        self.indexed = 0  # parts indexed, not kept from the last index
        self.seconds = 0.0  # from the start until the index was written
        self.peak_bytes = 0  # the most memory any of Pagefind's programs held
        self._error: BaseException | None = None
        self._abandoned = threading.Event()
        self._processes: set[subprocess.Popen[bytes]] = set()
        self._thread = threading.Thread(target=self._run, args=(documents, characters),
                                        daemon=True)
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise SearchIndexError(f"the search index could not be written: {self._error}")

    def abandon(self) -> None:
        """Stop, leaving the index as it was: a newer build writes its own. Never waits."""
        self._abandoned.set()
        self._stop_programs()  # their threads then stop, and nothing of them is swapped in

    def _stop_programs(self) -> None:
        for process in list(self._processes):
            if process.poll() is None:
                process.terminate()

    def _run(self, documents: Sequence[SearchDocument], characters: int) -> None:
        started = time.perf_counter()
        try:
            self.parts = split_into_parts(documents, characters)
            self._write()
            self.seconds = time.perf_counter() - started
        except BaseException as error:  # reported by wait(), in the build's own thread
            if not self._abandoned.is_set():
                self._error = error

    def _write(self) -> None:
        # Written beside the index it replaces, then swapped in: a visitor of `mkdocs serve`
        # never sees half an index, and nothing of an earlier build is left behind.
        self.output.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=self.output.parent))
        try:
            hidden = _hidden_pages(self.output / MANIFEST)  # of the index it replaces
            fresh_parts = [part for part in self.parts if part.folder not in hidden
                           or not _keep(self.output / part.folder, fresh / part.folder)]
            # Beside the build, two programs at a time: the build keeps one core busy, and
            # one program alone leaves the other idle while it reads its answers. The preview
            # indexes one part at a time, behind the staff's browser.
            at_once = 1 if self.background else _PROGRAMS_AT_ONCE
            with ThreadPoolExecutor(at_once, thread_name_prefix="pagefind") as programs:
                indexed = programs.map(lambda part: self._index(part, fresh / part.folder),
                                       fresh_parts)
                try:
                    for part, (peak, words_page) in zip(fresh_parts, indexed, strict=True):
                        hidden[part.folder] = words_page
                        self.peak_bytes = max(self.peak_bytes, peak)
                except BaseException:
                    # The index fails as a whole: no use finishing it, or starting more.
                    programs.shutdown(wait=False, cancel_futures=True)
                    self._stop_programs()
                    raise
            if self._abandoned.is_set():
                return
            self.indexed = len(fresh_parts)
            listed: dict[str, list[tuple[str, str]]] = {}
            for part in self.parts:
                listed.setdefault(part.lang, []).append((part.folder, hidden[part.folder]))
            (fresh / MANIFEST).write_text(
                json.dumps(listed, separators=(",", ":"), sort_keys=True), encoding="utf-8")
            for folder in [fresh, *(p for p in fresh.rglob("*") if p.is_dir())]:
                folder.chmod(0o755)  # mkdtemp's folders are private to their owner
            stale = fresh.with_name(fresh.name + "-old")
            with _SWAP:
                if self._abandoned.is_set():
                    return
                if self.output.exists():
                    self.output.rename(stale)
                fresh.rename(self.output)
            shutil.rmtree(stale, ignore_errors=True)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)

    def _index(self, part: Part, folder: Path) -> tuple[int, str]:
        """Index one part into `folder`: the peak memory of its Pagefind program, in bytes,
        and the id of its hidden page of words ("" if it has none)."""
        from pagefind.service import get_executable  # the binary comes with pagefind[bin]

        program = get_executable()
        if program is None:
            raise SearchIndexError(
                "Pagefind's program is missing: pip install -r requirements.txt")
        with tempfile.TemporaryFile() as log, subprocess.Popen(
            [str(program), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=log,
        ) as service:
            if hasattr(os, "setpriority"):  # Windows has no niceness
                os.setpriority(os.PRIO_PROCESS, service.pid, 10)
            self._processes.add(service)
            if self._abandoned.is_set():
                service.terminate()
            assert service.stdin is not None and service.stdout is not None
            try:
                files = _converse(service.stdin, _Replies(service.stdout), part,
                                  self._abandoned)
            except (OSError, EOFError) as error:
                log.seek(0)
                said = log.read().decode("utf-8", "replace").strip()
                raise SearchIndexError(said or f"Pagefind stopped: {error}") from None
            finally:
                service.stdin.close()
            # Waited for here, not by Popen, to learn how much memory the program took.
            _, _, usage = os.wait4(service.pid, 0)
            self._processes.discard(service)
        if self._abandoned.is_set():
            return 0, ""  # nothing of it is swapped in
        return usage.ru_maxrss * 1024, _write_part(part, files, folder)  # kilobytes on Linux


# Swapping a written index in is one step at a time, and never for an abandoned one.
_SWAP = threading.Lock()


def _hidden_pages(written: Path) -> dict[str, str]:
    """Each part's hidden page of words, by the part's folder, as an index's manifest says."""
    try:
        listed = json.loads(written.read_text(encoding="utf-8"))
        return {folder: hidden for parts in listed.values() for folder, hidden in parts}
    except (OSError, ValueError, TypeError, AttributeError):  # none, or not written by this
        return {}


def _keep(earlier: Path, folder: Path) -> bool:
    """Take the part from the index it replaces, if that has it, linked rather than copied:
    a written index's files are never changed, only replaced."""
    if not (earlier / "pagefind-entry.json").is_file():
        return False
    try:
        shutil.copytree(earlier, folder, copy_function=os.link)
    except OSError:  # a file system without links, or the index swapped away meanwhile
        shutil.rmtree(folder, ignore_errors=True)
        return False
    return True


def _converse(send_to: IO[bytes], replies: _Replies, part: Part,
              abandoned: threading.Event) -> dict[str, bytes]:
    """The files of the part's index, by their path in it (empty if abandoned)."""
    _send(send_to, 0, {"type": "NewIndex", "config": None})
    index_id = replies.expect(0, "NewIndex")["index_id"]

    records = [_record(index_id, document) for document in part.documents]
    if part.words:
        records.append(_words_record(index_id, part))
    # Sent a batch at a time, the answers read while the next batch goes: waiting for each
    # answer before the next record cost the thread the interpreter's lock at every record,
    # seconds in all, and sending them all at once had the program hold them all, 40 MB
    # more. The program answers in the order it was sent.
    batches = [records[start:start + _BATCH] for start in range(0, len(records), _BATCH)]
    sent = 0
    for batch in batches:
        if abandoned.is_set():
            return {}
        messages = b"".join(_message(sent + number, record)
                            for number, record in enumerate(batch, start=1))
        sender = threading.Thread(target=_send_quietly, args=(send_to, messages), daemon=True)
        sender.start()
        for number in range(sent + 1, sent + len(batch) + 1):
            replies.expect(number, "IndexedFile")
        sender.join()
        sent += len(batch)
    if abandoned.is_set():
        return {}
    # Its files come in the answer, rather than written by the program: it answers
    # `WriteFiles` before its last writes reach the disk, and may end before they do.
    done = len(records) + 1
    _send(send_to, done, {"type": "GetFiles", "index_id": index_id})
    return {file["path"]: base64.b64decode(file["content"])
            for file in replies.expect(done, "GetFiles")["files"]}


def _write_part(part: Part, files: dict[str, bytes], folder: Path) -> str:
    """Write what the Search page uses of a part's files, the languages in a fixed order;
    the id Pagefind gave the hidden page of words, if the part has it."""
    # The first part's engine searches every part of its language.
    skipped = _UNUSED if part.first else _UNUSED + _ENGINE
    for name, content in sorted(files.items()):
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise SearchIndexError(f"Pagefind named a file outside its index: {name!r}")
        if name in skipped or (not part.first and fnmatch(name, "wasm.*.pagefind")):
            continue
        if name == "pagefind-entry.json":
            content = _sorted_entry(content)
        target = folder.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    words = [PurePosixPath(name).stem for name, content in files.items()
             if name.startswith("fragment/") and _opening(content).startswith(_WORDS_FRAGMENT)]
    if len(words) != (1 if part.words else 0):
        raise SearchIndexError(f"Pagefind wrote {len(words)} pages of words, not one")
    return words[0] if words else ""


_WORDS_FRAGMENT = b'pagefind_dcd{"url":"' + _WORDS_URL.encode() + b'"'


def _opening(compressed: bytes) -> bytes:
    """The first bytes of a gzip file, without unpacking the rest."""
    return zlib.decompressobj(wbits=31).decompress(compressed, len(_WORDS_FRAGMENT))


def _sorted_entry(content: bytes) -> bytes:
    """Pagefind lists the languages in no fixed order: the same site must give the same bytes."""
    entry = json.loads(content)
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def _content(document: SearchDocument) -> str:
    # The title is searched too; Pagefind searches a record's content only.
    return f"{document.title}. {document.text}"


def _words_record(index_id: int, part: Part) -> dict[str, Any]:
    return {"type": "AddRecord", "index_id": index_id, "url": _WORDS_URL,
            "content": part.words, "language": part.lang, "meta": {"title": ""},
            "filters": None, "sort": None}


def _record(index_id: int, document: SearchDocument) -> dict[str, Any]:
    meta = {"title": document.title}
    if document.date:
        meta["date"] = document.date
    if document.partners:
        meta["partners"] = document.partners
    return {
        "type": "AddRecord", "index_id": index_id, "url": "/" + document.location,
        "content": _content(document), "language": document.lang,
        "meta": meta, "filters": None, "sort": None,
    }


def _message(message_id: int, payload: dict[str, Any]) -> bytes:
    message = {"message_id": message_id, "payload": payload}
    return base64.b64encode(json.dumps(message).encode("utf-8")) + b","


def _send(stream: IO[bytes], message_id: int, payload: dict[str, Any]) -> None:
    stream.write(_message(message_id, payload))
    stream.flush()


def _send_quietly(stream: IO[bytes], messages: bytes) -> None:
    """A program that stopped is reported by the reading of its answers, not here."""
    try:
        stream.write(messages)
        stream.flush()
    except OSError:
        pass


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
