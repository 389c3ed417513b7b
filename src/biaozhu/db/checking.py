"""``biaozhu check``: every rule the store relies on and the database cannot enforce, checked in batches.

Documents: the stored length and sha256 are those of the text (merge and dedup trust the sha256), and the
text is normalised (LF line breaks, no BOM). Spans: the label and annotator exist, the range lies inside the
text, the stored surface text is the document's there, a layer holds no span twice and no two spans that
cross (spans may nest). Relations: both spans are in the relation's own document and layer (the database only
knows that they exist).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.spans import find_crossings
from biaozhu.db.documents import text_sha256
from biaozhu.db.models import Annotator, Document, Label, Relation, Span


def _document_problems(doc_id: int, name: str, text: str, length: int, sha256: str) -> Iterator[str]:
    where = f"document {doc_id} ({name})"
    if length != len(text):
        yield f"{where}: stored length {length} but its text has {len(text)} characters"
    if sha256 != text_sha256(text):
        yield f"{where}: stored sha256 {sha256[:12]}… is not its text's {text_sha256(text)[:12]}…"
    if "\r" in text or text.startswith("\ufeff"):
        yield f"{where}: the text is not normalised (a CR line break or a BOM)"


def _layer_problems(where: str, spans: list[tuple[int, DomainSpan]]) -> Iterator[str]:
    """Twice the same span, and crossing pairs, in one layer of one document."""
    ids: dict[DomainSpan, list[int]] = {}
    for span_id, span in spans:
        ids.setdefault(span, []).append(span_id)
    for span, same in ids.items():
        if len(same) > 1:
            yield (f"{where}: spans {', '.join(map(str, same))} are the same span [{span.start}, {span.end}) "
                   f"{span.label} {span.text!r}")
    first_id = {span: same[0] for span, same in ids.items()}
    for a, b in find_crossings(list(ids)):
        yield (f"{where}: span {first_id[a]} [{a.start}, {a.end}) {a.label} {a.text!r} crosses span {first_id[b]} "
               f"[{b.start}, {b.end}) {b.label} {b.text!r}")


def _relation_problems(session: Session, document_ids: list[int]) -> Iterator[str]:
    source, target = aliased(Span), aliased(Span)
    rows = session.execute(select(Relation.id, Relation.document_id, Relation.annotator_id, source.document_id,
                                  source.annotator_id, target.document_id, target.annotator_id)
                           .join(source, source.id == Relation.from_span_id)
                           .join(target, target.id == Relation.to_span_id)
                           .where(Relation.document_id.in_(document_ids)).order_by(Relation.id))
    for relation_id, document_id, annotator_id, *ends in rows:
        if ends != [document_id, annotator_id, document_id, annotator_id]:
            yield (f"relation {relation_id} in document {document_id}: its spans are not both in that document "
                   "and layer")


def find_problems(session: Session, batch: int = 200) -> Iterator[str]:
    """A sentence for each broken rule: document text, span range, surface text, label, duplicate, crossing."""
    label_names = dict(session.execute(select(Label.id, Label.name)).all())
    annotators = dict(session.execute(select(Annotator.id, Annotator.name)).all())
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        texts: dict[int, tuple[str, str]] = {}
        for doc_id, name, text, length, sha256 in session.execute(
                select(Document.id, Document.name, Document.text, Document.length, Document.sha256)
                .where(Document.id.in_(chunk)).order_by(Document.id)):
            texts[doc_id] = (name, text)
            yield from _document_problems(doc_id, name, text, length, sha256)
        layers: dict[tuple[int, int], list[tuple[int, DomainSpan]]] = {}
        spans = session.execute(select(Span.id, Span.document_id, Span.annotator_id, Span.label_id, Span.start,
                                       Span.end, Span.text).where(Span.document_id.in_(chunk))
                                .order_by(Span.document_id, Span.start, Span.id))
        for span_id, doc_id, who, label_id, start, end, surface in spans:
            name, text = texts[doc_id]
            where = f"span {span_id} in document {doc_id} ({name}), {annotators.get(who, '?')}"
            if label_id not in label_names:
                yield f"{where}: label {label_id} does not exist"
            if who not in annotators:
                yield f"{where}: annotator {who} does not exist"
            if not 0 <= start < end <= len(text):
                yield f"{where}: [{start}, {end}) is outside the text (length {len(text)})"
            elif text[start:end] != surface:
                yield f"{where}: stored text {surface!r} but the document has {text[start:end]!r} at [{start}, {end})"
            label = label_names.get(label_id, f"label {label_id}")
            layers.setdefault((doc_id, who), []).append((span_id, DomainSpan(start, end, label, surface)))
        for (doc_id, who), layer in layers.items():
            where = f"document {doc_id} ({texts[doc_id][0]}), {annotators.get(who, '?')}'s layer"
            yield from _layer_problems(where, layer)
        yield from _relation_problems(session, chunk)

