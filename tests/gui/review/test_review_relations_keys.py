"""Deciding relations in review mode by keys (issue 16): R lists the relations at the cursor in the status bar,
a digit accepts an annotator's relation into gold or takes a gold relation out, each one undo step checked in the
gold layer of a real database; refusals are sentences; the relations at the cursor are drawn as arrows; all of
it in Chinese in the Chinese UI."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument, Span
from biaozhu.db.gold import gold_relations
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, REVIEWER, TEXT

TO_LOAN = Relation(MONEY, LOAN, "所属项目")
TO_LIANHE = Relation(MONEY, LIANHE, "责任机构")
Open = Callable[[sessionmaker[Session], str], ReviewWindow]
GoldLinks = Callable[[], set[tuple[Relation, str | None]]]


@pytest.fixture
def gold(sessions: sessionmaker[Session], settings_in: object) -> GoldLinks:
    """张三 links the figure to the loan and to 市工商联 (a span only he has); 李四 has the same spans but the
    市工商联 one, and no links. Returns a reader of gold's relations with their origin, as the database holds them."""
    with sessions.begin() as session:
        store_documents(session, "张三.jsonl", [SourceDocument(
            name="report", text=TEXT, source="", spans=[BANK, LOAN, MONEY, LIANHE], annotator="张三",
            relations=[TO_LOAN, TO_LIANHE])])
        store_documents(session, "李四.jsonl", [SourceDocument(
            name="report", text=TEXT, source="", spans=[BANK, LOAN, MONEY], annotator="李四")])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
        document = session.scalar(select(Document.id))

    def read() -> set[tuple[Relation, str | None]]:
        with sessions() as session:
            return {(g.relation, g.origin) for g in gold_relations(session, document)}

    return read


def cursor_on(window: ReviewWindow, span: Span) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(span.start))
    window.view.setTextCursor(cursor)


def press(qtbot: QtBot, window: ReviewWindow, *keys: Qt.Key) -> str:
    """Keys on the text; returns the status bar's message after them."""
    for key in keys:
        qtbot.keyClick(window.view, key)
    return window.statusBar().currentMessage()


def test_r_and_a_digit_accept_a_relation_and_take_it_out_with_undo_in_the_database(
        open_review: Open, sessions: sessionmaker[Session], gold: GoldLinks, qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    assert gold() == set()
    cursor_on(window, MONEY)
    assert [arrow.caption for arrow in window.view.links.arrows] == ["1 所属项目", "1 责任机构"]  # 张三's links
    assert not window.view.viewport().grab().isNull()  # drawn with the annotation window's painter
    listed = press(qtbot, window, Qt.Key.Key_R)
    assert "1 accept 张三's 所属项目 “377亿元” → “酒城同心金融速贷”" in listed, listed
    assert [arrow.caption for arrow in window.view.links.arrows] == ["1: 1 所属项目", "2: 1 责任机构"]
    qtbot.wait(6500)
    assert window.statusBar().currentMessage() == listed  # the list stays while a digit is awaited
    press(qtbot, window, Qt.Key.Key_1)
    assert gold() == {(TO_LOAN, "张三")}
    assert "所属项目" in [arrow.caption for arrow in window.view.links.arrows]  # gold's arrow now
    window.undo_stack.undo()
    assert gold() == set()
    window.undo_stack.redo()
    assert gold() == {(TO_LOAN, "张三")}
    window.view.select_range(MONEY.start, MONEY.end)  # the gold span selected: the cursor sits after its end
    listed = press(qtbot, window, Qt.Key.Key_R)
    assert listed.startswith("1 take out of gold: 所属项目"), listed
    press(qtbot, window, Qt.Key.Key_1)
    assert gold() == set()
    window.undo_stack.undo()
    assert gold() == {(TO_LOAN, "张三")}
    window.undo_stack.redo()
    assert gold() == set()


def test_a_relation_whose_end_is_not_in_gold_and_a_non_reviewer_are_refused_with_a_sentence(
        open_review: Open, sessions: sessionmaker[Session], gold: GoldLinks, qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    cursor_on(window, MONEY)
    assert "2 accept 张三's 责任机构" in press(qtbot, window, Qt.Key.Key_R)
    said = press(qtbot, window, Qt.Key.Key_2)
    assert said == "“市工商联” is not in gold: put both spans of the 责任机构 relation into gold first.", said
    assert gold() == set()
    assert window.document is not None and window.document.open_count() == 1  # the digit chose no version
    window.close()
    window = open_review(sessions, "李四")
    cursor_on(window, MONEY)
    said = press(qtbot, window, Qt.Key.Key_R)
    assert said.startswith("Read-only: 李四 is not a reviewer"), said
    assert gold() == set()


def test_the_relation_keys_speak_chinese_in_the_chinese_ui(
        open_review: Open, sessions: sessionmaker[Session], gold: GoldLinks, qtbot: QtBot, qapp: QApplication) -> None:
    install_translator(qapp, "zh")
    try:
        window = open_review(sessions, REVIEWER)
        assert window.findChild(QAction, "decide-relation").text() == "采纳或移出光标处的关系…"
        cursor_on(window, MONEY)
        listed = press(qtbot, window, Qt.Key.Key_R)
        assert listed.startswith("1 采纳 张三 的 所属项目 “377亿元” → “酒城同心金融速贷”"), listed
        assert listed.endswith("—— 按数字键选择，Esc 取消。"), listed
        said = press(qtbot, window, Qt.Key.Key_2)
        assert said == "“市工商联”不在金标准中：请先把责任机构关系的两个片段都放入金标准。", said
        window.close()
    finally:
        install_translator(qapp, "en")
