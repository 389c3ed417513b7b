"""Bugs in the app: a report the user can see, copy and send, and the app keeps running.

Anything raised in a slot or an undo command reaches ``sys.excepthook``, which PySide calls and then
returns to the event loop; :class:`CrashReporter` replaces the hook for the app's lifetime, writes each
report to a file in the log folder (platformdirs' ``user_log_dir``) and shows it in one dialog. Known
storage failures are handled where they happen (``storage_messages.py``); one that escapes a slot
anyway (a read that found the file corrupt) is still that message, not a crash report. Annotations are
committed action by action, so the report can say truthfully that only the action in flight was lost.
"""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biaozhu import __version__
from biaozhu.db.errors import StorageError, known_storage_error
from biaozhu.gui.common.storage_messages import StorageNotice
from biaozhu.gui.common.wording import fill

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def format_report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """What a developer needs: versions, platform and the traceback."""
    head = (f"biaozhu {__version__} · Python {platform.python_version()} · PySide6 {pyside_version} · "
            f"{platform.platform()}\n{datetime.now().astimezone().isoformat(timespec='seconds')}\n\n")
    return head + "".join(traceback.format_exception(kind, value, tb))


def write_report(log_dir: Path, report: str) -> Path:
    """Save a report as crash-<time>.txt in ``log_dir`` (created when missing); returns its path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.txt"
    path.write_text(report, encoding="utf-8")
    return path


class CrashDialog(QDialog):
    """The report, read-only, with a Copy button; later bugs are appended while it is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash-report")
        self.setWindowTitle(self.tr("biaozhu hit a bug"))
        self.resize(760, 480)
        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        copy = QPushButton(self.tr("Copy"), self)
        copy.setObjectName("copy")
        copy.clicked.connect(self.copy)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)

    def add(self, report: str, saved_to: Path | None) -> None:
        where = str(saved_to) if saved_to else self.tr("(it could not be saved to a file)")
        self.intro.setText(fill(self.tr("Something went wrong inside biaozhu. Everything you did before this action is "
                                   "saved; this action may not have happened. The report was saved to %1: please "
                                   "send it to the developers. You can go on working."), where))
        if self.isVisible() and self.report.toPlainText():
            self.report.appendPlainText("\n" + "-" * 60 + "\n")
            self.report.appendPlainText(report)
        else:
            self.report.setPlainText(report)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class CrashReporter(QObject):
    """Owns ``sys.excepthook`` between :meth:`install` and :meth:`uninstall`."""

    def __init__(self, log_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_dir = log_dir
        self.dialog: CrashDialog | None = None
        self.notice: StorageNotice | None = None
        self.last_report_path: Path | None = None
        self._previous: ExceptHook | None = None
        self._reporting = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.report

    def uninstall(self) -> None:
        if self._previous is not None and sys.excepthook == self.report:
            sys.excepthook = self._previous
        self._previous = None

    def report(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """Write and show the report. A failure while reporting (or Ctrl+C) goes to the previous hook
        instead, so the reporter never calls itself."""
        fallback = self._previous or sys.__excepthook__
        if self._reporting or not issubclass(kind, Exception):
            fallback(kind, value, tb)
            return
        self._reporting = True
        try:
            known = value if isinstance(value, StorageError) else known_storage_error(value)
            if known is not None:
                self._tell_storage_failure(str(known))
                return
            text = format_report(kind, value, tb)
            if sys.stderr is not None:  # None in a windowed app on Windows
                sys.stderr.write(text)
            try:
                self.last_report_path = write_report(self.log_dir, text)
            except OSError:
                self.last_report_path = None
            if self.dialog is None:
                self.dialog = CrashDialog()
            self.dialog.add(text, self.last_report_path)
            self.dialog.show()
            self.dialog.activateWindow()
        except Exception:  # noqa: BLE001 - the reporter itself failed: the original error must still be told
            fallback(kind, value, tb)
        finally:
            self._reporting = False

    def _tell_storage_failure(self, message: str) -> None:
        window = QApplication.activeWindow()
        if self.notice is None or self.notice.window is not window:
            self.notice = StorageNotice(window)
        self.notice.show_error(message)
