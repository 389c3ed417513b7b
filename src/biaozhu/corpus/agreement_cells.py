"""What lies behind a figure: the disagreements or span pairs one cell of the agreement table counts.

The agreement dialog calls these when the reviewer clicks a cell, to list (and open) what it counted.
They apply the same restrictions and the same matching as :func:`~biaozhu.corpus.agreement.measure_agreement`,
so the list is exactly as long as the number in the cell.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from biaozhu.corpus.adjudication import Disagreement, compare_layers
from biaozhu.corpus.agreement import (
    AnnotatedDocument,
    compared_layers,
    confusion_pairs,
    disagreement_count,
)
from biaozhu.corpus.agreement_match import OUTSIDE
from biaozhu.corpus.model import Span


def _pair(documents: Iterable[AnnotatedDocument], a: str, b: str,
          labels: Collection[str] | None) -> Iterator[tuple[AnnotatedDocument, list[Span], list[Span]]]:
    for document in documents:
        layers = compared_layers(document, [a, b], labels)
        if len(layers) == 2:
            yield document, layers[a], layers[b]


def disagreements_behind(documents: Iterable[AnnotatedDocument], a: str, b: str, count: str, *,
                         labels: Collection[str] | None = None) -> Iterator[tuple[AnnotatedDocument, Disagreement]]:
    """The pair's disagreements counted under ``count`` (boundary, label, boundary_label, only_a, only_b)."""
    for document, spans_a, spans_b in _pair(documents, a, b, labels):
        for item in compare_layers({a: spans_a, b: spans_b}).disagreements:
            if disagreement_count(item, a) == count:
                yield document, item


def confusion_behind(documents: Iterable[AnnotatedDocument], a: str, b: str, row: str, column: str, *,
                     labels: Collection[str] | None = None
                     ) -> Iterator[tuple[AnnotatedDocument, Span | None, Span | None]]:
    """The span pairs in one cell of the pair's confusion matrix (``O`` row or column: no span on that side)."""
    for document, spans_a, spans_b in _pair(documents, a, b, labels):
        for x, y in confusion_pairs(spans_a, spans_b):
            if (x.label if x else OUTSIDE, y.label if y else OUTSIDE) == (row, column):
                yield document, x, y
