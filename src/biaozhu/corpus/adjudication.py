"""Comparing the layers of one document: what everyone agrees on, and the disagreements a reviewer decides.

A *version* is a distinct ``(start, end, label)``. Versions every compared annotator has are agreed. The
rest are grouped: two versions compete (belong to one disagreement) when they overlap and either carry the
same label, cover the same range, or cross. A span nested strictly inside a span of another label does
not compete with it (an organisation inside a programme's name is structure, not disagreement). Each
group of competing versions is one :class:`Disagreement`, of one kind:

- ``missing``: some annotator has nothing there;
- ``label``: everyone has the same range, with different labels;
- ``boundary``: everyone has the same label, with different ranges;
- ``boundary_label``: both differ;
- ``single``: only one annotator annotated the document, so nobody can agree with them.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from biaozhu.corpus.agreement_match import overlapping_pairs
from biaozhu.corpus.model import Span
from biaozhu.corpus.spans import crosses

KINDS = ("missing", "boundary", "label", "boundary_label", "single")


def fingerprint(versions: Sequence[Span]) -> str:
    """A stable name for a set of versions (by position): what a rejection refers to."""
    text = "\n".join(f"{s.start}\t{s.end}\t{s.label}" for s in sorted(versions))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Competing versions in ``[start, end)``; ``versions`` has every compared annotator, () if they have none."""

    kind: str
    start: int
    end: int
    versions: Mapping[str, tuple[Span, ...]]

    def holders(self, span: Span) -> list[str]:
        """Who has this version."""
        return [name for name, spans in self.versions.items() if span in spans]

    def spans(self) -> list[Span]:
        """Every distinct version in the disagreement, by position."""
        return sorted({span for spans in self.versions.values() for span in spans})

    def fingerprint(self) -> str:
        """Names the disagreement by its versions (not its holders), to record a rejection of exactly these."""
        return fingerprint(self.spans())

    def one_range_twice(self, names: Sequence[str]) -> bool:
        """Whether these annotators' versions give one range two labels: gold holds a range once, so "accept
        both" cannot take them all (a pure label disagreement is decided by choosing one)."""
        ranges = [(s.start, s.end) for s in {s for name in names for s in self.versions.get(name, ())}]
        return len(ranges) != len(set(ranges))


@dataclass(frozen=True, slots=True)
class Comparison:
    """One document's layers compared: the agreed spans and the disagreements, both by position."""

    annotators: tuple[str, ...]
    agreed: list[Span]
    disagreements: list[Disagreement]


_position = attrgetter("start", "end", "label")


def _competes(x: Span, y: Span) -> bool:
    return x.label == y.label or (x.start, x.end) == (y.start, y.end) or crosses(x.start, x.end, y.start, y.end)


def _kind(versions: Mapping[str, tuple[Span, ...]]) -> str:
    if len(versions) == 1:
        return "single"
    if any(not spans for spans in versions.values()):
        return "missing"
    spans = [span for group in versions.values() for span in group]
    if len({(s.start, s.end) for s in spans}) == 1:
        return "label"
    return "boundary" if len({s.label for s in spans}) == 1 else "boundary_label"


def compare_layers(layers: Mapping[str, Sequence[Span]]) -> Comparison:
    """Compare the layers (annotator → spans) of one document; an empty layer means "annotated, found nothing"."""
    names = tuple(sorted(layers))
    versions_of = {name: dict.fromkeys(layers[name]) for name in names}  # each layer's versions, in its order
    held_by: Counter[Span] = Counter()  # how many layers have each version (counted in C: most are agreed)
    for name in names:
        held_by.update(iter(versions_of[name]))
    agreed_by = len(names) if len(names) >= 2 else 0  # nobody agrees with a lone annotator
    by_position = sorted(held_by, key=_position)
    agreed = [s for s in by_position if held_by[s] == agreed_by]
    open_ = [s for s in by_position if held_by[s] != agreed_by]
    holders = {s: {name for name in names if s in versions_of[name]} for s in open_}
    parent = list(range(len(open_)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in overlapping_pairs(open_, open_):
        if i != j and _competes(open_[i], open_[j]):
            parent[root(i)] = root(j)
    groups: dict[int, list[Span]] = {}
    for i, span in enumerate(open_):
        groups.setdefault(root(i), []).append(span)
    disagreements = []
    for group in groups.values():
        versions = {name: tuple(s for s in group if name in holders[s]) for name in names}
        disagreements.append(Disagreement(_kind(versions), min(s.start for s in group), max(s.end for s in group),
                                          versions))
    disagreements.sort(key=lambda d: (d.start, -d.end))  # ties stay in the order of their first spans
    return Comparison(names, agreed, disagreements)


def known_spans(comparison: Comparison) -> frozenset[Span]:
    """Every span some annotator has: a gold span that is none of them is the reviewer's own."""
    return frozenset({*comparison.agreed, *(s for item in comparison.disagreements
                                             for spans in item.versions.values() for s in spans)})


def deciding_spans(comparison: Comparison, gold: Sequence[Span], numbers: Sequence[int] | None = None,
                   known: frozenset[Span] | None = None) -> list[list[int]]:
    """For each disagreement (those numbered ``numbers``, when given), the gold spans (indexes into ``gold``) that
    decide it, in one pass; ``known`` is :func:`known_spans`, when kept from an earlier call.

    A gold span decides a disagreement when it is one of its versions, or when it is the reviewer's own (no
    annotator has it) and overlaps it. Rejections leave nothing in gold: they are recorded apart. Only gold
    spans overlapping a disagreement decide it, so ``gold`` may be those overlapping the ones numbered.
    """
    items = comparison.disagreements if numbers is None else [comparison.disagreements[n] for n in numbers]
    versions = [dict.fromkeys(s for spans in item.versions.values() for s in spans) for item in items]
    known = known_spans(comparison) if known is None else known
    where = {span: i for i, span in enumerate(gold)}
    own = sorted((span.start, span.end, i) for i, span in enumerate(gold) if span not in known)
    starts = [start for start, _, _ in own]
    longest = max((end - start for start, end, _ in own), default=0)
    decided = []
    for item, spans in zip(items, versions, strict=True):
        taken = [where[s] for s in spans if s in where]
        low, high = bisect_left(starts, item.start - longest), bisect_left(starts, item.end)
        taken += [i for _, end, i in own[low:high] if end > item.start]
        decided.append(taken)
    return decided
