"""The gold layer as decisions change it: its spans and relations with provenance, the rejections, and one edit
at a time. A gold relation needs both its spans in gold: taking a span out takes its relations with it.

A :class:`GoldEdit` is one decision on one document. It reads only the gold it touches (the spans overlapping
the ranges it changes, with their relations: a decision on one disagreement of a 1 MB report reads a few rows,
not the layer's thousands; the bulk decisions read it all), takes adds, removes and rejections in memory, and
writes them at :meth:`GoldEdit.done` with one DELETE and one INSERT, after checking in Python what ``add_span``
checks in SQL (the span's text is the document's, nothing crosses in gold): "accept everything agreed" on a 1 MB
report is then one statement, not 4,000 ``substr`` walks. Functions take a Session and never commit.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Relation, Span, SpanValue
from biaozhu.corpus.spans import find_crossings
from biaozhu.db.annotators import ensure_annotator, get_annotator
from biaozhu.db.audit import record
from biaozhu.db.documents import stored_text
from biaozhu.db.exporting import stored_relations
from biaozhu.db.labels import label_ids
from biaozhu.db.models import GOLD, SUGGESTIONS, Annotator, Label, Rejection, RelationType, utcnow
from biaozhu.db.models import Relation as RelationRow
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.spans import SpanRefused
from biaozhu.db.status import touch
from biaozhu.db.values import VALUE_COLUMNS, carried_values

CHUNK = 500  # ids per DELETE … IN (…), well under every backend's limit on parameters


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold span with its provenance, by name."""

    id: int
    span: Span
    origin: str | None
    decided_by: str | None


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """A gold relation (its spans by value) with its provenance, by name."""

    id: int
    relation: Relation
    origin: str | None
    decided_by: str | None


@dataclass(frozen=True, slots=True)
class Rejected:
    """A rejection: the disagreement's fingerprint and range, and who rejected it."""

    versions: str
    start: int
    end: int
    decided_by: str | None


@dataclass(slots=True)
class Decision:
    """What a decision changed, enough to undo it (spans by content: undo re-creates ids)."""

    document_id: int
    added: list[Span] = field(default_factory=list)
    removed: list[GoldSpan] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unrejected: list[Rejected] = field(default_factory=list)
    linked: list[tuple[Relation, str | None]] = field(default_factory=list)  # with their origin
    unlinked: list[GoldRelation] = field(default_factory=list)
    # the added spans as written (their ids, their values): the window applies them without reading them back
    written: list[tuple[GoldSpan, SpanValue | None]] = field(default_factory=list, compare=False)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.rejected or self.unrejected or self.linked or self.unlinked)


Names = dict[int | None, str]  # annotator ids to names
Layer = tuple[int, Names]  # gold's annotator id, and the names: what a GoldEdit reads once, not at every step


def _names(session: Session) -> Names:
    return {who: name for who, name in session.execute(select(Annotator.id, Annotator.name))}


def _layer(session: Session) -> Layer | None:
    gold = get_annotator(session, GOLD)
    return None if gold is None else (gold.id, _names(session))


def gold_spans(session: Session, document_id: int, starts: Collection[int] | None = None,
               within: tuple[int, int] | None = None, layer: Layer | None = None) -> list[GoldSpan]:
    """The document's gold layer by position (longer first at one start); only those starting at ``starts``
    when given (the spans a decision just added, read back for their ids), only those overlapping ``within``
    (a range) when given."""
    layer = layer or _layer(session)
    if layer is None:
        return []
    gold_id, names = layer
    # Through the connection, not the ORM: thousands of plain rows, read after every decision.
    query = select(SpanRow.id, SpanRow.start, SpanRow.end, Label.name, SpanRow.text, SpanRow.origin_id,
                   SpanRow.decided_by_id).join(Label).where(SpanRow.document_id == document_id,
                                                              SpanRow.annotator_id == gold_id)
    if starts is not None:
        query = query.where(SpanRow.start.in_(sorted(starts)))
    if within is not None:
        query = query.where(SpanRow.start < within[1], SpanRow.end > within[0])
    rows = session.connection().execute(query.order_by(SpanRow.start, SpanRow.end.desc(), SpanRow.id))
    return [GoldSpan(i, Span(s, e, label, text), names.get(origin), names.get(decided))
            for i, s, e, label, text, origin, decided in rows]


