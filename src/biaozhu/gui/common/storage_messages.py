"""Storage failures told to the user in their language: a project that cannot be opened at start-up,
an edit that the database refused to store (nothing was changed, try again).

The sentences come from :mod:`biaozhu.db.errors`, which stays free of Qt and marks them for lupdate;
here they are looked up in the catalogue when shown. A sentence not in the catalogue is shown in English
rather than not at all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from biaozhu.db.errors import SENTENCES, StorageError
from biaozhu.gui.common.wording import fill

CONTEXT = "StorageError"
NEWER_SCHEMA = ("this project was saved by a newer biaozhu (schema ", "); update biaozhu to open it")


def translated(message: str | StorageError) -> str:
    """The sentence in the UI language; a ``where: `` in front of it (the project's path) is kept as it is."""
    text = str(message)
    for sentence in SENTENCES:
        if text.endswith(sentence):
            return text[:len(text) - len(sentence)] + QCoreApplication.translate(CONTEXT, sentence)
    head, tail = NEWER_SCHEMA
    if text.startswith(head) and text.endswith(tail):
        newer = QCoreApplication.translate("StorageError", "this project was saved by a newer biaozhu (schema %1); "
                                                           "update biaozhu to open it")
        return fill(newer, text[len(head):-len(tail)])
    return text


def tell_opening_failed(message: str | StorageError, parent: QWidget | None = None) -> None:
    """At start-up: the project cannot be opened, so there is no window; say why and wait for OK."""
    title = QCoreApplication.translate("StorageError", "biaozhu cannot open the project")
    box = QMessageBox(QMessageBox.Icon.Critical, title, translated(message), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("storage-error")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class StorageNotice(QObject):
    """During work: an edit the database did not store. The status bar says it, and a box that does not
    block the window (one at a time, showing the latest failure) makes sure it is seen."""

    def __init__(self, window: QWidget | None) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None

    def show_error(self, message: str) -> None:
        sentence = translated(message)
        say = getattr(self.window, "say", None)
        if say is not None:
            say(sentence)
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), "",
                                   QMessageBox.StandardButton.Ok, self.window)
            self.box.setObjectName("storage-error")
            self.box.setTextFormat(Qt.TextFormat.PlainText)
            self.box.setWindowModality(Qt.WindowModality.NonModal)
        self.box.setText(fill(self.tr("This change was not made: %1"), sentence))
        self.box.show()
