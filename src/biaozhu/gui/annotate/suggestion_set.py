"""The open document's undecided suggestions, kept in score order and in a :class:`SpanIndex` for painting, both
updated one suggestion at a time: a 5 MB report has tens of thousands, and deciding one must not sort them all
again."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from biaozhu.db.rows import SpanRow
from biaozhu.db.suggestions import StoredSuggestion
from biaozhu.gui.widgets.span_index import SpanIndex


def _rank(suggestion: StoredSuggestion) -> tuple[float, int, int, int]:
    """Best score first, then by position."""
    return -suggestion.score, suggestion.start, -suggestion.end, suggestion.id


def _row(suggestion: StoredSuggestion) -> SpanRow:
    return SpanRow(suggestion.id, suggestion.start, suggestion.end, suggestion.label_id, suggestion.text, 0)


class SuggestionSet:
    def __init__(self, suggestions: Iterable[StoredSuggestion] = ()) -> None:
        self.by_id = {s.id: s for s in suggestions}
        self.ordered = sorted(self.by_id.values(), key=_rank)
        self.index = SpanIndex(map(_row, self.ordered))

    def __len__(self) -> int:
        return len(self.by_id)

    def __contains__(self, suggestion: StoredSuggestion) -> bool:
        return self.by_id.get(suggestion.id) == suggestion

    def position(self, suggestion: StoredSuggestion) -> int:
        """Where ``suggestion`` (one of these) stands in score order."""
        return bisect_left(self.ordered, _rank(suggestion), key=_rank)

    def remove(self, suggestion_id: int) -> None:
        suggestion = self.by_id.pop(suggestion_id, None)
        if suggestion is not None:
            del self.ordered[self.position(suggestion)]
            self.index.remove(suggestion_id)

    def add(self, suggestion: StoredSuggestion) -> None:
        self.remove(suggestion.id)
        self.by_id[suggestion.id] = suggestion
        insort(self.ordered, suggestion, key=_rank)
        self.index.add(_row(suggestion))
