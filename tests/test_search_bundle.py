"""Pagefind's index, written in its own process beside the build (in process, no MkDocs)."""

from __future__ import annotations

import base64
import gzip
import io
import json
from pathlib import Path

from pressroom.core.outputs.search_bundle import BUNDLE_FOLDER, SearchIndexer, _Replies
from pressroom.core.outputs.search_index import SearchDocument

DOCUMENTS = [
    SearchDocument("press/2020/foia/", "en", "Advocates <b>FOIA</b> ICE", "Clearview records",
                   "October 20, 2020", "Mijente, Just Futures Law"),
    SearchDocument("es/press/2020/foia/", "es", "Solicitud FOIA", "registros de Clearview",
                   "20 de octubre de 2020", "Mijente"),
    SearchDocument("partners/mijente/", "en", "Mijente", "A political home"),
]


def fragments(folder: Path) -> dict[str, dict]:
    found = {}
    for path in (folder / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[record["url"]] = record
    return found


def test_each_language_gets_its_index_and_each_record_its_date_and_partners(
        tmp_path: Path) -> None:
    output = tmp_path / BUNDLE_FOLDER
    SearchIndexer(DOCUMENTS, output).wait()
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "es"]
    assert {language["page_count"] for language in entry["languages"].values()} == {1, 2}
    records = fragments(output)
    release = records["/press/2020/foia/"]
    assert release["meta"] == {"title": "Advocates <b>FOIA</b> ICE", "date": "October 20, 2020",
                               "partners": "Mijente, Just Futures Law"}
    assert records["/partners/mijente/"]["meta"] == {"title": "Mijente"}
    # Only what the Search page uses: no ready-made interface, no playground.
    assert not list(output.glob("pagefind-*ui*")) and not (output / "playground").exists()
    assert (output / "pagefind.js").is_file()


def test_the_same_documents_give_the_same_bytes_and_nothing_stale(tmp_path: Path) -> None:
    def written(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    SearchIndexer(DOCUMENTS, tmp_path / "a").wait()
    SearchIndexer(DOCUMENTS[:1], tmp_path / "b").wait()
    SearchIndexer(DOCUMENTS, tmp_path / "b").wait()  # over an earlier, different index
    assert written(tmp_path / "a") == written(tmp_path / "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]  # no temporary folder


def test_an_abandoned_index_is_never_left_half_written(tmp_path: Path) -> None:
    # A failed build abandons its index; it may already have been written whole, never half.
    output = tmp_path / BUNDLE_FOLDER
    indexer = SearchIndexer(DOCUMENTS, output)
    indexer.abandon()  # at once: a newer build is waiting
    indexer.wait()  # an abandoned index reports no error
    assert not output.exists() or (output / "pagefind-entry.json").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pagefind-")]


def test_an_empty_answer_or_a_line_of_its_own_is_never_taken_for_a_reply() -> None:
    # Builds failed now and then on an empty message (two commas in a row) from the program.
    def message(payload: dict) -> bytes:
        return base64.b64encode(json.dumps({"message_id": 1, "payload": payload}).encode())

    stream = io.BufferedReader(io.BytesIO(
        b",Note: something\n" + message({"type": "A"}) + b",," + message({"type": "B"}) + b","))
    replies = _Replies(stream)
    assert replies.expect(1, "A") == {"type": "A"}
    assert replies.expect(1, "B") == {"type": "B"}
    assert replies.noise == b"Note: something\n"
