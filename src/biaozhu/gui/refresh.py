"""Seeing the team's edits: the window polls :func:`biaozhu.db.changes.change_token` every two seconds
and, when the project changed and not through this window, refreshes the document list (counts,
statuses, documents imported or deleted) and catches the open document's layer up with edits the same
annotator made in another process.

Polling a few indexed aggregates costs about a millisecond at 200,000 spans on SQLite and needs no
server support. The token is re-read right after each of our own commits, so our edits never trigger
a second refresh. Everything happens in a timer slot, never inside a paint or scroll signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.changes import ChangeToken, change_token
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.gui.storage_messages import translated

if TYPE_CHECKING:
    from biaozhu.gui.main_window import MainWindow

POLL_MS = 2000


class ChangePoller(QObject):
    """Emits ``changed`` when the project changed since the last poll or the last :meth:`note_own_change`."""

    changed = Signal()

    def __init__(self, sessions: sessionmaker[Session], window: QWidget, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.sessions = sessions
        self.window = window
        self.token: ChangeToken | None = None
        self.failure = ""  # a storage failure is told once, not every two seconds
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Remember the project as it is now and poll from here on."""
        self.note_own_change()
        self.timer.start()

    def _read(self) -> ChangeToken | None:
        try:
            with storage_errors(), self.sessions() as session:
                token = change_token(session, self.watched_layer())
        except StorageError as exc:
            if not self.failure:
                say = getattr(self.window, "say", None)
                if say is not None:
                    say(translated(exc))
            self.failure = str(exc)
            return None
        self.failure = ""
        return token

    def watched_layer(self) -> tuple[int, int] | None:
        """(document id, annotator id) of a layer whose every change counts, not only spans added or removed."""
        return None

    def note_own_change(self, *_: object) -> None:
        """After our own commit: remember the project as it is now, so the next poll sees no change."""
        token = self._read()
        if token is not None:
            self.token = token

    def poll(self) -> None:
        """Skipped while the window is hidden or minimised: nobody would see the refresh."""
        if not self.window.isVisible() or self.window.isMinimized():
            return
        token = self._read()
        if token is not None and token != self.token:
            self.token = token
            self.changed.emit()

    def stop(self) -> None:
        self.timer.stop()


class TeamRefresh(ChangePoller):
    """The annotation window's poller: the document list, and the open document's layer."""

    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window.sessions, window, interval_ms)
        self.main = window
        window.layer.spans_changed.connect(self.note_own_change)
        window.layer.status_changed.connect(self.note_own_change)
        self.changed.connect(self.refresh_now)
        self.start()

    def watched_layer(self) -> tuple[int, int] | None:
        layer = self.main.layer
        return None if layer.document_id is None else (layer.document_id, layer.annotator_id)

    def refresh_now(self) -> None:
        """The document list, and the open document's layer as the database has it (the trash dialog calls
        this after restoring, so a restored span shows at once)."""
        self.main.refresh_lists()
        try:
            self.main.layer.catch_up(self.main.view.selected_span)
        except StorageError as exc:
            self.main.say(translated(exc))
        self.note_own_change()
