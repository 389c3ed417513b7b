"""The label bar: one button per label with its colour, hotkey and count in this document;
the label's guideline (its first lines, as written) on hover. Buttons never take the focus, so the keyboard stays
in the text.
The buttons wrap onto more rows when the window is narrow, and past a few rows the bar scrolls (a project may hold
up to 1,000 labels); each shows its text in black or white, whichever reads on its colour, and underlines it with
the label's pattern, the one its spans carry in the text."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QSizePolicy, QWidget

from biaozhu.gui.common.contrast import pattern_of, text_on
from biaozhu.gui.common.label_infos import LabelInfo, shown_definition
from biaozhu.gui.widgets.flow_layout import FlowLayout
from biaozhu.gui.widgets.span_painter import draw_pattern

TOOLTIP_LINES = 14  # of a label's guideline on hover; the guide (F1) shows it whole


def label_tooltip(label: LabelInfo) -> str:
    """The caption in bold and the guideline under it (its first lines), both shown as written: markup in a
    label's name or guideline (``<img src=…>``) is text, never rendered."""
    caption = html.escape(label.caption(), quote=False)
    if not label.definition:
        return f"<b>{caption}</b>"
    lines = shown_definition(label.definition).split("\n")
    if len(lines) > TOOLTIP_LINES:
        lines = [*lines[:TOOLTIP_LINES], QCoreApplication.translate("LabelBar", "… (F1: the whole guide)")]
    definition = "<br>".join(html.escape(line, quote=False) for line in lines)
    return f"<b>{caption}</b><br>{definition}"


class LabelButton(QPushButton):
    """A label's button, underlined with the label's pattern in its text colour."""

    def __init__(self, label: LabelInfo, position: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pattern = pattern_of(position)
        self.text_colour = text_on(QColor(label.color))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        y = self.height() - 6.0
        draw_pattern(painter, QPointF(10, y), QPointF(self.width() - 10, y), self.text_colour, self.pattern)
        painter.end()


MOST_ROWS = 4  # rows of buttons shown before the bar scrolls


class LabelBar(QScrollArea):
    label_clicked = Signal(int)  # label id

    def __init__(self, labels: list[LabelInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        self.flow = layout = FlowLayout(inner)
        layout.setContentsMargins(8, 4, 8, 4)
        self.buttons: dict[int, QPushButton] = {}
        self.labels = {label.id: label for label in labels}
        for position, label in enumerate(labels):
            button = LabelButton(label, position, inner)
            button.setObjectName(f"label-{label.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(label_tooltip(label))
            edge, ink = QColor(label.color).darker(130).name(), button.text_colour.name()
            button.setStyleSheet(f"QPushButton {{ background: {label.color}; border: 1px solid {edge};"
                                 f" border-radius: 4px; padding: 3px 10px 7px 10px; color: {ink}; }}"
                                 f"QPushButton:hover {{ border: 2px solid {edge}; }}")
            button.clicked.connect(lambda _=False, label_id=label.id: self.label_clicked.emit(label_id))
            layout.addWidget(button)
            self.buttons[label.id] = button
        self.set_counts({})
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height(self.width())

    def _fit_height(self, width: int) -> None:
        """As tall as the wrapped buttons need, at most :data:`MOST_ROWS` rows (then it scrolls)."""
        items = (self.flow.itemAt(i) for i in range(self.flow.count()))  # their size hints are kept, the buttons' not
        row = max((item.sizeHint().height() for item in items if item is not None), default=24) + 6
        needed = self.flow.heightForWidth(max(width, 1)) if self.buttons else row
        self.setFixedHeight(min(needed, MOST_ROWS * row + 8))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height(self.viewport().width())

    def set_counts(self, counts: dict[int, int]) -> None:
        """Show how many spans of each label this document has."""
        for label_id, button in self.buttons.items():
            label = self.labels[label_id]
            key = f"[{label.hotkey}] " if label.hotkey else ""
            button.setText(f"{key}{label.caption()}  {counts.get(label_id, 0)}")
