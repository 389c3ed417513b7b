"""File → Export…: the options of ``biaozhu export``, a live preview of the first documents in the chosen
format, and the export itself off the UI thread with a progress bar and Cancel.

The dialog only gathers options and shows outcomes: the preview and the export are
:mod:`biaozhu.operations.preview` and :mod:`biaozhu.operations.export`, the same code the command line
runs, so the file written here is byte for byte what ``biaozhu export`` writes with the same options.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.writing import FORMATS
from biaozhu.corpus.nesting import NestedSpansRefused
from biaozhu.db.annotators import list_annotators
from biaozhu.gui.common.label_infos import LabelInfo, label_infos
from biaozhu.gui.common.runner import ActionRunner, sentence
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.export_options import EXTENSIONS, ExportOptionsForm
from biaozhu.gui.dialogs.export_worker import EXPORT_FAILURES, PREVIEW_DOCUMENTS, ExportJob, preview_of
from biaozhu.operations.export import ExportCancelled, ExportSummary
from biaozhu.operations.outputs import STDOUT

PAUSE_MS = 250  # the preview waits for a pause in the editing of options


class ExportDialog(QDialog):
    export_started = Signal(object)  # the ExportJob, just before it runs: its ``progressed`` tells how far it got

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None, layer: str | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Export — biaozhu 标注"))
        self.resize(1200, 760)
        def read(session: Session) -> tuple[list[str], list[LabelInfo]]:
            return [a.name for a in list_annotators(session)], label_infos(session)

        outcome = runner.try_read(read)
        annotators, labels = outcome.value or ([], [])
        problem = outcome.refusal
        self.form = ExportOptionsForm(annotators, labels, layer, self)
        self.target = QLineEdit(self)
        self.target.setObjectName("target")
        self.target.setPlaceholderText(self.tr("Where to write the export"))
        choose = QPushButton(self.tr("Choose…"), self)
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_target)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("export-preview")
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview_title = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # until an export runs
        self.progress.setFormat(self.tr("%v of %m documents"))
        self.message = QLabel(problem, self)
        self.message.setObjectName("export-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        self._arrange(choose, close)
        self._previews = QThreadPool(self)  # each pool waits for its running task when the dialog is deleted
        self._previews.setMaxThreadCount(1)
        self._exports = QThreadPool(self)
        self._exports.setMaxThreadCount(1)
        self._generation = 0  # previews for older options are dropped
        self.running: ExportJob | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.refresh_preview)
        self.form.changed.connect(self._pause.start)
        self.form.format_box.currentIndexChanged.connect(self._retarget)
        self.refresh_preview()

    def _arrange(self, choose: QPushButton, close: QPushButton) -> None:
        options = QScrollArea(self)
        options.setWidgetResizable(True)
        options.setWidget(self.form)
        options.setAlignment(Qt.AlignmentFlag.AlignTop)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Save to:"), self))
        target_row.addWidget(self.target, 1)
        target_row.addWidget(choose)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(options, 1)
        left_layout.addLayout(target_row)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_title)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 720])
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # The preview ------------------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Compute the preview for the options as they are now, on a worker thread."""
        self._pause.stop()
        self._generation += 1
        self._previews.clear()  # previews still queued are out of date
        self.preview_title.setText(fill(self.tr("Preview of the first %1 documents (computing…)"), PREVIEW_DOCUMENTS))
        generation = self._generation
        self.runner.in_background(self._previews, preview_of(self.form.request(STDOUT)),
                                  lambda text: self._show_preview(generation, text),
                                  lambda exc: self._show_preview_failure(generation, exc), EXPORT_FAILURES)

    def _show_preview(self, generation: int, text: str) -> None:
        if generation != self._generation:
            return
        self.preview_title.setText(fill(self.tr("Preview of the first %1 documents"), PREVIEW_DOCUMENTS))
        self.preview.setPlainText(text or self.tr("(nothing to export with these options)"))

    def _show_preview_failure(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.preview_title.setText(fill(self.tr("Preview of the first %1 documents"), PREVIEW_DOCUMENTS))
        self.preview.setPlainText(fill(self.tr("This export would fail: %1"), self.describe(error)))

    # The target -------------------------------------------------------------------------------------------

    def choose_target(self) -> None:
        fmt = self.form.format()
        if FORMATS[fmt].folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into a folder"), self.target.text())
        else:
            pattern = f"*{EXTENSIONS[fmt]}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to a file"), self.target.text(),
                                                    fill(self.tr("%1 files (%2)"), fmt, pattern))
        if chosen:
            self.target.setText(chosen)

    def _retarget(self) -> None:
        """Another format: the target keeps its name and takes the format's extension (none for a folder)."""
        text = self.target.text().strip()
        if not text:
            return
        path, extension = Path(text), EXTENSIONS[self.form.format()]
        if path.suffix in set(EXTENSIONS.values()):  # "" too: a folder's name gets the file's extension
            self.target.setText(str(path.with_suffix(extension)))

    # The export -------------------------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.running is not None:
            return
        target = self.target.text().strip()
        if not target:
            self.message.setText(self.tr("Choose where to write the export first (Save to)."))
            return
        if not self.form.fractions_add_up():
            self.message.setText(self.tr("The train, dev and test fractions must add up to 1."))
            return
        self.running = ExportJob(self.form.request(target), self)
        self.running.progressed.connect(self._show_progress)
        self.export_started.emit(self.running)
        self._set_busy(True)
        self.message.setText(self.tr("Exporting…"))
        self.runner.in_background(self._exports, self.running, self._exported, self._export_failed, EXPORT_FAILURES)

    def cancel_export(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.message.setText(self.tr("Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.form, self.target, self.export_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setTextVisible(True)
            self.progress.setRange(0, 0)  # busy until the first count arrives

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _exported(self, summary: ExportSummary) -> None:
        self.running = None
        self._set_busy(False)
        self.progress.setValue(self.progress.maximum())
        lines = [fill(self.tr("Exported %1 documents (%2 records), %3 spans to %4."), summary.documents,
                      summary.records, summary.spans, ", ".join(summary.files))]
        if summary.dropped:
            lines.append(fill(self.tr("%1 nested spans were dropped: this format cannot hold them, the outer span "
                                      "was kept."), summary.dropped))
        elif not FORMATS[self.form.format()].nests:
            lines.append(self.tr("No nested span had to be dropped."))
        if summary.relations_dropped:
            lines.append(fill(self.tr("%1 relations written, %2 left out (the format cannot hold relations, a "
                                      "sentence cuts them, or one of their spans was not exported)."),
                              summary.relations, summary.relations_dropped))
        elif summary.relations:
            lines.append(fill(self.tr("%1 relations written."), summary.relations))
        if summary.unreviewed:
            lines.append(fill(self.tr("%1 documents have no reviewer's decision yet and were left out of gold."),
                              summary.unreviewed))
        lines.extend(fill(self.tr("%1: %2 documents"), path, count) for path, count in summary.parts.items())
        self.message.setText("\n".join(lines))

    def _export_failed(self, error: Exception) -> None:
        self.running = None
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        if isinstance(error, ExportCancelled):
            self.message.setText(self.tr("Export cancelled: nothing was written."))
        else:
            self.message.setText(fill(self.tr("Not exported: %1"), self.describe(error)))

    def describe(self, error: Exception) -> str:
        """Why an export cannot be done, for the user: never a traceback."""
        if isinstance(error, NestedSpansRefused):
            inner, outer = error.inner, error.outer
            return fill(self.tr("in %1, “%2” lies inside “%3”, and nested spans are refused. Choose “Keep the outer "
                                "span” to drop the inner ones (they are counted), or another format."),
                        error.where, f"{inner.text} ({inner.label})", f"{outer.text} ({outer.label})")
        if isinstance(error, InputError):
            return fill(self.tr("a stored span disagrees with its document; run “biaozhu check” (%1)"), error)
        return sentence(error)

    def _stop(self) -> None:
        """Closing cancels a running export (nothing is written) and waits for the workers."""
        self._pause.stop()
        if self.running is not None:
            self.running.cancel()
        self._previews.clear()
        self._previews.waitForDone()
        self._exports.waitForDone()

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)


def show_export(shown: ExportDialog | None, runner: ActionRunner, parent: QWidget, layer: str) -> ExportDialog:
    """The window's export dialog, raised; a fresh one once the last was closed, so new annotators and labels
    are listed."""
    if shown is None or not shown.isVisible():
        if shown is not None:
            shown.deleteLater()
        shown = ExportDialog(runner, parent, layer=layer)
    shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown
