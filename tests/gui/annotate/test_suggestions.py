"""Suggestions decided by keyboard in the annotation window (issue 15): N / P walk them by score, Enter accepts,
a label key accepts as that label, Alt+arrows fix the boundary, X or Backspace rejects, Ctrl+Shift+A accepts the
sure ones in one undo step; every decision is in the database and undone there, and a rejection is remembered
when the suggestions are computed again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.exporting import iter_layers
from biaozhu.db.labels import LabelRefused, update_label
from biaozhu.db.models import SUGGESTIONS, Annotator, Label, Span
from biaozhu.db.suggestions import open_suggestions, write_suggestions
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator

ME = "张三"
TEXT = "泸州市工商联推出“酒城同心·金融速贷”，发放贷款377.178亿元，服务企业1007户，新增贷款50多亿元。"
Row = tuple[str, str, str]  # text, label, note


@pytest.fixture
def window(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    """张三's window on one report whose suggestions the rules computed."""
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        ensure_annotator(session, ME)
        write_suggestions(session, ["rules"])
    window = open_annotation(sessions, ME)
    qtbot.waitUntil(lambda: len(window.suggestions.rows) > 0)  # read on a worker thread
    return window


def mine(sessions: sessionmaker[Session], layer: str = ME) -> list[Row]:
    with sessions() as session:
        return sorted(session.execute(
            select(Span.text, Label.name, Span.note).join(Label, Span.label_id == Label.id)
            .join(Annotator, Span.annotator_id == Annotator.id).where(Annotator.name == layer)).all())


def undecided(sessions: sessionmaker[Session]) -> set[str]:
    with sessions() as session:
        return {s.text for s in open_suggestions(session, 1)}


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def current(window: MainWindow) -> str:
    board = window.suggestions
    assert board.current is not None
    return window.layer.text[board.range[0]:board.range[1]]


def hotkey(window: MainWindow, name: str) -> Qt.Key:
    label = window.labels.named(name)
    assert label is not None and label.hotkey
    return Qt.Key(ord(label.hotkey))


def test_the_keyboard_loop_walks_by_score_accepts_relabels_fixes_and_rejects_in_the_database(
        sessions: sessionmaker[Session], window: MainWindow, qtbot: QtBot) -> None:
    assert undecided(sessions) >= {"377.178亿元", "1007户", "50多亿元", "泸州市工商联", "酒城同心·金融速贷"}
    assert len(window.view.painter.suggested) == len(undecided(sessions))  # drawn, dashed, before any key
    press(qtbot, window, Qt.Key.Key_N)
    assert current(window) == "377.178亿元"  # 0.9, the first of the best
    message = window.statusBar().currentMessage()
    assert "377.178亿元" in message and "rules" in message and "0.90" in message  # where it came from, how sure
    press(qtbot, window, Qt.Key.Key_Return)  # accepted as suggested; the next one is current
    assert mine(sessions) == [("377.178亿元", "METRIC", "from suggestion rules 0.9")]
    assert "377.178亿元" not in undecided(sessions)
    assert current(window) == "1007户"
    press(qtbot, window, Qt.Key.Key_P)
    press(qtbot, window, Qt.Key.Key_N)
    assert current(window) == "1007户"
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # 企业1007户: the start moves left twice
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert current(window) == "企业1007户"
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, hotkey(window, "ORGANIZATION"))  # a label key: accepted as that label, as fixed
    assert ("企业1007户", "ORGANIZATION", "from suggestion rules 0.9") in mine(sessions)
    assert current(window) == "50多亿元"
    press(qtbot, window, Qt.Key.Key_X)  # rejected: out of sight, kept as rejected
    press(qtbot, window, Qt.Key.Key_Backspace)  # rejects the next one too, and deletes no span
    assert "50多亿元" not in undecided(sessions) and len(mine(sessions)) == 2
    rejected = [row for row in mine(sessions, SUGGESTIONS) if row[2].startswith("rejected ")]
    assert len(rejected) == 2 and ("50多亿元", "METRIC", "rejected rules 0.9") in rejected
    for _ in range(3):  # the two rejections and the relabelled accept, undone in the database
        press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mine(sessions) == [("377.178亿元", "METRIC", "from suggestion rules 0.9")]
    assert {"50多亿元", "1007户"} <= undecided(sessions)
    assert not [row for row in mine(sessions, SUGGESTIONS) if row[2].startswith("rejected ")]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert ("企业1007户", "ORGANIZATION", "from suggestion rules 0.9") in mine(sessions)


def test_a_label_key_still_tags_a_selection_and_backspace_deletes_a_span_when_no_suggestion_is_current(
        sessions: sessionmaker[Session], window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_N)
    start = TEXT.index("泸州市工商联")
    window.view.select_range(start, start + 6)  # selecting text lets go of the suggestion
    assert window.suggestions.current is None
    press(qtbot, window, hotkey(window, "ORGANIZATION"))
    assert mine(sessions) == [("泸州市工商联", "ORGANIZATION", "")]
    press(qtbot, window, Qt.Key.Key_Backspace)  # the span just tagged is selected: it goes to the trash
    assert mine(sessions) == []


