"""Turning the annotator's keys into edits of the layer: tag the selection (trimmed, snapped to words),
relabel, delete, walk, resize, tag all occurrences. Each edit is one undo command (``commands.py``);
what the database would refuse is refused here first, with a message in the status bar.

It works on what it is given (the layer, the view, the labels, snapping and the undo history) and tells the
user through ``say``: it knows nothing of the window around them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from biaozhu.corpus.spans import trim
from biaozhu.db.occurrences import plan_occurrences
from biaozhu.db.rows import SpanRow
from biaozhu.db.values import METRIC, stored_values
from biaozhu.gui.annotate import commands
from biaozhu.gui.annotate.layer import Layer
from biaozhu.gui.annotate.snapping import Snapping
from biaozhu.gui.common.label_infos import LabelSet
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.document_view import DocumentView

Say = Callable[[str], None]
LONG_SELECTION = 300  # characters; a longer selection is tagged only once the annotator confirms it
LONG_SELECTION_DIALOG = "long-selection-dialog"


class SpanEditing(QObject):
    def __init__(self, layer: Layer, view: DocumentView, labels: LabelSet, snapping: Snapping, history: History,
                 say: Say, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer, self.view, self.labels, self.snapping, self.history, self.say = (
            layer, view, labels, snapping, history, say)
        # Why a span may not take a label (its links' types would not allow it), said before the database would.
        self.relabel_refusal: Callable[[SpanRow, str], str | None] = lambda span, label: None

    def selected_span(self) -> SpanRow | None:
        span_id = self.view.selected_span
        return self.layer.index.get(span_id) if span_id is not None else None

    def target_range(self) -> tuple[int, int] | None:
        """The selection as a span would cover it: trimmed, then snapped to words unless that would cross."""
        text, index = self.layer.text, self.layer.index
        start, end = trim(text, *self.view.selection())
        if start >= end:
            return None
        snapped = trim(text, *self.snapping.snap(text, start, end))
        # Snapping gives way when it would cross a span, or grow a selection made inside a span onto it.
        if snapped != (start, end) and index.crossing(*snapped) is None and not index.exact(*snapped):
            start, end = snapped
        return start, end

    def apply_label(self, label_id: int) -> None:
        """A label key or button: tag the selection, or relabel the selected span when nothing is selected."""
        document_id = self.layer.document_id
        label = self.labels.get(label_id)
        if document_id is None or label is None:
            return
        if not self.view.textCursor().hasSelection():
            span = self.selected_span()
            if span is None:
                self.say(self.tr("Select some text first (mouse or Shift+arrows), or click a span to relabel it."))
            elif span.label_id != label_id:
                self._relabel(document_id, span, label_id, label.name, label.caption())
            return
        chosen = self.target_range()
        if chosen is None:
            self.say(self.tr("Only spaces and punctuation are selected: nothing to tag."))
            return
        start, end = chosen
        index = self.layer.index
        crossed = index.crossing(start, end)
        if crossed is not None:
            self.say(fill(self.tr("Refused: [%1, %2) would cross the span “%3” [%4, %5); spans may nest but not "
                                  "cross."), start, end, crossed.text, crossed.start, crossed.end))
            return
        if end - start > LONG_SELECTION and not self._confirm_long(end - start, label.caption()):
            return
        same_range = index.exact(start, end)
        if any(span.label_id == label_id for span in same_range):
            self.say(fill(self.tr("“%1” is tagged %2 already."), self.layer.text[start:end], label.caption()))
            return
        if same_range:  # selecting a span exactly and pressing another label means relabelling it
            self.view.clear_selection()
            self._relabel(document_id, same_range[0], label_id, label.name, label.caption())
            return
        text = self.layer.text[start:end]
        self.history.push(commands.AddSpan(self.layer, self.history, document_id, label_id, label.caption(), start, end,
                                           text))
        self.view.clear_selection()

    def _relabel(self, document_id: int, span: SpanRow, label_id: int, label_name: str, caption: str) -> None:
        refusal = self.relabel_refusal(span, label_name)
        if refusal is not None:
            self.say(refusal)
            return
        self.history.push(commands.RelabelSpan(self.layer, self.history, document_id, span, label_id, caption))

    def _confirm_long(self, length: int, label: str) -> bool:
        """Ask before tagging a passage: Ctrl+A and a label key would otherwise make one span of a whole report."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Tag a long selection?"), "",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.view)
        box.setObjectName(LONG_SELECTION_DIALOG)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(fill(self.tr("The selection is %1 characters long. Tag all of it as one %2 span?"), length, label))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            self.say(self.tr("Not tagged: the selection was too long."))
            return False
        return True

    def delete_selected(self) -> None:
        span = self.selected_span()
        if span is None or self.layer.document_id is None:
            self.say(self.tr("Click a span (or press Tab) to select it first."))
            return
        self.history.push(commands.DeleteSpan(self.layer, self.history, self.layer.document_id, span))

    def walk(self, forward: bool) -> None:
        """Tab / Shift+Tab: select the next (previous) span."""
        span = self.layer.index.step(self.view.selected_span, self.view.cursor_offset(), forward)
        if span is not None:
            self.view.clear_selection()
            self.view.select_span(span)

    def resize_selected(self, start_delta: int, end_delta: int) -> None:
        """Move the selected span's start or end by one character."""
        span = self.selected_span()
        document_id = self.layer.document_id
        if span is None or document_id is None:
            self.say(self.tr("Click a span (or press Tab) to select it first."))
            return
        start, end = span.start + start_delta, span.end + end_delta
        if not 0 <= start < end <= len(self.layer.text):
            return
        crossed = self.layer.index.crossing(start, end)
        if crossed is not None and crossed.id != span.id:
            self.say(fill(self.tr("Refused: the span would cross “%1”."), crossed.text))
            return
        self.history.push(commands.ResizeSpan(self.layer, self.history, document_id, span, start, end,
                                              self.layer.text[start:end]))

    def edit_value(self) -> None:
        """V: correct the selected METRIC span's value (value, maximum, unit, qualifier) in a small dialog."""
        span = self.selected_span()
        document_id = self.layer.document_id
        if span is None or document_id is None:
            self.say(self.tr("Click a span (or press Tab) to select it first."))
            return
        label = self.labels.get(span.label_id)
        if label is None or label.name != METRIC:
            self.say(fill(self.tr("Only %1 spans have a value."), METRIC))
            return
        span_id = span.id
        read = self.layer.runner.try_read(lambda session: stored_values(session, span_id))
        if read.value is None:
            self.say(read.refusal)
            return
        from biaozhu.gui.dialogs.metric_value import ask_value  # the first window does without the dialog

        answer = ask_value(self.view.window(), span.text, read.value)
        if answer is not None:
            self.history.push(commands.SetValue(self.layer, self.history, document_id, span, answer.value,
                                                answer.value_max, answer.unit, answer.qualifier))

    def tag_all_occurrences(self) -> None:
        """Tag the selected span's text everywhere else (this document or all), after a confirmation."""
        span = self.selected_span()
        document_id = self.layer.document_id
        if span is None or document_id is None:
            self.say(self.tr("Select a span first: its text is what gets tagged everywhere."))
            return
        annotator_id, label_id = self.layer.annotator_id, span.label_id
        segmenter = self.snapping.segmenter  # jieba with the project's span texts; None while it loads
        words = segmenter.longer_word if segmenter is not None else None
        planned = self.layer.runner.try_read(lambda session: (
            plan_occurrences(session, annotator_id, span.text, label_id, [document_id], words),
            plan_occurrences(session, annotator_id, span.text, label_id, None, words)))
        if planned.value is None:
            self.say(planned.refusal)
            return
        here, everywhere = planned.value
        from biaozhu.gui.annotate.tag_all import choose_occurrences  # the first window does without the dialog

        chosen = choose_occurrences(self.view.window(), span.text, self.labels.caption_of(span.label_id), here,
                                    everywhere)
        if chosen is None:
            return
        ranges, left = chosen
        if not ranges:
            self.say(fill(self.tr("Nothing to tag: %1 occurrences left alone."), left))
            return
        self.history.push(commands.TagAll(self.layer, self.history, document_id, span.label_id, span.text, ranges))
        self.say(fill(self.tr("Tagged %1 occurrences; %2 left alone (tagged already, crossing or inside a span, "
                              "inside a longer word, or unticked)."), len(ranges), left))
