"""The annotation window's document list and progress: read and prepared on a worker (2 s on the UI thread at
1M spans), then followed in memory after the window's own changes (a span count, a status, a rename, a deletion)
without reading the list again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool

from biaozhu.db.documents import list_documents
from biaozhu.gui.annotate import commands
from biaozhu.gui.common.runner import sentence
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.document_rows import PreparedRows, prepare_rows

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from biaozhu.db.rows import DocumentSummary
    from biaozhu.gui.annotate.window import MainWindow


class WindowLists(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.documents: list[DocumentSummary] = []
        self._document_at: dict[int, int] = {}  # document id -> its place in ``documents``
        self._done = 0  # documents in ``documents`` this annotator marked done
        self.reading = False  # a list is being read on the worker (read before the window's own changes)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # answers in the order asked for
        self._read_here = 0  # lists read on the UI thread so far

    def read(self, rows: list[DocumentSummary] | None = None, tries: int = 0) -> None:
        """Read the document list (or take ``rows`` read already) and build its rows on the worker; the UI
        thread then applies only the differences. Prepared for an order the list no longer shows (the user
        sorted, or the window's own edit moved a row meanwhile), the rows are prepared again; the third time
        here on the UI thread."""
        window = self.window
        asked, state = self._read_here, window.document_list.snapshot(window.annotator)
        self.reading = True

        def work(session: Session) -> PreparedRows:
            return prepare_rows(list_documents(session) if rows is None else rows, state)

        def done(prepared: PreparedRows) -> None:
            self.reading = False
            if asked != self._read_here or window.closed:
                return  # a list read on the UI thread since then is newer
            if not self.show_prepared(prepared):
                if tries < 2:
                    self.read(prepared.read, tries + 1)
                else:
                    self._show_documents(prepared.read)
        window.runner.in_background(self._pool, work, done, self._failed)

    def wait(self) -> None:
        self._pool.waitForDone()

    def count_open_layer(self) -> None:
        """The open document's row after an edit of its layer: this annotator's span count is the layer's."""
        layer, annotator = self.window.layer, self.window.annotator
        at = self._document_at.get(layer.document_id) if layer.document_id is not None else None
        if at is None:
            return
        summary = self.documents[at]
        counts = {name: n for name, n in summary.span_counts.items() if name != annotator}
        if len(layer.index):
            counts[annotator] = len(layer.index)
        if counts != summary.span_counts:  # a relabelling moves no count
            self.documents[at] = replace(summary, span_counts=counts)
            self.window.document_list.replace_document(self.documents[at])

    def refresh(self) -> None:
        """Document list counts and statuses, and the progress in the status bar (two grouped queries)."""
        self._read_here += 1  # a list read on the worker before this one must not overwrite it
        outcome = self.window.runner.try_read(list_documents)
        if outcome.value is None:
            self.window.say(outcome.refusal)
            return
        self._show_documents(outcome.value)

    def update_row(self, document_id: int, **fields: Any) -> None:
        """The window's own change of one document (its status, its name), committed: its row is replaced in
        memory and in the document list (moved only when sorted by what changed); the list is not read again."""
        at = self._document_at.get(document_id)
        if at is None:
            return
        annotator = self.window.annotator
        before = self.documents[at]
        self.documents[at] = after = replace(before, **fields)
        self._done += (after.statuses.get(annotator) == "done") - (before.statuses.get(annotator) == "done")
        self.window.document_list.replace_document(after)
        self._own_change()

    def drop_row(self, document_id: int) -> None:
        """A document this window deleted: its row goes, the others stay (nothing read again)."""
        at = self._document_at.get(document_id)
        if at is None:
            return
        self._done -= self.documents[at].statuses.get(self.window.annotator) == "done"
        self.documents = self.documents[:at] + self.documents[at + 1:]  # lists prepared for the view keep theirs
        self._document_at = {summary.id: place for place, summary in enumerate(self.documents)}
        self.window.document_list.remove_document(document_id)
        self._own_change()

    def _own_change(self) -> None:
        """The progress follows; a list being read on the worker was read before the change: read again."""
        self.show_progress()
        if self.reading:
            self._read_here += 1
            self.window.refresh_later()

    def status_set(self, document_id: int, status: str | None) -> None:
        """This annotator's status of a document set (marked done, or undone): its row follows."""
        at = self._document_at.get(document_id)
        if at is not None:
            annotator = self.window.annotator
            statuses = {name: s for name, s in self.documents[at].statuses.items() if name != annotator}
            self.update_row(document_id, statuses=statuses | ({} if status is None else {annotator: status}))

    def show_progress(self) -> None:
        done = fill(QCoreApplication.translate("MainWindow", "%1/%2 done"), self._done, len(self.documents))
        self.window.progress_label.setText(done)

    def _failed(self, exc: Exception) -> None:
        self.reading = False
        self.window.say(sentence(exc))
        self.window.load_snapping()

    def _show_documents(self, documents: list[DocumentSummary]) -> None:
        """Show a list read on the UI thread, prepared here too."""
        self.show_prepared(prepare_rows(documents, self.window.document_list.snapshot(self.window.annotator)))

    def show_prepared(self, prepared: PreparedRows) -> bool:
        """The document list, the open document's row and the progress; False when prepared for another order."""
        window = self.window
        if window.closed:
            return True
        if not window.document_list.apply(prepared):
            return False
        self.documents, self._document_at = prepared.read, prepared.given_at
        if window.layer.document_id is None and self.documents:  # the first import into an empty project
            window.open_document(self.documents[0].id)
        if window.layer.document_id is not None:
            self.count_open_layer()  # read before the window's latest edit: its layer in memory is newer
            window.document_list.select_document(window.layer.document_id)
        self._done = prepared.done
        self.show_progress()
        window.load_snapping()
        return True

    def mark_done(self) -> None:
        """Mark the open document done (undoable) and go on to the next unfinished one."""
        window = self.window
        document_id = window.layer.document_id
        if document_id is None:
            return
        if not window.history.push(commands.SetStatus(window.layer, window.history, document_id, "done")):
            return  # the message says why; stay on the document
        following = window.document_list.next_unfinished(document_id)
        if following is None:
            window.say(QCoreApplication.translate("MainWindow", "Every document is done."))
        else:
            window.open_document(following)

    def show_first(self) -> None:
        """After an import into an empty project: the first report opens."""
        if self.window.layer.document_id is None:
            self.refresh()
            if self.documents:
                self.window.open_document(self.documents[0].id)
