"""Agreement figures on small cases computed by hand (issue 4)."""

from __future__ import annotations

import random

import pytest

from biaozhu.corpus.agreement import AnnotatedDocument, cohen_kappa, measure_agreement
from biaozhu.corpus.agreement_match import match_both, match_one_to_one, outermost_runs, overlapping_pairs
from biaozhu.corpus.model import Span

TEXT = "泸州银行发放酒城同心金融速贷377亿元"


def span(surface: str, label: str, text: str = TEXT) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface)


A = [span("泸州银行", "ORGANIZATION"), span("酒城同心金融速贷", "PROGRAM"), span("377亿元", "METRIC")]
B = [span("泸州银行", "ORGANIZATION"), span("酒城同心", "PROGRAM"), span("377亿元", "PROGRAM")]


def doc(layers: dict[str, list[Span]], length: int = len(TEXT), id_: int = 1) -> AnnotatedDocument:
    return AnnotatedDocument(id_, f"d{id_}", length, layers)


def test_pair_figures_by_hand() -> None:
    [pair] = measure_agreement([doc({"A": A, "B": B})]).pairs
    # Exact: only 泸州银行 matches: 1 of 3 each way.  Overlap (same label, one-to-one): 泸州银行, and
    # PROGRAM 酒城同心金融速贷 ~ 酒城同心: 2 of 3.  METRIC: A has 1, B none → recall 0, precision undefined.
    assert (pair.total("exact").matched, pair.total("exact").f1) == (1, pytest.approx(1 / 3))
    assert (pair.total("overlap").matched, pair.total("overlap").f1) == (2, pytest.approx(2 / 3))
    assert pair.overlap["PROGRAM"].precision == 0.5 and pair.overlap["PROGRAM"].recall == 1.0
    assert pair.exact["METRIC"].precision is None and pair.exact["METRIC"].recall == 0.0
    # Characters (19): 泸州银行 ORG/ORG 4, 发放 O/O 2, 酒城同心 PROG/PROG 4, 金融速贷 PROG/O 4, 377亿元 METRIC/PROG 5.
    # p_o = 10/19; A's labels ORG 4, O 2, PROG 8, METRIC 5; B's ORG 4, O 6, PROG 9;
    # p_e = (4·4 + 2·6 + 8·9) / 19² = 100/361; kappa = (10/19 − 100/361) / (1 − 100/361) = 90/261.
    assert pair.kappa == pytest.approx(90 / 261, abs=1e-12)
    assert dict(pair.disagreements) == {"boundary": 1, "label": 1}
    assert pair.confusion == {("ORGANIZATION", "ORGANIZATION"): 1, ("PROGRAM", "PROGRAM"): 1,
                              ("METRIC", "PROGRAM"): 1}


def test_alpha_and_kappa_on_four_characters_by_hand() -> None:
    a, b = [Span(0, 2, "X", "ab")], [Span(0, 1, "X", "a")]
    report = measure_agreement([doc({"A": a, "B": b}, length=4)])
    # Characters: X/X, X/O, O/O, O/O.  Kappa: p_o = 3/4, A: X 2 O 2, B: X 1 O 3, p_e = (2 + 6)/16 = 1/2,
    # kappa = (3/4 − 1/2)/(1/2) = 1/2.
    assert report.pairs[0].kappa == pytest.approx(0.5, abs=1e-12)
    # Alpha: coincidences (two coders, so each unit adds its ordered pairs / 1): X–X 2, X–O 1, O–X 1, O–O 4.
    # n_X = 3, n_O = 5, n = 8; alpha = 1 − (n − 1)·(o_XO + o_OX) / (2·n_X·n_O) = 1 − 7·2/30 = 8/15.
    assert report.alpha == pytest.approx(8 / 15, abs=1e-12)


