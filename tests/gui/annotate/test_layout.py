"""A layout that holds at 1366×768: ten labels wrap, every label colour reads, labels are told apart without
colour, snapping is shown before it acts, the status bar says when the last action was saved, and the View and
Help menus give back every panel and list every key."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu import __version__
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.labels import add_label
from biaozhu.db.spans import layer_spans
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.contrast import AA, blend, contrast, readable_fill, text_on
from biaozhu.gui.common.scheme import apply_colour_scheme

ME = "张三"

TEXT = "泸州银行推出“酒城同心·金融速贷”，支持民营企业发展。2022年吉林省统战部召开会议。"
MORE_LABELS = [("PERSON", "人物", "#000080"), ("PLACE", "地点", "#ffeb3b"), ("LAW", "法规", "#6a040f"),
               ("EVENT", "事件", "#80ffdb"), ("DATE", "日期", "#3a0ca3"), ("MONEY", "金额", "#ff006e"),
               ("POLICY", "政策文件名称", "#2b2d42")]


def add_text(sessions: sessionmaker[Session], name: str, text: str) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name=name, text=text, source=name))


def stored(window: MainWindow) -> list[tuple[int, int]]:
    """The open document's spans as the database has them."""
    document = window.layer.document_id
    assert document is not None
    with window.runner.sessions() as session:
        return sorted((s.start, s.end) for s in layer_spans(session, document, [window.layer.annotator_id]))


def select_by_keys(qtbot: QtBot, window: MainWindow, start: int, characters: int) -> None:
    window.view.select_range(start, start)
    for _ in range(characters):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.view, key)


