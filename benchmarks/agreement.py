"""Agreement speed: ``measure_agreement`` against a direct NumPy computation of the same figures, same corpus.

The corpus is what a team produces: annotators × documents × spans per document, the second and later
annotators agreeing on 80% of the first one's spans, moving a boundary on 10%, changing the label on 5% and
missing 5%. The floor computes, per document, the character labels of every layer as NumPy arrays (kappa's
confusion and alpha's coincidences from ``bincount``), exact matches by set intersection, and overlap matches,
the confusion matrix and the disagreement kinds from one sweep over the two layers' sorted spans. The goal
(issue 14): ``measure_agreement`` within 2× of the floor. Medians of ``--repeat`` runs with min–max.

    python benchmarks/agreement.py [--documents 100 10000] [--spans 50] [--annotators 2] [--repeat 5]

(about 90 s on 2 idle cores: the corpora are made in memory, no project file).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from statistics import median

import numpy as np
from runs import both, load, seconds

from biaozhu.corpus.agreement import AnnotatedDocument, measure_agreement
from biaozhu.corpus.model import Span

LABELS = ("PROGRAM", "METRIC", "ORGANIZATION")


def make_corpus(documents: int, spans: int, annotators: int, seed: int = 1) -> list[AnnotatedDocument]:
    rnd = random.Random(seed)
    corpus = []
    for number in range(documents):
        reference = []
        for k in range(spans):
            start = k * 40 + rnd.randrange(10)
            end = start + rnd.randrange(2, 20)
            reference.append(Span(start, end, rnd.choice(LABELS), "x" * (end - start)))
        layers: dict[str, list[Span]] = {"a0": reference}
        for who in range(1, annotators):
            layer = []
            for span in reference:
                roll = rnd.random()
                if roll < 0.8:
                    layer.append(span)
                elif roll < 0.9:
                    layer.append(Span(span.start, span.end + 1, span.label, span.text + "x"))
                elif roll < 0.95:
                    layer.append(span._replace(label=rnd.choice(LABELS)))
            layers[f"a{who}"] = layer
        corpus.append(AnnotatedDocument(number, f"d{number}", spans * 40, layers))
    return corpus


def character_codes(length: int, spans: Sequence[Span], codes: dict[str, int]) -> np.ndarray:
    """Each character's label code (0 = outside), outermost span winning: longer spans are written last."""
    row = np.zeros(length, dtype=np.int8)
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        row[span.start:span.end] = codes[span.label]
    return row


def sweep(a: Sequence[Span], b: Sequence[Span]) -> tuple[int, int, Counter[str]]:
    """Overlap matches (same label), range matches for the confusion matrix, and disagreement kinds."""
    overlap = confusion = 0
    kinds: Counter[str] = Counter()
    ordered_b = sorted(b)
    used: set[int] = set()
    j0 = 0
    for x in sorted(a):
        while j0 < len(ordered_b) and ordered_b[j0].end <= x.start:
            j0 += 1
        match = None
        j = j0
        while j < len(ordered_b) and ordered_b[j].start < x.end:
            if j not in used and ordered_b[j].end > x.start:
                match = j if match is None or ordered_b[j].label == x.label else match
            j += 1
        if match is None:
            kinds["only_a"] += 1
            continue
        used.add(match)
        y = ordered_b[match]
        confusion += 1
        overlap += y.label == x.label
        same_range = (x.start, x.end) == (y.start, y.end)
        if not same_range or y.label != x.label:
            kinds["boundary" if y.label == x.label else "label" if same_range else "boundary_label"] += 1
    kinds["only_b"] += len(b) - len(used)
    return overlap, confusion, kinds


def floor(corpus: Sequence[AnnotatedDocument]) -> dict[str, object]:
    codes = {label: k + 1 for k, label in enumerate(LABELS)}
    size = len(LABELS) + 1
    figures: dict[tuple[str, str], dict[str, object]] = {}
    coincidences = np.zeros((size, size), dtype=np.int64)
    for document in corpus:
        names = sorted(document.layers)
        rows = {n: character_codes(document.length, document.layers[n], codes) for n in names}
        for a, b in combinations(names, 2):
            pair = figures.setdefault((a, b), {"chars": np.zeros(size * size, dtype=np.int64), "exact": 0,
                                               "overlap": 0, "confusion": 0, "kinds": Counter()})
            pair["chars"] += np.bincount(rows[a] * size + rows[b], minlength=size * size)  # type: ignore[operator]
            pair["exact"] += len(set(document.layers[a]) & set(document.layers[b]))  # type: ignore[operator]
            overlap, confusion, kinds = sweep(document.layers[a], document.layers[b])
            pair["overlap"] += overlap  # type: ignore[operator]
            pair["confusion"] += confusion  # type: ignore[operator]
            pair["kinds"].update(kinds)  # type: ignore[attr-defined]
            # alpha's coincidences: both orders of every pairable pair of values
            both = np.bincount(rows[a] * size + rows[b], minlength=size * size).reshape(size, size)
            coincidences += both + both.T
    for pair in figures.values():
        table = pair["chars"].reshape(size, size)  # type: ignore[attr-defined]
        n = table.sum()
        observed = np.trace(table) / n
        expected = (table.sum(0) * table.sum(1)).sum() / (n * n)
        pair["kappa"] = (observed - expected) / (1 - expected) if expected != 1 else None
    totals = coincidences.sum(1)
    n = totals.sum()
    alpha = 1 - (n - 1) * (coincidences.sum() - np.trace(coincidences)) / (n * n - (totals * totals).sum())
    return {"pairs": figures, "alpha": alpha}


def compare(documents: int, spans: int, annotators: int, repeat: int) -> None:
    """Both computations on one corpus, checked to give the same kappa, then timed."""
    corpus = make_corpus(documents, spans, annotators)
    report = measure_agreement(corpus)
    direct = floor(corpus)
    pair = report.pairs[0]
    assert abs((pair.kappa or 0) - direct["pairs"][("a0", "a1")]["kappa"]) < 1e-9, "the floor computes other figures"
    base, base_cpu = both(lambda: floor(corpus), repeat)
    ours, ours_cpu = both(lambda: measure_agreement(corpus), repeat)
    print(f"{annotators} annotators × {documents:,} documents × {spans} spans ({annotators * documents * spans:,} "
          f"spans), median of {repeat} (min–max), wall and CPU seconds, load {load()}:")
    print(f"  floor (NumPy, direct)   {seconds(base)}   CPU {seconds(base_cpu)}")
    print(f"  measure_agreement       {seconds(ours)}   CPU {seconds(ours_cpu)}   "
          f"{median(ours) / median(base):.1f}× the floor ({median(ours_cpu) / median(base_cpu):.1f}× in CPU)",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 10_000],
                        help="the corpora's sizes: a small one and 1M spans (2 annotators × 10,000 × 50)")
    parser.add_argument("--spans", type=int, default=50)
    parser.add_argument("--annotators", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for documents in args.documents:
        compare(documents, args.spans, args.annotators, args.repeat)


if __name__ == "__main__":
    main()
