"""The ``suggestions`` layer: what the engines of :mod:`biaozhu.corpus.suggestions` propose, stored like any layer
so that it can be shown and exported (``--layer suggestions``), and left out of every export, review and agreement
that does not name it. Each span's note says which engine proposed it and how sure it was (``rules 0.9``).

The annotator decides each suggestion: accepting moves it into their layer (the span's note says ``from suggestion
rules 0.9``), rejecting keeps it in this layer with its note starting ``rejected``, so that computing the suggestions
again does not bring it back (no other table needed). Both are undone exactly."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Select, delete, insert, select, union, update
from sqlalchemy.orm import Session, aliased

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.suggestions import Dictionary, Example, Proposer, Suggestion, compatible, suggest
from biaozhu.db.models import (
    FROM_SUGGESTION,
    GOLD,
    REJECTED,
    SUGGESTIONS,
    Annotator,
    Document,
    DocumentStatus,
    Label,
    Span,
)
from biaozhu.db.spans import SpanRefused, add_span, remove_span
from biaozhu.db.values import value_columns

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


def open_suggestions(session: Session, document_id: int, annotator_id: int | None = None,
                     within: tuple[int, int] | None = None) -> list[StoredSuggestion]:
    """The document's suggestions nobody has decided yet, by position; with ``annotator_id``, not those that
    annotator has tagged already (same range and label); with ``within``, only those starting in that range."""
    layer = select(Annotator.id).where(Annotator.name == SUGGESTIONS).scalar_subquery()
    query = select(Span.id, Span.start, Span.end, Span.label_id, Span.text, Span.note).where(
        Span.document_id == document_id, Span.annotator_id == layer, Span.note.not_like(f"{REJECTED}%"))
    if within is not None:
        query = query.where(Span.start >= within[0], Span.start < within[1])
    if annotator_id is not None:
        own = aliased(Span)
        query = query.where(~select(own.id).where(
            own.document_id == document_id, own.annotator_id == annotator_id, own.start == Span.start,
            own.end == Span.end, own.label_id == Span.label_id).exists())
    rows = session.execute(query.order_by(Span.start, Span.end.desc(), Span.id))
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


def _training_layers(layers: Sequence[str] | None, excluded: Collection[int]) -> Select[int, int]:
    """(document, layer) pairs the engines learn from: the named layers' documents, else gold's and every
    annotator's documents marked done (a done document without spans teaches too); never ``excluded``
    documents (held out for evaluation)."""
    if layers:
        pairs = (select(Span.document_id, Span.annotator_id).join(Annotator, Annotator.id == Span.annotator_id)
                 .where(Annotator.name.in_(layers), Annotator.name != SUGGESTIONS).subquery())
    else:
        pairs = union(select(DocumentStatus.document_id, DocumentStatus.annotator_id)
                      .where(DocumentStatus.status.in_(("done", "adjudicated"))),
                      select(Span.document_id, Span.annotator_id).join(Annotator, Annotator.id == Span.annotator_id)
                      .where(Annotator.name == GOLD)).subquery()
    document, layer = pairs.c
    return select(document, layer).where(document.not_in(excluded)).distinct()


def training_texts(session: Session, layers: Sequence[str] | None = None,
                   excluded: Collection[int] = ()) -> Counter[tuple[str, str]]:
    """What the dictionary learns from: how many spans of :func:`_training_layers` have each (text, label). Read
    as the driver's plain rows and counted by C: a team project's million spans in 1.1 s (ORM rows: 2.8 s)."""
    pairs = _training_layers(layers, excluded).subquery()
    result = session.connection().execute(
        select(Span.text, Label.name).join(Label, Label.id == Span.label_id)
        .join(pairs, (pairs.c[0] == Span.document_id) & (pairs.c[1] == Span.annotator_id)))
    counts: Counter[tuple[str, str]] = Counter()
    for rows in iter(lambda: result.cursor.fetchmany(10_000), []):
        counts.update(rows)
    result.close()
    return counts


def training_examples(session: Session, layers: Sequence[str] | None = None,
                      excluded: Collection[int] = ()) -> list[Example]:
    """What the model learns from: each text with one training layer's spans on it."""
    chosen = _training_layers(layers, excluded)
    pairs = sorted((int(document), int(layer)) for document, layer in session.execute(chosen))
    chosen_pairs = chosen.subquery()
    spans: dict[tuple[int, int], list[DomainSpan]] = defaultdict(list)
    for document_id, annotator_id, start, end, label, text in session.execute(
            select(Span.document_id, Span.annotator_id, Span.start, Span.end, Label.name, Span.text)
            .join(Label, Label.id == Span.label_id)
            .join(chosen_pairs, (chosen_pairs.c[0] == Span.document_id) & (chosen_pairs.c[1] == Span.annotator_id))):
        spans[document_id, annotator_id].append(DomainSpan(start, end, label, text))
    texts = dict(documents_to_suggest(session, {document for document, _ in pairs}))
    return [Example(texts[document], spans[document, layer]) for document, layer in pairs if document in texts]


