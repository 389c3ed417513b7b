"""The statistics window (Review → Statistics…): the documents × layers progress matrix, spans per label per layer
and spans per day, read with the same SQL aggregates as ``biaozhu stats``. Each chart can be saved as PNG; a
cell of the matrix opens its document."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.db.documents import DocumentSummary, list_documents
from biaozhu.db.stats import ProjectStats, project_stats
from biaozhu.gui.common.label_infos import label_set
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.charts import BarChart, Chart, LineChart, Series
from biaozhu.gui.widgets.tables import configure_table

MATRIX_ROWS = 2000  # documents listed in the matrix; the figures above count them all


@dataclass(frozen=True)
class Figures:
    stats: ProjectStats
    documents: list[DocumentSummary]
    titles: dict[str, str]  # label name → the title shown for it (项目 for PROGRAM)


def read_figures(session: Session) -> Figures:
    return Figures(project_stats(session), list_documents(session), label_set(session).titles())


class StatisticsDialog(QDialog):
    open_document = Signal(int)

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.figures: Figures | None = None
        self.setWindowTitle(self.tr("Statistics — biaozhu 标注"))
        self.resize(1000, 640)
        self.status_words = {"in_progress": self.tr("in progress"), "done": self.tr("done"),
                             "adjudicated": self.tr("adjudicated")}
        self.summary = QLabel(self)
        self.summary.setObjectName("statistics-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.matrix = QTableWidget(0, 0, self)
        self.matrix.setObjectName("statistics-matrix")
        configure_table(self.matrix, sortable=False)
        self.matrix.verticalHeader().setVisible(True)  # the documents' names
        self.matrix.cellActivated.connect(self._open)
        self.matrix.cellDoubleClicked.connect(self._open)
        self.by_label = BarChart(self.tr("Spans per label"), self)
        self.by_label.setObjectName("spans-per-label")
        self.by_day = LineChart(self.tr("Spans added per day"), self)
        self.by_day.setObjectName("spans-per-day")
        charts = QWidget(self)
        chart_layout = QVBoxLayout(charts)
        for chart in (self.by_label, self.by_day):
            chart_layout.addWidget(chart, 1)
            save = QPushButton(fill(self.tr("Save “%1” as PNG…"), chart.title), charts)
            save.setAutoDefault(False)
            save.clicked.connect(lambda _=False, shown=chart: self._save(shown))
            chart_layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(self)
        splitter.addWidget(self.matrix)
        splitter.addWidget(charts)
        splitter.setSizes([500, 500])
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        outcome = self.runner.try_read(read_figures)
        if outcome.value is None:
            self.summary.setText(outcome.refusal)
            return
        self.figures = outcome.value
        stats = self.figures.stats
        self.summary.setText(fill(self.tr("%1 documents, %2 characters, %3 layers"), stats.documents,
                                  stats.characters, len(stats.layers)))
        self._fill_matrix()
        # titles (项目, 指标…): short enough under a bar, where codes were cut to P…M
        self.by_label.set_data([self.figures.titles.get(label, label) for label in stats.labels], [
            Series(layer.name, [layer.by_label.get(label, 0) for label in stats.labels]) for layer in stats.layers])
        days = stats.days()
        self.by_day.set_data(days, [Series(layer.name, [layer.by_day.get(day, 0) for day in days])
                                    for layer in stats.layers])

    def _fill_matrix(self) -> None:
        assert self.figures is not None
        layers = [layer.name for layer in self.figures.stats.layers]
        documents = self.figures.documents[:MATRIX_ROWS]
        self.matrix.clear()
        self.matrix.setColumnCount(len(layers))
        self.matrix.setRowCount(len(documents))
        self.matrix.setHorizontalHeaderLabels(layers)
        self.matrix.setVerticalHeaderLabels([document.name for document in documents])
        for row, document in enumerate(documents):
            for column, layer in enumerate(layers):
                status = document.statuses.get(layer)
                count = document.span_counts.get(layer, 0)
                words = self.status_words.get(status or "", self.tr("not started"))
                item = QTableWidgetItem(fill(self.tr("%1 · %2 spans"), words, count))
                item.setData(Qt.ItemDataRole.UserRole, document.id)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.matrix.setItem(row, column, item)
        self.matrix.resizeColumnsToContents()

    def _open(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        if item is not None:
            self.open_document.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _save(self, chart: Chart) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{chart.objectName()}.png", "PNG (*.png)")
        if path:
            chart.save_png(path)
