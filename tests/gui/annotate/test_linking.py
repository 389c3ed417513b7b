"""Linking spans by keys in the annotation window (issue 16): R puts digits on the spans the selected one may be
linked to, nearest first, a digit links (a second one picks the type where several fit), Shift+R links the
nearest; each link and unlink is one undo step in the database; links leave with a deleted span and come back
with its undo, survive a boundary change, are drawn as arrows for the selected span and listed in the table."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import TrashItem
from biaozhu.db.relation_types import add_relation_type
from biaozhu.db.relations import layer_relations
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.span_table import LINKS
from biaozhu.gui.annotate.window import MainWindow

ME = "张三"
TEXT = "“酒城同心·金融速贷”由泸州银行承办，发放贷款377.178亿元，惠及1007户。"
PIECES = (("酒城同心·金融速贷", "PROGRAM"), ("泸州银行", "ORGANIZATION"), ("377.178亿元", "METRIC"),
          ("1007户", "METRIC"))


def project(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        document = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))[0].id
        labels, me = label_ids(session), ensure_annotator(session, ME).id
        for piece, label in PIECES:
            start = TEXT.index(piece)
            add_span(session, document, me, labels[label], start, start + len(piece), piece)
        return document


@pytest.fixture
def window(qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> MainWindow:
    return open_annotation(sessions, ME, project(sessions))


def pick(window: MainWindow, text: str) -> None:
    window.select_span(next(span for span in window.layer.index if span.text == text))


def stored(window: MainWindow, sessions: sessionmaker[Session]) -> set[tuple[str, str, str]]:
    """The layer's links as the database holds them: (from text, type, to text)."""
    texts = {span.id: span.text for span in window.layer.index}
    with sessions() as session:
        rows = layer_relations(session, window.layer.document_id, window.layer.annotator_id)
    return {(texts[row.from_span_id], row.type, texts[row.to_span_id]) for row in rows}


def badges(window: MainWindow) -> dict[str, str]:
    return {badge.span.text: badge.key for badge in window.view.links.badges}


def press(qtbot: QtBot, window: MainWindow, *keys: Qt.Key, modifier: Qt.KeyboardModifier =
          Qt.KeyboardModifier.NoModifier) -> None:
    for key in keys:
        qtbot.keyClick(window.view, key, modifier)


DIGIT = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "3": Qt.Key.Key_3}


def test_r_and_a_digit_link_the_selected_span_undone_and_redone_in_the_database(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow) -> None:
    pick(window, "377.178亿元")
    press(qtbot, window, Qt.Key.Key_R)
    assert badges(window) == {"泸州银行": "1", "酒城同心·金融速贷": "2"}  # nearest first; not the other METRIC
    assert "press the digit" in window.statusBar().currentMessage()
    press(qtbot, window, DIGIT[badges(window)["酒城同心·金融速贷"]])
    assert stored(window, sessions) == {("377.178亿元", "所属项目", "酒城同心·金融速贷")}
    assert badges(window) == {}
    assert [(a.source.text, a.target.text, a.caption) for a in window.view.links.arrows] == [
        ("377.178亿元", "酒城同心·金融速贷", "所属项目")]
    assert [span.text for span in window.layer.index if span.label_id == label_ids_of(sessions)["PROGRAM"]] == \
        ["酒城同心·金融速贷"]  # the digit went to the link, not to the PROGRAM hotkey: nothing relabelled
    window.undo_stack.undo()
    assert stored(window, sessions) == set() and window.view.links.arrows == []
    window.undo_stack.redo()
    assert stored(window, sessions) == {("377.178亿元", "所属项目", "酒城同心·金融速贷")}
    assert link_cell(window, "酒城同心·金融速贷") == "←所属项目 377.178亿元"


