"""Starting the desktop app: the project, the annotator (asked once, remembered), the window.

:func:`start` does everything but the event loop, so a test starts the app exactly as a user does.
A project that cannot be opened (locked, read-only, corrupt, from a newer biaozhu) is a message box and
exit code 2, never a traceback; a bug later on is a crash report and the app goes on.

A scripted start (a smoke test of the installed command, CI, a screenshot) sets ``BIAOZHU_QUIT_AFTER_MS``:
the window is closed that long after the event loop starts, as a user closes it, and its title is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_log_dir
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import Engine

from biaozhu.db.errors import StorageError
from biaozhu.db.project import open_project
from biaozhu.gui.annotator_identity import resolve_annotator
from biaozhu.gui.crash_report import CrashReporter
from biaozhu.gui.document_view import release_clipboard
from biaozhu.gui.i18n import install_translator
from biaozhu.gui.main_window import MainWindow
from biaozhu.gui.review_window import open_review_window
from biaozhu.gui.storage_messages import tell_opening_failed

EXIT_DECLINED = 1  # no annotator name given
EXIT_STORAGE = 2  # the same code as the CLI's storage errors
QUIT_AFTER_MS = "BIAOZHU_QUIT_AFTER_MS"


@dataclass
class Started:
    """The open window and the engine to dispose of when the event loop ends."""

    window: QMainWindow
    engine: Engine


def make_application(lang: str | None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("biaozhu")
    app.setApplicationName("biaozhu")
    app.setApplicationDisplayName("biaozhu 标注")
    install_translator(app, lang)
    return app


def start(args: argparse.Namespace) -> Started | int:
    """Open the project and show the annotation window (review mode with ``--review``) for ``args.annotator``;
    an exit code instead when there is nothing to show."""
    try:
        engine, sessions = open_project(args.db)
    except StorageError as exc:
        tell_opening_failed(exc)
        return EXIT_STORAGE
    try:
        annotator = resolve_annotator(args.annotator)
        if annotator is None:
            engine.dispose()
            return EXIT_DECLINED
        if getattr(args, "review", False):
            window: QMainWindow = open_review_window(sessions, annotator)
        else:
            window = MainWindow(sessions, annotator)
            window.show()
    except StorageError as exc:  # the project opened but the first write (the annotator, a touch) failed
        engine.dispose()
        tell_opening_failed(exc)
        return EXIT_STORAGE
    return Started(window, engine)


def close_when_asked(window: QMainWindow) -> None:
    """With ``BIAOZHU_QUIT_AFTER_MS`` set, print the window's title and close it after that many milliseconds:
    the script sees what opened (which document, in which mode) and that the app then exits cleanly."""
    delay = os.environ.get(QUIT_AFTER_MS, "")
    if not delay.isdigit():
        if delay:
            print(f"biaozhu: {QUIT_AFTER_MS} must be a number of milliseconds, not {delay!r}", file=sys.stderr)
        return

    def close() -> None:
        print(window.windowTitle(), flush=True)
        window.close()

    QTimer.singleShot(int(delay), window, close)


def run_app(args: argparse.Namespace) -> int:
    """Open the app on ``args.db`` (or the default project) and run it until the last window closes."""
    app = make_application(args.lang)
    reporter = CrashReporter(Path(user_log_dir("biaozhu", appauthor=False)), app)
    reporter.install()
    try:
        started = start(args)
        if isinstance(started, int):
            return started
        close_when_asked(started.window)
        try:
            return app.exec()
        finally:
            release_clipboard()
            started.engine.dispose()
    finally:
        reporter.uninstall()
