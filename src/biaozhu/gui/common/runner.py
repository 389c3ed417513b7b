"""The one place where the GUI runs actions against the database, as Anki's ``CollectionOp`` does.

Each user action is one session and one transaction; a known storage failure (locked, read-only, disk full…)
comes out as :class:`StorageError` with the user's sentence in their language, a refusal by the project's
rules (a crossing span, not a reviewer…) as the :class:`Refusal` it is; a successful write publishes its
:class:`Change` on the bus. Work too slow for the UI thread runs on the runner's worker thread with a session
of its own, and its answer comes back to the UI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.gui.common.changes import Change, ChangeBus
from biaozhu.gui.common.storage_messages import translated
from biaozhu.gui.common.wording import told

if TYPE_CHECKING:  # a runner is made once the project is open; the first window paints before SQLAlchemy loads
    from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
KNOWN_FAILURES = (StorageError, Refusal)
Transaction: TypeAlias = "Callable[[], AbstractContextManager[Session]]"  # ``sessions.begin``


def sentence(failure: Exception) -> str:
    """What the user reads for a known failure, in the UI language."""
    return translated(failure) if isinstance(failure, StorageError) else told(str(failure))


class Outcome(Generic[T]):
    """The result of an action, or the failure that stopped it and the sentence the user reads about it."""

    __slots__ = ("value", "failure", "refusal")

    def __init__(self, value: T | None = None, failure: Exception | None = None) -> None:
        self.value = value
        self.failure = failure
        self.refusal = "" if failure is None else sentence(failure)

    @property
    def ok(self) -> bool:
        return self.failure is None


def outcome_of(step: Callable[[], T]) -> Outcome[T]:
    """Run ``step`` (which writes through the runner); a known failure comes back as the user's sentence."""
    try:
        return Outcome(step())
    except KNOWN_FAILURES as exc:
        return Outcome(failure=exc)


class _Relay(QObject):
    """Carries a worker's answer to the UI thread (a queued signal)."""

    done = Signal(object, object)  # callback, value
    failed = Signal(object, object)  # callback, exception


HELD_AT_MOST_S = 0.25  # jobs held (ActionRunner.hold) run by then after the hold began, released or not


class _Hold:
    """What held jobs wait for: the release, or the hold's deadline (a wait on the UI thread never waits forever)."""

    def __init__(self) -> None:
        self.released = threading.Event()
        self.deadline = time.monotonic() + HELD_AT_MOST_S

    def wait(self) -> None:
        self.released.wait(max(0.0, self.deadline - time.monotonic()))  # without the GIL


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], object], done: Callable[[object], None],
                 failed: Callable[[Exception], None], hold: _Hold | None) -> None:
        super().__init__()
        self.relay, self.work, self.done, self.failed, self.hold = relay, work, done, failed, hold

    def run(self) -> None:
        if self.hold is not None:
            self.hold.wait()
        try:
            with storage_errors():
                value = self.work()
        except Exception as exc:  # noqa: BLE001 - handed over to the UI thread, which tells the user or reports it
            _hand_over(self.relay, "failed", self.failed, exc)
        else:
            _hand_over(self.relay, "done", self.done, value)


def _hand_over(relay: _Relay, signal: str, callback: object, value: object) -> None:
    try:
        getattr(relay, signal).emit(callback, value)
    except RuntimeError:
        if shiboken6.isValid(relay):
            raise
        # The runner went with its window (and maybe its database) while this ran: nobody awaits the answer.


