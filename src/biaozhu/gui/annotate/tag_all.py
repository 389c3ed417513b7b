"""The preview of "tag all occurrences": where (this document or all), each occurrence with its context to
tick or untick, and what is skipped and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biaozhu.db.occurrences import Occurrence, OccurrencePlan
from biaozhu.gui.common.wording import fill, short

DIALOG_NAME = "tag-all-dialog"
Ranges = list[tuple[int, int, int]]
translate = QCoreApplication.translate


class TagAllDialog(QDialog):
    """Lists the occurrences of a span's text; those inside a longer word start unticked. Data is plain text."""

    def __init__(self, parent: QWidget | None, text: str, label: str, here: OccurrencePlan,
                 everywhere: OccurrencePlan) -> None:
        super().__init__(parent)
        self.setObjectName(DIALOG_NAME)
        self.setWindowTitle(translate("TagAll", "Tag all occurrences"))
        self.plans, self.span_text = (here, everywhere), text
        question = QLabel(fill(translate("TagAll", "Tag “%1” as %2 wherever else it occurs? Untick any you want "
                                                   "left alone."), short(text, 40), label), self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("tag-all-scope")
        self.scope.addItem(fill(translate("TagAll", "This document (%1)"), len(here.occurrences)))
        self.scope.addItem(fill(translate("TagAll", "All documents (%1)"), len(everywhere.occurrences)))
        self.list = QListWidget(self)
        self.list.setObjectName("tag-all-occurrences")
        self.skipped = QLabel(self)
        self.skipped.setTextFormat(Qt.TextFormat.PlainText)
        self.skipped.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (question, self.scope, self.list, self.skipped, self.buttons):
            layout.addWidget(widget)
        self.scope.currentIndexChanged.connect(self._show)
        self.list.itemChanged.connect(self._count)
        self._show()
        self.resize(560, 380)

    def _item_text(self, occurrence: Occurrence) -> str:
        line = f"{occurrence.document}: …{occurrence.before}【{self.span_text}】{occurrence.after}…"
        if occurrence.word is not None:
            line += " " + fill(translate("TagAll", "(inside the word “%1”)"), occurrence.word)
        return line

    def _show(self) -> None:
        plan = self.plans[self.scope.currentIndex()]
        self.list.blockSignals(True)
        self.list.clear()
        for occurrence in plan.occurrences:
            item = QListWidgetItem(self._item_text(occurrence), self.list)
            item.setData(Qt.ItemDataRole.UserRole, (occurrence.document_id, occurrence.start, occurrence.end))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if occurrence.word else Qt.CheckState.Checked)
        self.list.blockSignals(False)
        self.skipped.setText(fill(translate("TagAll", "Skipped: %1 tagged already, %2 would cross a span, %3 inside "
                                                      "a span of the same label."),
                                  plan.already_tagged, plan.crossing, plan.nested))
        self._count()

    def _count(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(fill(translate("TagAll", "Tag %1"), len(self.chosen())))
        ok.setEnabled(bool(self.chosen()))

    def chosen(self) -> Ranges:
        """The ticked occurrences as ``(document id, start, end)``."""
        items = [self.list.item(row) for row in range(self.list.count())]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]


def choose_occurrences(parent: QWidget, text: str, label: str, here: OccurrencePlan,
                       everywhere: OccurrencePlan) -> tuple[Ranges, int] | None:
    """The occurrences to tag and how many were left (skipped or unticked); None when cancelled."""
    dialog = TagAllDialog(parent, text, label, here, everywhere)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        plan = dialog.plans[dialog.scope.currentIndex()]
        chosen = dialog.chosen()
        return chosen, plan.skipped + len(plan.occurrences) - len(chosen)
    finally:
        dialog.deleteLater()
