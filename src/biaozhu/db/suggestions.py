"""The ``suggestions`` layer: what the engines of :mod:`biaozhu.corpus.suggestions` propose, stored like any layer
so that it can be shown and exported (``--layer suggestions``), and left out of every export, review and agreement
that does not name it. Each span's note says which engine proposed it and how sure it was (``rules 0.9``)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.suggestions import Dictionary, Suggestion, suggest
from biaozhu.db.models import GOLD, SUGGESTIONS, Annotator, Document, DocumentStatus, Label, Span
from biaozhu.db.values import value_columns


@dataclass
class SuggestResult:
    documents: int = 0
    suggestions: int = 0
    learned: int = 0  # span texts the dictionary learned


def training_spans(session: Session, layers: Sequence[str] | None = None,
                   excluded: Collection[int] = ()) -> list[DomainSpan]:
    """What the dictionary learns from: the named layers' spans, else gold's and every annotator's spans on the
    documents they marked done; never on ``excluded`` documents (held out for evaluation)."""
    query = (select(Span.start, Span.end, Label.name, Span.text).join(Label, Label.id == Span.label_id)
             .join(Annotator, Annotator.id == Span.annotator_id).where(Annotator.name != SUGGESTIONS))
    if layers:
        query = query.where(Annotator.name.in_(layers))
    else:
        done = select(DocumentStatus.document_id).where(DocumentStatus.annotator_id == Span.annotator_id,
                                                        DocumentStatus.status.in_(("done", "adjudicated")))
        query = query.where((Annotator.name == GOLD) | Span.document_id.in_(done.scalar_subquery()))
    if excluded:
        query = query.where(Span.document_id.not_in(excluded))
    return [DomainSpan(*row) for row in session.execute(query)]


def documents_to_suggest(session: Session, ids: Collection[int] | None, batch: int = 200
                         ) -> Iterator[tuple[int, str]]:
    """(id, text) of the chosen documents (all when ``ids`` is None), a batch of texts in memory at a time."""
    every = list(session.scalars(select(Document.id).order_by(Document.id)))
    chosen = [i for i in every if ids is None or i in ids]
    for offset in range(0, len(chosen), batch):
        chunk = chosen[offset:offset + batch]
        rows = session.execute(select(Document.id, Document.text).where(Document.id.in_(chunk)).order_by(Document.id))
        yield from ((document_id, text) for document_id, text in rows)


def write_suggestions(session: Session, engines: Sequence[str], *, layers: Sequence[str] | None = None,
                      documents: Collection[int] | None = None) -> SuggestResult:
    """Replace the suggestions of ``documents`` (all by default) with what ``engines`` propose now."""
    result = SuggestResult()
    known = training_spans(session, layers)
    result.learned = len({span.text for span in known})
    dictionary = Dictionary(known)
    labels = dict(session.execute(select(Label.name, Label.id)).all())
    layer = session.scalar(select(Annotator).where(Annotator.name == SUGGESTIONS))
    if layer is None:
        layer = Annotator(name=SUGGESTIONS, role="annotator")
        session.add(layer)
        session.flush()
    for document_id, text in documents_to_suggest(session, documents):
        session.execute(delete(Span).where(Span.document_id == document_id, Span.annotator_id == layer.id))
        found: list[Suggestion] = [s for s in suggest(text, engines, dictionary, labels) if s.label in labels]
        if found:
            session.execute(insert(Span), [
                {"document_id": document_id, "annotator_id": layer.id, "label_id": labels[s.label], "start": s.start,
                 "end": s.end, "text": text[s.start:s.end], "note": f"{s.engine} {s.score}",
                 **value_columns(s.label, text[s.start:s.end])} for s in found])
        result.documents += 1
        result.suggestions += len(found)
    return result