class ActionRunner(QObject):
    """Sessions for the app's actions; ``bus`` hears of every write that succeeded, ``saved`` of every commit."""

    saved = Signal()  # a write was committed (the status bar says when)

    def __init__(self, sessions: sessionmaker[Session], bus: ChangeBus, parent: QObject | None = None) -> None:
        from sqlalchemy import Engine

        from biaozhu.db.engine import is_read_only

        super().__init__(parent)
        self.sessions = sessions
        self.bus = bus
        bind = sessions.kw.get("bind")
        self.read_only = isinstance(bind, Engine) and is_read_only(bind)  # a project file this user cannot write
        self._relay = _Relay(self)
        self._relay.done.connect(lambda callback, value: callback(value))
        self._relay.failed.connect(lambda callback, exc: callback(exc))
        self._hold: _Hold | None = None  # what the jobs asked for while held wait for (see hold)

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a query in a session of its own; raises :class:`StorageError` for a known failure."""
        with storage_errors(), self.sessions() as session:
            return query(session)

    def write(self, action: Callable[[Session], T], change: Change | None = None) -> T:
        """Run an action in one transaction and publish ``change`` once it is committed; raises
        :class:`StorageError` or the :class:`Refusal` that stopped it (nothing is then stored)."""
        with storage_errors(), self.sessions.begin() as session:
            value = action(session)
        self.saved.emit()
        if change is not None:
            self.bus.publish(change)
        return value

    def attempt(self, action: Callable[[Session], T], change: Change | None = None) -> Outcome[T]:
        """:meth:`write`, with a known failure returned as the user's sentence instead of raised."""
        return outcome_of(lambda: self.write(action, change))

    def try_read(self, query: Callable[[Session], T]) -> Outcome[T]:
        """:meth:`read`, with a known failure returned as the user's sentence instead of raised."""
        return outcome_of(lambda: self.read(query))

    def snapshot(self) -> Session:
        """A read session that sees the project as it is now, whenever it is used (:func:`pin`): work handed it
        through :meth:`in_background` later sees nothing committed after this moment. The caller closes it if it
        hands it to no work; raises :class:`StorageError` for a known failure."""
        from biaozhu.db.changes import pin  # a runner is made once the project is open: SQLAlchemy is loaded

        session = self.sessions()
        try:
            with storage_errors():
                pin(session)
        except BaseException:
            session.close()
            raise
        return session

    def in_background(self, pool: QThreadPool, work: Callable[[Session], T], done: Callable[[T], None],
                      failed: Callable[[Exception], None],
                      known: tuple[type[Exception], ...] = KNOWN_FAILURES, snapshot: Session | None = None) -> None:
        """Run ``work`` on ``pool`` (its owner waits for it when deleted) with a session of its own (or
        ``snapshot``, from :meth:`snapshot`, closed afterwards). On the UI thread, ``done`` gets the result,
        ``failed`` a ``known`` failure (:func:`sentence` words the usual ones); anything else is a bug, raised
        there for the crash report."""

        def in_session() -> T:
            with self.sessions() if snapshot is None else snapshot as session:
                return work(session)

        self._start(pool, in_session, done, failed, known)

    def hand_over(self, done: Callable[[T], None], value: T) -> None:
        """From a worker: ``done(value)`` on the UI thread while the work goes on (a part of its answer that is
        ready early: snapping works before the rest of its load)."""
        _hand_over(self._relay, "done", done, value)

    def writes_in_background(self, pool: QThreadPool, work: Callable[[Transaction], T], done: Callable[[T], None],
                             failed: Callable[[Exception], None], known: tuple[type[Exception], ...]) -> None:
        """:meth:`in_background` for work that writes several transactions (an import: one per file), each
        opened by calling the ``begin`` it is given. The work publishes its own changes (see ChangeBus)."""
        self._start(pool, lambda: work(self.sessions.begin), done, failed, known)

    def hold(self) -> None:
        """Background work asked for from now on waits for :meth:`release` before it runs (at most until
        :data:`HELD_AT_MOST_S` after the hold began): a window opening a document holds it until the text is
        painted, since workers running while it lays out and paints take the GIL and the cores it needs (35-45 ms
        of a 5 MB report's 90 ms open). The jobs are in their pools meanwhile: waiting for a pool waits for them."""
        if self._hold is None:
            self._hold = _Hold()

    def release(self) -> None:
        """Let the background work held since :meth:`hold` run."""
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.released.set()

    def _start(self, pool: QThreadPool, work: Callable[[], T], done: Callable[[T], None],
               failed: Callable[[Exception], None], known: tuple[type[Exception], ...]) -> None:
        pool.start(_Job(self._relay, work, done,  # type: ignore[arg-type]
                        lambda exc: failed(exc) if isinstance(exc, known) else _raise(exc), self._hold))


def _raise(exc: Exception) -> None:
    raise exc
