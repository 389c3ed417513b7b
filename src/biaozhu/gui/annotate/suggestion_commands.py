"""Deciding suggestions as undo commands: each accept, reject or bulk accept writes the annotator's layer and the
suggestions layer in one transaction, and its undo puts both back (``db/suggestions.py`` does the writing)."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy.orm import Session

from biaozhu.db.spans import SpanRefused, SpanRow
from biaozhu.db.suggestions import StoredSuggestion, accept_suggestion, reject_suggestion, unaccept_suggestion
from biaozhu.gui.annotate.commands import LayerCommand, SpanCommand, _name
from biaozhu.gui.annotate.layer import Layer, SpanHandle
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import short

ACCEPT = QT_TRANSLATE_NOOP("Commands", "accept suggestion “%1” as %2")
REJECT = QT_TRANSLATE_NOOP("Commands", "reject suggestion “%1”")
ACCEPT_ALL = QT_TRANSLATE_NOOP("Commands", "accept %1 suggestions")


class Board(Protocol):
    """What the commands tell about the suggestions they took away or put back (the window's mirror of them)."""

    def taken(self, document_id: int, ids: list[int]) -> None: ...

    def returned(self, document_id: int, suggestions: list[StoredSuggestion]) -> None: ...


class AcceptSuggestion(SpanCommand):
    """A suggestion made a span of the annotator's layer, as suggested or as the annotator corrected it."""

    def __init__(self, layer: Layer, board: Board, history: History, document_id: int,
                 suggestion: StoredSuggestion, label_id: int, label_name: str, start: int, end: int) -> None:
        text = layer.text[start:end]
        super().__init__(layer, history, document_id, _name(ACCEPT, short(text, 16), label_name))
        self.board, self.suggestion = board, suggestion
        self.handle = SpanHandle(None)
        self.label_id, self.start, self.end, self.span_text = label_id, start, end, text

    def do(self) -> None:
        suggestion, document_id, annotator_id = self.suggestion, self.document_id, self.layer.annotator_id

        def accept(session: Session) -> list[SpanRow]:
            span_id = accept_suggestion(session, suggestion, document_id, annotator_id, self.label_id, self.start,
                                        self.end, self.span_text)
            return [SpanRow(span_id, self.start, self.end, self.label_id, self.span_text, annotator_id)]

        self.layer.apply(document_id, accept, handle=self.handle)
        self.board.taken(document_id, [suggestion.id])

    def undo_it(self) -> None:
        span_id, put_back = self.handle.id, []
        assert span_id is not None

        def unaccept(session: Session) -> list[SpanRow]:
            put_back.append(unaccept_suggestion(session, span_id, self.suggestion, self.document_id))
            return []

        self.layer.apply(self.document_id, unaccept, [span_id], self.handle)
        self.suggestion = replace(self.suggestion, id=put_back[0])
        self.board.returned(self.document_id, [self.suggestion])


class RejectSuggestion(LayerCommand):
    """A suggestion rejected: out of sight, and not proposed again when the suggestions are computed again."""

    def __init__(self, layer: Layer, board: Board, history: History, document_id: int,
                 suggestion: StoredSuggestion) -> None:
        super().__init__(layer, history, document_id, _name(REJECT, short(suggestion.text, 16)))
        self.board, self.suggestion = board, suggestion

    def _write(self, rejected: bool) -> None:
        suggestion_id = self.suggestion.id
        self.layer.runner.write(lambda session: reject_suggestion(session, suggestion_id, rejected),
                                Change(Changed.SPANS, frozenset({self.document_id}), self.board))

    def do(self) -> None:
        self._write(True)
        self.board.taken(self.document_id, [self.suggestion.id])

    def undo_it(self) -> None:
        self._write(False)
        self.board.returned(self.document_id, [self.suggestion])


class AcceptSuggestions(LayerCommand):
    """Every suggestion given accepted as suggested, in one transaction and one undo step; those the layer refuses
    now (crossing a span, there already, gone) are left as they are."""

    def __init__(self, layer: Layer, board: Board, history: History, document_id: int,
                 suggestions: list[StoredSuggestion]) -> None:
        super().__init__(layer, history, document_id, _name(ACCEPT_ALL, len(suggestions)))
        self.board, self.suggestions = board, suggestions
        self.made: list[tuple[int, StoredSuggestion]] = []  # (span id, the suggestion it came from)

    def do(self) -> None:
        document_id, annotator_id = self.document_id, self.layer.annotator_id
        made: list[tuple[int, StoredSuggestion]] = []

        def accept_all(session: Session) -> list[SpanRow]:
            for s in self.suggestions:
                try:
                    span_id = accept_suggestion(session, s, document_id, annotator_id, s.label_id, s.start, s.end,
                                                s.text)
                except SpanRefused:
                    continue
                made.append((span_id, s))
            return [SpanRow(i, s.start, s.end, s.label_id, s.text, annotator_id) for i, s in made]

        self.layer.apply(document_id, accept_all)
        self.made = made
        self.board.taken(document_id, [s.id for _, s in made])

    def undo_it(self) -> None:
        put_back: list[StoredSuggestion] = []

        def unaccept_all(session: Session) -> list[SpanRow]:
            for span_id, s in self.made:
                put_back.append(replace(s, id=unaccept_suggestion(session, span_id, s, self.document_id)))
            return []

        self.layer.apply(self.document_id, unaccept_all, [span_id for span_id, _ in self.made])
        taken_back = {s.id: back for (_, s), back in zip(self.made, put_back, strict=True)}
        self.suggestions = [taken_back.get(s.id, s) for s in self.suggestions]
        self.made = []
        self.board.returned(self.document_id, put_back)
