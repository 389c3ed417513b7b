"""The export dialog says how many relations it wrote and how many a format left out (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.project import initialise
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.dialogs.export import ExportDialog
from luzhou_sample import BANK, LOAN, MONEY, TEXT


def test_relations_written_and_left_out_are_counted(qtbot: QtBot, tmp_path: Path,
                                                     open_project: Callable[..., OpenProject]) -> None:
    engine = create_project_engine(str(tmp_path / "p.sqlite"))
    sessions: sessionmaker[Session] = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        store_documents(session, "in.jsonl", [SourceDocument(
            name="report", text=TEXT, source="", spans=[BANK, LOAN, MONEY], annotator="张三",
            relations=[Relation(MONEY, LOAN, "所属项目"), Relation(LOAN, BANK, "责任机构")])])
    dialog = ExportDialog(open_project(sessions).runner, layer="张三")
    qtbot.addWidget(dialog)
    dialog.show()
    for fmt, expected in (("jsonl", "2 relations written."),
                          ("conll", "0 relations written, 2 left out (the format cannot hold relations")):
        dialog.form.format_box.setCurrentIndex(dialog.form.format_box.findData(fmt))
        dialog.target.setText(str(tmp_path / f"out.{fmt}"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.running is None and dialog.export_button.isEnabled(), timeout=20_000)
        assert expected in dialog.message.text()
    dialog.close()
    engine.dispose()
