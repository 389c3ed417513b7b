"""The statistics window (Review → Statistics…): the documents × layers progress matrix a page at a time, spans
per label per layer, spans added and time spent per day, the agreement over time, read with the same SQL
aggregates as ``biaozhu stats``. Each chart can be saved as PNG; a click on a cell of the matrix opens that
document for that layer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biaozhu.corpus.agreement import AgreementReport, measure_agreement
from biaozhu.corpus.agreement_summary import summarise
from biaozhu.db.agreement_history import record_agreement
from biaozhu.db.progress import PAGE, MatrixPage, progress_page
from biaozhu.db.review import iter_annotated
from biaozhu.db.stats import ProjectStats, duration, project_stats
from biaozhu.gui.common.runner import ActionRunner, sentence
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.charts import BarChart, Chart, LineChart, Series
from biaozhu.gui.widgets.tables import configure_table

CELL = Qt.ItemDataRole.UserRole  # a matrix cell's (document id, layer name)
STATUS_COLOURS = {"in_progress": "#fff3bf", "done": "#d3f9d8", "adjudicated": "#d0ebff"}  # light: text stays legible


@dataclass(frozen=True)
class Figures:
    stats: ProjectStats
    matrix: MatrixPage


class StatisticsDialog(QDialog):
    open_document = Signal(int, str)  # document id, the layer (annotator) whose cell was clicked

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.figures: Figures | None = None
        self.offset = 0
        self.page_size = PAGE
        self.setWindowTitle(self.tr("Statistics — biaozhu 标注"))
        self.resize(1200, 760)
        self.status_words = {"in_progress": self.tr("in progress"), "done": self.tr("done"),
                             "adjudicated": self.tr("adjudicated"), "not_started": self.tr("not started")}
        self.summary = QLabel(self)
        self.summary.setObjectName("statistics-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.matrix = QTableWidget(0, 0, self)
        self.matrix.setObjectName("statistics-matrix")
        configure_table(self.matrix, sortable=False)
        self.matrix.verticalHeader().setVisible(True)  # the documents' names
        self.matrix.cellClicked.connect(self._open)
        self.matrix.cellActivated.connect(self._open)
        self.page_label = QLabel(self)
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_page, self.next_page = QPushButton("◀", self), QPushButton("▶", self)
        self.previous_page.clicked.connect(lambda: self.go_to_page(self.offset - self.page_size))
        self.next_page.clicked.connect(lambda: self.go_to_page(self.offset + self.page_size))
        self.by_label = BarChart(self.tr("Spans per label"), self)
        self.by_label.setObjectName("spans-per-label")
        self.by_day = LineChart(self.tr("Spans added per day"), self)
        self.by_day.setObjectName("spans-per-day")
        self.time_by_day = BarChart(self.tr("Hours spent per day"), self)
        self.time_by_day.setObjectName("hours-per-day")
        self.time_by_day.thin_labels = True
        self.agreement = LineChart(self.tr("Agreement over time (F1, κ)"), self)
        self.agreement.setObjectName("agreement-over-time")
        self.agreement.ceiling = 1.0
        self.charts: list[Chart] = [self.by_label, self.by_day, self.time_by_day, self.agreement]
        charts = QWidget(self)
        grid = QGridLayout(charts)
        for at, chart in enumerate(self.charts):
            box = QVBoxLayout()
            box.addWidget(chart, 1)
            save = QPushButton(fill(self.tr("Save “%1” as PNG…"), chart.title), charts)
            save.setAutoDefault(False)
            save.clicked.connect(lambda _=False, shown=chart: self._save(shown))
            box.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
            grid.addLayout(box, at // 2, at % 2)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.matrix, 1)
        pages = QHBoxLayout()
        for widget in (self.previous_page, self.page_label, self.next_page):
            pages.addWidget(widget)
        pages.addStretch(1)
        left_layout.addLayout(pages)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(charts)
        splitter.setSizes([560, 640])
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.reload)
        self.measure_button = QPushButton(self.tr("Measure agreement now"), self)
        self.measure_button.setAutoDefault(False)
        self.measure_button.clicked.connect(self.measure_agreement)
        self._pool = QThreadPool(self)  # the agreement measured
        self._pool.setMaxThreadCount(1)
        self._reads = QThreadPool(self)  # the figures read, one at a time, in the order asked for
        self._reads.setMaxThreadCount(1)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addWidget(self.measure_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read every figure again (the matrix on the page shown) on a worker thread: at 100,000 documents the
        spans' aggregate takes seconds without its index, and the window must not freeze meanwhile."""
        offset, size = self.offset, self.page_size
        self.runner.in_background(self._reads, lambda session: Figures(project_stats(session),
                                                                       progress_page(session, offset, size)),
                                  self._show, lambda exc: self.summary.setText(sentence(exc)))

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        stats = self.figures.stats
        self.summary.setText(fill(self.tr("%1 documents, %2 characters, %3 layers"), stats.documents,
                                  stats.characters, len(stats.layers)))
        self._fill_matrix()
        self.by_label.set_data(stats.labels, [
            Series(layer.name, [layer.by_label.get(label, 0) for label in stats.labels]) for layer in stats.layers])
        days = stats.days()
        self.by_day.set_data(days, [Series(layer.name, [layer.by_day.get(day, 0) for day in days])
                                    for layer in stats.layers])
        worked = stats.work_days()
        self.time_by_day.set_data(worked, [
            Series(layer.name, [round(layer.seconds_by_day.get(day, 0) / 3600, 2) for day in worked])
            for layer in stats.layers])
        self.agreement.set_data([f"{snapshot.at:%m-%d %H:%M}" for snapshot in stats.agreement],
                                [Series("F1", [snapshot.f1 for snapshot in stats.agreement]),
                                 Series("κ", [snapshot.kappa for snapshot in stats.agreement])])

    def measure_agreement(self) -> None:
        """Compute the agreement of every annotator pair (on a worker thread: every layer is read) and add it
        to the history, as the agreement dialog does."""
        self.measure_button.setEnabled(False)
        self.measure_button.setText(self.tr("Measuring agreement…"))
        self.runner.in_background(self._pool, lambda session: measure_agreement(iter_annotated(session)),
                                  self._measured, self._measure_failed)

    def _measured(self, report: AgreementReport) -> None:
        if not self.runner.read_only:
            outcome = self.runner.attempt(lambda session: record_agreement(session, summarise(report)))
            if not outcome.ok:
                self.summary.setText(outcome.refusal)
        self._measure_done()
        self.reload()

    def _measure_failed(self, exc: Exception) -> None:
        self._measure_done()
        self.summary.setText(sentence(exc))

    def _measure_done(self) -> None:
        self.measure_button.setEnabled(True)
        self.measure_button.setText(self.tr("Measure agreement now"))

    def wait(self) -> None:
        """Let a measurement or a read still running finish (before the project closes)."""
        self._pool.waitForDone()
        self._reads.waitForDone()

    def go_to_page(self, offset: int) -> None:
        total = self.figures.matrix.total if self.figures is not None else 0
        size = self.page_size
        self.offset = max(0, min(offset, (max(total - 1, 0) // size) * size))
        outcome = self.runner.try_read(lambda session: progress_page(session, self.offset, size))
        if outcome.value is None or self.figures is None:
            self.summary.setText(outcome.refusal)
            return
        self.figures = Figures(self.figures.stats, outcome.value)
        self._fill_matrix()

    def cell_text(self, status: str, spans: int, seconds: int) -> str:
        text = fill(self.tr("%1 · %2 spans"), self.status_words.get(status, status), spans)
        return f"{text} · {duration(seconds)}" if seconds else text

    def _fill_matrix(self) -> None:
        assert self.figures is not None
        layers = [layer.name for layer in self.figures.stats.layers]
        page = self.figures.matrix
        self.matrix.clear()
        self.matrix.setColumnCount(len(layers))
        self.matrix.setRowCount(len(page.rows))
        self.matrix.setHorizontalHeaderLabels(layers)
        self.matrix.setVerticalHeaderLabels([row.name for row in page.rows])
        for r, row in enumerate(page.rows):
            for c, layer in enumerate(layers):
                cell = row.cell(layer)
                item = QTableWidgetItem(self.cell_text(cell.status, cell.spans, cell.seconds))
                item.setData(CELL, (row.document_id, layer))
                if cell.status in STATUS_COLOURS:  # the words say it too: colour is never alone
                    item.setBackground(QColor(STATUS_COLOURS[cell.status]))
                    item.setForeground(QColor("#1f1f1f"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.matrix.setItem(r, c, item)
        self.matrix.resizeColumnsToContents()
        self.page_label.setText(fill(self.tr("documents %1–%2 of %3"), page.offset + 1 if page.rows else 0,
                                     page.offset + len(page.rows), page.total))
        self.previous_page.setEnabled(page.offset > 0)
        self.next_page.setEnabled(page.offset + len(page.rows) < page.total)

    def _open(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        if item is not None:
            document_id, layer = item.data(CELL)
            self.open_document.emit(int(document_id), str(layer))

    def _save(self, chart: Chart) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{chart.objectName()}.png", "PNG (*.png)")
        if path:
            chart.save_png(path)

