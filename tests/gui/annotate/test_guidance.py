"""The guide (issue 18) as a user meets it: a label's guideline written in the labels dialog shows on its
button's hover as text and in the guide panel rendered from Markdown; F1 opens the guide at the selected span's
label; a reviewer pins spans as examples (Ctrl+G / Ctrl+B), which the guide shows in context, and undo unpins."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.guidelines import list_examples, project_guideline
from biaozhu.db.labels import label_ids
from biaozhu.db.permissions import ensure_person
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"
GUIDELINE = "机构的**全称**。\n\n- 标：泸州银行\n- 不标：<img src=x> 简称"


def window_on(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        labels, me = label_ids(session), ensure_person(session, "张三").id  # the first person: the reviewer
        add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
        add_span(session, document.id, me, labels["METRIC"], 30, 39, "377.178亿元")
    window = open_annotation(sessions, "张三", document.id)
    qtbot.waitUntil(lambda: len(window.layer.index) == 2)
    return window


def test_a_guideline_written_in_the_labels_dialog_shows_on_hover_and_in_the_guide(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    dialog = window.label_sync.open_dialog()
    dialog.list.setCurrentRow([label.name for label in dialog.entries].index("ORGANIZATION"))
    dialog.definition.setPlainText(GUIDELINE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.close()
    organisation = window.labels.named("ORGANIZATION")
    assert organisation is not None
    tip = window.label_bar.buttons[organisation.id].toolTip()
    assert "机构的**全称**。" in tip and "&lt;img src=x&gt;" in tip and "<img" not in tip  # as written, escaped

    window.view.select_span(window.layer.index.get(next(s.id for s in window.layer.index if s.text == "泸州银行")))
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    guide = window.guidance
    assert guide.dock.isVisible()
    shown = guide.panel.plain_text()
    assert "机构的全称。" in shown and "**" not in shown  # rendered from Markdown
    assert "<img src=x> 简称" in shown  # HTML in a guideline is text, never markup
    assert shown.index("Project guideline") < shown.index("机构 ORGANIZATION") < shown.index("机构的全称")


def test_the_project_guideline_is_edited_and_shown_at_the_top(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    window.guidance.open_guide()
    editor = window.guidance.panel.edit_guideline()
    editor.editor.setPlainText("# 总则\n只标正式名称")
    editor.save()
    assert not editor.isVisible()
    with sessions() as session:
        assert project_guideline(session) == "# 总则\n只标正式名称"
    shown = window.guidance.panel.plain_text()
    assert shown.startswith("Project guideline\n总则\n只标正式名称")


def test_a_reviewer_pins_good_and_bad_examples_the_guide_shows_them_and_undo_unpins(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    bank = next(s for s in window.layer.index if s.text == "泸州银行")
    figure = next(s for s in window.layer.index if s.text == "377.178亿元")
    window.view.select_span(bank)
    qtbot.keyClick(window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    window.view.select_span(figure)
    qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    with sessions() as session:
        assert {(item.example.text, item.example.verdict) for item in list_examples(session)} == {
            ("泸州银行", "good"), ("377.178亿元", "bad")}
    window.guidance.open_guide()
    shown = window.guidance.panel.plain_text()
    assert "✓ good  …泸州市委统战部与泸州银行推出“酒城同心·金融速贷…" in shown
    assert "✗ bad  …心·金融速贷”，发放贷款377.178亿元。…" in shown

    qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # again: unpinned
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone: pinned again
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone: never pinned
    with sessions() as session:
        assert [(item.example.text, item.example.verdict) for item in list_examples(session)] == [
            ("泸州银行", "good")]
    assert "✗ bad" not in window.guidance.panel.plain_text()


def test_an_annotator_who_is_no_reviewer_is_told_pins_are_for_reviewers(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        ensure_person(session, "王五")  # the project's reviewer
    window = window_on(sessions, open_annotation, qtbot)
    window.view.select_span(next(iter(window.layer.index)))
    with qtbot.waitSignal(window.history.refused) as refused:
        qtbot.keyClick(window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert "only a reviewer may pin" in refused.args[0]
    with sessions() as session:
        assert list_examples(session) == []


def test_a_long_guideline_shows_its_first_lines_on_hover(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    dialog = window.label_sync.open_dialog()
    dialog.list.setCurrentRow([label.name for label in dialog.entries].index("METRIC"))
    dialog.definition.setPlainText("\n".join(f"- rule {n}" for n in range(1, 31)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    metric = window.labels.named("METRIC")
    assert metric is not None
    tip = window.label_bar.buttons[metric.id].toolTip()
    assert "- rule 14<br>… (F1: the whole guide)" in tip and "rule 15" not in tip
    window.guidance.open_guide()
    assert "rule 30" in window.guidance.panel.plain_text()


def test_a_pinned_span_deleted_leaves_the_guide_and_comes_back_with_undo(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    """The deletion carries the pin to the trash: the guide shown follows it (and its undo) at once."""
    window = window_on(sessions, open_annotation, qtbot)
    window.view.select_span(next(s for s in window.layer.index if s.text == "泸州银行"))
    qtbot.keyClick(window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    window.guidance.open_guide()
    assert "✓ good  …泸州市委统战部与泸州银行" in window.guidance.panel.plain_text()
    window.view.select_span(next(s for s in window.layer.index if s.text == "377.178亿元"))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # a span without a pin: the guide stays as it is
    assert "✓ good  …泸州市委统战部与泸州银行" in window.guidance.panel.plain_text()
    window.view.select_span(next(s for s in window.layer.index if s.text == "泸州银行"))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "✓ good" not in window.guidance.panel.plain_text()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "✓ good  …泸州市委统战部与泸州银行" in window.guidance.panel.plain_text()
