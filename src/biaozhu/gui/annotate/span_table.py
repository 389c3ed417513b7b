"""The span table of the open document: text, label (with its colour), start, end, a METRIC span's value
and unit (``?`` where its text was not read as a figure), its links (→ 所属项目 X, ← 责任机构 Y) and its comment threads
(● while one is open); a click on a row tells the window to scroll to that span and select it. A filter above it
(``span_filter.py``) narrows it by
label and text, or shows the annotator's spans in all documents, with a column naming each one's document.

The window refreshes the table after every edit, with up to tens of thousands of spans, so the model is
replaced in one reset and sorted in Python with one key per row; there are no widgets per row.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from biaozhu.db.spans import PlacedSpan, SpanRow
from biaozhu.db.values import METRIC
from biaozhu.gui.annotate.span_filter import SpanFilter
from biaozhu.gui.common.wording import as_tooltip, fill
from biaozhu.gui.widgets.swatches import colour_swatch
from biaozhu.gui.widgets.tables import SELECT_ROW, RowActivation, configure_table, fit_columns

TEXT, LABEL, START, END, VALUE, UNIT, LINKS, COMMENTS, DOCUMENT = range(9)
OPEN_COMMENTS = QColor("#e76f51")
UNPARSED = "?"  # a METRIC span whose text is not a figure the parser is sure of, and nobody set a value
UNKNOWN_LABEL = ("?", "", "#9e9e9e")  # a label deleted since the spans were read
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
AnyIndex = QModelIndex | QPersistentModelIndex
Labels = dict[int, tuple[str, str, str]]


def one_line(text: str) -> str:
    """A span's text on one table line: line breaks inside it become visible marks."""
    return text.replace("\n", "↵") if "\n" in text else text


def label_text(label: tuple[str, str, str]) -> str:
    """The title analysts know a label by (项目), short enough for a narrow dock; else its name."""
    name, title, _ = label
    return title or name


def value_text(span: SpanRow, label: tuple[str, str, str]) -> str:
    """The value as the table shows it: plain digits, a range as low–high; ``?`` for an unread METRIC span."""
    if span.value is None:
        return UNPARSED if label[0] == METRIC else ""
    return span.value if span.value_max is None else f"{span.value}–{span.value_max}"


def comments_text(mark: tuple[int, int] | None) -> str:
    """A span's comments in the table: how many threads, with a dot while one is open."""
    if mark is None:
        return ""
    return f"● {mark[0]}" if mark[1] else str(mark[0])


def _number(span: SpanRow) -> tuple[bool, Decimal]:
    return (span.value is None, Decimal(span.value) if span.value is not None else Decimal(0))


def sort_key(column: int, labels: Labels, places: dict[int, tuple[int, str]],
             links: dict[int, str], comments: dict[int, tuple[int, int]] | None = None
             ) -> Callable[[SpanRow], tuple[object, ...]]:
    """One key per row; ties fall back to position (in all documents: document, then position), so the order
    is always the same."""
    comments = comments or {}

    def document(span: SpanRow) -> int:
        return places[span.id][0] if places else 0

    if column == DOCUMENT:
        return lambda s: (places.get(s.id, (0, ""))[1], document(s), s.start, s.end, s.id)
    if column == TEXT:
        return lambda s: (s.text.casefold(), document(s), s.start, s.end, s.id)
    if column == LABEL:
        return lambda s: (labels.get(s.label_id, UNKNOWN_LABEL)[0], document(s), s.start, s.end, s.id)
    if column == END:
        return lambda s: (document(s), s.end, s.start, s.id)
    if column == VALUE:
        return lambda s: (*_number(s), document(s), s.start, s.id)
    if column == UNIT:
        return lambda s: (s.unit is None, s.unit or "", document(s), s.start, s.id)
    if column == LINKS:
        return lambda s: (links.get(s.id) is None, links.get(s.id, ""), document(s), s.start, s.id)
    if column == COMMENTS:
        return lambda s: (-comments.get(s.id, (0, 0))[1], -comments.get(s.id, (0, 0))[0], document(s), s.start, s.id)
    return lambda s: (document(s), s.start, -s.end, s.id)  # outer span before the spans nested in it


