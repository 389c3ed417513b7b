"""Storing what a reader parsed: documents deduplicated by text, spans merged into their layers.

The caller wraps one file in one transaction, so a file is stored whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.spans import check_span, find_crossings
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.audit import record
from biaozhu.db.documents import add_document, lock_layer
from biaozhu.db.labels import add_labels, label_ids
from biaozhu.db.models import Label, Span
from biaozhu.db.permissions import is_reserved, merged_layer
from biaozhu.db.status import touch
from biaozhu.db.values import value_columns


@dataclass
class ImportResult:
    """What one file added, and what was already there."""

    documents_added: int = 0
    documents_known: int = 0
    spans_added: int = 0
    spans_known: int = 0
    labels_created: list[str] = field(default_factory=list)


class MissingLabels(InputError):
    """The file uses labels the project does not have (and --create-labels was not given)."""

    def __init__(self, path: str, names: set[str]) -> None:
        self.names = sorted(names)
        shown = ", ".join(name[:40] for name in self.names[:10])
        more = f" and {len(self.names) - 10} more" if len(self.names) > 10 else ""
        super().__init__(path, f"{len(self.names)} labels the project does not have: {shown}{more} "
                               "(add them with `biaozhu labels add` or import with --create-labels)")


def _layer(session: Session, document_id: int, annotator_id: int) -> list[DomainSpan]:
    rows = session.execute(select(Span.start, Span.end, Label.name, Span.text).join(Label)
                           .where(Span.document_id == document_id, Span.annotator_id == annotator_id))
    return [DomainSpan(*row) for row in rows]


def _rename_reserved(path: str, documents: Sequence[SourceDocument]) -> None:
    """The file's gold (majority, suggestions) layer becomes ``gold@FILE``; the first such document says so."""
    told = False
    for source in documents:
        if source.annotator and is_reserved(source.annotator):
            layer = merged_layer(source.annotator, path)
            if not told and layer != source.annotator:
                source.notes.append(f"{path}: its {source.annotator} layer was imported as the layer {layer} (gold is "
                                    f"written only by reviewers; one adopts it with `biaozhu review adopt {layer} "
                                    "--reviewer NAME`)")
                told = True
            source.annotator = layer


def store_documents(session: Session, path: str, documents: Sequence[SourceDocument], *,
                    create_labels: bool = False, actor: str | None = None) -> ImportResult:
    """Store one file's documents and spans; raises InputError (and stores nothing) on any conflict. A layer with
    a reserved name (the file's gold) is stored as ``gold@FILE``, which a reviewer may adopt: gold is written
    by reviewers' decisions only. Logged as ``actor``'s import."""
    result = ImportResult()
    _rename_reserved(path, documents)
    labels = label_ids(session)
    missing = {span.label for doc in documents for span in doc.spans} - labels.keys()
    if missing and not create_labels:
        raise MissingLabels(path, missing)
    for label in add_labels(session, sorted(missing)):
        labels[label.name] = label.id
        result.labels_created.append(label.name)
    rows: list[dict[str, object]] = []
    # Each layer as it stands with this file's spans so far: a file may hold one text for one annotator on several
    # lines (or Label Studio annotations), and their spans must not cross or double each other either.
    layers: dict[tuple[int, int], list[DomainSpan]] = {}
    for source in documents:
        document, created = add_document(session, source)
        result.documents_added += created
        result.documents_known += not created
        if not source.spans:
            continue
        assert source.annotator, "readers give every span an annotator"
        annotator = ensure_annotator(session, source.annotator)
        for span in source.spans:  # readers check too; storage never trusts its caller with the invariant
            check_span(document.text, span, path, source.line)
        key = (document.id, annotator.id)
        if key not in layers:
            lock_layer(session, document.id, annotator.id)  # the same annotator may be adding spans right now
            layers[key] = _layer(session, document.id, annotator.id) if not created else []
        existing = layers[key]
        known = set(existing)
        new = [span for span in dict.fromkeys(source.spans) if span not in known]
        result.spans_known += len(source.spans) - len(new)
        crossing = find_crossings(existing + new)
        if crossing:
            a, b = crossing[0]
            raise InputError(path, f"{a.label} {a.text!r} [{a.start}, {a.end}) would cross {annotator.name}'s "
                                   f"{b.label} {b.text!r} [{b.start}, {b.end}) in {document.name} (in the project "
                                   "or elsewhere in this file)", source.line)
        existing.extend(new)
        rows.extend({"document_id": document.id, "annotator_id": annotator.id, "label_id": labels[s.label],
                     "start": s.start, "end": s.end, "text": s.text, "note": "", **value_columns(s.label, s.text)}
                    for s in new)
        result.spans_added += len(new)
        if new:
            touch(session, document.id, annotator.id)
    if rows:
        session.execute(insert(Span), rows)
    into = sorted({source.annotator for source in documents if source.spans and source.annotator})
    record(session, actor, "import", f"{path}: {result.documents_added} documents, {result.spans_added} spans"
                                     + (f" into {', '.join(into)}" if into else ""))
    return result
