"""The trash in the app: what was deleted (spans and whole documents), newest first; Enter restores the
selected items, "Empty trash…" deletes everything in it for good after asking.

Each restored item is its own transaction, so one that cannot come back (its place is taken by a crossing
span, its text was imported again) is named and the others still return. ``changed`` tells the window to
show what came back at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.documents import list_documents
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.spans import SpanRefused
from biaozhu.db.trash import TrashEntry, TrashRefused, empty_trash, list_trash, restore
from biaozhu.gui.storage_messages import translated
from biaozhu.gui.tables import configure_table

KIND, WHAT, DOCUMENT, ANNOTATOR, DELETED = range(5)


class TrashDialog(QDialog):
    changed = Signal()  # something was restored or the trash was emptied

    def __init__(self, sessions: sessionmaker[Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.entries: list[TrashEntry] = []
        self.setWindowTitle(self.tr("Trash — biaozhu 标注"))
        self.resize(860, 480)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("trash")
        configure_table(self.table, sortable=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("What"), self.tr("Document"),
                                              self.tr("Annotator"), self.tr("Deleted")])
        self.table.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.restore_selected())  # Enter or a double-click
        self.message = QLabel(self)
        self.message.setObjectName("trash-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore (Enter)"), self)
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(self.tr("Empty trash…"), self)
        self.empty_button.setAutoDefault(False)
        self.empty_button.clicked.connect(self.ask_to_empty)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Deleted spans and documents stay here until the trash is emptied."), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read the trash again (another annotator may have deleted or restored meanwhile)."""
        try:
            with storage_errors(), self.sessions() as session:
                self.entries = list_trash(session)
                names = {d.id: d.name for d in list_documents(session)}
        except StorageError as exc:
            self.message.setText(translated(exc))
            return
        kinds = {"span": self.tr("span"), "document": self.tr("document")}
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            document = names.get(entry.document_id, "") if entry.kind == "span" else ""
            for column, text in ((KIND, kinds.get(entry.kind, entry.kind)), (WHAT, entry.summary),
                                 (DOCUMENT, document), (ANNOTATOR, entry.annotator or ""),
                                 (DELETED, entry.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        if self.entries:  # an empty table would shrink the columns to their titles
            self.table.resizeColumnToContents(KIND)
            self.table.resizeColumnToContents(DELETED)
        self.empty_button.setEnabled(bool(self.entries))
        self.restore_button.setEnabled(bool(self.entries))
        if self.entries and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setFocus()

    def selected_entries(self) -> list[TrashEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.entries[row] for row in rows if row < len(self.entries)]

    def restore_selected(self) -> None:
        """Put the selected items back, each in its own transaction; say which could not come back and why."""
        chosen = self.selected_entries()
        if not chosen:
            self.message.setText(self.tr("Select what to restore first."))
            return
        restored, problems = 0, []
        for entry in chosen:
            try:
                with storage_errors(), self.sessions.begin() as session:
                    restore(session, entry.id)
                restored += 1
            except (TrashRefused, SpanRefused) as exc:
                problems.append(f"{entry.summary}: {exc}")
            except StorageError as exc:
                problems.append(translated(exc))
                break  # the project is locked or read-only: the rest would fail the same way
        text = self.tr("%1 restored.").replace("%1", str(restored))
        self.message.setText("\n".join([text, *problems]) if problems else text)
        self.table.clearSelection()
        self.reload()
        if restored:
            self.changed.emit()

    def ask_to_empty(self) -> None:
        if not self.entries:
            return
        answer = QMessageBox.question(
            self, self.tr("Empty the trash"),
            self.tr("Delete the %1 items in the trash for good? This cannot be undone.")
            .replace("%1", str(len(self.entries))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with storage_errors(), self.sessions.begin() as session:
                count = empty_trash(session)
        except StorageError as exc:
            self.message.setText(translated(exc))
            return
        self.message.setText(self.tr("The trash is empty: %1 items deleted for good.").replace("%1", str(count)))
        self.reload()
        self.changed.emit()
