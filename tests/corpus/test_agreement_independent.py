"""Kappa and alpha against independent implementations (scikit-learn, krippendorff) on random layers.

The reference side labels every character one at a time, by the rule written in biaozhu.corpus.agreement
(the outermost covering span: earliest start, then latest end, then first label by name; else O), so it
also checks the run-based shortcut that never looks at single characters.
"""

from __future__ import annotations

import math
import warnings

import krippendorff
import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from biaozhu.corpus.agreement import (
    DISAGREEMENT_COUNTS,
    AnnotatedDocument,
    measure_agreement,
)
from biaozhu.corpus.agreement_cells import confusion_behind, disagreements_behind
from biaozhu.corpus.model import Span
from biaozhu.corpus.spans import crosses

LABELS = ("PROGRAM", "METRIC", "ORGANIZATION")
NAMES = ("A", "B", "C")


def per_character(length: int, spans: list[Span]) -> list[str]:
    labels = []
    for i in range(length):
        covering = [s for s in spans if s.start <= i < s.end]
        labels.append(min(covering, key=lambda s: (s.start, -s.end, s.label)).label if covering else "O")
    return labels


@st.composite
def layer(draw: st.DrawFn, length: int) -> list[Span]:
    """A valid layer: spans may nest, never cross (the ones that would are dropped)."""
    kept: list[Span] = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, length - 1))
        end = draw(st.integers(start + 1, length))
        candidate = Span(start, end, draw(st.sampled_from(LABELS)), "x" * (end - start))
        if candidate not in kept and not any(crosses(s.start, s.end, start, end) for s in kept):
            kept.append(candidate)
    return kept


@st.composite
def corpus(draw: st.DrawFn) -> list[AnnotatedDocument]:
    documents = []
    for number in range(draw(st.integers(1, 4))):
        length = draw(st.integers(1, 25))
        annotators = draw(st.sets(st.sampled_from(NAMES), min_size=1))
        documents.append(AnnotatedDocument(number, f"d{number}", length,
                                           {name: draw(layer(length)) for name in sorted(annotators)}))
    return documents


def quietly(function, *args, **kwargs):
    """Call a reference implementation, its warnings about undefined results silenced (they give nan)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


def same(ours: float | None, theirs: float) -> bool:
    return (ours is None and math.isnan(theirs)) or (ours is not None and abs(ours - theirs) < 1e-9)


@settings(max_examples=300, deadline=None)
@given(corpus())
def test_kappa_equals_scikit_learn(documents: list[AnnotatedDocument]) -> None:
    report = measure_agreement(documents)
    assume(any(pair.documents for pair in report.pairs))  # a corpus without a shared document compares nothing
    for pair in report.pairs:
        a_labels: list[str] = []
        b_labels: list[str] = []
        for document in documents:
            if pair.a in document.layers and pair.b in document.layers:
                a_labels += per_character(document.length, list(document.layers[pair.a]))
                b_labels += per_character(document.length, list(document.layers[pair.b]))
        if not a_labels:
            assert pair.kappa is None and pair.documents == 0
            continue
        assert same(pair.kappa, quietly(cohen_kappa_score, a_labels, b_labels))
        for label in LABELS:  # one label against the rest
            assert same(pair.label_kappa(label), quietly(cohen_kappa_score, [x == label for x in a_labels],
                                                         [y == label for y in b_labels]))


@settings(max_examples=300, deadline=None)
@given(corpus())
def test_alpha_equals_krippendorff(documents: list[AnnotatedDocument]) -> None:
    report = measure_agreement(documents)
    codes = {label: i for i, label in enumerate(("O", *LABELS))}
    columns = []
    for document in documents:
        rows = [[codes[x] for x in per_character(document.length, list(document.layers[name]))]
                if name in document.layers else [np.nan] * document.length for name in NAMES]
        columns.append(np.array(rows, dtype=float))
    data = np.concatenate(columns, axis=1)
    pairable = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    values = set(pairable[~np.isnan(pairable)].tolist())
    if len(values) < 2:
        # krippendorff refuses a single value ("more than one value in the domain") or gives nan: undefined.
        assert report.alpha is None
        return
    assert same(report.alpha, quietly(krippendorff.alpha, reliability_data=data, level_of_measurement="nominal"))


def test_single_category_is_undefined_where_the_references_give_nan_or_refuse() -> None:
    documents = [AnnotatedDocument(1, "d", 5, {"A": [], "B": []})]
    report = measure_agreement(documents)
    assert report.alpha is None and report.pairs[0].kappa is None
    assert math.isnan(quietly(cohen_kappa_score, ["O"] * 5, ["O"] * 5))
    assert math.isnan(quietly(krippendorff.alpha, reliability_data=[[0] * 5, [0] * 5],
                              level_of_measurement="nominal", value_domain=[0, 1]))


@settings(max_examples=100, deadline=None)
@given(corpus())
def test_every_cell_lists_as_many_as_it_counts(documents: list[AnnotatedDocument]) -> None:
    report = measure_agreement(documents)
    labels = [*report.labels, "O"]
    for pair in report.pairs:
        for count in DISAGREEMENT_COUNTS:
            assert len(list(disagreements_behind(documents, pair.a, pair.b, count))) == pair.disagreements[count]
        for row in labels:
            for column in labels:
                behind = list(confusion_behind(documents, pair.a, pair.b, row, column))
                assert len(behind) == pair.confusion[row, column]
