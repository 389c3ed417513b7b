"""Bar and line charts drawn with QPainter (QtCharts ships only in the GPL PySide6-Addons wheel). Each chart is
a plain widget holding its numbers; ``save_png`` writes what is on screen."""

from __future__ import annotations

import math
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
    """One named row of values (a layer), drawn in one colour; None is no value (a gap in a line)."""

    name: str
    values: Sequence[float | None]


def shown_value(value: float) -> str:
    """A value on the chart: whole numbers as such, fractions (F1, kappa, hours) with two decimals."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


class Chart(QWidget):
    """What bar and line charts share: categories on the x axis, series, a legend, a y scale from zero."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.ceiling: float | None = None  # where the scale ends at least (1 for F1 and kappa)
        self.thin_labels = isinstance(self, LineChart)  # categories in a sequence (days): every n-th is enough
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def set_data(self, categories: list[str], series: list[Series]) -> None:
        self.categories, self.series = categories, series
        self.update()

    def save_png(self, path: str | Path) -> bool:
        return self.grab().save(str(path), "PNG")

    def values(self) -> list[float]:
        return [value for series in self.series for value in series.values if value is not None]

    @property
    def top(self) -> float:
        """The highest value, where the scale ends (at least 1, so that an empty chart has a scale)."""
        return max([*self.values(), self.ceiling or 0]) or 1

    @property
    def bottom(self) -> float:
        """Zero, or the lowest value if it is below (a kappa can be)."""
        return min([*self.values(), 0])

    def y_of(self, plot: QRectF, value: float) -> float:
        return plot.bottom() - plot.height() * (value - self.bottom) / (self.top - self.bottom)

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
        top, bottom = shown_value(self.top), shown_value(self.bottom)
        axis_width = max(metrics.horizontalAdvance(top), metrics.horizontalAdvance(bottom)) + MARGIN
        plot = QRectF(axis_width + MARGIN, 2 * line + 2 * MARGIN, self.width() - axis_width - 2 * MARGIN,
                      self.height() - 4 * line - 3 * MARGIN)
        if plot.width() <= 0 or plot.height() <= 0:
            return
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawText(QRectF(0, plot.top() - line / 2, axis_width, line), Qt.AlignmentFlag.AlignRight, top)
        painter.drawText(QRectF(0, plot.bottom() - line / 2, axis_width, line), Qt.AlignmentFlag.AlignRight, bottom)
        if self.bottom < 0:  # the zero line, where a negative value starts
            zero = self.y_of(plot, 0)
            painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
        if not self.categories:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("nothing yet"))
            return
        self.draw(painter, plot, metrics)

    def draw(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics) -> None:
        raise NotImplementedError

    def category_labels(self, painter: QPainter, plot: QRectF, centres: list[float], slot: float,
                        metrics: QFontMetrics) -> None:
        """The categories under the x axis, where :func:`placed_labels` puts them."""
        widest = max(metrics.horizontalAdvance(text) for text in self.categories) + MARGIN
        painter.setPen(self.palette().windowText().color())
        for index, left, width in placed_labels(centres, widest, slot, self.width(), self.thin_labels):
            shown = metrics.elidedText(self.categories[index], Qt.TextElideMode.ElideMiddle, int(max(width, 24)))
            painter.drawText(QRectF(left, plot.bottom() + 2, width, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, shown)


def placed_labels(centres: list[float], widest: float, slot: float, room: float,
                  thin: bool) -> list[tuple[int, float, float]]:
    """(category index, left, width) of the labels drawn: every one if the widest fits in its ``slot``; else,
    ``thin`` (a sequence: days), every n-th whole, or (names) every one shortened to its slot. Each is kept
    inside ``room`` and none overlaps the one before."""
    every = max(1, math.ceil(widest / max(slot, 1))) if thin else 1
    width = min(widest, slot * every)
    placed: list[tuple[int, float, float]] = []
    taken = -math.inf
    for index in range(0, len(centres), every):
        left = min(max(centres[index] - width / 2, 0), room - width)
        if left >= taken - 1:  # neighbours meet exactly, up to rounding
            placed.append((index, left, width))
            taken = left + width
    return placed


class BarChart(Chart):
    """Grouped bars: per category (a label), one bar per series (a layer), its value written on top."""

    def draw(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics) -> None:
        group = plot.width() / len(self.categories)
        zero = self.y_of(plot, 0)
        bar = max(2.0, (group - 2 * MARGIN) / max(len(self.series), 1))
        for c in range(len(self.categories)):
            left = plot.left() + c * group + MARGIN
            for s, series in enumerate(self.series):
                value = series.values[c]
                if value is None:
                    continue
                top = self.y_of(plot, value)
                rect = QRectF(left + s * bar, min(top, zero), bar - 1, abs(zero - top))
                painter.fillRect(rect, self.colour(s))
                text = shown_value(value)
                if value and bar >= metrics.horizontalAdvance(text):
                    painter.setPen(self.palette().windowText().color())
                    painter.drawText(QRectF(rect.left(), rect.top() - metrics.height(), bar, metrics.height()),
                                     Qt.AlignmentFlag.AlignHCenter, text)
        self.category_labels(painter, plot, [plot.left() + (c + 0.5) * group for c in range(len(self.categories))],
                             group, metrics)


class LineChart(Chart):
    """One line per series over the categories (days, moments), with a dot per value; no value is a gap."""

    def draw(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics) -> None:
        step = plot.width() / max(len(self.categories) - 1, 1)
        for s, series in enumerate(self.series):
            points = [None if value is None else QPointF(plot.left() + i * step, self.y_of(plot, value))
                      for i, value in enumerate(series.values)]
            painter.setPen(QPen(self.colour(s), 2))
            for start, end in zip(points, points[1:], strict=False):
                if start is not None and end is not None:
                    painter.drawLine(start, end)
            for point in points:
                if point is not None:
                    painter.drawEllipse(point, 2.5, 2.5)
        self.category_labels(painter, plot, [plot.left() + i * step for i in range(len(self.categories))],
                             step if len(self.categories) > 1 else plot.width(), metrics)
