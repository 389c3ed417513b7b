"""The span table's filter as a user drives it: by label, by text, and all documents, where a click opens the
span in its document; the all-documents list is capped with a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow

ME = "张三"
LUZHOU = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"
JILIN = "吉林省委统战部开展“万企兴万村”行动，帮扶1007户，吉林银行参与。"


def project(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions.begin() as session:
        luzhou = add_document(session, SourceDocument(name="泸州.txt", text=LUZHOU, source=""))[0].id
        jilin = add_document(session, SourceDocument(name="吉林.txt", text=JILIN, source=""))[0].id
        labels, me = label_ids(session), ensure_annotator(session, ME).id
        other = ensure_annotator(session, "李四").id
        org, metric = "ORGANIZATION", "METRIC"
        for document, text, spans in (
                (luzhou, LUZHOU, [("泸州市委统战部", org), ("泸州银行", org), ("377.178亿元", metric)]),
                (jilin, JILIN, [("吉林省委统战部", org), ("1007户", metric), ("吉林银行", org)])):
            for piece, label in spans:
                start = text.index(piece)
                add_span(session, document, me, labels[label], start, start + len(piece), piece)
        add_span(session, jilin, other, labels["PROGRAM"], 9, 16, JILIN[9:16])  # another layer: never listed
        return luzhou, jilin


def table_texts(window: MainWindow) -> list[list[str]]:
    model = window.span_table.findChild(QTableView).model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def choose(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_the_span_table_filters_by_label_and_text(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    luzhou, _ = project(sessions)
    window = open_annotation(sessions, ME, luzhou)
    qtbot.waitUntil(lambda: len(table_texts(window)) == 3)
    choose(window.span_table.findChild(QComboBox, "span-label-filter"), "机构 ORGANIZATION")
    assert [row[0] for row in table_texts(window)] == ["泸州市委统战部", "泸州银行"]
    qtbot.keyClicks(window.span_table.findChild(QLineEdit, "span-text-filter"), "yin")  # no match
    assert table_texts(window) == []
    window.span_table.findChild(QLineEdit, "span-text-filter").setText("银行")
    assert [row[0] for row in table_texts(window)] == ["泸州银行"]
    # An edit refreshes the table through the same filter.
    window.view.setFocus()
    window.view.select_range(LUZHOU.index("统战部"), LUZHOU.index("统战部") + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: len(window.layer.index) == 4)
    qtbot.wait(50)
    assert [row[0] for row in table_texts(window)] == ["泸州银行"]


def test_all_documents_lists_my_spans_everywhere_and_a_click_opens_one(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    luzhou, jilin = project(sessions)
    window = open_annotation(sessions, ME, luzhou)
    qtbot.waitUntil(lambda: len(table_texts(window)) == 3)  # the table fills in once the text is painted
    bar = window.span_table
    choose(bar.findChild(QComboBox, "span-label-filter"), "机构 ORGANIZATION")
    choose(bar.findChild(QComboBox, "span-scope"), "All documents")
    assert table_texts(window) == [["泸州市委统战部", "机构", "0", "7", "", "", "", "", "泸州.txt"],
                                   ["泸州银行", "机构", "8", "12", "", "", "", "", "泸州.txt"],
                                   ["吉林省委统战部", "机构", "0", "7", "", "", "", "", "吉林.txt"],
                                   ["吉林银行", "机构", "27", "31", "", "", "", "", "吉林.txt"]]
    assert bar.findChild(QLabel, "span-note").text() == "4 spans in all documents"

    view = bar.findChild(QTableView)
    row = [r[0] for r in table_texts(window)].index("吉林银行")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(row, 0)).center())
    assert window.layer.document_id == jilin
    assert window.selected_span() is not None and window.selected_span().text == "吉林银行"
    assert len(table_texts(window)) == 4  # still all documents

    window.span_scope.limit = 2
    bar.findChild(QLineEdit, "span-text-filter").setText("统战")
    assert len(table_texts(window)) == 2
    bar.findChild(QLineEdit, "span-text-filter").setText("")
    assert len(table_texts(window)) == 2
    assert bar.findChild(QLabel, "span-note").text() == \
        "The first 2 spans are shown: narrow the filter to see the rest."
    choose(bar.findChild(QComboBox, "span-scope"), "This document")
    qtbot.waitUntil(lambda: [row[0] for row in table_texts(window)] == ["吉林省委统战部", "吉林银行"])
    assert bar.findChild(QLabel, "span-note").isHidden()
