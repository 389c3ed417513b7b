"""METRIC values in the annotation window (issue 16): the span table shows value and unit, a filter keeps the
figures not read, and V opens a small dialog whose value is stored by hand, undone and redone with Ctrl+Z/Y."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.metric_value import MetricValueDialog

ME = "张三"
TEXT = "泸州银行发放贷款377.178亿元，帮扶近千户，惠及若干企业，贷款5-8万元。"
VALUE, UNIT = 4, 5


def project(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        document = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))[0].id
        labels, me = label_ids(session), ensure_annotator(session, ME).id
        for piece, label in (("泸州银行", "ORGANIZATION"), ("377.178亿元", "METRIC"), ("若干企业", "METRIC"),
                             ("5-8万元", "METRIC")):
            start = TEXT.index(piece)
            add_span(session, document, me, labels[label], start, start + len(piece), piece)
        return document


@pytest.fixture
def window(qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> MainWindow:
    opened = open_annotation(sessions, ME, project(sessions))
    qtbot.waitUntil(lambda: len(rows(opened)) == 4)
    return opened


def pick(window: MainWindow, text: str) -> None:
    window.select_span(next(span for span in window.layer.index if span.text == text))


def rows(window: MainWindow) -> list[tuple[str, str, str]]:
    model = window.span_table.findChild(QTableView).model()
    return [(model.index(row, 0).data(), model.index(row, VALUE).data(), model.index(row, UNIT).data())
            for row in range(model.rowCount())]


def stored(sessions: sessionmaker[Session], text: str) -> tuple[object, ...]:
    with sessions() as session:
        return tuple(session.execute(select(Span.value, Span.value_max, Span.unit, Span.qualifier,
                                            Span.value_by_hand).where(Span.text == text)).one())


def test_the_table_shows_values_and_units_and_filters_the_unread(window: MainWindow) -> None:
    assert rows(window) == [("泸州银行", "", ""), ("377.178亿元", "37717800000", "元"), ("若干企业", "?", ""),
                            ("5-8万元", "50000–80000", "元")]
    header = window.span_table.findChild(QTableView).model()
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in (VALUE, UNIT)] == ["Value", "Unit"]
    window.span_table.findChild(QCheckBox, "span-unparsed-filter").setChecked(True)
    assert rows(window) == [("若干企业", "?", "")]
    choose = window.span_table.findChild(QComboBox, "span-scope")
    choose.setCurrentIndex(1)  # all documents: asked of the database
    assert rows(window) == [("若干企业", "?", "")]


def answer(qtbot: QtBot, value: str, unit: str, qualifier: str = "exact", top: str = "") -> Callable[[QWidget], None]:
    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, MetricValueDialog)
        dialog.findChild(QLineEdit, "metric-value").setText(value)
        dialog.findChild(QLineEdit, "metric-value-max").setText(top)
        dialog.findChild(QLineEdit, "metric-unit").setText(unit)
        combo = dialog.findChild(QComboBox, "metric-qualifier")
        combo.setCurrentIndex(combo.findData(qualifier))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return fill_in


def test_v_sets_a_value_by_hand_and_undo_takes_it_back(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow, when_modal, activate) -> None:
    pick(window, "若干企业")

    seen: list[str] = []

    def check_shown(dialog: QWidget) -> None:
        seen.append(dialog.findChild(QLineEdit, "metric-value").text())
        answer(qtbot, "12", "家", "about")(dialog)

    when_modal(check_shown)
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    assert seen == [""]  # not read: nothing guessed
    assert stored(sessions, "若干企业") == ("12", None, "家", "about", True)
    qtbot.waitUntil(lambda: ("若干企业", "12", "家") in rows(window))  # the table follows on its timer

    activate(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions, "若干企业") == (None, None, None, None, False)
    qtbot.waitUntil(lambda: ("若干企业", "?", "") in rows(window))
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions, "若干企业") == ("12", None, "家", "about", True)


def test_a_refused_value_says_why_and_other_labels_have_none(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow, when_modal, activate) -> None:
    pick(window, "5-8万元")
    when_modal(answer(qtbot, "八万", "元"))
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    assert "not a number" in window.statusBar().currentMessage()
    assert stored(sessions, "5-8万元") == ("50000", "80000", "元", "range", False)
    activate(window)
    pick(window, "泸州银行")
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    assert "Only METRIC spans have a value" in window.statusBar().currentMessage()


def test_a_hand_set_value_comes_back_when_a_resize_is_undone(
        qtbot: QtBot, sessions: sessionmaker[Session], window: MainWindow, when_modal, activate) -> None:
    pick(window, "377.178亿元")
    when_modal(answer(qtbot, "37717800001", "元"))
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    activate(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(sessions, "377.178亿") == ("37717800000", None, "", "exact", False)  # a new text: computed
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sessions, "377.178亿元") == ("37717800001", None, "元", "exact", True)
