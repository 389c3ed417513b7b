"""Help ▸ 标注指南 opens the window's guide panel at its top, in both windows: every label under a heading with the key
that tags it and a square of its colour, then its guideline (in Chinese while it is a default one); a label added
meanwhile is there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.labels import add_label
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, MONEY


def test_the_annotation_guide_in_the_help_menu_is_the_guide_panel_with_every_label_and_its_key(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot,
        qapp: QApplication) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="泸州.txt", text="泸州银行发放贷款。", source=""))
    install_translator(qapp, "zh")
    try:
        window = open_annotation(sessions, "张三", snapping=True)  # switching it off reads English
        dock = window.findChild(QDockWidget, "guide-dock")
        assert dock is not None
        dock.close()
        help_menu = window.menuBar().actions()[-1].menu()
        assert [action.text() for action in help_menu.actions()][:2] == ["快捷键…", "标注指南…"]
        window.actions_.by_name["label-guide"].trigger()
        assert dock.isVisible()
        shown = window.guidance.panel.plain_text()
        assert shown.startswith("项目总体规范")
        assert shown.index("■ [1] 项目 PROGRAM") < shown.index("有名称的项目") < shown.index("■ [2] 指标 METRIC") \
            < shown.index("■ [3] 机构 ORGANIZATION")
        with sessions.begin() as session:
            add_label(session, "PLACE", "地点", "#264653", "4", "地名：泸州市、吉林市")
        window.actions_.by_name["label-guide"].trigger()
        qtbot.waitUntil(lambda: "■ [4] 地点 PLACE\n地名：泸州市、吉林市" in window.guidance.panel.plain_text())
    finally:
        install_translator(qapp, "en")


def test_review_mode_opens_its_own_guide_panel_from_the_help_menu(
        sessions: sessionmaker[Session], luzhou_review: Callable, qtbot: QtBot,
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow]) -> None:
    luzhou_review({"张三": [BANK, MONEY], "李四": [BANK]})
    window = open_review(sessions, "王五")
    dock = window.findChild(QDockWidget, "guide-dock")
    assert dock is not None
    dock.close()
    window.actions_.by_name["label-guide"].trigger()
    assert dock.isVisible()
    assert "■ [2] 指标 METRIC" in window.notes.guide.plain_text()
