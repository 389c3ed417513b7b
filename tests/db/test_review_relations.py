"""Relations in review (issue 16): into gold when both spans are there and the annotators agree, with the version
a reviewer takes, or by the reviewer's hand; out with their span; undone in the database; on SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument
from biaozhu.db.gold import gold_relations
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role
from biaozhu.db.review import accept, accept_agreed, adopt_layer, review_document, take_out, undo
from biaozhu.db.review_relations import accept_relation, take_out_relation
from biaozhu.db.spans import SpanRefused
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, REVIEWER, SHORT, TEXT

BELONGS, RESPONSIBLE = "所属项目", "责任机构"
TO_LOAN, LOAN_BY_BANK = Relation(MONEY, LOAN, BELONGS), Relation(LOAN, BANK, RESPONSIBLE)
TO_SHORT, BY_LIANHE = Relation(MONEY, SHORT, BELONGS), Relation(MONEY, LIANHE, RESPONSIBLE)
LAYERS = {"张三": ([BANK, LOAN, MONEY, LIANHE], [TO_LOAN, LOAN_BY_BANK, BY_LIANHE]),
          "李四": ([BANK, SHORT, MONEY, LIANHE], [TO_SHORT, BY_LIANHE])}


def store(session: Session, layers: dict[str, tuple[list, list[Relation]]]) -> int:
    for annotator, (spans, relations) in layers.items():
        store_documents(session, f"{annotator}.jsonl", [SourceDocument(
            name="report", text=TEXT, source="", spans=spans, annotator=annotator, relations=relations)])
    change_role(session, REVIEWER, REVIEWER, "reviewer")
    document = session.scalar(select(Document.id).where(Document.name == "report"))
    assert document is not None
    return document


@pytest.fixture
def document(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        return store(session, LAYERS)


def gold(sessions: sessionmaker[Session], document: int) -> set[tuple[Relation, str | None]]:
    with sessions() as session:
        return {(g.relation, g.origin) for g in gold_relations(session, document)}


def test_agreed_relations_go_in_with_their_spans_and_a_taken_version_brings_its_own(
        sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        decision = accept_agreed(session, document, REVIEWER)
    assert decision.linked == [(BY_LIANHE, None)]  # TO_LOAN and TO_SHORT wait for their programme
    assert gold(sessions, document) == {(BY_LIANHE, None)}
    with sessions.begin() as session:
        [boundary] = review_document(session, document).open
        taken = accept(session, document, REVIEWER, boundary, ["张三"])
    assert gold(sessions, document) == {(BY_LIANHE, None), (TO_LOAN, "张三"), (LOAN_BY_BANK, "张三")}
    with sessions.begin() as session:
        undo(session, REVIEWER, taken)
    assert gold(sessions, document) == {(BY_LIANHE, None)}


def test_a_span_taken_out_takes_its_relations_and_undo_brings_both_back(sessions: sessionmaker[Session],
                                                                        document: int) -> None:
    with sessions.begin() as session:
        accept_agreed(session, document, REVIEWER)
    with sessions.begin() as session:
        out = take_out(session, document, REVIEWER, LIANHE)
    assert [g.relation for g in out.unlinked] == [BY_LIANHE]
    assert gold(sessions, document) == set()
    with sessions.begin() as session:
        undo(session, REVIEWER, out)
    assert gold(sessions, document) == {(BY_LIANHE, None)}


def test_the_reviewer_takes_a_relation_out_or_accepts_one_annotator_s(sessions: sessionmaker[Session],
                                                                       document: int) -> None:
    with sessions.begin() as session:
        accept_agreed(session, document, REVIEWER)
        [boundary] = review_document(session, document).open
        accept(session, document, REVIEWER, boundary, ["李四"])  # SHORT: 李四's relation to it comes along
    assert gold(sessions, document) == {(BY_LIANHE, None), (TO_SHORT, "李四")}
    with sessions.begin() as session:
        take_out_relation(session, document, REVIEWER, BY_LIANHE)
    with sessions.begin() as session:
        accept_agreed(session, document, REVIEWER)  # as on opening the document again: it stays out
    assert gold(sessions, document) == {(TO_SHORT, "李四")}
    with sessions.begin() as session:
        with pytest.raises(SpanRefused, match="put both spans of the 所属项目 relation into gold first"):
            accept_relation(session, document, REVIEWER, TO_LOAN, "张三")
        accept_relation(session, document, REVIEWER, BY_LIANHE, "张三")
    assert gold(sessions, document) == {(BY_LIANHE, "张三"), (TO_SHORT, "李四")}


def test_an_adopted_layer_brings_its_relations(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document = store(session, {"gold@laptop": ([BANK, LOAN, MONEY], [TO_LOAN, LOAN_BY_BANK])})
        adopt_layer(session, REVIEWER, "gold@laptop")
    assert gold(sessions, document) == {(TO_LOAN, "gold@laptop"), (LOAN_BY_BANK, "gold@laptop")}
