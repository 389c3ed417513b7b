"""The 关系类型… dialog (Annotate menu): a type added, its labels ticked, renamed, and deleted unless used; R in
the window offers the types as the dialog left them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.permissions import change_role
from biaozhu.db.relation_types import list_relation_types
from biaozhu.db.relations import add_relation
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.relation_types import RelationTypesDialog

ME = "王五"  # a reviewer: may delete types
TEXT = "泸州银行与泸州市工商联推出“酒城同心·金融速贷”，发放377.178亿元。"


def project(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        change_role(session, ME, ME, "reviewer")
        document = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))[0].id
        labels, me = label_ids(session), ensure_annotator(session, ME).id
        spans = {}
        for piece, label in (("泸州银行", "ORGANIZATION"), ("泸州市工商联", "ORGANIZATION"),
                             ("酒城同心·金融速贷", "PROGRAM"), ("377.178亿元", "METRIC")):
            start = TEXT.index(piece)
            spans[piece] = add_span(session, document, me, labels[label], start, start + len(piece), piece)
        add_relation(session, spans["377.178亿元"], spans["酒城同心·金融速贷"], "所属项目")
        return document


def tick(box: QListWidget, *names: str) -> None:
    for n in range(box.count()):
        item = box.item(n)
        item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)


def stored(sessions: sessionmaker[Session]) -> list[tuple[str, str, list[str], list[str]]]:
    with sessions() as session:
        return [(k.name, k.title, k.from_labels, k.to_labels) for k in list_relation_types(session)]


def test_a_type_is_added_edited_and_deleted_and_r_follows(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = open_annotation(sessions, ME, project(sessions))
    window.actions_.by_name["relation-types"].trigger()
    dialog = window.linking.types_dialog
    assert isinstance(dialog, RelationTypesDialog)
    assert [dialog.list.item(n).text() for n in range(dialog.list.count())] == [
        "所属项目: METRIC → PROGRAM", "责任机构: METRIC/PROGRAM → ORGANIZATION"]
    dialog.start_new()
    dialog.name.setText("合作")
    dialog.title_edit.setText("合作机构")
    tick(dialog.from_labels, "ORGANIZATION")
    tick(dialog.to_labels, "ORGANIZATION")
    dialog.save_button.click()
    assert stored(sessions)[-1] == ("合作", "合作机构", ["ORGANIZATION"], ["ORGANIZATION"])

    window.select_span(next(span for span in window.layer.index if span.text == "泸州银行"))
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert [badge.span.text for badge in window.view.links.badges] == [
        "泸州市工商联", "酒城同心·金融速贷", "377.178亿元"]  # the new type joins the two organisations
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)

    dialog.list.setCurrentRow(0)
    dialog.title_edit.setText("属于项目")
    dialog.save_button.click()
    assert stored(sessions)[0][:2] == ("所属项目", "属于项目")
    dialog.list.setCurrentRow(0)
    dialog.delete_button.click()
    assert "joins 1 pairs of spans" in dialog.findChild(QLabel, "relation-types-message").text()
    dialog.list.setCurrentRow(2)
    dialog.delete_button.click()
    assert [kind[0] for kind in stored(sessions)] == ["所属项目", "责任机构"]
    assert dialog.list.count() == 2
