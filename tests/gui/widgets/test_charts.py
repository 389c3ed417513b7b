"""The QPainter charts: a scale that takes a negative kappa and F1's ceiling of 1, gaps where a figure is
undefined, and day labels that never pile up (issue 18)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from biaozhu.gui.widgets.charts import SERIES_COLOURS, BarChart, LineChart, Series, placed_labels


def colours(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}


def test_a_negative_kappa_and_an_undefined_f1_are_drawn(qtbot: QtBot) -> None:
    chart = LineChart("agreement")
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.ceiling = 1.0
    chart.set_data(["11-25 17:00", "11-26 17:00", "11-27 17:00"],
                   [Series("F1", [None, 0.5, 0.75]), Series("κ", [-0.2, 0.4, 0.6])])
    assert (chart.bottom, chart.top) == (-0.2, 1.0)
    image = chart.grab().toImage()
    assert {SERIES_COLOURS[0], SERIES_COLOURS[1]} <= colours(image)


def test_many_days_are_labelled_every_few_whole_and_names_each_shortened() -> None:
    days = [10 + 9 * i for i in range(30)]  # 30 bars 9 px apart, labels 70 px wide, 280 px of room
    placed = placed_labels(days, 70, 9, 280, thin=True)
    # every 8th; the first, pushed inside the widget, leaves no room for the 8th
    assert [index for index, _, _ in placed] == [0, 16, 24]
    assert all(left >= 0 and left + width <= 280 for _, left, width in placed)
    assert all(a[1] + a[2] <= b[1] + 1 for a, b in zip(placed, placed[1:], strict=False))  # none overlaps
    names = placed_labels([50, 150, 250], 120, 100, 300, thin=False)
    assert [(index, width) for index, _, width in names] == [(0, 100), (1, 100), (2, 100)]  # shortened to fit
    assert names[0][1] == 0 and names[2][1] == 200


def test_a_chart_saves_what_it_shows_as_png(qtbot: QtBot, tmp_path: Path) -> None:
    chart = BarChart("hours")
    chart.thin_labels = True
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    chart.set_data([f"2026-11-{day:02d}" for day in range(1, 31)], [Series("张三", [0.5] * 30)])
    assert chart.save_png(tmp_path / "hours.png")
    assert SERIES_COLOURS[0] in colours(QImage(str(tmp_path / "hours.png")))
