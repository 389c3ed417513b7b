"""A review decision moves the change token in memory (issue 14): right after each kind of decision, its undo and
redo, before any read could have run, the poller's token is what the database says, and the token's whole
tables (70 ms at 1M spans) are not read again for it; with an annotation window open too, whose layer the poller
watches."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument
from biaozhu.db.changes import change_token
from biaozhu.db.comments import add_comment
from biaozhu.db.gold import gold_spans
from biaozhu.db.guidelines import pin_example
from biaozhu.db.importing import store_documents
from biaozhu.db.permissions import change_role
from biaozhu.gui.windows import Windows
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, MONEY_AS_PROGRAM, REVIEWER, SHORT, TEXT

TO_LOAN = Relation(MONEY, LOAN, "所属项目")


@pytest.mark.parametrize("annotating", [False, True])
def test_every_decision_moves_the_token_in_memory(
        qtbot: QtBot, sessions: sessionmaker[Session], open_windows: Callable[..., Windows], settings_in: object,
        annotating: bool) -> None:
    layers = {"张三": ([BANK, LOAN, MONEY], [TO_LOAN]), "李四": ([BANK, SHORT, MONEY, LIANHE], [])}
    with sessions.begin() as session:
        for name, (spans, relations) in layers.items():
            store_documents(session, f"{name}.jsonl", [SourceDocument(
                name="report", text="泸州银行发放酒城同心金融速贷377亿元，市工商联参与。", source="", spans=spans,
                annotator=name, relations=relations)])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
    windows = open_windows(sessions, REVIEWER, 3_600_000)  # no poll during the test
    if annotating:
        windows.annotate(1)
    window = windows.review()
    poller = windows.project.poller
    qtbot.waitUntil(lambda: poller.token is not None and not poller._reread.isActive())
    qtbot.wait(100)  # the read for opening the document, answered
    reads: list[str] = []
    checking = [False]

    def note(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        if "FROM spans" in statement and "FROM comments" in statement and not checking[0]:  # the token's read
            reads.append(statement)

    engine = sessions.kw["bind"]
    event.listen(engine, "before_cursor_execute", note)

    def token_is_stored() -> bool:
        checking[0] = True
        with sessions() as session:
            stored = change_token(session, poller.watched_layer())
        checking[0] = False
        return poller.token == stored

    document = window.document
    assert document is not None and (poller.watched_layer() is not None) == annotating
    boundary = next(n for n, item in enumerate(document.disagreements) if item.kind == "boundary")
    window.go_to_disagreement(boundary)
    window.decisions.accept_annotator(1)  # LOAN, and TO_LOAN with it: a relation too
    assert token_is_stored()
    window.go_to_disagreement(next(n for n in range(len(document.disagreements)) if document.is_open(n)))
    window.decisions.reject()
    assert token_is_stored()
    window.view.select_range(BANK.start, BANK.end)
    window.gold_edits.label_as("PROGRAM")
    assert token_is_stored()
    window.view.select_range(BANK.start, BANK.end)
    window.gold_edits.take_out()
    assert token_is_stored()
    window.view.select_range(MONEY.start, MONEY.end)
    window.relations.list_relations()
    window.relations.decide(0)  # TO_LOAN out of gold
    assert token_is_stored()
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
        assert token_is_stored()
    while window.undo_stack.canRedo():
        window.undo_stack.redo()
        assert token_is_stored()
    qtbot.wait(100)
    event.remove(engine, "before_cursor_execute", note)
    assert reads == [] and token_is_stored()
    assert MONEY_AS_PROGRAM not in {g.span for g in document.review.gold}


def test_a_decision_taking_a_comment_or_pin_along_has_the_token_read_again(
        qtbot: QtBot, sessions: sessionmaker[Session], open_windows: Callable[..., Windows],
        settings_in: object) -> None:
    """The database's cascade takes a gold span's comments and pins with it: the decision cannot count them in
    memory, so the token is read again (not left to look like another program's change at the next poll)."""
    with sessions.begin() as session:
        for name in ("张三", "李四"):
            store_documents(session, f"{name}.jsonl", [SourceDocument(
                name="report", text=TEXT, source="", spans=[BANK, MONEY], annotator=name)])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
    windows = open_windows(sessions, REVIEWER, 3_600_000)
    window = windows.review()
    poller = windows.project.poller
    document = window.document
    assert document is not None and {g.span for g in document.review.gold} == {BANK, MONEY}
    with sessions.begin() as session:
        ids = {g.span: g.id for g in gold_spans(session, document.id)}
        add_comment(session, document.id, REVIEWER, "对吗？", span_id=ids[BANK])
        pin_example(session, ids[MONEY], "good", REVIEWER)
    poller.note_own_change()
    qtbot.waitUntil(lambda: poller.token is not None and poller._current)

    def token_is_stored() -> bool:
        with sessions() as session:
            return poller.token == change_token(session, poller.watched_layer())

    assert token_is_stored()
    for span in (BANK, MONEY):
        window.view.select_range(span.start, span.end)
        window.gold_edits.take_out()
        assert span not in {g.span for g in document.review.gold}
        qtbot.waitUntil(token_is_stored, timeout=3000)
