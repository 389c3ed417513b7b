"""Find in the open document (Ctrl+F): Enter for the next hit, Shift+Enter for the previous, Esc to close.
The bar searches the text of the view it is given and selects the hit there, in both windows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.document_view import DocumentView


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

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        self.view = view
        self.hide()
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
        self.find_requested.connect(self.find_next)
        self.closed.connect(self.close_bar)

    def open(self, needle: str = "") -> None:
        """Show the bar (Ctrl+F), with a short selection of the view as what to find."""
        start, end = self.view.selection()
        needle = needle or (self.view.text[start:end] if 0 < end - start <= 50 else "")
        if needle:
            self.needle.setText(needle)
        self.show()
        self.needle.setFocus()
        self.needle.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def find_next(self, needle: str, forward: bool) -> None:
        """Select the next (previous) hit after (before) the view's selection, wrapping round."""
        text = self.view.text
        start, end = self.view.selection()
        at = find_in(text, needle, end if forward else start, forward)
        if at == -1:
            self.set_result(self.tr("not found") if needle else "")
            return
        self.set_result(fill(self.tr("%1 hits"), text.count(needle)))
        self.view.select_range(at, at + len(needle))

    def set_result(self, text: str) -> None:
        self.result.setText(text)
