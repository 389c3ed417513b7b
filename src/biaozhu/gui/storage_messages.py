"""Storage failures told to the user in their language: a project that cannot be opened at start-up,
an edit that the database refused to store (nothing was changed, try again).

The sentences come from :mod:`biaozhu.db.errors`, which stays free of Qt and English; they are marked
here for translation, so lupdate puts them in the catalogue, and looked up when shown. A sentence
missing here (a new one in ``db/errors.py``) is shown in English rather than not at all.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from biaozhu.db.errors import StorageError

CONTEXT = "StorageError"
SENTENCES = (
    QT_TRANSLATE_NOOP("StorageError", "the project database stayed busy (locked by another program) too long; "
                                      "nothing was saved — try again"),
    QT_TRANSLATE_NOOP("StorageError", "the project database is read-only (file, folder or disk); nothing was saved"),
    QT_TRANSLATE_NOOP("StorageError", "the project database is on a read-only disk; nothing was saved"),
    QT_TRANSLATE_NOOP("StorageError", "the database server only allows reading here; nothing was saved"),
    QT_TRANSLATE_NOOP("StorageError", "cannot open the project database file: check the folder exists and is "
                                      "writable"),
    QT_TRANSLATE_NOOP("StorageError", "the disk is full: free some space; nothing was saved from this action"),
    QT_TRANSLATE_NOOP("StorageError", "the database server's disk is full; nothing was saved from this action"),
    QT_TRANSLATE_NOOP("StorageError", "the disk reported an I/O error; nothing was saved from this action"),
    QT_TRANSLATE_NOOP("StorageError", "this file is not a biaozhu project, or it is corrupt: restore it from a "
                                      "backup"),
    QT_TRANSLATE_NOOP("StorageError", "the project database is corrupt: restore it from a backup"),
    QT_TRANSLATE_NOOP("StorageError", "cannot reach the database server (connection refused)"),
    QT_TRANSLATE_NOOP("StorageError", "cannot reach the database server (unknown host)"),
    QT_TRANSLATE_NOOP("StorageError", "the database server closed the connection; nothing was saved — try again"),
    QT_TRANSLATE_NOOP("StorageError", "the database server refused the user name or password"),
    QT_TRANSLATE_NOOP("StorageError", "the database server wants a password: put it in the URL or in ~/.pgpass"),
    QT_TRANSLATE_NOOP("StorageError", "someone else made the same change at the same moment; nothing was changed"),
    QT_TRANSLATE_NOOP("StorageError", "the database server says the database does not exist: create it first "
                                      "(createdb)"),
    QT_TRANSLATE_NOOP("StorageError", "the project's data broke a foreign key while upgrading; nothing was changed"),
)
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
        return newer.replace("%1", text[len(head):-len(tail)])
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
        self.box.setText(self.tr("This change was not made: %1").replace("%1", sentence))
        self.box.show()
