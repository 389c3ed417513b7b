"""The label bar's flow layout keeps its measurements only while its items stay as they are: a button whose text
grows (a label's count after an edit) wraps onto a new row, and one added or taken away counts at once."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from biaozhu.gui.widgets.flow_layout import FlowLayout


def test_measurements_follow_the_items(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    buttons = [QPushButton(text, holder) for text in ("项目 1", "指标 2", "机构 3")]
    for button in buttons:
        flow.addWidget(button)
    width = sum(button.sizeHint().width() for button in buttons) + 6 * 2 + 40
    one_row = flow.heightForWidth(width)
    assert flow.heightForWidth(width) == one_row  # asked again: the same
    buttons[1].setText("指标 " + "1234567890" * 4)  # its count grew: it no longer fits beside the others
    assert flow.heightForWidth(width) > one_row
    assert flow.minimumSize().width() >= buttons[1].sizeHint().width()
    flow.takeAt(1)
    buttons[1].deleteLater()
    assert flow.heightForWidth(width) == one_row
