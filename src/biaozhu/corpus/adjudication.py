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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from biaozhu.corpus.model import Span
from biaozhu.corpus.spans import crosses

KINDS = ("missing", "boundary", "label", "boundary_label", "single")


def fingerprint(versions: Sequence[Span]) -> str:
    """A stable name for a set of versions (by position): what a rejection refers to."""
    text = "\n".join(f"{s.start}\t{s.end}\t{s.label}" for s in sorted(versions))
    return hashlib.sha256(text.encode()).hexdigest()


class Disagreement(NamedTuple):
    """Competing versions in ``[start, end)``; ``versions`` has every compared annotator, () if they have none.
    A named tuple: a project's agreement figures make one per disagreement of every document."""

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


def _competes(x: Span, y: Span) -> bool:
    return x.label == y.label or (x.start, x.end) == (y.start, y.end) or crosses(x.start, x.end, y.start, y.end)


def _kind(versions: Mapping[str, tuple[Span, ...]]) -> str:
    if len(versions) == 1:
        return "single"
    spans: list[Span] = []
    for group in versions.values():
        if not group:
            return "missing"
        spans += group
    if len({(s.start, s.end) for s in spans}) == 1:
        return "label"
    return "boundary" if len({s.label for s in spans}) == 1 else "boundary_label"


def compare_layers(layers: Mapping[str, Sequence[Span]]) -> Comparison:
    """Compare the layers (annotator → spans) of one document; an empty layer means "annotated, found nothing"."""
    names, held, agreed = _versions(layers)
    return Comparison(names, sorted(agreed), _disagreements(names, held, agreed))  # by position


def disagreements(layers: Mapping[str, Sequence[Span]]) -> list[Disagreement]:
    """Only :attr:`Comparison.disagreements`, without listing what is agreed (the agreement figures count them)."""
    names, held, agreed = _versions(layers)
    return _disagreements(names, held, agreed)


def _versions(layers: Mapping[str, Sequence[Span]]) -> tuple[tuple[str, ...], list[set[Span]], set[Span]]:
    """The annotators by name, each one's versions, and the versions all of them have (found in C by set
    operations: most are agreed)."""
    names = tuple(sorted(layers))
    held = [set(layers[name]) for name in names]
    agreed = held[0].intersection(*held[1:]) if len(held) >= 2 else set()  # nobody agrees with a lone annotator
    return names, held, agreed


def _disagreements(names: tuple[str, ...], held: list[set[Span]], agreed: set[Span]) -> list[Disagreement]:
    open_ = sorted(set().union(*held) - agreed)
    if not open_:
        return []
    parent = list(range(len(open_)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    still_open: list[int] = []  # the versions before this one that reach past its start (sorted by start)
    for j, span in enumerate(open_):
        still_open = [i for i in still_open if open_[i].end > span.start]
        for i in still_open:
            if _competes(open_[i], span):
                parent[root(i)] = root(j)
        still_open.append(j)
    groups: dict[int, list[Span]] = {}
    for i, span in enumerate(open_):
        groups.setdefault(root(i), []).append(span)
    found = []
    for group in groups.values():  # in order of position: the first span starts first
        versions = {name: tuple([s for s in group if s in mine]) for name, mine in zip(names, held, strict=True)}
        end = group[0].end if len(group) == 1 else max([s.end for s in group])
        found.append(Disagreement(_kind(versions), group[0].start, end, versions))
    found.sort(key=lambda d: (d.start, -d.end))  # ties stay in the order of their first spans
    return found


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
