"""The preview notices a save at once.

MkDocs' preview server (and ProperDocs', the same code) looks for changed files every half
second, reading every folder it watches: a save waits a quarter of a second on average
before the rebuild starts, and a large archive is read twice a second while nothing changes.
The operating system can say when a file changes (inotify, FSEvents, ReadDirectoryChangesW);
watchdog, which MkDocs already uses, does the asking. The server keeps its own handlers and
its own wait for a burst of saves to settle.
"""

from __future__ import annotations

from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

# What a save, a new file, a deletion or a rename looks like. Not the opening and closing of
# a file, which the system also reports: the build reads the watched files, and MkDocs would
# take its own reading for a change and build again, for ever.
CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
           DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


class _Changes(Observer):  # type: ignore[misc, valid-type]  # the platform's own observer
    def schedule(self, handler: Any, path: str, *, recursive: bool = False,
                 event_filter: Any = None) -> Any:
        return super().schedule(handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES)


def notice_saves_at_once(server: Any) -> None:
    """Move every path `server` watches to the system's own notifications. A server that
    does not look like MkDocs 1.6's, or is already running, is left as it is."""
    watched: dict[str, int] | None = getattr(server, "_watched_paths", None)
    observer = getattr(server, "observer", None)
    if (not isinstance(watched, dict) or type(observer) is not PollingObserver
            or observer.is_alive()):
        return
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _Changes()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
