"""Inter-annotator agreement (issue 4): span F1, Cohen's kappa and Krippendorff's alpha over characters,
the kinds of disagreement, and a label confusion matrix. Pure functions on plain data.

Rules, so that every figure can be checked by hand:

- A document counts for a pair when both annotated it: they have a span on it or a status for it (the
  caller passes such an annotator with an empty layer). Figures are pooled over those documents.
- Span precision/recall take annotator A (the first of the pair) as the reference: precision = matched /
  B's spans, recall = matched / A's spans, F1 = 2·matched / (A's + B's). *Exact*: same start, end and
  label. *Overlap*: same label and overlapping ranges, paired one-to-one (best overlap first).
- Characters: each character gets the label of the outermost span covering it, else ``O``
  (:func:`~biaozhu.corpus.agreement_match.outermost_runs`). Kappa is Cohen's over those labels (per
  label: that label against everything else, so a label only ever nested inside others has no kappa);
  alpha is Krippendorff's nominal alpha with characters as units and every annotator as a coder, an
  annotator who did not annotate a document giving no value for its characters.
- Undefined figures are ``None``: kappa when the expected agreement is 1 (both annotators used one and
  the same label everywhere, e.g. no spans at all), alpha when fewer than two values are pairable or only
  one label occurs; F1 when neither side has a span; precision/recall when their denominator is 0.
- Relations: one matches when both its ends are the same spans (start, end and label) and its type is the
  same; precision/recall/F1 as for exact spans, overall and per type. With ``labels``, only relations both of
  whose ends have one of them count.
- Disagreements are counted as :mod:`biaozhu.corpus.adjudication` groups them for the pair, with
  ``missing`` split into ``only_a`` and ``only_b``. The confusion matrix pairs spans one-to-one by range
  overlap (same range first, then same label, then longest overlap); unpaired spans go to the ``O`` row
  (B only) or column (A only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations
from typing import Any

from biaozhu.corpus.adjudication import Disagreement, disagreements
from biaozhu.corpus.agreement_match import (
    OUTSIDE,
    Matching,
    match_both,
    match_one_to_one,
    outermost_runs,
    unit_lengths,
)
from biaozhu.corpus.model import Relation, Span


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document's length and the layers of everyone who annotated it (annotator → spans, maybe empty), with
    their relations (annotator → relations; none when absent)."""

    id: int
    name: str
    length: int
    layers: Mapping[str, Sequence[Span]]
    relations: Mapping[str, Sequence[Relation]] = field(default_factory=dict)


@dataclass(slots=True)
class SpanCounts:
    """Matched spans and each side's total; the ratios follow."""

    matched: int = 0
    in_a: int = 0
    in_b: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.in_b if self.in_b else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.in_a if self.in_a else None

    @property
    def f1(self) -> float | None:
        return 2 * self.matched / (self.in_a + self.in_b) if self.in_a + self.in_b else None

    def as_dict(self) -> dict[str, Any]:
        return {"matched": self.matched, "a": self.in_a, "b": self.in_b, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def cohen_kappa(confusion: Mapping[tuple[str, str], int]) -> float | None:
    """Cohen's kappa from counts of (A's label, B's label); exact integer arithmetic until the last step."""
    total = sum(confusion.values())
    rows: Counter[str] = Counter()
    cols: Counter[str] = Counter()
    for (a, b), count in confusion.items():
        rows[a] += count
        cols[b] += count
    observed_disagreement = total - sum(count for (a, b), count in confusion.items() if a == b)
    expected_disagreement = total * total - sum(rows[c] * cols[c] for c in rows)  # times total
    if not expected_disagreement:
        return None
    return float(1 - Fraction(observed_disagreement * total, expected_disagreement))


@dataclass(slots=True)
class AlphaCounter:
    """Krippendorff's nominal alpha, fed unit by unit (a run of characters sharing their values).

    Keeps the coincidence matrix's off-diagonal sum per number of coders and each label's total, so
    memory does not grow with the corpus and the result is exact until the final division.
    """

    off_diagonal_by_coders: Counter[int] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)

    def add(self, weight: int, values: Sequence[str]) -> None:
        """``weight`` units that each got ``values`` (one per coder who coded them)."""
        coders = len(values)
        if coders < 2 or weight <= 0:
            return
        per_label = Counter(values)
        self.off_diagonal_by_coders[coders] += weight * (coders * coders - sum(n * n for n in per_label.values()))
        for label, n in per_label.items():
            self.totals[label] += weight * n

    @property
    def pairable(self) -> int:
        return sum(self.totals.values())

    def alpha(self) -> float | None:
        n = self.pairable
        expected = n * n - sum(count * count for count in self.totals.values())
        if n < 2 or not expected:
            return None
        observed = sum((Fraction(total, coders - 1) for coders, total in self.off_diagonal_by_coders.items()),
                       Fraction(0))
        return float(1 - (n - 1) * observed / expected)


