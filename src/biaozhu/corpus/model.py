"""Plain data classes shared by readers, writers, storage and the GUI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Span(NamedTuple):
    """A labelled range of code points ``[start, end)`` and the text it covers.

    A named tuple, not a dataclass: immutable and ordered all the same, but made and compared in C. An
    export or an import handles a million of them, and a frozen dataclass's ``__init__`` took a fifth of
    the export's time.
    """

    start: int
    end: int
    label: str
    text: str


def ordered(spans: Iterable[Span]) -> list[Span]:
    """Spans in their natural order: by start, end, label, then text."""
    return sorted(spans)


class Relation(NamedTuple):
    """A directed link from one span to another of the same document and layer; ``type`` is a relation type's
    name (所属项目, 责任机构). Spans are named by value, so readers and writers need no ids."""

    from_span: Span
    to_span: Span
    type: str


@dataclass(slots=True)
class SourceDocument:
    """A document read from a file, already normalised, with the spans the file carried."""

    name: str
    text: str
    source: str
    normalisation: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    annotator: str | None = None
    relations: list[Relation] = field(default_factory=list)
    # The values the file gave its spans (METRIC figures), by ``(start, end, label)`` on the normalised text.
    values: dict[tuple[int, int, str], SpanValue] = field(default_factory=dict)
    line: int | None = None
    # What the reader skipped or changed on purpose (relations, discontinuous spans...), told to the user.
    notes: list[str] = field(default_factory=list)
    # Remarks the file makes on its spans (brat's AnnotatorNotes), stored as the layer's comments on them.
    comments: list[tuple[Span, str]] = field(default_factory=list)


class SpanValue(NamedTuple):
    """A METRIC span's figure as stored: the exact decimal as plain digits, the top of a range, unit, qualifier."""

    value: str
    value_max: str | None
    unit: str | None
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class AnnotatedText:
    """One document with one layer's spans: what every writer takes (the storage's LayerDocument). ``values``:
    the figures of its spans that have one, by ``(start, end, label)``; ``comments`` the comments on its spans
    (brat writes them as AnnotatorNotes)."""

    id: int
    name: str
    text: str
    sha256: str
    meta: dict[str, Any]
    annotator: str | None
    spans: list[Span]
    values: dict[tuple[int, int, str], SpanValue] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    comments: dict[tuple[int, int, str], list[str]] = field(default_factory=dict)  # on spans, by (start, end, label)
    # The suggestions layer's engine and score of each span (``rules``, 0.9), by (start, end, label): written where
    # the format has room for them.
    scores: dict[tuple[int, int, str], tuple[str, float]] = field(default_factory=dict)

    def values_of(self, start: int, end: int) -> dict[tuple[int, int, str], SpanValue]:
        """The values of the spans inside ``[start, end)``, with offsets made relative to ``start``."""
        return {(s - start, e - start, label): value for (s, e, label), value in self.values.items()
                if start <= s and e <= end}


@dataclass(frozen=True, slots=True)
class LabelDef:
    """A label as a project defines it: name, Chinese title, colour, hotkey and a one-line definition."""

    name: str
    title: str
    color: str
    hotkey: str
    definition: str
