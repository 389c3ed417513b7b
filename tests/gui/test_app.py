"""Starting the app as ``biaozhu`` does (the same function run_app calls, without the event loop): the
annotation window for ``--annotator`` on the project, review mode with ``--review``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biaozhu.cli import build_parser
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise, seeds_dir
from biaozhu.db.trash import trash_document
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.annotator_identity import remembered_annotator
from biaozhu.gui.review.window import ReviewWindow
from biaozhu.gui.windows import Started, start


def seeded_project(path: Path) -> Path:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=True)
        change_role(session, "王五", "王五", "reviewer")
    engine.dispose()
    return path


def started(qtbot: QtBot, *argv: str) -> Started:
    result = start(build_parser().parse_args([*argv, "--lang", "en"]))
    assert isinstance(result, Started)
    qtbot.addWidget(result.window)
    return result


def test_start_up_opens_the_annotation_window_for_the_annotator(qtbot: QtBot, settings_in: Path,
                                                              sqlite_path: Path) -> None:
    app = started(qtbot, "--db", str(seeded_project(sqlite_path)), "--annotator", "张三")
    window = app.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.annotator == "张三" and remembered_annotator() == "张三"
    assert window.layer.document_id is not None and len(window.layer.text) > 1000
    assert window.windowTitle().startswith(window.layer.name) and window.layer.name.endswith(".txt")
    qtbot.waitUntil(lambda: len(window.documents) == len(list(seeds_dir().iterdir())))  # read after the first paint
    app.windows.close()
    app.engine.dispose()


def test_start_up_with_review_opens_review_mode(qtbot: QtBot, settings_in: Path, sqlite_path: Path) -> None:
    app = started(qtbot, "--db", str(seeded_project(sqlite_path)), "--annotator", "王五", "--review")
    assert isinstance(app.window, ReviewWindow) and app.window.isVisible()
    assert app.window.reviewer == "王五" and app.window.gold.can_write
    app.windows.close()
    app.engine.dispose()


def test_closing_review_mode_started_alone_goes_back_to_annotating(qtbot: QtBot, settings_in: Path,
                                                                   sqlite_path: Path) -> None:
    """Ctrl+W (Document ▸ Close review) in ``biaozhu --review`` must not quit the app: the annotation window opens."""
    app = started(qtbot, "--db", str(seeded_project(sqlite_path)), "--annotator", "王五", "--review")
    review = app.window
    assert isinstance(review, ReviewWindow)
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    qtbot.keyClick(review.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not review.isVisible()
    annotation = app.windows.annotation
    assert annotation is not None and annotation.isVisible() and annotation.annotator == "王五"
    app.windows.close()
    assert not annotation.isVisible()
    app.engine.dispose()


def test_start_up_reopens_the_last_document_worked_on_and_the_first_when_that_one_is_gone(
        qtbot: QtBot, settings_in: Path, sqlite_path: Path) -> None:
    project = seeded_project(sqlite_path)
    app = started(qtbot, "--db", str(project), "--annotator", "王五")
    window = app.window
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: len(window.documents) == 2)
    first, second = (d.id for d in window.documents)
    assert window.layer.document_id == first
    window.open_document(second)
    app.windows.close()

    again = started(qtbot, "--db", str(project), "--annotator", "王五")
    assert isinstance(again.window, MainWindow) and again.window.layer.document_id == second
    assert again.window.windowTitle().startswith(again.window.layer.name)
    again.windows.close()
    engine = create_project_engine(str(project))
    with session_factory(engine).begin() as session:
        trash_document(session, second, "王五")
    engine.dispose()

    last = started(qtbot, "--db", str(project), "--annotator", "王五")
    assert isinstance(last.window, MainWindow) and last.window.layer.document_id == first
    last.windows.close()
