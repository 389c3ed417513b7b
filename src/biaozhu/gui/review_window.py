"""Review mode: compare the annotators' layers of a document and adjudicate them into gold, by keyboard.

Documents left (with their review status), the text in the middle (gold as the background, one lane per
annotator under each line, disagreements hatched), the disagreements right. The reviewer walks the
disagreements and decides each one (``review_decisions.py``); every decision is an undo command
(``review_commands.py``) that writes gold through :mod:`biaozhu.db.review` in one transaction. Keys: see
``review_actions.py``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db import review
from biaozhu.db.documents import DocumentSummary, document_text, list_documents
from biaozhu.db.labels import list_labels
from biaozhu.db.models import GOLD
from biaozhu.db.review_queries import is_reviewer
from biaozhu.gui.agreement_dialog import AgreementDialog
from biaozhu.gui.document_list import DocumentListPanel
from biaozhu.gui.refresh import ChangePoller
from biaozhu.gui.review_actions import ReviewActions
from biaozhu.gui.review_commands import GoldLayer
from biaozhu.gui.review_decisions import Decisions
from biaozhu.gui.review_gold_edits import GoldEditing
from biaozhu.gui.review_legend import ReviewLegend
from biaozhu.gui.review_model import (
    DECISION,
    KIND,
    KIND_COLOURS,
    NUMBER,
    WHERE,
    DisagreementModel,
    ReviewedDocument,
    kind_text,
)
from biaozhu.gui.review_view import ReviewView
from biaozhu.gui.tables import SELECT_ROW, RowActivation, configure_table, fit_columns

MESSAGE_MS = 6000


class ReviewWindow(QMainWindow):
    def __init__(self, sessions: sessionmaker[Session], reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.reviewer = reviewer
        with sessions() as session:
            labels = list_labels(session)
            self.can_write = is_reviewer(session, reviewer)
        self.colours = {label.id: QColor(label.color) for label in labels}
        self.label_ids = {label.name: label.id for label in labels}
        self.gold = GoldLayer(sessions, reviewer, self)
        self.undo_stack = QUndoStack(self)
        self.document: ReviewedDocument | None = None
        self.documents: list[DocumentSummary] = []
        self.agreement: AgreementDialog | None = None
        self._build()
        self.decisions = Decisions(self)
        self.gold_edits = GoldEditing(self)
        self.actions_ = ReviewActions(self)
        self.gold.gold_changed.connect(self._on_gold_changed)
        self.gold.status_changed.connect(self._on_gold_changed)
        self._undo_index = 0
        self.undo_stack.indexChanged.connect(self._follow_undo)
        self._refresh_timer = QTimer(self, singleShot=True, interval=30)
        self._refresh_timer.timeout.connect(self.refresh_lists)
        self.poller = ChangePoller(sessions, self)  # annotators' work landing: the list follows (while shown)
        self.poller.changed.connect(self.refresh_lists)
        self.gold.gold_changed.connect(self.poller.note_own_change)
        self.gold.status_changed.connect(self.poller.note_own_change)
        self.poller.start()
        self.refresh_lists()
        first = self.document_list.next_unfinished(None)
        if first is None and self.documents:
            first = self.documents[0].id
        if first is not None:
            self.open_document(first)
        self.view.setFocus()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Review — biaozhu 标注"))
        self.resize(1500, 900)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = QLabel(self.tr("%1 is not a reviewer: this is a read-only view. A reviewer can be named with "
                                     "`biaozhu annotators role NAME reviewer`.").replace("%1", self.reviewer), centre)
        self.banner.setObjectName("read-only-banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.banner.setVisible(not self.can_write)
        self.legend = ReviewLegend(centre)
        self.view = ReviewView(centre)
        self.view.offset_clicked.connect(self._on_offset_clicked)
        column.addWidget(self.banner)
        column.addWidget(self.legend)
        column.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        self.document_list = DocumentListPanel(self)
        self.document_list.document_activated.connect(self.open_document)
        self.document_list.setMinimumWidth(260)
        self.model = DisagreementModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("disagreements")
        self.table.setModel(self.model)
        configure_table(self.table, sortable=False)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.table, {NUMBER: ["999"], KIND: [kind_text(k) for k in KIND_COLOURS],
                                 DECISION: ["张三 + 李四"], WHERE: ["“泸州市委统战”"]})
        RowActivation(self.table).row_activated.connect(lambda index: self.go_to_disagreement(index.row()))
        for title, panel, area, name in (
                (self.tr("Documents"), self.document_list, Qt.DockWidgetArea.LeftDockWidgetArea, "documents-dock"),
                (self.tr("Disagreements"), self.table, Qt.DockWidgetArea.RightDockWidgetArea, "disagreements-dock")):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(panel)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
            self.addDockWidget(area, dock)
        self.resizeDocks([self.findChild(QDockWidget, "documents-dock"),
                          self.findChild(QDockWidget, "disagreements-dock")], [300, 560], Qt.Orientation.Horizontal)
        status = self.statusBar()
        role = self.tr("reviewer") if self.can_write else self.tr("read-only")
        self.reviewer_label = QLabel(self.tr("Reviewer: %1 (%2)").replace("%1", self.reviewer).replace("%2", role))
        self.progress_label = QLabel(self)
        for widget in (self.reviewer_label, self.progress_label):
            widget.setTextFormat(Qt.TextFormat.PlainText)
            status.addPermanentWidget(widget)

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    # -- documents -------------------------------------------------------------------------------------------
    def refresh_lists(self) -> None:
        """The documents somebody annotated, with the gold layer's status (open / adjudicated) and span count."""
        with self.sessions() as session:
            self.documents = [d for d in list_documents(session) if (set(d.span_counts) | set(d.statuses)) - {GOLD}]
        self.document_list.set_documents(self.documents, GOLD)
        if self.document is not None:
            self.document_list.select_document(self.document.id)

    def open_document(self, document_id: int, *, agreed_into_gold: bool = True) -> None:
        """Show a document; its agreed spans go into gold first when the switch is on (not while undoing,
        which would push a command in the middle of an undo and drop the redo steps)."""
        with self.sessions() as session:
            found = review.review_document(session, document_id)
            text = document_text(session, document_id)
        name = next((d.name for d in self.documents if d.id == document_id), str(document_id))
        self.document = ReviewedDocument(document_id, name, text, found)
        self.view.show_document(self.document, self.colours, self.label_ids)
        self.model.set_document(self.document)
        self.legend.set_annotators(self.document.annotators)
        self.setWindowTitle(self.tr("%1 — review — biaozhu 标注").replace("%1", name))
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

    def _on_gold_changed(self, document_id: int) -> None:
        if self.document is not None and document_id == self.document.id:
            with self.sessions() as session:
                self.document.review = review.rejudged(session, document_id, self.document.review.comparison)
            self.view.gold_changed()
            self.model.gold_changed()
            self._show_progress()
        self._refresh_timer.start()

    def _show_progress(self) -> None:
        if self.document is None:
            return
        status = self.tr("adjudicated") if self.document.review.status == "adjudicated" else self.tr("open")
        self.progress_label.setText(self.tr("%1 of %2 disagreements open · %3 gold spans · %4")
                                    .replace("%1", str(self.document.open_count()))
                                    .replace("%2", str(len(self.document.disagreements)))
                                    .replace("%3", str(len(self.document.review.gold))).replace("%4", status))

    # -- walking ---------------------------------------------------------------------------------------------
    def go_to_disagreement(self, number: int | None) -> None:
        if self.document is None or number is None or not 0 <= number < len(self.document.disagreements):
            self.view.show_disagreement(None)
            return
        self.view.show_disagreement(number)
        self.table.selectionModel().setCurrentIndex(self.model.index(number, 0), SELECT_ROW)
        self.table.scrollTo(self.model.index(number, 0))

    def step(self, forward: bool) -> None:
        """N / P: the next (previous) disagreement, decided or not, in the order of the text."""
        if self.document is None or not self.document.disagreements:
            self.say(self.tr("This document has no disagreements."))
            return
        count = len(self.document.disagreements)
        current = self.view.current
        if current is None:
            target = 0 if forward else count - 1
        else:
            target = current + (1 if forward else -1)
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
        """The agreement dialog, recomputed each time it is opened; its clicks open disagreements here."""
        if self.agreement is None:
            self.agreement = AgreementDialog(self.sessions, self)
            self.agreement.disagreement_activated.connect(self.go_to)
        else:
            self.agreement.refresh()
        self.agreement.show()
        self.agreement.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._refresh_timer.stop()
        super().closeEvent(event)


def open_review_window(sessions: sessionmaker[Session], reviewer: str, parent: QWidget | None = None) -> ReviewWindow:
    """Open review mode for ``reviewer`` (read-only unless they have the reviewer role); the caller keeps it."""
    window = ReviewWindow(sessions, reviewer, parent)  # a QMainWindow is a window of its own, parent or not
    window.show()
    window.view.centerCursor()  # on the first disagreement: centred before the window showed, it scrolled wrong
    return window

