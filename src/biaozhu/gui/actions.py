"""The window's menus and keys. Annotation keys act only while the text has the focus (so typing in the
find bar or a filter box never tags anything); the rest work anywhere in the window.

Keyboard map:
  1 / 2 / 3 (the labels' hotkeys)  tag the selection, or relabel the selected span
  Tab / Shift+Tab                  select the next / previous span
  Delete (or Backspace)            delete the selected span
  Alt+Left / Alt+Right             move the selected span's start left / right
  Alt+Shift+Left / Alt+Shift+Right move its end left / right
  W                                word snapping on / off
  Esc                              clear the selection
  Ctrl+T                           tag all occurrences of the selected span's text
  Ctrl+Enter                       mark the document done and open the next unfinished one
  Ctrl+N                           open the next unfinished document
  Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y    undo, redo
  Ctrl+F, Ctrl+Shift+F             find in the document, find in all documents
  Ctrl+= / Ctrl+-                  zoom in / out
  Ctrl+Shift+R                     review mode (compare annotators, adjudicate into gold)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from biaozhu.gui.main_window import MainWindow

Keys = str | QKeySequence.StandardKey | list[str]



def keyed_action(owner: QObject, name: str, text: str, keys: Keys, slot: Callable[[], object],
                 where: QWidget | list[QWidget]) -> QAction:
    """An action named ``name`` calling ``slot``: keys anywhere in ``where`` (a window), or, given a list of
    widgets, only while one of them has the focus (so typing in a filter box never tags or decides)."""
    action = QAction(text, owner)
    action.setObjectName(name)
    if isinstance(keys, list):
        action.setShortcuts([QKeySequence(k) for k in keys])
    elif keys:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(lambda _=False: slot())
    if isinstance(where, list):
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for widget in where:
            widget.addAction(action)
    else:
        where.addAction(action)
    return action


def undo_redo_actions(owner: QObject, stack: QUndoStack, window: QWidget, by_name: dict[str, QAction],
                      texts: tuple[str, str]) -> list[QAction]:
    """Undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) of ``stack``, named and keyed in ``window``."""
    undo = stack.createUndoAction(owner, texts[0])
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(owner, texts[1])
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(name)
        window.addAction(action)
        by_name[name] = action
    return [undo, redo]


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        menu_bar = window.menuBar()
        view = window.view

        document = menu_bar.addMenu(self.tr("&Document"))
        document.addAction(self._action("mark-done", self.tr("Mark done and open the next"),
                                        ["Ctrl+Return", "Ctrl+Enter"], window.mark_done))
        document.addAction(self._action("next-unfinished", self.tr("Next unfinished document"), "Ctrl+N",
                                        window.open_next_unfinished))
        document.addAction(self._action("export", self.tr("Export…"), "Ctrl+E", window.open_export))
        document.addSeparator()
        document.addAction(self._action("quit", self.tr("Quit"), QKeySequence.StandardKey.Quit, window.close))

        edit = menu_bar.addMenu(self.tr("&Edit"))
        edit.addActions(undo_redo_actions(self, window.undo_stack, window, self.by_name,
                                          (self.tr("Undo"), self.tr("Redo"))))
        edit.addSeparator()
        edit.addAction(self._action("find", self.tr("Find in document…"), "Ctrl+F", window.open_find))
        edit.addAction(self._action("find-project", self.tr("Find in all documents…"), "Ctrl+Shift+F",
                                    window.open_project_search))
        edit.addSeparator()
        edit.addAction(self._action("trash", self.tr("Trash…"), "", window.open_trash))

        annotate = menu_bar.addMenu(self.tr("&Annotate"))
        editing = window.editing
        for label in window.labels:
            annotate.addAction(self._action(f"label-{label.name}", self.tr("Tag as %1").replace("%1", label.caption()),
                                            label.hotkey or "", lambda _=False, i=label.id: editing.apply_label(i),
                                            on=view))
        annotate.addSeparator()
        for name, text, keys, slot in (
                ("delete-span", self.tr("Delete span"), ["Delete", "Backspace"], editing.delete_selected),
                ("next-span", self.tr("Next span"), "Tab", lambda: editing.walk(True)),
                ("previous-span", self.tr("Previous span"), "Shift+Tab", lambda: editing.walk(False)),
                ("start-left", self.tr("Move start left"), "Alt+Left", lambda: editing.resize_selected(-1, 0)),
                ("start-right", self.tr("Move start right"), "Alt+Right", lambda: editing.resize_selected(1, 0)),
                ("end-left", self.tr("Move end left"), "Alt+Shift+Left", lambda: editing.resize_selected(0, -1)),
                ("end-right", self.tr("Move end right"), "Alt+Shift+Right", lambda: editing.resize_selected(0, 1)),
                ("toggle-snapping", self.tr("Word snapping"), "W", window.toggle_snapping),
                ("clear-selection", self.tr("Clear selection"), "Esc", self._clear_selection)):
            annotate.addAction(self._action(name, text, keys, slot, on=view))
        self.by_name["toggle-snapping"].setCheckable(True)
        self.by_name["toggle-snapping"].setChecked(True)
        annotate.addSeparator()
        annotate.addAction(self._action("tag-all", self.tr("Tag all occurrences…"), "Ctrl+T",
                                        editing.tag_all_occurrences))

        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self._action("zoom-in", self.tr("Zoom in"), ["Ctrl+=", "Ctrl++"],
                                         lambda: window.view.zoom(1)))
        view_menu.addAction(self._action("zoom-out", self.tr("Zoom out"), "Ctrl+-", lambda: window.view.zoom(-1)))

        review = menu_bar.addMenu(self.tr("&Review"))
        review.addAction(self._action("review-mode", self.tr("Review mode"), "Ctrl+Shift+R", window.open_review))
        review.addAction(self._action("agreement", self.tr("Agreement…"), "", window.open_agreement))

    def _action(self, name: str, text: str, keys: Keys, slot: Callable[[], object], *,
                on: QWidget | None = None) -> QAction:
        """An action named ``name``; with ``on`` (a widget) its keys work only while that widget has the focus."""
        action = keyed_action(self, name, text, keys, slot, self.window if on is None else [on])
        self.by_name[name] = action
        return action

    def _clear_selection(self) -> None:
        self.window.view.clear_selection()
        self.window.select_span(None)

