"""The label set changed the way the 标签… dialog and `biaozhu labels` change it: refusals are sentences, a
deleted label goes to the trash with its spans and comes back with them, and every change moves the token
the app polls."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.audit import audit_log
from biaozhu.db.changes import change_token
from biaozhu.db.documents import add_document
from biaozhu.db.labels import (
    add_label,
    count_label_spans,
    delete_label,
    label_ids,
    list_labels,
    move_label,
    update_label,
)
from biaozhu.db.models import Span
from biaozhu.db.permissions import NotAReviewer, ensure_person
from biaozhu.db.spans import add_span, trash_span
from biaozhu.db.trash import list_trash, restore, trash_document

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"
REVIEWER = "王五"


@pytest.fixture(autouse=True)
def reviewer(sessions: sessionmaker[Session]) -> None:
    """The project's reviewer (the first person to act in it): only a reviewer deletes labels and documents."""
    with sessions.begin() as session:
        ensure_person(session, REVIEWER)


def names(session: Session) -> list[str]:
    return [label.name for label in list_labels(session)]


def annotate(sessions: sessionmaker[Session]) -> int:
    """Two annotators' ORGANIZATION spans and a METRIC span; returns the document id."""
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        labels = label_ids(session)
        for who in ("张三", "李四"):
            me = ensure_annotator(session, who).id
            add_span(session, document.id, me, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
            add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
        add_span(session, document.id, me, labels["METRIC"], 30, 39, "377.178亿元")
        return document.id


def spans(session: Session) -> set[tuple[str, int, int, int]]:
    names_by_id = {v: k for k, v in label_ids(session).items()}
    return {(names_by_id[label], who, start, end)
            for label, who, start, end in session.execute(select(Span.label_id, Span.annotator_id, Span.start,
                                                                 Span.end))}


def test_hotkey_and_name_conflicts_are_refused_with_a_sentence(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        with pytest.raises(Refusal, match="hotkey 1 is taken by PROGRAM"):
            add_label(session, "POLICY", hotkey="1")
        with pytest.raises(Refusal, match="hotkey W is taken by word snapping"):
            add_label(session, "POLICY", hotkey="w")
        with pytest.raises(Refusal, match="hotkey V is taken by editing a value"):
            add_label(session, "POLICY", hotkey="v")
        with pytest.raises(Refusal, match="one letter or digit"):
            add_label(session, "POLICY", hotkey="Ctrl+1")
        with pytest.raises(Refusal, match="there is a label METRIC already"):
            update_label(session, "PROGRAM", new_name="METRIC")
        with pytest.raises(Refusal, match="hotkey 2 is taken by METRIC"):
            update_label(session, "PROGRAM", hotkey="2")
        with pytest.raises(Refusal, match="hotkey P is taken by the suggestions"):
            add_label(session, "POLICY", hotkey="p")
        added = add_label(session, "POLICY", hotkey="y")
        assert added.hotkey == "Y"
        with pytest.raises(Refusal, match="taken by POLICY"):
            update_label(session, "PROGRAM", hotkey="Y")
        assert update_label(session, "PROGRAM", hotkey="").hotkey is None


def test_labels_move_along_the_bar(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        assert move_label(session, "ORGANIZATION", -1) == 1
        assert names(session) == ["PROGRAM", "ORGANIZATION", "METRIC"]
        assert move_label(session, "ORGANIZATION", -5) == 0
        assert move_label(session, "PROGRAM", 1) == 2
        assert names(session) == ["ORGANIZATION", "METRIC", "PROGRAM"]


def test_a_deleted_label_goes_to_the_trash_with_its_spans_and_comes_back(sessions: sessionmaker[Session]) -> None:
    annotate(sessions)
    with sessions() as session:
        before = spans(session)
        assert count_label_spans(session, "ORGANIZATION") == 4
    with sessions.begin() as session, pytest.raises(NotAReviewer, match="only a reviewer may delete labels"):
        delete_label(session, "ORGANIZATION", "张三")
    with sessions.begin() as session:
        deleted = delete_label(session, "ORGANIZATION", REVIEWER)
        assert deleted.spans == 4
    with sessions() as session:
        assert names(session) == ["PROGRAM", "METRIC"]
        assert {s[0] for s in spans(session)} == {"METRIC"}
        [entry] = list_trash(session)
        assert (entry.kind, entry.summary) == ("label", "ORGANIZATION 机构 (4 spans)")
        assert [(e.actor, e.detail) for e in audit_log(session) if e.action == "delete"] == [
            (REVIEWER, f"label ORGANIZATION (4 spans), trash item {entry.id}")]
    with sessions.begin() as session:  # a new label never takes the deleted one's id
        add_label(session, "PERSON")
    with sessions.begin() as session:
        assert restore(session, deleted.trash_id)[0] == "label"
    with sessions() as session:
        assert names(session) == ["PROGRAM", "METRIC", "ORGANIZATION", "PERSON"]
        assert spans(session) == before
        assert list_trash(session) == []


def test_spans_of_a_trashed_label_wait_for_it(sessions: sessionmaker[Session]) -> None:
    """A span or document deleted before its label cannot come back before the label; after it, it can."""
    document = annotate(sessions)
    with sessions.begin() as session:
        organisation = label_ids(session)["ORGANIZATION"]
        span_trash = trash_span(session, session.scalar(select(Span.id).where(Span.label_id == organisation,
                                                                               Span.start == 8)))
        label_trash = delete_label(session, "ORGANIZATION", REVIEWER).trash_id
    with sessions.begin() as session, pytest.raises(Refusal, match="ORGANIZATION, which is in the trash"):
        restore(session, span_trash)
    with sessions.begin() as session:
        document_trash = trash_document(session, document, REVIEWER)  # the trashed span goes with it
    with sessions.begin() as session, pytest.raises(Refusal, match="ORGANIZATION, which is in the trash"):
        restore(session, document_trash)
    with sessions.begin() as session:  # the label's spans whose document is gone stay in the trash, as spans
        restore(session, label_trash)
        assert sorted(e.kind for e in list_trash(session)) == ["document", "span", "span", "span"]
    with sessions.begin() as session:
        restore(session, document_trash)
    for entry in list_trash(sessions()):
        with sessions.begin() as session:
            restore(session, entry.id)
    with sessions() as session:
        assert len(spans(session)) == 5 and list_trash(session) == []


def test_a_restored_label_whose_name_is_taken_again_is_refused(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        trash_id = delete_label(session, "METRIC", REVIEWER).trash_id
        add_label(session, "METRIC", hotkey="2")
    with sessions.begin() as session, pytest.raises(Refusal, match="there is a label METRIC again"):
        restore(session, trash_id)


def test_every_change_of_a_label_moves_the_token(sessions: sessionmaker[Session]) -> None:
    def token() -> object:
        with sessions() as session:
            return change_token(session)

    for change in (lambda s: update_label(s, "PROGRAM", new_name="PROJECT"),
                   lambda s: update_label(s, "PROJECT", title="项目2"),
                   lambda s: update_label(s, "PROJECT", color="#000000"),
                   lambda s: update_label(s, "PROJECT", definition="x\ny"),
                   lambda s: update_label(s, "PROJECT", hotkey="9"),
                   lambda s: move_label(s, "PROJECT", 1),
                   lambda s: add_label(s, "LAW"),
                   lambda s: delete_label(s, "LAW", REVIEWER)):
        before = token()
        with sessions.begin() as session:
            change(session)
        assert token() != before
