"""A project file the user cannot write opens for reading (issue 12): the window opens, says up front that
the project is read-only, and an edit is refused with one sentence; the reading commands work too."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from biaozhu.cli import build_parser
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.permissions import ensure_person
from biaozhu.db.project import initialise
from biaozhu.gui.common.project import project_location
from biaozhu.gui.windows import Started, start

ME = "张三"
TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”。"


@pytest.fixture(params=["wal", "delete"])
def read_only(sqlite_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A project with one document and 张三 in it, made immutable (tests run as root: chmod would not stop us);
    in WAL mode as biaozhu leaves it, or with a rollback journal as a copy made by another tool may be."""
    engine = create_project_engine(str(sqlite_path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
        ensure_person(session, ME)
        add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
    engine.dispose()
    if request.param == "delete":
        with closing(sqlite3.connect(sqlite_path)) as connection:
            connection.execute("PRAGMA journal_mode = DELETE")
    if subprocess.run(["chattr", "+i", str(sqlite_path)], capture_output=True).returncode != 0:
        pytest.skip("cannot make the file immutable here (chattr needs root and a file system that supports it)")
    try:
        yield sqlite_path
    finally:
        subprocess.run(["chattr", "-i", str(sqlite_path)], check=True)


def test_a_read_only_project_opens_in_the_app_and_says_so(qtbot: QtBot, settings_in: Path, read_only: Path) -> None:
    started = start(build_parser().parse_args(["--db", str(read_only), "--annotator", ME, "--lang", "en"]))
    assert isinstance(started, Started)
    try:
        window = started.windows.annotate()
        banner = window.findChild(QLabel, "read-only-project")
        assert banner is not None and banner.isVisible()
        assert banner.text() == "Read-only project: you can read and export it; edits are refused"
        assert window.view.toPlainText() == TEXT and window.statusBar().currentMessage() == ""
        assert project_location(window.runner.sessions) == str(read_only)
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        review = started.windows.review()
        assert review.banner.isVisible() and "read-only" in review.banner.text()
    finally:
        started.windows.close()
        started.engine.dispose()


@pytest.mark.parametrize("command", [["docs"], ["check"], ["export", "--format", "jsonl", "-o", "{out}"]])
def test_reading_commands_work_on_a_read_only_project(cli, tmp_path: Path, read_only: Path,
                                                       command: list[str]) -> None:
    ran = cli("--db", read_only, *[part.format(out=tmp_path / "out.jsonl") for part in command])
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr
