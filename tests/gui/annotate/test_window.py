"""The annotation window driven as a user drives it: keys, clicks, the status bar, and the database behind it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Annotator, Label, Span, TrashItem
from biaozhu.db.spans import add_span
from biaozhu.db.status import get_status, touch
from biaozhu.gui.annotate.tag_all import TagAllDialog
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.wording import fill

ME = "张三"
Row = tuple[int, int, str, str]


def add_text(sessions: sessionmaker[Session], name: str, text: str) -> int:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name=name, text=text, source=name))
        return document.id


def stored(sessions: sessionmaker[Session], annotator: str = ME) -> list[Row]:
    """This annotator's spans as the database has them: (start, end, label, text)."""
    with sessions() as session:
        return sorted(session.execute(
            select(Span.start, Span.end, Label.name, Span.text).join(Label, Span.label_id == Label.id)
            .join(Annotator, Span.annotator_id == Annotator.id).where(Annotator.name == annotator)).all())


@pytest.fixture
def open_window(sessions: sessionmaker[Session],
                open_annotation: Callable[..., MainWindow]) -> Callable[..., MainWindow]:
    """``open_window(document_id, snapping=False)``: this file's annotator's window on the test project."""
    return lambda document_id=None, *, snapping=False: open_annotation(sessions, ME, document_id, snapping=snapping)


def select_by_keys(qtbot: QtBot, window: MainWindow, start: int, characters: int) -> None:
    """Put the cursor at code point ``start`` and extend the selection with Shift+Right."""
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(start))
    window.view.setTextCursor(cursor)
    for _ in range(characters):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def test_a_hotkey_tags_the_selection_with_code_point_offsets_after_astral_characters(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    text = "𠮷野家😀开业，泸州银行贷款377.178亿元。"
    add_text(sessions, "astral.txt", text)
    window = open_window()
    bank = text.index("泸州银行")
    select_by_keys(qtbot, window, bank, 4)
    press(qtbot, window, Qt.Key.Key_3)
    amount = text.index("377")
    select_by_keys(qtbot, window, amount, 10)  # 377.178亿元。: the full stop is trimmed
    press(qtbot, window, Qt.Key.Key_2)
    assert stored(sessions) == [(bank, bank + 4, "ORGANIZATION", "泸州银行"),
                                (amount, amount + 9, "METRIC", "377.178亿元")]
    assert window.label_bar.buttons[window.labels.labels[2].id].text().endswith("1")


def test_the_selection_is_trimmed_and_a_label_button_tags_it_too(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    text = "推进“万企兴万村”行动， 7306人次 参加。"
    add_text(sessions, "trim.txt", text)
    window = open_window()
    window.view.select_range(text.index("“") - 1, text.index("行动") + 3)  # "进“万企兴万村”行动，"
    button = window.label_bar.buttons[window.labels.labels[0].id]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    start = text.index("进")
    assert stored(sessions) == [(start, start + 10, "PROGRAM", "进“万企兴万村”行动")]
    window.view.select_range(text.index(" 7306"), text.index("次") + 2)  # " 7306人次 "
    press(qtbot, window, Qt.Key.Key_2)
    assert (text.index("7306"), text.index("次") + 1, "METRIC", "7306人次") in stored(sessions)
    window.view.select_range(text.index("“"), text.index("”") + 1)  # “万企兴万村”: a pair at both edges goes
    press(qtbot, window, Qt.Key.Key_1)
    assert (text.index("万企"), text.index("”"), "PROGRAM", "万企兴万村") in stored(sessions)


def test_relabel_delete_undo_and_redo_each_reach_the_database(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    text = "泸州市委统战部召开会议。"
    add_text(sessions, "edit.txt", text)
    window = open_window()
    select_by_keys(qtbot, window, 0, 7)
    press(qtbot, window, Qt.Key.Key_1)
    assert stored(sessions) == [(0, 7, "PROGRAM", "泸州市委统战部")]
    press(qtbot, window, Qt.Key.Key_3)  # the new span is selected: a label key relabels it
    assert stored(sessions) == [(0, 7, "ORGANIZATION", "泸州市委统战部")]
    select_by_keys(qtbot, window, 0, 8)  # the span's text and the next character, which snapping does not take
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_2)  # exactly the span selected: relabel it rather than add a twin
    assert stored(sessions) == [(0, 7, "METRIC", "泸州市委统战部")]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions) == [(0, 7, "ORGANIZATION", "泸州市委统战部")]
    press(qtbot, window, Qt.Key.Key_Tab)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert stored(sessions) == []
    with sessions() as session:
        assert session.scalar(select(TrashItem.summary)) == "ORGANIZATION 泸州市委统战部"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the delete
    assert stored(sessions) == [(0, 7, "ORGANIZATION", "泸州市委统战部")]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the relabel, on the restored id
    assert stored(sessions) == [(0, 7, "PROGRAM", "泸州市委统战部")]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the add
    assert stored(sessions) == []
    assert len(window.layer.index) == 0
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions) == [(0, 7, "ORGANIZATION", "泸州市委统战部")]
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions) == []
    assert window.actions_.by_name["undo"].text().startswith("Undo")