@pytest.fixture
def ten_labels(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        for position, (name, title, colour) in enumerate(MORE_LABELS, start=4):
            add_label(session, name, title, colour, str(position) if position < 10 else "0",
                      definition=f"{title}的定义")


@pytest.fixture
def window(sessions: sessionmaker[Session], ten_labels: None,
           open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    add_text(sessions, "2022年吉林省统战工作总结报告.txt", TEXT)
    add_text(sessions, "2022年泸州市统战工作总结报告.txt", TEXT)
    shown = open_annotation(sessions, ME)
    shown.resize(1366, 768)
    qtbot.waitUntil(lambda: shown.width() == 1366)
    return shown


def test_ten_labels_wrap_onto_rows_and_leave_the_panels_readable_at_1366_by_768(window: MainWindow,
                                                                                qtbot: QtBot) -> None:
    assert window.width() == 1366  # ten buttons in one row would force a wider window
    bar = window.label_bar
    rows = {button.y() for button in bar.buttons.values()}
    assert len(bar.buttons) == 10 and len(rows) >= 2
    inside = QRect(0, 0, bar.width(), bar.height())
    assert all(inside.contains(button.geometry()) for button in bar.buttons.values())
    for name in ("documents-dock", "spans-dock"):
        assert window.findChild(QDockWidget, name).width() >= 250
    assert window.view.height() >= 300
    select_by_keys(qtbot, window, 0, 4)
    press(qtbot, window, Qt.Key.Key_0)  # a span of the tenth label: the span table's columns all in sight
    table = window.span_table.findChild(QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert table.horizontalHeader().length() <= table.viewport().width()


def test_every_label_button_reads_in_black_or_white_with_aa_contrast(window: MainWindow) -> None:
    for label in window.labels:
        button = window.label_bar.buttons[label.id]
        assert contrast(button.text_colour, QColor(label.color)) >= AA, label.name
    navy = window.labels.named("PERSON")
    assert navy is not None and window.label_bar.buttons[navy.id].text_colour == QColor("#ffffff")
    for grey in range(0, 256, 5):  # the hardest colours are mid-greys: one of black and white still reaches AA
        assert contrast(text_on(QColor(grey, grey, grey)), QColor(grey, grey, grey)) >= AA


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_highlighted_text_keeps_aa_contrast_for_every_label_colour_in_light_and_dark(
        window: MainWindow, qapp: QApplication, request: pytest.FixtureRequest, qtbot: QtBot, scheme: str) -> None:
    if scheme == "dark":  # as when the system switches to dark while the app runs
        apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        request.addfinalizer(lambda: apply_colour_scheme(qapp, Qt.ColorScheme.Light))
        qtbot.waitUntil(lambda: window.view.palette().color(QPalette.ColorRole.Base).lightness() < 60)
    palette = window.view.palette()
    base, ink = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    for number, label in enumerate(window.labels):
        select_by_keys(qtbot, window, number * 3, 2)
        window.editing.apply_label(label.id)
    assert len(stored(window)) == 10
    window.view.clear_selection()
    window.view.select_span(None)  # no outline over the fills
    image = window.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for span in window.layer.index:
        box = next(iter(window.view.painter.areas(window.view.positions, [(span.start, span.end)])))
        painted = image.pixelColor(int((box.left() + 1) * ratio), int((box.top() + 3) * ratio))
        assert contrast(ink, painted) >= AA * 0.97, (scheme, window.labels.caption_of(span.label_id), painted.name())
        assert painted != base  # still highlighted
    yellow = QColor("#ffeb3b")
    assert contrast(QColor("#e8e8e8"), blend(readable_fill(yellow, 120, QColor("#1e1e1e"), QColor("#e8e8e8")),
                                              readable_fill(yellow, 120, QColor("#1e1e1e"),
                                                            QColor("#e8e8e8")).alpha(), QColor("#1e1e1e"))) >= AA


def test_each_label_has_its_own_underline_pattern_shown_on_its_button(window: MainWindow) -> None:
    patterns = window.view.painter.patterns
    assert len(set(patterns.values())) == 10
    for label in window.labels:
        assert window.label_bar.buttons[label.id].pattern == patterns[label.id]


def test_the_outline_shows_where_snapping_will_put_the_span_before_the_key_is_pressed(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> None:
    add_text(sessions, "a.txt", TEXT)
    window = open_annotation(sessions, ME, snapping=True)
    select_by_keys(qtbot, window, TEXT.index("民营") + 1, 2)  # 营企: the middle of 民营 and 企业
    qtbot.waitUntil(lambda: window.view.painter.preview is not None)
    start, end = window.view.painter.preview
    assert TEXT[start:end] == "民营企业"
    press(qtbot, window, Qt.Key.Key_1)
    assert stored(window) == [(start, end)]
    qtbot.waitUntil(lambda: window.view.painter.preview is None)  # the selection is gone, so is the outline
    select_by_keys(qtbot, window, TEXT.index("泸州银行"), 4)  # a whole word: nothing to show
    QApplication.processEvents()
    assert window.view.painter.preview is None


def test_the_status_bar_says_when_the_last_action_was_saved(window: MainWindow, qtbot: QtBot) -> None:
    saved = window.statusBar().findChild(type(window.offset_label), "saved-at")
    saved.setText("")
    select_by_keys(qtbot, window, 0, 4)
    press(qtbot, window, Qt.Key.Key_3)
    assert re.fullmatch(r"Saved \d\d:\d\d:\d\d", saved.text())


def test_a_closed_panel_comes_back_from_the_view_menu_and_the_layout_is_remembered(
        window: MainWindow, sessions: sessionmaker[Session], open_windows: Callable[..., object],
        qtbot: QtBot) -> None:
    spans = window.findChild(QDockWidget, "spans-dock")
    spans.close()
    assert not spans.isVisible()
    panels = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    toggle = next(a for a in panels.actions() if a.menu() is not None).menu().actions()
    assert {"Documents", "Spans"} <= {a.text() for a in toggle}  # every panel the window has
    next(a for a in toggle if a.text() == "Spans").trigger()
    assert spans.isVisible()
    spans.close()
    window.close()  # remembered: the spans panel stays closed next time
    again = open_windows(sessions, "李四").annotate()
    qtbot.waitExposed(again)
    assert not again.findChild(QDockWidget, "spans-dock").isVisible()
    assert again.width() <= 1366
    again.actions_.by_name["reset-layout"].trigger()
    assert again.findChild(QDockWidget, "spans-dock").isVisible()


def test_shift_f1_lists_every_key_from_the_menus_and_finds_them_by_key_or_name(
        window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.actions_.menus.keys_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.shown_rows()
    assert ("Annotate", "Tag as 人物 PERSON", "4") in rows and ("Edit", "Find in document…", "Ctrl+F") in rows
    assert len(rows) >= 30
    qtbot.keyClicks(dialog.search, "ctrl+t")
    assert dialog.shown_rows() == [("Annotate", "Tag all occurrences…", "Ctrl+T")]


def test_about_names_the_version_and_the_project(window: MainWindow, sessions: sessionmaker[Session]) -> None:
    window.actions_.by_name["about"].trigger()
    box = window.actions_.menus.about_box
    assert box is not None and box.isVisible()
    assert __version__ in box.text()
    database = sessions.kw["bind"].url.database
    assert database.split("/")[-1] in box.text()
    box.close()


def test_the_empty_project_hint_has_no_placeholder_and_the_first_import_replaces_it(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_annotation(sessions, ME)
    hint = window.view.placeholderText()
    assert hint and "PROJECT" not in hint  # never a placeholder word for the user to fill in
    add_text(sessions, "2022年泸州市统一战线工作综述.txt", TEXT)
    window.runner.bus.publish(Change(Changed.DOCUMENTS))  # as an import from the window or the poller says
    qtbot.waitUntil(lambda: window.layer.document_id is not None)
    assert window.view.toPlainText() == TEXT and "泸州" in window.windowTitle()


def test_a_layout_saved_before_the_guide_and_comments_panels_gives_way_to_the_default(
        window: MainWindow, sessions: sessionmaker[Session], open_windows: Callable[..., object],
        qtbot: QtBot) -> None:
    """An older biaozhu saved its panels without the guide and comments: restored as it was, Qt stacked the new
    panels under the span table, leaving it a sliver; the layout's version makes the window start from the
    default instead, where they are tabs beside the span table."""
    for name in ("guide-dock", "comments-dock"):
        window.removeDockWidget(window.findChild(QDockWidget, name))
    before = window.saveState()  # as the version before them saved it
    window.close()
    QSettings().setValue("annotate/state", before)
    again = open_windows(sessions, "李四").annotate()
    qtbot.waitExposed(again)
    spans = again.findChild(QDockWidget, "spans-dock")
    assert {dock.objectName() for dock in again.tabifiedDockWidgets(spans)} == {"guide-dock", "comments-dock"}
