"""Find in the open document (Ctrl+F): Enter for the next hit, Shift+Enter for the previous, Esc to close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


def find_in(text: str, needle: str, after: int, forward: bool) -> int:
    """Start of the next (previous) occurrence of ``needle`` from offset ``after``, wrapping around; -1 if none."""
    if not needle:
        return -1
    if forward:
        at = text.find(needle, after)
        return at if at != -1 else text.find(needle)
    at = text.rfind(needle, 0, max(0, after + len(needle) - 1))
    return at if at != -1 else text.rfind(needle)


class _Needle(QLineEdit):
    step = Signal(bool)  # forward?
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    find_requested = Signal(str, bool)  # needle, forward
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        self.needle = _Needle(self)
        self.needle.setObjectName("find-needle")
        self.needle.setPlaceholderText(self.tr("text in this document"))
        self.needle.setClearButtonEnabled(True)
        layout.addWidget(self.needle, 1)
        for text, forward in ((self.tr("Previous"), False), (self.tr("Next"), True)):
            button = QToolButton(self)
            button.setText(text)
            button.clicked.connect(lambda _=False, f=forward: self.find_requested.emit(self.needle.text(), f))
            layout.addWidget(button)
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the needle
        layout.addWidget(self.result)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.closed)
        layout.addWidget(close)
        self.needle.step.connect(lambda forward: self.find_requested.emit(self.needle.text(), forward))
        self.needle.closed.connect(self.closed)

    def open(self, needle: str = "") -> None:
        if needle:
            self.needle.setText(needle)
        self.show()
        self.needle.setFocus()
        self.needle.selectAll()

    def set_result(self, text: str) -> None:
        self.result.setText(text)
