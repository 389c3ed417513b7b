"""Comparing one document's layers: what is agreed, and each disagreement's kind and versions."""

from __future__ import annotations

from biaozhu.corpus.adjudication import compare_layers
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, TEXT, span


def test_agreed_and_each_kind_of_disagreement() -> None:
    comparison = compare_layers({
        "A": [BANK, LOAN, MONEY, LIANHE],
        "B": [span("泸州银", "ORGANIZATION"), span("酒城同心金融速贷", "ORGANIZATION"), span("377亿", "PROGRAM"),
              LIANHE],
        "C": [span("泸州银", "ORGANIZATION"), LOAN, span("377亿", "PROGRAM"), LIANHE],
    })
    assert comparison.annotators == ("A", "B", "C") and comparison.agreed == [LIANHE]
    kinds = [(item.kind, TEXT[item.start:item.end]) for item in comparison.disagreements]
    # METRIC 377亿元 and PROGRAM 377亿 nest with different labels: not competing, so each is missing elsewhere.
    assert kinds == [("boundary", "泸州银行"), ("label", "酒城同心金融速贷"), ("missing", "377亿元"),
                     ("missing", "377亿")]
    boundary = comparison.disagreements[0]
    assert boundary.versions["A"] == (BANK,) and boundary.holders(span("泸州银", "ORGANIZATION")) == ["B", "C"]


def test_missing_lists_who_has_nothing() -> None:
    [item] = compare_layers({"A": [BANK, LOAN], "B": [LOAN], "C": [BANK, LOAN]}).disagreements
    assert item.kind == "missing" and item.versions == {"A": (BANK,), "B": (), "C": (BANK,)}


def test_a_span_nested_in_another_label_is_structure_not_competition() -> None:
    # A marks the programme and the organisation inside it; B only the programme, one character shorter.
    inner = span("酒城", "ORGANIZATION")
    shorter = span("酒城同心金融速", "PROGRAM")
    items = compare_layers({"A": [LOAN, inner], "B": [shorter]}).disagreements
    assert [(i.kind, i.spans()) for i in items] == [("boundary", [shorter, LOAN]), ("missing", [inner])]


def test_crossing_versions_compete_whatever_their_labels() -> None:
    left, right = span("银行发放", "ORGANIZATION"), span("发放酒城", "PROGRAM")
    [item] = compare_layers({"A": [left], "B": [right]}).disagreements
    assert item.kind == "boundary_label" and (item.start, item.end) == (left.start, right.end)


def test_one_annotator_alone_has_nothing_agreed() -> None:
    comparison = compare_layers({"A": [BANK, MONEY]})
    assert comparison.agreed == [] and [i.kind for i in comparison.disagreements] == ["single", "single"]


def test_nobody_disagrees_when_layers_are_equal_or_empty() -> None:
    assert compare_layers({"A": [BANK], "B": [BANK]}).disagreements == []
    assert compare_layers({"A": [], "B": []}) == compare_layers({"B": [], "A": []})
