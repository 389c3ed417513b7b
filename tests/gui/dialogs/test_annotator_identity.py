"""Who is annotating: asked once in a dialog, remembered in QSettings, overridden by --annotator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from biaozhu.gui.dialogs.annotator_identity import (
    remembered_annotator,
    resolve_annotator,
)


def answer_dialog_with(name: str | None, seen: list[str]) -> None:
    """When the modal dialog is up, type ``name`` and press OK (None: cancel)."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append(dialog.labelText())
        if name is None:
            dialog.reject()
        else:
            dialog.setTextValue(name)
            dialog.accept()
    QTimer.singleShot(0, answer)


def test_the_name_is_asked_once_then_remembered(settings_in: Path, qtbot: QtBot) -> None:
    seen: list[str] = []
    answer_dialog_with("  王五 ", seen)
    assert resolve_annotator(None) == "王五"
    assert len(seen) == 1
    assert remembered_annotator() == "王五"
    assert resolve_annotator(None) == "王五"  # no dialog this time: one would fail the test by blocking
    assert list(settings_in.rglob("*.conf")), "the name is stored in the settings file"


def test_the_command_line_name_wins_and_is_remembered(settings_in: Path, qtbot: QtBot) -> None:
    QSettings().setValue("annotator", "王五")
    assert resolve_annotator("李四") == "李四"
    assert remembered_annotator() == "李四"


def test_declining_to_give_a_name_gives_none(settings_in: Path, qtbot: QtBot) -> None:
    seen: list[str] = []
    answer_dialog_with(None, seen)
    assert resolve_annotator(None) is None
    assert remembered_annotator() is None


def test_a_remembered_reserved_name_is_asked_again(settings_in: Path, qtbot: QtBot) -> None:
    QSettings().setValue("annotator", "gold")  # an older biaozhu let anyone annotate as gold
    seen: list[str] = []
    answer_dialog_with("王五", seen)
    assert resolve_annotator(None) == "王五" and len(seen) == 1
    assert remembered_annotator() == "王五"
