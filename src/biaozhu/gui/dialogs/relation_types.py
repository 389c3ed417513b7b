"""The 关系类型… dialog (Annotate menu): the project's relation types, and a form for the selected one.

Add a type, rename it, give it a title, tick the labels its links may start from and point to, write its
definition, or (a reviewer) delete one no relation has. Each change is one transaction through the action
runner, published on the change bus so that R offers the types as they are now; a refusal is said in the dialog
and nothing is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from biaozhu.corpus.relation_types import RelationTypeDef
from biaozhu.db.labels import list_labels
from biaozhu.db.relation_types import (
    add_relation_type,
    as_def,
    delete_relation_type,
    list_relation_types,
    update_relation_type,
)
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.list_editor import ListEditorDialog, show_again


def type_caption(kind: RelationTypeDef) -> str:
    """所属项目: METRIC → PROGRAM, as the list shows a type."""
    return f"{kind.title or kind.name}: {'/'.join(kind.from_labels)} → {'/'.join(kind.to_labels)}"


class RelationTypesDialog(ListEditorDialog[RelationTypeDef]):
    def __init__(self, runner: ActionRunner, person: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, person, parent, "relation-types")
        self.label_names: list[str] = []
        self.setWindowTitle(self.tr("Relation types — biaozhu 标注"))
        self.resize(760, 480)
        self.from_labels = self._label_list("relation-from-labels")
        self.to_labels = self._label_list("relation-to-labels")
        self.definition = QPlainTextEdit(self)
        self.definition.setPlaceholderText(self.tr("What this relation says, with an example"))
        self.form.addRow(self.tr("From labels:"), self.from_labels)
        self.form.addRow(self.tr("To labels:"), self.to_labels)
        self.form.addRow(self.tr("Definition:"), self.definition)
        self.button(self.tr("New type"), self.start_new, under_list=True)
        self.delete_button = self.button(self.tr("Delete"), self.delete_selected, under_list=True,
                                         for_selected=True)
        self.reload()

    def _label_list(self, name: str) -> QListWidget:
        box = QListWidget(self)
        box.setObjectName(name)
        box.setMaximumHeight(110)
        return box

    # -- showing ---------------------------------------------------------------------------------------------
    def read(self, session: Session) -> list[RelationTypeDef]:
        """The types, and the labels the form offers to tick."""
        self.label_names = [label.name for label in list_labels(session)]
        return [as_def(kind) for kind in list_relation_types(session)]

    def caption(self, entry: RelationTypeDef) -> str:
        return type_caption(entry)

    def tooltip(self, entry: RelationTypeDef) -> str:
        return entry.definition

    def show_entry(self, entry: RelationTypeDef | None) -> None:
        self.definition.setPlainText(entry.definition if entry else "")
        for box, ticked in ((self.from_labels, entry.from_labels if entry else ()),
                            (self.to_labels, entry.to_labels if entry else ())):
            box.clear()
            for name in self.label_names:
                item = QListWidgetItem(name, box)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)

    @staticmethod
    def ticked(box: QListWidget) -> list[str]:
        return [box.item(n).text() for n in range(box.count())
                if box.item(n).checkState() == Qt.CheckState.Checked]

    # -- changing --------------------------------------------------------------------------------------------
    def start_new(self, prompt: str = "") -> None:
        """An empty form: Save adds it as a new type at the end of the list."""
        super().start_new(prompt or self.tr("A new relation type: fill in its name, tick its labels and press Save."))

    def save(self) -> None:
        """Add the form as a new type, or store it over the selected one."""
        kind = self.selected()
        name, title = self.name.text().strip(), self.title_edit.text().strip()
        sources, targets = self.ticked(self.from_labels), self.ticked(self.to_labels)
        definition = self.definition.toPlainText().strip()
        if kind is None:
            ok = self.write(lambda s: add_relation_type(s, name, sources, targets, title=title,
                                                        definition=definition), fill(self.tr("Added %1."), name))
        else:
            ok = self.write(lambda s: update_relation_type(s, kind.name, new_name=name, title=title,
                                                           from_labels=sources, to_labels=targets,
                                                           definition=definition), fill(self.tr("Saved %1."), name))
        if ok:
            self.reload(select=name)

    def delete_selected(self) -> None:
        """Delete the selected type; refused (with how many relations have it) while any does."""
        kind = self.selected()
        if kind is not None and self.write(lambda s: delete_relation_type(s, kind.name, self.person),
                                           fill(self.tr("Deleted %1."), kind.name)):
            self.reload()


def show_relation_types_dialog(dialog: RelationTypesDialog | None, runner: ActionRunner, person: str,
                               parent: QWidget) -> RelationTypesDialog:
    """One dialog for the window's lifetime, read again each time it is shown."""
    return show_again(dialog, lambda: RelationTypesDialog(runner, person, parent))
