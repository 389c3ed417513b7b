"""The annotation window shown from a first look at the project (before SQLAlchemy loads), then finished on the
open project: the person's place in the text stays, the labels follow the project's, and a window closed before
the project opened ends cleanly."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from biaozhu.cli import build_parser
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.first_look import FirstLook, read_first_look
from biaozhu.db.labels import add_label
from biaozhu.db.project import initialise, open_project
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.app import Opening, first_window
from biaozhu.gui.windows import Windows


def seeded_project(path: Path) -> Path:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=True)
    engine.dispose()
    return path


def shown_from_first_look(qtbot: QtBot, project: Path) -> tuple[MainWindow, FirstLook]:
    """The window's frame as the app shows it before the project is open."""
    look = read_first_look(project, "张三")
    assert look is not None
    window = MainWindow(None, "张三", first_look=look, name="project")
    qtbot.addWidget(window)
    window.show()
    return window, look


def test_a_window_shown_from_its_first_look_keeps_the_place_when_finished(qtbot: QtBot, settings_in: Path,
                                                                          sqlite_path: Path) -> None:
    project = seeded_project(sqlite_path)
    window, look = shown_from_first_look(qtbot, project)
    assert not window.finished and window.view.text == look.text
    assert window.windowTitle() == f"{look.name} — project — biaozhu 标注"
    assert {label.name for label in window.labels} == {"PROGRAM", "METRIC", "ORGANIZATION"}
    framed = [action.text() for action in window.menuBar().actions()]
    window.view.select_range(2000, 2006)  # the person reads on and selects while the project opens
    scrolled = window.view.verticalScrollBar().value()
    assert scrolled > 0
    engine, sessions = open_project(str(project))
    windows = Windows(sessions, "张三", name="project")
    assert windows.annotate(early=window) is window
    assert window.finished and window.layer.document_id == look.document_id
    assert [action.text() for action in window.menuBar().actions()] == framed  # the menus filled in, none moved
    assert all(action.isEnabled() for action in window.menuBar().actions())
    assert window.view.selection() == (2000, 2006) and window.view.verticalScrollBar().value() == scrolled
    metric = window.labels.named("METRIC")
    assert metric is not None
    window.editing.apply_label(metric.id)  # the selection tagged: the window takes edits once finished
    [span] = window.layer.index  # (its trailing comma trimmed)
    assert span.start == 2000 and span.text == look.text[span.start:span.end] == "想伟大旗帜"
    windows.close()
    engine.dispose()


def test_labels_changed_after_the_first_look_are_the_ones_the_finished_window_shows(
        qtbot: QtBot, settings_in: Path, sqlite_path: Path) -> None:
    project = seeded_project(sqlite_path)
    window, _ = shown_from_first_look(qtbot, project)
    engine, sessions = open_project(str(project))
    with sessions.begin() as session:  # a teammate adds a label meanwhile
        add_label(session, "POLICY", "政策", hotkey="4")
    windows = Windows(sessions, "张三", name="project")
    windows.annotate(early=window)
    assert "label-POLICY" in {button.objectName() for button in window.label_bar.buttons.values()}
    assert [label.name for label in window.labels][-1] == "POLICY"
    windows.close()
    engine.dispose()


def test_a_window_closed_before_its_project_opened_ends_cleanly(qtbot: QtBot, settings_in: Path,
                                                                sqlite_path: Path) -> None:
    project = seeded_project(sqlite_path)
    args = build_parser().parse_args(["--db", str(project), "--annotator", "张三", "--lang", "en"])
    window = first_window(args)
    assert window is not None
    qtbot.addWidget(window)
    opening = Opening(args, window)
    window.close()
    qtbot.waitUntil(lambda: opening._result is not None, timeout=20_000)  # the worker opened it all the same
    qtbot.wait(50)  # its answer is delivered to a closed window: nothing is finished
    opening.close()
    assert not window.finished and opening.started is None


def test_no_first_look_for_review_mode_or_an_unknown_annotator(qtbot: QtBot, settings_in: Path,
                                                               sqlite_path: Path) -> None:
    project = seeded_project(sqlite_path)
    review = build_parser().parse_args(["--db", str(project), "--annotator", "张三", "--review"])
    nobody = build_parser().parse_args(["--db", str(project)])  # asked for by name first: the usual way
    reserved = build_parser().parse_args(["--db", str(project), "--annotator", "gold"])
    assert first_window(review) is None and first_window(nobody) is None and first_window(reserved) is None
