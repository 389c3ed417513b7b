"""The export dialog's work off the UI thread: the preview (jieba may load for word tokens, about a second)
and the export itself (minutes on a large project). Both run through the app's action runner on a worker
thread of the dialog's, with a session of their own; an export can be cancelled and reports its progress."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import StorageError
from biaozhu.operations.export import ExportCancelled, ExportRequest, ExportSummary, run_export
from biaozhu.operations.preview import preview

PREVIEW_DOCUMENTS = 3
# What an export may fail with that the dialog explains (anything else is a bug, for the crash report).
EXPORT_FAILURES = (StorageError, Refusal, ExportCancelled, OSError, ValueError, LookupError, RuntimeError)


def preview_of(request: ExportRequest) -> Callable[[Session], str]:
    """The preview, its own few words in the UI's language."""
    return lambda session: preview(session, request, limit=PREVIEW_DOCUMENTS,
                                   say=lambda sentence: QCoreApplication.translate("Preview", sentence))


class ExportJob(QObject):
    """One export; :meth:`cancel` (from any thread) stops it before the next document, writing nothing."""

    progressed = Signal(int, int)  # documents done, documents in all (arrives on the UI thread)

    def __init__(self, request: ExportRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self._cancel = threading.Event()
        self._shown = -1

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        """Tell the UI thread at most once per per-mille, so a million documents are not a million signals."""
        step = done * 1000 // total if total else 1000
        if step != self._shown:
            self._shown = step
            self.progressed.emit(done, total)

    def __call__(self, session: Session) -> ExportSummary:
        return run_export(session, self.request, self._progress, self._cancel.is_set)
