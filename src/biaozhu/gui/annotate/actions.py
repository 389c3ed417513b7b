"""The window's menus and keys. Annotation keys act only while the text has the focus (so typing in the
find bar or a filter box never tags anything); the rest work anywhere in the window.

Keyboard map (File menu: Ctrl+Shift+N new project, Ctrl+O open project, Ctrl+I import, Ctrl+E export; see
``dialogs/file_menu.py``):
  1 / 2 / 3 (the labels' hotkeys)  tag the selection, or relabel the selected span
  Tab / Shift+Tab                  select the next / previous span
  Delete (or Backspace)            delete the selected span
  Alt+Left / Alt+Right             move the selected span's start left / right
  Alt+Shift+Left / Alt+Shift+Right move its end left / right
  W                                word snapping on / off
  Esc                              clear the selection
  Ctrl+T                           tag all occurrences of the selected span's text
  V                                edit the selected METRIC span's value (value, maximum, unit, qualifier)
  R, then a digit (then a digit)   link the selected span to the span with that badge (of that type), or
                                   unlink them where linked already; Esc cancels
  Shift+R                          link the selected span to the nearest span it may be linked to
  Ctrl+Enter                       mark the document done and open the next unfinished one
  Ctrl+N                           open the next unfinished document
  Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y    undo, redo
  Ctrl+F, Ctrl+Shift+F             find in the document, find in all documents
  Ctrl+= / Ctrl+-                  zoom in / out
  Ctrl+Shift+R                     review mode (compare annotators, adjudicate into gold)
  Ctrl+L                           the labels (add, rename, colour, hotkey, definition, order, delete)
  N / P, S                         next / previous suggestion (by score), show or hide suggestions
  Enter, a label key, X            accept the suggestion, accept it as that label, reject it (also Backspace)
  Ctrl+Shift+A                     accept every suggestion scored 0.8 or more (one undo step)
  F1                               the guide at the selected span's label (Shift+F1: every key, searchable)
  Ctrl+G / Ctrl+B                  pin the selected span as a good / bad example (again: unpin)
  C, Ctrl+Shift+C                  comment on the selected span, on the document (the comments panel)
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.project import project_location
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.file_menu import FileMenu
from biaozhu.gui.dialogs.window_menus import WindowMenus

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow


class WindowActions(ActionSet):
    """The annotation window's menus, built from the window's own slots and its editing controller."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        menu_bar = window.menuBar()
        view = [window.view]
        self.file_menu = FileMenu(window, self, window.runner, window.annotator, window.open_export,
                                  window.show_first_document)

        document = menu_bar.addMenu(self.tr("&Document"))
        document.addAction(self.add("mark-done", self.tr("Mark done and open the next"),
                                    ["Ctrl+Return", "Ctrl+Enter"], window.mark_done))
        document.addAction(self.add("next-unfinished", self.tr("Next unfinished document"), "Ctrl+N",
                                    window.open_next_unfinished))
        document.addSeparator()
        document.addAction(self.add("quit", self.tr("Quit"), QKeySequence.StandardKey.Quit, window.close))

        edit = menu_bar.addMenu(self.tr("&Edit"))
        edit.addActions(self.undo_redo(window.undo_stack, (self.tr("Undo"), self.tr("Redo"))))
        edit.addSeparator()
        edit.addAction(self.add("find", self.tr("Find in document…"), "Ctrl+F", window.open_find))
        edit.addAction(self.add("find-project", self.tr("Find in all documents…"), "Ctrl+Shift+F",
                                window.open_project_search))
        edit.addSeparator()
        edit.addAction(self.add("trash", self.tr("Trash…"), "", window.open_trash))

        annotate = self.annotate_menu = menu_bar.addMenu(self.tr("&Annotate"))
        editing = window.editing
        self.label_actions: list[QAction] = []
        self.labels_end = annotate.addSeparator()
        self.set_label_actions()
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
            annotate.addAction(self.add(name, text, keys, slot, on=view))
        self.by_name["toggle-snapping"].setCheckable(True)
        self.by_name["toggle-snapping"].setChecked(True)
        annotate.addSeparator()
        annotate.addAction(self.add("tag-all", self.tr("Tag all occurrences…"), "Ctrl+T",
                                    editing.tag_all_occurrences))
        annotate.addAction(self.add("edit-value", self.tr("Edit value…"), "V", editing.edit_value, on=view))
        annotate.addAction(self.add("link-span", self.tr("Link to a span…"), "R", window.linking.start, on=view))
        annotate.addAction(self.add("link-nearest", self.tr("Link to the nearest span"), "Shift+R",
                                    window.linking.link_nearest, on=view))
        annotate.addAction(self.add("labels", self.tr("Labels…"), "Ctrl+L", window.open_labels))
        annotate.addAction(self.add("relation-types", self.tr("Relation types…"), "", window.linking.open_types))
        annotate.addSeparator()
        window.comments.add_actions(self, annotate)
        window.suggestions.add_actions(self, menu_bar)
        window.guidance.add_actions(self, menu_bar)

        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.add("zoom-in", self.tr("Zoom in"), ["Ctrl+=", "Ctrl++"],
                                     lambda: window.view.zoom(1)))
        view_menu.addAction(self.add("zoom-out", self.tr("Zoom out"), "Ctrl+-", lambda: window.view.zoom(-1)))

        review = menu_bar.addMenu(self.tr("&Review"))
        review.addAction(self.add("review-mode", self.tr("Review mode"), "Ctrl+Shift+R", window.open_review))
        review.addAction(self.add("agreement", self.tr("Agreement…"), "", window.open_agreement))
        review.addAction(self.add("audit-log", self.tr("Audit log…"), "", window.open_audit_log))
        review.addAction(self.add("statistics", self.tr("Statistics…"), "", window.open_statistics))
        self.menus = WindowMenus(self, window, view_menu, "annotate", project_location(window.runner.sessions))

    def set_label_actions(self) -> None:
        """A Tag-as entry per label, keyed with its hotkey in the text; made again when the labels change."""
        view = self.main.view
        for action in self.label_actions:
            self.annotate_menu.removeAction(action)
            view.removeAction(action)
            del self.by_name[action.objectName()]
            action.deleteLater()
        self.label_actions = [
            self.add(f"label-{label.name}", fill(self.tr("Tag as %1"), label.caption()), label.hotkey or "",
                     partial(self.main.editing.apply_label, label.id), on=[view]) for label in self.main.labels]
        self.annotate_menu.insertActions(self.labels_end, self.label_actions)

    def _clear_selection(self) -> None:
        view = self.main.view
        view.clear_selection()
        view.select_span(None)

