"""Word snapping: a selection grows to jieba's word boundaries and over span texts the project knows.

jieba's dictionary and the project's span texts load off the UI thread (about a second), once the document is
on screen; until then, and while the analyst has switched it off (W), selections are taken as they are. What it
has learned follows the project's spans: an edit that says exactly which spans it added and removed (this
window's, an undo: a :class:`SpanDelta`) is followed in memory at once; after any other change to spans (another
window's, another desktop's, the CLI's) what changed is read off the UI thread, at most one read at a time: only
the ranges of span ids whose fingerprints moved (:class:`biaozhu.db.span_texts.SpanTexts`), and the segmenter
learns and forgets only the few texts whose counts moved, so a moved span teaches its new text and a deleted one
stops teaching its old one.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.segment import MAX_WORD, Segmenter
from biaozhu.db.span_texts import SpanTexts, snapshot
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import KNOWN_FAILURES, ActionRunner, sentence

SWITCH_INTERVAL = 0.001  # seconds


class Stopped(Exception):
    """Loading was given up: the window closed while its worker was still learning the span texts."""


class _Counts:
    """The counts of span texts as last read, and what moved since: used on the snapping worker thread only
    (but :meth:`stop`, called from the UI thread)."""

    def __init__(self) -> None:
        self.texts = SpanTexts(MAX_WORD)
        self.stopped = threading.Event()
        self._lock = threading.Lock()
        self._reading_on: sqlite3.Connection | None = None  # the SQLite connection the first read runs on

    def stop(self) -> None:
        """Give up loading: the learning stops at once, and the first reads of a SQLite project are interrupted
        (every span text, every fingerprint: seconds at a million spans)."""
        with self._lock:
            self.stopped.set()
            if self._reading_on is not None:
                self._reading_on.interrupt()

    def segmenter(self, session: Session, ready: Callable[[Segmenter], None]) -> None:
        """Hand ``ready`` a segmenter that has learned the project's span texts (snapping works from then on), then
        read, in the same snapshot, what later changes are compared with (the fingerprints: a few tenths of a
        second of SQLite's own work, without the GIL); :class:`Stopped` once ``stopped`` is set (the reads are
        interrupted, and a window closed meanwhile gets no segmenter)."""
        self._go_on()
        segmenter = Segmenter()
        with self._interruptible(session):
            counts = self.texts.read(session)
        segmenter.follow(counts)  # a new segmenter learns them all at once: a few tenths of a second
        self._go_on()
        ready(segmenter)
        with self._interruptible(session):
            self.texts.mark(session)

    @contextmanager
    def _interruptible(self, session: Session) -> Iterator[None]:
        driver = snapshot(session).connection.driver_connection
        with self._lock:
            self._reading_on = driver if isinstance(driver, sqlite3.Connection) else None
        try:
            self._go_on()
            yield
        except Exception:
            if self.stopped.is_set():  # interrupted
                raise Stopped from None
            raise
        finally:
            with self._lock:
                self._reading_on = None

    def _go_on(self) -> None:
        if self.stopped.is_set():
            raise Stopped

    def moved(self, session: Session) -> tuple[dict[str, int], set[str]]:
        """The texts whose counts changed since the last read, with their counts as stored now (only the ranges
        of spans that changed are read)."""
        moved = self.texts.follow(session)
        counts = self.texts.counts
        return {word: counts[word] for word in moved if word in counts}, moved


class Snapping(QObject):
    """Whether snapping is on, and the segmenter once it has loaded."""

    changed = Signal()  # switched on or off, loaded
    failed = Signal(str)

    def __init__(self, runner: ActionRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.enabled = True
        self.segmenter: Segmenter | None = None
        self._counts = _Counts()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._refresh = QTimer(self, singleShot=True, interval=50)  # a burst of changes is read once
        self._refresh.timeout.connect(self._read_counts)
        self._reading = False  # a read of the counts is under way (one at a time)
        self._again = False  # and another must follow it: changes came meanwhile
        self._followed: set[str] = set()  # texts followed in memory since the read under way was asked for
        runner.bus.changed.connect(self._on_change)
        self._following = True

    def _on_change(self, change: Change) -> None:
        if not change.what & (Changed.SPANS | Changed.GOLD | Changed.TRASH | Changed.DOCUMENTS):
            return
        delta = change.delta
        if delta is None or change.external:
            self._refresh.start()
        elif self.segmenter is None:  # loading: its read may have been made before this edit
            self._again = True
        else:
            removed, added = [row.text for row in delta.removed], [row.text for row in delta.added]
            self.segmenter.forget(removed)
            self.segmenter.learn(added)
            self._followed.update(text.strip() for text in (*removed, *added))

    def _read_counts(self) -> None:
        if self._reading or self.segmenter is None:
            self._again = True
            return
        self._reading, self._again = True, False
        self._followed.clear()
        self.runner.in_background(self._pool, self._counts.moved, self._follow, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._reading = False
        self.failed.emit(sentence(exc))

    def _follow(self, read: tuple[dict[str, int], set[str]]) -> None:
        """Texts followed in memory while the read was under way may or may not be in what it read: they keep
        what memory says, and when the read saw them move too, they are read once more."""
        counts, moved = read
        self._reading = False
        if self.segmenter is not None and self._following:
            self.segmenter.follow(counts, moved - self._followed)
            if self._again or moved & self._followed:
                self._refresh.start()

    def load(self) -> None:
        """Load jieba and learn the project's span texts on a worker thread. That thread's Python work (a
        million span texts) hands the GIL back every millisecond, not every 5: the UI thread waits for it each
        time it comes back from SQLite or Qt, and 5 ms waits made a commit take a second."""
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        hand_over = self.runner.hand_over  # the segmenter, as soon as it has learned (then the fingerprints)
        self.runner.in_background(
            self._pool, lambda session: self._counts.segmenter(session, lambda got: hand_over(self._loaded, got)),
            lambda _: None, self._load_failed, (*KNOWN_FAILURES, Stopped))

    def _load_failed(self, exc: Exception) -> None:
        # Stopped: given up by :meth:`wait`, nobody is waiting for it; not valid: its window is gone.
        if not isinstance(exc, Stopped) and shiboken6.isValid(self):
            self.failed.emit(sentence(exc))

    def _loaded(self, segmenter: Segmenter) -> None:
        if not shiboken6.isValid(self):
            return  # the window was closed and deleted while it loaded (its answer comes through the project's runner)
        self.segmenter = segmenter
        if self._again:  # the project changed while it loaded
            self._refresh.start()
        self.changed.emit()

    def wait(self) -> None:
        """Stop following changes, give up loading and block until its worker has let go (closing the window
        must not leave a thread behind, nor start one later, nor wait for a million span texts to be learned)."""
        self._counts.stop()
        self._refresh.stop()
        if self._following:
            self._following = False
            self.runner.bus.changed.disconnect(self._on_change)
        self._pool.waitForDone()

    def toggle(self) -> None:
        self.enabled = not self.enabled
        self.changed.emit()

    @property
    def active(self) -> bool:
        return self.enabled and self.segmenter is not None

    def snap(self, text: str, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` grown to word boundaries (as it is while snapping is off or still loading)."""
        if self.segmenter is None or not self.enabled:
            return start, end
        return self.segmenter.snap(text, start, end)
