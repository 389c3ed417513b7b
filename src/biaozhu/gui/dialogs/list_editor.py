"""A list of the project's named entries on the left and a form for the selected one on the right.

The labels dialog and the relation-types dialog are this one shape: the same list, form, message line, buttons,
selection kept across reloads, an empty form for a new entry, and one transaction per change through the action
runner, published on the change bus. Subclasses say what an entry is, how it is read, shown and stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.db.labels import LabelRefused
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill


class Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...


EntryT = TypeVar("EntryT", bound=Named)


class ListEditorDialog(QDialog, Generic[EntryT]):
    """The entries in the list, the selected one in :attr:`form`; Save adds the form or stores it over it."""

    def __init__(self, runner: ActionRunner, person: str, parent: QWidget | None, object_name: str) -> None:
        super().__init__(parent)
        self.runner = runner
        self.person = person  # who deletes (a reviewer only: the refusal is shown otherwise)
        self.entries: list[EntryT] = []
        self.list = QListWidget(self)
        self.list.setObjectName(object_name)
        self.list.currentRowChanged.connect(self._show_selected)
        self.name = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Title:"), self.title_edit)
        self.message = QLabel(self)
        self.message.setObjectName(f"{object_name}-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save_button = self.button(self.tr("Save"), self.save)
        self.save_button.setDefault(True)
        self.bottom_buttons = QHBoxLayout()
        self.bottom_buttons.addStretch(1)
        self.bottom_buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(self.form, 1)
        right.addWidget(self.message)
        right.addLayout(self.bottom_buttons)
        self.list_buttons = QHBoxLayout()
        self.for_selected: list[QPushButton] = []  # enabled only while an entry is selected
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(self.list_buttons)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        runner.bus.changed.connect(self._on_change)

    def button(self, text: str, slot: Callable[[], object], *, under_list: bool = False,
               for_selected: bool = False) -> QPushButton:
        """A button that never becomes the default one (Enter in the form means Save)."""
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        if under_list:
            self.list_buttons.addWidget(button)
        if for_selected:
            self.for_selected.append(button)
        return button

    def _on_change(self, change: Change) -> None:
        if change.source is not self and change.what & Changed.LABELS:
            self.reload()

    # -- what subclasses say -----------------------------------------------------------------------------------
    def read(self, session: Session) -> Sequence[EntryT]:
        raise NotImplementedError

    def caption(self, entry: EntryT) -> str:
        raise NotImplementedError

    def tooltip(self, entry: EntryT) -> str:
        raise NotImplementedError

    def icon(self, entry: EntryT) -> QIcon | None:
        return None

    def show_entry(self, entry: EntryT | None) -> None:
        """Fill the rest of the form with ``entry``, or empty it for a new one."""
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    # -- showing -------------------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the entries again (another window or program may have changed them), keeping the selection."""
        current = self.selected()
        outcome = self.runner.try_read(self.read)
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self.entries = list(outcome.value)
        wanted = select or (current.name if current else None)
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self.caption(entry))
            icon = self.icon(entry)
            if icon is not None:
                item.setIcon(icon)
            item.setToolTip(self.tooltip(entry))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, entry in enumerate(self.entries) if entry.name == wanted), 0 if self.entries else -1)
        self.list.setCurrentRow(row)
        self._show_selected(row)

    def selected(self) -> EntryT | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_selected(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        self.name.setText(entry.name if entry else "")
        self.title_edit.setText(entry.title if entry else "")
        self.show_entry(entry)
        for button in self.for_selected:
            button.setEnabled(entry is not None)

    def start_new(self, prompt: str) -> None:
        """An empty form, ``prompt`` saying what to fill in: Save adds it at the end of the list."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show_selected(-1)
        self.message.setText(prompt)
        self.name.setFocus()

    # -- changing ------------------------------------------------------------------------------------------------
    def write(self, action: Callable[[Session], object], done: str, what: Changed = Changed.LABELS) -> bool:
        """One transaction; the message line says ``done`` or the refusal (a label's in the UI language)."""
        outcome = self.runner.attempt(action, Change(what, source=self))
        failure = outcome.failure
        if isinstance(failure, LabelRefused):
            self.message.setText(fill(QCoreApplication.translate("LabelRefused", failure.template), *failure.values))
        else:
            self.message.setText(done if outcome.ok else outcome.refusal)
        return outcome.ok


class Reloadable(Protocol):
    def reload(self) -> object: ...
    def show(self) -> None: ...
    def activateWindow(self) -> None: ...


ReloadableT = TypeVar("ReloadableT", bound=Reloadable)


def show_again(dialog: ReloadableT | None, make: Callable[[], ReloadableT]) -> ReloadableT:
    """A dialog made once and kept: shown in front, its contents read again when it is shown again."""
    if dialog is None:
        dialog = make()
    else:
        dialog.reload()
    dialog.show()
    dialog.activateWindow()
    return dialog
