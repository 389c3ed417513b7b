"""The confirmation for "tag all occurrences": how many, where (this document or all), and what is skipped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from biaozhu.db.occurrences import OccurrencePlan
from biaozhu.gui.common.wording import fill

DIALOG_NAME = "tag-all-dialog"
translate = QCoreApplication.translate


def ask_scope(parent: QWidget, text: str, label: str, here: OccurrencePlan,
              everywhere: OccurrencePlan) -> OccurrencePlan | None:
    """Ask whether to tag the occurrences in this document or in all documents; None when cancelled."""
    box = QMessageBox(parent)
    box.setObjectName(DIALOG_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("TagAll", "Tag all occurrences"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(fill(translate("TagAll", "Tag “%1” as %2 wherever else it occurs?"), text, label))
    box.setInformativeText("\n".join((
        fill(translate("TagAll", "This document: %1 to tag, %2 skipped."), len(here.ranges), here.skipped),
        fill(translate("TagAll", "All documents: %1 to tag, %2 skipped."), len(everywhere.ranges),
             everywhere.skipped),
        translate("TagAll", "Skipped occurrences are tagged already or would cross a span."))))
    in_document = box.addButton(fill(translate("TagAll", "This document (%1)"), len(here.ranges)),
                                QMessageBox.ButtonRole.AcceptRole)
    in_document.setObjectName("tag-all-document")
    in_all = box.addButton(fill(translate("TagAll", "All documents (%1)"), len(everywhere.ranges)),
                           QMessageBox.ButtonRole.AcceptRole)
    in_all.setObjectName("tag-all-everywhere")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(in_document)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is in_document:
        return here
    if clicked is in_all:
        return everywhere
    return None