@dataclass(slots=True)
class PairAgreement:
    """Every figure for annotators ``a`` (the reference) and ``b``."""

    a: str
    b: str
    documents: int = 0
    characters: int = 0
    exact: dict[str, SpanCounts] = field(default_factory=dict)
    overlap: dict[str, SpanCounts] = field(default_factory=dict)
    character_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    disagreements: Counter[str] = field(default_factory=Counter)
    relations: dict[str, SpanCounts] = field(default_factory=dict)  # by relation type

    def total(self, kind: str) -> SpanCounts:
        """``exact``, ``overlap`` or ``relations`` counts summed over labels (relation types)."""
        by_label = getattr(self, kind).values()
        return SpanCounts(sum(c.matched for c in by_label), sum(c.in_a for c in by_label),
                          sum(c.in_b for c in by_label))

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.character_confusion)

    def label_kappa(self, label: str) -> float | None:
        """Kappa for one label against everything else (characters of that label or not)."""
        collapsed: Counter[tuple[str, str]] = Counter()
        for (x, y), count in self.character_confusion.items():
            collapsed[str(x == label), str(y == label)] += count
        return cohen_kappa(collapsed)

    def add(self, length: int, a: Sequence[Span], b: Sequence[Span],
            characters: Mapping[tuple[str, str], int] | None = None) -> None:
        """One document's layers; ``characters``: how many characters got each pair of labels, when the caller
        counted them already (from one pass over all the layers)."""
        self.documents += 1
        self.characters += length
        same_label, any_label = match_both(a, b)
        in_a, in_b = Counter([s.label for s in a]), Counter([s.label for s in b])  # counted in C, added per label
        matched = Counter([x.label for x, _ in same_label.pairs])  # identical spans pair first: exact matches
        exact = Counter([x.label for x, y in same_label.pairs if x.start == y.start and x.end == y.end])
        for label in in_a.keys() | in_b.keys():
            for counts, found in ((self.exact, exact), (self.overlap, matched)):
                tally = counts.get(label) or counts.setdefault(label, SpanCounts())
                tally.in_a += in_a[label]
                tally.in_b += in_b[label]
                tally.matched += found[label]
        if characters is None:
            pieces = unit_lengths(length, (outermost_runs(a), outermost_runs(b)))
            characters = {(x, y): n for (x, y), n in pieces.items()}
        self.character_confusion.update(characters)
        self.confusion.update([(x.label, y.label) for x, y in any_label.pairs])
        self.confusion.update([(x.label, OUTSIDE) for x in any_label.only_a])
        self.confusion.update([(OUTSIDE, y.label) for y in any_label.only_b])
        self.disagreements.update([disagreement_count(item, self.a) for item in disagreements({self.a: a, self.b: b})])

    def add_relations(self, a: Sequence[Relation], b: Sequence[Relation]) -> None:
        """One document's relations: matched when ends and type are the same (each relation once)."""
        counted_a, counted_b = Counter(a), Counter(b)
        for side, counted in (("in_a", counted_a), ("in_b", counted_b)):
            for relation, count in counted.items():
                tally = self.relations.setdefault(relation.type, SpanCounts())
                setattr(tally, side, getattr(tally, side) + count)
        for relation, count in (counted_a & counted_b).items():
            self.relations[relation.type].matched += count


def confusion_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[Span | None, Span | None]]:
    """The confusion matrix's pairs: matched by range overlap; None stands for "no span" (the O row/column)."""
    return matched_or_not(match_one_to_one(a, b, same_label=False))


def matched_or_not(paired: Matching) -> list[tuple[Span | None, Span | None]]:
    """A matching's pairs, then each unmatched span with None for "no span"."""
    return [*paired.pairs, *((x, None) for x in paired.only_a), *((None, y) for y in paired.only_b)]


def disagreement_count(item: Disagreement, a: str) -> str:
    """Where a pair's disagreement is counted: its kind, ``missing`` split into ``only_a`` and ``only_b``."""
    if item.kind == "missing":
        return "only_a" if item.versions[a] else "only_b"
    return item.kind


