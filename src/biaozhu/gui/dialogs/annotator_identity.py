"""Who is annotating: ``--annotator`` if given, else the name remembered in QSettings, else asked once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from biaozhu.db.names import is_reserved

SETTING = "annotator"


def remembered_annotator() -> str | None:
    """The name remembered last time; a reserved layer name (remembered by an older biaozhu) is not a name."""
    value = QSettings().value(SETTING)
    name = str(value).strip() if value else ""
    return name if name and not is_reserved(name) else None


def remember_annotator(name: str) -> None:
    QSettings().setValue(SETTING, name)


def resolve_annotator(given: str | None, parent: QWidget | None = None) -> str | None:
    """The annotator's name, remembered for next time (a reserved layer name, which the app refuses, is not);
    None when the user declines to say."""
    name = (given or "").strip() or remembered_annotator()
    if not name:
        answer, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("AnnotatorIdentity", "Who is annotating?"),
            QCoreApplication.translate("AnnotatorIdentity",
                                       "Your name (your spans are kept under it; asked only once):"))
        name = answer.strip() if ok else ""
    if name and not is_reserved(name):
        remember_annotator(name)
    return name or None
