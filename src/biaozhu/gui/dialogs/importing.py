"""File ▸ Import… and files dropped on the window: :mod:`biaozhu.operations.importing`, the code ``biaozhu
import`` runs, on a worker thread, with progress and Cancel, then a summary: per file what it added, and every
error with its file, line and reason.

Each file is one transaction: the document list fills in file by file, and a cancel leaves nothing of the
file it arrived during. Files refused for a reason the user can fix here (labels the project lacks, spans
that belong to nobody) can be imported again with the two options of ``biaozhu import`` that fix them.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biaozhu.corpus.errors import InputError, InputErrors, Refusal
from biaozhu.corpus.names import check_annotator
from biaozhu.db.errors import StorageError
from biaozhu.db.importing import MissingLabels
from biaozhu.db.permissions import check_person
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import ActionRunner, Transaction, sentence
from biaozhu.gui.common.wording import as_tooltip, fill, told
from biaozhu.operations.importing import FileImport, ImportCancelled, ImportOptions, import_files

IMPORT_FAILURES = (StorageError, ImportCancelled)


class ImportJob(QObject):
    """One import of ``files``; :meth:`cancel` (from any thread) stops it, the file under way rolled back."""

    file_started = Signal(int, str)  # how many files are done, the file now read (arrives on the UI thread)
    file_done = Signal(object)  # FileImport

    def __init__(self, files: list[Path], options: ImportOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.options = options
        self.outcomes: list[FileImport] = []  # filled on the worker thread, read once it has finished
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, begin: Transaction) -> list[FileImport]:
        outcomes = import_files(begin, self.files, self.options, self._cancel.is_set)
        for number, path in enumerate(self.files):
            self.file_started.emit(number, str(path))
            outcome = next(outcomes)
            self.outcomes.append(outcome)
            self.file_done.emit(outcome)
        return self.outcomes


class ImportDialog(QDialog):
    """Runs an import as soon as it is made; ``finished_import`` says the summary is on screen."""

    finished_import = Signal()

    def __init__(self, runner: ActionRunner, files: list[Path], options: ImportOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Import — biaozhu 标注"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 480)
        self.status = QLabel(self)
        self.status.setObjectName("import-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("import-summary")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("What happened")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.create_labels = QCheckBox(self.tr("Add the labels the project lacks"), self)
        self.owner = QLineEdit(options.annotator or "", self)  # --annotator: it overrides what a file says
        self.owner.setPlaceholderText(self.tr("as each file says"))
        self.again_button = QPushButton(self.tr("Import the failed files again"), self)
        self.again_button.clicked.connect(self.import_failed_again)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        self._arrange()
        self._pool = QThreadPool(self)  # waits for a running import when the dialog is deleted
        self._pool.setMaxThreadCount(1)
        self.running: ImportJob | None = None
        self.outcomes: list[FileImport] = []
        self.options = options
        self._root = Path()
        self.start(files, options)

    def _arrange(self) -> None:
        self.again_row = QWidget(self)
        again = QHBoxLayout(self.again_row)
        again.setContentsMargins(0, 0, 0, 0)
        again.addWidget(self.create_labels)
        again.addWidget(QLabel(self.tr("Whose spans the files hold:"), self))
        again.addWidget(self.owner)
        again.addWidget(self.again_button)
        again.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.again_row)
        layout.addLayout(buttons)

    def start(self, files: list[Path], options: ImportOptions) -> None:
        """Import ``files`` (already collected from what the user chose) on the worker thread."""
        self.options = options
        self.table.setRowCount(0)
        self.outcomes = []
        self.again_row.hide()
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)
        self.progress.setRange(0, len(files) if len(files) > 1 else 0)  # one file: busy until it is in
        self.progress.setValue(0)
        if not files:
            self._summarise(self.tr("Nothing to import: no file biaozhu reads was chosen."))
            return
        self.status.setText("")
        self._root = Path(os.path.commonpath([str(path.parent) for path in files]))
        self.running = ImportJob(files, options, self)
        self.running.file_started.connect(self._show_file_started)
        self.running.file_done.connect(self._show_file_done)
        self.runner.writes_in_background(self._pool, self.running, self._finished, self._failed, IMPORT_FAILURES)

    def cancel(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _name(self, path: Path | str) -> str:
        path = Path(path)
        return str(path.relative_to(self._root)) if path.is_relative_to(self._root) else str(path)

    def _show_file_started(self, done: int, path: str) -> None:
        if self.progress.maximum():
            self.progress.setValue(done)
        if self.running is not None and not self.running.cancelled:
            self.status.setText(fill(self.tr("Importing %1 (%2 of %3)…"), self._name(path), done + 1,
                                     len(self.running.files)))

    def _show_file_done(self, outcome: FileImport) -> None:
        self.outcomes.append(outcome)
        if self.progress.maximum():
            self.progress.setValue(len(self.outcomes))
        result = outcome.result
        if result is None:
            error = outcome.error
            reasons = _reasons(error)
            if isinstance(error, MissingLabels):  # the command line's advice does not fit the window
                names = [*error.names, *(fill(self.tr("relation type %1"), kind) for kind in error.types)]
                more = f" … (+{len(names) - 10})" if len(names) > 10 else ""
                shown = ", ".join(names[:10]) + more
                reasons = [("", fill(self.tr("labels the project does not have: %1 (tick “Add the labels the project "
                                             "lacks” below and import again)"), shown))]
            for line, reason in reasons:
                self._add_row(outcome.path, line, fill(self.tr("%1 — nothing imported from this file"), reason),
                              failed=True)
            return
        self._add_row(outcome.path, "", self.describe(outcome))
        for note in outcome.notes:
            self._add_row(outcome.path, "", fill(self.tr("note: %1"), told(note)))
        what = Changed.DOCUMENTS | Changed.SPANS | Changed.STATUS
        if result.labels_created:
            what |= Changed.LABELS
        if result.documents_added or result.spans_added or result.labels_created:
            self.runner.bus.publish(Change(what, source=self))

    def describe(self, outcome: FileImport) -> str:
        """What one file added, as ``biaozhu import`` says it."""
        result = outcome.result
        assert result is not None
        text = fill(self.tr("%1 documents"), result.documents_added)
        if result.documents_known:
            text += fill(self.tr(" (%1 already in the project)"), result.documents_known)
        if result.spans_added or result.spans_known:
            text += fill(self.tr(", %1 spans"), result.spans_added)
        if result.spans_known:
            text += fill(self.tr(" (%1 already there)"), result.spans_known)
        if result.relations_added or result.relations_known:
            text += fill(self.tr(", %1 relations"), result.relations_added)
        if result.relations_known:
            text += fill(self.tr(" (%1 already there)"), result.relations_known)
        if result.labels_created:
            text += fill(self.tr("; new labels: %1"), ", ".join(result.labels_created))
        if result.relation_types_created:
            text += fill(self.tr("; new relation types: %1"), ", ".join(result.relation_types_created))
        return text

    def _add_row(self, path: Path, line: str, text: str, *, failed: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate((self._name(path), line, text)):
            item = QTableWidgetItem(value)
            item.setToolTip(as_tooltip([str(path) if column == 0 else value]))
            if failed:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, column, item)

    def _finished(self, outcomes: list[FileImport]) -> None:
        failed = sum(1 for outcome in outcomes if outcome.result is None)
        self._summarise(fill(self.tr("%1 files imported, %2 failed."), len(outcomes) - failed, failed))

    def _failed(self, error: Exception) -> None:
        done = sum(1 for outcome in self.outcomes if outcome.result is not None)
        if isinstance(error, ImportCancelled):
            text = fill(self.tr("Import cancelled: %1 files imported before it; nothing of %2 was stored, and the "
                                "files after it were not read."), done, self._name(str(error)))
        else:
            text = fill(self.tr("Import stopped: %1 (%2 files were imported before)."), sentence(error), done)
        self._summarise(text)

    def _summarise(self, text: str) -> None:
        self.running = None
        self.status.setText(text)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)
        self.again_row.setVisible(self.failed_files() != [])
        self.finished_import.emit()

    def failed_files(self) -> list[Path]:
        return [outcome.path for outcome in self.outcomes if outcome.result is None]

    def import_failed_again(self) -> None:
        """The failed files once more, with the options that fix the usual reasons."""
        owner = self.owner.text().strip() or None
        if owner is not None:
            try:
                owner = check_person(check_annotator(owner))
            except Refusal as exc:
                self.status.setText(str(exc))
                return
        options = replace(self.options, annotator=owner, create_labels=self.create_labels.isChecked())
        self.start(self.failed_files(), options)

    def done(self, result: int) -> None:
        """Closing (the button, Esc, the window's close box) cancels a running import, the file under way rolled
        back, and waits for it."""
        if self.running is not None:
            self.running.cancel()
        self._pool.waitForDone()
        super().done(result)


def _reasons(error: Refusal | None) -> list[tuple[str, str]]:
    """(line, reason) for each error that kept a file out: every listed error of the file, then how many more."""
    if isinstance(error, InputErrors):
        more = error.total - len(error.errors)
        return [*(("" if one.line is None else str(one.line), told(one.message)) for one in error.errors),
                *([("", fill(QCoreApplication.translate("ImportDialog", "… and %1 more"), more))] if more else [])]
    if isinstance(error, InputError):
        return [("" if error.line is None else str(error.line), told(error.message))]
    return [("", sentence(error))] if error is not None else []
