"""Find a phrase in every document of the project, shown as a concordance: the document, the text before,
the hit, the text after, one line each, so an analyst sees at a glance how a phrase is used.

Keyboard first: type (the search runs as you pause, or at once on Enter), Down or Enter moves into the
results, Enter or a double-click on a result opens it in the window. Searches run on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biaozhu.db.search import SearchHit, search_documents
from biaozhu.gui.common.runner import ActionRunner, sentence
from biaozhu.gui.common.wording import as_tooltip, fill
from biaozhu.gui.widgets.tables import SELECT_ROW, configure_table

DOCUMENT, BEFORE, HIT, AFTER = range(4)
LIMIT = 500
PAUSE_MS = 250  # search once typing pauses: every keystroke would rescan the corpus
AnyIndex = QModelIndex | QPersistentModelIndex


class SearchHitModel(QAbstractTableModel):
    """Search hits as concordance lines."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit, column = self._hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document_name, hit.context_before, hit.text, hit.context_after)[column]
        if role == Qt.ItemDataRole.FontRole and column == HIT:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == BEFORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_tooltip([fill(self.tr("%1, characters %2 to %3"), hit.document_name, hit.start, hit.end)])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Before"), self.tr("Found"), self.tr("After"))[section]
        return None


class ElideLeftDelegate(QStyledItemDelegate):
    """The text before a hit is cut on its left, so the words next to the hit stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ProjectSearchDialog(QDialog):
    """Search every document; ``hit_activated`` carries (document id, start, end) of the hit to open and
    ``searched`` says the hits for the current text are on screen."""

    hit_activated = Signal(int, int, int)
    searched = Signal()

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._searched: str | None = None
        self._generation = 0  # answers from older searches are dropped
        self._pending = False  # a search for the current text is running
        self._focus_results = False  # Enter was pressed before the answer came
        # Searches run on a worker thread: a large project takes a few hundred ms to scan and typing must not
        # stall. The pool waits for a running search when the dialog is deleted.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.setWindowTitle(self.tr("Find in all documents"))
        self.resize(900, 500)
        self._query = QLineEdit(self)
        self._query.setPlaceholderText(self.tr("Text to find in every document"))
        self._query.setClearButtonEnabled(True)
        self._query.installEventFilter(self)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._search_now)
        self._query.textChanged.connect(self._pause.start)
        self._query.returnPressed.connect(self._enter_results)
        self._model = SearchHitModel(self)
        self._results = QTableView(self)
        self._results.setModel(self._model)
        configure_table(self._results, sortable=False)
        self._results.setItemDelegateForColumn(BEFORE, ElideLeftDelegate(self._results))
        header = self._results.horizontalHeader()
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DOCUMENT, 180)
        self._results.activated.connect(self._open)
        self._summary = QLabel(self)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the query
        layout = QVBoxLayout(self)
        layout.addWidget(self._query)
        layout.addWidget(self._results, 1)
        layout.addWidget(self._summary)

    def search(self, query: str) -> None:
        """Look for ``query`` now (e.g. the text selected in the window, to find it elsewhere)."""
        self._query.setText(query)
        self._search_now()

    def hits(self) -> list[SearchHit]:
        return [self._model.hit(row) for row in range(self._model.rowCount())]

    def _search_now(self) -> None:
        self._pause.stop()
        query = self._query.text()
        if query == self._searched:
            return
        self._searched = query
        self._generation += 1
        self._pool.clear()  # searches still queued are out of date
        if not query:
            self._show_hits(self._generation, [])
            return
        self._summary.setText(self.tr("Searching…"))
        self._pending = True
        generation = self._generation
        self._runner.in_background(self._pool, lambda session: search_documents(session, query, limit=LIMIT),
                                   lambda hits: self._show_hits(generation, hits),
                                   lambda exc: self._show_failure(generation, exc))

    def _show_hits(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._model.set_hits(hits)
        self._summary.setText(self._describe(self._searched or "", hits))
        if self._focus_results:
            self._focus_results = False
            self._focus_first_hit()
        self.searched.emit()

    def _show_failure(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self._pending = self._focus_results = False
            self._model.set_hits([])
            self._summary.setText(sentence(exc))
            self._searched = None  # the same text again is worth a retry
            self.searched.emit()

    def _describe(self, query: str, hits: list[SearchHit]) -> str:
        if not query:
            return ""
        if not hits:
            return self.tr("Not found in any document")
        found = self.tr("%n hit(s)", "", len(hits))
        documents = self.tr("%n document(s)", "", len({hit.document_id for hit in hits}))
        if len(hits) == LIMIT:
            template = self.tr("%1 in %2 (the first %3 are shown: make the text longer to narrow the search)")
        else:
            template = self.tr("%1 in %2")
        return fill(template, found, documents, LIMIT)

    def _enter_results(self) -> None:
        """Enter (or Down) in the query: search at once and move to the first hit, ready for Enter again."""
        self._search_now()
        if self._pending:
            self._focus_results = True
        else:
            self._focus_first_hit()

    def _focus_first_hit(self) -> None:
        if self._model.rowCount():
            self._results.setFocus()
            self._results.selectionModel().setCurrentIndex(self._model.index(0, DOCUMENT), SELECT_ROW)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._query and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down:
            self._enter_results()
            return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        hit = self._model.hit(index.row())
        self.hit_activated.emit(hit.document_id, hit.start, hit.end)
