"""A click on a cell of the agreement table lists what the cell counted (on random layers: in
test_agreement_independent)."""

from __future__ import annotations

from biaozhu.corpus.agreement import AnnotatedDocument
from biaozhu.corpus.agreement_cells import confusion_behind, disagreements_behind
from biaozhu.corpus.model import Span

TEXT = "泸州银行发放酒城同心金融速贷377亿元"


def span(surface: str, label: str) -> Span:
    start = TEXT.index(surface)
    return Span(start, start + len(surface), label, surface)


def test_the_spans_behind_a_cell() -> None:
    documents = [AnnotatedDocument(1, "d", len(TEXT), {
        "A": [span("泸州银行", "ORGANIZATION"), span("377亿元", "METRIC")],
        "B": [span("泸州银", "ORGANIZATION"), span("377亿元", "PROGRAM"), span("酒城同心", "PROGRAM")]})]
    [(_, boundary)] = disagreements_behind(documents, "A", "B", "boundary")
    assert boundary.versions == {"A": (span("泸州银行", "ORGANIZATION"),), "B": (span("泸州银", "ORGANIZATION"),)}
    [(_, only_b)] = disagreements_behind(documents, "A", "B", "only_b")
    assert only_b.versions["B"] == (span("酒城同心", "PROGRAM"),)
    assert [(x, y) for _, x, y in confusion_behind(documents, "A", "B", "METRIC", "PROGRAM")] == [
        (span("377亿元", "METRIC"), span("377亿元", "PROGRAM"))]
    assert [(x, y) for _, x, y in confusion_behind(documents, "A", "B", "O", "PROGRAM")] == [
        (None, span("酒城同心", "PROGRAM"))]
    assert list(disagreements_behind(documents, "A", "B", "label", labels=["ORGANIZATION"])) == []
