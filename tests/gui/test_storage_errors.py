"""Storage failures in the app: an edit the database cannot store (another program holds the write lock past
the busy timeout) is not applied, the undo stack is unchanged, a box says so, and the window goes on;
trying again once the lock is gone works. The same holds for undo and redo. A project that cannot be
opened at all (corrupt, from a newer biaozhu, locked) is a message box and exit code 2, with no window."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

import pg_server
from biaozhu.cli import build_parser
from biaozhu.corpus.model import SourceDocument
from biaozhu.db import engine as engine_module
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.errors import LOCKED
from biaozhu.db.models import GOLD, Annotator, Span
from biaozhu.db.project import initialise
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.review.window import ReviewWindow
from biaozhu.gui.windows import Started, start
from luzhou_sample import BANK, LOAN, REVIEWER, SHORT, store_review

ME = "张三"
TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”。"


@pytest.fixture
def impatient(sqlite_path: Path) -> Iterator[sessionmaker[Session]]:
    """A project whose writes give up after 200 ms of waiting for another program's lock."""
    engine = create_project_engine(str(sqlite_path), busy_timeout_ms=200)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
    yield sessions
    engine.dispose()


class OtherProgram:
    """Another program holding the project's write lock (``BEGIN EXCLUSIVE``) until it lets go."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)

    def __enter__(self) -> OtherProgram:
        self.connection.execute("BEGIN EXCLUSIVE")
        return self

    def __exit__(self, *_: object) -> None:
        self.connection.execute("ROLLBACK")
        self.connection.close()


@pytest.fixture
def window(impatient: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> MainWindow:
    return open_annotation(impatient, ME)  # no word snapping: the selection is the span


def stored(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(Span.text).order_by(Span.start)))


def tag_first_seven(qtbot: QtBot, window: MainWindow) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(7, cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key.Key_3)


def notice(window: MainWindow) -> QMessageBox:
    box = window.findChild(QMessageBox, "storage-error")
    assert box is not None and box.isVisible()
    return box


def close_notice(qtbot: QtBot, window: MainWindow) -> None:
    """OK on the box, and back to the text, as the user would."""
    notice(window).button(QMessageBox.StandardButton.Ok).click()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


def test_a_new_edit_that_cannot_be_stored_is_not_applied(qtbot: QtBot, window: MainWindow,
                                                         impatient: sessionmaker[Session], sqlite_path: Path) -> None:
    with OtherProgram(sqlite_path):
        tag_first_seven(qtbot, window)
        assert notice(window).text() == f"This change was not made: {LOCKED}"
        assert window.statusBar().currentMessage() == LOCKED
        assert window.undo_stack.count() == 0 and len(window.layer.index) == 0
    close_notice(qtbot, window)
    assert stored(impatient) == []
    tag_first_seven(qtbot, window)  # the lock is gone: the same key works, the window never stopped working
    assert stored(impatient) == ["泸州市委统战部"] and window.undo_stack.count() == 1
    window.close()


def test_an_undo_or_redo_that_cannot_be_stored_leaves_the_stack_where_it_was(
        qtbot: QtBot, window: MainWindow, impatient: sessionmaker[Session], sqlite_path: Path) -> None:
    tag_first_seven(qtbot, window)
    assert window.undo_stack.index() == 1
    with OtherProgram(sqlite_path):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.undo_stack.index() == 1)  # stepped back over the failed undo
        assert window.undo_stack.count() == 1 and len(window.layer.index) == 1
        assert notice(window).text() == f"This change was not made: {LOCKED}"
    close_notice(qtbot, window)
    assert stored(impatient) == ["泸州市委统战部"]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # now it works
    assert window.undo_stack.index() == 0 and stored(impatient) == [] and len(window.layer.index) == 0
    with OtherProgram(sqlite_path):
        qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.undo_stack.index() == 0)
        assert window.undo_stack.count() == 1 and len(window.layer.index) == 0
    close_notice(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_stack.index() == 1 and stored(impatient) == ["泸州市委统战部"]
    assert [s.text for s in window.layer.index] == ["泸州市委统战部"]
    window.close()


def test_marking_done_that_cannot_be_stored_stays_on_the_document(
        qtbot: QtBot, window: MainWindow, sqlite_path: Path) -> None:
    with OtherProgram(sqlite_path):
        qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        notice(window)
    assert window.undo_stack.count() == 0 and window.layer.document_id == 1
    assert window.progress_label.text() == "0/1 done"
    close_notice(qtbot, window)
    window.close()


def start_on(db: Path) -> Started | int:
    """Start the app as ``biaozhu --db DB --annotator 张三`` does, up to the event loop."""
    return start(build_parser().parse_args(["--db", str(db), "--annotator", ME, "--lang", "en"]))


def answer_the_box(seen: list[tuple[str, str]]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text()))
        box.accept()
    QTimer.singleShot(0, answer)


def garble(path: Path) -> None:
    path.write_bytes(b"this is not a database at all\n" * 100)


def from_the_future(path: Path) -> None:
    create_project_engine(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    connection.close()


@pytest.mark.parametrize(("spoil", "sentence"), [
    (garble, "this file is not a biaozhu project, or it is corrupt: restore it from a backup"),
    (from_the_future, "this project was saved by a newer biaozhu (schema f00dfeedbeef); update biaozhu to open it"),
])
def test_a_project_that_cannot_be_opened_is_a_message_and_exit_code_2(
        qtbot: QtBot, settings_in: Path, sqlite_path: Path, spoil: Callable[[Path], None], sentence: str) -> None:
    spoil(sqlite_path)
    seen: list[tuple[str, str]] = []
    answer_the_box(seen)
    assert start_on(sqlite_path) == 2
    assert len(seen) == 1 and seen[0][0] == "biaozhu cannot open the project" and seen[0][1].endswith(sentence)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_project_locked_past_the_timeout_at_start_up_is_a_message(
        qtbot: QtBot, settings_in: Path, impatient: sessionmaker[Session], sqlite_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    seen: list[tuple[str, str]] = []
    with OtherProgram(sqlite_path):
        answer_the_box(seen)
        assert start_on(sqlite_path) == 2
    assert len(seen) == 1 and seen[0][0] == "biaozhu cannot open the project" and seen[0][1].endswith(LOCKED)


def test_the_message_speaks_chinese(qtbot: QtBot, settings_in: Path, sqlite_path: Path, qapp: QApplication) -> None:
    garble(sqlite_path)
    seen: list[tuple[str, str]] = []
    answer_the_box(seen)
    install_translator(qapp, "zh")  # as run_app does for --lang zh, before start
    try:
        assert start_on(sqlite_path) == 2
    finally:
        install_translator(qapp, "en")
    assert len(seen) == 1 and seen[0][0] == "biaozhu 无法打开这个项目"
    assert seen[0][1].endswith("这个文件不是 biaozhu 项目，或者已损坏：请从备份恢复")


def test_a_review_undo_that_cannot_be_stored_keeps_the_decision_and_the_history(
        qtbot: QtBot, impatient: sessionmaker[Session], sqlite_path: Path,
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow]) -> None:
    """The review window's commands follow the same rule as the annotation window's: an undo that meets a lock
    changes nothing, in the database or on the undo stack, and works once the lock is gone."""
    with impatient.begin() as session:
        store_review(session, {"张三": [BANK, LOAN], "李四": [BANK, SHORT]})
    window = open_review(impatient, REVIEWER)  # the agreed 泸州银行 goes into gold: one step
    assert window.undo_stack.index() == 1 and window.view.current is not None
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # 张三's 酒城同心金融速贷 into gold
    assert window.undo_stack.index() == 2 and gold_texts(impatient) == ["泸州银行", "酒城同心金融速贷"]
    with OtherProgram(sqlite_path):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.undo_stack.index() == 2)  # stepped back over the failed undo
        assert window.undo_stack.count() == 2
        assert notice(window).text() == f"This change was not made: {LOCKED}"
    assert gold_texts(impatient) == ["泸州银行", "酒城同心金融速贷"]
    notice(window).button(QMessageBox.StandardButton.Ok).click()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # now it works
    assert window.undo_stack.index() == 1 and gold_texts(impatient) == ["泸州银行"]
    window.close()


def gold_texts(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return sorted(session.scalars(select(Span.text).join(Annotator, Span.annotator_id == Annotator.id)
                                      .where(Annotator.name == GOLD)))


def test_opening_review_mode_while_another_program_holds_the_lock_is_a_sentence(
        qtbot: QtBot, impatient: sessionmaker[Session], sqlite_path: Path,
        open_annotation: Callable[..., MainWindow]) -> None:
    """Review mode opened, and a document opened in it, while another program holds the write lock: the agreed
    spans cannot go into gold, which is one sentence, never a raw OperationalError, and the undo history holds no
    step that is not in the database; once the lock is gone, opening the document again puts them in."""
    with impatient.begin() as session:
        store_review(session, {"张三": [BANK, LOAN], "李四": [BANK, SHORT]})
    window = open_annotation(impatient, REVIEWER)
    with OtherProgram(sqlite_path):
        window.open_review()
        # the one shown now: an earlier test's closed review window may not have been deleted yet
        review = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible())
        review.open_document(2)
        assert notice(review).text() == f"This change was not made: {LOCKED}"
        assert review.undo_stack.count() == 0
    assert gold_texts(impatient) == []
    notice(review).button(QMessageBox.StandardButton.Ok).click()
    review.open_document(2)
    assert gold_texts(impatient) == ["泸州银行"] and review.undo_stack.count() == 1


def test_a_review_undo_that_meets_a_lock_on_the_server_keeps_the_decision_and_the_history(
        qtbot: QtBot, pg_admin_url: str, open_review: Callable[[sessionmaker[Session], str], ReviewWindow]) -> None:
    """The same on PostgreSQL: another program locks the spans table past the lock timeout."""
    with pg_server.fresh_database(pg_admin_url, "biaozhu_locked") as url:
        engine = create_project_engine(url, busy_timeout_ms=200)
        sessions = session_factory(engine)
        with sessions.begin() as session:
            initialise(session, with_seeds=False)
            store_review(session, {"张三": [BANK, LOAN], "李四": [BANK, SHORT]})
        window = open_review(sessions, REVIEWER)
        qtbot.keyClick(window.view, Qt.Key.Key_1)
        assert window.undo_stack.index() == 2 and gold_texts(sessions) == ["泸州银行", "酒城同心金融速贷"]
        other = create_engine(url)
        with other.begin() as connection:
            connection.execute(text("LOCK TABLE spans IN EXCLUSIVE MODE"))
            qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: window.undo_stack.index() == 2)
            assert window.undo_stack.count() == 2
            assert notice(window).text() == f"This change was not made: {LOCKED}"
        other.dispose()
        assert gold_texts(sessions) == ["泸州银行", "酒城同心金融速贷"]
        notice(window).button(QMessageBox.StandardButton.Ok).click()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.undo_stack.index() == 1 and gold_texts(sessions) == ["泸州银行"]
        window.close()
        engine.dispose()
