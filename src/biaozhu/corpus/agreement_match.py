"""Matching two layers' spans, and flattening layers to per-character labels, without per-character loops.

Shared by the agreement figures (:mod:`biaozhu.corpus.agreement`) and the reviewer's comparison
(:mod:`biaozhu.corpus.adjudication`), so both see the same spans as "the same".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from biaozhu.corpus.model import Span

OUTSIDE = "O"
"""The character label of text no span covers (as in BIO tagging)."""

Run = tuple[int, int, str]
"""``(start, end, label)``: a stretch of characters that all carry one label."""


def overlapping_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` with ``a[i]`` and ``b[j]`` overlapping, found by one sweep over sorted starts.

    Only spans still open when another starts are compared, so the cost is the number of spans plus the
    number of overlapping pairs (small: layers nest but do not cross), not their product. A span that has
    ended is dropped from the top of its side's open list (where nested spans end first) and skipped wherever
    else it is (crossing spans, never stored but handled), so each event costs the few spans open at it.
    """
    events = sorted([(s.start, 0, i) for i, s in enumerate(a)] + [(s.start, 1, j) for j, s in enumerate(b)])
    open_a: list[int] = []
    open_b: list[int] = []
    pairs: list[tuple[int, int]] = []
    for start, side, index in events:
        if side == 0:
            while open_b and b[open_b[-1]].end <= start:
                open_b.pop()
            if open_b:
                pairs.extend([(index, j) for j in open_b if b[j].end > start])
            open_a.append(index)
        else:
            while open_a and a[open_a[-1]].end <= start:
                open_a.pop()
            if open_a:
                pairs.extend([(i, index) for i in open_a if a[i].end > start])
            open_b.append(index)
    return pairs


@dataclass(frozen=True, slots=True)
class Matching:
    """A one-to-one matching between two layers: matched pairs and what is left on either side."""

    pairs: list[tuple[Span, Span]]
    only_a: list[Span]
    only_b: list[Span]


Candidate = tuple[bool, bool, int, int, int, str, int, int, str, int, int]
"""How good a pair of overlapping spans is (smaller is better; see :func:`match_one_to_one`), then their indexes."""


def _identical(a: Sequence[Span], b: Sequence[Span]) -> tuple[list[tuple[Span, Span]], list[int], list[int]]:
    """Identical spans (same range and label) paired by lookup, and the indexes left on either side, in order."""
    in_b = {y[:3]: j for j, y in enumerate(b)}  # (start, end, label), sliced in C
    used_b: set[int] = set()
    pairs = []
    rest_a = []
    for i, x in enumerate(a):
        j = in_b.get(x[:3])
        if j is not None and j not in used_b:
            used_b.add(j)
            pairs.append((x, b[j]))
        else:
            rest_a.append(i)
    return pairs, rest_a, [j for j in range(len(b)) if j not in used_b]


def _candidates(a: Sequence[Span], b: Sequence[Span], rest_a: list[int], rest_b: list[int]) -> list[Candidate]:
    """Every overlapping pair of spans left after the identical ones, best first."""
    candidates = []
    for p, q in overlapping_pairs([a[i] for i in rest_a], [b[j] for j in rest_b]):
        i, j = rest_a[p], rest_b[q]
        x, y = a[i], b[j]
        overlap = min(x.end, y.end) - max(x.start, y.start)
        candidates.append(((x.start, x.end) != (y.start, y.end), x.label != y.label, -overlap,
                           x.start, x.end, x.label, y.start, y.end, y.label, i, j))
    candidates.sort()
    return candidates


def _greedy(a: Sequence[Span], b: Sequence[Span], identical: tuple[list[tuple[Span, Span]], list[int], list[int]],
            candidates: list[Candidate]) -> Matching:
    """The identical pairs, then the candidates in order while both their spans are free."""
    pairs, rest_a, rest_b = identical
    pairs = list(pairs)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for *_, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return Matching(pairs, [a[i] for i in rest_a if i not in used_a], [b[j] for j in rest_b if j not in used_b])


def match_one_to_one(a: Sequence[Span], b: Sequence[Span], *, same_label: bool) -> Matching:
    """Pair overlapping spans one-to-one, greedily, best pairs first.

    "Best" is: the same range, then the same label, then the longer overlap, then position (so the
    result does not depend on input order). With ``same_label`` only spans of one label may pair.
    Identical spans always pair with each other first, so they are matched by lookup and only the rest
    is swept: agreeing layers cost little.
    """
    identical = _identical(a, b)
    candidates = _candidates(a, b, identical[1], identical[2])
    return _greedy(a, b, identical, [c for c in candidates if not c[1]] if same_label else candidates)


def match_both(a: Sequence[Span], b: Sequence[Span]) -> tuple[Matching, Matching]:
    """``match_one_to_one`` with and without ``same_label``, together: both pair the identical spans first and
    choose among the same overlapping pairs in the same order, so the lookup, the sweep and the sort are done
    once (the agreement figures need both for every document)."""
    identical = _identical(a, b)
    candidates = _candidates(a, b, identical[1], identical[2])
    return _greedy(a, b, identical, [c for c in candidates if not c[1]]), _greedy(a, b, identical, candidates)


def outermost_runs(spans: Sequence[Span]) -> list[Run]:
    """The layer as labelled stretches: each character takes the label of the outermost span covering it.

    Outermost, because that is what a flat (BIO) training export keeps of nested spans, like spaCy's
    ``filter_spans`` keeping the longest. Layers do not cross, so the outermost span is unique, except
    for one range carrying two labels: then the label first in alphabetical order wins.
    """
    runs: list[Run] = []
    covered_to = 0
    for start, before_end, label in sorted([(s.start, -s.end, s.label) for s in spans]):  # outer spans first
        end = -before_end
        if start >= covered_to:
            runs.append((start, end, label))
            covered_to = end
        elif end > covered_to:  # a crossing span (never stored, but be total): label the rest of it
            runs.append((covered_to, end, label))
            covered_to = end
    return runs


def unit_lengths(length: int, layers: Sequence[Sequence[Run]]) -> dict[tuple[str, ...], int]:
    """How many characters of ``[0, length)`` got each combination of the layers' labels.

    A run every layer has is its label everywhere and nothing else's (a layer's runs do not overlap): its
    characters are counted at once. The rest of the text is cut wherever a layer's label changes, and each
    piece's length is added to its labels' combination: linear in spans, not characters. A run's end and the
    next run's start at one position are applied ends first.
    """
    shared = set(layers[0]).intersection(*layers[1:]) if len(layers) > 1 else set()
    if shared:
        layers = [[run for run in runs if run not in shared] for runs in layers]
    events = sorted([(end, 0, k, OUTSIDE) for k, runs in enumerate(layers) for _, end, _ in runs]
                    + [(start, 1, k, label) for k, runs in enumerate(layers) for start, _, label in runs])
    values = [OUTSIDE] * len(layers)
    lengths: dict[tuple[str, ...], int] = {}
    counted = lengths.get
    position = 0
    for at, _, k, label in events:
        if at > position:
            piece = tuple(values)
            lengths[piece] = counted(piece, 0) + (at if at < length else length) - position
            position = at
        values[k] = label
    if length > position:
        piece = tuple(values)
        lengths[piece] = counted(piece, 0) + length - position
    outside = (OUTSIDE,) * len(layers)
    for start, end, label in shared:  # counted as outside by the cuts above
        lengths[outside] -= end - start
        lengths[(label,) * len(layers)] = counted((label,) * len(layers), 0) + end - start
    if not lengths.get(outside, 1):
        del lengths[outside]
    return lengths
