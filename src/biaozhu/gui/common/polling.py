"""Seeing other programs' edits: the app polls :func:`biaozhu.db.changes.change_token` every two seconds and,
when the project changed and not through this process, publishes a :class:`Change` with no source on the
bus: the document lists refresh (counts, statuses, documents imported or deleted) and the open layer catches
up with edits the same annotator made on another desktop.

The token's aggregates count whole tables (70 ms at 1M spans on SQLite), so it is read on a worker thread of
the poller's own, never on the UI thread. Our own span edits and review decisions say exactly what they did (a
:class:`SpanDelta`, with the token's highest ids read inside the edit's transaction and how far it moved the open
layer's part): the token follows them in memory,
so they never look like someone else's and nothing is read for them. After any other change of our own the token
is read again (once per burst, after the edit is shown). A read that was asked for before one of our own changes
may or may not see it, so its answer is dropped: the read asked for after the change decides.

The first token is read in a snapshot taken when the poller is made, before any window reads what it shows: a
teammate's change committed between a window's first read and the token's (a worker's, some time later) would
otherwise be in the token already, and not shown until the next change. Our own changes since the snapshot (the
open document marked as worked on, a decision taking the agreed spans into gold) say what they did, and the first
token follows them once read; one that does not say it is read again, as after any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from biaozhu.db.changes import ChangeToken, Layer, change_token
from biaozhu.gui.common.changes import Change, Changed, SpanDelta
from biaozhu.gui.common.runner import KNOWN_FAILURES, ActionRunner, sentence

POLL_MS = 2000
PINNED_MS = 30_000  # a snapshot no window has asked to read by then is let go (SQLite's log grows behind it)
WatchedLayer = Callable[[], tuple[int, int] | None]


class ChangePoller(QObject):
    """Publishes ``Change(EVERYTHING)`` from nobody when the project changed behind the app's back."""

    failed = Signal(str)  # a storage failure while polling, told once (not every two seconds)

    def __init__(self, runner: ActionRunner, interval_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.token: ChangeToken | None = None
        self.failure = ""
        self.windows: list[QWidget] = []
        self.watched_layer: WatchedLayer = lambda: None
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        self._reread = QTimer(self, singleShot=True, interval=0)
        self._reread.timeout.connect(lambda: self._read(noting=True))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # reads answer in the order they were asked for
        self._generation = 0  # our own changes so far (and layers watched): an older read's answer is dropped
        self._asked = False  # a read of the token was asked for
        self._current = False  # ``token`` is as of our latest change: an edit's delta may move it
        self._token_layer: Layer | None = None  # the layer whose part ``token`` holds
        self._stopped = False
        # The first token's snapshot, and our own changes since it (None: not following them, read again).
        self._pinned: Session | None = None
        self._since_pin: list[SpanDelta] | None = None
        with suppress(*KNOWN_FAILURES):  # else the first read tells the user
            self._pinned, self._since_pin = runner.snapshot(), []
        QTimer.singleShot(PINNED_MS, self, self._let_go)
        runner.bus.changed.connect(self._on_change)

    def attach(self, window: QWidget) -> None:
        """Poll while ``window`` (or another attached one) is on screen."""
        self.windows.append(window)
        window.destroyed.connect(lambda: self.windows.remove(window) if window in self.windows else None)

    def watch_layer(self, layer: WatchedLayer) -> None:
        """(document id, annotator id) of the open layer: every change of it counts, not only spans added or
        removed (a relabelling on another desktop must show)."""
        self.watched_layer = layer
        self._remember()

    def start(self) -> None:
        """Remember the project as it is now (unless a read was asked for already: the token counts a whole
        table, 0.1 s of CPU at 1M spans, so a start reads it once) and poll from here on."""
        if self.timer.isActive():
            return
        if not self._asked:
            self._remember()
        self.timer.start()

    def stop(self) -> None:
        """Stop polling and wait for a read under way (closing must not leave a thread behind)."""
        self.timer.stop()
        self._reread.stop()
        self._stopped = True
        self._let_go()
        self._pool.waitForDone()

    def _let_go(self) -> None:
        """The first token will not be read in the snapshot (asked for too late, or one of our own changes did not
        say what it did): the read asked for next decides."""
        if self._pinned is not None:
            self._pinned.close()
        self._pinned = self._since_pin = None

    def _read(self, noting: bool) -> None:
        """Read the token on the worker thread; ``noting``: our own change, to remember, not to publish."""
        layer, generation = self.watched_layer(), self._generation
        self._asked = True
        pinned, self._pinned = self._pinned, None
        since = self._since_pin if pinned is not None else None
        self.runner.in_background(self._pool, lambda session: change_token(session, layer),
                                  lambda token: self._answer(token, generation, noting, layer, since),
                                  self._failed if since is None else lambda exc: self._failed(exc, since),
                                  snapshot=pinned)

    def _failed(self, exc: Exception, since: list[SpanDelta] | None = None) -> None:
        if since is not None and since is self._since_pin:  # the first read failed: the next poll's decides
            self._since_pin = None
        if not self.failure and not self._stopped:
            self.failed.emit(sentence(exc))
        self.failure = str(exc)

    def _answer(self, token: ChangeToken, generation: int, noting: bool, layer: Layer | None,
                since: list[SpanDelta] | None) -> None:
        """``since``: the answer was read in the first snapshot, and these are our own changes made after it."""
        self.failure = ""
        if self._stopped:
            return
        if since is not None:  # asked for before our own changes since the snapshot, and follows them
            if since is not self._since_pin:
                return  # one of them did not say what it did: the read asked for after it decides
            self._since_pin = None
            if any(delta.layer != layer for delta in since):  # a part it cannot move: read again
                self.token, self._token_layer = token, layer
                self._remember()
                return
            for delta in since:
                token = _followed(token, delta)
        elif generation != self._generation:
            return  # asked for before our latest change: the read asked for after it decides
        self._current, self._token_layer = True, layer
        if noting or self.token is None:
            self.token = token
        elif token != self.token:
            self.token = token
            self.runner.bus.publish(Change(Changed.EVERYTHING))

    def _on_change(self, change: Change) -> None:
        if change.external:
            return
        delta = change.delta
        self._generation += 1  # a read asked for before this change may or may not see it: its answer is dropped
        if self._since_pin is not None:  # the first token, read in a snapshot from before this change, follows it
            if delta is not None and not delta.carried:
                self._since_pin.append(delta)
                return
            self._let_go()
        if self._current and self.token is not None and delta is not None and not delta.carried \
                and delta.layer == self._token_layer == self.watched_layer():
            self.token = _followed(self.token, delta)
            return
        self._current = False
        self._reread.start()

    def note_own_change(self) -> None:
        """After our own commit: remember the project as it is now, so the next poll sees no change (this read
        covers a reread still waiting for an earlier change of ours)."""
        self._let_go()  # the first snapshot is from before this commit, which did not say what it did
        self._remember()

    def _remember(self) -> None:
        """Read the token to remember (the first read: in the first snapshot, if it is still held)."""
        self._generation += 1
        self._current = False
        self._reread.stop()
        self._read(noting=True)

    def poll(self) -> None:
        """Skipped while every window is hidden or minimised: nobody would see the refresh."""
        if not any(window.isVisible() and not window.isMinimized() for window in self.windows):
            return
        if self._reread.isActive():  # our own change is not yet noted: it must not look like someone else's
            self._reread.stop()
            self._read(noting=True)
            return
        self._read(noting=False)


def _followed(token: ChangeToken, delta: SpanDelta) -> ChangeToken:
    """The token after one of our own writes that said exactly what it did."""
    added, removed = {row.id for row in delta.added}, {row.id for row in delta.removed}
    return token.after(len(added) - len(removed), len(delta.trashed) - len(delta.restored), delta.state,
                       delta.moved, delta.relations, delta.stamped)
