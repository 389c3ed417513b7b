"""Suggest ▸ learns its dictionary from the training layers only (documents marked done, gold), counting each text's
labels, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.suggestions import DICTIONARY
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.db.status import set_status
from biaozhu.db.suggestions import Planner

DONE = "泸州银行与市工商联推出“酒城同心·金融速贷”。"
OPEN = "泸州银行的草稿：市工商联。"
NEW = "市工商联和泸州银行，又见“酒城同心·金融速贷”。"


def tag(session: Session, text: str, tags: list[tuple[str, str]], annotator: str) -> int:
    """A document with ``annotator``'s spans on the first occurrence of each (word, label)."""
    document = add_document(session, SourceDocument(name=f"{len(text)}-{annotator}.txt", text=text,
                                                    source="r.txt"))[0].id
    me, labels = ensure_annotator(session, annotator).id, label_ids(session)
    for word, label in tags:
        start = text.index(word)
        add_span(session, document, me, labels[label], start, start + len(word), word)
    return document


def test_the_dictionary_learns_done_documents_only_with_each_texts_usual_label(sessions: sessionmaker[Session]
                                                                                ) -> None:
    with sessions.begin() as session:
        done = tag(session, DONE, [("泸州银行", "ORGANIZATION"), ("市工商联", "ORGANIZATION"),
                                   ("酒城同心·金融速贷", "PROGRAM")], "张三")
        set_status(session, done, ensure_annotator(session, "张三").id, "done")
        tag(session, DONE, [("泸州银行", "PROGRAM")], "李四")  # in progress: teaches nothing
        for annotator, text, label in (("王五", OPEN, "PROGRAM"), ("赵六", DONE, "ORGANIZATION")):
            document = tag(session, text, [("市工商联", label)], annotator)
            set_status(session, document, ensure_annotator(session, annotator).id, "done")
    with sessions() as session:
        planner = Planner(session, [DICTIONARY])
    found = planner.plan(0, NEW).suggestions
    assert planner.learned == 3
    assert [(NEW[s.start:s.end], s.label, s.score) for s in found] == [
        ("市工商联", "ORGANIZATION", 0.833),  # twice ORGANIZATION, once PROGRAM: scored by its share
        ("泸州银行", "ORGANIZATION", 1.0), ("酒城同心·金融速贷", "PROGRAM", 1.0)]
