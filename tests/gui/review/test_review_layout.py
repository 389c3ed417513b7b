"""Review mode holds its layout as the annotation window does: the same font (and zoom), a disagreement table
whose columns are all in sight, Find and Export, and a Review menu that offers only the annotators there are."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span
from biaozhu.db.models import GOLD
from biaozhu.gui.dialogs.export import ExportDialog
from biaozhu.gui.review.model import VERSIONS
from biaozhu.gui.review.window import ReviewWindow
from biaozhu.gui.windows import Windows
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, MONEY_AS_PROGRAM, REVIEWER, SHORT, TEXT

Gold = set[tuple[Span, str | None, str | None]]


@pytest.fixture
def review(luzhou_review: Callable[[dict[str, list[Span]]], Callable[[], Gold]], sessions: sessionmaker[Session],
           open_review: Callable[[sessionmaker[Session], str], ReviewWindow]) -> ReviewWindow:
    luzhou_review({"张三": [BANK, LOAN, MONEY, LIANHE], "李四": [BANK, SHORT, MONEY_AS_PROGRAM]})
    return open_review(sessions, REVIEWER)


def test_review_mode_uses_the_annotation_windows_font_and_zoom(
        luzhou_review: Callable[[dict[str, list[Span]]], Callable[[], Gold]], sessions: sessionmaker[Session],
        open_windows: Callable[..., Windows], qtbot: QtBot) -> None:
    luzhou_review({"张三": [BANK], "李四": [LOAN]})
    windows = open_windows(sessions, REVIEWER)
    annotation = windows.annotate()
    annotation.view.zoom(3)
    review = windows.review()
    qtbot.waitExposed(review)
    assert review.view.font().pointSize() == annotation.view.font().pointSize() == 16
    # the text itself is laid out in that font, not the app's default one
    assert review.view.document().defaultFont().pointSize() == 16
    line = review.view.document().firstBlock().layout().lineAt(0)
    assert line.height() >= annotation.view.fontMetrics().height() - 1


def test_the_disagreement_columns_fit_their_contents_within_the_panels_default_width(review: ReviewWindow,
                                                                                   qtbot: QtBot) -> None:
    header = review.table.horizontalHeader()
    last = header.count() - 1
    for column in range(last):  # nothing cut short: each column as wide as what it shows
        assert header.sectionSize(column) >= min(review.table.sizeHintForColumn(column), 240)
    assert header.sectionPosition(last) < 400  # the panel's default width: the versions column starts in sight
    review.resize(1366, 768)  # a laptop's screen, the panel at its default width: the versions column ends in
    dock = review.findChild(QDockWidget, "disagreements-dock")  # sight too, a long version elides (the tooltip
    review.resizeDocks([dock], [400], Qt.Orientation.Horizontal)  # has it whole)
    qtbot.waitUntil(lambda: review.table.viewport().width() > 300)
    review.open_document(review.document.id)  # the columns are fitted as a document opens
    assert header.sectionPosition(last) + header.sectionSize(last) <= review.table.viewport().width()
    assert not review.table.horizontalScrollBar().isVisible()


def test_ctrl_f_finds_in_the_reviewed_document(review: ReviewWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(review.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    needle = review.findChild(QLineEdit, "find-needle")
    assert review.find_bar.isVisible() and needle.hasFocus()
    needle.setText("工商联")  # QTest types ASCII only
    qtbot.keyClick(needle, Qt.Key.Key_Return)
    at = TEXT.index("工商联")
    assert review.view.selection() == (at, at + 3)
    qtbot.keyClick(needle, Qt.Key.Key_Escape)
    assert review.find_bar.isHidden() and review.view.hasFocus()


def test_ctrl_e_exports_from_review_mode_with_the_gold_layer_chosen(review: ReviewWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(review.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = review.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.form.layer_box.currentData() == GOLD
    review.close()
    assert not dialog.isVisible()


def test_the_review_menu_offers_only_the_annotators_of_the_document_by_name(review: ReviewWindow) -> None:
    decide = review.actions_.decide_menu
    accepting = [a.text() for a in decide.actions() if a.objectName().startswith("accept-")
                 and a.objectName()[7:].isdigit()]
    assert accepting == ["Accept 张三's version", "Accept 李四's version"]


def test_a_reviewer_who_only_looked_at_a_document_is_not_offered_as_its_third_annotator(
        luzhou_review: Callable[[dict[str, list[Span]]], Callable[[], Gold]], sessions: sessionmaker[Session],
        open_windows: Callable[..., Windows], qtbot: QtBot) -> None:
    luzhou_review({"张三": [BANK, LOAN], "李四": [BANK, SHORT]})
    windows = open_windows(sessions, REVIEWER)
    annotation = windows.annotate()  # the reviewer opens the document in the annotation window (Ctrl+W back)
    assert annotation.layer.document_id is not None
    review = windows.review()
    qtbot.waitExposed(review)
    assert review.document is not None and review.document.annotators == ("张三", "李四")
    decide = review.actions_.decide_menu
    assert [a.text() for a in decide.actions() if a.objectName() in {f"accept-{n}" for n in range(1, 10)}] == \
        ["Accept 张三's version", "Accept 李四's version"]


def test_the_versions_column_names_labels_by_their_titles(review: ReviewWindow) -> None:
    versions = [review.model.index(row, VERSIONS).data() for row in range(review.model.rowCount())]
    assert "1 机构 市工商联 | 2 —" in versions  # ORGANIZATION's title, not its code
    assert not any("ORGANIZATION" in text for text in versions)
