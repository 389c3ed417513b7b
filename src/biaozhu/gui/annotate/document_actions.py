"""Documents renamed (F2) and deleted (Delete, to the trash) from the document list, also by right-click.

Each is one transaction through the action runner, published on the change bus so every other window's list
follows; this window's list changes the one row in memory (100,000 documents are not read again). Deleting the open
document opens the next one in the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QTableView

from biaozhu.db.documents import DocumentSummary, rename_document
from biaozhu.db.trash import trash_document
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.keys import keyed_action
from biaozhu.gui.common.wording import fill
from biaozhu.gui.widgets.span_index import SpanIndex

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow


class DocumentActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        table = window.document_list.findChild(QTableView)
        assert table is not None
        self.rename_action = keyed_action(self, "rename-document", self.tr("Rename document…"), "F2",
                                          self.rename_selected, [table])
        self.delete_action = keyed_action(self, "delete-document", self.tr("Delete document…"), "Delete",
                                          self.delete_selected, [table])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _selected(self) -> DocumentSummary | None:
        chosen = self.window.document_list.selected_document()
        return next((d for d in self.window.documents if d.id == chosen), None)

    def rename_selected(self) -> None:
        document = self._selected()
        if document is None:
            return
        name, ok = QInputDialog.getText(self.window, self.tr("Rename document"), self.tr("New name:"),
                                        QLineEdit.EchoMode.Normal, document.name)
        if not ok or name.strip() == document.name:
            return
        outcome = self.window.runner.attempt(lambda s: rename_document(s, document.id, name, self.window.annotator),
                                             Change(Changed.DOCUMENTS, frozenset({document.id}), self))
        if not outcome.ok:
            self.window.say(outcome.refusal)
            return
        self.window.update_row(document.id, name=name.strip())
        if document.id == self.window.layer.document_id:
            self.window.setWindowTitle(f"{name.strip()} — {self.window.project.name} — biaozhu 标注")

    def delete_selected(self) -> None:
        """Ask, saying how many spans go with it, then move the document to the trash."""
        document = self._selected()
        if document is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete document"), fill(
            self.tr("Move %1 and its %2 spans (every annotator's) to the trash? Edit → Trash… brings it back."),
            document.name, sum(document.span_counts.values())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a document's name is data, never markup
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        window = self.window
        following = next((d.id for d in window.documents if d.id > document.id), None) or next(
            (d.id for d in reversed(window.documents) if d.id < document.id), None)
        outcome = window.runner.attempt(lambda s: trash_document(s, document.id, window.annotator),
                                        Change(Changed.DOCUMENTS | Changed.SPANS | Changed.TRASH,
                                               frozenset({document.id}), self))
        if not outcome.ok:
            window.say(outcome.refusal)
            return
        window.say(fill(self.tr("%1 moved to the trash."), document.name))
        if document.id == window.layer.document_id:
            if following is not None:
                window.open_document(following)
            else:
                window.layer.document_id, window.layer.text, window.layer.index = None, "", SpanIndex()
                window.view.show_text("", window.layer.index, window.labels.colours())
                window.setWindowTitle(f"{window.project.name} — biaozhu 标注")
        window.drop_row(document.id)
