"""The 标签… dialog (Ctrl+L) driven as a user drives it: a label added, renamed, moved and deleted reaches the
open window at once and a second app's window through polling; a taken hotkey is refused with a message; a
deleted label and its spans come back from the trash."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids, list_labels
from biaozhu.db.permissions import ensure_person
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.dialogs.labels import LabelsDialog

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


@pytest.fixture
def two_windows(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> tuple[MainWindow,
                                                                                                       MainWindow]:
    """张三's window and 李四's (another app on the same project: it learns of changes by polling)."""
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        labels = label_ids(session)
        me = ensure_person(session, "张三").id  # the project's first person: its reviewer, who may delete labels
        add_span(session, document.id, me, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
        add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
    other = open_annotation(sessions, "李四", document.id, poll_ms=50)
    mine = open_annotation(sessions, "张三", document.id, poll_ms=50)
    return mine, other


def bar(window: MainWindow) -> list[str]:
    return [window.label_bar.buttons[label.id].text() for label in window.labels]


def open_dialog(qtbot: QtBot, window: MainWindow) -> LabelsDialog:
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.label_sync.dialog
    assert isinstance(dialog, LabelsDialog) and dialog.isVisible()
    return dialog


def choose(dialog: LabelsDialog, name: str) -> None:
    dialog.list.setCurrentRow([label.name for label in dialog.entries].index(name))


def message(dialog: LabelsDialog) -> str:
    return dialog.findChild(QLabel, "labels-message").text()


def test_a_new_label_reaches_this_window_and_another_apps_window(
        qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow]) -> None:
    mine, other = two_windows
    dialog = open_dialog(qtbot, mine)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "POLICY")
    dialog.title_edit.setText("政策")  # QTest types ASCII only
    qtbot.keyClicks(dialog.hotkey, "4")
    dialog.definition.setPlainText("A policy document or measure.\n例如：稳岗政策")
    dialog.set_colour("#123456")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message(dialog) == "Added POLICY."
    assert bar(mine)[-1] == "[4] 政策 POLICY  0"  # at once, through the change bus
    button = mine.label_bar.buttons[mine.labels.named("POLICY").id]
    assert "例如：稳岗政策" in button.toolTip() and "<br>" in button.toolTip()  # the definition, line by line
    qtbot.waitUntil(lambda: bar(other)[-1:] == ["[4] 政策 POLICY  0"], timeout=5000)  # polled
    assert "Tag as 政策 POLICY" in [action.text() for action in mine.actions_.annotate_menu.actions()]

    dialog.close()
    mine.activateWindow()
    qtbot.waitUntil(mine.isActiveWindow)
    mine.view.setFocus()
    mine.view.select_range(14, 25)  # “酒城同心·金融速贷”: the quote pair around the selection is trimmed
    qtbot.keyClick(mine.view, Qt.Key.Key_4)
    assert [(span.text, mine.labels[span.label_id].name) for span in mine.layer.index if span.start > 12] == [
        ("酒城同心·金融速贷", "POLICY")]


def test_a_rename_and_a_move_reach_both_windows(qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow],
                                                sessions: sessionmaker[Session]) -> None:
    mine, other = two_windows
    dialog = open_dialog(qtbot, mine)
    choose(dialog, "PROGRAM")
    dialog.name.setText("PROJECT")
    dialog.title_edit.setText("工程")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert bar(mine)[0] == "[1] 工程 PROJECT  0"
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert [label.name for label in mine.labels] == ["METRIC", "PROJECT", "ORGANIZATION"]
    qtbot.waitUntil(lambda: [label.name for label in other.labels] == ["METRIC", "PROJECT", "ORGANIZATION"],
                    timeout=5000)
    assert bar(other)[1] == "[1] 工程 PROJECT  0"
    with sessions() as session:
        assert [label.name for label in list_labels(session)] == ["METRIC", "PROJECT", "ORGANIZATION"]


def test_a_taken_hotkey_is_refused_with_a_message(qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow],
                                                 sessions: sessionmaker[Session]) -> None:
    mine, _ = two_windows
    dialog = open_dialog(qtbot, mine)
    choose(dialog, "METRIC")
    dialog.hotkey.setText("1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message(dialog) == "hotkey 1 is taken by PROGRAM"
    with sessions() as session:
        assert {label.name: label.hotkey for label in list_labels(session)}["METRIC"] == "2"
    assert bar(mine)[1].startswith("[2] ")


def answer(button: QMessageBox.StandardButton, seen: list[str]) -> Callable[[QMessageBox], None]:
    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(button).click()
    return click


def test_a_deleted_label_and_its_spans_come_back_from_the_trash(
        qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], when_modal: Callable[..., None]) -> None:
    mine, other = two_windows
    dialog = open_dialog(qtbot, mine)
    choose(dialog, "ORGANIZATION")
    seen: list[str] = []
    when_modal(answer(QMessageBox.StandardButton.Cancel, seen))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert len(mine.labels) == 3
    when_modal(answer(QMessageBox.StandardButton.Yes, seen))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "Its 2 spans" in seen[0] and "机构 ORGANIZATION" in seen[0]
    assert [label.name for label in mine.labels] == ["PROGRAM", "METRIC"]
    assert list(mine.layer.index) == []  # its spans left the open document at once
    qtbot.waitUntil(lambda: len(other.labels) == 2, timeout=5000)

    mine.open_trash()
    trash = mine.trash_dialog
    table = trash.findChild(QTableWidget, "trash")
    assert [table.item(0, c).text() for c in range(2)] == ["label", "ORGANIZATION 机构 (2 spans)"]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [label.name for label in mine.labels] == ["PROGRAM", "METRIC", "ORGANIZATION"]
    assert [span.text for span in mine.layer.index] == ["泸州市委统战部", "泸州银行"]
    assert bar(mine)[2] == "[3] 机构 ORGANIZATION  2"
    assert [label.name for label in dialog.entries] == ["PROGRAM", "METRIC", "ORGANIZATION"]  # the dialog too
    qtbot.waitUntil(lambda: len(other.labels) == 3, timeout=5000)


def test_review_mode_follows_the_labels_too(qtbot: QtBot, sessions: sessionmaker[Session], open_windows) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
    windows = open_windows(sessions, "王五")
    annotation, review = windows.annotate(), windows.review()
    dialog = annotation.label_sync.open_dialog()
    dialog.start_new()
    dialog.name.setText("POLICY")
    dialog.hotkey.setText("4")
    dialog.save()
    policy = review.labels.named("POLICY")
    assert policy is not None and policy.id in review.colours
    assert review.actions_.by_name["gold-as-POLICY"].shortcut().toString() == "Ctrl+4"
    assert "gold-as-POLICY" in [a.objectName() for a in review.findChild(QMenu, "gold-label-menu").actions()]
    choose(dialog, "POLICY")
    dialog.name.setText("LAW")
    dialog.save()
    assert "gold-as-POLICY" not in review.actions_.by_name
    assert review.actions_.by_name["gold-as-LAW"].shortcut().toString() == "Ctrl+4"
    assert "Ctrl+4" in [a.shortcut().toString() for a in review.view.actions()]


def test_ctrl_l_opens_the_labels_dialog_in_review_mode_and_its_changes_reach_both_windows(
        qtbot: QtBot, sessions: sessionmaker[Session], open_windows) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
    windows = open_windows(sessions, "王五")  # the project's first person: its reviewer
    annotation, review = windows.annotate(), windows.review()
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    qtbot.keyClick(review.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = review.label_sync.dialog
    assert isinstance(dialog, LabelsDialog) and dialog.isVisible() and dialog.parent() is review
    choose(dialog, "PROGRAM")
    dialog.name.setText("PROJECT")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert review.labels.named("PROJECT") is not None and "gold-as-PROJECT" in review.actions_.by_name
    assert bar(annotation)[0].endswith("PROJECT  0")
    assert review.actions_.by_name["labels"].shortcut().toString() == "Ctrl+L"


def test_undo_and_redo_of_an_edit_whose_label_was_deleted_are_refused_with_a_message(
        qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], sessions: sessionmaker[Session],
        when_modal: Callable[..., None]) -> None:
    mine, _ = two_windows
    mine.view.select_range(30, 39)  # 377.178亿元
    qtbot.keyClick(mine.view, Qt.Key.Key_2)
    mine.view.select_span(next(span for span in mine.layer.index if span.start == 8))
    qtbot.keyClick(mine.view, Qt.Key.Key_1)  # 泸州银行 relabelled PROGRAM
    dialog = open_dialog(qtbot, mine)
    choose(dialog, "METRIC")
    when_modal(answer(QMessageBox.StandardButton.Yes, []))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    dialog.close()
    choose(dialog, "PROGRAM")
    when_modal(answer(QMessageBox.StandardButton.Yes, []))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    mine.undo_stack.undo()  # the relabelling: its span went to the trash with PROGRAM
    mine.undo_stack.undo()  # the new METRIC span: gone with its label
    mine.undo_stack.redo()
    assert mine.statusBar().currentMessage() == "its label was deleted (the trash can bring it back)"
    with sessions() as session:
        assert [label.name for label in list_labels(session)] == ["ORGANIZATION"]


def test_a_refusal_is_said_in_the_ui_language(qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow],
                                              qapp: QApplication) -> None:
    mine, _ = two_windows
    install_translator(qapp, "zh")
    try:
        dialog = open_dialog(qtbot, mine)
        choose(dialog, "METRIC")
        dialog.hotkey.setText("1")
        dialog.save()
        assert message(dialog) == "快捷键 1 已被 PROGRAM 使用"
    finally:
        install_translator(qapp, "en")
