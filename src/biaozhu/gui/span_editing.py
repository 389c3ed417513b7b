"""Turning the annotator's keys into edits of the layer: tag the selection (trimmed, snapped to words),
relabel, delete, walk, resize, tag all occurrences. Each edit is one undo command (``commands.py``);
what the database would refuse is refused here first, with a message in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from biaozhu.corpus.spans import trim
from biaozhu.db.occurrences import plan_occurrences
from biaozhu.gui import commands
from biaozhu.gui.tag_all import ask_scope

if TYPE_CHECKING:
    from biaozhu.gui.main_window import MainWindow


class SpanEditing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def target_range(self) -> tuple[int, int] | None:
        """The selection as a span would cover it: trimmed, then snapped to words unless that would cross."""
        w = self.window
        start, end = w.view.selection()
        start, end = trim(w.layer.text, start, end)
        if start >= end:
            return None
        if w.snapping and w.segmenter is not None:
            snapped = trim(w.layer.text, *w.segmenter.snap(w.layer.text, start, end))
            # Snapping gives way when it would cross a span, or grow a selection made inside a span onto it.
            if w.layer.index.crossing(*snapped) is None and not w.layer.index.exact(*snapped):
                start, end = snapped
        return start, end

    def apply_label(self, label_id: int) -> None:
        """A label key or button: tag the selection, or relabel the selected span when nothing is selected."""
        w = self.window
        document_id = w.layer.document_id
        label = w.label_by_id[label_id]
        if document_id is None:
            return
        if not w.view.textCursor().hasSelection():
            span = w.selected_span()
            if span is None:
                w.say(self.tr("Select some text first (mouse or Shift+arrows), or click a span to relabel it."))
            elif span.label_id != label_id:
                w.undo_stack.push(commands.RelabelSpan(w.layer, w.refusals, document_id, span, label_id,
                                                       label.name))
            return
        chosen = self.target_range()
        if chosen is None:
            w.say(self.tr("Only spaces and punctuation are selected: nothing to tag."))
            return
        start, end = chosen
        crossed = w.layer.index.crossing(start, end)
        if crossed is not None:
            w.say(self.tr("Refused: [%1, %2) would cross the span “%3” [%4, %5); spans may nest but not cross.")
                  .replace("%1", str(start)).replace("%2", str(end)).replace("%3", crossed.text)
                  .replace("%4", str(crossed.start)).replace("%5", str(crossed.end)))
            return
        same_range = w.layer.index.exact(start, end)
        if any(span.label_id == label_id for span in same_range):
            w.say(self.tr("“%1” is tagged %2 already.").replace("%1", w.layer.text[start:end])
                  .replace("%2", label.caption()))
            return
        if same_range:  # selecting a span exactly and pressing another label means relabelling it
            w.view.clear_selection()
            w.undo_stack.push(commands.RelabelSpan(w.layer, w.refusals, document_id, same_range[0],
                                                   label_id, label.name))
            return
        text = w.layer.text[start:end]
        w.undo_stack.push(commands.AddSpan(w.layer, w.refusals, document_id, label_id, label.name,
                                           start, end, text))
        w.view.clear_selection()
        if w.segmenter is not None:
            w.segmenter.learn([text])

    def delete_selected(self) -> None:
        w = self.window
        span = w.selected_span()
        if span is None or w.layer.document_id is None:
            w.say(self.tr("Click a span (or press Tab) to select it first."))
            return
        w.undo_stack.push(commands.DeleteSpan(w.layer, w.refusals, w.layer.document_id, span))

    def walk(self, forward: bool) -> None:
        """Tab / Shift+Tab: select the next (previous) span."""
        w = self.window
        span = w.layer.index.step(w.view.selected_span, w.view.cursor_offset(), forward)
        if span is not None:
            w.view.clear_selection()
            w.select_span(span)

    def resize_selected(self, start_delta: int, end_delta: int) -> None:
        """Move the selected span's start or end by one character."""
        w = self.window
        span = w.selected_span()
        if span is None or w.layer.document_id is None:
            w.say(self.tr("Click a span (or press Tab) to select it first."))
            return
        start, end = span.start + start_delta, span.end + end_delta
        if not 0 <= start < end <= len(w.layer.text):
            return
        crossed = w.layer.index.crossing(start, end)
        if crossed is not None and crossed.id != span.id:
            w.say(self.tr("Refused: the span would cross “%1”.").replace("%1", crossed.text))
            return
        w.undo_stack.push(commands.ResizeSpan(w.layer, w.refusals, w.layer.document_id, span,
                                              start, end, w.layer.text[start:end]))

    def tag_all_occurrences(self) -> None:
        """Tag the selected span's text everywhere else (this document or all), after a confirmation."""
        w = self.window
        span = w.selected_span()
        document_id = w.layer.document_id
        if span is None or document_id is None:
            w.say(self.tr("Select a span first: its text is what gets tagged everywhere."))
            return
        with w.sessions() as session:
            here = plan_occurrences(session, w.layer.annotator_id, span.text, [document_id])
            everywhere = plan_occurrences(session, w.layer.annotator_id, span.text)
        plan = ask_scope(w, span.text, w.label_by_id[span.label_id].caption(), here, everywhere)
        if plan is None:
            return
        if not plan.ranges:
            w.say(self.tr("Nothing to tag: %1 occurrences skipped (already tagged or crossing a span).")
                  .replace("%1", str(plan.skipped)))
            return
        w.undo_stack.push(commands.TagAll(w.layer, w.refusals, document_id, span.label_id, span.text,
                                          plan.ranges))
        w.say(self.tr("Tagged %1 occurrences; %2 skipped (already tagged or crossing a span).")
              .replace("%1", str(len(plan.ranges))).replace("%2", str(plan.skipped)))