class SpanTableModel(QAbstractTableModel):
    """Adapts SpanRow rows and the project's labels to eight columns (nine in all documents); the comments column
    counts each span's threads, open ones in colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spans: list[SpanRow] = []
        self._labels: Labels = {}
        self._swatches: dict[int, QIcon] = {}
        self._unknown_swatch = colour_swatch(UNKNOWN_LABEL[2])
        self._row_of: dict[int, int] = {}
        self._places: dict[int, tuple[int, str]] = {}  # span id → (document id, name): all documents
        self._links: dict[int, str] = {}  # span id → its links, as the column shows them (the open document)
        self._comments: dict[int, tuple[int, int]] = {}  # span id → (threads, open ones): the open document
        self._sort: tuple[int, Qt.SortOrder] = (START, Qt.SortOrder.AscendingOrder)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else (DOCUMENT + 1 if self._places else DOCUMENT)

    def document_of(self, span_id: int) -> int | None:
        place = self._places.get(span_id)
        return place[0] if place else None

    def labels(self) -> Labels:
        return self._labels

    def span_at(self, row: int) -> SpanRow:
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        return self._row_of.get(span_id)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        span, column = self._spans[index.row()], index.column()
        if column == DOCUMENT:
            name = self._places.get(span.id, (0, ""))[1]
            return name if role == Qt.ItemDataRole.DisplayRole else as_tooltip([name]) \
                if role == Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return one_line(span.text)
            if column == LABEL:
                return label_text(self._labels.get(span.label_id, UNKNOWN_LABEL))
            if column == VALUE:
                return value_text(span, self._labels.get(span.label_id, UNKNOWN_LABEL))
            if column == UNIT:
                return span.unit or ""
            if column == LINKS:  # known for the open document only: hidden in all-documents mode
                return "" if self._places else self._links.get(span.id, "")
            if column == COMMENTS:
                return comments_text(self._comments.get(span.id))
            return str(span.start if column == START else span.end)
        if column == COMMENTS and span.id in self._comments:
            count, still_open = self._comments[span.id]
            if role == Qt.ItemDataRole.ForegroundRole and still_open:
                return OPEN_COMMENTS
            if role == Qt.ItemDataRole.ToolTipRole:
                return fill(self.tr("%1 comment threads, %2 open: the comments panel shows them"), count, still_open)
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL:
            return self._swatches.get(span.label_id, self._unknown_swatch)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (START, END, VALUE, COMMENTS):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == VALUE and span.value is None \
                and self._labels.get(span.label_id, UNKNOWN_LABEL)[0] == METRIC:
            return self.tr("Not read as a figure: press V to set its value")
        if role == Qt.ItemDataRole.ToolTipRole and column in (TEXT, LINKS):  # a narrow dock hides the links
            links = [] if self._places or span.id not in self._links else self._links[span.id].split("；")
            return as_tooltip(([span.text] if column == TEXT else []) + links) if column == TEXT or links else None
        if role == Qt.ItemDataRole.ToolTipRole and column == LABEL:
            name, title, _ = self._labels.get(span.label_id, UNKNOWN_LABEL)
            return as_tooltip([f"{name} {title}".strip()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Text"), self.tr("Label"), self.tr("Start"), self.tr("End"), self.tr("Value"),
                    self.tr("Unit"), self.tr("Links"), "💬", self.tr("Document"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == COMMENTS:
            return self.tr("Comments on the span")
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and START <= section <= END:
            return self.tr("Offset in characters from the start of the document")
        return None

    def set_spans(self, spans: list[SpanRow], labels: Labels, places: dict[int, tuple[int, str]] | None = None) -> None:
        """Replace every row in one model reset (a per-row insert would cost 20,000 signals); ``places``: the
        spans are from all documents, and a fifth column names each one's document."""
        self.beginResetModel()
        self._places = places or {}
        if labels != self._labels:
            self._swatches = {label_id: colour_swatch(colour) for label_id, (_, _, colour) in labels.items()}
        self._labels = dict(labels)
        self._spans = self._ordered(spans)
        self._row_of = {span.id: row for row, span in enumerate(self._spans)}
        self.endResetModel()

    def set_links(self, links: dict[int, str]) -> None:
        """Each span's links (R makes them); only the links column changes."""
        if links == self._links:
            return
        self._links = links
        if self._spans:
            self.dataChanged.emit(self.index(0, LINKS), self.index(len(self._spans) - 1, LINKS))

    def set_comments(self, comments: dict[int, tuple[int, int]]) -> None:
        """The open document's commented spans: (threads, open ones) by span id."""
        if comments != self._comments:
            self._comments = comments
            if self.rowCount():
                self.dataChanged.emit(self.index(0, COMMENTS), self.index(self.rowCount() - 1, COMMENTS))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in Python, one key per row; selections follow their spans."""
        if (column, order) == self._sort:
            return  # the rows are kept in this order already (the header asks twice)
        self._sort = (column, order)
        ordered = self._ordered(self._spans)
        self.layoutAboutToBeChanged.emit()
        new_row = {span.id: row for row, span in enumerate(ordered)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row[self._spans[i.row()].id], i.column()) for i in old])
        self._spans, self._row_of = ordered, new_row
        self.layoutChanged.emit()

    def _ordered(self, spans: list[SpanRow]) -> list[SpanRow]:
        column, order = self._sort
        if column < 0:
            column, order = START, Qt.SortOrder.AscendingOrder
        return sorted(spans, key=sort_key(column, self._labels, self._places, self._links, self._comments),
                      reverse=order == Qt.SortOrder.DescendingOrder)


class SpanTablePanel(QWidget):
    """The span table; ``span_activated`` carries the id of the span the user picked."""

    span_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = SpanTableModel(self)
        self._view = QTableView(self)
        self._view.setModel(self._model)
        configure_table(self._view)
        self._view.sortByColumn(START, Qt.SortOrder.AscendingOrder)
        header = self._view.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        fit_columns(self._view, {START: ["9999999"], END: ["9999999"], VALUE: ["37717800000"], UNIT: ["个百分点"],
                                  LINKS: ["→所属项目 酒城同心·金融速贷"], COMMENTS: ["● 99"]})
        RowActivation(self._view).row_activated.connect(
            lambda index: self.span_activated.emit(self._model.span_at(index.row()).id))
        self.filter = SpanFilter(self)
        self.filter.changed.connect(self._refilter)
        self._mine: list[SpanRow] = []  # the open layer's spans, all of them
        self._labels: Labels = {}
        self._found: list[PlacedSpan] | None = None  # all-documents mode: the spans found
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self._view)

    def set_spans(self, spans: list[SpanRow], labels: dict[int, tuple[str, str, str]]) -> None:
        """Show these spans (those the filter keeps); the selected span stays selected if it is still there, and
        the table stays scrolled where it was, since the window calls this after every edit. In all-documents
        mode they are kept for when the table comes back to this document."""
        if labels != self._labels:
            self.filter.set_labels(labels)
        self._mine, self._labels = spans, labels
        if self._found is None:
            self._show([span for span in spans if self.filter.keeps(span)], labels)

    def show_found(self, found: list[PlacedSpan] | None) -> None:
        """All-documents mode with these spans; None: back to the open document's spans."""
        self._found = found
        self._view.setColumnHidden(LINKS, found is not None)
        if found is None:
            self._refilter()
        else:
            self._show([place.span for place in found], self._labels,
                       {place.span.id: (place.document_id, place.document_name) for place in found})

    def set_links(self, links: dict[int, str]) -> None:
        """The open document's spans' links, for the links column."""
        self._model.set_links(links)

    def set_comments(self, comments: dict[int, tuple[int, int]]) -> None:
        """Mark the open document's commented spans (threads, open ones by span id)."""
        self._model.set_comments(comments)

    def document_of(self, span_id: int) -> int | None:
        """The document of a span shown in all-documents mode."""
        return self._model.document_of(span_id)

    def _refilter(self) -> None:
        if self._found is None:
            self._show([span for span in self._mine if self.filter.keeps(span)], self._labels)

    def _show(self, spans: list[SpanRow], labels: Labels, places: dict[int, tuple[int, str]] | None = None) -> None:
        selected = self.selected_span()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        if labels != self._model.labels():
            self._fit_label_column(labels)
        self._model.set_spans(spans, labels, places)
        if selected is not None:
            self._select(selected, scroll_to=False)
        bar.setValue(scroll)

    def _fit_label_column(self, labels: Labels) -> None:
        """Wide enough for the longest label and its swatch: measured on the few labels, not the many rows."""
        swatch = " " * 6  # room for the colour square
        fit_columns(self._view, {LABEL: [swatch + label_text(label) for label in labels.values()]})

    def selected_span(self) -> int | None:
        index = self._view.selectionModel().currentIndex()
        return self._model.span_at(index.row()).id if index.isValid() else None

    def select_span(self, span_id: int | None) -> None:
        """Follow the selection made in the document view, without emitting ``span_activated``; scrolls
        only when the selection changes, since the window calls this after every refresh."""
        if span_id is None or self.selected_span() != span_id:
            self._select(span_id, scroll_to=True)

    def _select(self, span_id: int | None, *, scroll_to: bool) -> None:
        row = None if span_id is None else self._model.row_of(span_id)
        if row is None:
            self._view.selectionModel().clear()
            return
        index = self._model.index(row, TEXT)
        self._view.selectionModel().setCurrentIndex(index, SELECT_ROW)
        if scroll_to:
            self._view.scrollTo(index)
