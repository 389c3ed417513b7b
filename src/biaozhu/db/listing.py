"""The document list as plain rows, read on any DB-API cursor: the project session's driver's
(:func:`biaozhu.db.documents.list_documents`) or, before SQLAlchemy is loaded, the first look's sqlite3 one
(:func:`biaozhu.db.first_look.read_first_list`). Plain SQL, one text for both."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from biaozhu.db.rows import DocumentSummary

V = TypeVar("V")


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic garbage collection while many objects without cycles are made; then as it was. Only the one that
    paused collections starts them again, so that a thread pausing them within another's pause (the app pauses
    them while it starts) leaves them paused."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


LISTING = (  # grouped by annotator id in the order of the layer index: grouped by name, SQLite sorted 1M spans
    "SELECT id, name FROM annotators",
    "SELECT document_id, annotator_id, count(*) FROM spans GROUP BY document_id, annotator_id",
    "SELECT document_id, annotator_id, status FROM document_status",
    "SELECT id, name, length FROM documents ORDER BY id",
)


def listed(cursor: Any) -> list[DocumentSummary]:
    """Every document with span counts and status per annotator, in two grouped queries on ``cursor`` (a DB-API
    cursor: the session's driver's, or the first look's sqlite3 one), each query's rows fetched at once. The cyclic
    collector is paused meanwhile: the 400,000 rows, dicts and summaries made here hold no cycles, and the
    collections their allocations set off walked them again and again (0.1 s of 0.35 s at 100,000 documents)."""
    with collections_paused():
        found = []
        for query in LISTING:
            cursor.execute(query)
            found.append(cursor.fetchall())
        annotators, span_counts, status_rows, documents = found
        names: dict[int, str] = dict(annotators)
        counts: dict[int, dict[str, int]] = _per_document(names, span_counts)
        statuses: dict[int, dict[str, str]] = _per_document(names, status_rows)
        uncounted: dict[str, int] = {}  # shared by the documents nobody annotated (summaries are never changed)
        unmarked: dict[str, str] = {}
        return [DocumentSummary(i, n, length, counts.get(i, uncounted), statuses.get(i, unmarked))
                for i, n, length in documents]


def _per_document(names: dict[int, str], rows: Sequence[tuple[int, int, V]]) -> dict[int, dict[str, V]]:
    """Document id -> {annotator: value}. Documents of one annotator with the same value share one dict (summaries
    are never changed in place): most documents have one layer, and 100,000 dicts of one item cost 10 ms more."""
    found: dict[int, dict[str, V]] = {}
    alone: dict[tuple[int, V], dict[str, V]] = {}
    for doc_id, who, value in rows:
        have = found.get(doc_id)
        if have is not None:
            found[doc_id] = {**have, names[who]: value}
            continue
        one = alone.get((who, value))
        if one is None:
            one = alone[who, value] = {names[who]: value}
        found[doc_id] = one
    return found