def compared_layers(document: AnnotatedDocument, annotators: Sequence[str] | None = None,
                    labels: Collection[str] | None = None) -> dict[str, list[Span]]:
    """The layers the figures use: the named annotators' in that order (else all, by name), named labels only."""
    names = [n for n in annotators if n in document.layers] if annotators is not None else sorted(document.layers)
    if labels is None:
        return {n: list(document.layers[n]) for n in names}
    return {n: [s for s in document.layers[n] if s.label in labels] for n in names}


def compared_relations(document: AnnotatedDocument, name: str, labels: Collection[str] | None) -> list[Relation]:
    """An annotator's relations the figures use: with ``labels``, those both of whose ends have one of them."""
    return [r for r in document.relations.get(name, ())
            if labels is None or (r.from_span.label in labels and r.to_span.label in labels)]


@dataclass(slots=True)
class AgreementReport:
    annotators: list[str]
    labels: list[str]
    documents: int
    pairs: list[PairAgreement]
    alpha: float | None
    alpha_documents: int
    alpha_characters: int
    relation_types: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (what ``biaozhu agreement --format json`` prints)."""
        def per_label(counts: dict[str, SpanCounts], names: list[str] | None = None) -> dict[str, Any]:
            return {label: counts.get(label, SpanCounts()).as_dict() for label in names or self.labels}

        return {
            "annotators": self.annotators, "labels": self.labels, "relation_types": self.relation_types,
            "documents": self.documents,
            "alpha": {"value": self.alpha, "documents": self.alpha_documents, "characters": self.alpha_characters},
            "pairs": [{
                "a": p.a, "b": p.b, "documents": p.documents, "characters": p.characters, "kappa": p.kappa,
                "kappa_by_label": {label: p.label_kappa(label) for label in self.labels},
                "exact": {"all": p.total("exact").as_dict(), "by_label": per_label(p.exact)},
                "overlap": {"all": p.total("overlap").as_dict(), "by_label": per_label(p.overlap)},
                "relations": {"all": p.total("relations").as_dict(),
                              "by_type": per_label(p.relations, self.relation_types) if self.relation_types else {}},
                "disagreements": {kind: p.disagreements.get(kind, 0) for kind in DISAGREEMENT_COUNTS},
                "confusion": [{"a": a, "b": b, "count": n} for (a, b), n in sorted(p.confusion.items())],
            } for p in self.pairs],
        }


DISAGREEMENT_COUNTS = ("boundary", "label", "boundary_label", "only_a", "only_b")


def measure_agreement(documents: Iterable[AnnotatedDocument], *, annotators: Sequence[str] | None = None,
                      labels: Collection[str] | None = None) -> AgreementReport:
    """Every figure over ``documents`` (streamed: one at a time is enough).

    ``annotators`` limits and orders the annotators (the first of each pair is the reference); by default
    all of them, by name. ``labels`` keeps only spans with those labels.
    """
    pairs: dict[tuple[str, str], PairAgreement] = {}
    seen_annotators: set[str] = set()
    seen_labels: set[str] = set()
    seen_types: set[str] = set()
    alpha = AlphaCounter()
    alpha_units: Counter[tuple[str, ...]] = Counter()  # characters per combination of the coders' labels
    count = alpha_documents = alpha_characters = 0
    for document in documents:
        layers = compared_layers(document, annotators, labels)
        names = list(layers)
        if not names:
            continue
        count += 1
        seen_annotators.update(names)
        for spans in layers.values():
            seen_labels.update([s.label for s in spans])
        units = unit_lengths(document.length, [outermost_runs(layers[n]) for n in names])
        for (i, a), (j, b) in combinations(enumerate(names), 2):
            characters: dict[tuple[str, str], int] = {}
            for values, piece in units.items():
                key = (values[i], values[j])
                characters[key] = characters.get(key, 0) + piece
            pair = pairs.setdefault((a, b), PairAgreement(a, b))
            pair.add(document.length, layers[a], layers[b], characters)
            if document.relations:
                pair.add_relations(compared_relations(document, a, labels), compared_relations(document, b, labels))
                seen_types.update(pair.relations)
        if len(names) >= 2:
            alpha_documents += 1
            alpha_characters += document.length
            alpha_units.update(units)
    for values, weight in alpha_units.items():  # few distinct combinations: the counter works once per each
        alpha.add(weight, values)
    everyone = list(annotators) if annotators is not None else sorted(seen_annotators)
    report_pairs = [pairs.get((a, b)) or PairAgreement(a, b) for a, b in combinations(everyone, 2)]
    return AgreementReport(everyone, sorted(labels if labels is not None else seen_labels), count, report_pairs,
                           alpha.alpha(), alpha_documents, alpha_characters, sorted(seen_types))
