"""The 标签… dialog (Ctrl+L): the project's labels in their order, and a form for the selected one.

Add, rename, title, colour (a colour picker), hotkey, guideline (Markdown in the label's definition: the label
bar shows it on hover, the guide renders it), the project's general guideline, move up or down, delete (to the
trash with its spans, after saying how many). Each change is one transaction through the action runner, published
on the change bus, so every open window follows at once;
a refusal (a taken name or hotkey) is said in the dialog and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.db.guidelines import project_guideline
from biaozhu.db.labels import (
    LabelRefused,
    add_label,
    count_label_spans,
    delete_label,
    move_label,
    update_label,
)
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.label_infos import LabelInfo, label_infos, shown_definition
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.guide import GuidelineEditor
from biaozhu.gui.widgets.label_bar import label_tooltip
from biaozhu.gui.widgets.swatches import colour_swatch


class LabelsDialog(QDialog):
    def __init__(self, runner: ActionRunner, person: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.person = person  # who deletes (a reviewer only: the refusal is shown otherwise)
        self.labels: list[LabelInfo] = []
        self.colour = "#e76f51"
        self.setWindowTitle(self.tr("Labels — biaozhu 标注"))
        self.resize(720, 460)
        self.list = QListWidget(self)
        self.list.setObjectName("labels")
        self.list.currentRowChanged.connect(self._show_selected)
        self.name = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.colour_button = QPushButton(self)
        self.colour_button.setAutoDefault(False)
        self.colour_button.clicked.connect(self.pick_colour)
        self.hotkey = QLineEdit(self)
        self.hotkey.setMaxLength(3)
        self.hotkey.setPlaceholderText(self.tr("a letter or digit, F1–F12"))
        self.definition = QPlainTextEdit(self)
        self.definition.setObjectName("label-guideline")
        self.definition.setMinimumHeight(160)
        self.definition.setPlaceholderText(self.tr("The label's guideline in Markdown: what it is for, do and don't, "
                                                   "examples (shown on hover and in the guide, F1)"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Colour:"), self.colour_button)
        form.addRow(self.tr("Hotkey:"), self.hotkey)
        form.addRow(self.tr("Guideline:"), self.definition)
        self.message = QLabel(self)
        self.message.setObjectName("labels-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save_button = self._button(self.tr("Save"), self.save)
        self.save_button.setDefault(True)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        right.addLayout(bottom)
        self.add_button = self._button(self.tr("New label"), self.start_new)
        self.up_button = self._button(self.tr("Move up"), lambda: self.move_selected(-1))
        self.down_button = self._button(self.tr("Move down"), lambda: self.move_selected(1))
        self.delete_button = self._button(self.tr("Delete…"), self.ask_to_delete)
        self.guideline_button = self._button(self.tr("Project guideline…"), self.edit_project_guideline)
        bottom.insertWidget(0, self.guideline_button)
        left_buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            left_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(left_buttons)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        runner.bus.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, change: Change) -> None:
        if change.source is not self and change.what & Changed.LABELS:
            self.reload()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- showing ---------------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the labels again (another window or program may have changed them), keeping the selection."""
        current = self.selected()
        outcome = self.runner.try_read(label_infos)
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self.labels = outcome.value
        wanted = select or (current.name if current else None)
        self.list.blockSignals(True)
        self.list.clear()
        for label in self.labels:
            key = f"[{label.hotkey}] " if label.hotkey else ""
            item = QListWidgetItem(colour_swatch(label.color), key + label.caption())
            item.setToolTip(label_tooltip(label))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, label in enumerate(self.labels) if label.name == wanted), 0 if self.labels else -1)
        self.list.setCurrentRow(row)
        self._show_selected(row)

    def selected(self) -> LabelInfo | None:
        row = self.list.currentRow()
        return self.labels[row] if 0 <= row < len(self.labels) else None

    def _show_selected(self, row: int) -> None:
        label = self.labels[row] if 0 <= row < len(self.labels) else None
        self.name.setText(label.name if label else "")
        self.title_edit.setText(label.title if label else "")
        self.hotkey.setText((label.hotkey or "") if label else "")
        self.definition.setPlainText(shown_definition(label.definition) if label else "")
        self.set_colour(label.color if label else self.colour)
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(label is not None)

    def set_colour(self, colour: str) -> None:
        self.colour = QColor(colour).name()
        self.colour_button.setIcon(colour_swatch(self.colour, 16))
        self.colour_button.setText(self.colour)

    def pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Label colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())

    # -- changing --------------------------------------------------------------------------------------------
    def _write(self, action: Callable[[Session], object], what: Changed, done: str) -> bool:
        outcome = self.runner.attempt(action, Change(what, source=self))
        failure = outcome.failure
        if isinstance(failure, LabelRefused):  # said in the UI language
            self.message.setText(fill(QCoreApplication.translate("LabelRefused", failure.template), *failure.values))
        else:
            self.message.setText(done if outcome.ok else outcome.refusal)
        return outcome.ok

    def start_new(self) -> None:
        """An empty form: Save adds it as a new label at the end of the bar."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show_selected(-1)
        self.message.setText(self.tr("A new label: fill in its name and press Save."))
        self.name.setFocus()

    def save(self) -> None:
        """Add the form as a new label, or store it over the selected one."""
        label = self.selected()
        name = self.name.text().strip()
        title, hotkey = self.title_edit.text().strip(), self.hotkey.text().strip()
        definition = self.definition.toPlainText().strip()
        if label is not None and definition == shown_definition(label.definition).strip():
            definition = label.definition  # a default definition shown translated stays the default, translatable
        if label is None:
            ok = self._write(lambda s: add_label(s, name, title, self.colour, hotkey or None, definition),
                             Changed.LABELS, fill(self.tr("Added %1."), name))
        else:
            ok = self._write(lambda s: update_label(s, label.name, new_name=name, title=title, color=self.colour,
                                                    hotkey=hotkey, definition=definition),
                             Changed.LABELS, fill(self.tr("Saved %1."), name))
        if ok:
            self.reload(select=name)

    def edit_project_guideline(self) -> GuidelineEditor:
        """The project's general guideline, shown at the top of the guide."""
        outcome = self.runner.try_read(project_guideline)
        editor = GuidelineEditor(self.runner, outcome.value or "", self)
        editor.open()
        return editor

    def move_selected(self, step: int) -> None:
        label = self.selected()
        if label is not None and self._write(lambda s: move_label(s, label.name, step), Changed.LABELS, ""):
            self.reload(select=label.name)

    def ask_to_delete(self) -> None:
        """Say how many spans go to the trash with the label, and delete it if the user agrees."""
        label = self.selected()
        if label is None:
            return
        counted = self.runner.try_read(lambda s: count_label_spans(s, label.name))
        if counted.value is None:
            self.message.setText(counted.refusal)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete label"), fill(
            self.tr("Delete the label %1? Its %2 spans (every annotator's, and gold) go to the trash with it; "
                    "Edit → Trash… brings the label and its spans back."), label.caption(), counted.value),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("delete-label")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a label's name is data, never markup
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        done = fill(self.tr("%1 and %2 spans moved to the trash."), label.caption(), counted.value)
        if self._write(lambda s: delete_label(s, label.name, self.person),
                       Changed.LABELS | Changed.SPANS | Changed.TRASH, done):
            self.reload()


def show_labels_dialog(dialog: LabelsDialog | None, runner: ActionRunner, person: str,
                       parent: QWidget) -> LabelsDialog:
    """Ctrl+L in either window: one dialog for the window's lifetime, read again each time it is shown."""
    return show_again(dialog, lambda: LabelsDialog(runner, person, parent))


class Reloadable(Protocol):
    def reload(self) -> object: ...
    def show(self) -> None: ...
    def activateWindow(self) -> None: ...


EditorT = TypeVar("EditorT", bound=Reloadable)


def show_again(dialog: EditorT | None, make: Callable[[], EditorT]) -> EditorT:
    """A dialog made once and kept: shown in front, its contents read again when it is shown again."""
    if dialog is None:
        dialog = make()
    else:
        dialog.reload()
    dialog.show()
    dialog.activateWindow()
    return dialog