def test_a_crossing_span_is_refused_in_the_status_bar_and_nesting_is_allowed(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    text = "泸州市委统战部召开会议。"
    add_text(sessions, "cross.txt", text)
    window = open_window()
    select_by_keys(qtbot, window, 0, 7)
    press(qtbot, window, Qt.Key.Key_3)
    select_by_keys(qtbot, window, 5, 4)  # 战部召开: crosses 泸州市委统战部
    press(qtbot, window, Qt.Key.Key_1)
    assert "cross" in window.statusBar().currentMessage()
    assert stored(sessions) == [(0, 7, "ORGANIZATION", "泸州市委统战部")]
    select_by_keys(qtbot, window, 0, 2)  # 泸州 inside it
    press(qtbot, window, Qt.Key.Key_3)
    assert stored(sessions) == [(0, 2, "ORGANIZATION", "泸州"), (0, 7, "ORGANIZATION", "泸州市委统战部")]


def test_tag_all_occurrences_counts_confirms_and_undoes_in_one_step(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot,
        activate: Callable[[MainWindow], None]) -> None:
    first = add_text(sessions, "a.txt", "泸州银行放贷。泸州银行和泸州银行行长。")
    add_text(sessions, "b.txt", "吉林也有泸州银行。")
    window = open_window(first)
    select_by_keys(qtbot, window, 0, 4)
    press(qtbot, window, Qt.Key.Key_3)
    seen: list[str] = []

    def choose_everywhere() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TagAllDialog)
        scope = dialog.scope
        seen.extend([scope.itemText(0), scope.itemText(1), dialog.skipped.text()])
        scope.setCurrentIndex(1)
        seen.append(dialog.list.item(2).text())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, choose_everywhere)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert seen[:3] == ["This document (2)", "All documents (3)",
                        "Skipped: 1 tagged already, 0 would cross a span, 0 inside a span of the same label."]
    assert seen[3] == "b.txt: …吉林也有【泸州银行】。…"  # each occurrence with its context
    assert [(s, e) for s, e, _, _ in stored(sessions)] == [(0, 4), (4, 8), (7, 11), (12, 16)]
    assert len(window.layer.index) == 3
    activate(window)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions) == [(0, 4, "ORGANIZATION", "泸州银行")]
    assert len(window.layer.index) == 1


