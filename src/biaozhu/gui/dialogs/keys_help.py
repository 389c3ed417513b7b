"""Help → 快捷键 (F1): every key of the window in one searchable list, read from the window's menus when it opens,
so it never disagrees with what the keys do (a label added since is there too)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str, str]  # menu, action, keys


def plain(text: str) -> str:
    """A menu text as read: without its & accelerator marks."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_rows(menu: QMenu, path: str) -> list[Row]:
    """Every action of a menu and its submenus with its keys, as the user reads them."""
    rows: list[Row] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows.extend(menu_rows(sub, f"{path} ▸ {plain(action.text())}"))
            continue
        # dict.fromkeys: Return and Enter both read 回车 in Chinese, said once
        keys = ", ".join(dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()))
        rows.append((path, plain(action.text()), keys))
    return rows


def window_keys(window: QMainWindow) -> list[Row]:
    rows: list[Row] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows.extend(menu_rows(menu, plain(action.text())))
    return rows


class KeysDialog(QDialog):
    """The window's keys; the box above filters by any part of the menu, the action or the key."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        self.search = QLineEdit(self)
        self.search.setObjectName("keys-search")
        self.search.setPlaceholderText(self.tr("Search actions and keys"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("keys-table")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._filter)
        self.rows: list[Row] = []
        self.reload()

    def reload(self) -> None:
        self.rows = rows = window_keys(self.window_)
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))  # items show text, never markup
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self._filter(self.search.text())

    def _filter(self, needle: str) -> None:
        needle = needle.strip().casefold()
        for row in range(self.table.rowCount()):
            texts = " ".join(self.rows[row]).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in texts)

    def shown_rows(self) -> list[Row]:
        return [row for number, row in enumerate(self.rows) if not self.table.isRowHidden(number)]

