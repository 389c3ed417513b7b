"""The annotation window: document list left, the text in the middle with the label bar above it,
the span table right, the status bar below. Keyboard first: every action has a key (see ``actions.py``).

The window (its editing half is ``span_editing.py``) turns user intent into undo commands (``commands.py``)
and repaints from the layer's in-memory index when the layer says what changed; it never edits the
database itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.segment import Segmenter
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import DocumentSummary, list_documents
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.occurrences import tagged_texts
from biaozhu.db.spans import SpanRow
from biaozhu.db.status import last_worked_on
from biaozhu.gui import commands
from biaozhu.gui.actions import WindowActions
from biaozhu.gui.agreement_dialog import AgreementDialog
from biaozhu.gui.document_list import DocumentListPanel
from biaozhu.gui.document_view import DocumentView
from biaozhu.gui.export_dialog import ExportDialog
from biaozhu.gui.find_bar import FindBar, find_in
from biaozhu.gui.label_bar import LabelBar, label_infos
from biaozhu.gui.layer import Layer
from biaozhu.gui.project_search import ProjectSearchDialog
from biaozhu.gui.refresh import TeamRefresh
from biaozhu.gui.review_window import ReviewWindow, open_review_window
from biaozhu.gui.span_editing import SpanEditing
from biaozhu.gui.span_table import SpanTablePanel
from biaozhu.gui.storage_messages import StorageNotice, translated
from biaozhu.gui.trash_dialog import TrashDialog
from biaozhu.gui.workers import SegmenterLoader

MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    def __init__(self, sessions: sessionmaker[Session], annotator: str, document_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.annotator = annotator
        with sessions.begin() as session:
            annotator_id = ensure_annotator(session, annotator).id
            self.labels = label_infos(session)
            words = tagged_texts(session)
            start_at = document_id or last_worked_on(session, annotator_id)
        self.label_by_id = {label.id: label for label in self.labels}
        self.colours = {label.id: QColor(label.color) for label in self.labels}
        self.layer = Layer(sessions, annotator_id, self)
        self.refusals = commands.Refusals(self)
        self.undo_stack = QUndoStack(self)
        self.documents: list[DocumentSummary] = []
        self.segmenter: Segmenter | None = None
        self.snapping = True
        self.project_search: ProjectSearchDialog | None = None
        self.review_window: ReviewWindow | None = None
        self.agreement: AgreementDialog | None = None
        self.trash_dialog: TrashDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self._build()
        self.editing = SpanEditing(self)
        self.actions_ = WindowActions(self)
        self.layer.spans_changed.connect(self._on_spans_changed)
        self.layer.status_changed.connect(lambda _doc: self._refresh_later())
        self.refusals.refused.connect(self.say)
        self.storage_notice = StorageNotice(self)
        self.refusals.storage_failed.connect(self.storage_notice.show_error)
        commands.keep_in_step(self.undo_stack, self.refusals)
        self._undo_index = 0
        self.undo_stack.indexChanged.connect(self._follow_undo)
        self._refresh_timer = QTimer(self, singleShot=True, interval=30)
        self._refresh_timer.timeout.connect(self._refresh_panels)
        self.loader = SegmenterLoader(self)
        self.loader.loaded.connect(self._on_segmenter_loaded)
        # jieba loads once the document is on screen: started earlier, its thread would slow the opening.
        self._load_timer = QTimer(self, singleShot=True, interval=100)
        self._load_timer.timeout.connect(lambda: self.loader.start(words))
        self._load_timer.start()
        self.team = TeamRefresh(self)
        self.refresh_lists()
        first = start_at if any(d.id == start_at for d in self.documents) else (
            self.documents[0].id if self.documents else None)
        if first is not None:
            self.open_document(first)
        else:
            self.view.setPlaceholderText(self.tr("This project has no documents yet. Import reports with:\n"
                                                 "biaozhu --db PROJECT import FILES_OR_FOLDERS"))
        self._show_snapping()
        self.view.setFocus()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle("biaozhu 标注")
        self.resize(1400, 900)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.label_bar = LabelBar(self.labels, centre)
        self.label_bar.label_clicked.connect(lambda label_id: self.editing.apply_label(label_id))
        self.view = DocumentView(centre)
        self.view.describe = self.describe_span
        self.view.span_clicked.connect(self._on_span_clicked)
        self.view.offset_changed.connect(lambda offset: self.offset_label.setText(self.tr("offset %1").replace(
            "%1", str(offset))))
        self.find_bar = FindBar(centre)
        self.find_bar.hide()
        self.find_bar.find_requested.connect(self.find)
        self.find_bar.closed.connect(self._close_find)
        column.addWidget(self.label_bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.document_list = DocumentListPanel(self)
        self.document_list.document_activated.connect(self.open_document)
        self.span_table = SpanTablePanel(self)
        self.span_table.span_activated.connect(self._on_span_activated)
        for title, panel, area, name in (
                (self.tr("Documents"), self.document_list, Qt.DockWidgetArea.LeftDockWidgetArea, "documents-dock"),
                (self.tr("Spans"), self.span_table, Qt.DockWidgetArea.RightDockWidgetArea, "spans-dock")):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(panel)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable)
            self.addDockWidget(area, dock)
        self.resizeDocks([self.findChild(QDockWidget, "documents-dock"), self.findChild(QDockWidget, "spans-dock")],
                         [300, 340], Qt.Orientation.Horizontal)
        status = self.statusBar()
        self.annotator_label = QLabel(self.tr("Annotator: %1").replace("%1", self.annotator), self)
        self.progress_label = QLabel(self)
        self.snap_label = QLabel(self)
        self.offset_label = QLabel(self.tr("offset %1").replace("%1", "0"), self)
        for widget in (self.annotator_label, self.progress_label, self.snap_label, self.offset_label):
            status.addPermanentWidget(widget)

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    def describe_span(self, span: SpanRow) -> str:
        label = self.label_by_id.get(span.label_id)
        caption = label.caption() if label else "?"
        return f"{caption}  [{span.start}, {span.end})  {self.annotator}"

    # -- documents -------------------------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        if document_id == self.layer.document_id:
            return
        try:
            self.layer.open(document_id)
        except StorageError as exc:  # locked, read-only, gone: say so and stay on the open document
            self.say(translated(exc))
            return
        self.team.note_own_change()  # opening marks the document as worked on: our own write
        self.view.show_text(self.layer.text, self.layer.index, self.colours)
        name = next((d.name for d in self.documents if d.id == document_id), str(document_id))
        self.setWindowTitle(f"{name} — biaozhu 标注")
        self.document_list.select_document(document_id)
        self.label_bar.set_counts(self.layer.index.count_by_label())
        self._refresh_later()  # the span table and the document list fill in after the text is painted
        self.view.setFocus()

    def _show_spans(self) -> None:
        self.label_bar.set_counts(self.layer.index.count_by_label())
        self.span_table.set_spans(list(self.layer.index),
                                  {l.id: (l.name, l.title, l.color) for l in self.labels})
        self.span_table.select_span(self.view.selected_span)

    def _refresh_later(self) -> None:
        """Refresh the panels once the repaint is done, once for a burst of edits."""
        self._refresh_timer.start()

    def _refresh_panels(self) -> None:
        self._show_spans()
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Document list counts and statuses, and the progress in the status bar (two grouped queries)."""
        try:
            with storage_errors(), self.sessions() as session:
                self.documents = list_documents(session)
        except StorageError as exc:
            self.say(translated(exc))
            return
        self.document_list.set_documents(self.documents, self.annotator)
        if self.layer.document_id is not None:
            self.document_list.select_document(self.layer.document_id)
        done = sum(1 for d in self.documents if d.statuses.get(self.annotator) == "done")
        self.progress_label.setText(self.tr("%1/%2 done").replace("%1", str(done)).replace(
            "%2", str(len(self.documents))))

    def mark_done(self) -> None:
        """Mark the open document done (undoable) and go on to the next unfinished one."""
        document_id = self.layer.document_id
        if document_id is None:
            return
        marking = commands.SetStatus(self.layer, self.refusals, document_id, "done")
        self.undo_stack.push(marking)
        if marking.failed:
            return  # the message says why; stay on the document
        self.refresh_lists()
        following = self.document_list.next_unfinished(document_id)
        if following is None:
            self.say(self.tr("Every document is done."))
        else:
            self.open_document(following)

    def open_next_unfinished(self) -> None:
        following = self.document_list.next_unfinished(self.layer.document_id)
        if following is not None:
            self.open_document(following)

    # -- spans -----------------------------------------------------------------------------------------------
    def selected_span(self) -> SpanRow | None:
        span_id = self.view.selected_span
        return self.layer.index.get(span_id) if span_id is not None else None

    def select_span(self, span: SpanRow | None, *, scroll: bool = True) -> None:
        self.view.select_span(span, scroll=scroll)
        self.span_table.select_span(span.id if span else None)

    def _on_span_clicked(self, span_id: int) -> None:
        self.select_span(self.layer.index.get(span_id), scroll=False)

    def _on_span_activated(self, span_id: int) -> None:
        self.select_span(self.layer.index.get(span_id))
        self.view.setFocus()

    def _on_spans_changed(self, document_id: int, ranges: list[tuple[int, int]], select: int) -> None:
        if document_id != self.layer.document_id:
            self._refresh_later()
            return
        before = self.selected_span()
        chosen = self.layer.index.get(select) if select >= 0 else None
        self.view.selected_span = chosen.id if chosen else None
        self.view.repaint_ranges([*ranges, *((s.start, s.end) for s in (before, chosen) if s is not None)])
        self.label_bar.set_counts(self.layer.index.count_by_label())
        self._refresh_later()

    def _follow_undo(self, index: int) -> None:
        """Undoing or redoing an edit made in another document opens that document, to show what changed."""
        changed = self.undo_stack.command(index if index < self._undo_index else index - 1)
        self._undo_index = index
        document_id = getattr(changed, "document_id", None)
        if document_id is not None and document_id != self.layer.document_id:
            self.open_document(document_id)
            span = self.layer.index.get(getattr(getattr(changed, "handle", None), "id", None) or -1)
            if span is not None:
                self.select_span(span)

    # -- snapping --------------------------------------------------------------------------------------------
    def _on_segmenter_loaded(self, segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self._show_snapping()

    def toggle_snapping(self) -> None:
        self.snapping = not self.snapping
        self._show_snapping()

    def _show_snapping(self) -> None:
        if not self.snapping:
            text = self.tr("Word snapping: off (W)")
        elif self.segmenter is None:
            text = self.tr("Word snapping: loading jieba…")
        else:
            text = self.tr("Word snapping: on (W)")
        self.snap_label.setText(text)

    # -- find ------------------------------------------------------------------------------------------------
    def open_find(self) -> None:
        start, end = self.view.selection()
        self.find_bar.open(self.layer.text[start:end] if 0 < end - start <= 50 else "")

    def _close_find(self) -> None:
        self.find_bar.hide()
        self.view.setFocus()

    def find(self, needle: str, forward: bool) -> None:
        start, end = self.view.selection()
        at = find_in(self.layer.text, needle, end if forward else start, forward)
        if at == -1:
            self.find_bar.set_result(self.tr("not found") if needle else "")
            return
        self.find_bar.set_result(self.tr("%1 hits").replace("%1", str(self.layer.text.count(needle))))
        self.view.select_range(at, at + len(needle))

    def open_project_search(self) -> None:
        """Ctrl+Shift+F: one dialog for the window's lifetime, so the last search is still there."""
        if self.project_search is None:
            self.project_search = ProjectSearchDialog(self.sessions, self)
            self.project_search.hit_activated.connect(self.go_to_hit)
        self.project_search.show()
        self.project_search.activateWindow()

    def go_to_hit(self, document_id: int, start: int, end: int) -> None:
        self.open_document(document_id)
        self.view.select_range(start, end)
        self.view.setFocus()

    # -- review, agreement, trash ----------------------------------------------------------------------------
    def open_review(self) -> ReviewWindow:
        """Review mode in a window of its own (one per main window), for this annotator as the reviewer."""
        if self.review_window is None:
            self.review_window = open_review_window(self.sessions, self.annotator, self)
        else:
            self.review_window.refresh_lists()
            self.review_window.show()
        self.review_window.activateWindow()
        return self.review_window

    def open_agreement(self) -> None:
        """The agreement figures, recomputed on every opening; a click on a count opens review mode there."""
        if self.agreement is None:
            self.agreement = AgreementDialog(self.sessions, self)
            self.agreement.disagreement_activated.connect(
                lambda document_id, start, end: self.open_review().go_to(document_id, start, end))
        else:
            self.agreement.refresh()
        self.agreement.show()
        self.agreement.activateWindow()

    def open_trash(self) -> None:
        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.sessions, self)
            self.trash_dialog.changed.connect(self.team.refresh_now)
        self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.activateWindow()

    def open_export(self) -> None:
        """A fresh dialog each time it was closed, so new annotators and labels are listed."""
        if self.export_dialog is None or not self.export_dialog.isVisible():
            if self.export_dialog is not None:
                self.export_dialog.deleteLater()
            self.export_dialog = ExportDialog(self.sessions, self, layer=self.annotator)
        self.export_dialog.show()
        self.export_dialog.raise_()
        self.export_dialog.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.team.stop()
        if self.export_dialog is not None:
            self.export_dialog.close()  # cancels a running export and waits for it
        if self.review_window is not None:
            self.review_window.close()
        self._refresh_timer.stop()
        self._load_timer.stop()
        self.loader.wait()
        super().closeEvent(event)
