"""The File menu of the annotation window and of review mode: projects (new, open, recent, a team server),
bringing reports in (Import…, Import a folder…, and files or folders dropped on the window) and Export….

Opening another project is the app's business (it rebuilds the windows on the new project and closes the
old one): the menu only finds out which project is wanted, refusing with a sentence a file that is missing
or, for a new project, already there, and asks for it with ``project_requested``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.recent import (
    forget_all_projects,
    forget_project,
    is_server,
    last_folder,
    recent_projects,
    remember_folder,
)
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill

if TYPE_CHECKING:  # the readers and their dialogs are imported when first used: the first window does without
    from biaozhu.gui.dialogs.importing import ImportDialog
    from biaozhu.operations.importing import ImportOptions

PROJECT_SUFFIX = ".sqlite"


class FileMenu(QObject):
    """The File menu's actions (in ``actions.by_name``) and the window's drop target. ``window`` has a
    ``closing`` signal; ``person`` is who imports (the audit log says so), ``export`` opens the window's export
    dialog, and ``imported`` is called once an import has finished (the window shows what came in)."""

    project_requested = Signal(str, bool)  # a path or URL (its password only in memory); whether to create it

    def __init__(self, window: QMainWindow, actions: ActionSet, runner: ActionRunner, person: str,
                 export: Callable[[], object], imported: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.runner, self.person, self.imported = runner, person, imported
        self.import_dialog: ImportDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&File"))
        menu.addAction(actions.add("new-project", self.tr("New project…"), "Ctrl+Shift+N", self.new_project))
        menu.addAction(actions.add("open-project", self.tr("Open project…"), "Ctrl+O", self.open_project))
        self.recent_menu = QMenu(self.tr("Recent projects"), menu)
        self.recent_menu.setObjectName("recent-projects")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addMenu(self.recent_menu)
        menu.addAction(actions.add("connect-server", self.tr("Connect to a team server…"), "", self.connect_server))
        menu.addSeparator()
        menu.addAction(actions.add("import", self.tr("Import…"), "Ctrl+I", self.choose_files))
        menu.addAction(actions.add("import-folder", self.tr("Import a folder…"), "", self.choose_folder))
        menu.addAction(actions.add("export", self.tr("Export…"), "Ctrl+E", export))
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.closing.connect(self._close_import)  # type: ignore[attr-defined]

    def tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, QApplication.applicationDisplayName(), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("file-message")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # -- projects --------------------------------------------------------------------------------------------
    def new_project(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("New project"), last_folder("projects"),
                                                fill(self.tr("biaozhu projects (%1)"), f"*{PROJECT_SUFFIX}"),
                                                options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            remember_folder("projects", chosen)
            self.create_project(Path(chosen))

    def create_project(self, path: Path) -> None:
        """A new, empty project at ``path`` (.sqlite added when it has no extension), never over a file."""
        path = path if path.suffix else path.with_suffix(PROJECT_SUFFIX)
        if path.exists():
            self.tell(fill(self.tr("%1 already exists: open it with File ▸ Open project…, or choose another "
                                   "name."), path))
            return
        self.project_requested.emit(str(path), True)

    def open_project(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), last_folder("projects"),
                                                fill(self.tr("biaozhu projects (%1);;All files (*)"),
                                                     "*.sqlite *.db"))
        if chosen:
            remember_folder("projects", chosen)
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> bool:
        """Ask for the project in ``path``; a missing file is refused with a sentence (False)."""
        if not path.is_file():
            self.tell(fill(self.tr("There is no project at %1 (the file was moved or deleted)."), path))
            return False
        self.project_requested.emit(str(path), False)
        return True

    def connect_server(self, url: str = "") -> None:
        from biaozhu.gui.dialogs.server import ServerDialog

        dialog = ServerDialog(url, self.window)
        if dialog.exec() == ServerDialog.DialogCode.Accepted:
            self.project_requested.emit(dialog.target(), True)  # the first desktop sets it up

    def fill_recent(self) -> None:
        """The list as it is now (another window may have opened a project meanwhile)."""
        self.recent_menu.clear()
        for target in recent_projects():
            action = self.recent_menu.addAction(target)
            action.triggered.connect(lambda _=False, chosen=target: self.open_recent(chosen))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("Clear the list")).triggered.connect(forget_all_projects)

    def open_recent(self, target: str) -> None:
        """A server asks for its password (empty: ~/.pgpass); a file that is gone leaves the list."""
        if is_server(target):
            self.connect_server(target)
        elif not self.open_file(Path(target)):
            forget_project(target)

    # -- import ----------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        from biaozhu.corpus.formats import EXTENSIONS

        patterns = " ".join(f"*{extension}" for extension in sorted(EXTENSIONS))
        chosen, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import reports and annotations"),
                                                 last_folder("import"),
                                                 fill(self.tr("Reports and annotations (%1);;All files (*)"),
                                                      patterns))
        if chosen:
            remember_folder("import", chosen[0])
            self.import_paths([Path(path) for path in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Import every report in a folder"),
                                                  last_folder("import"))
        if chosen:
            remember_folder("import", chosen)
            self.import_paths([Path(chosen)])

    def import_paths(self, paths: list[Path], options: ImportOptions | None = None) -> ImportDialog:
        """Import files and folders as ``biaozhu import`` does, as the window's person (the audit log says who);
        the dialog shows progress, then the summary."""
        from biaozhu.gui.dialogs.importing import ImportDialog
        from biaozhu.operations.importing import ImportOptions, files_to_import

        options = options or ImportOptions(actor=self.person)
        if self.import_dialog is not None:
            self.import_dialog.close()
            self.import_dialog.deleteLater()
        self.import_dialog = ImportDialog(self.runner, files_to_import(paths, options), options, self.window)
        self.import_dialog.finished_import.connect(self.imported)
        self.import_dialog.show()
        return self.import_dialog

    def _close_import(self) -> None:
        """The window closes (or another project opens): a running import is cancelled and waited for."""
        if self.import_dialog is not None:
            self.import_dialog.close()

    # -- drops -----------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, (QDragEnterEvent, QDropEvent)) and event.mimeData().hasUrls():
            paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
            if paths:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.import_paths(paths)
                return True
        return super().eventFilter(watched, event)
