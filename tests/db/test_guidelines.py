"""Guidelines in the database: the project's guideline, pinned examples in their context, and the shared set a
team passes round (issue 18), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.guidelines import GuideExample, SharedSet
from biaozhu.corpus.model import LabelDef, SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.guidelines import (
    PinRefused,
    apply_shared_set,
    list_examples,
    pin_example,
    project_guideline,
    set_project_guideline,
    shared_set,
)
from biaozhu.db.labels import delete_label, label_ids, update_label
from biaozhu.db.permissions import NotAReviewer, change_role, ensure_person
from biaozhu.db.spans import add_span, restore_span, trash_span
from biaozhu.db.trash import restore, trash_document

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


def project(sessions: sessionmaker[Session]) -> dict[str, int]:
    """王五 reviews; 张三 annotated two organisations and a figure. Returns the spans' ids by text."""
    with sessions.begin() as session:
        change_role(session, "王五", "王五", "reviewer")
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        labels, me = label_ids(session), ensure_person(session, "张三").id
        return {text: add_span(session, document.id, me, labels[label], start, end, text)
                for start, end, label, text in ((0, 7, "ORGANIZATION", "泸州市委统战部"),
                                                (8, 12, "ORGANIZATION", "泸州银行"),
                                                (30, 39, "METRIC", "377.178亿元"))}


def test_pinned_examples_show_in_their_context_and_unpin(sessions: sessionmaker[Session]) -> None:
    spans = project(sessions)
    with sessions.begin() as session:
        assert pin_example(session, spans["泸州银行"], "good", "王五", "一家银行") is None
        assert pin_example(session, spans["377.178亿元"], "bad", "王五") is None
    with sessions() as session:
        found = {item.example for item in list_examples(session)}
        assert found == {GuideExample("ORGANIZATION", "good", "泸州市委统战部与", "泸州银行", "推出“酒城同心·金融速贷",
                                      "一家银行"),
                         GuideExample("METRIC", "bad", "心·金融速贷”，发放贷款", "377.178亿元", "。")}
        assert [item.example.text for item in list_examples(session, "METRIC")] == ["377.178亿元"]
    with sessions.begin() as session:
        assert pin_example(session, spans["泸州银行"], None, "王五") == "good"
        assert pin_example(session, spans["377.178亿元"], "good", "王五") == "bad"
    with sessions() as session:
        assert [(item.example.text, item.example.verdict) for item in list_examples(session)] == [
            ("377.178亿元", "good")]


def test_only_a_reviewer_pins_and_a_deleted_span_is_no_example(sessions: sessionmaker[Session]) -> None:
    spans = project(sessions)
    with sessions.begin() as session, pytest.raises(NotAReviewer, match="only a reviewer may pin"):
        pin_example(session, spans["泸州银行"], "good", "张三")
    with sessions.begin() as session:
        pin_example(session, spans["泸州银行"], "good", "王五")
        trash_span(session, spans["泸州银行"])
    with sessions() as session:
        assert list_examples(session) == []
    with sessions.begin() as session, pytest.raises(PinRefused, match="is gone"):
        pin_example(session, spans["泸州银行"], "good", "王五")


def test_a_shared_set_carries_guidelines_and_examples_to_another_project(
        sessions: sessionmaker[Session]) -> None:
    spans = project(sessions)
    with sessions.begin() as session:
        set_project_guideline(session, "# 总则\n- 只标**正式名称**")
        update_label(session, "ORGANIZATION", definition="机构：\n- 标全称\n- 不标简称")
        pin_example(session, spans["泸州银行"], "good", "王五")
    with sessions() as session:
        shared = shared_set(session)
    assert shared["guideline"] == "# 总则\n- 只标**正式名称**"
    organisation = next(label for label in shared["labels"] if label["name"] == "ORGANIZATION")
    assert organisation["definition"] == "机构：\n- 标全称\n- 不标简称"
    assert organisation["examples"] == [{"verdict": "good", "before": "泸州市委统战部与", "text": "泸州银行",
                                         "after": "推出“酒城同心·金融速贷", "note": ""}]
    incoming = SharedSet([LabelDef("POLICY", "政策", "#123456", "", "政策：稳岗政策")], "# 新总则",
                         [GuideExample("POLICY", "good", "实施", "稳岗政策", "。"),
                          GuideExample("ORGANIZATION", "good", "泸州市委统战部与", "泸州银行",
                                       "推出“酒城同心·金融速贷")])
    with sessions.begin() as session:
        assert apply_shared_set(session, incoming)[:3] == (["POLICY"], [], 1)  # the pinned one is shown already
        assert apply_shared_set(session, incoming)[:3] == ([], ["POLICY"], 0)  # twice adds nothing
    with sessions() as session:
        assert project_guideline(session) == "# 新总则"
        assert [(item.example.text, item.span_id is None) for item in list_examples(session)] == [
            ("泸州银行", False), ("稳岗政策", True)]


def test_a_pin_goes_to_the_trash_with_its_span_document_or_label_and_comes_back(
        sessions: sessionmaker[Session]) -> None:
    spans = project(sessions)
    with sessions.begin() as session:
        pin_example(session, spans["泸州银行"], "good", "王五", "全称")
        pin_example(session, spans["377.178亿元"], "bad", "王五")

    def pinned() -> set[tuple[str, str, str]]:
        with sessions() as session:
            return {(item.example.text, item.example.verdict, item.example.note) for item in list_examples(session)}

    everything = pinned()
    with sessions.begin() as session:
        trashed = trash_span(session, spans["泸州银行"])
    assert pinned() == {("377.178亿元", "bad", "")}
    with sessions.begin() as session:
        restore_span(session, trashed)
    assert pinned() == everything
    with sessions.begin() as session:
        document = trash_document(session, 1, "王五")
    assert pinned() == set()
    with sessions.begin() as session:
        restore(session, document)
    assert pinned() == everything
    with sessions.begin() as session:
        deleted = delete_label(session, "METRIC", "王五")
    with sessions.begin() as session:
        restore(session, deleted.trash_id)
    assert pinned() == everything
