"""Fixtures for driving real widgets."""

from __future__ import annotations

import runpy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span
from biaozhu.db.gold import gold_spans
from biaozhu.gui.document_view import release_clipboard
from biaozhu.gui.review_window import ReviewWindow, open_review_window

DoubleClick = Callable[[QWidget, QPoint], None]
OpenReview = Callable[[sessionmaker[Session], str], ReviewWindow]
Gold = set[tuple[Span, str | None, str | None]]
Layers = dict[str, list[Span]]
LUZHOU = runpy.run_path(str(Path(__file__).parents[1] / "luzhou_sample.py"))


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


@pytest.fixture
def open_review(qtbot: QtBot) -> OpenReview:
    """Review mode on a project for a reviewer, opened as the app opens it, active and with the text focused:
    offscreen, window shortcuts need an active window."""

    def open_(sessions: sessionmaker[Session], reviewer: str) -> ReviewWindow:
        window = open_review_window(sessions, reviewer)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.view.setFocus()
        return window

    return open_


@pytest.fixture
def luzhou_review(sessions: sessionmaker[Session], settings_in: Path) -> Callable[[Layers], Callable[[], Gold]]:
    """The Luzhou sample (``tests/luzhou_sample.py``) with these annotators' layers and its reviewer, on a
    fresh project with fresh settings (agreed spans go into gold on opening); returns a reader of the
    document's gold layer as the database holds it: each span with whose version it is and who decided."""

    def store(layers: Layers) -> Callable[[], Gold]:
        with sessions.begin() as session:
            document = LUZHOU["store_review"](session, layers)

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


@pytest.fixture(autouse=True, scope="session")
def _clipboard_released_before_exit() -> Iterator[None]:
    """As the app does on quitting: Python-made clipboard data must not outlive the interpreter (only the
    subprocess tests ran: no application, no clipboard)."""
    yield
    if QApplication.instance() is not None:
        release_clipboard()
