"""The editing controller on its own, without a window: given a layer, a view, the labels, snapping and an undo
history, its keys tag, refuse, relabel, resize and delete in the database, and say why when they don't."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.models import Label, Span
from biaozhu.gui.annotate.editing import SpanEditing
from biaozhu.gui.annotate.layer import Layer
from biaozhu.gui.annotate.snapping import Snapping
from biaozhu.gui.common.label_infos import label_set
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.common.undo import History
from biaozhu.gui.widgets.document_view import DocumentView

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”。"


class Editing:
    """The controller and what it was given, and what it said."""

    def __init__(self, sessions: sessionmaker[Session], project: OpenProject, qtbot: QtBot) -> None:
        with sessions.begin() as session:
            document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
            annotator_id = ensure_annotator(session, "张三").id
            self.labels = label_set(session)
        self.layer = Layer(project.runner, annotator_id)
        self.layer.open(document.id)
        self.view = DocumentView()
        qtbot.addWidget(self.view)
        self.view.show_text(self.layer.text, self.layer.index, self.labels.colours())
        self.layer.spans_changed.connect(lambda *_: self.view.viewport().update())
        self.history = History()
        self.said: list[str] = []
        self.controller = SpanEditing(self.layer, self.view, self.labels, Snapping(project.runner), self.history,
                                      self.said.append)
        self.sessions = sessions

    def label(self, name: str) -> int:
        found = self.labels.named(name)
        assert found is not None
        return found.id

    def tag(self, surface: str, label: str, occurrence: int = 0) -> None:
        start = -1
        for _ in range(occurrence + 1):
            start = TEXT.index(surface, start + 1)
        self.view.select_range(start, start + len(surface))
        self.controller.apply_label(self.label(label))

    def stored(self) -> list[tuple[int, int, str, str]]:
        with self.sessions() as session:
            return sorted(session.execute(select(Span.start, Span.end, Span.text, Label.name)
                                          .join(Label, Span.label_id == Label.id)).all())


@pytest.fixture
def editing(sessions: sessionmaker[Session], open_project: Callable[..., OpenProject], qtbot: QtBot) -> Editing:
    return Editing(sessions, open_project(sessions), qtbot)


def test_a_label_key_tags_the_selection_with_code_point_offsets(editing: Editing) -> None:
    editing.tag("酒城同心·金融速贷", "PROGRAM")
    assert editing.stored() == [(15, 24, "酒城同心·金融速贷", "PROGRAM")]
    assert [(s.start, s.end) for s in editing.layer.index] == [(15, 24)]
    assert editing.history.stack.count() == 1 and editing.said == []


def test_a_crossing_selection_is_refused_with_its_reason_and_nothing_is_stored(editing: Editing) -> None:
    editing.tag("统战部与泸州", "ORGANIZATION")
    editing.tag("泸州银行", "ORGANIZATION")
    assert editing.stored() == [(4, 10, "统战部与泸州", "ORGANIZATION")]
    assert editing.said and editing.said[-1].startswith("Refused: [8, 12) would cross the span “统战部与泸州”")
    assert editing.history.stack.count() == 1


def test_the_same_range_with_another_label_relabels_and_undo_restores_it(editing: Editing) -> None:
    editing.tag("泸州银行", "PROGRAM")
    editing.tag("泸州银行", "ORGANIZATION")
    assert editing.stored() == [(8, 12, "泸州银行", "ORGANIZATION")]
    editing.history.stack.undo()
    assert editing.stored() == [(8, 12, "泸州银行", "PROGRAM")]


def test_resize_and_delete_work_on_the_selected_span_and_undo_in_the_database(editing: Editing) -> None:
    editing.tag("泸州市委统战", "ORGANIZATION")
    editing.view.select_span(editing.layer.index.exact(0, 6)[0])
    editing.controller.resize_selected(0, 1)
    assert editing.stored() == [(0, 7, "泸州市委统战部", "ORGANIZATION")]
    editing.controller.delete_selected()
    assert editing.stored() == [] and len(editing.layer.index) == 0
    editing.history.stack.undo()
    editing.history.stack.undo()
    assert editing.stored() == [(0, 6, "泸州市委统战", "ORGANIZATION")]


def test_keys_with_nothing_selected_say_what_to_do(editing: Editing) -> None:
    editing.controller.delete_selected()
    editing.controller.apply_label(editing.label("METRIC"))
    assert editing.said == ["Click a span (or press Tab) to select it first.",
                            "Select some text first (mouse or Shift+arrows), or click a span to relabel it."]
    assert editing.stored() == []
