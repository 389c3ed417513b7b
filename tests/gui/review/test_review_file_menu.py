"""Review mode has the annotation window's File menu: a reviewer opens, creates and switches projects, imports
reports and exports without going back to the annotation window (``biaozhu --review`` starts there)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from biaozhu.cli import build_parser
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.dialogs.export import ExportDialog
from biaozhu.gui.review.window import ReviewWindow
from biaozhu.gui.windows import Started, start

_spec = importlib.util.spec_from_file_location("file_menu_tests",
                                               Path(__file__).parent.parent / "annotate" / "test_file_menu.py")
assert _spec is not None and _spec.loader is not None
file_menu_tests = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(file_menu_tests)
REPORT, finished, make_project = file_menu_tests.REPORT, file_menu_tests.finished, file_menu_tests.make_project


@pytest.fixture
def reviewing(qtbot: QtBot, settings_in: Path, tmp_path: Path, qapp: QApplication) -> Iterator[Started]:
    """``biaozhu --review --lang zh`` on a project with one report, its first person (a reviewer)."""
    install_translator(qapp, "zh")
    project = make_project(tmp_path / "第一个.sqlite", REPORT)
    started = start(build_parser().parse_args(["--db", str(project), "--annotator", "王五", "--review",
                                               "--lang", "zh"]))
    assert isinstance(started, Started)
    yield started
    started.windows.close()
    started.engine.dispose()
    install_translator(qapp, "en")


def review_window(app: Started) -> ReviewWindow:
    window = app.windows.review_window
    assert window is not None and window.isVisible()
    return window


def test_review_mode_has_the_file_menu_with_projects_import_and_export(reviewing: Started) -> None:
    window = review_window(reviewing)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    file_menu = window.menuBar().actions()[0].menu()
    entries = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    assert entries[:2] == ["新建项目…", "打开项目…"] and "导入…" in entries and entries[-1] == "导出…"
    keys = {name: window.actions_.by_name[name].shortcut().toString()
            for name in ("new-project", "open-project", "import", "export")}
    assert keys == {"new-project": "Ctrl+Shift+N", "open-project": "Ctrl+O", "import": "Ctrl+I", "export": "Ctrl+E"}
    window.actions_.by_name["export"].trigger()
    assert isinstance(window.export_dialog, ExportDialog) and window.export_dialog.isVisible()
    window.export_dialog.close()


def test_switching_project_from_review_mode_reopens_review_mode_on_it(qtbot: QtBot, reviewing: Started,
                                                                     tmp_path: Path) -> None:
    other = make_project(tmp_path / "吉林项目.sqlite", "吉林报告：" + REPORT)
    old = review_window(reviewing)
    old.actions_.file_menu.open_file(other)
    window = review_window(reviewing)
    assert window is not old and not old.isVisible() and reviewing.window is window
    assert [document.name for document in window.documents] == [f"{other.stem}-0.txt"]
    assert reviewing.windows.annotation is not None and "吉林项目" in reviewing.windows.annotation.windowTitle()


def test_an_import_from_review_mode_lists_the_new_annotated_reports(qtbot: QtBot, reviewing: Started,
                                                                    tmp_path: Path) -> None:
    window = review_window(reviewing)
    tagged = tmp_path / "李四.jsonl"
    tagged.write_bytes(orjson.dumps({"text": "吉林银行发放贷款。", "label": [[0, 4, "ORGANIZATION"]],
                                     "annotator": "李四"}) + b"\n")
    dialog = finished(qtbot, window.actions_.file_menu.import_paths([tagged]))
    assert dialog.status.text() == "已导入 1 个文件，0 个失败。"
    assert "李四#1" in [document.name for document in window.documents]
