"""The 标签… dialog (Ctrl+L): the project's labels in their order, and a form for the selected one.

Add, rename, title, colour (a colour picker), hotkey, guideline (Markdown in the label's definition: the label
bar shows it on hover, the guide renders it), the project's general guideline, move up or down, delete (to the
trash with its spans, after saying how many). Each change is one transaction through the action runner, published
on the change bus, so every open window follows at once;
a refusal (a taken name or hotkey) is said in the dialog and nothing is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QColorDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.db.guidelines import project_guideline
from biaozhu.db.labels import (
    add_label,
    count_label_spans,
    delete_label,
    move_label,
    update_label,
)
from biaozhu.gui.common.changes import Changed
from biaozhu.gui.common.label_infos import LabelInfo, label_infos, shown_definition
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.guide import GuidelineEditor
from biaozhu.gui.dialogs.list_editor import ListEditorDialog, show_again
from biaozhu.gui.widgets.label_bar import label_tooltip
from biaozhu.gui.widgets.swatches import colour_swatch


class LabelsDialog(ListEditorDialog[LabelInfo]):
    def __init__(self, runner: ActionRunner, person: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, person, parent, "labels")
        self.colour = "#e76f51"
        self.setWindowTitle(self.tr("Labels — biaozhu 标注"))
        self.resize(720, 460)
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
        self.form.addRow(self.tr("Colour:"), self.colour_button)
        self.form.addRow(self.tr("Hotkey:"), self.hotkey)
        self.form.addRow(self.tr("Guideline:"), self.definition)
        self.add_button = self.button(self.tr("New label"), self.start_new, under_list=True)
        self.up_button = self.button(self.tr("Move up"), lambda: self.move_selected(-1), under_list=True,
                                     for_selected=True)
        self.down_button = self.button(self.tr("Move down"), lambda: self.move_selected(1), under_list=True,
                                       for_selected=True)
        self.delete_button = self.button(self.tr("Delete…"), self.ask_to_delete, under_list=True,
                                         for_selected=True)
        self.guideline_button = self.button(self.tr("Project guideline…"), self.edit_project_guideline)
        self.bottom_buttons.insertWidget(0, self.guideline_button)
        self.reload()

    # -- showing ---------------------------------------------------------------------------------------------
    def read(self, session: Session) -> list[LabelInfo]:
        return label_infos(session)

    def caption(self, entry: LabelInfo) -> str:
        return (f"[{entry.hotkey}] " if entry.hotkey else "") + entry.caption()

    def tooltip(self, entry: LabelInfo) -> str:
        return label_tooltip(entry)

    def icon(self, entry: LabelInfo) -> QIcon:
        return colour_swatch(entry.color)

    def show_entry(self, entry: LabelInfo | None) -> None:
        self.hotkey.setText((entry.hotkey or "") if entry else "")
        self.definition.setPlainText(shown_definition(entry.definition) if entry else "")
        self.set_colour(entry.color if entry else self.colour)

    def set_colour(self, colour: str) -> None:
        self.colour = QColor(colour).name()
        self.colour_button.setIcon(colour_swatch(self.colour, 16))
        self.colour_button.setText(self.colour)

    def pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Label colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())

    # -- changing --------------------------------------------------------------------------------------------
    def start_new(self, prompt: str = "") -> None:
        """An empty form: Save adds it as a new label at the end of the bar."""
        super().start_new(prompt or self.tr("A new label: fill in its name and press Save."))

    def save(self) -> None:
        """Add the form as a new label, or store it over the selected one."""
        label = self.selected()
        name = self.name.text().strip()
        title, hotkey = self.title_edit.text().strip(), self.hotkey.text().strip()
        definition = self.definition.toPlainText().strip()
        if label is not None and definition == shown_definition(label.definition).strip():
            definition = label.definition  # a default definition shown translated stays the default, translatable
        if label is None:
            ok = self.write(lambda s: add_label(s, name, title, self.colour, hotkey or None, definition),
                            fill(self.tr("Added %1."), name))
        else:
            ok = self.write(lambda s: update_label(s, label.name, new_name=name, title=title, color=self.colour,
                                                   hotkey=hotkey, definition=definition),
                            fill(self.tr("Saved %1."), name))
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
        if label is not None and self.write(lambda s: move_label(s, label.name, step), ""):
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
        if self.write(lambda s: delete_label(s, label.name, self.person),
                      done, Changed.LABELS | Changed.SPANS | Changed.TRASH):
            self.reload()


def show_labels_dialog(dialog: LabelsDialog | None, runner: ActionRunner, person: str,
                       parent: QWidget) -> LabelsDialog:
    """Ctrl+L in either window: one dialog for the window's lifetime, read again each time it is shown."""
    return show_again(dialog, lambda: LabelsDialog(runner, person, parent))
