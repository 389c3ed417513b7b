"""Review mode: compare the annotators' layers of a document and adjudicate them into gold, by keyboard.

Documents left (with their review status), the text in the middle (gold as the background, one lane per
annotator under each line, disagreements hatched), the disagreements right. The reviewer walks the
disagreements and decides each one (``decisions.py``); every decision is an undo command
(``commands.py``) that writes gold through :mod:`biaozhu.db.review` in one transaction. Keys: see
``actions.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from biaozhu.db import review
from biaozhu.db.annotators import get_annotator
from biaozhu.db.documents import DocumentSummary, document_text, list_documents
from biaozhu.db.gold import Decision
from biaozhu.db.models import GOLD
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.label_infos import label_set
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.common.storage_messages import StorageNotice
from biaozhu.gui.common.time_clock import TimeClock
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import KIND_COLOURS, fill, kind_text
from biaozhu.gui.dialogs.export import ExportDialog, show_export
from biaozhu.gui.review.actions import ReviewActions
from biaozhu.gui.review.commands import GoldLayer
from biaozhu.gui.review.decisions import Decisions
from biaozhu.gui.review.gold_edits import GoldEditing, draw_keys_hint
from biaozhu.gui.review.label_sync import ReviewLabelSync
from biaozhu.gui.review.legend import ReviewLegend
from biaozhu.gui.review.model import DECISION, KIND, NUMBER, WHERE, DisagreementModel, ReviewedDocument
from biaozhu.gui.review.notes import ReviewNotes
from biaozhu.gui.review.relation_review import RelationReview
from biaozhu.gui.review.view import ReviewView
from biaozhu.gui.widgets.docks import add_side_panels
from biaozhu.gui.widgets.document_list import DocumentListPanel
from biaozhu.gui.widgets.find_bar import FindBar
from biaozhu.gui.widgets.saved_label import SavedLabel
from biaozhu.gui.widgets.tables import SELECT_ROW, RowActivation, configure_table, fit_columns, fit_to_contents

MESSAGE_MS = 6000


class ReviewWindow(QMainWindow):
    closing = Signal()  # the user closed the window (the app decides what follows)
    agreement_requested = Signal()
    def __init__(self, project: OpenProject, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = project.runner
        self.project_name = project.name
        self.reviewer = reviewer
        self.labels = self.runner.read(label_set)
        self.colours = self.labels.colours()
        self.label_ids = {label.name: label.id for label in self.labels}
        self.gold = GoldLayer(self.runner, reviewer, self, lambda: project.poller.watched_layer())
        self.history = History(self)
        self.undo_stack = self.history.stack
        self.document: ReviewedDocument | None = None
        self.documents: list[DocumentSummary] = []
        self._document_at: dict[int, int] = {}  # document id -> place in ``documents``
        self.export_dialog: ExportDialog | None = None
        person = self.runner.read(lambda session: getattr(get_annotator(session, reviewer), "id", None))
        # the reviewer's time per document, as the annotation window counts an annotator's (none for a name
        # that is nobody in the project yet: a read-only look)
        self.clock = TimeClock(self.runner, person, self) if person is not None else None
        self._build()
        self.decisions = Decisions(self.gold, self.history, self.view, lambda: self.document,
                                   lambda: draw_keys_hint(self.labels), self.say, self)
        self.gold_edits = GoldEditing(self.gold, self.history, self.view, [self.view, self.table], self.labels,
                                      lambda: self.document, self.say, self)
        self.relations = RelationReview(self.gold, self.history, self.view, lambda: self.document, self.say,
                                        self.statusBar(), self)
        self.label_sync = ReviewLabelSync(self)
        self.notes = ReviewNotes(self)
        self.actions_ = ReviewActions(self)
        self.decisions.decided.connect(self._after_decision)
        self.decisions.adjudicated.connect(self._after_adjudicated)
        self.legend.auto_gold.toggled.connect(lambda on: self.decisions.accept_agreed(quiet=True) if on else None)
        self.history.refused.connect(self.say)
        self.storage_notice = StorageNotice(self)
        self.history.storage_failed.connect(self.storage_notice.show_error)
        self.gold.gold_changed.connect(self._on_decided)
        self.gold.status_changed.connect(self._on_status_changed)
        self._undo_index = 0
        self.undo_stack.indexChanged.connect(self._follow_undo)
        self._refresh_timer = QTimer(self, singleShot=True, interval=30)
        self._refresh_timer.timeout.connect(self.refresh_lists)
        self.runner.bus.changed.connect(self._on_change)
        self.refresh_lists()
        first = self.document_list.next_unfinished(None)
        if first is None and self.documents:
            first = self.documents[0].id
        if first is not None:
            self.open_document(first)
        self.view.setFocus()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(fill(self.tr("Review — %1 — biaozhu 标注"), self.project_name))
        self.resize(1500, 900)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = QLabel(fill(self.tr("%1 is not a reviewer: this is a read-only view. A reviewer can make "
                                          "them one with `biaozhu annotators role %1 reviewer --reviewer REVIEWER`."),
                                  self.reviewer), centre)
        self.banner.setObjectName("read-only-banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        if self.runner.read_only:
            self.banner.setText(self.tr("This project file is read-only: you can read and export it; decisions "
                                        "are refused."))
        self.banner.setVisible(not self.gold.can_write or self.runner.read_only)
        self.legend = ReviewLegend(centre)
        self.view = ReviewView(centre)
        self.view.offset_clicked.connect(self._on_offset_clicked)
        column.addWidget(self.banner)
        column.addWidget(self.legend)
        column.addWidget(self.view, 1)
        self.find_bar = FindBar(self.view, centre)
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.document_list = DocumentListPanel(self)
        self.document_list.document_activated.connect(self.open_document)
        self.document_list.setMinimumWidth(260)
        self.model = DisagreementModel(self)
        self.model.titles = self.labels.titles
        self.table = QTableView(self)
        self.table.setObjectName("disagreements")
        self.table.setModel(self.model)
        configure_table(self.table, sortable=False)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.table, {NUMBER: ["999"], KIND: [kind_text(k) for k in KIND_COLOURS],
                                 DECISION: ["张三 + 李四"], WHERE: ["“泸州市委统战”"]})
        RowActivation(self.table).row_activated.connect(lambda index: self.go_to_disagreement(index.row()))
        add_side_panels(self, (self.tr("Documents"), self.document_list, "documents-dock"),
                        (self.tr("Disagreements"), self.table, "disagreements-dock"), (340, 400), closable=False)
        status = self.statusBar()
        role = self.tr("reviewer") if self.gold.can_write else self.tr("read-only")
        self.reviewer_label = QLabel(fill(self.tr("Reviewer: %1 (%2)"), self.reviewer, role))
        self.progress_label = QLabel(self)
        for widget in (self.reviewer_label, self.progress_label):
            widget.setTextFormat(Qt.TextFormat.PlainText)
            status.addPermanentWidget(widget)
        status.addPermanentWidget(SavedLabel(self.runner, self))

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    # -- documents -------------------------------------------------------------------------------------------
    def refresh_lists(self) -> None:
        """The documents somebody annotated, with the gold layer's status (open / adjudicated) and span count."""
        outcome = self.runner.try_read(list_documents)
        if outcome.value is None:
            self.say(outcome.refusal)
            return
        self.documents = [d for d in outcome.value if (set(d.span_counts) | set(d.statuses)) - {GOLD}]
        self._document_at = {summary.id: at for at, summary in enumerate(self.documents)}
        self.document_list.set_documents(self.documents, GOLD)
        if self.document is not None:
            self.document_list.select_document(self.document.id)

    def open_document(self, document_id: int, *, agreed_into_gold: bool = True) -> None:
        """Show a document; its agreed spans go into gold first when the switch is on (not while undoing,
        which would push a command in the middle of an undo and drop the redo steps)."""
        def read(session: Session) -> tuple[review.DocumentReview, str]:
            return review.review_document(session, document_id), document_text(session, document_id)

        outcome = self.runner.try_read(read)
        if outcome.value is None:
            self.say(outcome.refusal)
            return
        found, text = outcome.value
        name = next((d.name for d in self.documents if d.id == document_id), str(document_id))
        self.document = ReviewedDocument(document_id, name, text, found)
        if self.clock is not None:
            self.clock.switch_to(document_id)
        self.view.show_document(self.document, self.colours, self.label_ids)
        self.model.set_document(self.document)
        self.notes.show_document()
        fit_to_contents(self.table)
        self.legend.set_annotators(self.document.annotators)
        self.actions_.show_annotators(self.document.annotators)
        self.setWindowTitle(fill(self.tr("%1 — review — %2 — biaozhu 标注"), name, self.project_name))
        self.document_list.select_document(document_id)
        if agreed_into_gold and self.legend.auto_gold.isChecked():
            self.decisions.accept_agreed(quiet=True)
        self._show_progress()
        self.go_to_disagreement(self.next_open(-1))
        self.view.setFocus()

    def go_to(self, document_id: int, start: int, end: int) -> None:
        """Open a document at the disagreement over ``[start, end)`` (the agreement dialog's clicks come here)."""
        if self.document is None or self.document.id != document_id:
            self.open_document(document_id)
        assert self.document is not None
        numbers = self.document.covering(start, end)
        exact = [n for n in numbers if (self.document.disagreements[n].start,
                                        self.document.disagreements[n].end) == (start, end)]
        if exact or numbers:
            self.go_to_disagreement((exact or numbers)[0])
        else:
            self.view.select_range(start, end)
        self.activateWindow()

    def _on_decided(self, decision: Decision) -> None:
        """Our own decision, written: applied to the gold in memory (the spans it added as written, with their ids)
        and to its document's row in the list, nothing read again; other windows learn of it through the change
        bus."""
        document = self.document
        if document is not None and decision.document_id == document.id:
            self._show_review(review.decided(document.review, decision))
        if decision.changed:  # written: gold's status is at least "in progress" (status.touch)
            self._gold_row(decision.document_id, len(decision.added) - len(decision.removed),
                           lambda status: status or "in_progress")

    def _on_status_changed(self, document_id: int, status: str | None) -> None:
        document = self.document
        if document is not None and document_id == document.id:
            self._show_review(replace(document.review, status=status))
        self._gold_row(document_id, 0, lambda _: status)

    def _gold_row(self, document_id: int, added: int, status: Callable[[str | None], str | None]) -> None:
        """The list row of a document the window's own decision changed, in memory: gold's count moved by
        ``added``, its status ``status(the old one)``. The list is not read again on the UI thread for it (in a
        project of 1M spans that takes seconds)."""
        at = self._document_at.get(document_id)
        if at is None:
            return
        summary = self.documents[at]
        counts = {name: n for name, n in summary.span_counts.items() if name != GOLD}
        statuses = {name: value for name, value in summary.statuses.items() if name != GOLD}
        count, now = summary.span_counts.get(GOLD, 0) + added, status(summary.statuses.get(GOLD))
        counts.update({GOLD: count} if count else {})
        statuses.update({GOLD: now} if now else {})
        self.documents[at] = replace(summary, span_counts=counts, statuses=statuses)
        self.document_list.replace_document(self.documents[at])

    def _show_review(self, found: review.DocumentReview) -> None:
        document = self.document
        if document is not None:
            before, document.review = document.review.verdicts, found
            rows = [n for n, (old, new) in enumerate(zip(before, found.verdicts, strict=True)) if old is not new]
            self.view.gold_changed(rows)
            self.model.gold_changed(rows)
            self.relations.show_arrows()
            self._show_progress()

    def _show_progress(self) -> None:
        if self.document is None:
            return
        status = self.tr("adjudicated") if self.document.review.status == "adjudicated" else self.tr("open")
        self.progress_label.setText(fill(self.tr("%1 of %2 disagreements open · %3 gold spans · %4"),
                                         self.document.open_count(), len(self.document.disagreements),
                                         len(self.document.review.gold), status))

    # -- walking ---------------------------------------------------------------------------------------------
    def go_to_disagreement(self, number: int | None) -> None:
        if self.document is None or number is None or not 0 <= number < len(self.document.disagreements):
            self.view.show_disagreement(None)
            self.relations.show_arrows()
            return
        self.view.show_disagreement(number)
        self.relations.show_arrows()
        self.table.selectionModel().setCurrentIndex(self.model.index(number, 0), SELECT_ROW)
        self.table.scrollTo(self.model.index(number, 0))

    def step(self, forward: bool) -> None:
        """N / P: the next (previous) disagreement, decided or not, in the order of the text."""
        if self.document is None or not self.document.disagreements:
            self.say(self.tr("This document has no disagreements."))
            return
        count = len(self.document.disagreements)
        current = self.view.current
        target = (0 if forward else count - 1) if current is None else current + (1 if forward else -1)
        if not 0 <= target < count:
            self.say(self.tr("That was the last disagreement.") if forward else
                     self.tr("That was the first disagreement."))
            return
        self.go_to_disagreement(target)

    def next_open(self, after: int) -> int | None:
        """The first open disagreement after ``after``, else the first open one at all (``after`` itself last)."""
        if self.document is None:
            return None
        numbers = range(len(self.document.disagreements))
        order = [*(n for n in numbers if n > after), *(n for n in numbers if n <= after)]
        return next((n for n in order if self.document.is_open(n)), None)

    def _on_offset_clicked(self, offset: int) -> None:
        if self.document is not None:
            numbers = self.document.covering(offset, offset + 1)
            if numbers:
                self.go_to_disagreement(numbers[-1])

    def _after_decision(self, number: int) -> None:
        following = self.next_open(number)
        if following is None:
            self.say(self.tr("Every disagreement is decided: Ctrl+Enter marks the document adjudicated."))
        else:
            self.go_to_disagreement(following)

    def _after_adjudicated(self, document_id: int, left_open: int) -> None:
        self.refresh_lists()
        following = self.document_list.next_unfinished(document_id)
        if following is not None:
            self.open_document(following)
        if left_open:
            self.say(fill(self.tr("Marked adjudicated with %1 disagreements left open (Ctrl+Z takes it back)."),
                          left_open))
        elif following is None:
            self.say(self.tr("Every document is adjudicated."))

    def _on_change(self, change: Change) -> None:
        """Annotators' work landing: the list follows; when another window of this app changed a layer of the
        open document, the document is compared again (another program's edits show when it is reopened)."""
        if change.source is self.gold:
            return
        document = self.document
        if document is not None and change.what & (Changed.SPANS | Changed.TRASH) and document.id in change.documents:
            current = self.view.current
            self.open_document(document.id, agreed_into_gold=False)
            if current is not None and self.document is not None and current < len(self.document.disagreements):
                self.go_to_disagreement(current)
        self._refresh_timer.start()

    def _follow_undo(self, index: int) -> None:
        """Undoing or redoing a decision shows it: its document, its disagreement."""
        changed = self.undo_stack.command(index if index < self._undo_index else index - 1)
        self._undo_index = index
        document_id = getattr(changed, "document_id", None)
        if document_id is not None and (self.document is None or document_id != self.document.id):
            self.open_document(document_id, agreed_into_gold=False)
        number = getattr(changed, "number", None)
        if number is not None:
            self.go_to_disagreement(number)

    def open_next_document(self) -> None:
        following = self.document_list.next_unfinished(self.document.id if self.document else None)
        if following is not None:
            self.open_document(following)

    def open_agreement(self) -> None:
        """The agreement figures (the app opens them; a click on a count shows that disagreement here)."""
        self.agreement_requested.emit()

    def show_imported(self) -> None:
        """After an import: the new reports are listed; into an empty project, the first one opens."""
        self.refresh_lists()
        if self.document is None and self.documents:
            self.open_document(self.documents[0].id)

    def open_export(self) -> None:
        """Export (Ctrl+E), the gold layer chosen."""
        self.export_dialog = show_export(self.export_dialog, self.runner, self, GOLD)

    def showEvent(self, event: QShowEvent) -> None:
        if self.clock is not None:
            self.clock.start(self.document.id if self.document is not None else None)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.export_dialog is not None:
            self.export_dialog.close()  # cancels a running export and waits for it
        self._refresh_timer.stop()
        if self.clock is not None:
            self.clock.stop()
        super().closeEvent(event)
        self.closing.emit()
