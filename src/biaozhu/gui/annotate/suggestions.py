"""Suggestions in the annotation window: drawn as dashed outlines (S shows or hides them), walked in score order
(N / P) and decided by keyboard: Enter accepts as suggested, a label key accepts as that label, Alt+arrows fix
the boundary first, X or Backspace rejects, Ctrl+Shift+A accepts every suggestion scored at least
:data:`BULK_THRESHOLD` in one undo step. The menu's Suggest computes them for the open document off the UI thread
(:mod:`biaozhu.gui.annotate.suggestion_compute`: what is on screen first).

While a suggestion is being decided, the keys that otherwise act on the selected span (a label key, Backspace,
Alt+arrows) act on it instead: the view's shortcut is overridden, so each key does one thing at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenuBar

from biaozhu.corpus.suggestions import DICTIONARY, ENGINES, MODEL, RULES
from biaozhu.db.rows import SpanRow
from biaozhu.db.suggestions import StoredSuggestion, open_suggestions
from biaozhu.gui.annotate.suggestion_commands import AcceptSuggestion, AcceptSuggestions, RejectSuggestion
from biaozhu.gui.annotate.suggestion_compute import SuggestionComputer
from biaozhu.gui.annotate.suggestion_set import SuggestionSet
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.runner import sentence
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.widgets.span_index import SpanIndex

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow

BULK_THRESHOLD = 0.8  # Ctrl+Shift+A accepts the suggestions scored at least this
ENGINES_KEY = "suggestions/engines_off"  # QSettings: the engines switched off in the Suggest menu, comma-separated
# Keys a suggestion being decided takes from the selected span: Backspace rejects, Alt+arrows fix its boundary.
_BOUNDARY_KEYS = {"Alt+Left": (-1, 0), "Alt+Right": (1, 0), "Alt+Shift+Left": (0, -1), "Alt+Shift+Right": (0, 1)}


class SuggestionBoard(QObject):
    """The open document's undecided suggestions, the one being decided, and the keys that decide it."""

    loaded = Signal()  # the open document's suggestions are shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.layer, self.view, self.history = window.layer, window.view, window.history
        self.document_id: int | None = None
        self.rows = SuggestionSet()
        self.current: StoredSuggestion | None = None
        self.range: tuple[int, int] = (0, 0)  # the current suggestion's range as the annotator has fixed it
        self.shown = True
        self.pool = QThreadPool(self)
        self.computer = SuggestionComputer(self)
        self.decided = 0  # decisions made so far, so that a read made before one is not shown after it
        self.closed = False
        self.engine_actions: dict[str, QAction] = {}
        self.view.installEventFilter(self)
        self.view.span_selected.connect(lambda span_id: self._let_go(span_id is not None))
        self.view.selectionChanged.connect(lambda: self._let_go(self.view.textCursor().hasSelection()))
        window.runner.bus.changed.connect(self._on_change)

    # -- what is shown -----------------------------------------------------------------------------------------
    def show_document(self, document_id: int, then: Callable[[], None] | None = None) -> None:
        """Read the document's suggestions (the window opened it, or they changed) on a worker thread: a 5 MB report
        has tens of thousands, too many to read while the window waits. ``then`` runs once they are shown."""
        if document_id != self.document_id:
            self.document_id, self.rows, self.current = document_id, SuggestionSet(), None
            self._repaint()
        annotator_id, decided = self.layer.annotator_id, self.decided

        def arrived(rows: SuggestionSet) -> None:
            self.take(document_id, rows, decided, then)

        self.window_.runner.in_background(
            self.pool, lambda session: SuggestionSet(open_suggestions(session, document_id, annotator_id)), arrived,
            self.failed)

    def take(self, document_id: int, rows: SuggestionSet, decided: int, then: Callable[[], None] | None = None
             ) -> None:
        """Show ``rows``, read on a worker thread when ``decided`` decisions had been made, unless the document is
        no longer open, or a decision was made since (then they are read again); ``then`` runs once shown."""
        if self.closed or document_id != self.document_id:
            return
        if decided != self.decided:  # a decision was made meanwhile: what was read is out of date
            self.show_document(document_id, then)
            return
        self.rows = rows
        if self.current is not None and self.current not in rows:
            self.current = None
        self._repaint()
        if then is not None:
            then()
        self.loaded.emit()

    def failed(self, failure: Exception) -> None:
        if not self.closed:
            self.window_.say(sentence(failure))

    def _on_change(self, change: Change) -> None:
        if change.source not in (self, self.layer) and change.what & Changed.SPANS \
                and self.document_id is not None and change.touches(self.document_id):
            self.show_document(self.document_id)

    def _repaint(self) -> None:
        painter = self.view.painter
        painter.suggested = self.rows.index if self.shown else SpanIndex()
        current = self.current
        painter.current = None if current is None else SpanRow(current.id, *self.range, current.label_id, "", 0)
        self.view.viewport().update()

    def toggle(self) -> None:
        """S: show or hide the suggestions (hidden ones are not walked either)."""
        self.shown = not self.shown
        if not self.shown:
            self.current = None
        self._repaint()
        self.window_.say(self.tr("Suggestions shown (S hides them).") if self.shown
                         else self.tr("Suggestions hidden (S shows them)."))

    # -- walking -----------------------------------------------------------------------------------------------
    def _following(self, forward: bool = True) -> StoredSuggestion | None:
        order = self.rows.ordered
        if not order:
            return None
        if self.current is None or self.current not in self.rows:
            return order[0] if forward else order[-1]
        at = self.rows.position(self.current)
        return order[(at + (1 if forward else -1)) % len(order)]

    def step(self, forward: bool = True) -> None:
        """N / P: the next (previous) suggestion in score order, round and round."""
        if not self.shown:
            self.shown = True
        following = self._following(forward)
        if following is None:
            self._set_current(None)
            self.window_.say(self.tr("No suggestions here: Suggest computes them."))
            return
        self._set_current(following)

    def _let_go(self, other_target: bool) -> None:
        """A span or text was selected: the keys act on that again."""
        if other_target and self.current is not None:
            self._set_current(None)

    def _set_current(self, suggestion: StoredSuggestion | None) -> None:
        if suggestion is not None:
            self.view.select_span(None)  # the keys act on the suggestion, not on a span
            self.view.clear_selection()
        self.current = suggestion
        if suggestion is not None:
            self.range = (suggestion.start, suggestion.end)
            cursor = self.view.textCursor()
            cursor.setPosition(self.view.positions.to_qt(suggestion.start))
            self.view.setTextCursor(cursor)
            self.view.centerCursor()
            self._describe()
        self._repaint()

    def _describe(self) -> None:
        current = self.current
        if current is None:
            return
        start, end = self.range
        caption = self.window_.labels.caption_of(current.label_id)
        engine = {RULES: self.tr("rules"), DICTIONARY: self.tr("dictionary"), MODEL: self.tr("model")}.get(
            current.engine, current.engine)
        # Short enough for a 1366-pixel window's status bar, beside the annotator, progress and section.
        self.window_.say(fill(self.tr("Suggestion %1/%2: %3 “%4” (%5 %6) · Enter accepts · a label key: as that "
                                      "label · Alt+arrows: boundary · X rejects"),
                              self.rows.position(current) + 1, len(self.rows), caption,
                              short(self.layer.text[start:end]), engine, f"{current.score:.2f}"))

    # -- deciding ----------------------------------------------------------------------------------------------
    def accept(self, label_id: int | None = None) -> None:
        """Enter (as suggested) or a label key (as that label): a span of the annotator's layer."""
        current, document_id = self.current, self.layer.document_id
        if current is None or document_id is None:
            self.window_.say(self.tr("Press N to go to a suggestion first."))
            return
        label = self.window_.labels.get(current.label_id if label_id is None else label_id)
        if label is None:
            return
        following = self._following()
        start, end = self.range
        crossed = self.layer.index.crossing(start, end)
        if crossed is not None:
            self.window_.say(fill(self.tr("Refused: the suggestion would cross “%1”; fix its boundary or reject it."),
                                  crossed.text))
            return
        if self.history.push(AcceptSuggestion(self.layer, self, self.history, document_id, current, label.id,
                                              label.name, start, end)):
            self._after_decision(following)

    def reject(self) -> None:
        """X or Backspace: the suggestion goes, and does not come back when suggestions are computed again."""
        current, document_id = self.current, self.layer.document_id
        if current is None or document_id is None:
            self.window_.say(self.tr("Press N to go to a suggestion first."))
            return
        following = self._following()
        if self.history.push(RejectSuggestion(self.layer, self, self.history, document_id, current)):
            self._after_decision(following)

    def _after_decision(self, following: StoredSuggestion | None) -> None:
        following = following if following is not None and following in self.rows else None
        self._set_current(following)
        if following is None:
            self.view.select_span(self.layer.index.get(self.view.selected_span or -1))
            self.window_.say(self.tr("Every suggestion here is decided."))

    def fix_boundary(self, start_delta: int, end_delta: int) -> None:
        """Alt+arrows on the current suggestion: move its start or end by one character before accepting it."""
        start, end = self.range[0] + start_delta, self.range[1] + end_delta
        if 0 <= start < end <= len(self.layer.text):
            self.range = (start, end)
            self._describe()
            self._repaint()

    def accept_all(self) -> None:
        """Ctrl+Shift+A: every suggestion here scored at least the threshold, as suggested, in one undo step."""
        document_id = self.layer.document_id
        chosen = [s for s in self.rows.ordered if s.score >= BULK_THRESHOLD]
        if document_id is None or not chosen:
            self.window_.say(fill(self.tr("No suggestion here is scored %1 or more."), BULK_THRESHOLD))
            return
        command = AcceptSuggestions(self.layer, self, self.history, document_id, chosen)
        if self.history.push(command):
            self._set_current(None)
            self.window_.say(fill(self.tr("Accepted %1 suggestions scored %2 or more (Ctrl+Z takes them back)."),
                                  len(command.made), BULK_THRESHOLD))

    # -- what the commands report ------------------------------------------------------------------------------
    def taken(self, document_id: int, ids: list[int]) -> None:
        self.decided += 1
        if document_id == self.document_id:
            for suggestion_id in ids:
                self.rows.remove(suggestion_id)
            self._repaint()

    def returned(self, document_id: int, suggestions: list[StoredSuggestion]) -> None:
        self.decided += 1
        if document_id == self.document_id:
            for suggestion in suggestions:
                self.rows.add(suggestion)
            self._repaint()

    # -- computing ---------------------------------------------------------------------------------------------
    def compute(self) -> None:
        """Suggest: compute the open document's suggestions on a worker thread, what is on screen first."""
        self.computer.start()

    def computed(self, document_id: int, found: int) -> None:
        """Every part of ``document_id`` is stored: say how many are left to decide."""
        if document_id == self.document_id:
            self.current = None
            self._repaint()
            self.window_.say(fill(self.tr("%1 suggestions here (%2 already decided or tagged): N walks them."),
                                  len(self.rows), found - len(self.rows)))

    def wait(self) -> None:
        """The window closes: finish what the workers do, and show nothing they answer."""
        self.closed = True
        self.pool.waitForDone()

    # -- keys --------------------------------------------------------------------------------------------------
    def add_actions(self, actions: ActionSet, menu_bar: QMenuBar) -> None:
        """The Suggest menu; its keys act while the text has the focus."""
        menu = menu_bar.addMenu(self.tr("Su&ggest"))
        for name, text, keys, slot in (
                ("suggest", self.tr("Suggest for this document"), "", self.compute),
                ("train-model", self.tr("Train the model now"), "", lambda: self.window_.model_training.train_now()),
                ("show-suggestions", self.tr("Show or hide suggestions"), "S", self.toggle),
                ("next-suggestion", self.tr("Next suggestion"), "N", lambda: self.step(True)),
                ("previous-suggestion", self.tr("Previous suggestion"), "P", lambda: self.step(False)),
                ("accept-suggestion", self.tr("Accept suggestion (Enter)"), "", self.accept),
                ("reject-suggestion", self.tr("Reject suggestion (also Backspace)"), "X", self.reject),
                ("accept-suggestions", fill(self.tr("Accept every suggestion scored %1 or more"), BULK_THRESHOLD),
                 "Ctrl+Shift+A", self.accept_all)):
            menu.addAction(actions.add(name, text, keys, slot, on=[self.view]))
        menu.addSeparator()
        off = str(QSettings().value(ENGINES_KEY, "") or "").split(",")
        for engine, text in ((RULES, self.tr("Use the rules")), (DICTIONARY, self.tr("Use the project's dictionary")),
                             (MODEL, self.tr("Use the learned model"))):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(engine not in off)
            action.toggled.connect(self._engines_chosen)
            self.engine_actions[engine] = action

    def engines(self) -> list[str]:
        """The engines Suggest runs: those not switched off in the menu."""
        return [engine for engine in ENGINES if engine not in self.engine_actions
                or self.engine_actions[engine].isChecked()]

    def _engines_chosen(self) -> None:
        QSettings().setValue(ENGINES_KEY, ",".join(engine for engine in ENGINES if engine not in self.engines()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While a suggestion is being decided, Enter, a label key, Backspace and Alt+arrows act on it (Enter is no
        shortcut: elsewhere, or with no suggestion chosen, it is the widget's own)."""
        if self.current is None or not isinstance(event, QKeyEvent) \
                or event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        pressed = QKeySequence(event.keyCombination())
        act: Callable[[], None] | None = None
        if pressed == QKeySequence("Backspace"):
            act = self.reject
        elif pressed in (QKeySequence("Return"), QKeySequence("Enter")):
            act = self.accept
        for keys, deltas in _BOUNDARY_KEYS.items():
            if pressed == QKeySequence(keys):
                act = partial(self.fix_boundary, *deltas)
        for label in self.window_.labels:
            if label.hotkey and pressed == QKeySequence(label.hotkey):
                act = partial(self.accept, label.id)
        if act is None:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            act()
        return True