def test_tag_all_leaves_names_inside_longer_ones_and_unticked_occurrences_alone(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    first = add_text(sessions, "a.txt", "市委统战部召开会议。")
    second = add_text(sessions, "b.txt", "绵阳市委统战部和市委统战部。泸州市委统战部")
    third = add_text(sessions, "c.txt", "市委统战部。")
    text = "绵阳市委统战部和市委统战部。泸州市委统战部"
    with sessions.begin() as session:
        organisation = label_ids(session)["ORGANIZATION"]
        add_span(session, second, ensure_annotator(session, "李四").id, organisation, 0, 7, "绵阳市委统战部")
        luzhou = text.index("泸州")
        add_span(session, second, ensure_annotator(session, ME).id, organisation, luzhou, luzhou + 7, "泸州市委统战部")
    window = open_window(first, snapping=True)  # jieba knows the project's span texts: 绵阳市委统战部 is a word
    select_by_keys(qtbot, window, 0, 5)
    press(qtbot, window, Qt.Key.Key_3)
    listed: list[tuple[str, bool]] = []

    def untick_and_tag() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TagAllDialog)
        dialog.scope.setCurrentIndex(1)
        items = [dialog.list.item(row) for row in range(dialog.list.count())]
        listed.extend((item.text(), item.checkState() == Qt.CheckState.Checked) for item in items)
        listed.append((dialog.skipped.text(), True))
        items[2].setCheckState(Qt.CheckState.Unchecked)  # c.txt: left alone by hand
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, untick_and_tag)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert listed == [("b.txt: …绵阳【市委统战部】和市委统战部。泸州市委统…（inside the word “绵阳市委统战部”)"
                       .replace("（", " ("), False),
                      ("b.txt: …绵阳市委统战部和【市委统战部】。泸州市委统战部…", True),
                      ("c.txt: …【市委统战部】。…", True),
                      ("Skipped: 1 tagged already, 0 would cross a span, 1 inside a span of the same label.", True)]
    middle = text.index("和") + 1
    assert stored(sessions) == sorted([(0, 5, "ORGANIZATION", "市委统战部"), (luzhou, luzhou + 7, "ORGANIZATION",
                                       "泸州市委统战部"), (middle, middle + 5, "ORGANIZATION", "市委统战部")])
    assert third and "Tagged 1 occurrences; 4 left alone" in window.statusBar().currentMessage()


def test_a_span_text_with_a_placeholder_is_shown_as_it_is_and_commands_keep_their_text(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    """Messages are filled in one pass (占比5%4 was shown as 占比512 when %4 was filled after %1), and the
    commands' span texts do not shadow QUndoCommand.text(), which the Edit menu and the undo view call."""
    text = "市场占比5%4，同比增长12%。另有占比5%4。"
    add_text(sessions, "percent.txt", text)
    window = open_window()
    select_by_keys(qtbot, window, 2, 5)
    press(qtbot, window, Qt.Key.Key_2)
    assert stored(sessions) == [(2, 7, "METRIC", "占比5%4")]
    added = window.undo_stack.command(0)
    assert added.text() == window.undo_stack.undoText() == "tag “占比5%4” as 指标 METRIC"  # the caption: title and code
    # A sentence with four placeholders: filled one after another, the span's own %4 would become the fourth value.
    assert fill("%1: %2 spans, %3 documents, %4", "占比5%4", 2, 1, "done") == "占比5%4: 2 spans, 1 documents, done"

    def tag_them() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TagAllDialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, tag_them)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    tagged = window.undo_stack.command(1)
    assert tagged.text() == "tag all “占比5%4” (1)" and tagged.span_text == added.span_text == "占比5%4"
    assert len(stored(sessions)) == 2


def test_word_snapping_grows_to_words_and_keeps_a_learned_span_text_whole(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    learned = add_text(sessions, "learned.txt", "推出“酒城同心·金融速贷”产品。")
    with sessions.begin() as session:
        me = ensure_annotator(session, "李四").id
        add_span(session, learned, me, label_ids(session)["PROGRAM"], 3, 12, "酒城同心·金融速贷")
    text = "泸州市委统战部联合推出酒城同心·金融速贷。"
    add_text(sessions, "snap.txt", text)
    window = open_window(snapping=True)
    window.open_document(2)
    assert "on" in window.snap_label.text()
    select_by_keys(qtbot, window, 1, 4)  # 州市委统
    press(qtbot, window, Qt.Key.Key_3)
    select_by_keys(qtbot, window, text.index("金融"), 2)
    press(qtbot, window, Qt.Key.Key_1)
    program = text.index("酒城")
    assert stored(sessions) == [(0, 7, "ORGANIZATION", "泸州市委统战部"),
                                (program, program + 9, "PROGRAM", "酒城同心·金融速贷")]
    select_by_keys(qtbot, window, text.index("金融"), 2)  # inside the span: snapping must not undo the nesting
    press(qtbot, window, Qt.Key.Key_1)
    assert (program + 5, program + 7, "PROGRAM", "金融") in stored(sessions)
    select_by_keys(qtbot, window, program, 9)
    press(qtbot, window, Qt.Key.Key_1)
    assert "already" in window.statusBar().currentMessage()
    assert len(stored(sessions)) == 3


def test_text_that_looks_like_html_is_shown_literally(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow]) -> None:
    text = "<b>泸州</b> &amp; 吉林 <script>x</script>\n第二行"
    add_text(sessions, "html.txt", text)
    window = open_window()
    assert window.view.toPlainText() == text
    assert "<b>" in window.view.toPlainText()


