"""Linking spans by keyboard. With a span selected, R puts a digit on each span it may be joined to, nearest
first; the digit links them (the type chosen where only one fits, else a second digit picks it, as the status
bar lists them), or unlinks them where they are linked already; Shift+R links the nearest span at once; Esc
cancels. The selected span's links are drawn as arrows; the span table lists every span's links.

While a digit is awaited the keys go to this controller, not to the labels' hotkeys (1, 2, 3): it accepts the
shortcut-override event, so Qt delivers the key to the view, where its event filter takes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from biaozhu.db.relations import RelationRow
from biaozhu.db.rows import SpanRow
from biaozhu.gui.annotate.relation_commands import LinkSpans, UnlinkSpans
from biaozhu.gui.annotate.relation_layer import Link, RelationLayer
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import outcome_of
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.widgets.link_painter import Arrow, Badge

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow
    from biaozhu.gui.dialogs.relation_types import RelationTypesDialog

KEYS = "1234567890"  # the digits of the nearest ten spans, in order
DIGITS = {getattr(Qt.Key, f"Key_{key}"): key for key in KEYS}


@dataclass(frozen=True, slots=True)
class Choice:
    """What one digit does: make a link of this kind, or delete this link."""

    link: Link | None = None
    existing: RelationRow | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    span: SpanRow
    choices: list[Choice]

    @property
    def linked(self) -> bool:
        return any(choice.existing is not None for choice in self.choices)


class Linking(QObject):
    """The R / Shift+R keys of the annotation window, the arrows of the selected span and the links column."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.view = window.view
        self.relations = RelationLayer(window.layer, self)
        self.candidates: list[Candidate] = []  # while a span's digit is awaited
        self.chosen: Candidate | None = None  # while a type's digit is awaited
        self.types_dialog: RelationTypesDialog | None = None
        self.view.installEventFilter(self)
        self.view.span_selected.connect(lambda _: self._selection_moved())
        self.relations.changed.connect(self._show_links)
        window.runner.bus.changed.connect(self._on_change)

    def open_types(self) -> None:
        """Annotate ▸ 关系类型…: one dialog for the window's lifetime, read again each time it is shown."""
        from biaozhu.gui.dialogs.relation_types import show_relation_types_dialog

        self.types_dialog = show_relation_types_dialog(self.types_dialog, self.main.runner, self.main.annotator,
                                                       self.main)

    # -- reading -------------------------------------------------------------------------------------------------
    def show_document(self) -> None:
        """Another document is open: nothing waits for a digit, and its links are read."""
        self.cancel(said=False)
        self.reload()

    def reload(self) -> None:
        outcome = outcome_of(self.relations.reload)
        if not outcome.ok:
            self.main.say(outcome.refusal)

    def _on_change(self, change: Change) -> None:
        """Labels (and relation types) changed: read again. The layer's own span edit of the open document:
        followed in memory (window.py reads them after edits made elsewhere)."""
        document_id = self.main.layer.document_id
        if change.what & Changed.LABELS:
            self.reload()
        elif change.source is self.main.layer and change.what & Changed.SPANS and change.touches(document_id):
            outcome = outcome_of(lambda: self.relations.follow(change.delta))
            if not outcome.ok:
                self.main.say(outcome.refusal)

    def link_texts(self) -> dict[int, str]:
        """Each linked span's links as the span table shows them: → type other, ← type other."""
        index, texts = self.main.layer.index, dict[int, list[str]]()
        for row in self.relations.rows:
            source, target = index.get(row.from_span_id), index.get(row.to_span_id)
            if source is None or target is None:
                continue
            caption = self.relations.caption(row.type)
            texts.setdefault(source.id, []).append(f"→{caption} {short(target.text, 12)}")
            texts.setdefault(target.id, []).append(f"←{caption} {short(source.text, 12)}")
        return {span_id: "；".join(parts) for span_id, parts in texts.items()}

    def relabel_refusal(self, span: SpanRow, label: str) -> str | None:
        """Why ``span`` may not become a ``label`` span: a link of it whose type does not allow that label."""
        kinds = {kind.name: kind for kind in self.relations.types}
        for row in self.relations.of_span(span.id):
            kind = kinds.get(row.type)
            if kind is not None and label not in (kind.from_labels if row.from_span_id == span.id else kind.to_labels):
                return fill(self.tr("Not relabelled: “%1” is linked as %2, which a %3 span cannot be; unlink it "
                                    "first (R, then its digit)."), short(span.text, 16), kind.title or kind.name,
                            label)
        return None

    def _show_links(self) -> None:
        """The selected span's arrows, and the span table's links column."""
        index = self.main.layer.index
        selected = self.view.selected_span
        arrows = []
        for row in self.relations.rows if selected is not None else []:
            if selected in (row.from_span_id, row.to_span_id):
                source, target = index.get(row.from_span_id), index.get(row.to_span_id)
                if source is not None and target is not None:
                    arrows.append(Arrow(source, target, self.relations.caption(row.type), row.from_span_id == selected))
        if arrows or self.view.links.arrows:  # arrows run across lines: the view; without any, an edit repaints
            self.view.viewport().update()  # only its own lines
        self.view.links.arrows = arrows
        self.main.span_table.set_links(self.link_texts())

    def _selection_moved(self) -> None:
        if self.candidates or self.chosen:
            self.cancel(said=False)
        self._show_links()

    # -- choosing ------------------------------------------------------------------------------------------------
    def _candidates(self, span: SpanRow) -> list[Candidate]:
        """The spans ``span`` may be joined to or is joined to, nearest first, at most ten (one pass over the
        layer: a long report has tens of thousands of spans)."""
        labels = self.main.labels
        own = labels.get(span.label_id)
        if own is None:
            return []
        existing: dict[int, list[RelationRow]] = {}
        for row in self.relations.of_span(span.id):
            existing.setdefault(row.to_span_id if row.from_span_id == span.id else row.from_span_id, []).append(row)
        kinds = {label.id: self.relations.links(own.name, label.name) for label in labels}
        found = []
        for other in self.main.layer.index:
            rows = existing.get(other.id, [])
            if other.id == span.id or not (rows or kinds.get(other.label_id)):
                continue
            taken = {(row.type, row.from_span_id == span.id) for row in rows}
            choices = [Choice(existing=row) for row in rows] + [
                Choice(link=link) for link in kinds.get(other.label_id, [])
                if (link.type.name, link.outgoing) not in taken]
            if choices:
                found.append(Candidate(other, choices))
        gap = lambda c: (max(0, c.span.start - span.end, span.start - c.span.end), c.span.start)  # noqa: E731
        return sorted(found, key=gap)[:len(KEYS)]

    def start(self) -> None:
        """R: a digit on every span the selected one may be linked to."""
        span = self.main.selected_span()
        if span is None or self.main.layer.document_id is None:
            self.main.say(self.tr("Select a span first (click it or press Tab), then press R to link it."))
            return
        self.reload()
        self.candidates = self._candidates(span)
        if not self.candidates:
            self.main.say(fill(self.tr("No span in this document can be linked to “%1”: no relation type joins "
                                       "their labels."), short(span.text, 16)))
            return
        self.view.links.badges = [Badge(c.span, KEYS[n], c.linked) for n, c in enumerate(self.candidates)]
        self.view.viewport().update()
        self.main.statusBar().showMessage(fill(self.tr("Link “%1”: press the digit on the other span (1–%2; a "
                                                       "blue digit unlinks), Esc to cancel."),
                                               short(span.text, 16), KEYS[len(self.candidates) - 1]))

    def link_nearest(self) -> None:
        """Shift+R: link the selected span to the nearest span it may be linked to and is not yet."""
        span = self.main.selected_span()
        if span is None:
            self.main.say(self.tr("Select a span first (click it or press Tab), then press R to link it."))
            return
        self.reload()
        for candidate in self._candidates(span):
            making = [choice for choice in candidate.choices if choice.link is not None]
            if making:
                self.candidates = [Candidate(candidate.span, making)]
                self._pick(candidate.span, self.candidates[0])
                return
        self.main.say(fill(self.tr("No span in this document can be linked to “%1”: no relation type joins "
                                   "their labels."), short(span.text, 16)))

    def cancel(self, said: bool = True) -> None:
        """Stop waiting for a digit (the status bar's prompt goes; any other message stays)."""
        waiting = bool(self.candidates or self.chosen)
        self.candidates, self.chosen = [], None
        if not waiting:
            return
        self.view.links.badges = []
        self.view.viewport().update()
        self.main.statusBar().clearMessage()
        if said:
            self.main.say(self.tr("Linking cancelled."))

    def _pick(self, span: SpanRow, candidate: Candidate) -> None:
        """The other span is chosen: act when one thing can be done, else ask for the type's digit."""
        if len(candidate.choices) == 1:
            self._act(span, candidate, candidate.choices[0])
            return
        self.chosen = candidate
        self.view.links.badges = [Badge(candidate.span, "?", candidate.linked)]
        self.view.viewport().update()
        options = "  ".join(f"{KEYS[n]} {self._describe(choice)}" for n, choice in enumerate(candidate.choices))
        self.main.statusBar().showMessage(fill(self.tr("“%1”: %2 — press a digit, Esc to cancel."),
                                               short(candidate.span.text, 16), options))

    def _describe(self, choice: Choice) -> str:
        if choice.existing is not None:
            return fill(self.tr("unlink %1"), self.relations.caption(choice.existing.type))
        assert choice.link is not None
        return f"{choice.link.caption()} {'→' if choice.link.outgoing else '←'}"

    def _act(self, span: SpanRow, candidate: Candidate, choice: Choice) -> None:
        selected = self.main.selected_span()
        document_id = self.main.layer.document_id
        self.cancel(said=False)
        if selected is None or document_id is None:
            return
        history = self.main.history
        if choice.existing is not None:
            row = choice.existing
            index = self.main.layer.index
            source, target = index.get(row.from_span_id), index.get(row.to_span_id)
            if source is not None and target is not None:
                history.push(UnlinkSpans(self.relations, history, document_id, source, target, row.type))
            return
        assert choice.link is not None
        source, target = (selected, span) if choice.link.outgoing else (span, selected)
        history.push(LinkSpans(self.relations, history, document_id, source, target, choice.link.type.name))

    # -- keys ----------------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view or not (self.candidates or self.chosen):
            return False
        if event.type() == QEvent.Type.FocusOut:  # the digits go elsewhere now: no badge may wait for them
            self.cancel(said=False)
            return False
        if not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            if key == Qt.Key.Key_Escape or key in DIGITS:
                event.accept()  # the key comes to the view as a key press, not to the label's shortcut
                return True
            self.cancel(said=False)  # any other key does what it always does
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if key not in DIGITS:
            self.cancel(said=False)
            return False
        self._digit(KEYS.index(DIGITS[key]))
        return True

    def _digit(self, n: int) -> None:
        if self.chosen is not None:
            if n < len(self.chosen.choices):
                chosen = self.chosen
                self._act(chosen.span, chosen, chosen.choices[n])
            return
        if n < len(self.candidates):
            candidate = self.candidates[n]
            self._pick(candidate.span, candidate)
