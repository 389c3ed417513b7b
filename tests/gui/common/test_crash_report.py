"""A bug (any exception that is not a known storage failure) in a slot or an undo command: a crash report
the user can read, copy and send, saved under the log folder, and the app goes on working."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.errors import LOCKED
from biaozhu.gui.annotate.commands import LayerCommand
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.crash_report import CrashReporter

pytestmark = pytest.mark.qt_no_exception_capture  # the reporter owns sys.excepthook in these tests


@pytest.fixture
def reporter(tmp_path: Path) -> Iterator[CrashReporter]:
    original = sys.excepthook
    installed = CrashReporter(tmp_path / "logs")
    installed.install()
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
        installed.dialog.deleteLater()
    assert sys.excepthook is original


def failing_slot() -> None:
    raise ZeroDivisionError("injected by the test")


def test_a_bug_in_a_slot_shows_a_report_saves_it_and_the_app_goes_on(
        qtbot: QtBot, reporter: CrashReporter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    button = QPushButton("boom")
    qtbot.addWidget(button)
    button.clicked.connect(failing_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    report = dialog.report.toPlainText()
    assert dialog.report.isReadOnly()
    assert "in failing_slot" in report and report.rstrip().endswith("ZeroDivisionError: injected by the test")
    saved = list((tmp_path / "logs").glob("crash-*.txt"))
    assert len(saved) == 1 and saved[0].read_text(encoding="utf-8") == report
    assert str(saved[0]) in dialog.intro.text()
    dialog.findChild(QPushButton, "copy").click()
    assert QGuiApplication.clipboard().text() == report
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # still running; a second bug is added to the same dialog
    assert reporter.dialog is dialog and dialog.report.toPlainText().count("ZeroDivisionError: injected") == 2
    assert len(list((tmp_path / "logs").glob("crash-*.txt"))) == 2
    assert "ZeroDivisionError: injected by the test" in capsys.readouterr().err  # and on stderr for developers


def test_a_report_that_cannot_be_saved_is_still_shown(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("")
    reporter = CrashReporter(tmp_path / "not-a-folder" / "logs")
    reporter.install()
    try:
        button = QPushButton("boom")
        qtbot.addWidget(button)
        button.clicked.connect(failing_slot)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        reporter.uninstall()
    assert reporter.dialog is not None and reporter.last_report_path is None
    assert "could not be saved" in reporter.dialog.intro.text()
    reporter.dialog.close()


class BuggyEdit(LayerCommand):
    """An edit with a bug in it, as a future command might have."""

    def do(self) -> None:
        raise KeyError("a bug in an edit")


def test_a_bug_in_an_edit_leaves_the_undo_stack_alone(qtbot: QtBot, reporter: CrashReporter,
                                                     sessions: sessionmaker[Session],
                                                     open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text="泸州市委统战部。", source=""))
    window = open_annotation(sessions, "张三")
    edit = QPushButton("edit", window)  # pushed from a slot, as every edit is
    edit.clicked.connect(lambda: window.history.push(BuggyEdit(window.layer, window.history, 1, "buggy")))
    edit.click()
    assert reporter.dialog is not None and "a bug in an edit" in reporter.dialog.report.toPlainText()
    assert "in do" in reporter.dialog.report.toPlainText()
    assert window.undo_stack.count() == 0 and len(window.layer.index) == 0
    window.close()


def test_a_storage_failure_escaping_a_slot_is_a_message_not_a_crash_report(
        qtbot: QtBot, reporter: CrashReporter) -> None:
    def read_a_locked_project() -> None:
        raise sqlite3.OperationalError("database is locked")

    button = QPushButton("read")
    qtbot.addWidget(button)
    button.clicked.connect(read_a_locked_project)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert reporter.dialog is None
    assert reporter.notice is not None and reporter.notice.box is not None and reporter.notice.box.isVisible()
    assert reporter.notice.box.text() == f"This change was not made: {LOCKED}"
    reporter.notice.box.close()