def test_opens_on_the_document_last_worked_on_with_the_focus_in_the_text(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow]) -> None:
    add_text(sessions, "one.txt", "第一篇。")
    second = add_text(sessions, "two.txt", "第二篇。")
    with sessions.begin() as session:
        touch(session, second, ensure_annotator(session, ME).id)
    window = open_window()
    assert window.layer.document_id == second
    assert window.view.toPlainText() == "第二篇。"
    assert window.view.hasFocus()
    assert ME in window.annotator_label.text()
    assert window.progress_label.text() == "0/2 done"


def test_mark_done_is_undoable_and_opens_the_next_unfinished_document(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    first = add_text(sessions, "one.txt", "第一篇。")
    second = add_text(sessions, "two.txt", "第二篇。")
    window = open_window(first)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with sessions() as session:
        me = ensure_annotator(session, ME).id
        assert get_status(session, first, me) == "done"
    assert window.layer.document_id == second
    assert window.progress_label.text() == "1/2 done"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with sessions() as session:
        assert get_status(session, first, me) == "in_progress"


def test_tab_walks_spans_a_click_selects_one_and_alt_arrows_move_its_edges(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    text = "泸州银行和吉林银行。"
    add_text(sessions, "walk.txt", text)
    window = open_window()
    for start in (0, 5):
        select_by_keys(qtbot, window, start, 4)
        press(qtbot, window, Qt.Key.Key_3)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.view.selected_span is None
    press(qtbot, window, Qt.Key.Key_Tab)  # from the cursor at the end, Tab wraps round to the first span
    assert window.selected_span().text == "泸州银行"
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.selected_span().text == "吉林银行"
    press(qtbot, window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected_span().text == "泸州银行"
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # start one right
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(sessions)[0] == (1, 5, "ORGANIZATION", "州银行和")
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "cross" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Escape)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(7)
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selected_span().text == "吉林银行"
    assert window.view.describe(window.selected_span()) == f"机构 ORGANIZATION  [5, 9)  {ME}"


def test_another_annotators_spans_are_neither_shown_nor_edited(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    document = add_text(sessions, "shared.txt", "泸州银行放贷。")
    with sessions.begin() as session:
        other = ensure_annotator(session, "李四").id
        add_span(session, document, other, label_ids(session)["ORGANIZATION"], 0, 4, "泸州银行")
    window = open_window()
    assert len(window.layer.index) == 0
    select_by_keys(qtbot, window, 0, 2)
    press(qtbot, window, Qt.Key.Key_1)
    assert stored(sessions, "李四") == [(0, 4, "ORGANIZATION", "泸州银行")]
    assert stored(sessions) == [(0, 2, "PROGRAM", "泸州")]


def test_label_keys_reach_the_window_with_the_input_method_kept_off_the_text(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    add_text(sessions, "ime.txt", "泸州银行放贷。")
    window = open_window()
    assert not window.view.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    select_by_keys(qtbot, window, 0, 4)
    composing = QInputMethodEvent("san", [])  # what an IME would send if it reached the view anyway
    QApplication.sendEvent(window.view, composing)
    committed = QInputMethodEvent()
    committed.setCommitString("三")
    QApplication.sendEvent(window.view, committed)
    assert window.view.toPlainText() == "泸州银行放贷。"
    qtbot.keyClicks(window.view, "3")
    assert stored(sessions) == [(0, 4, "ORGANIZATION", "泸州银行")]
    assert not window.view.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_find_in_the_document_selects_the_next_and_previous_hit(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    text = "银行一，银行二，银行三。"
    add_text(sessions, "find.txt", text)
    window = open_window()
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    needle = window.find_bar.needle
    assert needle.hasFocus()
    typed = QInputMethodEvent()  # Chinese arrives from the input method as a commit string
    typed.setCommitString("银行")
    QApplication.sendEvent(needle, typed)
    qtbot.keyClick(needle, Qt.Key.Key_Return)
    assert window.view.selection() == (0, 2)
    qtbot.keyClick(needle, Qt.Key.Key_Return)
    assert window.view.selection() == (4, 6)
    qtbot.keyClick(needle, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() == (0, 2)
    qtbot.keyClick(needle, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden() and window.view.hasFocus()
    assert stored(sessions) == []  # typing into the find bar tagged nothing


def test_a_line_too_long_to_lay_out_is_shown_in_pieces_and_tagged_with_stored_offsets(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    sentence = "泸州银行向民营企业发放贷款𠮷😀，"
    text = sentence * 400  # 6,400 characters and no line break, like text taken out of a PDF
    add_text(sessions, "one-line.txt", text)
    window = open_window()
    assert window.view.blockCount() > 1
    inserted = window.view.positions.to_qt(len(text)) - len(text.encode("utf-16-le")) // 2
    assert inserted == window.view.blockCount() - 1
    first_break = window.view.document().firstBlock().next().position()
    start = window.view.positions.to_cp(first_break) - 3
    select_by_keys(qtbot, window, start, 7)  # across the inserted break, which takes a key press of its own
    press(qtbot, window, Qt.Key.Key_1)
    assert stored(sessions) == [(start, start + 6, "PROGRAM", text[start:start + 6])]
    window.view.select_range(start, start + 6)
    window.view.copy()
    assert QApplication.clipboard().text() == text[start:start + 6]


def test_a_hit_found_across_documents_opens_its_document_with_the_hit_selected(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    first = add_text(sessions, "one.txt", "第一篇没有。")
    second = add_text(sessions, "two.txt", "第二篇：泸州银行。")
    window = open_window(first)
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.project_search
    assert dialog is not None and dialog.isVisible()
    dialog.hit_activated.emit(second, 4, 8)
    assert window.layer.document_id == second
    assert window.view.selection() == (4, 8)
    dialog.close()


def test_undo_of_an_edit_in_another_document_opens_that_document(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    first = add_text(sessions, "one.txt", "泸州银行放贷。")
    second = add_text(sessions, "two.txt", "吉林银行放贷。")
    window = open_window(first)
    select_by_keys(qtbot, window, 0, 4)
    press(qtbot, window, Qt.Key.Key_3)
    window.open_document(second)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions) == []
    assert window.layer.document_id == first
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(sessions) == [(0, 4, "ORGANIZATION", "泸州银行")]
    assert window.selected_span().text == "泸州银行"


def test_zoom_keys_change_the_text_size_and_the_label_bar_explains_each_label(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    add_text(sessions, "zoom.txt", "泸州银行。")
    window = open_window()
    size = window.view.font().pointSize()
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSize() == size + 1
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSize() == size - 1
    program = window.label_bar.buttons[window.labels.labels[0].id]
    assert "酒城同心·金融速贷" in program.toolTip()
    assert program.text() == "[1] 项目 PROGRAM  0"


def test_an_empty_project_says_how_to_import_and_its_keys_do_nothing_harmful(
        open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window()
    assert "Import… (Ctrl+I)" in window.view.placeholderText()
    plain, control = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier
    for key, modifiers in ((Qt.Key.Key_1, plain), (Qt.Key.Key_Tab, plain), (Qt.Key.Key_Delete, plain),
                           (Qt.Key.Key_Return, control), (Qt.Key.Key_T, control)):
        press(qtbot, window, key, modifiers)
    assert window.layer.document_id is None
    assert window.progress_label.text() == "0/0 done"


def test_an_edit_the_database_refuses_is_reported_and_leaves_no_undo_step(
        sessions: sessionmaker[Session], open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    add_text(sessions, "gone.txt", "泸州银行放贷。")
    window = open_window()
    select_by_keys(qtbot, window, 0, 4)
    press(qtbot, window, Qt.Key.Key_3)
    with sessions.begin() as session:  # another program deletes the span meanwhile
        session.execute(Span.__table__.delete())
    steps = window.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_1)  # relabel the (still selected) span
    assert "gone" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == steps
    assert stored(sessions) == []
