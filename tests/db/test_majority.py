"""The majority layer: more than half of those who annotated a document, gold not voting."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.importing import store_documents
from biaozhu.db.labels import label_ids
from biaozhu.db.majority import iter_majority
from biaozhu.db.models import Document
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import change_role
from biaozhu.db.review import draw
from biaozhu.db.status import set_status
from luzhou_sample import BANK, LOAN, MONEY, MONEY_AS_PROGRAM, TEXT, span, store_layer


def test_more_than_half_of_those_who_annotated(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        store_layer(session, "A", [BANK, LOAN, MONEY])
        store_layer(session, "B", [BANK, LOAN])
        store_layer(session, "C", [BANK, MONEY_AS_PROGRAM])
        change_role(session, "R", "R", "reviewer")
        report = session.scalar(select(Document.id).where(Document.name == "report"))
        draw(session, report, "R", MONEY.start, MONEY.end, MONEY.label)  # gold does not vote
        store_layer(session, "A", [BANK], text="泸州银行的第二份报告", name="second")
        store_documents(session, "f", [SourceDocument(name="untouched", text="没人标注", source="")])
    with sessions.begin() as session:
        # D annotated the second report and found nothing: A's 泸州银行 has 1 vote of 2, not more than half.
        second = session.scalar(select(Document.id).where(Document.name == "second"))
        set_status(session, second, ensure_annotator(session, "D").id, "done")
    with sessions() as session:
        layers = {layer.name: layer for layer in iter_majority(session, batch=2)}
    assert {name: layer.spans for name, layer in layers.items()} == {
        "report": [BANK, LOAN], "second": [], "untouched": []}  # 377亿元: METRIC 1 vote, PROGRAM 1 vote of 3
    assert {layer.annotator for layer in layers.values()} == {"majority"}
    assert layers["report"].text == TEXT and len(layers["report"].sha256) == 64


def test_spans_that_cross_keep_more_votes_then_the_longer(sessions: sessionmaker[Session]) -> None:
    # Layers written before spans were checked may cross; the majority layer must not.
    with sessions.begin() as session:
        store_layer(session, "A", [])
        document = session.scalar(select(Document.id))
        labels = label_ids(session)
        for who in ("A", "B", "C"):
            annotator = ensure_annotator(session, who).id
            both = ["泸州银行发放", "行发放酒城同心"]
            picks = {"A": both, "B": both, "C": ["行发放酒城同心"]}
            for surface in picks[who]:
                found = span(surface, "PROGRAM")
                session.add(SpanRow(document_id=document, annotator_id=annotator, label_id=labels["PROGRAM"],
                                    start=found.start, end=found.end, text=surface))
    with sessions() as session:
        [layer] = iter_majority(session)
    assert layer.spans == [span("行发放酒城同心", "PROGRAM")]  # 3 votes beat 2
    with sessions.begin() as session:
        session.execute(SpanRow.__table__.delete().where(SpanRow.text == "行发放酒城同心",
                                                         SpanRow.annotator_id == ensure_annotator(session, "C").id))
    with sessions() as session:
        [layer] = iter_majority(session)
    assert layer.spans == [span("行发放酒城同心", "PROGRAM")]  # 2 votes each: the longer stays


def test_a_relation_more_than_half_have_between_majority_spans_is_in(sessions: sessionmaker[Session]) -> None:
    owner, funded = Relation(MONEY, LOAN, "所属项目"), Relation(LOAN, BANK, "责任机构")
    with sessions.begin() as session:
        for who, relations in (("A", [owner, funded]), ("B", [owner]), ("C", [funded])):
            store_documents(session, f"{who}.jsonl", [SourceDocument(
                name="report", text=TEXT, source="", spans=[BANK, LOAN, MONEY], annotator=who, relations=relations)])
        store_layer(session, "D", [BANK, LOAN])  # votes for the spans it has, and against every relation
    with sessions() as session:
        [layer] = iter_majority(session)
    assert layer.spans == [BANK, LOAN, MONEY]  # 3 or 4 votes of 4
    assert layer.relations == []  # 2 votes of 4 each: not more than half
    with sessions.begin() as session:
        store_documents(session, "E.jsonl", [SourceDocument(name="report", text=TEXT, source="", annotator="E",
                                                            spans=[BANK, LOAN, MONEY], relations=[owner])])
    with sessions() as session:
        [layer] = iter_majority(session)
    assert layer.relations == [owner]  # 3 votes of 5; 责任机构 has 2
