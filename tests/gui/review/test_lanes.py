"""The annotator lanes under each line of the review view, seen as pixels: with any number of annotators
every lane bar lies in the band between a line's glyph box and the next line, never over characters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.labels import list_labels
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.gui.review.lanes import GAP, LANE
from biaozhu.gui.review.view import ReviewView
from biaozhu.gui.review.window import ReviewWindow

SENTENCE = "泸州银行发放酒城同心金融速贷377亿元，市工商联参与“万企兴万村”行动。"
TEXT = SENTENCE * 12 + "\n" + SENTENCE * 2  # a paragraph that wraps over several lines, and a short one
NAMES = ["张三", "李四", "赵六", "钱七", "孙八"]


def occurrences(surface: str, label: str) -> list[Span]:
    starts = [i for i in range(len(TEXT)) if TEXT.startswith(surface, i)]
    return [Span(start, start + len(surface), label, surface) for start in starts]


@pytest.fixture
def sessions_with(sqlite_path: Path, settings_in: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_project_engine(str(sqlite_path))
    yield session_factory(engine)
    engine.dispose()


def annotated(sessions: sessionmaker[Session], annotators: int) -> dict[str, QColor]:
    """Every annotator tags every bank and programme; every second one also the sum (so some disagree)."""
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for number, name in enumerate(NAMES[:annotators]):
            spans = occurrences("泸州银行", "ORGANIZATION") + occurrences("万企兴万村", "PROGRAM")
            if number % 2:
                spans += occurrences("377亿元", "METRIC")
            store_documents(session, name, [SourceDocument(name="报告", text=TEXT, source="", spans=sorted(spans),
                                                           annotator=name)])
        change_role(session, "王五", "王五", "reviewer")
        return {label.name: QColor(label.color) for label in list_labels(session)}


def line_rects(view: ReviewView) -> list[QRectF]:
    """Each visible line's glyph box in viewport pixels, as Qt laid it out."""
    rects = []
    block = view.firstVisibleBlock()
    while block.isValid():
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        if top > view.viewport().height():
            break
        layout = block.layout()
        rects += [layout.lineAt(i).rect().translated(0, top) for i in range(layout.lineCount())]
        block = block.next()
    return [r for r in rects if r.top() >= 0 and r.bottom() + 20 < view.viewport().height()]


def rows_with(image: QImage, colours: set[int], top: float, bottom: float) -> set[int]:
    """The pixel rows in ``[top, bottom)`` where any of these colours (0xRRGGBB) appears."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = bytes(image.constBits())
    patterns = [(0xFF000000 | colour).to_bytes(4, "little") for colour in colours]
    found = set()
    for y in range(max(0, int(top)), min(image.height(), int(bottom))):
        row = pixels[y * image.bytesPerLine():y * image.bytesPerLine() + 4 * image.width()]
        if any(at % 4 == 0 for pattern in patterns for at in _finds(row, pattern)):
            found.add(y)
    return found


def _finds(row: bytes, pattern: bytes) -> Iterator[int]:
    at = row.find(pattern)
    while at >= 0:
        yield at
        at = row.find(pattern, at + 1)


def assert_lanes_clear_of_text(view: ReviewView, lane_colours: set[int], annotators: int) -> None:
    image = view.viewport().grab().toImage()
    lines = line_rects(view)
    assert len(lines) >= 5  # the long paragraph wraps
    for line, following in pairwise(lines):
        assert not rows_with(image, lane_colours, line.top(), line.bottom()), "a lane inside a line's glyph box"
        if following.top() - line.bottom() < 1:  # lines packed edge to edge: no band for the lanes at all
            pytest.fail(f"no room under the line at y={line.top()} for {annotators} lanes")
        band = rows_with(image, lane_colours, line.bottom(), following.top())
        if band:  # this line has spans: a bar for every annotator, the last one whole above the next line
            assert max(band) - min(band) + 1 == LANE * annotators - 1
    assert any(rows_with(image, lane_colours, line.bottom(), line.bottom() + LANE * annotators + 2)
               for line in lines)  # the lanes are drawn at all


@pytest.mark.parametrize("annotators", [2, 3, 5])
def test_lanes_lie_between_lines_never_over_characters(
        qtbot: QtBot, open_review: Callable[[sessionmaker[Session], str], ReviewWindow],
        sessions_with: sessionmaker[Session], annotators: int) -> None:
    colours = annotated(sessions_with, annotators)
    window = open_review(sessions_with, "王五")
    view = window.view
    view.verticalScrollBar().setValue(0)
    assert window.document is not None and len(window.document.annotators) == annotators
    lane_colours = {colours[label].darker(115).rgb() & 0xFFFFFF for label in ("ORGANIZATION", "PROGRAM")}
    assert_lanes_clear_of_text(view, lane_colours, annotators)
    size = view.font().pointSize()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # zoom in: Qt lays the text out anew
    assert view.font().pointSize() == size + 1
    view.verticalScrollBar().setValue(0)
    assert_lanes_clear_of_text(view, lane_colours, annotators)
    window.close()


def test_a_click_on_a_lane_chooses_the_span_above_it(
        qtbot: QtBot, open_review: Callable[[sessionmaker[Session], str], ReviewWindow],
        sessions_with: sessionmaker[Session]) -> None:
    annotated(sessions_with, 3)
    window = open_review(sessions_with, "王五")
    view = window.view
    view.verticalScrollBar().setValue(0)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_N)
    assert window.view.current == 3
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(TEXT.index("377亿元") + 1))  # the first sum: the first disagreement
    glyphs = view.cursorRect(cursor)
    lane_2 = glyphs.bottom() + 1 + GAP + LANE + 1  # the second annotator's bar under it: the one who tagged it
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(glyphs.x() + 4, lane_2))
    assert window.view.current == 0
    assert "377亿元" in "\n".join(view.describe_at(view.offset_at(QPoint(glyphs.x() + 4, lane_2))))
    window.close()
