"""Edits made in another process (a teammate, or the same annotator on another machine) show up in the open
window within a poll, without touching it; the window's own edits do not make it refresh again; and the two
windows of one app see each other's edits at once, through the app's change bus, without polling."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.changes import change_token
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.labels import label_ids
from biaozhu.db.project import initialise
from biaozhu.db.spans import add_span, relabel_span
from biaozhu.db.status import set_status
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.changes import Change
from biaozhu.gui.widgets.document_list import SPANS, STATUS
from biaozhu.gui.windows import Windows

ME = "张三"
TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


@pytest.fixture
def two_processes(db_url: str) -> Iterator[tuple[sessionmaker[Session], sessionmaker[Session]]]:
    """Two engines on one project (a SQLite file, a PostgreSQL database): this window's, and the one
    playing another process."""
    engines: list[Engine] = [create_project_engine(db_url) for _ in range(2)]
    mine, theirs = (session_factory(engine) for engine in engines)
    with mine.begin() as session:
        initialise(session, with_seeds=False)
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))
    yield mine, theirs
    for engine in engines:
        engine.dispose()


@pytest.fixture
def open_window(open_annotation: Callable[..., MainWindow]) -> Callable[[sessionmaker[Session]], MainWindow]:
    # The app polls every 2 s; the test need not wait that long.
    return lambda sessions: open_annotation(sessions, ME, poll_ms=50)


def list_cell(window: MainWindow, row: int, column: int) -> str:
    return window.document_list._view.model().index(row, column).data()


def test_an_edit_in_another_process_shows_in_the_list_and_the_open_document(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_window: Callable[[sessionmaker[Session]], MainWindow]) -> None:
    mine, theirs = two_processes
    window = open_window(mine)
    document_id = window.layer.document_id
    assert document_id is not None and list_cell(window, 0, SPANS) == "0"
    with theirs.begin() as session:  # the same annotator, in another window: tags a span and finishes
        me = ensure_annotator(session, ME).id
        labels = label_ids(session)
        span_id = add_span(session, document_id, me, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
        set_status(session, document_id, me, "done")
    qtbot.waitUntil(lambda: len(window.layer.index) == 1, timeout=5000)
    assert [(s.start, s.end, s.text) for s in window.layer.index] == [(0, 7, "泸州市委统战部")]
    qtbot.waitUntil(lambda: (list_cell(window, 0, SPANS), list_cell(window, 0, STATUS)) == ("1", "done"),
                    timeout=2000)
    qtbot.waitUntil(lambda: window.span_table._model.rowCount() == 1, timeout=2000)
    window.select_span(window.layer.index.get(span_id))
    with theirs.begin() as session:  # relabelled elsewhere: the view follows, the selection stays
        relabel_span(session, span_id, labels["PROGRAM"])
    qtbot.waitUntil(lambda: window.layer.index.get(span_id).label_id == labels["PROGRAM"], timeout=5000)
    assert window.view.selected_span == span_id
    window.close()


def test_a_document_imported_by_another_annotator_appears(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_window: Callable[[sessionmaker[Session]], MainWindow]) -> None:
    mine, theirs = two_processes
    window = open_window(mine)
    with theirs.begin() as session:
        add_document(session, SourceDocument(name="吉林.txt", text="吉林省委统战部开展万企兴万村行动。", source=""))
    qtbot.waitUntil(lambda: window.document_list._view.model().rowCount() == 2, timeout=5000)
    assert sorted(list_cell(window, row, 0) for row in range(2)) == ["吉林.txt", "泸州.txt"]
    window.close()


def test_the_windows_own_edits_do_not_trigger_a_refresh(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_window: Callable[[sessionmaker[Session]], MainWindow]) -> None:
    mine, _ = two_processes
    window = open_window(mine)
    poller = window.project.poller
    seen: list[Change] = []
    window.project.bus.changed.connect(seen.append)
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(7, cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: list_cell(window, 0, SPANS) == "1", timeout=2000)
    qtbot.wait(400)  # several polls
    assert seen and not any(change.external for change in seen), "the window's own edit came back as someone else's"
    with mine() as session:
        assert poller.token == change_token(session, (1, window.layer.annotator_id))
    window.close()


def test_the_review_window_lists_documents_annotators_just_worked_on(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_windows: Callable[..., Windows]) -> None:
    mine, theirs = two_processes
    window = open_windows(mine, "王五", 50).review()
    assert window.documents == []
    with theirs.begin() as session:
        start = TEXT.index("377.178亿元")
        add_span(session, 1, ensure_annotator(session, "李四").id, label_ids(session)["METRIC"], start, start + 9,
                 "377.178亿元")
    qtbot.waitUntil(lambda: [d.name for d in window.documents] == ["泸州.txt"], timeout=5000)
    window.close()


def test_a_change_committed_between_the_windows_first_read_and_the_first_token_still_shows(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_windows: Callable[..., Windows]) -> None:
    """The review window lists documents as it opens; the first change token is read on a worker some time later.
    A teammate's span committed in between (here: exactly as the token's query is about to run) must not count as
    already seen: the token is read in a snapshot from before the window's first read."""
    mine, theirs = two_processes
    engine, committed = mine.kw["bind"], list[str]()

    def teammate(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        if "FROM spans" in statement and "FROM comments" in statement and not committed:  # the token's query
            committed.append(statement)
            with theirs.begin() as session:
                start = TEXT.index("377.178亿元")
                add_span(session, 1, ensure_annotator(session, "李四").id, label_ids(session)["METRIC"], start,
                         start + 9, "377.178亿元")

    event.listen(engine, "before_cursor_execute", teammate)
    try:
        window = open_windows(mine, "王五", 50).review()
        assert window.documents == []
        qtbot.waitUntil(lambda: committed != [], timeout=5000)
        qtbot.waitUntil(lambda: [d.name for d in window.documents] == ["泸州.txt"], timeout=5000)
    finally:
        event.remove(engine, "before_cursor_execute", teammate)
    window.close()


def test_the_two_windows_of_one_app_see_each_others_edits_at_once(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_windows: Callable[..., Windows]) -> None:
    """No polling (an hour between polls): the annotation window's edit reaches review mode through the bus, and
    a span restored in the trash dialog shows in the annotation window."""
    mine, _ = two_processes
    windows = open_windows(mine, ME, 3_600_000)
    window = windows.annotate()
    review = windows.review()
    assert review.document is not None and review.view.lanes == []  # opening the document annotates nothing
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_W)  # no word snapping
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(7, cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: [len(lane) for lane in review.view.lanes] == [1], timeout=2000)
    qtbot.waitUntil(lambda: review.documents[0].span_counts == {ME: 1}, timeout=2000)


def test_opening_the_window_reads_the_change_token_once(
        qtbot: QtBot, two_processes: tuple[sessionmaker[Session], sessionmaker[Session]],
        open_windows: Callable[..., Windows]) -> None:
    """The token counts whole tables (0.1 s of CPU at 1M spans): a start reads it once, for the open layer."""
    mine, _ = two_processes
    reads: list[str] = []

    def note(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        if "FROM spans" in statement and "FROM comments" in statement:  # the token's one round trip
            reads.append(statement)

    engine = mine.kw["bind"]
    event.listen(engine, "before_cursor_execute", note)
    windows = open_windows(mine, ME, 60_000)
    window = windows.annotate()
    qtbot.waitUntil(lambda: window.project.poller.token is not None, timeout=5000)
    qtbot.wait(200)
    event.remove(engine, "before_cursor_execute", note)
    assert len(reads) == 1
    with mine() as session:
        assert window.project.poller.token == change_token(session, (1, window.layer.annotator_id))
