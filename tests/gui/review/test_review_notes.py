"""Comments and the guide in review mode (issue 18): an annotator's commented span shows a dot in its lane, the
comments panel lists the document's threads and only the unresolved ones when the reviewer asks; C comments on the
gold span at the cursor (its dot follows), Ctrl+G pins it as an example, F1 opens the guide."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.comments import add_comment, resolve_thread, threads
from biaozhu.db.guidelines import list_examples
from biaozhu.db.models import Annotator, Span
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, LOAN, MONEY, SHORT

Layers = dict[str, list]


def comment_on(sessions: sessionmaker[Session], annotator: str, text: str, start: int, said: str) -> int:
    with sessions.begin() as session:
        span_id = session.scalar(select(Span.id).join(Annotator, Span.annotator_id == Annotator.id)
                                 .where(Annotator.name == annotator, Span.start == start))
        return add_comment(session, None, "王五", said, span_id=span_id)


def test_lanes_mark_commented_spans_and_the_panel_filters_unresolved_threads(
        qtbot: QtBot, sessions: sessionmaker[Session], luzhou_review: Callable[[Layers], Callable],
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow]) -> None:
    luzhou_review({"张三": [BANK, LOAN, MONEY], "李四": [BANK, SHORT, MONEY]})
    first = comment_on(sessions, "李四", "", SHORT.start, "太短了")
    comment_on(sessions, "张三", "", MONEY.start, "单位对")
    with sessions.begin() as session:
        resolve_thread(session, first, "王五")
    window = open_review(sessions, "王五")
    view = window.view
    lanes = {name: number for number, name in enumerate(window.document.annotators)}
    labels = window.label_ids
    assert view.lane_marks == {(lanes["李四"], SHORT.start, SHORT.end, labels["PROGRAM"]): (1, 0),
                               (lanes["张三"], MONEY.start, MONEY.end, labels["METRIC"]): (1, 1)}
    panel = window.notes.panel
    assert [thread.comments[0].text for thread in panel.threads] == ["太短了", "单位对"]
    panel.unresolved.setChecked(True)
    assert [thread.comments[0].text for thread in panel.threads] == ["单位对"]


def test_c_comments_on_the_gold_span_and_ctrl_g_pins_it(
        qtbot: QtBot, sessions: sessionmaker[Session], luzhou_review: Callable[[Layers], Callable],
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow]) -> None:
    luzhou_review({"张三": [BANK, LOAN], "李四": [BANK, SHORT]})
    window = open_review(sessions, "王五")
    bank = next(gold for gold in window.document.review.gold if gold.span == BANK)  # agreed: in gold on opening
    window.view.select_range(BANK.start + 1, BANK.start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    panel = window.notes.panel
    assert panel.on_label.text() == "New comment on “泸州银行”:"
    panel.editor.setPlainText("全称")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with sessions() as session:
        assert [(thread.span_id, thread.comments[0].text) for thread in threads(session)] == [(bank.id, "全称")]
    assert window.view.gold_marks == {bank.id: (1, 1)}
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    with sessions() as session:
        assert [(item.span_id, item.example.verdict) for item in list_examples(session)] == [(bank.id, "good")]
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    assert window.notes.guide_dock.isVisible()
    assert "✓ good  …泸州银行发放酒城同心金融速贷37…  (report)" in window.notes.guide.plain_text()
