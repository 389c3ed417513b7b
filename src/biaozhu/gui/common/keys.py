"""Actions with keys, as both windows make them: named (tests and menus find them by name), keyed either
anywhere in a window or only while given widgets have the focus (so typing in a filter box never tags or
decides), and the undo/redo pair of an undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

Keys = str | QKeySequence.StandardKey | list[str]


def keyed_action(owner: QObject, name: str, text: str, keys: Keys, slot: Callable[[], object],
                 where: QWidget | Sequence[QWidget]) -> QAction:
    """An action named ``name`` calling ``slot``: keys anywhere in ``where`` (a window), or, given a list of
    widgets, only while one of them has the focus."""
    action = QAction(text, owner)
    action.setObjectName(name)
    if isinstance(keys, list):
        action.setShortcuts([QKeySequence(k) for k in keys])
    elif keys:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(lambda _=False: slot())
    if not isinstance(where, QWidget):
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for widget in where:
            widget.addAction(action)
    else:
        where.addAction(action)
    return action


class ActionSet(QObject):
    """A window's actions by name: what its menus hold and its tests trigger."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}

    def add(self, name: str, text: str, keys: Keys, slot: Callable[[], object], *,
            on: Sequence[QWidget] | None = None) -> QAction:
        """An action named ``name``; with ``on`` its keys work only while one of those widgets has the focus."""
        action = keyed_action(self, name, text, keys, slot, self.window if on is None else on)
        self.by_name[name] = action
        return action

    def undo_redo(self, stack: QUndoStack, texts: tuple[str, str]) -> list[QAction]:
        """Undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) of ``stack``, keyed anywhere in the window."""
        undo = stack.createUndoAction(self, texts[0])
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self, texts[1])
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(name)
            self.window.addAction(action)
            self.by_name[name] = action
        return [undo, redo]
