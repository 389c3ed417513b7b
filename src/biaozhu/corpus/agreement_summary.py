"""The project's agreement as two numbers and their detail, to be drawn over time: span F1 (exact) and Cohen's
kappa (characters) pooled over every pair of annotators, the documents two or more annotated, and the same per
label and per pair; where the annotators linked spans, relation F1 too (pooled, per type and per pair).
Pooled: the counts of all pairs are added up first, so a pair that shares many documents weighs more than one
that shares a few, as in :mod:`biaozhu.corpus.agreement`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from biaozhu.corpus.agreement import AgreementReport, SpanCounts, cohen_kappa


@dataclass(frozen=True)
class AgreementSummary:
    f1: float | None
    kappa: float | None
    documents: int
    detail: dict[str, Any] = field(default_factory=dict)  # per label and per pair: f1, kappa; "relations"

def relation_f1(detail: dict[str, Any]) -> float | None:
    """The pooled relation F1 a summary's detail holds (kept there: the history has no column for it); None where
    nobody linked spans."""
    figure = detail.get("relations", {}).get("f1")
    return None if figure is None else float(figure)


def pooled(counts: Iterable[SpanCounts]) -> SpanCounts:
    matched = in_a = in_b = 0
    for c in counts:
        matched, in_a, in_b = matched + c.matched, in_a + c.in_a, in_b + c.in_b
    return SpanCounts(matched, in_a, in_b)


def summarise(report: AgreementReport) -> AgreementSummary:
    """One snapshot's figures from a report over all annotators (not gold) and all labels."""
    pairs = [pair for pair in report.pairs if pair.documents]
    characters: Counter[tuple[str, str]] = Counter()
    for pair in pairs:
        characters.update(pair.character_confusion)
    labels = {}
    for label in report.labels:
        collapsed: Counter[tuple[str, str]] = Counter()
        for (x, y), count in characters.items():
            collapsed[str(x == label), str(y == label)] += count
        labels[label] = {"f1": pooled(pair.exact.get(label, SpanCounts()) for pair in pairs).f1,
                         "kappa": cohen_kappa(collapsed)}
    detail: dict[str, Any] = {
        "labels": labels,
        "pairs": [{"a": pair.a, "b": pair.b, "documents": pair.documents, "f1": pair.total("exact").f1,
                   "kappa": pair.kappa, **({"relation_f1": pair.total("relations").f1} if report.relation_types
                                           else {})} for pair in pairs]}
    if report.relation_types:
        detail["relations"] = {"f1": pooled(pair.total("relations") for pair in pairs).f1,
                               "types": {kind: pooled(pair.relations.get(kind, SpanCounts()) for pair in pairs).f1
                                         for kind in report.relation_types}}
    return AgreementSummary(pooled(pair.total("exact") for pair in pairs).f1, cohen_kappa(characters),
                            report.alpha_documents, detail)
