"""Pagefind's index, written in its own process beside the build (in process, no MkDocs)."""

from __future__ import annotations

import base64
import gzip
import io
import json
from pathlib import Path

import pytest

from pressroom.core.outputs.search_bundle import (
    BUNDLE_FOLDER,
    MANIFEST,
    SearchIndexer,
    SearchIndexError,
    _Replies,
    split_into_parts,
)
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
    for path in folder.glob("*/*/fragment/*.pf_fragment"):
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[record["url"]] = record
    return found


def written(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def releases(count: int, words: int = 40) -> list[SearchDocument]:
    return [SearchDocument(f"press/2020/r{n}/", "en", f"Release {n}",
                           f"word{n} " + "detention records " * words) for n in range(count)]


def test_each_language_gets_its_index_and_each_record_its_date_and_partners(
        tmp_path: Path) -> None:
    output = tmp_path / BUNDLE_FOLDER
    SearchIndexer(DOCUMENTS, output).wait()
    parts = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    # One part each, so no page of words is needed: no part can miss a word.
    assert list(parts) == ["en", "es"] and all(len(listed) == 1 for listed in parts.values())
    for lang, [(folder, hidden)] in parts.items():
        assert hidden == ""
        entry = json.loads((output / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == {"en": 2, "es": 1}[lang]
    records = fragments(output)
    release = records["/press/2020/foia/"]
    assert release["meta"] == {"title": "Advocates <b>FOIA</b> ICE", "date": "October 20, 2020",
                               "partners": "Mijente, Just Futures Law"}
    assert records["/partners/mijente/"]["meta"] == {"title": "Mijente"}
    # Only what the Search page uses: no ready-made interface, no playground.
    assert not list(output.rglob("pagefind-*ui*")) and not list(output.rglob("playground"))
    assert all((output / folder / "pagefind.js").is_file() for [(folder, _)] in parts.values())


def test_parts_hold_at_most_their_share_of_text_in_the_given_order() -> None:
    documents = releases(10)  # about 700 characters each
    parts = split_into_parts(documents, characters=2_000)
    assert [len(part.documents) for part in parts] == [2] * 5
    assert [d for part in parts for d in part.documents] == documents
    assert [part.first for part in parts] == [True] + [False] * 4
    # A document longer than a part makes a part of its own, never none.
    assert [len(part.documents) for part in split_into_parts(documents, characters=10)] == [1] * 10
    # Every part holds all the language's words (see the next test): a new release in words
    # already used leaves every earlier part as it was, and its name with it.
    news = SearchDocument("press/2020/new/", "en", "Release 3", "word3 detention records " * 40)
    more = split_into_parts([*documents, news], characters=2_000)
    assert [p.folder for p in more] == [p.folder for p in parts] + [more[5].folder]
    # A word no page had changes every part, so that every part knows it.
    other = split_into_parts([*documents[:9], releases(11)[10]], characters=2_000)
    assert not {p.folder for p in other} & {p.folder for p in parts}


def test_a_language_in_several_parts_has_one_engine_and_every_record(tmp_path: Path) -> None:
    output = tmp_path / BUNDLE_FOLDER
    indexer = SearchIndexer(releases(6), output, characters=2_000)
    indexer.wait()
    listed = json.loads((output / MANIFEST).read_text(encoding="utf-8"))["en"]
    folders = [folder for folder, _ in listed]
    assert len(folders) == 3 == indexer.indexed
    assert (output / folders[0] / "pagefind.js").is_file()
    assert list((output / folders[0]).glob("wasm.en.pagefind"))
    for folder in folders[1:]:  # the first part's engine searches them all
        assert not (output / folder / "pagefind.js").exists()
        assert not list((output / folder).glob("wasm.*"))
        assert (output / folder / "pagefind-entry.json").is_file()
    # Each part also holds every word of the language, on a page the Search page leaves out.
    records = fragments(output)
    words = records.pop("/pagefind/words/")
    assert sorted(records) == sorted(f"/press/2020/r{n}/" for n in range(6))
    assert {"word0", "word5", "detention"} <= set(words["content"].split())
    for folder, hidden in listed:
        assert (output / folder / "fragment" / f"{hidden}.pf_fragment").is_file()


def test_a_rebuild_indexes_again_only_the_parts_that_changed(tmp_path: Path) -> None:
    output = tmp_path / BUNDLE_FOLDER
    documents = releases(6)
    SearchIndexer(documents, output, characters=2_000).wait()
    documents[5] = SearchDocument("press/2020/r5/", "en", "Release 5", "word5 records")
    again = SearchIndexer(documents, output, characters=2_000)
    again.wait()
    assert again.indexed == 1
    SearchIndexer(documents, tmp_path / "whole", characters=2_000).wait()
    assert written(output) == written(tmp_path / "whole")  # the same as indexing it all anew


def test_the_same_documents_give_the_same_bytes_and_nothing_stale(tmp_path: Path) -> None:
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
    assert not output.exists() or (output / MANIFEST).is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pagefind-")]


def test_a_failure_to_write_the_index_stops_the_build_with_the_reason(tmp_path: Path) -> None:
    # The index is written beside the build; what stops it must still reach the build.
    site = tmp_path / "site"
    site.write_text("a file where the site's folder should be", encoding="utf-8")
    indexer = SearchIndexer(DOCUMENTS, site / BUNDLE_FOLDER)
    with pytest.raises(SearchIndexError, match=r"could not be written: .*File exists"):
        indexer.wait()


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
