"""Where the cursor is in a report: 第 n 页 (from the page map a PDF or OFD import keeps in the document's meta)
and the section (from the outline) in the status bar, and an outline panel whose headings jump to their place
and can narrow the span table to their section. Hooked into the annotation window with a few lines:
:class:`DocumentPlaces` in its layout, ``show_document`` when a document opens, ``in_section`` on the spans the
table shows and ``section_changed`` to show them again."""

from __future__ import annotations

import bisect

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.corpus.outline import Heading, outline, section_at
from biaozhu.db.outline import document_meta
from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import as_tooltip, fill, short
from biaozhu.gui.widgets.document_view import DocumentView


class OutlinePanel(QTreeWidget):
    """The document's headings as a tree; a click or Enter on one asks to go to it."""

    heading_activated = Signal(int, int)  # the heading's [start, end)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    def set_headings(self, headings: list[Heading]) -> None:
        self.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for heading in headings:
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            item = QTreeWidgetItem([heading.text.strip()])
            item.setData(0, Qt.ItemDataRole.UserRole, (heading.start, heading.end, heading.section_end))
            item.setToolTip(0, as_tooltip([heading.text.strip()]))
            (parents[-1][1].addChild(item) if parents else self.addTopLevelItem(item))
            parents.append((heading.level, item))
        self.expandAll()

    def _activate(self, item: QTreeWidgetItem) -> None:
        start, end, _ = item.data(0, Qt.ItemDataRole.UserRole)
        self.heading_activated.emit(start, end)

    def chosen_section(self) -> tuple[int, int] | None:
        """[start, section_end) of the heading chosen in the tree, if any."""
        item = self.currentItem()
        if item is None:
            return None
        start, _, section_end = item.data(0, Qt.ItemDataRole.UserRole)
        return start, section_end


class DocumentPlaces(QObject):
    """The page and section of the cursor in the status bar and the outline dock, for the open document."""

    section_changed = Signal()  # the span table's section filter changed: show the spans again

    def __init__(self, window: QMainWindow, view: DocumentView, runner: ActionRunner) -> None:
        super().__init__(window)
        self.runner = runner
        self.pages: list[int] = []
        self.headings: list[Heading] = []
        self.label = QLabel(window)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        box = QWidget(window)
        self.panel = OutlinePanel(box)
        self.panel.heading_activated.connect(view.select_range)
        self.filter = QCheckBox(self.tr("Span table: only the chosen section"), box)
        self.filter.toggled.connect(lambda _: self.section_changed.emit())
        self.panel.currentItemChanged.connect(self._chosen)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.panel, 1)
        self.dock = QDockWidget(self.tr("Outline"), window)
        self.dock.setObjectName("outline-dock")
        self.dock.setWidget(box)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        view.offset_changed.connect(self.show_offset)
        self.view = view
        self._text = ""
        # The outline is found on a worker while the text is shown: a 5 MB report takes ~20 ms to scan.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def show_document(self, document_id: int, text: str) -> None:
        """Read the document's page map and find its outline on the worker (a read of its meta; the text is in
        hand); they show when found."""
        self._text = text
        self.pages, self.headings = [], []
        self.panel.clear()
        self.show_offset(0)

        def find(session: Session) -> tuple[list[int], list[Heading]]:
            meta = document_meta(session, document_id) or {}
            pages = meta.get("pages")
            return [int(p) for p in pages] if isinstance(pages, list) else [], outline(text, meta)

        self.runner.in_background(self._pool, find, lambda found: self._show_places(text, *found), lambda _: None)

    def _show_places(self, text: str, pages: list[int], headings: list[Heading]) -> None:
        if not shiboken6.isValid(self) or text is not self._text:  # the window closed, or another text opened
            return
        self.pages, self.headings = pages, headings
        self.panel.set_headings(self.headings)
        self.show_offset(self.view.cursor_offset())

    def _chosen(self) -> None:
        if self.filter.isChecked():
            self.section_changed.emit()

    def in_section(self, spans: list[SpanRow]) -> list[SpanRow]:
        """The spans inside the chosen section when the filter is on, else all of them."""
        section = self.panel.chosen_section() if self.filter.isChecked() else None
        if section is None:
            return spans
        start, end = section
        return [span for span in spans if start <= span.start and span.end <= end]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, None without a page map."""
        return max(bisect.bisect_right(self.pages, offset), 1) if self.pages else None

    def show_offset(self, offset: int) -> None:
        parts = []
        page = self.page_at(offset)
        if page is not None:
            parts.append(fill(self.tr("page %1"), page))
        path = section_at(self.headings, offset)
        if path:
            parts.append(short(path[-1].text.strip(), 14))  # the status bar keeps room for messages
        self.label.setText("  ·  ".join(parts))
        self.label.setVisible(bool(parts))
