"""``biaozhu check``: every stored span against its document, in batches."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.db.models import Annotator, Document, Label, Span


def find_bad_spans(session: Session, batch: int = 200) -> Iterator[str]:
    """A sentence for each span whose range, surface text or label is wrong."""
    label_names = dict(session.execute(select(Label.id, Label.name)).all())
    annotators = dict(session.execute(select(Annotator.id, Annotator.name)).all())
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        texts = {i: (n, t) for i, n, t in session.execute(
            select(Document.id, Document.name, Document.text).where(Document.id.in_(chunk)))}
        spans = session.execute(select(Span.id, Span.document_id, Span.annotator_id, Span.label_id, Span.start,
                                       Span.end, Span.text).where(Span.document_id.in_(chunk))
                                .order_by(Span.document_id, Span.start))
        for span_id, doc_id, who, label_id, start, end, surface in spans:
            name, text = texts[doc_id]
            where = f"span {span_id} in document {doc_id} ({name}), {annotators.get(who, '?')}"
            if label_id not in label_names:
                yield f"{where}: label {label_id} does not exist"
            if not 0 <= start < end <= len(text):
                yield f"{where}: [{start}, {end}) is outside the text (length {len(text)})"
            elif text[start:end] != surface:
                yield f"{where}: stored text {surface!r} but the document has {text[start:end]!r} at [{start}, {end})"