def label_ids_of(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return label_ids(session)


def link_cell(window: MainWindow, text: str) -> str:
    model = window.span_table.findChild(QTableView).model()
    row = next(row for row in range(model.rowCount()) if model.index(row, 0).data() == text)
    return model.index(row, LINKS).data()


def test_shift_r_links_the_nearest_and_r_on_a_linked_span_unlinks_it_into_the_trash(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow) -> None:
    pick(window, "377.178亿元")
    press(qtbot, window, Qt.Key.Key_R, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert stored(window, sessions) == {("377.178亿元", "责任机构", "泸州银行")}
    press(qtbot, window, Qt.Key.Key_R)
    press(qtbot, window, DIGIT[badges(window)["泸州银行"]])
    assert stored(window, sessions) == set()
    with sessions() as session:
        assert session.query(TrashItem).filter_by(kind="relation").count() == 1
    window.undo_stack.undo()
    assert stored(window, sessions) == {("377.178亿元", "责任机构", "泸州银行")}
    with sessions() as session:
        assert session.query(TrashItem).count() == 0


def test_escape_cancels_and_a_second_digit_picks_the_type_where_two_fit(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow) -> None:
    with sessions.begin() as session:
        add_relation_type(session, "承办", ["PROGRAM"], ["ORGANIZATION"], title="承办机构")
    pick(window, "酒城同心·金融速贷")
    press(qtbot, window, Qt.Key.Key_R, Qt.Key.Key_Escape)
    assert badges(window) == {} and stored(window, sessions) == set()
    press(qtbot, window, Qt.Key.Key_R, Qt.Key.Key_Tab)  # another key cancels and does what it always does
    assert badges(window) == {} and window.selected_span().text == "泸州银行"
    pick(window, "酒城同心·金融速贷")
    press(qtbot, window, Qt.Key.Key_R)
    press(qtbot, window, DIGIT[badges(window)["泸州银行"]])
    message = window.statusBar().currentMessage()
    assert "1 责任机构 →" in message and "2 承办机构 →" in message
    press(qtbot, window, Qt.Key.Key_2)
    assert stored(window, sessions) == {("酒城同心·金融速贷", "承办", "泸州银行")}


def test_links_leave_with_a_deleted_span_come_back_with_undo_and_survive_a_resize(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow) -> None:
    pick(window, "377.178亿元")
    press(qtbot, window, Qt.Key.Key_R, DIGIT["2"])
    pick(window, "酒城同心·金融速贷")
    press(qtbot, window, Qt.Key.Key_R, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(window, sessions)) == 2
    press(qtbot, window, Qt.Key.Key_Delete)
    assert stored(window, sessions) == set()
    window.undo_stack.undo()
    assert stored(window, sessions) == {("377.178亿元", "所属项目", "酒城同心·金融速贷"),
                                        ("酒城同心·金融速贷", "责任机构", "泸州银行")}
    pick(window, "377.178亿元")
    press(qtbot, window, Qt.Key.Key_Left, modifier=Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window, sessions) == {("377.178亿元"[:-1], "所属项目", "酒城同心·金融速贷"),
                                        ("酒城同心·金融速贷", "责任机构", "泸州银行")}
    window.undo_stack.undo()
    window.undo_stack.undo()  # the resize, then the second link (its span restored meanwhile)
    assert stored(window, sessions) == {("377.178亿元", "所属项目", "酒城同心·金融速贷")}


def test_a_label_its_links_would_not_allow_is_refused_with_a_sentence(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow) -> None:
    pick(window, "377.178亿元")
    press(qtbot, window, Qt.Key.Key_R)
    press(qtbot, window, DIGIT[badges(window)["酒城同心·金融速贷"]])
    press(qtbot, window, Qt.Key.Key_1)  # PROGRAM's hotkey: a programme cannot belong to a programme
    assert "Not relabelled: “377.178亿元” is linked as 所属项目, which a PROGRAM span cannot be" in \
        window.statusBar().currentMessage()
    assert window.selected_span().label_id == label_ids_of(sessions)["METRIC"]
    assert window.undo_stack.count() == 1  # the link alone


def test_the_window_follows_its_own_span_edits_links_without_reading_them(
        qtbot: QtBot, engine: Engine, sessions: sessionmaker[Session], window: MainWindow) -> None:
    """Adding, relabelling and deleting spans read no links (issue 14): a deleted span's links leave the window
    as they left the database; undoing the deletion reads them back, under their new ids."""
    pick(window, "377.178亿元")
    press(qtbot, window, Qt.Key.Key_R, DIGIT["2"])
    pick(window, "1007户")
    press(qtbot, window, Qt.Key.Key_R)
    press(qtbot, window, DIGIT[badges(window)["酒城同心·金融速贷"]])
    linked = {("377.178亿元", "所属项目", "酒城同心·金融速贷"), ("1007户", "所属项目", "酒城同心·金融速贷")}
    assert shown(window) == stored(window, sessions) == linked
    reads: list[str] = []

    def note(conn: object, cursor: object, statement: str, *args: object) -> None:
        if re.search(r"\bFROM relation_types\b", statement):  # what reading the links asks for, with them
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        start = TEXT.index("泸州银行") - 1  # 由: a span of its own (snapping is off)
        window.view.select_range(start, start + 1)
        window.editing.apply_label(label_ids_of(sessions)["ORGANIZATION"])
        window.editing.apply_label(label_ids_of(sessions)["PROGRAM"])  # the new span, selected: relabelled
        assert window.selected_span().text == "由" and shown(window) == stored(window, sessions) == linked
        pick(window, "377.178亿元")
        press(qtbot, window, Qt.Key.Key_Delete)
        assert shown(window) == stored(window, sessions) == {("1007户", "所属项目", "酒城同心·金融速贷")}
        assert link_cell(window, "酒城同心·金融速贷") == "←所属项目 1007户"
        assert reads == []
        window.undo_stack.undo()  # the deletion: its link comes back
        assert shown(window) == stored(window, sessions) == linked
        window.undo_stack.redo()
        assert shown(window) == stored(window, sessions) == {("1007户", "所属项目", "酒城同心·金融速贷")}
        for _ in range(4):  # the deletion, the relabelling, the adding, the second link
            window.undo_stack.undo()
        assert shown(window) == stored(window, sessions) == {("377.178亿元", "所属项目", "酒城同心·金融速贷")}
    finally:
        event.remove(engine, "before_cursor_execute", note)


def shown(window: MainWindow) -> set[tuple[str, str, str]]:
    """The layer's links as the window holds them (arrows, the links column, relabel checks)."""
    texts = {span.id: span.text for span in window.layer.index}
    return {(texts[row.from_span_id], row.type, texts[row.to_span_id]) for row in window.linking.relations.rows}