def test_bulk_accept_takes_the_sure_suggestions_in_one_undo_step(
        sessions: sessionmaker[Session], window: MainWindow, qtbot: QtBot) -> None:
    before = undecided(sessions)
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    accepted = {text for text, _, _ in mine(sessions)}
    assert accepted == {"377.178亿元", "1007户", "50多亿元"}  # rules 0.9; the organisation (0.6) waits
    assert undecided(sessions) == before - accepted
    assert len(window.layer.index) == 3 and len(window.view.painter.suggested) == len(before) - 3
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step takes them all back
    assert mine(sessions) == [] and undecided(sessions) == before and len(window.layer.index) == 0
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert {text for text, _, _ in mine(sessions)} == accepted


def test_rejected_suggestions_do_not_return_when_computed_again_and_no_export_of_the_annotator_holds_them(
        sessions: sessionmaker[Session], window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_N)
    press(qtbot, window, Qt.Key.Key_X)  # 377.178亿元 rejected
    press(qtbot, window, Qt.Key.Key_Return)  # 1007户 accepted
    window.actions_.by_name["suggest"].trigger()  # the engines again, off the UI thread
    qtbot.waitUntil(lambda: "N walks them" in window.statusBar().currentMessage(), timeout=10_000)
    shown = {s.text for s in window.suggestions.rows.ordered}
    assert "377.178亿元" not in shown and "377.178亿元" not in undecided(sessions)
    assert "1007户" not in shown  # tagged by the annotator already: not proposed to them again
    assert "50多亿元" in shown
    with sessions() as session:
        layers = {(doc.annotator, span.text) for doc in iter_layers(session) for span in doc.spans}
        exported = [span.text for doc in iter_layers(session, ME) for span in doc.spans]
        suggested = {span.text for doc in iter_layers(session, SUGGESTIONS) for span in doc.spans}
    assert layers == {(ME, "1007户")} and exported == ["1007户"]  # suggestions are nobody's data
    assert "377.178亿元" not in suggested and "50多亿元" in suggested  # their own export: the undecided ones


def test_s_hides_and_shows_the_suggestions(window: MainWindow, qtbot: QtBot) -> None:
    count = len(window.suggestions.rows)
    press(qtbot, window, Qt.Key.Key_S)
    assert len(window.view.painter.suggested) == 0
    press(qtbot, window, Qt.Key.Key_S)
    assert len(window.view.painter.suggested) == count > 0


def test_the_suggestion_keys_are_no_label_hotkeys(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session, pytest.raises(LabelRefused, match="suggestions"):
        update_label(session, "PROGRAM", hotkey="n")


def test_the_suggestion_message_fits_the_status_bar_of_a_1366_pixel_window(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot,
        qapp: QApplication) -> None:
    """The longest caption (机构 ORGANIZATION) and a long name, in Chinese, beside the annotator, progress, snapping,
    offset, saved time and section: all of it readable, the keys at its end too."""
    install_translator(qapp, "zh")
    try:
        with sessions.begin() as session:
            add_document(session, SourceDocument(name="长.txt", source="", text=(
                "一、稳舵扬帆逐浪高 勇毅奋进立潮头\n"
                "泸州市委统战部会同中国人民银行泸州市中心支行营业管理部办公室推出贷款。")))
            ensure_annotator(session, ME)
            write_suggestions(session, ["rules"])
        window = open_annotation(sessions, ME, snapping=True)  # the Chinese window (its snapping label too)
        window.resize(1366, 740)
        qtbot.waitUntil(lambda: len(window.suggestions.rows) > 0)
        bar = window.statusBar()
        press(qtbot, window, Qt.Key.Key_N)
        press(qtbot, window, Qt.Key.Key_Return)  # accepted: the status bar says when it was saved
        assert window.places.label.isVisible() and "稳舵扬帆" in window.places.label.text()
        for _ in range(len(window.suggestions.rows)):
            press(qtbot, window, Qt.Key.Key_N)
            message = bar.currentMessage()
            assert message.startswith("建议 ") and message.endswith("X 拒绝")
            free = min(widget.x() for widget in bar.findChildren(QWidget) if widget.isVisible()
                       and widget.parent() is bar and widget.x() > 0)
            assert bar.fontMetrics().horizontalAdvance(message) < free - 8, message
    finally:
        install_translator(qapp, "en")


def test_an_engine_switched_off_in_the_menu_proposes_nothing_and_stays_off(
        sessions: sessionmaker[Session], window: MainWindow, open_annotation: Callable[..., MainWindow],
        qtbot: QtBot) -> None:
    assert window.suggestions.engines() == ["rules", "dictionary", "model"]
    window.suggestions.engine_actions["rules"].trigger()  # off: nothing learned yet, so no engine proposes
    window.actions_.by_name["suggest"].trigger()
    qtbot.waitUntil(lambda: "N walks them" in window.statusBar().currentMessage(), timeout=10_000)
    assert len(window.suggestions.rows) == 0 and undecided(sessions) == set()
    again = open_annotation(sessions, ME)  # the choice is kept
    assert again.suggestions.engines() == ["dictionary", "model"]
    for name in ("dictionary", "model"):
        again.suggestions.engine_actions[name].trigger()
    again.actions_.by_name["suggest"].trigger()
    assert "switched off" in again.statusBar().currentMessage()
