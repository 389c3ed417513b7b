"""Finding a phrase across the project as an analyst does: type, pause or press Enter, walk the hits,
open one with Enter or a double-click; on real SQLite (and PostgreSQL when a server is given)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.dialogs.project_search import ProjectSearchDialog

TEXTS = {
    "泸州.txt": "𠮷👍🏽泸州银行推出“酒城同心·金融速贷”。\n泸州银行再次加码 <b>&amp;",
    "吉林.txt": "吉林市工商联与泸州银行无关。Bank of China, BANK",
}


@pytest.fixture
def ids(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions.begin() as session:
        return {name: add_document(session, SourceDocument(name, text, name))[0].id for name, text in TEXTS.items()}


@pytest.fixture
def dialog(qtbot: QtBot, sessions: sessionmaker[Session], ids: dict[str, int],
           open_project: Callable[..., OpenProject]) -> ProjectSearchDialog:
    widget = ProjectSearchDialog(open_project(sessions).runner)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def table(dialog: ProjectSearchDialog) -> list[list[str]]:
    model = dialog.findChild(QTableView).model()
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def summary(dialog: ProjectSearchDialog) -> str:
    return dialog.findChild(QLabel).text()


def search(qtbot: QtBot, dialog: ProjectSearchDialog, query: str) -> None:
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.search(query)


def type_chinese(line: QLineEdit, text: str) -> None:
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(line, commit)


def test_typing_searches_once_typing_pauses(qtbot: QtBot, dialog: ProjectSearchDialog, ids: dict[str, int]) -> None:
    type_chinese(dialog.findChild(QLineEdit), "泸州银行")
    qtbot.waitUntil(lambda: len(table(dialog)) == 3, timeout=2000)
    assert table(dialog) == [
        ["泸州.txt", "𠮷👍🏽", "泸州银行", "推出“酒城同心·金融速贷”。"],
        ["泸州.txt", "", "泸州银行", "再次加码 <b>&amp;"],  # shown as text, never as markup
        ["吉林.txt", "吉林市工商联与", "泸州银行", "无关。Bank of China, BANK"],
    ]
    assert [(h.document_id, h.start, h.end) for h in dialog.hits()] == [
        (ids["泸州.txt"], 3, 7), (ids["泸州.txt"], 22, 26), (ids["吉林.txt"], 7, 11)]
    assert summary(dialog) == "3 hit(s) in 2 document(s)"
    tooltip = dialog.findChild(QTableView).model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert QTextDocumentFragment.fromHtml(tooltip).toPlainText() == "泸州.txt, characters 3 to 7"


def test_enter_moves_to_the_first_hit_and_enter_again_opens_it(qtbot: QtBot, dialog: ProjectSearchDialog,
                                                                ids: dict[str, int]) -> None:
    line = dialog.findChild(QLineEdit)
    qtbot.keyClicks(line, "bank")
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        qtbot.keyClick(line, Qt.Key.Key_Return)  # no need to wait for the pause
    assert [row[2] for row in table(dialog)] == ["Bank", "BANK"]
    results = dialog.findChild(QTableView)
    assert results.hasFocus() and results.currentIndex().row() == 0
    qtbot.keyClick(results, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.hit_activated, timeout=1000) as blocker:
        qtbot.keyClick(results, Qt.Key.Key_Return)
    assert blocker.args == [ids["吉林.txt"], 29, 33]
    assert dialog.isVisible()  # stays open to visit the next hit


def test_down_from_the_query_and_a_double_click_open_a_hit(
        qtbot: QtBot, dialog: ProjectSearchDialog, ids: dict[str, int], double_click: Callable[..., None]) -> None:
    search(qtbot, dialog, "金融速贷")
    line = dialog.findChild(QLineEdit)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Down)  # the hits are there already: straight in
    results = dialog.findChild(QTableView)
    assert results.hasFocus() and results.currentIndex().row() == 0
    rect = results.visualRect(results.model().index(0, 2))
    with qtbot.waitSignal(dialog.hit_activated, timeout=1000) as blocker:
        double_click(results.viewport(), rect.center())
    assert blocker.args == [ids["泸州.txt"], 15, 19]


def test_a_single_click_only_selects(qtbot: QtBot, dialog: ProjectSearchDialog) -> None:
    search(qtbot, dialog, "泸州")
    results = dialog.findChild(QTableView)
    with qtbot.assertNotEmitted(dialog.hit_activated):
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton,
                         pos=results.visualRect(results.model().index(1, 0)).center())
    assert results.currentIndex().row() == 1


def test_nothing_found_and_too_much_found_are_said(qtbot: QtBot, dialog: ProjectSearchDialog,
                                                   sessions: sessionmaker[Session]) -> None:
    search(qtbot, dialog, "统战部")
    assert table(dialog) == []
    assert summary(dialog) == "Not found in any document"
    with sessions.begin() as session:
        add_document(session, SourceDocument("many.txt", "统战" * 600, "many.txt"))
    search(qtbot, dialog, "统战")
    assert len(table(dialog)) == 500
    assert summary(dialog).startswith("500 hit(s) in 1 document(s) (the first 500 are shown")
    dialog.search("")  # answered at once
    assert table(dialog) == [] and summary(dialog) == ""


def test_only_the_latest_text_is_answered(qtbot: QtBot, dialog: ProjectSearchDialog) -> None:
    answers: list[list[str]] = []
    dialog.searched.connect(lambda: answers.append([row[2] for row in table(dialog)]))
    dialog.search("泸州银行")
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.search("工商联")  # typed on before the first answer came
    qtbot.wait(50)  # an out-of-date answer would arrive now
    assert answers == [["工商联"]]


def test_a_damaged_project_file_is_reported_in_words(qtbot: QtBot, tmp_path: Path,
                                                      open_project: Callable[..., OpenProject]) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"this is not a database" * 100)
    engine = create_engine(f"sqlite:///{damaged}")
    widget = ProjectSearchDialog(open_project(sessionmaker(engine)).runner)
    qtbot.addWidget(widget)
    search(qtbot, widget, "泸州")
    assert table(widget) == []
    assert "corrupt" in summary(widget) or "not a biaozhu project" in summary(widget)
    engine.dispose()
