"""Roles in the app: a reserved name cannot annotate, the first person in a project reviews it, a plain annotator
cannot empty the trash, and the audit log (Review → Audit log…) shows who did what, as plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.cli import build_parser
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Span, TrashItem
from biaozhu.db.permissions import change_role, is_reviewer
from biaozhu.db.project import initialise
from biaozhu.db.spans import trash_span
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.annotator_identity import remembered_annotator
from biaozhu.gui.dialogs.audit_log import AuditLogDialog
from biaozhu.gui.windows import start
from luzhou_sample import BANK, TEXT

MARKUP = "<b>李四</b><img src='file:///etc/passwd'>"


def answer_the_box(seen: list[tuple[str, str]], button: QMessageBox.StandardButton | None = None) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text()))
        box.button(button).click() if button is not None else box.accept()
    QTimer.singleShot(0, answer)


def test_the_window_refuses_a_reserved_name(qtbot: QtBot, settings_in: Path, sqlite_path: Path) -> None:
    create_project_engine(sqlite_path).dispose()
    for name in ("gold", " Majority "):
        seen: list[tuple[str, str]] = []
        answer_the_box(seen)
        assert start(build_parser().parse_args(["--db", str(sqlite_path), "--annotator", name, "--lang", "en"])) == 2
        assert len(seen) == 1 and "is a reserved layer name" in seen[0][1] and "only by a reviewer" in seen[0][1]
        assert remembered_annotator() is None  # not remembered for the next start either
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_first_person_reviews_and_the_next_cannot_empty_the_trash(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        store_documents(session, "张三.jsonl", [SourceDocument(name="report", text=TEXT, source="", spans=[BANK],
                                                                annotator="张三")])
    first = open_annotation(sessions, "王五")  # 张三 is only a layer so far: 王五 is the first person here
    with sessions() as session:
        assert is_reviewer(session, "王五") and not is_reviewer(session, "张三")
    first.close()
    with sessions.begin() as session:
        trash_span(session, session.scalar(select(func.min(Span.id))))
    window = open_annotation(sessions, "张三")
    window.actions_.by_name["trash"].trigger()
    dialog = window.trash_dialog
    assert dialog is not None and dialog.isVisible()
    seen: list[tuple[str, str]] = []
    answer_the_box(seen, QMessageBox.StandardButton.Yes)
    dialog.empty_button.click()
    message = dialog.findChild(QLabel, "trash-message").text()
    assert message.startswith("张三 is not a reviewer: only a reviewer may empty the trash")
    with sessions() as session:
        assert session.scalar(select(func.count(TrashItem.id))) == 1
    dialog.close()
    window.close()


def test_the_audit_log_shows_who_did_what_as_plain_text(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="report", text=TEXT, source=""))
        change_role(session, "王五", "王五", "reviewer")
        change_role(session, "王五", MARKUP, "reviewer")
        store_documents(session, "<i>a</i>.jsonl", [SourceDocument(name="report", text=TEXT, source="",
                                                                    spans=[BANK], annotator="张三")], actor=MARKUP)
    window = open_annotation(sessions, "王五")
    review_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    assert "audit-log" in [action.objectName() for action in review_menu.actions()]
    window.actions_.by_name["audit-log"].trigger()
    dialog = window.audit_dialog
    assert isinstance(dialog, AuditLogDialog) and dialog.isVisible()
    table = dialog.findChild(QTableWidget, "audit-log")
    shown = [[table.item(row, column).text() for column in range(1, 4)] for row in range(table.rowCount())]
    assert shown == [[MARKUP, "import", "<i>a</i>.jsonl: 0 documents, 1 spans into 张三"],
                     ["王五", "role change", f"{MARKUP} is now a reviewer"],
                     ["王五", "role change", "王五 is now a reviewer: the first person in a project without one"]]
    assert "&lt;b&gt;" in table.item(0, 1).toolTip()  # the tooltip, which Qt would read as markup, is escaped
    assert dialog.findChild(QLabel, "audit-log-message").text() == "3 entries, newest first."
    with sessions.begin() as session:
        change_role(session, "王五", "张三", "reviewer")
    window.actions_.by_name["audit-log"].trigger()  # read again at every opening
    assert table.rowCount() == 4 and table.item(0, 3).text() == "张三 is now a reviewer"
    dialog.close()
    window.close()


def test_a_project_made_before_roles_gets_its_first_reviewer_from_the_app(
        qtbot: QtBot, settings_in: Path, sqlite_path: Path) -> None:
    engine = create_project_engine(sqlite_path)
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=True)
    engine.dispose()
    result = start(build_parser().parse_args(["--db", str(sqlite_path), "--annotator", "赵六", "--lang", "en"]))
    assert not isinstance(result, int)
    qtbot.addWidget(result.window)
    with session_factory(result.engine)() as session:
        assert is_reviewer(session, "赵六")
    result.windows.close()
    result.engine.dispose()
