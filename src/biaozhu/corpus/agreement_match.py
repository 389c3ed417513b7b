"""Matching two layers' spans, and flattening layers to per-character labels, without per-character loops.

Shared by the agreement figures (:mod:`biaozhu.corpus.agreement`) and the reviewer's comparison
(:mod:`biaozhu.corpus.adjudication`), so both see the same spans as "the same".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from biaozhu.corpus.model import Span

OUTSIDE = "O"
"""The character label of text no span covers (as in BIO tagging)."""

Run = tuple[int, int, str]
"""``(start, end, label)``: a stretch of characters that all carry one label."""


def overlapping_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` with ``a[i]`` and ``b[j]`` overlapping, found by one sweep over sorted starts.

    Only spans still open when another starts are compared, so the cost is the number of spans plus the
    number of overlapping pairs (small: layers nest but do not cross), not their product.
    """
    events = sorted([(s.start, 0, i) for i, s in enumerate(a)] + [(s.start, 1, j) for j, s in enumerate(b)])
    open_a: list[int] = []
    open_b: list[int] = []
    pairs: list[tuple[int, int]] = []
    for start, side, index in events:
        open_a = [i for i in open_a if a[i].end > start]
        open_b = [j for j in open_b if b[j].end > start]
        if side == 0:
            pairs.extend((index, j) for j in open_b)
            open_a.append(index)
        else:
            pairs.extend((i, index) for i in open_a)
            open_b.append(index)
    return pairs


@dataclass(frozen=True, slots=True)
class Matching:
    """A one-to-one matching between two layers: matched pairs and what is left on either side."""

    pairs: list[tuple[Span, Span]]
    only_a: list[Span]
    only_b: list[Span]


def match_one_to_one(a: Sequence[Span], b: Sequence[Span], *, same_label: bool) -> Matching:
    """Pair overlapping spans one-to-one, greedily, best pairs first.

    "Best" is: the same range, then the same label, then the longer overlap, then position (so the
    result does not depend on input order). With ``same_label`` only spans of one label may pair.
    Identical spans always pair with each other first, so they are matched by lookup and only the rest
    is swept: agreeing layers cost little.
    """
    in_b = {(y.start, y.end, y.label): j for j, y in enumerate(b)}
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for i, x in enumerate(a):
        j = in_b.get((x.start, x.end, x.label))
        if j is not None and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((x, b[j]))
    rest_a = [i for i in range(len(a)) if i not in used_a]
    rest_b = [j for j in range(len(b)) if j not in used_b]
    candidates = []
    for p, q in overlapping_pairs([a[i] for i in rest_a], [b[j] for j in rest_b]):
        i, j = rest_a[p], rest_b[q]
        x, y = a[i], b[j]
        if same_label and x.label != y.label:
            continue
        overlap = min(x.end, y.end) - max(x.start, y.start)
        candidates.append(((x.start, x.end) != (y.start, y.end), x.label != y.label, -overlap,
                           x.start, x.end, x.label, y.start, y.end, y.label, i, j))
    candidates.sort()
    for *_, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return Matching(pairs, [s for i, s in enumerate(a) if i not in used_a],
                    [s for j, s in enumerate(b) if j not in used_b])


def outermost_runs(spans: Sequence[Span]) -> list[Run]:
    """The layer as labelled stretches: each character takes the label of the outermost span covering it.

    Outermost, because that is what a flat (BIO) training export keeps of nested spans, like spaCy's
    ``filter_spans`` keeping the longest. Layers do not cross, so the outermost span is unique, except
    for one range carrying two labels: then the label first in alphabetical order wins.
    """
    runs: list[Run] = []
    covered_to = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
        if span.start >= covered_to:
            runs.append((span.start, span.end, span.label))
            covered_to = span.end
        elif span.end > covered_to:  # a crossing span (never stored, but be total): label the rest of it
            runs.append((covered_to, span.end, span.label))
            covered_to = span.end
    return runs


def segments(length: int, layers: Sequence[Sequence[Run]]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Cut ``[0, length)`` wherever any layer's label changes; yield each piece's length and labels.

    Figures over characters are then sums over pieces weighted by length: linear in spans, not characters.
    Runs of one layer do not overlap, so a run's end and the next run's start at one position are applied
    ends first.
    """
    events = sorted([(end, 0, k, OUTSIDE) for k, runs in enumerate(layers) for _, end, _ in runs]
                    + [(start, 1, k, label) for k, runs in enumerate(layers) for start, _, label in runs])
    values = [OUTSIDE] * len(layers)
    position = 0
    for at, _, k, label in events:
        if at > position:
            yield min(at, length) - position, tuple(values)
            position = at
        values[k] = label
    if length > position:
        yield length - position, tuple(values)
