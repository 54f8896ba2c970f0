"""The preview hears of a save from the system, at once, and not of its own reading."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from pressroom.mkdocs.watching import notice_saves_at_once


def wants_rebuild(server: LiveReloadServer, within: float = 2.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server._want_rebuild:
            return True
        time.sleep(0.01)
    return False


def test_saves_are_noticed_at_once_and_reads_are_not_changes(tmp_path: Path) -> None:
    releases, config = tmp_path / "press_releases", tmp_path / "mkdocs.yml"
    releases.mkdir()
    release = releases / "2026-12-01-a.md"
    release.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    config.write_text("site_name: A\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(tmp_path / "site"))
    server.watch(str(releases))
    server.watch(str(releases))  # watched twice, by two plugins: kept twice
    server.watch(str(config))
    assert isinstance(server.observer, PollingObserver)

    notice_saves_at_once(server)

    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(releases): 2, str(config): 1}
    server.observer.start()
    try:
        time.sleep(0.2)
        release.read_text(encoding="utf-8")  # what every build does
        assert not wants_rebuild(server, within=0.5)
        release.write_text("---\ntitle: B\n---\n", encoding="utf-8")
        assert wants_rebuild(server)
        server._want_rebuild = False
        replacement = tmp_path / "saved-by-an-editor.tmp"
        replacement.write_text("site_name: B\n", encoding="utf-8")
        replacement.replace(config)  # how many editors save: a new file renamed over the old
        assert wants_rebuild(server)
    finally:
        server.observer.stop()
        server.observer.join()