def gold_relations(session: Session, document_id: int, span_ids: Collection[int] | None = None,
                   layer: Layer | None = None) -> list[GoldRelation]:
    """The document's gold relations, their spans by value; only those from or to ``span_ids`` when given."""
    if span_ids is not None and not span_ids:
        return []
    layer = layer or _layer(session)
    if layer is None:
        return []
    gold_id, names = layer
    gold = (RelationRow.document_id == document_id) & (RelationRow.annotator_id == gold_id)
    ids = sorted(span_ids or ())
    wheres = [gold] if span_ids is None else [
        gold & (RelationRow.from_span_id.in_(ids[at:at + CHUNK]) | RelationRow.to_span_id.in_(ids[at:at + CHUNK]))
        for at in range(0, len(ids), CHUNK)]
    rows = {row.id: row for where in wheres for row in stored_relations(session.connection(), where)}
    return sorted((GoldRelation(row.id, row.relation, names.get(row.origin_id), names.get(row.decided_by_id))
                   for row in rows.values()), key=lambda g: g.id)


def rejections(session: Session, document_id: int, names: Names | None = None) -> dict[str, Rejected]:
    """The document's rejected disagreements, by fingerprint."""
    names = _names(session) if names is None else names
    rows = session.execute(select(Rejection.versions, Rejection.start, Rejection.end, Rejection.decided_by_id)
                           .where(Rejection.document_id == document_id))
    return {versions: Rejected(versions, start, end, names.get(who)) for versions, start, end, who in rows}


