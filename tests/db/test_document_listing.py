"""The document list's read (``list_documents``), on both backends: every document in id order with each
annotator's span count and status, documents nobody touched with none."""

from __future__ import annotations

import gc

from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document, list_documents, store_sources
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


def test_a_long_list_is_read_without_cyclic_collections_which_resume_after(sessions: sessionmaker[Session]) -> None:
    """The rows of a long list hold no cycles: collections set off by making them only walked them again and
    again (0.1 s of 0.35 s at 100,000 documents). Paused for the read, then on again, as they were."""
    with sessions.begin() as session:
        store_sources(session, [SourceDocument(name=f"{i}.txt", text=f"第{i}号报告", source="") for i in range(3000)])
    collections: list[int] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(collected)
    try:
        with sessions.begin() as session:
            gc.collect()  # a fresh count of allocations: none set off before the read
            collections.clear()
            assert len(list_documents(session)) == 3000
            assert len(collections) <= 1  # the one its allocations set off once collections are on again
        assert gc.isenabled()
        gc.disable()  # paused by someone else (the app while it starts): left paused
        with sessions.begin() as session:
            list_documents(session)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(collected)
