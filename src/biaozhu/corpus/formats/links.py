"""What formats carry besides spans: relations between spans and the METRIC spans' values.

Readers name a relation's ends by their position in the raw spans they hand to ``build_document`` (each format
has its own ids: doccano entity ids, brat ``T`` ids, Label Studio result ids), which moves them onto the
normalised text with the spans. Writers name spans by their position in ``doc.spans``.

A value travels as one line of text where the format has no place for numbers (brat's annotator notes, a Label
Studio text area): ``value=50000 value_max=80000 qualifier=range unit=元``; the unit comes last, so it may hold
spaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from biaozhu.corpus.model import AnnotatedText, Relation, Span, SpanValue

RawRelation = tuple[int, int, str]  # the positions of its ends in the reader's raw spans, and its type
RawValue = tuple[int, SpanValue]  # the position of a span in the reader's raw spans, and its value
_KEYS = ("value", "value_max", "qualifier", "unit")


def value_note(value: SpanValue) -> str:
    """A value as one line: ``value=… [value_max=…] [qualifier=…] [unit=…]``."""
    fields = {"value": value.value, "value_max": value.value_max, "qualifier": value.qualifier, "unit": value.unit}
    return " ".join(f"{key}={fields[key]}" for key in _KEYS if fields[key])


def read_value_note(line: str) -> SpanValue | None:
    """The value a line written by :func:`value_note` holds; None for any other note (a remark of an annotator)."""
    if not line.startswith("value="):
        return None
    head, _, unit = line.partition(" unit=")
    fields = dict(part.partition("=")[::2] for part in head.split())
    if not fields.get("value") or fields.keys() - set(_KEYS):
        return None
    return SpanValue(fields["value"], fields.get("value_max") or None, unit.strip() or None,
                     fields.get("qualifier") or None)


def positions(spans: Sequence[Span]) -> dict[Span, int]:
    """Each span's position in ``spans``: the id a writer gives it."""
    return {span: n for n, span in enumerate(spans)}


def relation_ends(doc: AnnotatedText) -> Iterator[tuple[int, int, str]]:
    """``(from position, to position, type)`` of the document's relations, positions into ``doc.spans``; a
    relation whose end is not among the spans (left out by the export) is skipped: the export counts those."""
    where = positions(doc.spans)
    for relation in doc.relations:
        a, b = where.get(relation.from_span), where.get(relation.to_span)
        if a is not None and b is not None:
            yield a, b, relation.type


def relations_among(relations: Iterable[Relation], spans: Iterable[Span]) -> list[Relation]:
    """The relations both of whose ends are among ``spans``."""
    kept = set(spans)
    return [r for r in relations if r.from_span in kept and r.to_span in kept]


def moved(relations: Iterable[Relation], start: int, end: int) -> list[Relation]:
    """The relations inside ``[start, end)`` with their spans' offsets made relative to ``start`` (a sentence)."""
    def shift(span: Span) -> Span:
        return Span(span.start - start, span.end - start, span.label, span.text)

    return [Relation(shift(r.from_span), shift(r.to_span), r.type) for r in relations
            if start <= min(r.from_span.start, r.to_span.start) and max(r.from_span.end, r.to_span.end) <= end]
