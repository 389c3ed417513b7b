"""Editing gold freely in review mode, as a reviewer does it by keys and mouse: a span drawn anywhere
(Ctrl + a label's key on a selection), a gold span relabelled (the same keys on a gold span), a gold span
taken out (Ctrl+Delete), each checked in the gold layer of a real database through undo and redo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, LIANHE, LOAN, REVIEWER, SHORT, TEXT

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
Gold = set[tuple[Span, str | None, str | None]]
Open = Callable[[sessionmaker[Session], str], ReviewWindow]
AGREED = {(BANK, None, REVIEWER), (LOAN, None, REVIEWER)}  # what opening the document puts into gold


@pytest.fixture
def gold(luzhou_review: Callable[[dict[str, list[Span]]], Callable[[], Gold]]) -> Callable[[], Gold]:
    """Two annotators who agree on the bank and the loan and nothing else."""
    return luzhou_review({"张三": [BANK, LOAN], "李四": [BANK, LOAN]})


def click_on(qtbot: QtBot, window: ReviewWindow, offset: int) -> None:
    """A click on the right half of the character at ``offset`` (Qt puts the cursor after it)."""
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(offset))
    left = window.view.cursorRect(cursor)
    cursor.setPosition(window.view.positions.to_qt(offset + 1))
    right = window.view.cursorRect(cursor)
    point = left.center()
    point.setX(left.x() + (right.x() - left.x()) * 3 // 4)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def select(qtbot: QtBot, window: ReviewWindow, start: int, end: int) -> None:
    """Click on the character at ``start``, then Shift+Right up to ``end``."""
    click_on(qtbot, window, start)
    for _ in range(end - start):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, SHIFT)
    assert window.view.selection() == (start, end)


def status(window: ReviewWindow) -> str:
    return window.statusBar().currentMessage()


def test_ctrl_and_a_label_hotkey_relabel_the_gold_span_at_the_cursor_with_undo_in_the_database(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    assert gold() == AGREED
    click_on(qtbot, window, BANK.end - 1)  # on the bank's last character
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)  # 2 is METRIC's hotkey
    as_metric = (Span(BANK.start, BANK.end, "METRIC", BANK.text), REVIEWER, REVIEWER)  # the reviewer's own version
    assert gold() == {as_metric, (LOAN, None, REVIEWER)}
    assert any("METRIC" in line for line in window.view.describe_at(BANK.start))  # what the tooltip says
    assert window.undo_stack.undoText() == "relabel “泸州银行” as 指标 METRIC"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert gold() == AGREED  # provenance back as it was: agreed, nobody's in particular
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert gold() == {as_metric, (LOAN, None, REVIEWER)}
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)  # the same label again: nothing to do, and it says so
    assert "already" in status(window) and window.undo_stack.index() == 2
    select(qtbot, window, LOAN.start, LOAN.end)  # a gold span selected exactly is relabelled, not drawn again
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    assert (Span(LOAN.start, LOAN.end, "ORGANIZATION", LOAN.text), REVIEWER, REVIEWER) in gold()
    assert (LOAN, None, REVIEWER) not in gold()
    window.close()


def test_a_selection_outside_every_disagreement_goes_into_gold_by_ctrl_and_a_label_key(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    assert window.model.rowCount() == 0  # the annotators agree everywhere: nothing to decide, they missed 市工商联
    select(qtbot, window, LIANHE.start - 1, LIANHE.end)  # “，市工商联”: the comma is trimmed
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # Enter adjudicates disagreements only: it says what to press
    assert "Ctrl+3 机构 ORGANIZATION" in status(window) and gold() == AGREED
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    drawn = (LIANHE, REVIEWER, REVIEWER)  # the reviewer's own span, decided by them
    assert gold() == AGREED | {drawn}
    assert window.undo_stack.undoText() == "put “市工商联” into gold as 机构 ORGANIZATION"
    assert any("市工商联" in line and REVIEWER in line for line in window.view.describe_at(LIANHE.start))
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert gold() == AGREED
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert gold() == AGREED | {drawn}
    select(qtbot, window, SHORT.start, SHORT.end)  # inside the loan: a nested span is drawn, the loan stays
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert gold() == AGREED | {drawn, (SHORT, REVIEWER, REVIEWER)}
    click_on(qtbot, window, SHORT.start)  # in both: the keys relabel the innermost, whatever the loan's label
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert gold() == AGREED | {drawn, (SHORT, REVIEWER, REVIEWER)} and window.undo_stack.count() == 5
    window.close()


def test_a_crossing_span_is_refused_with_the_reason_shown(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    select(qtbot, window, BANK.start + 2, BANK.end + 2)  # 银行发放 crosses 泸州银行
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert status(window) == "“银行发放” would cross the gold span “泸州银行”: gold spans may nest but not cross."
    assert gold() == AGREED and window.undo_stack.count() == 1  # only the agreed spans taken on opening
    window.close()


def test_ctrl_delete_takes_an_agreed_span_out_of_gold_and_it_stays_out_when_reopened(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    click_on(qtbot, window, BANK.start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete, CTRL)
    assert gold() == {(LOAN, None, REVIEWER)}
    assert window.undo_stack.undoText() == "take “泸州银行” out of gold"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert gold() == AGREED  # back as it was: agreed, nobody's in particular
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert gold() == {(LOAN, None, REVIEWER)}
    window.close()
    reopened = open_review(sessions, REVIEWER)  # opening puts the agreed spans into gold: not this one
    assert reopened.legend.auto_gold.isChecked() and gold() == {(LOAN, None, REVIEWER)}
    select(qtbot, reopened, SHORT.start, SHORT.end)
    qtbot.keyClick(reopened.view, Qt.Key.Key_1, CTRL)
    click_on(qtbot, reopened, SHORT.start)  # in the loan and in 酒城同心 inside it: the innermost goes
    qtbot.keyClick(reopened.view, Qt.Key.Key_Delete, CTRL)
    assert gold() == {(LOAN, None, REVIEWER)}
    select(qtbot, reopened, LOAN.start, LOAN.end - 1)  # a selection must be a gold span exactly
    qtbot.keyClick(reopened.view, Qt.Key.Key_Delete, CTRL)
    assert "not a gold span" in status(reopened) and gold() == {(LOAN, None, REVIEWER)}
    reopened.close()


def test_a_non_reviewer_can_neither_draw_nor_relabel_nor_take_out(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    reader = open_review(sessions, "张三")
    for keys in (lambda: select(qtbot, reader, LIANHE.start, LIANHE.end), lambda: click_on(qtbot, reader, 1)):
        keys()
        for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_Delete):
            reader.statusBar().clearMessage()
            qtbot.keyClick(reader.view, key, CTRL)
            assert status(reader) == "Read-only: 张三 is not a reviewer, so the gold layer cannot be changed here."
    assert gold() == set() and reader.undo_stack.count() == 0  # not even the agreed spans
    reader.close()
    window = open_review(sessions, REVIEWER)
    click_on(qtbot, window, TEXT.index("发放"))
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert "No gold span at the cursor" in status(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete, CTRL)
    assert "No gold span to take out" in status(window) and gold() == AGREED
    window.close()


def test_the_context_menu_offers_what_the_keys_do_for_the_span_under_the_mouse(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)

    def menu_at(offset: int) -> tuple[QMenu, QMenu, dict[str, QAction]]:
        cursor = window.view.textCursor()
        cursor.setPosition(window.view.positions.to_qt(offset))
        menu = window.gold_edits.context_menu(window.view.cursorRect(cursor).center())
        submenu = next(a.menu() for a in menu.actions() if a.menu() is not None)
        return menu, submenu, {a.objectName(): a for a in [*menu.actions(), *submenu.actions()]}

    menu, submenu, entries = menu_at(LOAN.start + 2)
    assert submenu.title() == "Relabel gold span"
    assert [a.text() for a in submenu.actions()] == ["Relabel gold span as 项目 PROGRAM",
                                                     "Relabel gold span as 指标 METRIC",
                                                     "Relabel gold span as 机构 ORGANIZATION"]
    assert entries["gold-as-METRIC"].shortcut().toString() == "Ctrl+2"
    entries["gold-as-METRIC"].trigger()
    loan_as_metric = (Span(LOAN.start, LOAN.end, "METRIC", LOAN.text), REVIEWER, REVIEWER)
    assert gold() == {(BANK, None, REVIEWER), loan_as_metric}
    menu.deleteLater()
    window.view.select_range(LIANHE.start, LIANHE.end)
    menu, submenu, entries = menu_at(LIANHE.start + 1)  # a right-click in the selection keeps it
    assert submenu.title() == "Put selection into gold"
    assert entries["gold-as-ORGANIZATION"].text() == "Put selection into gold as 机构 ORGANIZATION"
    entries["gold-as-ORGANIZATION"].trigger()
    assert (LIANHE, REVIEWER, REVIEWER) in gold()
    menu.deleteLater()
    menu, _, entries = menu_at(BANK.start)
    assert entries["take-out-of-gold"].text() == "Take out of gold"
    assert entries["take-out-of-gold"].shortcut().toString() == "Ctrl+Del"
    entries["take-out-of-gold"].trigger()
    assert gold() == {loan_as_metric, (LIANHE, REVIEWER, REVIEWER)}
    menu.deleteLater()
    window.close()


def test_the_gold_entries_speak_chinese(open_review: Open, sessions: sessionmaker[Session],
                                        gold: Callable[[], Gold], qapp: QApplication) -> None:
    install_translator(qapp, "zh")
    try:
        window = open_review(sessions, REVIEWER)
        assert window.findChild(QAction, "gold-as-METRIC").text() == "改标签为 指标 METRIC"
        assert window.findChild(QAction, "take-out-of-gold").text() == "从金标准中移除"
        parent = QMenu(window)
        assert window.gold_edits.menu(parent).title() == "改标签"
        window.view.select_range(LIANHE.start, LIANHE.end)
        parent.aboutToShow.emit()
        assert parent.findChild(QMenu, "gold-label-menu").title() == "放入金标准"
        assert window.findChild(QAction, "gold-as-METRIC").text() == "作为 指标 METRIC 放入金标准"
        window.close()
    finally:
        install_translator(qapp, "en")
