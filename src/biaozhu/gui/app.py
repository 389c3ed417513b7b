"""Starting the desktop app: the project, the annotator (asked once, remembered), the first window, the event loop.

The first window shows before SQLAlchemy is loaded. Importing SQLAlchemy, its ORM, the models and the windows'
working parts is about 0.45 s of CPU, three times a bare PySide6 window's whole start, so when the project is an
existing SQLite file at this code's schema and the annotator is known, the annotation window's frame is painted
from a first look at the project (:mod:`biaozhu.db.first_look`, stdlib sqlite3) and answers input (scrolling,
selecting, resizing) while a worker thread reads the document list (sqlite3 again), imports the rest and opens
the project; the window is then finished on the UI thread (:meth:`MainWindow.finish`) and takes edits. Anything
else (a server, a new project, review mode, a first start that asks the name) opens the usual way,
:func:`biaozhu.gui.windows.start`, before showing.

A project that cannot be opened is a message box and exit code 2, never a traceback; a bug later on is a crash
report and the app goes on. A scripted start (a smoke test of the installed command, CI, a screenshot) sets
``BIAOZHU_QUIT_AFTER_MS``: the window is closed that long after it is finished, as a user closes it, and its
title is printed.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_log_dir
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from biaozhu.db.errors import StorageError
from biaozhu.db.first_look import read_first_list, read_first_look
from biaozhu.db.location import chosen_target
from biaozhu.db.names import is_reserved
from biaozhu.gui.common.crash_report import CrashReporter
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.common.platform_check import platform_problem
from biaozhu.gui.common.recent import project_name
from biaozhu.gui.common.scheme import follow_colour_scheme
from biaozhu.gui.dialogs.annotator_identity import remembered_annotator
from biaozhu.gui.widgets.document_rows import prepare_rows
from biaozhu.gui.widgets.document_view import release_clipboard

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow
    from biaozhu.gui.windows import Opened, Started

EXIT_NO_WINDOW = 3  # the platform plugin cannot load: a system library is missing
QUIT_AFTER_MS = "BIAOZHU_QUIT_AFTER_MS"


def make_application(lang: str | None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("biaozhu")
    app.setApplicationName("biaozhu")
    app.setApplicationDisplayName("biaozhu 标注")
    install_translator(app, lang)
    follow_colour_scheme(app)
    return app


def first_window(args: argparse.Namespace) -> MainWindow | None:
    """The annotation window's frame on the document the annotator last worked on, shown from a first look at
    the project; None when the project must open the usual way first (see the module's docstring)."""
    target = chosen_target(args.db)
    annotator = (args.annotator or "").strip() or remembered_annotator()
    if getattr(args, "review", False) or "://" in target or not annotator or is_reserved(annotator):
        return None
    look = read_first_look(Path(target).expanduser(), annotator)
    if look is None:
        return None
    from biaozhu.gui.annotate.window import MainWindow  # its working parts load with the project

    window = MainWindow(None, annotator, first_look=look, name=project_name(target))
    window.show()
    args.annotator = annotator  # not asked again when the project is open
    return window


class Opening(QObject):
    """Opens the project behind a window shown from its first look: a worker reads the document list (sqlite3),
    imports SQLAlchemy and the windows' working parts and opens the project, then the window is finished on the UI
    thread. The UI thread keeps answering meanwhile (the worker gives up the GIL every few milliseconds)."""

    listed = Signal(object)  # from the worker: the document list, read with sqlite3 and prepared for the view
    opened = Signal(object)  # from the worker: the engine and sessions, or the exception that stopped it

    def __init__(self, args: argparse.Namespace, window: MainWindow) -> None:
        super().__init__()
        self.args, self.window = args, window
        self.started: Started | None = None
        self._result: Opened | BaseException | None = None  # the worker's, also when the loop ended before it
        self._list_state = window.document_list.snapshot(window.annotator)
        self.listed.connect(window.show_first_list, Qt.ConnectionType.QueuedConnection)
        self.opened.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._worker = threading.Thread(target=self._open, name="opening the project", daemon=True)
        QTimer.singleShot(0, self._worker.start)  # once the first look is painted: its GIL is the UI thread's

    def _open(self) -> None:
        try:
            rows = read_first_list(Path(chosen_target(self.args.db)).expanduser())  # 0.3 s at 100,000 documents
            if rows is not None:
                self.listed.emit(prepare_rows(rows, self._list_state))
            import_module("biaozhu.gui.annotate.window_parts")  # what finishing the window makes
            self._result = import_module("biaozhu.gui.windows").open_target(self.args)
        except BaseException as exc:  # said (a storage failure) or reported (a bug) on the UI thread
            self._result = exc
        self.opened.emit(self._result)

    def _finish(self, opened: Opened | BaseException) -> None:
        if self.window.closed:  # closed while the project opened: the app is ending (see ``close``)
            return
        if isinstance(opened, BaseException) and not isinstance(opened, StorageError):
            raise opened  # a bug: the crash reporter tells it
        from biaozhu.gui.windows import start

        started = start(self.args, opened, early=self.window)  # a storage failure: said there, an exit code
        if isinstance(started, int):
            self.window.hide()
            QApplication.exit(started)
            return
        self.started = started
        settle(started)

    def close(self) -> None:
        """After the event loop: the windows closed, the worker done, the project let go of."""
        if self._worker.ident is not None:
            self._worker.join()
        if self.started is not None:
            close_started(self.started)
        elif isinstance(self._result, tuple):
            self._result[0].dispose()


def close_when_asked(started: Started) -> None:
    """With ``BIAOZHU_QUIT_AFTER_MS`` set, print the first window's title and close the app's windows after that
    many milliseconds: the script sees what opened (which document, in which mode) and that the app then exits
    cleanly."""
    delay = os.environ.get(QUIT_AFTER_MS, "")
    if not delay.isdigit():
        if delay:
            print(f"biaozhu: {QUIT_AFTER_MS} must be a number of milliseconds, not {delay!r}", file=sys.stderr)
        return

    def close() -> None:
        print(started.window.windowTitle(), flush=True)
        started.windows.close()

    QTimer.singleShot(int(delay), started.window, close)


def settle(started: Started) -> None:
    """The first window is finished: a scripted start's close is armed, and what the start built lives as long
    as the app, so it is frozen (collections no longer walk it) and collections, off since the command line
    started (:func:`biaozhu.cli.main`), run again."""
    close_when_asked(started)
    gc.freeze()
    gc.enable()


def close_started(started: Started) -> None:
    started.windows.close()
    release_clipboard()
    started.engine.dispose()


def run_app(args: argparse.Namespace) -> int:
    """Open the app on ``args.db`` (or the default project) and run it until the last window closes."""
    problem = platform_problem()
    if problem is not None:  # said before Qt starts, which would abort the process
        print(problem, file=sys.stderr)
        return EXIT_NO_WINDOW
    app = make_application(args.lang)
    reporter = CrashReporter(Path(user_log_dir("biaozhu", appauthor=False)), app)
    reporter.install()
    try:
        window = first_window(args)
        if window is not None:
            opening = Opening(args, window)
            try:
                return app.exec()
            finally:
                opening.close()
        from biaozhu.gui.windows import start

        started = start(args)
        if isinstance(started, int):
            return started
        settle(started)
        try:
            return app.exec()
        finally:
            close_started(started)
    finally:
        reporter.uninstall()
