"""The small dialog behind V in the annotation window: a METRIC span's value, the top of a range, its unit and
qualifier, as the parser read them (or empty where it could not), to correct by hand."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from biaozhu.corpus.quantities import Qualifier
from biaozhu.gui.common.wording import fill, short

DIALOG_NAME = "metric-value-dialog"
translate = QCoreApplication.translate


@dataclass(frozen=True)
class ValueAnswer:
    """What the user typed: the value (plain digits, the magnitude folded in), the top of a range or None."""

    value: str
    value_max: str | None
    unit: str
    qualifier: str


class MetricValueDialog(QDialog):
    """Value, maximum, unit and qualifier of one span; the span's text shown above them as plain text."""

    def __init__(self, parent: QWidget | None, text: str, values: dict[str, object]) -> None:
        super().__init__(parent)
        self.setObjectName(DIALOG_NAME)
        self.setWindowTitle(translate("MetricValue", "Value of the span"))
        about = QLabel(fill(translate("MetricValue", "“%1”: the value with its magnitude folded in (377.178亿元 → "
                                                     "37717800000)."), short(text, 40)), self)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.value = self._field("metric-value", values.get("value"))
        self.value_max = self._field("metric-value-max", values.get("value_max"))
        self.value_max.setPlaceholderText(translate("MetricValue", "only for a range"))
        self.unit = self._field("metric-unit", values.get("unit"))
        self.qualifier = QComboBox(self)
        self.qualifier.setObjectName("metric-qualifier")
        for each in Qualifier:
            self.qualifier.addItem(each.value, each.value)
        self.qualifier.setCurrentIndex(max(self.qualifier.findData(values.get("qualifier") or "exact"), 0))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(translate("MetricValue", "Value"), self.value)
        form.addRow(translate("MetricValue", "Maximum"), self.value_max)
        form.addRow(translate("MetricValue", "Unit"), self.unit)
        form.addRow(translate("MetricValue", "Qualifier"), self.qualifier)
        form.addRow(self.buttons)
        self.value.setFocus()

    def _field(self, name: str, value: object) -> QLineEdit:
        field = QLineEdit("" if value is None else str(value), self)
        field.setObjectName(name)
        return field

    def answer(self) -> ValueAnswer:
        return ValueAnswer(self.value.text().strip(), self.value_max.text().strip() or None,
                           self.unit.text().strip(), str(self.qualifier.currentData()))


def ask_value(parent: QWidget | None, text: str, values: dict[str, object]) -> ValueAnswer | None:
    """The values the user settled on, or None when they cancelled."""
    dialog = MetricValueDialog(parent, text, values)
    try:
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
