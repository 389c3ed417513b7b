"""The ``suggestions`` layer: what the engines of :mod:`biaozhu.corpus.suggestions` propose, stored like any layer
so that it can be shown and exported (``--layer suggestions``), and left out of every export, review and agreement
that does not name it. Each span's note says which engine proposed it and how sure it was (``rules 0.9``).

The annotator decides each suggestion: accepting moves it into their layer (the span's note says ``from suggestion
rules 0.9``), rejecting keeps it in this layer with its note starting ``rejected``, so that computing the suggestions
again does not bring it back (no other table needed). Both are undone exactly."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.suggestions import Dictionary, Suggestion, compatible, suggest
from biaozhu.db.models import GOLD, SUGGESTIONS, Annotator, Document, DocumentStatus, Label, Span
from biaozhu.db.spans import SpanRefused, add_span, remove_span

REJECTED = "rejected "  # how a rejected suggestion's note starts
FROM_SUGGESTION = "from suggestion "  # how an accepted span's note starts, followed by the suggestion's note
GONE = "the suggestion is gone (decided or computed again elsewhere)"


@dataclass
class SuggestResult:
    documents: int = 0
    suggestions: int = 0
    learned: int = 0  # span texts the dictionary learned


@dataclass(frozen=True, slots=True)
class StoredSuggestion:
    id: int
    start: int
    end: int
    label_id: int
    text: str
    note: str  # ENGINE SCORE

    @property
    def engine(self) -> str:
        return self.note.rpartition(" ")[0]

    @property
    def score(self) -> float:
        try:
            return float(self.note.rpartition(" ")[2])
        except ValueError:  # a note written by hand or by another program
            return 0.0


def suggestion_layer(session: Session) -> int:
    """The id of the suggestions layer, made on first use."""
    layer_id = session.scalar(select(Annotator.id).where(Annotator.name == SUGGESTIONS))
    if layer_id is None:
        layer = Annotator(name=SUGGESTIONS, role="annotator")
        session.add(layer)
        session.flush()
        layer_id = layer.id
    return layer_id


def open_suggestions(session: Session, document_id: int) -> list[StoredSuggestion]:
    """The document's suggestions nobody has decided yet, by position."""
    layer = select(Annotator.id).where(Annotator.name == SUGGESTIONS).scalar_subquery()
    rows = session.execute(select(Span.id, Span.start, Span.end, Span.label_id, Span.text, Span.note).where(
        Span.document_id == document_id, Span.annotator_id == layer, Span.note.not_like(f"{REJECTED}%"))
        .order_by(Span.start, Span.end.desc(), Span.id))
    return [StoredSuggestion(*row) for row in rows]


def accept_suggestion(session: Session, suggestion: StoredSuggestion, document_id: int, annotator_id: int,
                      label_id: int, start: int, end: int, text: str) -> int:
    """Make ``[start, end)`` a span of the annotator's layer (the suggestion's range and label, or the annotator's
    correction of them) and take the suggestion out of its layer; returns the new span's id."""
    if session.scalar(select(Span.id).where(Span.id == suggestion.id)) is None:
        raise SpanRefused(GONE)
    span_id = add_span(session, document_id, annotator_id, label_id, start, end, text)  # checks before it writes
    session.execute(update(Span).where(Span.id == span_id).values(note=FROM_SUGGESTION + suggestion.note))
    session.execute(delete(Span).where(Span.id == suggestion.id))
    return span_id


def unaccept_suggestion(session: Session, span_id: int, suggestion: StoredSuggestion, document_id: int) -> int:
    """Undo :func:`accept_suggestion`: the span goes, the suggestion is back (under a new id, returned)."""
    remove_span(session, span_id)
    return _put_back(session, suggestion, document_id)


def _put_back(session: Session, suggestion: StoredSuggestion, document_id: int) -> int:
    span = Span(document_id=document_id, annotator_id=suggestion_layer(session), label_id=suggestion.label_id,
                start=suggestion.start, end=suggestion.end, text=suggestion.text, note=suggestion.note)
    session.add(span)
    session.flush()
    return span.id


def reject_suggestion(session: Session, suggestion_id: int, rejected: bool = True) -> None:
    """Mark a suggestion rejected (or, undoing that, open again): it stays where it is, out of sight."""
    note = session.scalar(select(Span.note).where(Span.id == suggestion_id))
    if note is None or note.startswith(REJECTED) == rejected:
        raise SpanRefused(GONE)
    session.execute(update(Span).where(Span.id == suggestion_id)
                    .values(note=REJECTED + note if rejected else note.removeprefix(REJECTED)))


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
    layer = suggestion_layer(session)
    for document_id, text in documents_to_suggest(session, documents):
        mine = (Span.document_id == document_id) & (Span.annotator_id == layer)
        rejected = session.execute(select(Span.start, Span.end, Span.label_id)
                                   .where(mine, Span.note.like(f"{REJECTED}%"))).all()
        session.execute(delete(Span).where(mine, Span.note.not_like(f"{REJECTED}%")))
        decided = {tuple(row) for row in rejected}
        found: list[Suggestion] = [s for s in compatible(suggest(text, engines, dictionary, labels),
                                                         [(start, end) for start, end, _ in rejected])
                                   if s.label in labels and (s.start, s.end, labels[s.label]) not in decided]
        if found:
            session.execute(insert(Span), [
                {"document_id": document_id, "annotator_id": layer, "label_id": labels[s.label], "start": s.start,
                 "end": s.end, "text": text[s.start:s.end], "note": f"{s.engine} {s.score}"} for s in found])
        result.documents += 1
        result.suggestions += len(found)
    return result
