"""Help → 标注指南 lists the project's labels as a guide: key, colour and caption, and the whole definition (in
Chinese while it is a default one); a label added meanwhile is there when it is opened again, in both windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.labels import add_label
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.dialogs.label_guide import DEFINITION, KEY, LABEL, LabelGuide


def rows(guide: LabelGuide) -> list[tuple[str, str, str]]:
    table = guide.table
    return [(table.item(row, KEY).text(), table.item(row, LABEL).text(), table.item(row, DEFINITION).text())
            for row in range(table.rowCount())]


def test_the_guide_lists_every_label_with_its_key_and_whole_definition(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot,
        qapp: QApplication) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text="泸州银行发放贷款。", source=""))
    install_translator(qapp, "zh")
    try:
        window = open_annotation(sessions, "张三", snapping=True)
        window.actions_.by_name["label-guide"].trigger()
        guide = window.actions_.menus.guide
        assert guide is not None and guide.isVisible() and guide.windowTitle().startswith("标注指南")
        assert [row[:2] for row in rows(guide)] == [("1", "项目 PROGRAM"), ("2", "指标 METRIC"),
                                                    ("3", "机构 ORGANIZATION")]
        assert rows(guide)[0][2].startswith("有名称的项目")
        with sessions.begin() as session:
            add_label(session, "PLACE", "地点", "#264653", "4", "地名：泸州市、吉林市\n不含机构名里的地名")
        window.actions_.by_name["label-guide"].trigger()  # opened again: read again
        assert rows(guide)[-1] == ("4", "地点 PLACE", "地名：泸州市、吉林市\n不含机构名里的地名")
        assert [action.text() for action in window.menuBar().actions()[-1].menu().actions()][:2] == \
            ["快捷键…", "标注指南…"]
    finally:
        install_translator(qapp, "en")
