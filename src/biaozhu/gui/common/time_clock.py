"""The clock behind "time spent per document", of the annotation window and of review mode: it runs while a
document is open, its window is the active one and the person is there (some key, click, wheel or mouse move
within ``idle_s``; after that the clock stops at the last input plus ``idle_s`` and starts again with the next
input).

What it measured is added to the database (``biaozhu.db.time_spent``) in small transactions: on a document
switch, when the window is left, every minute and on closing, so a killed app loses at most the last
minute. Fractions of a second are carried over to the next addition, not lost.

Input is watched with an event filter on the whole application, which every event of every widget passes through
(in Python: 40% of a window's first layout and paint went there). Once it has seen input it looks away for
:data:`LOOK_AWAY_S` (a twentieth of ``idle_s`` if that is shorter; the window's first moment counts as input too),
so the clock may stop up to that much early, and the paints and layouts that follow a key press do not pass
through Python.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from biaozhu.db.errors import storage_errors
from biaozhu.db.time_spent import add_time
from biaozhu.gui.common.runner import KNOWN_FAILURES, ActionRunner, Transaction

IDLE_S = 120.0  # no input for this long: the person has gone, the clock stops
FLUSH_MS = 60_000
LOOK_AWAY_S = 1.0  # after input, how long the filter is off (see the module's docstring)
INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class _InputWatch(QObject):
    """The application's event filter: tells ``seen`` of input anywhere in the app."""

    def __init__(self, seen: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.seen = seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.seen()
        return False


class TimeClock(QObject):
    """Measures the time ``window`` is active on one document for one annotator and stores it."""

    def __init__(self, runner: ActionRunner, annotator_id: int, window: QWidget) -> None:
        super().__init__(window)
        self.runner, self.annotator_id, self.window = runner, annotator_id, window
        self._idle_s = IDLE_S
        self.document_id: int | None = None
        self.pending = 0.0  # measured, not yet stored
        now = time.monotonic()
        self._since = now  # counted up to here
        self._last_input = now
        self.flush_timer = QTimer(self, interval=FLUSH_MS)
        self.flush_timer.timeout.connect(self.flush)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # stored in the order measured
        self._input = _InputWatch(self._input_seen, self)
        self._look_again = QTimer(self, singleShot=True)
        self._look_again.timeout.connect(self._watch)

    @property
    def idle_s(self) -> float:
        return self._idle_s

    @idle_s.setter
    def idle_s(self, seconds: float) -> None:
        """A shorter idle time shortens the look away under way too, which must stay well below it."""
        self._idle_s = seconds
        if self._look_again.isActive():
            self._look_again.start(self._look_away_ms())

    def _look_away_ms(self) -> int:
        return round(min(LOOK_AWAY_S, self._idle_s / 20) * 1000)

    def start(self, document_id: int | None) -> None:
        """The window is shown: watch the person's input, store what ran every minute."""
        self.document_id = document_id
        self._restart()
        self.flush_timer.start()
        self.window.installEventFilter(self)  # the window's own activation
        self._look_away()  # the person has just opened it: there, and the first paint need not pass the filter

    def _watch(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._input)  # input anywhere in the app: the person is there

    def _look_away(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._input)
        self._look_again.start(self._look_away_ms())

    def _input_seen(self) -> None:
        self.settle()
        self._last_input = time.monotonic()
        self._look_away()

    def settle(self, active: bool = False) -> None:
        """Move what ran since the last call into ``pending`` (the part before the person went idle);
        ``active``: the window was active until now (it is being left)."""
        now = time.monotonic()
        if self.document_id is not None and (active or self.window.isActiveWindow()):
            end = min(now, self._last_input + self.idle_s)
            self.pending += max(0.0, end - self._since)
        self._since = now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.WindowActivate:
            self._restart()  # back at the window: the person is there, counting starts now
        elif watched is self.window and kind == QEvent.Type.WindowDeactivate:
            self.flush(active=True)  # what ran until the window was left is stored
        return False

    def _restart(self) -> None:
        self._since = self._last_input = time.monotonic()

    def switch_to(self, document_id: int | None) -> None:
        """A document was opened: what the previous one had is stored, the clock runs for the new one."""
        self.flush(whole=True)
        self.document_id = document_id
        self.pending = 0.0
        self._restart()

    def flush(self, *, whole: bool = False, active: bool = False) -> None:
        """Store the whole seconds measured (``whole``: round the rest too, as on closing)."""
        self.settle(active)
        seconds = round(self.pending) if whole else int(self.pending)
        document_id = self.document_id
        if document_id is None or seconds <= 0 or self.runner.read_only:
            return
        annotator_id = self.annotator_id

        def store(begin: Transaction) -> bool:
            with storage_errors(), begin() as session:
                return add_time(session, document_id, annotator_id, seconds)

        # On a worker: a switch never waits for another program's write lock. Locked for longer than the busy
        # timeout, or the document deleted meanwhile: these seconds are dropped, never retried for ever.
        self.runner.writes_in_background(self._writes, store, lambda _: None, lambda _: None, KNOWN_FAILURES)
        self.pending = max(0.0, self.pending - seconds)

    def wait(self) -> None:
        """Let the stores under way finish."""
        self._writes.waitForDone()

    def stop(self) -> None:
        """The window closes (or hides): the last seconds are stored and the clock stops."""
        self.flush_timer.stop()
        self.flush(whole=True)
        self.wait()
        self.document_id = None
        self._look_again.stop()
        self.window.removeEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._input)
