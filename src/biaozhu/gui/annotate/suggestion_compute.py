"""Suggest ▸ for this document: the engines' suggestions computed on a worker thread, what is on screen first, then
the rest of the document in parts that double in length (:mod:`biaozhu.corpus.suggestion_parts`), each part stored
in short transactions and shown as soon as it is stored. A 5 MB report's take the model a minute: the annotator
decides the suggestions in sight meanwhile, and the window keeps answering.

The model's tagger reads one sentence per crfsuite call, jieba and the features are Python: the worker lets go of
the GIL between sentences at the latest, so the window's thread never waits long for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.suggestion_parts import visible_first
from biaozhu.corpus.suggestions import MODEL
from biaozhu.db.suggestions import (
    Cleared,
    Planner,
    clear_suggestions,
    documents_to_suggest,
    insert_suggestions,
    open_suggestions,
)
from biaozhu.gui.annotate.suggestion_set import SuggestionSet
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import KNOWN_FAILURES, Transaction
from biaozhu.gui.common.wording import fill

if TYPE_CHECKING:
    from biaozhu.gui.annotate.suggestions import SuggestionBoard

STORE_CHUNK = 2000  # suggestions stored per transaction (about 0.1 s of holding the write lock)


@dataclass
class _Run:
    """One document's computation: what the engines learned, its text, and the parts still to do."""

    document_id: int
    annotator_id: int | None
    planner: Planner
    text: str
    parts: list[tuple[int, int]]
    done: int = 0  # parts stored
    stored: int = 0  # suggestions stored
    cleared: Cleared | None = None  # the undecided suggestions removed before the first part was stored


@dataclass(frozen=True, slots=True)
class _Stored:
    count: int
    rows: SuggestionSet | None  # the open document's suggestions with this part's (None: it is not open)


class SuggestionComputer(QObject):
    """Runs one document's computation at a time, part after part, on the board's worker pool."""

    part_shown = Signal(int, int, int)  # document id, start, end: that part's suggestions are stored (and shown)
    finished = Signal(int)  # document id: every part is stored

    def __init__(self, board: SuggestionBoard) -> None:
        super().__init__(board)
        self.board = board
        self.run: _Run | None = None

    def start(self) -> None:
        """Suggest: begin with the part on screen (refused while a computation is on: its parts would mix)."""
        board, window = self.board, self.board.window_
        document_id = board.layer.document_id
        if document_id is None:
            return
        if self.run is not None:
            window.say(self.tr("Suggestions are still being computed; the rest follows in the background."))
            return
        engines = board.engines()
        if not engines:
            window.say(self.tr("Every engine is switched off (Suggest menu): there is nothing to compute."))
            return
        window.say(self.tr("Computing suggestions…"))
        first, last = board.view.visible_range()
        annotator_id, url = board.layer.annotator_id, window.model_training.url

        def prepare(session: Session) -> _Run:  # the model as last trained (its file is swapped in whole)
            from biaozhu.operations.model import load_model, proposer  # crfsuite: imported when first needed

            planner = Planner(session, engines, model=proposer(load_model(url)) if MODEL in engines else None)
            text = next((text for _, text in documents_to_suggest(session, {document_id})), "")
            return _Run(document_id, annotator_id, planner, text, visible_first(text, first, last))

        def prepared(run: _Run) -> None:
            if not board.closed:
                self.run = run
                self._next()

        window.runner.in_background(board.pool, prepare, prepared, self._failed)

    def _next(self) -> None:
        run = self.run
        if run is None or self.board.closed:
            self.run = None
            return
        if run.done == len(run.parts):
            self.run = None
            self.board.computed(run.document_id, run.stored)
            self.finished.emit(run.document_id)
            return
        start, end = run.parts[run.done]
        board = self.board
        shown = list(board.rows.by_id.values()) if board.document_id == run.document_id else None
        decided = board.decided

        def work(begin: Transaction) -> _Stored:
            planned = run.planner.plan(run.document_id, run.text, start, end)  # no transaction held meanwhile
            if run.cleared is None:
                with begin() as session:
                    run.cleared = clear_suggestions(session, run.document_id)
            rows = run.cleared.rows(planned)
            for at in range(0, len(rows), STORE_CHUNK):  # short transactions: edits never wait long
                with begin() as session:
                    insert_suggestions(session, rows[at:at + STORE_CHUNK])
            if shown is None:
                return _Stored(len(rows), None)
            with begin() as session:
                new = open_suggestions(session, run.document_id, run.annotator_id, (start, end))
            return _Stored(len(rows), SuggestionSet(shown + new if run.done else new))  # the parts do not overlap

        def stored(result: _Stored) -> None:
            run.done += 1
            run.stored += result.count
            if board.closed:
                self.run = None
                return
            board.window_.runner.bus.publish(Change(Changed.SPANS, frozenset({run.document_id}), board))
            if result.rows is not None:
                board.take(run.document_id, result.rows, decided)
            self.part_shown.emit(run.document_id, start, end)
            if run.done == 1 and len(run.parts) > 1:
                board.window_.say(fill(self.tr("%1 suggestions on screen; the rest of the document follows in the "
                                               "background."), len(result.rows or ())))
            self._next()

        board.window_.runner.writes_in_background(board.pool, work, stored, self._failed, KNOWN_FAILURES)

    def _failed(self, failure: Exception) -> None:
        self.run = None
        self.board.failed(failure)

