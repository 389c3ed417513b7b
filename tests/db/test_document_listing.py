"""The document list's read (``list_documents``), on both backends: every document in id order with each
annotator's span count and status, documents nobody touched with none."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document, list_documents
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.db.status import set_status


def test_each_document_with_every_annotators_span_count_and_status(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        texts = ["泸州市统战工作报告", "吉林市工作总结", "没有人标注的报告"]
        ids = [add_document(session, SourceDocument(name=f"{i}.txt", text=t, source=""))[0].id
               for i, t in enumerate(texts)]
        zhang, li = ensure_annotator(session, "张三").id, ensure_annotator(session, "李四").id
        label = next(iter(label_ids(session).values()))
        add_span(session, ids[0], zhang, label, 0, 2, "泸州")
        add_span(session, ids[0], zhang, label, 2, 3, "市")
        add_span(session, ids[0], li, label, 0, 2, "泸州")
        add_span(session, ids[1], li, label, 0, 2, "吉林")
        set_status(session, ids[1], li, "done")
        set_status(session, ids[0], zhang, "in_progress")
    with sessions.begin() as session:
        rows = list_documents(session)
    assert [(r.id, r.name, r.length) for r in rows] == [(i, f"{n}.txt", len(t)) for n, (i, t) in
                                                        enumerate(zip(ids, texts, strict=True))]
    assert [r.span_counts for r in rows] == [{"张三": 2, "李四": 1}, {"李四": 1}, {}]
    assert [r.statuses for r in rows] == [{"张三": "in_progress"}, {"李四": "done"}, {}]
