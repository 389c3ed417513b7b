"""The annotation window: document list left, the text in the middle with the label bar above it,
the span table right, the status bar below. Keyboard first: every action has a key (see ``actions.py``).

The window lays out the panels and keeps them in step with the layer and the app's change bus; editing is
``editing.py`` (each edit an undo command, ``commands.py``, that changes the layer, never the widgets).
Review mode and the agreement dialog's clicks are asked for with signals: the app opens those windows.
This module imports no SQLAlchemy: the app paints the window's frame from a first look at the project while its
working parts (``window_parts.py``) load on a worker; tests/gui/test_start_imports.py holds it to that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from biaozhu.gui.annotate.span_table import SpanTablePanel
from biaozhu.gui.common.changes import Change, Changed, SpanDelta
from biaozhu.gui.common.label_infos import LabelInfo, LabelSet
from biaozhu.gui.common.runner import outcome_of
from biaozhu.gui.common.storage_messages import StorageNotice
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.docks import add_side_panels
from biaozhu.gui.widgets.document_list import DocumentListPanel
from biaozhu.gui.widgets.document_rows import PreparedRows
from biaozhu.gui.widgets.document_view import DocumentView
from biaozhu.gui.widgets.find_bar import FindBar
from biaozhu.gui.widgets.label_bar import LabelBar
from biaozhu.gui.widgets.saved_label import SavedLabel
from biaozhu.gui.widgets.sizing import restore_geometry
from biaozhu.gui.widgets.span_index import SpanIndex

if TYPE_CHECKING:  # the window's working parts load once its first look is painted (``finish``)

    from biaozhu.db.first_look import FirstLook
    from biaozhu.db.rows import DocumentSummary, SpanRow
    from biaozhu.gui.annotate.editing import SpanEditing
    from biaozhu.gui.annotate.window_parts import Where
    from biaozhu.gui.common.project import OpenProject
    from biaozhu.gui.dialogs.audit_log import AuditLogDialog
    from biaozhu.gui.dialogs.export import ExportDialog
    from biaozhu.gui.dialogs.project_search import ProjectSearchDialog
    from biaozhu.gui.dialogs.statistics import StatisticsDialog
    from biaozhu.gui.dialogs.trash import TrashDialog

MESSAGE_MS = 6000
LAYOUT_KEY = "annotate"  # where its geometry and panels are remembered (QSettings)
# The menu bar as the frame shows it, before the actions that fill the menus exist (appearing then, the bar would
# move everything below it down a line): each title in the translation context of the part that makes the menu.
# tests/gui/test_first_look_window.py holds these to the menus the finished window has.
FRAME_MENUS = (("FileMenu", "&File"), ("WindowActions", "&Document"), ("WindowActions", "&Edit"),
               ("WindowActions", "&Annotate"), ("SuggestionBoard", "Su&ggest"), ("Guidance", "G&uide"),
               ("WindowActions", "&View"), ("WindowActions", "&Review"), ("WindowMenus", "&Help"))


class MainWindow(QMainWindow):
    """Made in two steps: the frame (the text, the label bar, the panels, the status bar), which the app shows
    from a first look at the project before SQLAlchemy has loaded, then :meth:`finish` on the open project (the
    layer, editing, the actions and menus). Made with a project, it does both at once."""

    closing = Signal()  # the user closed the window (the app decides what follows)
    view: DocumentView
    editing: SpanEditing
    offset_label: QLabel
    review_requested = Signal()
    review_document_requested = Signal(int)  # review mode on this document (another layer's matrix cell)
    agreement_requested = Signal()

    def __init__(self, project: OpenProject | None, annotator: str, document_id: int | None = None,
                 parent: QWidget | None = None, *, first_look: FirstLook | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.annotator = annotator
        self.finished = False
        self.closed = False
        self._first_look = first_look
        self._first_list: PreparedRows | None = None
        where: Where | None = None
        if project is not None:  # made the usual way, all at once: the frame is built with the project's labels
            from biaozhu.gui.annotate.window_parts import where_to_open

            where = project.runner.write(lambda session: where_to_open(session, annotator, document_id))
            self.labels = where[1]
        else:
            self.labels = LabelSet([LabelInfo(*row) for row in first_look.labels] if first_look is not None else [])
        self._build(project.name if project is not None else name, shown_early=project is None)
        if first_look is not None:
            self.setWindowTitle(f"{first_look.name} — {name} — biaozhu 标注")
            self.view.show_text(first_look.text, SpanIndex(), self.labels.colours())
        self.view.setFocus()
        if project is not None:
            self.finish(project, document_id, where)

    def finish(self, project: OpenProject, document_id: int | None = None, where: Where | None = None) -> None:
        """Open ``project`` in the window: its labels, the annotator's layer of ``document_id`` (else of the
        document last worked on, else the first; ``where``: read already), editing, the actions and menus. Shown
        from a first look, the text stays where the person scrolled and selected meanwhile."""
        from biaozhu.gui.annotate import window_parts as parts  # on the app's worker while the first look showed

        self.project = project
        self.runner = project.runner
        self._hold_workers()
        annotator_id, labels, start_at = where or self.runner.write(
            lambda session: parts.where_to_open(session, self.annotator, document_id))
        self.layer = parts.Layer(self.runner, annotator_id, self)
        self.clock = parts.TimeClock(self.runner, annotator_id, self)  # time spent per document
        self.history = History(self)
        self.undo_stack = self.history.stack
        self.snapping = parts.Snapping(self.runner, self)
        self.lists = parts.WindowLists(self)
        if self._first_list is not None:  # shown by the first look; read again once the document opens
            self.lists.take(self._first_list)
            self._first_list = None
        self.project_search: ProjectSearchDialog | None = None
        self.trash_dialog: TrashDialog | None = None
        self.audit_dialog: AuditLogDialog | None = None
        self.statistics_dialog: StatisticsDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.statusBar().addPermanentWidget(SavedLabel(self.runner, self))
        if self.runner.read_only:  # said before any edit is tried
            read_only = QLabel(self.tr("Read-only project: you can read and export it; edits are refused"), self)
            read_only.setObjectName("read-only-project")
            read_only.setStyleSheet("background: #fff3cd; color: #664d03; padding: 0 6px;")
            self.statusBar().insertPermanentWidget(0, read_only)
        self.places = parts.DocumentPlaces(self, self.view, self.runner)  # 第 n 页, the section, the outline panel
        self.places.section_changed.connect(self._show_spans)
        self.editing = parts.SpanEditing(self.layer, self.view, self.labels, self.snapping, self.history, self.say,
                                         self)
        self.suggestions = parts.SuggestionBoard(self)
        self.guidance = parts.Guidance(self)
        self.model_training = parts.ModelTrainer(self)
        self.model_training.rated.connect(self.document_list.set_uncertainty)
        self.linking = parts.Linking(self)
        self.editing.relabel_refusal = self.linking.relabel_refusal
        self.comments = parts.AnnotateComments(self)
        self.menuBar().clear()  # the frame's titles (shown early): the actions make the menus, filled
        self.actions_ = parts.WindowActions(self)
        self.label_sync = parts.LabelSync(self)
        self.document_actions = parts.DocumentActions(self)
        self.span_scope = parts.SpanScope(self)
        self.context_menu = parts.SpanContextMenu(self)
        self.snap_preview = parts.SnapPreview(self.editing, self)
        self.storage_notice = StorageNotice(self)
        self._connect()
        if labels.labels != self.labels.labels:  # changed since the first look was read
            self.labels.replace(labels.labels)
            self.label_sync.show_labels()
        self._undo_index = 0
        self._lists_stale = False  # the document list must be read again (not only the open document's row)
        self._refresh_timer = QTimer(self, singleShot=True, interval=30)
        self._refresh_timer.timeout.connect(self._refresh_panels)
        # The span table follows the window's own edits a frame later, once the text (where the person looks) has
        # repainted: its rows below an inserted or removed row repaint too, which costs more than the edit's lines.
        self._edits: list[SpanDelta] = []  # of the open layer, not yet in the span table
        self._follow_timer = QTimer(self, singleShot=True, interval=16)
        self._follow_timer.timeout.connect(self._follow_spans)
        # jieba loads and learns the span texts once the document and the list are on screen: started earlier, its
        # thread would hold the GIL the opening and the list's worker need (100,000 documents listed 1 s later).
        self._load_timer = QTimer(self, singleShot=True, interval=100)
        self._load_timer.timeout.connect(self.snapping.load)
        self._snapping_asked = False
        self.finished = True
        if start_at is not None:  # the document list and the progress are read on a worker once it is painted
            self.open_document(start_at)
        else:
            self.refresh_later()
            self.view.setPlaceholderText(self.tr("This project has no documents yet. Import reports with File ▸ "
                                                 "Import… (Ctrl+I), or drop files or folders here."))
        self._show_snapping()
        if self.isVisible():
            self.clock.start(self.layer.document_id)  # shown from the first look: its time counts from now

    def _connect(self) -> None:
        """What the frame's widgets and the working parts tell the window, once both are there."""
        self.label_bar.label_clicked.connect(lambda label_id: self.editing.apply_label(label_id))
        self.view.span_clicked.connect(self._on_span_clicked)
        self.document_list.document_activated.connect(self.open_document)
        self.span_table.span_activated.connect(self._on_span_activated)
        self.layer.spans_changed.connect(self._on_spans_changed)
        self.layer.loaded.connect(self._show_layer)
        self.layer.status_changed.connect(self.lists.status_set)
        self.history.refused.connect(self.say)
        self.history.storage_failed.connect(self.storage_notice.show_error)
        self.snapping.changed.connect(self._show_snapping)
        self.snapping.failed.connect(self.say)
        self.runner.bus.changed.connect(self._on_change)
        self.undo_stack.indexChanged.connect(self._follow_undo)

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self, project_name: str, *, shown_early: bool) -> None:
        """The frame; ``shown_early``: shown before the project is open, with the menu bar's titles meanwhile."""
        self.setWindowTitle(f"{project_name} — biaozhu 标注")
        self.resize(1400, 900)
        if shown_early:
            for context, title in FRAME_MENUS:
                self.menuBar().addMenu(QCoreApplication.translate(context, title)).setEnabled(False)
        restore_geometry(self, LAYOUT_KEY)  # where it was: shown from the first look, it does not move later
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.label_bar = LabelBar(self.labels.labels, centre)
        self.view = DocumentView(centre)
        self.view.describe = self.describe_span
        self.view.offset_changed.connect(lambda offset: self.offset_label.setText(fill(self.tr("offset %1"), offset)))
        self.find_bar = FindBar(self.view, centre)
        column.addWidget(self.label_bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.document_list = DocumentListPanel(self)
        self.span_table = SpanTablePanel(self)
        self.view.span_selected.connect(self.span_table.select_span)
        add_side_panels(self, (self.tr("Documents"), self.document_list, "documents-dock"),
                        (self.tr("Spans"), self.span_table, "spans-dock"), (340, 320), closable=True)
        status = self.statusBar()
        self.annotator_label = QLabel(fill(self.tr("Annotator: %1"), self.annotator), self)
        self.progress_label = QLabel(self)
        self.snap_label = QLabel(self)
        self.offset_label = QLabel(fill(self.tr("offset %1"), 0), self)
        for widget in (self.annotator_label, self.progress_label, self.snap_label, self.offset_label):
            widget.setTextFormat(Qt.TextFormat.PlainText)
            status.addPermanentWidget(widget)

    def show_first_list(self, prepared: PreparedRows) -> None:
        """The document list as the first look read it, shown before the project is open (in a project of 100,000
        documents SQLAlchemy would load first); the window's own list reading follows once it is finished."""
        if self.finished or self.closed or not self.document_list.apply(prepared):
            return
        self._first_list = prepared
        if self._first_look is not None:
            self.document_list.select_document(self._first_look.document_id)
        self.show_progress(prepared.done, len(prepared.read))

    def show_progress(self, done: int, documents: int) -> None:
        self.progress_label.setText(fill(self.tr("%1/%2 done"), done, documents))

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    def describe_span(self, span: SpanRow) -> str:
        return f"{self.labels.caption_of(span.label_id)}  [{span.start}, {span.end})  {self.annotator}"

    # -- documents -------------------------------------------------------------------------------------------
    def _hold_workers(self) -> None:
        """The background work asked for now (the rest of a long report's layer, its outline, its suggestions,
        the list) runs once the window has painted (see ActionRunner.hold)."""
        self.runner.hold()
        self.view.after_paint(self.runner.release)

    def open_document(self, document_id: int) -> None:
        if document_id == self.layer.document_id:
            return
        self._hold_workers()
        outcome = outcome_of(lambda: self.layer.open(document_id))
        if not outcome.ok:  # locked, read-only, gone: say so and stay on the open document
            self.say(outcome.refusal)
            return
        self.clock.switch_to(document_id)
        look, self._first_look = self._first_look, None
        if look is not None and look.document_id == document_id and look.text == self.layer.text:
            self.view.show_spans(self.layer.shown, self.labels.colours())  # where the person scrolled meanwhile
        else:
            self.view.show_text(self.layer.text, self.layer.shown, self.labels.colours())
        self.places.show_document(document_id, self.layer.text)
        self.suggestions.show_document(document_id)
        self.comments.show_document(document_id)
        self.setWindowTitle(f"{self.layer.name} — {self.project.name} — biaozhu 标注")
        self.document_list.select_document(document_id)
        if self.layer.complete:
            self._show_layer(document_id)
        self.refresh_later()  # the span table and the document list fill in after the text is painted
        self.view.setFocus()

    def _show_layer(self, document_id: int) -> None:
        """What needs the whole layer: at once for a short report, when the rest of its spans are in for a long
        one (``Layer.loaded``; an edit made before waits for them)."""
        if document_id != self.layer.document_id:
            return
        self.view.index = self.layer.index
        self.view.viewport().update()
        self.linking.show_document()
        self.label_bar.set_counts(self.layer.index.count_by_label())
        self.refresh_later(lists=False)  # the span table; the document list is read once per opening

    def _show_spans(self) -> None:
        self.label_bar.set_counts(self.layer.index.count_by_label())
        self.span_table.set_spans(self.places.in_section(list(self.layer.index)),
                                  {label.id: (label.name, label.title, label.color) for label in self.labels})
        self.span_table.select_span(self.view.selected_span)

    def _follow_spans(self) -> None:
        """The span table after the window's own edits of the open layer: the rows they removed and added."""
        edits, self._edits = self._edits, []
        if self._refresh_timer.isActive():
            return  # the whole table is shown again in a moment (another document opened, an edit made elsewhere)
        for delta in edits:
            self.span_table.follow(list(delta.removed), self.places.in_section(list(delta.added)))
        self.span_table.select_span(self.view.selected_span)

    def refresh_later(self, lists: bool = True) -> None:
        """Refresh the panels once the repaint is done, once for a burst of edits; ``lists``: the document list
        too (the window's own edits of the open layer update its row at once instead)."""
        self._lists_stale = self._lists_stale or lists
        self._refresh_timer.start()

    def _refresh_panels(self) -> None:
        if self.layer.complete:  # else the span table fills in once the whole layer is read (``_show_layer``)
            self._show_spans()
        if self._lists_stale:  # read and prepared on a worker thread: 2 s on the UI thread at 1M spans
            self._lists_stale = False
            self.lists.read()

    def load_snapping(self) -> None:
        """Word snapping loads after the first list (shown or failed), once."""
        if not self._snapping_asked:
            self._snapping_asked = True
            self._load_timer.start()

    def _on_change(self, change: Change) -> None:
        """Anything that changed the project, from this window or not: the lists follow; the open layer
        catches up with what another window or program did to it."""
        if change.source is not self.layer and change.what & (Changed.SPANS | Changed.TRASH) \
                and change.touches(self.layer.document_id):
            outcome = outcome_of(lambda: self.layer.catch_up(self.view.selected_span))
            if not outcome.ok:
                self.say(outcome.refusal)
            elif change.source is not self.linking.relations:
                self.linking.reload()  # links made or deleted elsewhere
        own_layer = change.source is self.layer and change.what & ~(Changed.SPANS | Changed.TRASH) == Changed(0) \
            and change.documents == {self.layer.document_id}
        if own_layer:
            self.lists.count_open_layer()
        # This window's own status, rename or deletion: its rows were changed in memory (``update_row``).
        own_rows = change.source is self.document_actions or (change.source is self.layer
                                                               and change.what == Changed.STATUS)
        if own_layer and change.delta is not None and self.layer.complete and not self._refresh_timer.isActive():
            self._edits.append(change.delta)  # the rows the edit touched, not the whole layer sorted again
            self._follow_timer.start()
        else:
            self.refresh_later(lists=not (own_layer or own_rows))

    @property
    def documents(self) -> list[DocumentSummary]:
        return self.lists.documents

    def refresh_lists(self) -> None:
        self.lists.refresh()

    def update_row(self, document_id: int, **fields: Any) -> None:
        self.lists.update_row(document_id, **fields)

    def drop_row(self, document_id: int) -> None:
        self.lists.drop_row(document_id)

    def mark_done(self) -> None:
        self.lists.mark_done()

    def open_next_unfinished(self) -> None:
        following = self.document_list.next_unfinished(self.layer.document_id)
        if following is not None:
            self.open_document(following)

    # -- spans -----------------------------------------------------------------------------------------------
    def selected_span(self) -> SpanRow | None:
        return self.editing.selected_span()

    def select_span(self, span: SpanRow | None, *, scroll: bool = True) -> None:
        self.view.select_span(span, scroll=scroll)

    def _on_span_clicked(self, span_id: int) -> None:
        self.select_span(self.layer.index.get(span_id), scroll=False)

    def _on_span_activated(self, span_id: int) -> None:
        self.select_span(self.layer.index.get(span_id))
        self.view.setFocus()

    def _on_spans_changed(self, document_id: int, ranges: list[tuple[int, int]], select: int) -> None:
        if document_id != self.layer.document_id:
            return
        before = self.selected_span()
        chosen = self.layer.index.get(select) if select >= 0 else None
        self.view.selected_span = chosen.id if chosen else None
        self.view.repaint_ranges([*ranges, *((s.start, s.end) for s in (before, chosen) if s is not None)])
        self.label_bar.set_counts(self.layer.index.count_by_label())

    def _follow_undo(self, index: int) -> None:
        """Undoing or redoing an edit made in another document opens that document, to show what changed."""
        changed = self.undo_stack.command(index if index < self._undo_index else index - 1)
        self._undo_index = index
        from biaozhu.gui.annotate import commands  # loaded with the window's working parts (``finish``)

        if not isinstance(changed, commands.LayerCommand) or changed.document_id == self.layer.document_id:
            return
        self.open_document(changed.document_id)
        if isinstance(changed, commands.SpanCommand) and changed.handle.id is not None:
            span = self.layer.index.get(changed.handle.id)
            if span is not None:
                self.select_span(span)

    # -- snapping --------------------------------------------------------------------------------------------
    def toggle_snapping(self) -> None:
        self.snapping.toggle()

    def _show_snapping(self) -> None:
        if not self.snapping.enabled:
            text = self.tr("Word snapping: off (W)")
        elif self.snapping.segmenter is None:
            text = self.tr("Word snapping: loading jieba…")
        else:
            text = self.tr("Word snapping: on (W)")
        self.snap_label.setText(text)

    # -- find ------------------------------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open()

    def open_project_search(self) -> None:
        """Ctrl+Shift+F: one dialog for the window's lifetime, so the last search is still there."""
        if self.project_search is None:
            from biaozhu.gui.dialogs.project_search import ProjectSearchDialog

            self.project_search = ProjectSearchDialog(self.runner, self)
            self.project_search.hit_activated.connect(self.go_to_hit)
        self.project_search.show()
        self.project_search.activateWindow()

    def go_to_hit(self, document_id: int, start: int, end: int) -> None:
        self.open_document(document_id)
        self.view.select_range(start, end)
        self.view.setFocus()

    # -- review, agreement, trash, export --------------------------------------------------------------------
    def open_review(self) -> None:
        """Review mode, for this annotator as the reviewer (the app opens it)."""
        self.review_requested.emit()

    def open_agreement(self) -> None:
        """The agreement figures (the app opens them; a click on a count opens review mode there)."""
        self.agreement_requested.emit()

    def open_labels(self) -> None:
        self.label_sync.open_dialog()

    def open_trash(self) -> None:
        if self.trash_dialog is None:
            from biaozhu.gui.dialogs.trash import TrashDialog

            self.trash_dialog = TrashDialog(self.runner, self.annotator, self)
        self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.activateWindow()

    def open_audit_log(self) -> None:
        """Who imported, deleted, merged, changed roles or decided gold (read again at every opening)."""
        if self.audit_dialog is None:
            from biaozhu.gui.dialogs.audit_log import AuditLogDialog

            self.audit_dialog = AuditLogDialog(self.runner, self)
        self.audit_dialog.reload()
        self.audit_dialog.show()
        self.audit_dialog.activateWindow()

    def open_statistics(self) -> None:
        """Where the project stands (read again at every opening); a cell of its matrix opens that document."""
        if self.statistics_dialog is None:
            from biaozhu.gui.dialogs.statistics import StatisticsDialog

            self.statistics_dialog = StatisticsDialog(self.runner, self)
            self.statistics_dialog.open_document.connect(self.open_for_layer)
        self.statistics_dialog.reload()
        self.statistics_dialog.show()
        self.statistics_dialog.activateWindow()

    def open_for_layer(self, document_id: int, layer: str) -> None:
        """A cell of the progress matrix: this person's own layer opens here; another's (which only its
        annotator may change) in review mode, where every layer of the document is shown."""
        if layer == self.annotator:
            self.open_document(document_id)
            self.activateWindow()
        else:
            self.review_document_requested.emit(document_id)

    def show_first_document(self) -> None:
        """After an import into an empty project: the first report opens."""
        self.lists.show_first()

    def open_export(self) -> None:
        from biaozhu.gui.dialogs.export import show_export

        self.export_dialog = show_export(self.export_dialog, self.runner, self, self.annotator)

    def showEvent(self, event: QShowEvent) -> None:
        self.closed = False  # shown again (review mode closed): the list's answers count again
        if self.finished:
            self.clock.start(self.layer.document_id)
            if self.model_training._closed:
                self.model_training.resume()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        if not self.finished:  # closed while its project was opening: nothing of it to stop yet
            super().closeEvent(event)
            self.closing.emit()
            return
        self.runner.release()  # work held for the first paint runs now: the waits below wait for it
        if self.export_dialog is not None:
            self.export_dialog.close()  # cancels a running export and waits for it
        self._refresh_timer.stop()
        self._follow_timer.stop()
        self._load_timer.stop()
        self.clock.stop()
        self.closed = True
        self.lists.wait()
        self.layer.wait()
        self.snapping.wait()
        self.suggestions.wait()
        if self.statistics_dialog is not None:
            self.statistics_dialog.wait()
        self.model_training.wait()
        super().closeEvent(event)
        self.closing.emit()
