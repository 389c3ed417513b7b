"""The export dialog's work off the UI thread: the preview (jieba may load for word tokens, about a second)
and the export itself (minutes on a large project). Each runs with its own session on a pool thread and
hands its answer to the UI thread through a queued signal; failures are handed over, never swallowed."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.errors import storage_errors
from biaozhu.operations.export import ExportRequest, run_export
from biaozhu.operations.preview import preview

PREVIEW_DOCUMENTS = 3


class ExportRelay(QObject):
    """Carries the workers' answers to the UI thread. A preview is tagged with its generation, so answers
    for options changed since are dropped."""

    previewed = Signal(int, str)  # generation, text
    preview_failed = Signal(int, object)  # generation, exception
    progressed = Signal(int, int)  # documents done, documents in all
    exported = Signal(object)  # ExportSummary
    export_failed = Signal(object)  # exception (ExportCancelled after a cancel)


class PreviewRun(QRunnable):
    def __init__(self, relay: ExportRelay, sessions: sessionmaker[Session], request: ExportRequest,
                 generation: int) -> None:
        super().__init__()
        self.relay, self.sessions, self.request, self.generation = relay, sessions, request, generation

    def run(self) -> None:
        try:
            with storage_errors(), self.sessions() as session:
                text = preview(session, self.request, limit=PREVIEW_DOCUMENTS)
        except Exception as exc:  # noqa: BLE001 - handed over to the UI thread, which tells the user
            self.relay.preview_failed.emit(self.generation, exc)
        else:
            self.relay.previewed.emit(self.generation, text)


class ExportRun(QRunnable):
    """One export; ``cancel()`` (from any thread) stops it before the next document, writing nothing."""

    def __init__(self, relay: ExportRelay, sessions: sessionmaker[Session], request: ExportRequest) -> None:
        super().__init__()
        self.relay, self.sessions, self.request = relay, sessions, request
        self._cancel = threading.Event()
        self._shown = -1

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        """Tell the UI thread at most once per per-mille, so a million documents are not a million signals."""
        step = done * 1000 // total if total else 1000
        if step != self._shown:
            self._shown = step
            self.relay.progressed.emit(done, total)

    def run(self) -> None:
        try:
            with storage_errors(), self.sessions() as session:
                summary = run_export(session, self.request, self._progress, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - handed over to the UI thread, which tells the user
            self.relay.export_failed.emit(exc)
        else:
            self.relay.exported.emit(summary)