class GoldEdit:
    """One decision on one document's gold layer, recorded for undo and written in bulk by :meth:`done`.

    Gold is read as the edit needs it: :meth:`add`, :meth:`remove` and :meth:`own_spans_over` read the spans
    overlapping their range first, with their relations, so ``present`` holds every gold span that could cross,
    repeat or be taken along; :meth:`has` looks one span up. :meth:`load_all` reads the whole layer (the bulk
    decisions). Rejections, one row per rejected disagreement, are read whole.
    """

    def __init__(self, session: Session, document_id: int, reviewer: str) -> None:
        self.session, self.reviewer = session, reviewer
        self.gold_id = ensure_annotator(session, GOLD).id
        self._layer: Layer = (self.gold_id, _names(session))
        self.present: dict[Span, GoldSpan] = {}  # the gold read so far, as this edit leaves it
        self.rejections = rejections(session, document_id, self._layer[1])
        self.links: dict[Relation, GoldRelation] = {}  # the gold relations of the spans read, as this edit leaves them
        self.decision = Decision(document_id)
        self._new: dict[Span, tuple[str | None, str]] = {}  # added span → (origin, decided by)
        self._new_links: dict[Relation, tuple[str | None, str]] = {}
        self._ranges: list[tuple[int, int]] = []  # every gold span overlapping these was read
        self._looked_up: set[Span] = set()  # and these spans, one by one
        self._taken_out: set[Span] = set()  # read, then removed here: still on disk until done()
        self._unlinked: set[Relation] = set()

    def knows(self, span: Span) -> bool:
        """Whether gold was read where ``span`` lies (so ``present`` says whether gold holds it)."""
        return span in self._looked_up or any(span.start < end and start < span.end for start, end in self._ranges)

    def load(self, start: int, end: int) -> None:
        """Read the gold spans overlapping ``[start, end)`` (a point when empty) with their relations, unless
        read already."""
        end = max(end, start + 1)
        if not any(a <= start and end <= b for a, b in self._ranges):
            self._take(gold_spans(self.session, self.decision.document_id, within=(start, end), layer=self._layer))
            self._ranges.append((start, end))

    def load_all(self) -> None:
        """Read the whole gold layer: a decision on every span of the document (the agreed ones, a layer)."""
        if (0, sys.maxsize) not in self._ranges:
            self._take(gold_spans(self.session, self.decision.document_id, layer=self._layer))
            self._ranges.append((0, sys.maxsize))

    def read_ranges(self) -> list[tuple[int, int]] | None:
        """Where gold was read (the ranges, and the spans looked up one by one); None: everywhere."""
        if (0, sys.maxsize) in self._ranges:
            return None
        return [*self._ranges, *((span.start, max(span.end, span.start + 1)) for span in self._looked_up)]

    def has(self, span: Span) -> GoldSpan | None:
        """The gold span equal to ``span``, if gold holds it (read when not read yet)."""
        if not self.knows(span):
            self._take(gold_spans(self.session, self.decision.document_id, starts=[span.start], layer=self._layer))
            self._looked_up.add(span)
        return self.present.get(span)

    def _take(self, found: list[GoldSpan]) -> None:
        fresh = {gold.span: gold for gold in found
                 if gold.span not in self.present and gold.span not in self._taken_out}
        self.present.update(fresh)
        for link in gold_relations(self.session, self.decision.document_id, [gold.id for gold in fresh.values()],
                                   self._layer):
            if link.relation not in self.links and link.relation not in self._unlinked:
                self.links[link.relation] = link

    def add(self, span: Span, origin: str | None, decided_by: str | None = None) -> None:
        self.load(span.start, span.end)
        if span in self.present:
            return
        self.present[span] = GoldSpan(0, span, origin, decided_by or self.reviewer)
        self._new[span] = (origin, decided_by or self.reviewer)
        self.decision.added.append(span)

    def remove(self, span: Span) -> None:
        self.load(span.start, span.end)
        for relation in [r for r in self.links if span in (r.from_span, r.to_span)]:
            self.unlink(relation)
        gold = self.present.pop(span, None)
        if gold is None:
            return
        if self._new.pop(span, None) is not None:
            self.decision.added.remove(span)
        else:
            self._taken_out.add(span)
            self.decision.removed.append(gold)

    def link(self, relation: Relation, origin: str | None, decided_by: str | None = None) -> None:
        """Put a relation into gold; only where both its spans are in gold."""
        if relation in self.links or self.has(relation.from_span) is None or self.has(relation.to_span) is None:
            return
        self.links[relation] = GoldRelation(0, relation, origin, decided_by or self.reviewer)
        self._new_links[relation] = (origin, decided_by or self.reviewer)
        self.decision.linked.append((relation, origin))

    def unlink(self, relation: Relation) -> None:
        gold = self.links.pop(relation, None)
        if gold is None:
            return
        if self._new_links.pop(relation, None) is not None:
            self.decision.linked.remove((relation, gold.origin))
        else:
            self._unlinked.add(relation)
            self.decision.unlinked.append(gold)

    def own_spans_over(self, start: int, end: int) -> list[Span]:
        """The reviewer-drawn gold spans (origin = decider) overlapping ``[start, end)``."""
        self.load(start, end)
        return [gold.span for gold in self.present.values() if gold.origin is not None
                and gold.origin == gold.decided_by and gold.span.start < end and start < gold.span.end]

    def reject(self, rejected: Rejected) -> None:
        if rejected.versions not in self.rejections:
            self.rejections[rejected.versions] = rejected
            self.decision.rejected.append(rejected)

    def unreject(self, versions: str) -> None:
        rejected = self.rejections.pop(versions, None)
        if rejected is None:
            return
        if rejected in self.decision.rejected:  # rejected in this very edit: never written
            self.decision.rejected.remove(rejected)
        else:
            self.decision.unrejected.append(rejected)

    def done(self) -> Decision:
        """Write the edit: deletions, then the checked insertions and rejections; touch gold's status."""
        if not self.decision.changed:
            return self.decision
        document_id = self.decision.document_id
        gone = [gold.id for gold in self.decision.unlinked]
        for offset in range(0, len(gone), CHUNK):
            self.session.execute(delete(RelationRow).where(RelationRow.id.in_(gone[offset:offset + CHUNK])))
        ids = [gold.id for gold in self.decision.removed]
        for offset in range(0, len(ids), CHUNK):
            self.session.execute(delete(SpanRow).where(SpanRow.id.in_(ids[offset:offset + CHUNK])))
        if self._new:
            self._insert_new()
        if self._new_links:
            self._insert_links()
        withdrawn = [r.versions for r in self.decision.unrejected]
        if withdrawn:
            self.session.execute(delete(Rejection).where(Rejection.document_id == document_id,
                                                         Rejection.versions.in_(withdrawn)))
        if self.decision.rejected:
            who = self._ids(r.decided_by for r in self.decision.rejected)
            self.session.execute(insert(Rejection), [
                {"document_id": document_id, "versions": r.versions, "start": r.start, "end": r.end,
                 "decided_by_id": who.get(r.decided_by), "decided_at": utcnow()} for r in self.decision.rejected])
        touch(self.session, document_id, self.gold_id)
        d = self.decision
        record(self.session, self.reviewer, "gold", f"document {document_id}: {len(d.added)} spans into gold, "
                                                   f"{len(d.removed)} out, {len(d.rejected)} rejected, "
                                                   f"{len(d.unrejected)} rejections withdrawn"
                                                   + (f", {len(d.linked)} relations into gold, {len(d.unlinked)} out"
                                                      if d.linked or d.unlinked else ""))
        return self.decision

    def _insert_links(self) -> None:
        ends = {span for relation in self._new_links for span in (relation.from_span, relation.to_span)}
        starts = {span.start for span in ends} if len(ends) <= CHUNK else None
        ids = {gold.span: gold.id for gold in gold_spans(self.session, self.decision.document_id, starts,
                                                         layer=self._layer)}
        kinds = {name: kind for kind, name in self.session.execute(select(RelationType.id, RelationType.name))}
        unknown = {relation.type for relation in self._new_links} - kinds.keys()
        if unknown:
            raise SpanRefused(f"there is no relation type {', '.join(sorted(unknown))}")
        who = self._ids(name for pair in self._new_links.values() for name in pair)
        self.session.execute(insert(RelationRow), [
            {"document_id": self.decision.document_id, "annotator_id": self.gold_id, "type_id": kinds[r.type],
             "from_span_id": ids[r.from_span], "to_span_id": ids[r.to_span], "created_at": utcnow(),
             "origin_id": who.get(origin), "decided_by_id": who[decided]}
            for r, (origin, decided) in self._new_links.items()])

    def _ids(self, names: Iterable[str | None]) -> dict[str | None, int]:
        known = {name: who for who, name in self._layer[1].items() if who is not None}
        return {name: known[name] if name in known else ensure_annotator(self.session, name).id
                for name in set(names) if name}

    def _insert_new(self) -> None:
        text = stored_text(self.session, self.decision.document_id) or ""
        for span in self._new:
            if span.end > len(text) or text[span.start:span.end] != span.text:
                raise SpanRefused(f"span text {span.text!r} at [{span.start}, {span.end}) disagrees with the document")
        for x, y in find_crossings(list(self.present)):
            if x in self._new or y in self._new:
                raise SpanRefused(f"[{x.start}, {x.end}) would cross [{y.start}, {y.end}) in gold; "
                                  "spans may nest but not cross")
        at: dict[tuple[int, int], Span] = {}
        for span in sorted(self.present, key=lambda s: s not in self._new):  # new spans first: named as the one refused
            other = at.setdefault((span.start, span.end), span)
            if other is not span:
                raise SpanRefused(f"[{span.start}, {span.end}) is in gold already as {span.label}; gold holds a "
                                  f"range once (relabel it instead of adding {other.label})")
        labels = label_ids(self.session)
        unknown = {span.label for span in self._new} - set(labels)
        if unknown:
            raise SpanRefused(f"there is no label {', '.join(sorted(unknown))}")
        who = self._ids(name for pair in self._new.values() for name in pair)
        values = self._origin_values(who, labels)
        now = utcnow()
        rows = self.session.execute(insert(SpanRow).returning(
            SpanRow.id, SpanRow.value, SpanRow.value_max, SpanRow.unit, SpanRow.qualifier,
            sort_by_parameter_order=True), [
            {"document_id": self.decision.document_id, "annotator_id": self.gold_id, "label_id": labels[s.label],
             "start": s.start, "end": s.end, "text": s.text, "note": "", "created_at": now, "updated_at": now,
             "origin_id": who.get(origin), "decided_by_id": who[decided],
             **carried_values(s.label, s.text, values.get((who.get(origin), s.start, s.end, labels[s.label]), {}))}
            for s, (origin, decided) in self._new.items()])
        self.decision.written = [
            (GoldSpan(span_id, span, origin, decided), None if value is None else SpanValue(value, top, unit, kind))
            for (span, (origin, decided)), (span_id, value, top, unit, kind)
            in zip(self._new.items(), rows, strict=True)]

    def _origin_values(self, who: dict[str | None, int], labels: dict[str, int]
                       ) -> dict[tuple[int | None, int, int, int], dict[str, object]]:
        """The values of the versions taken into gold, by (layer, start, end, label): gold keeps the value the
        decided version has (set by hand there, or computed). An agreed span (no origin, layer None) keeps the value
        its versions share, when they all have the same one (the same hand-set figure, say)."""
        origins = {who[origin] for origin, _ in self._new.values() if origin} - {self.gold_id}
        agreed = any(origin is None for origin, _ in self._new.values())
        if not origins and not agreed:
            return {}
        query = select(SpanRow.annotator_id, SpanRow.start, SpanRow.end, SpanRow.label_id,
                       *(getattr(SpanRow, name) for name in VALUE_COLUMNS)) \
            .where(SpanRow.document_id == self.decision.document_id, SpanRow.annotator_id != self.gold_id)
        if not agreed:
            query = query.where(SpanRow.annotator_id.in_(origins))
        if len(self._new) <= CHUNK:  # one decision's few spans: their versions only, not the whole document's
            query = query.where(SpanRow.start.in_(sorted({span.start for span in self._new})))
        found: dict[tuple[int | None, int, int, int], dict[str, object]] = {}
        shared: dict[tuple[int | None, int, int, int], set[tuple[object, ...]]] = {}
        # the suggestions are nobody's data: their values are no one's decision
        suggestions = next((who for who, name in self._layer[1].items() if name == SUGGESTIONS), None)
        for row in self.session.execute(query):
            found[tuple(row[:4])] = dict(zip(VALUE_COLUMNS, row[4:], strict=True))
            if row[0] != suggestions:
                shared.setdefault((None, *row[1:4]), set()).add(tuple(row[4:]))
        found.update({key: dict(zip(VALUE_COLUMNS, next(iter(values)), strict=True))
                      for key, values in shared.items() if len(values) == 1})
        return found
