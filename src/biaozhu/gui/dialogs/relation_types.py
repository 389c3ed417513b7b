"""The 关系类型… dialog (Annotate menu): the project's relation types, and a form for the selected one.

Add a type, rename it, give it a title, tick the labels its links may start from and point to, write its
definition, or (a reviewer) delete one no relation has. Each change is one transaction through the action
runner, published on the change bus so that R offers the types as they are now; a refusal is said in the dialog
and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
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
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.labels import show_again


def type_caption(kind: RelationTypeDef) -> str:
    """所属项目: METRIC → PROGRAM, as the list shows a type."""
    return f"{kind.title or kind.name}: {'/'.join(kind.from_labels)} → {'/'.join(kind.to_labels)}"


class RelationTypesDialog(QDialog):
    def __init__(self, runner: ActionRunner, person: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.person = person  # who deletes (a reviewer only: the refusal is shown otherwise)
        self.kinds: list[RelationTypeDef] = []
        self.setWindowTitle(self.tr("Relation types — biaozhu 标注"))
        self.resize(760, 480)
        self.list = QListWidget(self)
        self.list.setObjectName("relation-types")
        self.list.currentRowChanged.connect(self._show_selected)
        self.name = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.from_labels = self._label_list("relation-from-labels")
        self.to_labels = self._label_list("relation-to-labels")
        self.definition = QPlainTextEdit(self)
        self.definition.setPlaceholderText(self.tr("What this relation says, with an example"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("From labels:"), self.from_labels)
        form.addRow(self.tr("To labels:"), self.to_labels)
        form.addRow(self.tr("Definition:"), self.definition)
        self.message = QLabel(self)
        self.message.setObjectName("relation-types-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save_button = self._button(self.tr("Save"), self.save)
        self.save_button.setDefault(True)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.message)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.delete_button = self._button(self.tr("Delete"), self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button(self.tr("New type"), self.start_new))
        buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        runner.bus.changed.connect(self._on_change)
        self.reload()

    def _label_list(self, name: str) -> QListWidget:
        box = QListWidget(self)
        box.setObjectName(name)
        box.setMaximumHeight(110)
        return box

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _on_change(self, change: Change) -> None:
        if change.source is not self and change.what & Changed.LABELS:
            self.reload()

    # -- showing ---------------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the types and labels again (another window or program may have changed them)."""
        current = self.selected()

        def read(session: Session) -> tuple[list[RelationTypeDef], list[str]]:
            kinds = [as_def(kind) for kind in list_relation_types(session)]
            return kinds, [label.name for label in list_labels(session)]

        outcome = self.runner.try_read(read)
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self.kinds, labels = outcome.value
        for box in (self.from_labels, self.to_labels):
            box.clear()
            for name in labels:
                item = QListWidgetItem(name, box)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        wanted = select or (current.name if current else None)
        self.list.blockSignals(True)
        self.list.clear()
        for kind in self.kinds:
            item = QListWidgetItem(type_caption(kind))
            item.setToolTip(kind.definition)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, kind in enumerate(self.kinds) if kind.name == wanted), 0 if self.kinds else -1)
        self.list.setCurrentRow(row)
        self._show_selected(row)

    def selected(self) -> RelationTypeDef | None:
        row = self.list.currentRow()
        return self.kinds[row] if 0 <= row < len(self.kinds) else None

    def _show_selected(self, row: int) -> None:
        kind = self.kinds[row] if 0 <= row < len(self.kinds) else None
        self.name.setText(kind.name if kind else "")
        self.title_edit.setText(kind.title if kind else "")
        self.definition.setPlainText(kind.definition if kind else "")
        for box, ticked in ((self.from_labels, kind.from_labels if kind else ()),
                            (self.to_labels, kind.to_labels if kind else ())):
            for n in range(box.count()):
                item = box.item(n)
                item.setCheckState(Qt.CheckState.Checked if item.text() in ticked else Qt.CheckState.Unchecked)
        self.delete_button.setEnabled(kind is not None)

    @staticmethod
    def ticked(box: QListWidget) -> list[str]:
        return [box.item(n).text() for n in range(box.count())
                if box.item(n).checkState() == Qt.CheckState.Checked]

    # -- changing --------------------------------------------------------------------------------------------
    def _write(self, action: Callable[[Session], object], done: str) -> bool:
        outcome = self.runner.attempt(action, Change(Changed.LABELS, source=self))
        self.message.setText(done if outcome.ok else outcome.refusal)
        return outcome.ok

    def start_new(self) -> None:
        """An empty form: Save adds it as a new type at the end of the list."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show_selected(-1)
        self.message.setText(self.tr("A new relation type: fill in its name, tick its labels and press Save."))
        self.name.setFocus()

    def save(self) -> None:
        """Add the form as a new type, or store it over the selected one."""
        kind = self.selected()
        name, title = self.name.text().strip(), self.title_edit.text().strip()
        sources, targets = self.ticked(self.from_labels), self.ticked(self.to_labels)
        definition = self.definition.toPlainText().strip()
        if kind is None:
            ok = self._write(lambda s: add_relation_type(s, name, sources, targets, title=title,
                                                         definition=definition), fill(self.tr("Added %1."), name))
        else:
            ok = self._write(lambda s: update_relation_type(s, kind.name, new_name=name, title=title,
                                                            from_labels=sources, to_labels=targets,
                                                            definition=definition), fill(self.tr("Saved %1."), name))
        if ok:
            self.reload(select=name)

    def delete_selected(self) -> None:
        """Delete the selected type; refused (with how many relations have it) while any does."""
        kind = self.selected()
        if kind is not None and self._write(lambda s: delete_relation_type(s, kind.name, self.person),
                                            fill(self.tr("Deleted %1."), kind.name)):
            self.reload()


def show_relation_types_dialog(dialog: RelationTypesDialog | None, runner: ActionRunner, person: str,
                               parent: QWidget) -> RelationTypesDialog:
    """One dialog for the window's lifetime, read again each time it is shown."""
    return show_again(dialog, lambda: RelationTypesDialog(runner, person, parent))
