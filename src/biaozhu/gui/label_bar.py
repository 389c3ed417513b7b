"""The label bar: one button per label with its colour, hotkey and count in this document;
the label's definition on hover. Buttons never take the focus, so the keyboard stays in the text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from sqlalchemy.orm import Session

from biaozhu.db.labels import list_labels


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """A label as the window uses it (a plain copy of the database row)."""

    id: int
    name: str
    title: str
    color: str
    hotkey: str | None
    definition: str

    def caption(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name


def label_infos(session: Session) -> list[LabelInfo]:
    """The project's labels in their order, copied out of the session for the window to keep."""
    return [LabelInfo(row.id, row.name, row.title, row.color, row.hotkey, row.definition)
            for row in list_labels(session)]


class LabelBar(QWidget):
    label_clicked = Signal(int)  # label id

    def __init__(self, labels: list[LabelInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        self.buttons: dict[int, QPushButton] = {}
        self.labels = {label.id: label for label in labels}
        for label in labels:
            button = QPushButton(self)
            button.setObjectName(f"label-{label.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"<b>{label.caption()}</b><br>{label.definition}" if label.definition
                              else label.caption())
            edge = QColor(label.color).darker(130).name()
            button.setStyleSheet(f"QPushButton {{ background: {label.color}; border: 1px solid {edge};"
                                 " border-radius: 4px; padding: 3px 10px; color: #1b1b1b; }"
                                 f"QPushButton:hover {{ border: 2px solid {edge}; }}")
            button.clicked.connect(lambda _=False, label_id=label.id: self.label_clicked.emit(label_id))
            layout.addWidget(button)
            self.buttons[label.id] = button
        layout.addStretch(1)
        self.set_counts({})

    def set_counts(self, counts: dict[int, int]) -> None:
        """Show how many spans of each label this document has."""
        for label_id, button in self.buttons.items():
            label = self.labels[label_id]
            key = f"[{label.hotkey}] " if label.hotkey else ""
            button.setText(f"{key}{label.caption()}  {counts.get(label_id, 0)}")
