"""The label bar: one button per label with its colour, hotkey and count in this document;
the label's definition on hover. Buttons never take the focus, so the keyboard stays in the text. The bar
scrolls sideways when the labels are more than the window is wide (a project may hold up to 1,000)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QSizePolicy, QWidget

from biaozhu.gui.common.label_infos import LabelInfo


def label_tooltip(label: LabelInfo) -> str:
    """The caption in bold and the definition under it, both shown as written: markup in a label's name or
    definition (``<img src=…>``) is text, never rendered."""
    caption = html.escape(label.caption(), quote=False)
    if not label.definition:
        return f"<b>{caption}</b>"
    definition = html.escape(label.definition, quote=False).replace("\n", "<br>")
    return f"<b>{caption}</b><br>{definition}"


class LabelBar(QScrollArea):
    label_clicked = Signal(int)  # label id

    def __init__(self, labels: list[LabelInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        layout = QHBoxLayout(inner)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        self.buttons: dict[int, QPushButton] = {}
        self.labels = {label.id: label for label in labels}
        for label in labels:
            button = QPushButton(inner)
            button.setObjectName(f"label-{label.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(label_tooltip(label))
            edge = QColor(label.color).darker(130).name()
            button.setStyleSheet(f"QPushButton {{ background: {label.color}; border: 1px solid {edge};"
                                 " border-radius: 4px; padding: 3px 10px; color: #1b1b1b; }"
                                 f"QPushButton:hover {{ border: 2px solid {edge}; }}")
            button.clicked.connect(lambda _=False, label_id=label.id: self.label_clicked.emit(label_id))
            layout.addWidget(button)
            self.buttons[label.id] = button
        layout.addStretch(1)
        self.set_counts({})
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(inner.sizeHint().height() + self.horizontalScrollBar().sizeHint().height())

    def set_counts(self, counts: dict[int, int]) -> None:
        """Show how many spans of each label this document has."""
        for label_id, button in self.buttons.items():
            label = self.labels[label_id]
            key = f"[{label.hotkey}] " if label.hotkey else ""
            button.setText(f"{key}{label.caption()}  {counts.get(label_id, 0)}")
