"""The review window's menus and keys. Decision keys act while the text or the disagreement list has the
focus (typing in the document filter never decides anything); the rest work anywhere in the window.

Keyboard map:
  N / J / F8, P / K / Shift+F8     next / previous disagreement
  1 … 9                            accept that annotator's version (the number in the legend)
  B                                accept both (every annotator's version)
  X / Delete                       reject: nothing goes into gold
  Alt+Left / Alt+Right             move the gold span's start left / right
  Alt+Shift+Left / Alt+Shift+Right move its end left / right
  Enter (with text selected)       the selection becomes the gold span of the disagreement it covers
  Ctrl+1 / Ctrl+2 / Ctrl+3         (Ctrl + a label's hotkey) with text selected: put it into gold as that
                                   label, anywhere; on a gold span (cursor, or selected exactly): relabel it
  Ctrl+Delete                      take the gold span at the cursor (or selected exactly) out of gold
                                   (these three also in the Review menu and the text's context menu)
  R, then a digit                  the relations at the cursor, numbered in the status bar: the digit accepts
                                   an annotator's relation into gold, or takes a gold relation out
  Ctrl+Shift+A                     put the agreed spans into gold now
  Ctrl+Enter                       mark the document adjudicated (again: reopen) and open the next one
  Ctrl+N                           the next document not yet adjudicated
  Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y    undo, redo (in the database too)
  Ctrl+= / Ctrl+-                  zoom in / out
  Ctrl+F, Ctrl+E, Ctrl+W           find in the document, export, close review mode
  Ctrl+Shift+N, Ctrl+O, Ctrl+I     new project, open a project, import (the File menu)
  Ctrl+L                           the labels (the annotation window's dialog)
  F1                               the guide at the gold span's label (Shift+F1: every key, searchable)
  Ctrl+G / Ctrl+B                  pin the gold span at the cursor as a good / bad example
  C, Ctrl+Shift+C                  comment on the gold span at the cursor, on the document
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.file_menu import FileMenu
from biaozhu.gui.dialogs.window_menus import WindowMenus

if TYPE_CHECKING:
    from biaozhu.gui.review.window import ReviewWindow



class ReviewActions(ActionSet):
    """The review window's menus, built from the window's own slots and its two controllers."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        decisions = window.decisions
        focus = [window.view, window.table]
        menu_bar = window.menuBar()
        self.file_menu = FileMenu(window, self, window.runner, window.reviewer, window.open_export,
                                  window.show_imported)

        document = menu_bar.addMenu(self.tr("&Document"))
        document.addAction(self.add("mark-adjudicated", self.tr("Mark adjudicated and open the next"),
                                    ["Ctrl+Return", "Ctrl+Enter"], decisions.toggle_adjudicated))
        document.addAction(self.add("next-document", self.tr("Next document not adjudicated"), "Ctrl+N",
                                    window.open_next_document))
        document.addSeparator()
        document.addAction(self.add("close", self.tr("Close review"), "Ctrl+W", window.close))

        edit = menu_bar.addMenu(self.tr("&Edit"))
        edit.addActions(self.undo_redo(window.undo_stack, (self.tr("Undo"), self.tr("Redo"))))
        edit.addSeparator()
        edit.addAction(self.add("find", self.tr("Find in document…"), "Ctrl+F", window.find_bar.open))

        decide = menu_bar.addMenu(self.tr("&Review"))
        decide.addAction(self.add("next-disagreement", self.tr("Next disagreement"), ["N", "J", "F8"],
                                  lambda: window.step(True), on=focus))
        decide.addAction(self.add("previous-disagreement", self.tr("Previous disagreement"),
                                  ["P", "K", "Shift+F8"], lambda: window.step(False), on=focus))
        decide.addSeparator()
        self.decide_menu = decide
        for number in range(1, 10):  # in the menu only for the annotators the document has (show_annotators)
            self.add(f"accept-{number}", fill(self.tr("Accept annotator %1's version"), number),
                     str(number), partial(decisions.accept_annotator, number), on=focus)
        for name, text, keys, slot in (
                ("accept-both", self.tr("Accept both"), "B", decisions.accept_all),
                ("reject", self.tr("Reject"), ["X", "Delete"], decisions.reject),
                ("start-left", self.tr("Move start left"), "Alt+Left", lambda: decisions.move_boundary(-1, 0)),
                ("start-right", self.tr("Move start right"), "Alt+Right", lambda: decisions.move_boundary(1, 0)),
                ("end-left", self.tr("Move end left"), "Alt+Shift+Left", lambda: decisions.move_boundary(0, -1)),
                ("end-right", self.tr("Move end right"), "Alt+Shift+Right", lambda: decisions.move_boundary(0, 1))):
            decide.addAction(self.add(name, text, keys, slot, on=focus))
        decide.addAction(self.add("selection-to-gold", self.tr("Selection becomes the gold span"),
                                  ["Return", "Enter"], decisions.selection_to_gold, on=[window.view]))
        decide.addAction(self.add("decide-relation", self.tr("Accept or take out a relation at the cursor…"), "R",
                                  window.relations.list_relations, on=[window.view]))
        decide.addMenu(window.gold_edits.menu(decide))
        decide.addAction(window.gold_edits.take_out_action)
        self.by_name.update((action.objectName(), action) for action in window.gold_edits.actions)
        decide.addSeparator()
        decide.addAction(self.add("accept-agreed", self.tr("Put agreed spans into gold"), "Ctrl+Shift+A",
                                  decisions.accept_agreed))
        auto = window.legend.auto_gold
        toggle = QAction(auto.text(), self, checkable=True, checked=auto.isChecked())
        toggle.setObjectName("auto-gold")
        toggle.toggled.connect(auto.setChecked)
        auto.toggled.connect(toggle.setChecked)
        decide.addAction(toggle)
        decide.addSeparator()
        decide.addAction(self.add("agreement", self.tr("Agreement…"), "", window.open_agreement))
        decide.addAction(self.add("labels", self.tr("Labels…"), "Ctrl+L", window.label_sync.open_dialog))

        window.notes.add_actions(self, menu_bar)

        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.add("zoom-in", self.tr("Zoom in"), ["Ctrl+=", "Ctrl++"],
                                     lambda: window.view.zoom(1)))
        view_menu.addAction(self.add("zoom-out", self.tr("Zoom out"), "Ctrl+-", lambda: window.view.zoom(-1)))
        self.menus = WindowMenus(self, window, view_menu, "review", window.runner)

    def show_annotators(self, names: tuple[str, ...]) -> None:
        """The Review menu offers accepting the version of each annotator of the open document, by name."""
        anchor = self.by_name["accept-both"]
        for number in range(1, 10):
            action = self.by_name[f"accept-{number}"]
            self.decide_menu.removeAction(action)
            if number <= len(names):
                action.setText(fill(self.tr("Accept %1's version"), names[number - 1].replace("&", "&&")))
                self.decide_menu.insertAction(anchor, action)
