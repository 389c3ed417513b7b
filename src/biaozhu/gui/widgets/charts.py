"""Bar and line charts drawn with QPainter (QtCharts ships only in the GPL PySide6-Addons wheel). Each chart is
a plain widget holding its numbers; ``save_png`` writes what is on screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SERIES_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")
MARGIN = 8


@dataclass(frozen=True)
class Series:
    """One named row of values (a layer), drawn in one colour."""

    name: str
    values: Sequence[int]


class Chart(QWidget):
    """What bar and line charts share: categories on the x axis, series, a legend, a y scale from zero."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def set_data(self, categories: list[str], series: list[Series]) -> None:
        self.categories, self.series = categories, series
        self.update()

    def save_png(self, path: str | Path) -> bool:
        return self.grab().save(str(path), "PNG")

    @property
    def top(self) -> int:
        """The highest value, so the scale ends a little above it."""
        return max((value for series in self.series for value in series.values), default=0)

    def colour(self, index: int) -> QColor:
        return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        text = self.palette().windowText().color()
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line + MARGIN), Qt.AlignmentFlag.AlignCenter, self.title)
        legend_x = MARGIN
        for index, series in enumerate(self.series):  # the legend: colour and name, so colour is not alone
            painter.fillRect(QRectF(legend_x, line + MARGIN + 2, 10, 10), self.colour(index))
            painter.drawText(QPointF(legend_x + 14, line + MARGIN + 11), series.name)
            legend_x += 24 + metrics.horizontalAdvance(series.name)
        axis_width = metrics.horizontalAdvance(str(self.top)) + MARGIN
        plot = QRectF(axis_width + MARGIN, 2 * line + 2 * MARGIN, self.width() - axis_width - 2 * MARGIN,
                      self.height() - 4 * line - 3 * MARGIN)
        if plot.width() <= 0 or plot.height() <= 0:
            return
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        scale = max(self.top, 1)
        painter.drawText(QRectF(0, plot.top() - line / 2, axis_width, line), Qt.AlignmentFlag.AlignRight, str(scale))
        painter.drawText(QRectF(0, plot.bottom() - line / 2, axis_width, line), Qt.AlignmentFlag.AlignRight, "0")
        if not self.categories:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("nothing yet"))
            return
        self.draw(painter, plot, scale, metrics)

    def draw(self, painter: QPainter, plot: QRectF, scale: int, metrics: QFontMetrics) -> None:
        raise NotImplementedError

    def category_label(self, painter: QPainter, plot: QRectF, centre: float, width: float, text: str,
                       metrics: QFontMetrics) -> None:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, int(max(width, 24)))
        painter.setPen(self.palette().windowText().color())
        left = min(max(centre - width / 2, 0.0), self.width() - width)  # the first day's date is not cut at the edge
        painter.drawText(QRectF(left, plot.bottom() + 2, width, metrics.height()), Qt.AlignmentFlag.AlignHCenter,
                         shown)


class BarChart(Chart):
    """Grouped bars: per category (a label), one bar per series (a layer), its value written on top."""

    def draw(self, painter: QPainter, plot: QRectF, scale: int, metrics: QFontMetrics) -> None:
        group = plot.width() / len(self.categories)
        bar = max(2.0, (group - 2 * MARGIN) / max(len(self.series), 1))
        for c, category in enumerate(self.categories):
            left = plot.left() + c * group + MARGIN
            for s, series in enumerate(self.series):
                value = series.values[c]
                height = plot.height() * value / scale
                rect = QRectF(left + s * bar, plot.bottom() - height, bar - 1, height)
                painter.fillRect(rect, self.colour(s))
                if value and bar >= metrics.horizontalAdvance(str(value)):
                    painter.setPen(self.palette().windowText().color())
                    painter.drawText(QRectF(rect.left(), rect.top() - metrics.height(), bar, metrics.height()),
                                     Qt.AlignmentFlag.AlignHCenter, str(value))
            self.category_label(painter, plot, left - MARGIN + group / 2, group, category, metrics)


class LineChart(Chart):
    """One line per series over the categories (days), with a dot per value."""

    def draw(self, painter: QPainter, plot: QRectF, scale: int, metrics: QFontMetrics) -> None:
        step = plot.width() / max(len(self.categories) - 1, 1)
        for s, series in enumerate(self.series):
            points = [QPointF(plot.left() + i * step, plot.bottom() - plot.height() * value / scale)
                      for i, value in enumerate(series.values)]
            painter.setPen(QPen(self.colour(s), 2))
            for start, end in zip(points, points[1:], strict=False):
                painter.drawLine(start, end)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)
        every = max(1, int(len(self.categories) * 80 / max(plot.width(), 1)))  # labels that fit
        for i in range(0, len(self.categories), every):
            self.category_label(painter, plot, plot.left() + i * step, 80, self.categories[i], metrics)
