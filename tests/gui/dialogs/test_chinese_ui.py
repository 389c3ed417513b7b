"""The Chinese UI is complete where data meets words: the default labels' definitions read in Chinese, the
trash and agreement dialogs name labels by their titles (项目), not their codes (PROGRAM), and the export
preview's own words are Chinese."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.importing import store_documents
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span, trash_span
from biaozhu.db.trash import TrashEntry
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.common.label_infos import label_set, shown_definition
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.dialogs.agreement import AgreementDialog
from biaozhu.gui.dialogs.export_worker import preview_of
from biaozhu.gui.dialogs.labels import LabelsDialog
from biaozhu.gui.dialogs.trash import TrashDialog
from biaozhu.gui.widgets.label_bar import LabelBar
from biaozhu.operations.export import ExportRequest

TEXT = "泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "zh")
    yield
    install_translator(qapp, "en")


def test_the_default_labels_definitions_read_in_chinese(chinese: None, sessions: sessionmaker[Session],
                                                         qtbot: QtBot) -> None:
    with sessions() as session:
        labels = label_set(session)
    bar = LabelBar(labels.labels)
    qtbot.addWidget(bar)
    program = labels.named("PROGRAM")
    assert program is not None and program.definition.startswith("A named programme")
    tooltip = bar.buttons[program.id].toolTip()
    assert "有名称的项目" in tooltip and "A named programme" not in tooltip


def test_a_changed_definition_is_shown_as_written(chinese: None, sessions: sessionmaker[Session]) -> None:
    assert shown_definition("本单位自定的定义") == "本单位自定的定义"


def test_the_trash_names_labels_by_title_and_counts_spans_in_chinese(
        chinese: None, sessions: sessionmaker[Session], open_project: Callable[..., OpenProject],
        qtbot: QtBot) -> None:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        me = ensure_annotator(session, "张三").id
        trash_span(session, add_span(session, document.id, me, label_ids(session)["ORGANIZATION"], 0, 4, "泸州银行"))
    dialog = TrashDialog(open_project(sessions).runner, "张三")
    qtbot.addWidget(dialog)
    dialog.reload()
    table = dialog.findChild(QTableWidget, "trash")
    assert [table.item(row, 1).text() for row in range(table.rowCount())] == ["机构 泸州银行"]
    deleted = TrashEntry(1, "document", "吉林.txt (12 spans)", datetime.now(UTC), 2, None)  # as db/trash words it
    assert dialog.what(deleted) == "吉林.txt（12 个标注）"


def test_the_agreement_dialog_names_labels_by_title(sessions: sessionmaker[Session],
                                                    open_project: Callable[..., OpenProject], qtbot: QtBot) -> None:
    with sessions.begin() as session:
        for who, label in (("张三", "PROGRAM"), ("李四", "METRIC")):
            store_documents(session, f"{who}.jsonl", [SourceDocument(
                name="报告", text=TEXT, source="", spans=[Span(7, 15, label, TEXT[7:15])], annotator=who)])
    dialog = AgreementDialog(open_project(sessions).runner)
    qtbot.addWidget(dialog)
    labels = dialog.findChild(QTableWidget, "labels")
    firsts = [labels.item(row, 0).text() for row in range(labels.rowCount())]
    assert "项目" in firsts and "指标" in firsts and "PROGRAM" not in firsts
    confusion = dialog.findChild(QTableWidget, "confusion")
    headers = [confusion.horizontalHeaderItem(c).text() for c in range(confusion.columnCount())]
    assert "李四: 指标" in headers
    assert "项目" in dialog.summary.text()


def test_the_export_preview_speaks_chinese(chinese: None, sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="长报告.txt", text="泸州" * 400, source=""))
    with sessions() as session:
        shown = preview_of(ExportRequest())(session)
    assert "（省略 680 个字符）" in shown and "more characters" not in shown


def test_the_labels_dialog_shows_a_default_definition_in_chinese_and_keeps_it_the_default(
        chinese: None, sessions: sessionmaker[Session], open_project: Callable[..., OpenProject],
        qtbot: QtBot) -> None:
    dialog = LabelsDialog(open_project(sessions).runner, "张三")
    qtbot.addWidget(dialog)
    dialog.reload(select="PROGRAM")
    assert dialog.definition.toPlainText().startswith("有名称的项目")
    dialog.hotkey.setText("7")
    dialog.save()  # the definition untouched: it stays the default, so each user reads it in their language
    with sessions() as session:
        program = label_set(session).named("PROGRAM")
    assert program is not None and program.hotkey == "7" and program.definition.startswith("A named programme")


def test_qt_file_dialogs_speak_chinese_too(chinese: None, qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "导入", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in shown and "文件类型(&T)：" in shown and not any("Look in" in text for text in shown)
