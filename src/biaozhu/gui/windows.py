"""The windows of one person on one open project, and opening a project into them.

:class:`Windows` composes the app's windows on one open project: the annotation window and review mode, each
opened when asked for and kept. :func:`start` opens the project and shows the first window, so a test starts
the app exactly as a user does; :mod:`biaozhu.gui.app` imports this module on a worker while the first window
is painted from its first look (it brings SQLAlchemy, the models and the windows' working parts).
A project that cannot be opened (locked, read-only, corrupt, from a newer biaozhu) is a message box and
exit code 2, never a traceback. :class:`Started` holds the open project, and opening another from the File menu
rebuilds the windows on it without a restart.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.location import chosen_target
from biaozhu.db.permissions import ensure_person
from biaozhu.db.project import open_project, say
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.polling import POLL_MS
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.common.recent import is_server, project_name, remember_project, without_password
from biaozhu.gui.common.runner import sentence
from biaozhu.gui.common.storage_messages import tell_opening_failed
from biaozhu.gui.common.wording import told
from biaozhu.gui.dialogs.annotator_identity import resolve_annotator

if TYPE_CHECKING:  # imported when first opened: the first window does without them
    from biaozhu.gui.dialogs.agreement import AgreementDialog
    from biaozhu.gui.review.window import ReviewWindow

EXIT_DECLINED = 1  # no annotator name given
EXIT_STORAGE = 2  # the same code as the CLI's storage errors
Opened = tuple[Engine, sessionmaker[Session]]


class Windows(QObject):
    """The windows of one person on one open project: the annotation window and review mode (for the same
    person as the reviewer), opened when asked for and kept; the poller watches what they show."""

    project_requested = Signal(str, bool)  # File ▸ Open project… and the like: a path or URL, whether to create it

    def __init__(self, sessions: sessionmaker[Session], person: str, poll_ms: int = POLL_MS,
                 parent: QObject | None = None, name: str = "biaozhu") -> None:
        super().__init__(parent)
        self.project = OpenProject(sessions, poll_ms, self, name)
        self.person = person
        self.annotation: MainWindow | None = None
        self.review_window: ReviewWindow | None = None
        self.agreement_dialog: AgreementDialog | None = None
        self.closing = False

    def annotate(self, document_id: int | None = None, early: MainWindow | None = None) -> MainWindow:
        """The annotation window, shown (opened on ``document_id``, else where the person last worked); ``early``:
        the window the app showed from its first look at the project, finished here."""
        if self.annotation is None:
            if early is None:
                window = self.annotation = MainWindow(self.project, self.person, document_id)
            else:
                early.finish(self.project, document_id)
                window = self.annotation = early
            window.review_requested.connect(self.review)
            window.review_document_requested.connect(self.review_document)
            window.agreement_requested.connect(self.agreement)
            window.actions_.file_menu.project_requested.connect(self.project_requested)
            window.closing.connect(self._annotation_closing)
            self.project.poller.attach(window)
            self.project.poller.watch_layer(window.layer.key)
            self.project.poller.failed.connect(window.say)
        self.project.poller.start()  # after the layer is watched: its token is read once
        if self.review_window is not None:
            self.annotation.view.setFont(self.review_window.view.font())  # one font (and zoom) for both views
        self.annotation.show()
        return self.annotation

    def review(self) -> ReviewWindow:
        """Review mode with the person as the reviewer (read-only unless they have the reviewer role), shown."""
        if self.review_window is None:
            from biaozhu.gui.review.window import ReviewWindow

            window = self.review_window = ReviewWindow(self.project, self.person)
            if self.annotation is not None:
                window.view.setFont(self.annotation.view.font())  # as zoomed in the annotation window
            self.project.poller.attach(window)
            self.project.poller.failed.connect(window.say)
            self.project.poller.start()
            window.closing.connect(self._review_closing)
            window.actions_.file_menu.project_requested.connect(self.project_requested)
            window.agreement_requested.connect(self.agreement)
            window.show()
            window.view.centerCursor()  # on the first disagreement: centred before the window showed, it scrolled wrong
        else:
            if self.annotation is not None:
                self.review_window.view.setFont(self.annotation.view.font())
            self.review_window.refresh_lists()
            self.review_window.show()
        self.review_window.activateWindow()
        return self.review_window

    def review_document(self, document_id: int) -> None:
        """Review mode on a document (every layer's lanes): the statistics matrix's cell of another layer."""
        self.review().open_document(document_id)

    def review_at(self, document_id: int, start: int, end: int) -> None:
        self.review().go_to(document_id, start, end)

    def agreement(self) -> AgreementDialog:
        """The agreement figures, one dialog for both windows, recomputed on every opening; a click on a count
        opens review mode at the disagreement behind it."""
        if self.agreement_dialog is None:
            from biaozhu.gui.dialogs.agreement import AgreementDialog

            self.agreement_dialog = AgreementDialog(self.project.runner)
            self.agreement_dialog.disagreement_activated.connect(self.review_at)
        else:
            self.agreement_dialog.refresh()
        self.agreement_dialog.show()
        self.agreement_dialog.activateWindow()
        return self.agreement_dialog

    def _annotation_closing(self) -> None:
        """Closing the annotation window quits the app: review mode closes with it."""
        self.close()

    def _review_closing(self) -> None:
        """Closing review mode (Ctrl+W) goes back to annotating, also when the app was started in review mode."""
        if not self.closing and (self.annotation is None or not self.annotation.isVisible()):
            self.annotate().activateWindow()

    def close(self) -> None:
        """Close every window (an export running in one is cancelled) and stop polling."""
        self.closing = True
        for window in (self.agreement_dialog, self.review_window, self.annotation):
            if window is not None and window.isVisible():
                window.close()
        self.project.close()


class Started(QObject):
    """The open project: its windows, the window shown last and the engine to dispose of when the event loop
    ends. Opening another project (File menu) replaces all three, without a restart."""

    def __init__(self, windows: Windows, window: QMainWindow, engine: Engine) -> None:
        super().__init__()
        self.windows, self.window, self.engine = windows, window, engine
        windows.project_requested.connect(self.switch)

    def switch(self, target: str, create: bool = False) -> bool:
        """Open ``target`` (a project file, or a server URL) in a new annotation window, then close the old
        windows and let go of the old project; ``create``: a new project where there is none (File ▸ New
        project, the first desktop on a team server). A project that cannot be opened is a message, and the old
        one stays open (for a server, the connection dialog comes back to correct the URL or password)."""
        reviewing = self.windows.review_window is not None and self.windows.review_window.isVisible()
        parent = self.windows.review_window if reviewing else self.windows.annotation
        try:
            engine, sessions = open_project(target, new_project=(lambda _: None) if create else None)
        except StorageError as exc:
            tell_opening_failed(exc, parent)
            if is_server(target) and parent is not None:
                parent.actions_.file_menu.connect_server(without_password(target))
            return False
        for shown in (self.windows.annotation, self.windows.review_window):
            if shown is not None and shown.isVisible():
                shown.actions_.menus.layout.save()  # the new project's windows open where and as these are
        windows = Windows(sessions, self.windows.person, name=project_name(target))
        try:
            window: QMainWindow = windows.annotate()
            if reviewing:  # asked for from review mode: review mode on the new project, in front
                window = windows.review()
        except StorageError as exc:
            windows.close()
            engine.dispose()
            tell_opening_failed(exc, parent)
            return False
        remember_project(target)
        old, old_engine = self.windows, self.engine
        self.windows, self.window, self.engine = windows, window, engine
        windows.project_requested.connect(self.switch)
        old.close()
        for widget in (old.agreement_dialog, old.review_window, old.annotation):
            if widget is not None:
                widget.deleteLater()
        old.deleteLater()
        old_engine.dispose()
        window.activateWindow()
        return True


def open_target(args: argparse.Namespace) -> Opened:
    """The project ``args.db`` names (else ``BIAOZHU_DB``, else the default one), created when there is none; a
    :class:`StorageError` when it cannot be opened. Runs on the app's worker when a first look is shown."""
    return open_project(args.db, new_project=lambda sentence: say(told(sentence)))


def start(args: argparse.Namespace, opened: Opened | StorageError | None = None,
          early: MainWindow | None = None) -> Started | int:
    """Open the project (``opened``: opened already on the app's worker, or the failure that stopped it) and show
    the first window for ``args.annotator`` (asked for when not known): review mode with ``--review``, else the
    annotation window (``early``, shown from its first look, finished); an exit code instead when there is
    nothing to show (the engine is then disposed of)."""
    if opened is None:
        try:
            opened = open_target(args)
        except StorageError as exc:
            opened = exc
    if isinstance(opened, StorageError):
        tell_opening_failed(opened)
        return EXIT_STORAGE
    engine, sessions = opened
    target = chosen_target(args.db)
    try:
        annotator = resolve_annotator(args.annotator)
        if annotator is None:
            engine.dispose()
            return EXIT_DECLINED
        with storage_errors(), sessions.begin() as session:  # a reserved name is refused; a first person reviews
            ensure_person(session, annotator)
        windows = Windows(sessions, annotator, name=project_name(target))
        window: QMainWindow = windows.review() if getattr(args, "review", False) else windows.annotate(early=early)
    except (StorageError, Refusal) as exc:  # the project opened but the person was refused or not stored
        engine.dispose()
        tell_opening_failed(sentence(exc))
        return EXIT_STORAGE
    remember_project(target)
    return Started(windows, window, engine)
