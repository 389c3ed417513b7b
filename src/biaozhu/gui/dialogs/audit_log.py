"""The audit log in the app (Review → Audit log…): who imported, deleted, emptied the trash, merged, changed a
role or decided gold, and when, newest first. Read through the action runner each time it is shown; every cell
is plain text (names and file names come from data)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biaozhu.db.audit import LoggedAction, audit_log
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import as_tooltip, fill, told
from biaozhu.gui.widgets.tables import configure_table

WHEN, WHO, ACTION, WHAT = range(4)
SHOWN = 5000  # the newest entries; `biaozhu log` prints them all


class AuditLogDialog(QDialog):
    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.entries: list[LoggedAction] = []
        self.setWindowTitle(self.tr("Audit log — biaozhu 标注"))
        self.resize(900, 480)
        self.actions_shown = {"import": self.tr("import"), "delete": self.tr("delete"),
                              "trash empty": self.tr("trash emptied"), "merge": self.tr("merge"),
                              "role": self.tr("role change"), "gold": self.tr("gold decision")}
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("audit-log")
        configure_table(self.table, sortable=False)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What")])
        self.table.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setObjectName("audit-log-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read the log again (others act on the same project meanwhile)."""
        outcome = self.runner.try_read(lambda session: audit_log(session, SHOWN))
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self.entries = outcome.value
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, text in ((WHEN, entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")), (WHO, entry.actor),
                                 (ACTION, self.actions_shown.get(entry.action, entry.action)),
                                 (WHAT, told(entry.detail))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(as_tooltip([text]))
                self.table.setItem(row, column, item)
        self.message.setText(fill(self.tr("%1 entries, newest first."), len(self.entries)))