def test_missing_values_when_an_annotator_did_not_annotate_a_document() -> None:
    x = [Span(0, 1, "X", "a")]
    first = doc({"A": x, "B": x, "C": []}, length=2, id_=1)
    second = doc({"A": x, "B": []}, length=2, id_=2)  # C did not annotate it
    report = measure_agreement([first, second])
    # Units: doc 1 char 0 (X, X, O), char 1 (O, O, O); doc 2 char 0 (X, O), char 1 (O, O).
    # Ordered pairs of values, divided by (coders − 1): three coders /2, two coders /1.
    # o_XX = 2/2 = 1; o_XO = o_OX = 2/2 + 1 = 2; o_OO = 6/2 + 2 = 5.  n_X = 1 + 2 = 3, n_O = 2 + 5 = 7, n = 10.
    # alpha = 1 − (n − 1)·(o_XO + o_OX) / (2·n_X·n_O) = 1 − 9·4/42 = 1/7.
    assert report.alpha == pytest.approx(1 / 7, abs=1e-12)
    assert (report.alpha_documents, report.alpha_characters) == (2, 4)
    by_pair = {(p.a, p.b): p for p in report.pairs}
    assert by_pair["A", "C"].documents == 1 and by_pair["A", "B"].documents == 2


def test_degenerate_cases_are_undefined_not_perfect() -> None:
    nobody_found_anything = measure_agreement([doc({"A": [], "B": []})])
    assert nobody_found_anything.alpha is None and nobody_found_anything.pairs[0].kappa is None
    assert nobody_found_anything.pairs[0].total("exact").f1 is None
    alone = measure_agreement([doc({"A": A}), doc({"B": B}, id_=2)])
    assert alone.alpha is None and alone.alpha_documents == 0
    assert alone.pairs[0].documents == 0 and alone.pairs[0].kappa is None
    assert cohen_kappa({("X", "O"): 3}) == 0.0  # one label each, never agreeing: p_o = p_e = 0


def test_outermost_label_wins_for_nested_spans() -> None:
    outer, inner = span("酒城同心金融速贷", "PROGRAM"), span("酒城", "ORGANIZATION")
    assert outermost_runs([inner, outer]) == [(outer.start, outer.end, "PROGRAM")]
    twins = [Span(0, 2, "B", "ab"), Span(0, 2, "A", "ab")]
    assert outermost_runs(twins) == [(0, 2, "A")]


def test_filters_keep_named_annotators_in_order_and_named_labels() -> None:
    report = measure_agreement([doc({"A": A, "B": B, "C": []})], annotators=["B", "A"], labels=["ORGANIZATION"])
    assert report.annotators == ["B", "A"] and report.labels == ["ORGANIZATION"]
    [pair] = report.pairs
    assert (pair.a, pair.b) == ("B", "A") and pair.total("exact").f1 == 1.0 and pair.kappa == 1.0


def test_as_dict_carries_every_figure() -> None:
    data = measure_agreement([doc({"A": A, "B": B})]).as_dict()
    [pair] = data["pairs"]
    assert pair["kappa"] == pytest.approx(90 / 261)
    assert pair["overlap"]["by_label"]["PROGRAM"] == {"matched": 1, "a": 1, "b": 2, "precision": 0.5,
                                                      "recall": 1.0, "f1": pytest.approx(2 / 3)}
    assert pair["disagreements"] == {"boundary": 1, "label": 1, "boundary_label": 0, "only_a": 0, "only_b": 0}
    assert {"a": "METRIC", "b": "PROGRAM", "count": 1} in pair["confusion"]


def _random_layer(rng: random.Random, count: int) -> list[Span]:
    """Spans anywhere, so nested, crossing, touching and identical ones all occur."""
    spans = []
    for _ in range(count):
        start = rng.randrange(60)
        end = start + rng.randrange(1, 15)
        spans.append(Span(start, end, rng.choice("AB"), "x" * (end - start)))
    return spans


def test_the_sweep_finds_every_overlapping_pair_also_of_crossing_layers() -> None:
    rng = random.Random(4)
    for _ in range(200):
        a, b = _random_layer(rng, rng.randrange(12)), _random_layer(rng, rng.randrange(12))
        every = {(i, j) for i, x in enumerate(a) for j, y in enumerate(b) if x.start < y.end and y.start < x.end}
        found = overlapping_pairs(a, b)
        assert sorted(found) == sorted(every) and len(found) == len(set(found))


def test_matching_both_ways_at_once_matches_as_each_alone() -> None:
    rng = random.Random(5)
    for _ in range(200):
        a, b = _random_layer(rng, rng.randrange(12)), _random_layer(rng, rng.randrange(12))
        assert match_both(a, b) == (match_one_to_one(a, b, same_label=True), match_one_to_one(a, b, same_label=False))
