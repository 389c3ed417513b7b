"""A majority-vote layer, computed on the fly for ``biaozhu export --layer majority``.

A span ``(start, end, label)`` is in when more than half of the annotators who annotated the document
(non-gold layers with a span or a status on it) have exactly that span. Two such spans cannot cross
(some annotator would hold both, and no layer crosses), but layers stored before that rule, or by
other tools, might: then the span with more votes, then the longer one, then the earlier one, stays. A relation
is in when more than half of the same annotators have it (the same ends, the same type) and both its ends are in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Relation, Span
from biaozhu.corpus.spans import crosses, find_crossings
from biaozhu.db.exporting import LayerDocument, relations_by_layer
from biaozhu.db.models import MAJORITY, Annotator, Document
from biaozhu.db.models import Relation as RelationRow
from biaozhu.db.review import layers_of


def majority_spans(layers: dict[str, list[Span]]) -> list[Span]:
    """The spans more than half of the layers have, none crossing another."""
    votes = Counter(span for spans in layers.values() for span in set(spans))
    winners = sorted(span for span, count in votes.items() if 2 * count > len(layers))
    if not find_crossings(winners):  # the usual case, checked in O(n log n)
        return winners
    kept: list[Span] = []
    for span in sorted(winners, key=lambda s: (-votes[s], s.start - s.end, s)):
        if not any(crosses(span.start, span.end, other.start, other.end) for other in kept):
            kept.append(span)
    return sorted(kept)


def majority_relations(layers: dict[str, list[Relation]], voters: int, spans: list[Span]) -> list[Relation]:
    """The relations more than half of ``voters`` layers have, between two of the majority's ``spans``."""
    kept = set(spans)
    votes = Counter(relation for relations in layers.values() for relation in set(relations))
    return sorted(relation for relation, count in votes.items()
                  if 2 * count > voters and relation.from_span in kept and relation.to_span in kept)


def iter_majority(session: Session, *, batch: int = 200) -> Iterator[LayerDocument]:
    """Every document with its majority layer (annotator ``majority``), reading ``batch`` texts at a time."""
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        layers = layers_of(session, chunk)
        relations = relations_by_layer(session.connection(), RelationRow.document_id.in_(chunk))
        names = {who: name for who, name in session.execute(
            select(Annotator.id, Annotator.name).where(Annotator.id.in_({who for _, who in relations})))}
        rows = session.execute(select(Document.id, Document.name, Document.text, Document.sha256, Document.meta)
                               .where(Document.id.in_(chunk)).order_by(Document.id))
        for doc_id, name, text, sha, meta in rows:
            voters = layers.get(doc_id, {})
            spans = majority_spans(voters)
            linked = {names[who]: found for (document, who), found in relations.items()
                      if document == doc_id and names[who] in voters}  # gold and suggestions do not vote
            yield LayerDocument(doc_id, name, text, sha, meta, MAJORITY, spans,
                                relations=majority_relations(linked, len(voters), spans))
