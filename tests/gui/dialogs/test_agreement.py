"""The agreement dialog shows the figures corpus/agreement.py computes, and a click on a count leads to the
disagreement behind it, in the dialog's list and in the review window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.agreement import measure_agreement
from biaozhu.corpus.model import Relation, SourceDocument, Span
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.db.review import iter_annotated
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.dialogs.agreement import AgreementDialog, figure
from biaozhu.gui.review.window import ReviewWindow
from biaozhu.gui.windows import Windows

TEXTS = ["泸州银行发放酒城同心金融速贷377亿元，市工商联参与。", "吉林省委统战部开展万企兴万村行动，帮扶1007户。"]


def at(text: str, surface: str, label: str) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface)


LAYERS = {
    "张三": [[at(TEXTS[0], "泸州银行", "ORGANIZATION"), at(TEXTS[0], "酒城同心金融速贷", "PROGRAM"),
             at(TEXTS[0], "377亿元", "METRIC")],
            [at(TEXTS[1], "吉林省委统战部", "ORGANIZATION"), at(TEXTS[1], "万企兴万村行动", "PROGRAM"),
             at(TEXTS[1], "1007户", "METRIC")]],
    "李四": [[at(TEXTS[0], "泸州银行", "ORGANIZATION"), at(TEXTS[0], "酒城同心", "PROGRAM"),
             at(TEXTS[0], "377亿元", "PROGRAM")],
            [at(TEXTS[1], "吉林省委统战部", "ORGANIZATION"), at(TEXTS[1], "万企兴万村", "PROGRAM")]],
}

RELATIONS = {("张三", 0): [Relation(LAYERS["张三"][0][2], LAYERS["张三"][0][1], "所属项目")]}  # 377亿元 → the programme


@pytest.fixture
def project(sqlite_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_project_engine(str(sqlite_path))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for annotator, layers in LAYERS.items():
            store_documents(session, f"{annotator}.jsonl", [
                SourceDocument(name=f"报告{i + 1}", text=text, source="", spans=spans, annotator=annotator,
                               relations=RELATIONS.get((annotator, i), []))
                for i, (text, spans) in enumerate(zip(TEXTS, layers, strict=True))])
        change_role(session, "王五", "王五", "reviewer")
    yield sessions
    engine.dispose()


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]


def header(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]


def click(qtbot: QtBot, table: QTableWidget, row: int, column: int) -> None:
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_tables_show_the_figures_of_the_agreement_module(project: sessionmaker[Session], qtbot: QtBot,
                                                             open_project: Callable[..., OpenProject]) -> None:
    with project() as session:
        report = measure_agreement(list(iter_annotated(session)))
    [pair] = report.pairs
    dialog = AgreementDialog(open_project(project).runner)
    qtbot.addWidget(dialog)
    dialog.show()
    room = dialog.screen().availableGeometry()  # no bigger than the screen: its buttons in sight at 1366×768
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    row = cells(dialog.findChild(QTableWidget, "pairs"), 0)
    exact, overlap = pair.total("exact"), pair.total("overlap")
    assert row[:4] == ["张三", "李四", "2", figure(pair.kappa)]
    assert row[4:10] == [figure(v) for v in (exact.precision, exact.recall, exact.f1,
                                             overlap.precision, overlap.recall, overlap.f1)]
    assert row[10:15] == ["2", "1", "0", "1", "0"]  # boundary ×2, label, only 张三 (1007户)
    assert row[15] == "0.000"  # relation F1: 张三's one relation is not 李四's
    relations = dialog.findChild(QTableWidget, "relations")
    assert [cells(relations, r) for r in range(relations.rowCount())] == [
        ["all", "–", "0.000", "0.000", "1", "0"], ["所属项目", "–", "0.000", "0.000", "1", "0"]]
    assert exact.f1 == pytest.approx(2 * 2 / 11) and overlap.f1 == pytest.approx(2 * 4 / 11)
    assert figure(report.alpha) in dialog.summary.text()
    labels = dialog.findChild(QTableWidget, "labels")
    program = next(cells(labels, r) for r in range(labels.rowCount()) if cells(labels, r)[0] == "项目")  # by title
    counts = pair.overlap["PROGRAM"]
    assert program[4:7] == [figure(counts.precision), figure(counts.recall), figure(counts.f1)]
    confusion = dialog.findChild(QTableWidget, "confusion")
    columns = [h.split(": ")[1] for h in header(confusion)]
    metric_row = columns.index("指标")
    assert cells(confusion, metric_row)[columns.index("项目")] == "1"  # 377亿元: METRIC for 张三, PROGRAM for 李四
    assert cells(confusion, metric_row)[columns.index("O")] == "1"  # 1007户: only 张三
    dialog.close()


def test_a_click_on_a_count_leads_to_the_disagreement(project: sessionmaker[Session], qtbot: QtBot,
                                                       open_windows: Callable[..., Windows]) -> None:
    with project() as session:
        second = session.scalar(select(Document.id).where(Document.name == "报告2"))
    windows = open_windows(project, "王五")
    window = windows.review()
    window.actions_.by_name["agreement"].trigger()
    dialog = windows.agreement_dialog
    assert dialog is not None
    documents = dialog.findChild(QTableWidget, "documents")
    assert [cells(documents, r)[0] for r in range(documents.rowCount())] == ["报告1", "报告2"]
    only_a = header(documents).index("only 张三")
    assert cells(documents, 1)[only_a] == "1"
    with qtbot.waitSignal(dialog.disagreement_activated) as emitted:
        click(qtbot, documents, 1, only_a)
    start = TEXTS[1].index("1007户")
    assert emitted.args == [second, start, start + 5]
    details = dialog.findChild(QTableWidget, "details")
    assert details.rowCount() == 1 and "1007户" in cells(details, 0)[3]
    assert window.document is not None and window.document.id == second
    assert window.view.current is not None
    assert window.document.disagreements[window.view.current].kind == "missing"
    pairs = dialog.findChild(QTableWidget, "pairs")
    with qtbot.waitSignal(dialog.disagreement_activated) as emitted:
        click(qtbot, pairs, 0, header(pairs).index("boundary"))  # both boundary disagreements, the first one emitted
    assert details.rowCount() == 2 and emitted.args[0] != second
    with qtbot.waitSignal(dialog.disagreement_activated) as emitted:
        click(qtbot, details, 1, 0)
    assert emitted.args[0] == second and window.document.id == second
    dialog.close()
    window.close()


def test_the_main_windows_review_menu_opens_review_mode_and_the_agreement_dialog(
        project: sessionmaker[Session], qtbot: QtBot, open_windows: Callable[..., Windows]) -> None:
    """From the annotation window: Ctrl+Shift+R opens review mode for the same person; Review ▸ Agreement…
    opens the figures, and a click on a count opens review mode at that disagreement."""
    with project() as session:
        second = session.scalar(select(Document.id).where(Document.name == "报告2"))
    windows = open_windows(project, "王五")
    window = windows.annotate()
    review_mode = window.actions_.by_name["review-mode"]
    assert review_mode.shortcut().toString() == "Ctrl+Shift+R"
    review_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    assert {"review-mode", "agreement"} <= {a.objectName() for a in review_menu.actions()}
    review_mode.trigger()
    review = windows.review_window
    assert isinstance(review, ReviewWindow) and review.isVisible()
    assert review.reviewer == "王五" and review.gold.can_write
    review.close()
    assert window.isVisible(), "closing review mode leaves the annotation window open"
    review_mode.trigger()  # opened again: the same window, shown again
    assert windows.review_window is review and review.isVisible()
    review.close()

    window.actions_.by_name["agreement"].trigger()
    dialog = windows.agreement_dialog
    assert isinstance(dialog, AgreementDialog) and dialog.isVisible()
    documents = dialog.findChild(QTableWidget, "documents")
    with qtbot.waitSignal(dialog.disagreement_activated):
        click(qtbot, documents, 1, header(documents).index("only 张三"))
    assert review.isVisible() and review.document is not None and review.document.id == second
    assert review.view.current is not None
    assert review.document.disagreements[review.view.current].kind == "missing"
    window.close()
    assert not review.isVisible(), "closing the annotation window closes its review window"
