"""Help → 标注指南: the project's labels as a guide an annotator reads beside the text, as INCEpTION's guidelines:
each label's key, colour, title and code, and its definition in full (several lines, in the UI's language while
it is a default one). Read again each time it is shown, so a label added or redefined meanwhile is there."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from biaozhu.gui.common.label_infos import label_set, shown_definition
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.widgets.swatches import colour_swatch

KEY, LABEL, DEFINITION = range(3)


class LabelGuide(QDialog):
    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Annotation guide — biaozhu 标注"))
        self.resize(720, 480)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("label-guide")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Label"), self.tr("Definition")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DEFINITION, QHeaderView.ResizeMode.Stretch)
        # the definitions wrap anew when their column's width changes: the rows fit them again
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)

    def reload(self) -> None:
        """The labels as they are now, in the label bar's order."""
        outcome = self.runner.try_read(label_set)
        if outcome.value is None:
            self.note.setText(outcome.refusal)
            return
        labels = list(outcome.value)
        self.note.setText(self.tr("Each label with its key (pressed while text is selected) and what it is for. "
                                  "Labels… (Ctrl+L) changes them."))
        self.table.setRowCount(len(labels))
        for row, label in enumerate(labels):
            key = QTableWidgetItem(label.hotkey or "")
            key.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
            caption = QTableWidgetItem(colour_swatch(label.color, 14), label.caption())
            definition = QTableWidgetItem(shown_definition(label.definition) or self.tr("(no definition yet)"))
            for column, item in ((KEY, key), (LABEL, caption), (DEFINITION, definition)):
                self.table.setItem(row, column, item)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # once the dialog is laid out, its columns wide
