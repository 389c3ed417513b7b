"""One annotator's desktop among several under the same name, adding, resizing and deleting spans on the first
40 characters of one document as fast as it can, all starting at the same moment
(``python same_layer_worker.py URL NAME EDITS SEED START``, START a time.time() to wait for).

Run by tests/db/test_same_layer_race.py. Every refusal (crossing, twin, the same change elsewhere) is expected; what
must never happen is two of the layer's spans crossing. Before each edit the worker looks at the layer, and it
prints how many times it saw a crossing pair, and how many spans it added, as JSON on its last line.
"""

from __future__ import annotations

import random
import sys
import time

import orjson
from sqlalchemy import select

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.spans import find_crossings
from biaozhu.db.annotators import get_annotator
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.models import Document, Span
from biaozhu.db.spans import SpanRefused, add_span, remove_span, resize_span

REACH, KEPT = 40, 5


def main(url: str, name: str, edits: int, seed: int, start_at: float) -> None:
    rng = random.Random(seed)
    engine = create_project_engine(url)
    sessions = session_factory(engine)
    with sessions() as session:
        document_id, text = session.execute(select(Document.id, Document.text).order_by(Document.id)).one()
        annotator = get_annotator(session, name)
        assert annotator is not None
    seen = added = 0
    time.sleep(max(0.0, start_at - time.time()))
    for _ in range(edits):
        start = rng.randrange(REACH - 1)
        end = rng.randrange(start + 1, min(REACH, start + 9) + 1)
        try:
            with storage_errors(), sessions.begin() as session:
                layer = {span_id: DomainSpan(s, e, "L", "") for span_id, s, e in session.execute(
                    select(Span.id, Span.start, Span.end).where(Span.document_id == document_id,
                                                                Span.annotator_id == annotator.id))}
                seen += bool(find_crossings(list(layer.values())))
                roll = rng.random()
                if len(layer) > KEPT and roll < 0.5:
                    remove_span(session, rng.choice(list(layer)))
                elif layer and roll < 0.6:
                    resize_span(session, rng.choice(list(layer)), start, end, text[start:end])
                else:
                    add_span(session, document_id, annotator.id, 1, start, end, text[start:end])
                    added += 1
        except (SpanRefused, StorageError):
            continue
    engine.dispose()
    print(orjson.dumps({"crossings_seen": seen, "added": added}).decode())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
