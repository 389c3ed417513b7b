"""The trash in the app: what was deleted (spans, whole documents, labels with their spans), newest first;
Enter restores the selected items, "Empty trash…" deletes everything in it for good after asking (a reviewer
only: the refusal is shown otherwise).

Each restored item is its own transaction, so one that cannot come back (its place is taken by a crossing
span, its text was imported again) is named and the others still return. What came back (or was deleted
for good) is published on the app's change bus, so every window shows it at once.
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import Qt
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
from sqlalchemy.orm import Session

from biaozhu.db.documents import list_documents
from biaozhu.db.errors import StorageError
from biaozhu.db.trash import TrashEntry, empty_trash, list_trash, restore
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.label_infos import label_set
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.tables import configure_table

KIND, WHAT, DOCUMENT, ANNOTATOR, DELETED = range(5)
DOCUMENT_SUMMARY = re.compile(r"(.*) \((\d+) spans\)", re.S)  # as db/trash.py words a deleted document


class TrashDialog(QDialog):
    def __init__(self, runner: ActionRunner, person: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.person = person
        self.entries: list[TrashEntry] = []
        self.titles: dict[str, str] = {}  # label names to the titles shown
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
        layout.addWidget(QLabel(self.tr("Deleted spans, relations and documents stay here until the trash is emptied."),
                                self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def what(self, entry: TrashEntry) -> str:
        """What was deleted, in the reader's words: a span's label by its title (its summary is "NAME text"),
        a document with its span count."""
        if entry.kind == "span" and " " in entry.summary:
            name, text = entry.summary.split(" ", 1)
            return f"{self.titles.get(name, name)} {text}"
        counted = DOCUMENT_SUMMARY.fullmatch(entry.summary) if entry.kind == "document" else None
        if counted is not None:
            return fill(self.tr("%1 (%2 spans)"), counted.group(1), counted.group(2))
        return entry.summary

    def reload(self) -> None:
        """Read the trash again (another annotator may have deleted or restored meanwhile)."""
        def read(session: Session) -> tuple[list[TrashEntry], dict[int, str], dict[str, str]]:
            return list_trash(session), {d.id: d.name for d in list_documents(session)}, label_set(session).titles()

        outcome = self.runner.try_read(read)
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self.entries, names, self.titles = outcome.value
        kinds = {"span": self.tr("span"), "document": self.tr("document"), "label": self.tr("label"),
                 "relation": self.tr("relation"), "comment": self.tr("comment")}
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            in_document = entry.kind in ("span", "relation", "comment") and entry.document_id is not None
            document = names.get(entry.document_id or 0, "") if in_document else ""
            for column, text in ((KIND, kinds.get(entry.kind, entry.kind)), (WHAT, self.what(entry)),
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
            what = Changed.TRASH | Changed.SPANS | Changed.DOCUMENTS | Changed.COMMENTS
            change = Change(what | Changed.LABELS if entry.kind == "label" else what,
                            frozenset() if entry.document_id is None else frozenset({entry.document_id}), self)
            outcome = self.runner.attempt(partial(restore, trash_id=entry.id), change)
            if outcome.ok:
                restored += 1
                continue
            problems.append(f"{self.what(entry)}: {outcome.refusal}")
            if isinstance(outcome.failure, StorageError):
                break  # the project is locked or read-only: the rest would fail the same way
        text = fill(self.tr("%1 restored."), restored)
        self.message.setText("\n".join([text, *problems]) if problems else text)
        self.table.clearSelection()
        self.reload()

    def ask_to_empty(self) -> None:
        if not self.entries:
            return
        answer = QMessageBox.question(
            self, self.tr("Empty the trash"),
            fill(self.tr("Delete the %1 items in the trash for good? This cannot be undone."), len(self.entries)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        person = self.person
        outcome = self.runner.attempt(lambda session: empty_trash(session, person),
                                      Change(Changed.TRASH, source=self))
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self.message.setText(fill(self.tr("The trash is empty: %1 items deleted for good."), outcome.value))
        self.reload()
