"""Editing the gold layer freely in review mode, as INCEpTION's curator edits the curated layer: a span of
the reviewer's own drawn anywhere, a gold span relabelled, a gold span taken out.

Ctrl plus a label's hotkey (the hotkeys alone accept an annotator's version here) puts the selection into
gold as that label (:func:`review.draw`: where the annotators have nothing, or over a disagreement, which
then counts as decided); when the selection is exactly a gold span, or there is no selection, it relabels
that gold span (the innermost one at the cursor). Ctrl+Delete takes the gold span exactly selected, else
the innermost one at the cursor, out of gold (:func:`review.take_out`: one every annotator agreed on stays
out when the agreed spans go into gold again). The same entries are in the Review menu and the text's
context menu, named for what they will do. Each edit is a :class:`DecisionCommand` like every decision:
one transaction, undone and redone in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from sqlalchemy.orm import Session

from biaozhu.corpus.spans import first_crossing, trim
from biaozhu.db import review
from biaozhu.db.gold import Decision, GoldSpan
from biaozhu.gui.common.keys import keyed_action
from biaozhu.gui.common.label_infos import LabelSet
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.review.commands import DecisionCommand, GoldLayer
from biaozhu.gui.review.model import ReviewedDocument
from biaozhu.gui.review.view import ReviewView

Say = Callable[[str], None]


def draw_keys_hint(labels: LabelSet) -> str:
    """The draw keys as the status bar lists them: “Ctrl+1 项目 PROGRAM, Ctrl+2 指标 METRIC, …”."""
    separator = QCoreApplication.translate("GoldEditing", ", ")
    return separator.join(f"Ctrl+{label.hotkey} {label.caption()}" for label in labels if label.hotkey)


class GoldEditing(QObject):
    """The gold-editing actions of a review window (keyed on ``focus``: the text and the disagreement list),
    and the context menu of its text that offers them."""

    def __init__(self, gold: GoldLayer, history: History, view: ReviewView, focus: list[QWidget], labels: LabelSet,
                 document: Callable[[], ReviewedDocument | None], say: Say, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gold, self.history, self.view, self.labels, self.document, self.say = (
            gold, history, view, labels, document, say)
        self.focus = focus
        self.menus: list[QMenu] = []  # the submenus holding the label entries
        self.label_actions: list[QAction] = self._label_actions()
        self.take_out_action = keyed_action(self, "take-out-of-gold", self.tr("Take out of gold"), "Ctrl+Del",
                                            self.take_out, focus)
        self.actions = [*self.label_actions, self.take_out_action]
        self.name_actions()
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_context_menu)
        view.offset_clicked.connect(self._put_cursor_on)

    def _label_actions(self) -> list[QAction]:
        return [keyed_action(self, f"gold-as-{label.name}", "", f"Ctrl+{label.hotkey}" if label.hotkey else "",
                             partial(self.label_as, label.name), self.focus) for label in self.labels]

    def follow_labels(self) -> None:
        """The labels changed (``labels`` holds the new ones): an entry and Ctrl+key per label again."""
        for action in self.label_actions:
            for widget in self.focus:
                widget.removeAction(action)
            action.deleteLater()
        self.label_actions = self._label_actions()
        self.actions = [*self.label_actions, self.take_out_action]
        for menu in self.menus:
            menu.clear()
            menu.addActions(self.label_actions)

    # -- what the keys act on ---------------------------------------------------------------------------------
    def _selected(self) -> tuple[int, int]:
        """The selection, trimmed of white space and punctuation at its edges (empty: no selection)."""
        return trim(self.view.text, *self.view.selection())

    def _gold_at(self, start: int, end: int | None = None) -> list[GoldSpan]:
        """The gold spans exactly over ``[start, end)``; with no ``end``, those at ``start``; innermost last."""
        view = self.view
        rows = view.index.at(start)
        if end is not None:
            rows = [row for row in rows if (row.start, row.end) == (start, end)]
        return [view.gold_by_id[row.id] for row in rows if row.id in view.gold_by_id]

    def _drawing(self) -> bool:
        """Whether Ctrl + a label's key would draw now: text selected that is not exactly a gold span."""
        start, end = self._selected()
        return start < end and not self._gold_at(start, end)

    def name_actions(self) -> str:
        """Name the label entries for what they do now (draw the selection, or relabel) before a menu shows;
        returns the title of the submenu holding them."""
        drawing = self._drawing()
        entry = self.tr("Put selection into gold as %1") if drawing else self.tr("Relabel gold span as %1")
        for action, label in zip(self.label_actions, self.labels, strict=True):
            action.setText(fill(entry, label.caption()))
        return self.tr("Put selection into gold") if drawing else self.tr("Relabel gold span")

    def menu(self, parent: QMenu) -> QMenu:
        """The submenu with one entry per label (改标签, or 放入金标准 while text is selected), renamed each
        time ``parent`` shows."""
        menu = QMenu(self.name_actions(), parent)
        menu.setObjectName("gold-label-menu")
        menu.addActions(self.label_actions)
        self.menus.append(menu)
        menu.destroyed.connect(lambda: self.menus.remove(menu) if menu in self.menus else None)
        parent.aboutToShow.connect(lambda: menu.setTitle(self.name_actions()))
        return menu

    # -- the edits --------------------------------------------------------------------------------------------
    def _push(self, document: ReviewedDocument, name: str, decide: Callable[[Session], Decision]) -> None:
        self.history.push(DecisionCommand(self.gold, self.history, document.id, name, decide))

    def _target(self) -> tuple[ReviewedDocument, int, int, list[GoldSpan]] | None:
        """The document, the trimmed selection, and the gold span it is exactly (else the innermost one at the
        cursor when nothing is selected); None when nobody may write gold here."""
        document = self.document()
        if document is None or not self.gold.may_write(self.say):
            return None
        start, end = self._selected()
        exact = self._gold_at(start, end) if start < end else self._gold_at(self.view.cursor_offset())[-1:]
        return document, start, end, exact

    def label_as(self, label: str) -> None:
        """Ctrl + a label's key: draw the selection as ``label``, or relabel the gold span selected or at the cursor."""
        target = self._target()
        if target is None:
            return
        document, start, end, exact = target
        info = self.labels.named(label)
        caption = info.caption() if info else label
        if start < end and not exact:
            self._draw(document, start, end, label, caption)
        elif not exact:
            self.say(self.tr("No gold span at the cursor: select text to put it into gold, or put the cursor "
                             "on a gold span (a coloured background), and press Ctrl with the label's key."))
        elif any(gold.span.label == label for gold in exact):
            self.say(fill(self.tr("That gold span is already %1."), caption))
        else:
            span, document_id, reviewer = exact[-1].span, document.id, self.gold.reviewer
            self._push(document, fill(self.tr("relabel “%1” as %2"), short(span.text), caption),
                       lambda session: review.relabel(session, document_id, reviewer, span, label))

    def _draw(self, document: ReviewedDocument, start: int, end: int, label: str, caption: str) -> None:
        text = document.text
        crossed = first_crossing(((g.span.start, g.span.end) for g in document.review.gold), start, end)
        if crossed is not None:
            self.say(fill(self.tr("“%1” would cross the gold span “%2”: gold spans may nest but not cross."),
                          short(text[start:end]), short(text[slice(*crossed)])))
            return
        document_id, reviewer = document.id, self.gold.reviewer
        self.view.clear_selection()
        self._push(document, fill(self.tr("put “%1” into gold as %2"), short(text[start:end]), caption),
                   lambda session: review.draw(session, document_id, reviewer, start, end, label))

    def take_out(self) -> None:
        """Ctrl+Delete: the gold span exactly selected, else the innermost one at the cursor, out of gold."""
        target = self._target()
        if target is None:
            return
        document, start, end, found = target
        if not found:
            self.say(self.tr("No gold span to take out: put the cursor on a gold span, or select one exactly, "
                             "and press Ctrl+Delete.") if start == end else
                     self.tr("The selection is not a gold span: select one exactly, or put the cursor on it, "
                             "and press Ctrl+Delete."))
            return
        span, document_id, reviewer = found[-1].span, document.id, self.gold.reviewer
        self._push(document, fill(self.tr("take “%1” out of gold"), short(span.text)),
                   lambda session: review.take_out(session, document_id, reviewer, span))

    # -- mouse ------------------------------------------------------------------------------------------------
    def _put_cursor_on(self, offset: int) -> None:
        """A click leaves the cursor before the character clicked, not in the nearer gap: a click on a span's
        last character must not put the cursor after the span."""
        cursor = self.view.textCursor()
        cursor.setPosition(self.view.positions.to_qt(offset))
        self.view.setTextCursor(cursor)

    def context_menu(self, point: QPoint) -> QMenu:
        """The text's usual menu (copy, select all) and the gold entries; a right-click outside the
        selection puts the cursor on the character clicked, so the span under the mouse is the one edited."""
        view = self.view
        cursor = view.textCursor()
        clicked = view.cursorForPosition(point).position()
        if not cursor.hasSelection() or not cursor.selectionStart() <= clicked <= cursor.selectionEnd():
            self._put_cursor_on(view.offset_at(point))
        menu = view.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addMenu(self.menu(menu))
        menu.addAction(self.take_out_action)
        return menu

    def _show_context_menu(self, point: QPoint) -> None:
        menu = self.context_menu(point)
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()
