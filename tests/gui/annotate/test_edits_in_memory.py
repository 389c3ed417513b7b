"""The window's own edits are followed in memory (issue 14): right after an add, a relabelling, a deletion or an
undo, before any read of the project could have run, the document list shows the open document's new count
(its row updated, the list not reset), the change poller's token is what the database says, and word snapping
has learned or forgotten the text; another program's edits still reach the window, through the poll."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPaintEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.changes import change_token
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.widgets.document_list import SPANS

ME = "张三"
PROGRAM = "酒城同心·金融速贷"
TEXT = f"泸州市委统战部联合推出{PROGRAM}产品，发放贷款377.178亿元。"



def test_own_edits_update_the_row_the_token_and_snapping_at_once(
        sessions: sessionmaker[Session], qtbot: QtBot, open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))
        add_document(session, SourceDocument(name="吉林.txt", text="吉林省委统战部。", source="吉林.txt"))
    window = open_annotation(sessions, ME, 1, snapping=True, poll_ms=3_600_000)  # no poll during the test
    qtbot.waitUntil(lambda: window.project.poller.token is not None)
    model = window.document_list._view.model()
    resets: list[str] = []
    for signal in (model.modelReset, model.layoutChanged):
        signal.connect(lambda *_: resets.append("reset"))
    segmenter = window.snapping.segmenter
    assert segmenter is not None

    def learned() -> frozenset[str]:
        return segmenter.learned

    def spans_shown() -> str:
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "泸州.txt")
        return str(model.index(row, SPANS).data())

    def token_is_stored() -> bool:
        with sessions() as session:
            return window.project.poller.token == change_token(session, (1, window.layer.annotator_id))

    start = TEXT.index(PROGRAM)
    window.view.select_range(start, start + len(PROGRAM))
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # add
    assert spans_shown() == "1" and token_is_stored() and learned() == {PROGRAM}
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # relabel
    assert spans_shown() == "1" and token_is_stored() and learned() == {PROGRAM}
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # into the trash
    assert spans_shown() == "0" and token_is_stored() and learned() == frozenset()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back from the trash
    assert spans_shown() == "1" and token_is_stored() and learned() == {PROGRAM}
    assert resets == []
    window.close()


def test_another_programs_edit_still_reaches_the_list_and_snapping(
        sessions: sessionmaker[Session], qtbot: QtBot, open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))
    window = open_annotation(sessions, ME, 1, snapping=True, poll_ms=50)
    window.view.select_range(0, 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # an edit of our own first: the token follows it in memory
    segmenter = window.snapping.segmenter
    assert segmenter is not None

    def learned() -> frozenset[str]:
        return segmenter.learned
    with sessions.begin() as session:  # then a teammate tags the programme
        other = ensure_annotator(session, "李四").id
        start = TEXT.index(PROGRAM)
        add_span(session, 1, other, label_ids(session)["PROGRAM"], start, start + len(PROGRAM), PROGRAM)
    qtbot.waitUntil(lambda: PROGRAM in learned(), timeout=5000)
    qtbot.waitUntil(lambda: window.documents[0].span_counts == {ME: 1, "李四": 1}, timeout=5000)
    window.close()


def test_an_edit_and_its_undo_are_one_transaction_and_nothing_is_read_after_them(
        engine: Engine, sessions: sessionmaker[Session], qtbot: QtBot,
        open_annotation: Callable[..., MainWindow]) -> None:
    """Adding, relabelling and deleting a span no link, comment or pin goes along with, and undoing that: the
    window follows each in memory from what its one transaction did, reading no links, comment marks, comment
    threads or pins again (issue 14)."""
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))
    window = open_annotation(sessions, ME, 1, poll_ms=3_600_000)
    ui, begun = threading.get_ident(), list[str]()

    def note(connection: object) -> None:
        if threading.get_ident() == ui:  # the UI thread's: workers' reads would not keep the user waiting
            begun.append("begin")

    def transactions(*keys: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> int:
        begun.clear()
        for key in keys:
            qtbot.keyClick(window.view, key, modifier)
        return len(begun)

    event.listen(engine, "begin", note)
    try:
        start = TEXT.index(PROGRAM)
        window.view.select_range(start, start + len(PROGRAM))
        assert transactions(Qt.Key.Key_1) == 1  # add
        assert transactions(Qt.Key.Key_2) == 1  # relabel (the new span is selected)
        assert transactions(Qt.Key.Key_Delete) == 1
        assert window.layer.index.count_by_label() == {}
        for _ in range(3):  # the deletion, the relabelling, the adding
            assert transactions(Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier) == 1
        assert transactions(Qt.Key.Key_Y, modifier=Qt.KeyboardModifier.ControlModifier) == 1
        assert [span.text for span in window.layer.index] == [PROGRAM]
    finally:
        event.remove(engine, "begin", note)
def test_another_process_edit_updates_the_counts_and_adds_the_new_document_without_resetting_the_list(
        sessions: sessionmaker[Session], db_url: str, tmp_path: Path, qtbot: QtBot, cli: Callable[..., object],
        open_annotation: Callable[..., MainWindow]) -> None:
    """Another desktop of the same annotator imports spans into a listed document and a new document: the list
    shows the new count and the new row, the open document stays selected, and the model is never reset (the
    rows are read and compared on a worker; the UI thread repaints one row and inserts one)."""
    texts = {f"报告{i}.txt": f"第{i}份报告：{PROGRAM}。" for i in range(1, 4)}
    with sessions.begin() as session:
        for name, text in texts.items():
            add_document(session, SourceDocument(name=name, text=text, source=name))
    window = open_annotation(sessions, ME, 1, poll_ms=50)
    model = window.document_list._view.model()
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.layoutChanged.connect(lambda *_: resets.append("layout"))
    start = texts["报告2.txt"].index(PROGRAM)
    lines = [{"text": texts["报告2.txt"], "label": [[start, start + len(PROGRAM), "PROGRAM"], [0, 3, "PROGRAM"]]},
             {"text": "新来的报告。", "label": [[0, 3, "PROGRAM"]]}]
    source = tmp_path / "more.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    cli("--db", db_url, "import", "--annotator", ME, source, check=True, subprocess_run=True)

    def shown() -> dict[str, str]:
        return {model.index(r, 0).data(): model.index(r, SPANS).data() for r in range(model.rowCount())}
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10_000)
    assert list(shown().values()) == ["0", "2", "0", "1"], shown()
    assert resets == []
    assert window.document_list.selected_document() == 1
    assert [d.span_counts.get(ME, 0) for d in window.documents] == [0, 2, 0, 1]
    window.close()


class PaintedAreas(QObject):
    """The rectangles of the document view painted since it was last cleared (``stop`` before the window goes:
    Qt must not call a Python filter while the interpreter shuts down)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.rects: list[QRect] = []
        self.viewport = window.view.viewport()
        self.viewport.installEventFilter(self)

    def stop(self) -> None:
        self.viewport.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


def test_an_edit_repaints_the_lines_it_touched_not_the_view(
        sessions: sessionmaker[Session], qtbot: QtBot, open_annotation: Callable[..., MainWindow]) -> None:
    """Without links to draw, tagging, relabelling and deleting a span repaint its line (issue 14: a whole view
    of a long report costs several lines' time); a linked span's arrows still repaint the view."""
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))
    window = open_annotation(sessions, ME, 1, poll_ms=3_600_000)
    painted = PaintedAreas(window)
    height = window.view.viewport().height()

    def repainted(*keys: Qt.Key) -> int:
        """The tallest area repainted after the keys."""
        qtbot.wait(50)
        painted.rects.clear()
        for key in keys:
            qtbot.keyClick(window.view, key)
        qtbot.waitUntil(lambda: painted.rects != [])
        qtbot.wait(50)
        return max(rect.height() for rect in painted.rects)

    start = TEXT.index(PROGRAM)
    window.view.select_range(start, start + len(PROGRAM))
    try:
        assert repainted(Qt.Key.Key_1) < height / 4  # add
        assert repainted(Qt.Key.Key_2) < height / 4  # relabel
        assert repainted(Qt.Key.Key_Delete) < height / 4
    finally:
        painted.stop()
