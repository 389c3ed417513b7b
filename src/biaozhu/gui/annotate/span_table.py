"""The span table of the open document: text, label (with its colour), start, end, a METRIC span's value
and unit (``?`` where its text was not read as a figure), its links (→ 所属项目 X, ← 责任机构 Y) and its comment threads
(● while one is open); a click on a row tells the window to scroll to that span and select it. A filter above it
(``span_filter.py``) narrows it by
label and text, or shows the annotator's spans in all documents, with a column naming each one's document.

A document's spans (up to tens of thousands) are shown in one model reset, sorted in Python with one key per
row; there are no widgets per row. An edit of the open layer changes only its rows (:meth:`SpanTablePanel.follow`:
removed, inserted or moved to their place in the chosen order), so the table keeps its sort and selection without
the UI thread sorting the whole layer again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from biaozhu.db.names import METRIC
from biaozhu.db.rows import PlacedSpan, SpanRow
from biaozhu.gui.annotate.span_filter import SpanFilter
from biaozhu.gui.common.wording import as_tooltip, fill
from biaozhu.gui.widgets.swatches import colour_swatch
from biaozhu.gui.widgets.tables import SELECT_ROW, RowActivation, configure_table, fit_columns, sorted_place

TEXT, LABEL, START, END, VALUE, UNIT, LINKS, COMMENTS, DOCUMENT = range(9)
OPEN_COMMENTS = QColor("#e76f51")
UNPARSED = "?"  # a METRIC span whose text is not a figure the parser is sure of, and nobody set a value
UNKNOWN_LABEL = ("?", "", "#9e9e9e")  # a label deleted since the spans were read
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY, ALIGNMENT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole)
ANSWERED = frozenset(int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                                           Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                                           Qt.ItemDataRole.ToolTipRole))
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
    if not places:  # one document: the layer's own order, without a document per key (20,000 rows on opening)
        return lambda s: (s.start, -s.end, s.id)
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
        self._titles: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        """The header's titles and tips in the UI language: translated here once, not at every ``headerData`` call
        (the header asks for each title many times while it lays out), and again when the language changes."""
        self._titles = (self.tr("Text"), self.tr("Label"), self.tr("Start"), self.tr("End"), self.tr("Value"),
                        self.tr("Unit"), self.tr("Links"), "💬", self.tr("Document"))
        self._comments_tip = self.tr("Comments on the span")
        self._offset_tip = self.tr("Offset in characters from the start of the document")
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

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

    def spans(self) -> list[SpanRow]:
        """The rows, in the order shown."""
        return self._spans

    def row_of(self, span_id: int) -> int | None:
        return self._row_of.get(span_id)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> object:
        """A cell's text, swatch, alignment, colour or tip; each painted cell is asked for seven roles, so the roles
        this model never answers (and the alignment) are told apart first, before the row is looked at."""
        if role not in ANSWERED or not index.isValid():
            return None
        column = index.column()
        if role == ALIGNMENT:
            return RIGHT if column in (START, END, VALUE, COMMENTS) else None
        span = self._spans[index.row()]
        if column == DOCUMENT:
            name = self._places.get(span.id, (0, ""))[1]
            return name if role == DISPLAY else as_tooltip([name]) if role == Qt.ItemDataRole.ToolTipRole else None
        if role == DISPLAY:
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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COMMENTS:
            return self._comments_tip
        if role == Qt.ItemDataRole.ToolTipRole and START <= section <= END:
            return self._offset_tip
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
        """Each span's links (R makes them); only the links column changes (and the order, when sorted by it)."""
        if links == self._links:
            return
        self._links = links
        if self._spans:
            self.dataChanged.emit(self.index(0, LINKS), self.index(len(self._spans) - 1, LINKS))
        if self._sort[0] == LINKS:
            self._reorder()

    def set_comments(self, comments: dict[int, tuple[int, int]]) -> None:
        """The open document's commented spans: (threads, open ones) by span id."""
        if comments != self._comments:
            self._comments = comments
            if self.rowCount():
                self.dataChanged.emit(self.index(0, COMMENTS), self.index(self.rowCount() - 1, COMMENTS))
            if self._sort[0] == COMMENTS:
                self._reorder()

    def follow(self, removed: Collection[int], added: list[SpanRow]) -> None:
        """An edit's rows: those of ``removed`` (ids) go, ``added`` come in at their place in the chosen order, a
        span in both (relabelled, moved) is changed in place or moved to its new place, so selections stay on it.
        The order is the same as :meth:`set_spans` would give; each row costs a binary search."""
        kept = {span.id for span in added}
        for span_id in removed:
            row = None if span_id in kept else self._row_of.pop(span_id, None)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._spans[row]
                self.endRemoveRows()
                self._renumber(row)
        for span in added:
            row = self._row_of.get(span.id)
            if row is None:
                at = self._place(span)
                self.beginInsertRows(QModelIndex(), at, at)
                self._spans.insert(at, span)
                self.endInsertRows()
                self._renumber(at)
                continue
            del self._spans[row]
            at = self._place(span)
            if at != row:
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), at if at < row else at + 1)
            self._spans.insert(at, span)
            if at != row:
                self.endMoveRows()
                self._renumber(min(at, row))
            self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))

    def _place(self, span: SpanRow) -> int:
        """Where ``span`` goes among the rows, in the chosen order (the rows are in it: ids make every key unique)."""
        column, order = self._sort
        if column < 0:
            column, order = START, Qt.SortOrder.AscendingOrder
        key = sort_key(column, self._labels, self._places, self._links, self._comments)
        return sorted_place(self._spans, key(span), key, order == Qt.SortOrder.DescendingOrder)

    def _renumber(self, first: int) -> None:
        for row in range(first, len(self._spans)):
            self._row_of[self._spans[row].id] = row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in Python, one key per row; selections follow their spans."""
        if (column, order) == self._sort:
            return  # the rows are kept in this order already (the header asks twice)
        self._sort = (column, order)
        self._reorder()

    def _reorder(self) -> None:
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
        fit_columns(self._view, {VALUE: ["37717800000"], UNIT: ["个百分点"], LINKS: ["→所属项目 酒城同心·金融速贷"],
                                 COMMENTS: ["● 99"]})
        self._digits = 0  # the offset columns are as wide as the longest offset shown needs
        self._links_shown = self._comments_shown = False
        RowActivation(self._view).row_activated.connect(
            lambda index: self.span_activated.emit(self._model.span_at(index.row()).id))
        self.filter = SpanFilter(self)
        self.filter.changed.connect(self._refilter)
        self._mine: dict[int, SpanRow] = {}  # the open layer's spans (in the outline's chosen section), by id
        self._labels: Labels = {}
        self._found: list[PlacedSpan] | None = None  # all-documents mode: the spans found
        self._show_note_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self._view)

    def set_spans(self, spans: list[SpanRow], labels: dict[int, tuple[str, str, str]]) -> None:
        """Show these spans (those the filter keeps); the selected span stays selected if it is still there, and
        the table stays scrolled where it was, since the window calls this after edits made elsewhere. In
        all-documents mode they are kept for when the table comes back to this document."""
        if labels != self._labels:
            self.filter.set_labels(labels)
        self._mine, self._labels = {span.id: span for span in spans}, labels
        if self._found is None:
            self._show(self.filter.kept(spans), labels)

    def follow(self, removed: list[SpanRow], added: list[SpanRow]) -> None:
        """An edit of the open layer: ``removed`` rows go, ``added`` rows come (a relabelled or moved span is in
        both, as it was and as it is), each where the filter and the chosen order put it; the selection and the
        scroll position stay. Cheap for one span in 20,000, where :meth:`set_spans` sorts them all again."""
        for span in removed:
            self._mine.pop(span.id, None)
        self._mine.update((span.id, span) for span in added)
        if self._found is not None:  # all-documents mode: read again by its own query (``SpanScope``)
            return
        selected = self.selected_span()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        shown = self.filter.kept(added)
        self._model.follow([span.id for span in removed], shown)
        self._fit_columns(shown, grow_only=True)  # offsets stay as wide until the next document opens
        if any(map(self._is_metric, removed)) and not any(map(self._is_metric, shown)):
            self._show_metric_columns(any(map(self._is_metric, self._model.spans())))
        if selected is not None:
            self._select(selected, scroll_to=False)
        bar.setValue(scroll)

    def show_found(self, found: list[PlacedSpan] | None) -> None:
        """All-documents mode with these spans; None: back to the open document's spans."""
        self._found = found
        self._show_note_columns()
        if found is None:
            self._refilter()
        else:
            self._show([place.span for place in found], self._labels,
                       {place.span.id: (place.document_id, place.document_name) for place in found})

    def set_links(self, links: dict[int, str]) -> None:
        """The open document's spans' links, for the links column."""
        self._links_shown = bool(links)
        self._model.set_links(links)
        self._show_note_columns()

    def set_comments(self, comments: dict[int, tuple[int, int]]) -> None:
        """Mark the open document's commented spans (threads, open ones by span id)."""
        self._comments_shown = bool(comments)
        self._model.set_comments(comments)
        self._show_note_columns()

    def _show_note_columns(self) -> None:
        """The links and comments columns only while the open document has some (links: not in all-documents
        mode), so that a narrow dock keeps its room for the text."""
        self._view.setColumnHidden(LINKS, self._found is not None or not self._links_shown)
        self._view.setColumnHidden(COMMENTS, not self._comments_shown)

    def document_of(self, span_id: int) -> int | None:
        """The document of a span shown in all-documents mode."""
        return self._model.document_of(span_id)

    def _refilter(self) -> None:
        if self._found is None:
            self._show(self.filter.kept(list(self._mine.values())), self._labels)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._model.retranslate()
        super().changeEvent(event)

    def _show(self, spans: list[SpanRow], labels: Labels, places: dict[int, tuple[int, str]] | None = None) -> None:
        selected = self.selected_span()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        if labels != self._model.labels():
            self._fit_label_column(labels)
        self._model.set_spans(spans, labels, places)
        self._fit_columns(spans, grow_only=False)
        if selected is not None:
            self._select(selected, scroll_to=False)
        bar.setValue(scroll)

    def _fit_columns(self, spans: list[SpanRow], *, grow_only: bool) -> None:
        """A figure's value and unit only where a METRIC span is listed (otherwise the columns take room in a narrow
        dock), offset columns as wide as the longest offset listed needs; ``grow_only``: ``spans`` were added to
        those listed, so the columns can only come in and widen."""
        metric = any(map(self._is_metric, spans))
        if metric or not grow_only:
            self._show_metric_columns(metric)
        digits = max(len(str(max((span.end for span in spans), default=0))), 3)
        if digits > self._digits or digits != self._digits and not grow_only:  # short offsets leave the text room
            self._digits = digits
            fit_columns(self._view, {START: ["9" * digits], END: ["9" * digits]})

    def _show_metric_columns(self, shown: bool) -> None:
        for column in (VALUE, UNIT):
            self._view.setColumnHidden(column, not shown)

    def _is_metric(self, span: SpanRow) -> bool:
        return self._model.labels().get(span.label_id, UNKNOWN_LABEL)[0] == METRIC

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
