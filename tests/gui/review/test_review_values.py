"""Review mode shows each version's METRIC value and gold's beside the span (issue 16), and opening a document puts
the relations every annotator agrees on into gold with the agreed spans."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument
from biaozhu.db.gold import gold_relations
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document, Label
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import change_role
from biaozhu.db.values import set_value
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, LOAN, MONEY, REVIEWER, TEXT

TO_LOAN = Relation(MONEY, LOAN, "所属项目")


def test_values_show_beside_each_version_and_gold_and_agreed_relations_enter_gold(
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow], sessions: sessionmaker[Session],
        settings_in: object) -> None:
    with sessions.begin() as session:
        for name in ("张三", "李四"):
            store_documents(session, f"{name}.jsonl", [SourceDocument(
                name="report", text=TEXT, source="", spans=[BANK, LOAN, MONEY], annotator=name, relations=[TO_LOAN])])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
        zhang = session.scalar(select(SpanRow.id).join(Label).where(Label.name == "METRIC").order_by(SpanRow.id))
        set_value(session, zhang, "37800000000")  # 张三 corrects the figure by hand; 李四 keeps 377亿元 as read
        document = session.scalar(select(Document.id))
    window = open_review(sessions, REVIEWER)
    lines = window.view.describe_at(MONEY.start)
    assert any(line.startswith("1 张三: METRIC") and line.endswith("37800000000 元") for line in lines), lines
    assert any(line.startswith("2 李四: METRIC") and line.endswith("37700000000 元") for line in lines), lines
    assert any(line.startswith("gold: METRIC") and line.endswith("37700000000 元") for line in lines), lines
    with sessions() as session:
        assert [g.relation for g in gold_relations(session, document)] == [TO_LOAN]