def documents_to_suggest(session: Session, ids: Collection[int] | None, batch: int = 200
                         ) -> Iterator[tuple[int, str]]:
    """(id, text) of the chosen documents (all when ``ids`` is None), a batch of texts in memory at a time."""
    every = list(session.scalars(select(Document.id).order_by(Document.id)))
    chosen = [i for i in every if ids is None or i in ids]
    for offset in range(0, len(chosen), batch):
        chunk = chosen[offset:offset + batch]
        rows = session.execute(select(Document.id, Document.text).where(Document.id.in_(chunk)).order_by(Document.id))
        yield from ((document_id, text) for document_id, text in rows)


@dataclass(frozen=True, slots=True)
class Planned:
    """One document's suggestions as computed, before they are stored."""

    document_id: int
    suggestions: list[Suggestion]
    texts: list[str]  # what each covers


class Planner:
    """The engines, with what the dictionary learned and the project's labels, read once."""

    def __init__(self, session: Session, engines: Sequence[str], layers: Sequence[str] | None = None,
                 model: Proposer | None = None) -> None:
        self.dictionary = Dictionary(training_texts(session, layers))
        self.learned = len(self.dictionary)
        self.engines, self.model = engines, model
        self.labels: dict[str, int] = dict(session.execute(select(Label.name, Label.id)).all())

    def plan(self, document_id: int, text: str, start: int = 0, end: int | None = None) -> Planned:
        """The suggestions of ``text[start:end]`` (offsets into the whole text): the window computes a long
        report's in parts, what is on screen first (:mod:`biaozhu.corpus.suggestion_parts`)."""
        part = text[start:end]
        found = [replace(s, start=s.start + start, end=s.end + start)
                 for s in suggest(part, self.engines, self.dictionary, self.labels, self.model)
                 if s.label in self.labels]
        return Planned(document_id, found, [text[s.start:s.end] for s in found])


def store_suggestions(session: Session, planned: Planned) -> int:
    """Replace a document's undecided suggestions with ``planned``, leaving out those rejected (and those that
    would cross one); returns how many were stored."""
    rows = clear_suggestions(session, planned.document_id).rows(planned)
    insert_suggestions(session, rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class Cleared:
    """A document's suggestions layer once its undecided suggestions are removed: what new ones must respect."""

    layer: int
    labels: dict[str, int]
    rejected: list[tuple[int, int, int]]  # start, end, label id

    def rows(self, planned: Planned) -> list[dict[str, object]]:
        """The rows of ``planned`` to store: not those rejected, nor those that would cross one (computed outside
        any transaction: a 5 MB report's take a second)."""
        decided = set(self.rejected)
        ids = self.labels
        texts = {(s.start, s.end): text for s, text in zip(planned.suggestions, planned.texts, strict=True)}
        return [{"document_id": planned.document_id, "annotator_id": self.layer, "label_id": ids[s.label],
                 "start": s.start, "end": s.end, "text": texts[s.start, s.end], "note": f"{s.engine} {s.score}",
                 **value_columns(s.label, texts[s.start, s.end])}
                for s in compatible(planned.suggestions, [(start, end) for start, end, _ in self.rejected])
                if s.label in ids and (s.start, s.end, ids[s.label]) not in decided]


def clear_suggestions(session: Session, document_id: int) -> Cleared:
    """Remove a document's undecided suggestions, for :func:`insert_suggestions` to store new ones in the same
    transaction or in several short ones (the window's, so that an edit never waits long for a 5 MB report's)."""
    layer = suggestion_layer(session)
    labels = dict(session.execute(select(Label.name, Label.id)).all())  # a label may have gone meanwhile
    mine = (Span.document_id == document_id) & (Span.annotator_id == layer)
    rejected = [(start, end, label) for start, end, label in session.execute(
        select(Span.start, Span.end, Span.label_id).where(mine, Span.note.like(f"{REJECTED}%")))]
    session.execute(delete(Span).where(mine, Span.note.not_like(f"{REJECTED}%")))
    return Cleared(layer, labels, rejected)


def insert_suggestions(session: Session, rows: list[dict[str, object]]) -> None:
    if rows:
        session.execute(insert(Span), rows)


def write_suggestions(session: Session, engines: Sequence[str], *, layers: Sequence[str] | None = None,
                      documents: Collection[int] | None = None, model: Proposer | None = None) -> SuggestResult:
    """Replace the suggestions of ``documents`` (all by default) with what ``engines`` propose now (the model's
    when one is given: :mod:`biaozhu.operations.model` loads it)."""
    planner = Planner(session, engines, layers, model)
    result = SuggestResult(learned=planner.learned)
    for document_id, text in documents_to_suggest(session, documents):
        result.suggestions += store_suggestions(session, planner.plan(document_id, text))
        result.documents += 1
    return result
