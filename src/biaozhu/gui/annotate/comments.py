"""Comments in the annotation window: C on the selected span, Alt+C on one of its links (a menu of them, a digit
picks one) and Ctrl+Shift+C on the document open the comments panel ready to type; commented spans carry a dot in
the text and a count in the span table, both following every change of comments, spans and the trash."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QMenuBar

from biaozhu.db.comments import span_marks
from biaozhu.db.relations import RelationRow
from biaozhu.gui.common.changes import Change, Changed, carried_none
from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.dialogs.comments import CommentsPanel
from biaozhu.gui.widgets.docks import add_tab_panel

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow

SPAN_KEY = "C"
LINK_KEY = "Alt+C"


class AnnotateComments(QObject):
    """The comments dock of one annotation window, and the marks of the open document's commented spans."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = CommentsPanel(window.runner, window.history, window.annotator,
                                   lambda: window.layer.document_id, window)
        self.panel.thread_activated.connect(self._go_to)
        self.dock = add_tab_panel(window, self.tr("Comments"), "comments-dock", self.panel, "spans-dock")
        self.dock.visibilityChanged.connect(self._shown)
        window.runner.bus.changed.connect(self._on_change)
        window.view.span_selected.connect(self._follow_span)

    def add_actions(self, actions: ActionSet, menu: QMenu | QMenuBar) -> None:
        """C on a span while the text has the focus (unless a label took C before it was reserved), Ctrl+Shift+C
        on the document anywhere in the window."""
        key = SPAN_KEY if all((label.hotkey or "").upper() != SPAN_KEY for label in self.window.labels) else ""
        menu.addAction(actions.add("comment-span", self.tr("Comment on the span…"), key, self.comment_on_span,
                                   on=[self.window.view]))
        menu.addAction(actions.add("comment-link", self.tr("Comment on a link of the span…"), LINK_KEY,
                                   self.comment_on_link, on=[self.window.view]))
        menu.addAction(actions.add("comment-document", self.tr("Comment on the document…"), "Ctrl+Shift+C",
                                   self.comment_on_document))
        menu.addAction(actions.add("show-comments", self.tr("Comments panel"), "", self.show))

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def comment_on_span(self) -> None:
        span = self.window.selected_span()
        document = self.window.layer.document_id
        if span is None or document is None:
            self.window.say(self.tr("Select a span to comment on it (Ctrl+Shift+C comments on the document)."))
            return
        self.show()
        self.panel.start((document, span.id, None, None), short(span.text, 24))

    def comment_on_link(self) -> QMenu | None:
        """The selected span's one link straight away; of several, a menu by digit (nearest the span), which is
        returned while it shows."""
        span = self.window.selected_span()
        document = self.window.layer.document_id
        links = self.window.linking.relations.of_span(span.id) if span is not None else []
        if span is None or document is None or not links:
            self.window.say(self.tr("Select a linked span (its links show as arrows) to comment on a link."))
            return None
        if len(links) == 1:
            self._comment_on(document, links[0])
            return None
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for n, row in enumerate(links[:9]):
            action = menu.addAction(f"&{n + 1} {self._describe(row, span.id)}")
            action.triggered.connect(lambda _=False, row=row: self._comment_on(document, row))
        rect = self.window.view.cursorRect()
        menu.popup(self.window.view.viewport().mapToGlobal(rect.bottomRight() + QPoint(0, 4)))
        return menu

    def _describe(self, row: RelationRow, span_id: int) -> str:
        """A link as seen from one of its spans: → 所属项目 “X” or ← 责任机构 “Y”."""
        outgoing = row.from_span_id == span_id
        other = self.window.layer.index.get(row.to_span_id if outgoing else row.from_span_id)
        caption = self.window.linking.relations.caption(row.type)
        return f"{'→' if outgoing else '←'} {caption} “{short(other.text, 16) if other is not None else '?'}”"

    def _comment_on(self, document: int, row: RelationRow) -> None:
        source = self.window.layer.index.get(row.from_span_id)
        self.show()
        about = self._describe(row, row.from_span_id)
        self.panel.start((document, None, None, row.id),
                         fill("“%1” %2", short(source.text, 12), about) if source is not None else about)

    def comment_on_document(self) -> None:
        document = self.window.layer.document_id
        if document is not None:
            self.show()
            self.panel.start((document, None, None, None))

    def show_document(self, document_id: int) -> None:
        """A document was opened: its threads in the panel, its commented spans marked."""
        self.panel.aim(None)
        self.panel.reload_when_seen()
        self.refresh_marks(document_id)

    def refresh_marks(self, document_id: int) -> None:
        outcome = self.window.runner.try_read(lambda session: span_marks(session, document_id))
        if outcome.value is None:
            self.window.say(outcome.refusal)
            return
        painter = self.window.view.painter
        if outcome.value != painter.comment_marks:  # a full repaint costs; most changes move no mark
            painter.comment_marks = outcome.value
            self.window.view.viewport().update()
        self.window.span_table.set_comments(outcome.value)

    def _on_change(self, change: Change) -> None:
        document = self.window.layer.document_id
        if document is not None and change.what & (Changed.COMMENTS | Changed.TRASH) and change.touches(document) \
                and not carried_none(change, "comments"):
            self.refresh_marks(document)

    def _shown(self, visible: bool) -> None:
        """The panel came into sight: threads read if they were stale, the selected span's chosen."""
        self.panel.shown(visible)
        if visible:
            self._follow_span(self.window.view.selected_span)

    def _follow_span(self, span_id: int | None) -> None:
        """Selecting a commented span chooses its (first) thread in the panel."""
        thread = next((t for t in self.panel.threads if span_id is not None and t.span_id == span_id), None)
        if thread is not None:
            self.panel.choose(thread.id)

    def _go_to(self, document_id: int, span_id: int) -> None:
        window = self.window
        window.open_document(document_id)
        span = window.layer.index.get(span_id) if span_id >= 0 else None
        if span is not None:
            window.select_span(span)
        window.view.setFocus()
