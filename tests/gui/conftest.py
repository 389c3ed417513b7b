"""Fixtures for driving real widgets."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span
from biaozhu.db.gold import gold_spans
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.polling import POLL_MS
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.review.window import ReviewWindow
from biaozhu.gui.widgets.document_view import release_clipboard
from biaozhu.gui.windows import Windows
from luzhou_sample import store_review

MODAL_LIMIT_MS = 30_000  # no test waits this long for a person to answer a dialog


@pytest.fixture(autouse=True)
def no_dialog_waits_forever(qapp: QApplication) -> Iterator[None]:
    """A modal dialog nobody answers (a test that expected another one) is closed after a while, so the test fails
    with the dialog's title instead of hanging the whole run."""
    left_open: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            left_open.append(modal.windowTitle() or type(modal).__name__)
            modal.close()

    watchdog = QTimer()
    watchdog.setInterval(MODAL_LIMIT_MS)
    watchdog.timeout.connect(close_modal)
    watchdog.start()
    yield
    watchdog.stop()
    assert not left_open, f"a modal dialog waited for an answer that never came: {left_open}"


DoubleClick = Callable[[QWidget, QPoint], None]
OpenWindows = Callable[..., Windows]
OpenAnnotation = Callable[..., MainWindow]
OpenReview = Callable[[sessionmaker[Session], str], ReviewWindow]
Gold = set[tuple[Span, str | None, str | None]]
Layers = dict[str, list[Span]]


@pytest.fixture
def double_click(qtbot: QtBot) -> DoubleClick:
    """A double-click as the window system delivers it: press, release, double-click, release.
    (QTest's mouseDClick sends the double-click event alone, and Qt 6 item views activate on the release.)"""

    def click_twice(widget: QWidget, pos: QPoint) -> None:
        qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)

    return click_twice


def activate_window(qtbot: QtBot, window: MainWindow | ReviewWindow) -> None:
    """Offscreen windows are not activated by show() or after a modal dialog; window shortcuts need it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


AnswerBox = Callable[[Callable[[QWidget], None]], None]


@pytest.fixture
def when_modal() -> AnswerBox:
    """``when_modal(act)``: once the modal dialog the next action opens is up, ``act(dialog)`` answers it (a
    message box's button, an input dialog's text)."""
    return lambda act: QTimer.singleShot(0, lambda: act(QApplication.activeModalWidget()))


@pytest.fixture
def activate(qtbot: QtBot) -> Callable[[MainWindow | ReviewWindow], None]:
    """``activate(window)``: make a window active again (after a modal dialog), text focused."""
    return lambda window: activate_window(qtbot, window)


Working = Callable[[MainWindow | ReviewWindow, float], float]


@pytest.fixture
def working(qtbot: QtBot) -> Working:
    """``working(window, seconds)``: the person works in the window for ``seconds`` (a key that changes nothing,
    every 0.2 s), as the time-spent clock sees it; returns when they last did."""

    def work(window: MainWindow | ReviewWindow, seconds: float) -> float:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            qtbot.keyClick(window.view, Qt.Key.Key_Shift)
            qtbot.wait(200)
        return time.monotonic()

    return work


@pytest.fixture
def open_project(qapp: QApplication, request: pytest.FixtureRequest) -> Callable[[sessionmaker[Session]], OpenProject]:
    """What dialogs get from the app: the action runner and change bus on a project's sessions."""

    def open_(sessions: sessionmaker[Session]) -> OpenProject:
        project = OpenProject(sessions)
        request.addfinalizer(project.close)  # added now, so it runs before the project's database goes
        return project

    return open_


@pytest.fixture
def open_windows(qtbot: QtBot, request: pytest.FixtureRequest) -> OpenWindows:
    """The app's windows for a person on a project, as :func:`biaozhu.gui.windows.start` composes them; closed
    after the test, before its database is dropped (their worker threads may still be reading it)."""

    def open_(sessions: sessionmaker[Session], person: str, poll_ms: int = POLL_MS) -> Windows:
        windows = Windows(sessions, person, poll_ms)

        def close() -> None:
            windows.close()
            for window in (windows.annotation, windows.review_window):
                if window is not None:
                    window.deleteLater()

        request.addfinalizer(close)
        return windows

    return open_


@pytest.fixture
def open_annotation(qtbot: QtBot, open_windows: OpenWindows) -> OpenAnnotation:
    """The annotation window as the app opens it, active and with the text focused (window shortcuts need an
    active window); word snapping switched off unless asked for, waited for when asked for."""

    def open_(sessions: sessionmaker[Session], annotator: str, document_id: int | None = None, *,
              snapping: bool = False, poll_ms: int = POLL_MS) -> MainWindow:
        window = open_windows(sessions, annotator, poll_ms).annotate(document_id)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.progress_label.text() != "")  # the document list, read on a worker
        activate_window(qtbot, window)
        if snapping:
            qtbot.waitUntil(lambda: window.snapping.segmenter is not None, timeout=20_000)
        else:
            qtbot.keyClick(window.view, Qt.Key.Key_W)
            assert "off" in window.snap_label.text()
        return window

    return open_


@pytest.fixture
def open_review(qtbot: QtBot, open_windows: OpenWindows) -> OpenReview:
    """Review mode on a project for a reviewer, opened as the app opens it, active and with the text focused."""

    def open_(sessions: sessionmaker[Session], reviewer: str) -> ReviewWindow:
        window = open_windows(sessions, reviewer).review()
        qtbot.waitExposed(window)
        activate_window(qtbot, window)
        return window

    return open_


@pytest.fixture
def luzhou_review(sessions: sessionmaker[Session], settings_in: Path) -> Callable[[Layers], Callable[[], Gold]]:
    """The Luzhou sample (``tests/luzhou_sample.py``) with these annotators' layers and its reviewer, on a
    fresh project with fresh settings (agreed spans go into gold on opening); returns a reader of the
    document's gold layer as the database holds it: each span with whose version it is and who decided."""

    def store(layers: Layers) -> Callable[[], Gold]:
        with sessions.begin() as session:
            document = store_review(session, layers)

        def gold() -> Gold:
            with sessions() as session:
                return {(g.span, g.origin, g.decided_by) for g in gold_spans(session, document)}

        return gold

    return store


@pytest.fixture
def settings_in(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings written under tmp_path, not into the user's real configuration."""
    organisation, application = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("biaozhu-test")
    QCoreApplication.setApplicationName("biaozhu-test")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QCoreApplication.setOrganizationName(organisation)
    QCoreApplication.setApplicationName(application)


@pytest.fixture(autouse=True)
def _settings_of_this_test(settings_in: Path) -> Path:
    """Every test starts from fresh settings: a window's remembered layout (saved when it closes) or a
    remembered choice never leaks into the next test, nor into the user's configuration."""
    return settings_in


@pytest.fixture(autouse=True, scope="session")
def _clipboard_released_before_exit() -> Iterator[None]:
    """As the app does on quitting: Python-made clipboard data must not outlive the interpreter (only the
    subprocess tests ran: no application, no clipboard)."""
    yield
    if QApplication.instance() is not None:
        release_clipboard()
