"""Comments in the database (issue 18), on SQLite and PostgreSQL: threads on documents and spans, resolved and
reopened; they go to the trash with their span, document or label and come back with it; merged with projects."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.comments import (
    CommentRefused,
    add_comment,
    comments_payload,
    remove_comment,
    resolve_thread,
    restore_comments,
    span_marks,
    threads,
    trash_comment,
)
from biaozhu.db.documents import add_document
from biaozhu.db.labels import delete_label, label_ids
from biaozhu.db.merge import merge_project
from biaozhu.db.models import Relation, RelationType, TrashItem
from biaozhu.db.permissions import change_role, ensure_person
from biaozhu.db.relations import add_relation, relation_between, trash_relation
from biaozhu.db.spans import add_span, restore_span, trash_span
from biaozhu.db.trash import restore, trash_document

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


def store(session: Session) -> tuple[int, int, int]:
    """王五 reviews; 张三 tagged 泸州银行 and the figure. (document, bank span, figure span)."""
    change_role(session, "王五", "王五", "reviewer")
    document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
    labels, me = label_ids(session), ensure_person(session, "张三").id
    return (document.id, add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行"),
            add_span(session, document.id, me, labels["METRIC"], 30, 39, "377.178亿元"))


def shown(session: Session, **where: object) -> list[tuple[str, bool, list[tuple[str, str]]]]:
    """Each thread as a user reads it: what it is on, resolved or not, who said what."""
    return [(thread.about(), thread.resolved, [(c.author, c.text) for c in thread.comments])
            for thread in threads(session, **where)]  # type: ignore[arg-type]


def test_threads_on_a_span_and_a_document_are_resolved_and_reopened(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, bank, figure = store(session)
        first = add_comment(session, None, "王五", "  是全称吗？ ", span_id=bank)
        reply = add_comment(session, None, "张三", "是", parent_id=first)
        add_comment(session, None, "王五", "好", parent_id=reply)  # a reply to a reply joins the thread
        add_comment(session, document, "王五", "第二段没标完")
    with sessions() as session:
        assert shown(session, document_id=document) == [
            ("ORGANIZATION 泸州银行 [8, 12)", False, [("王五", "是全称吗？"), ("张三", "是"), ("王五", "好")]),
            ("document", False, [("王五", "第二段没标完")])]
        assert span_marks(session, document) == {bank: (1, 1)}
    with sessions.begin() as session:
        assert resolve_thread(session, reply, "王五") is False
    with sessions() as session:
        assert [thread.resolved_by for thread in threads(session)] == ["王五", None]
        assert shown(session, unresolved=True) == [("document", False, [("王五", "第二段没标完")])]
        assert span_marks(session, document) == {bank: (1, 0)}
    with sessions.begin() as session:
        assert resolve_thread(session, first, "张三", resolved=False) is True
        remove_comment(session, first)  # undoing its making takes its replies with it
    with sessions() as session:
        assert span_marks(session, document) == {}
        assert [thread.about() for thread in threads(session)] == ["document"]


def test_empty_comments_and_gone_places_are_refused(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, bank, _ = store(session)
    with sessions.begin() as session, pytest.raises(CommentRefused, match="needs some text"):
        add_comment(session, document, "王五", "   ")
    with sessions.begin() as session:
        trash_span(session, bank)
    with sessions.begin() as session, pytest.raises(CommentRefused, match=f"span {bank} is gone"):
        add_comment(session, None, "王五", "?", span_id=bank)
    with sessions.begin() as session, pytest.raises(CommentRefused, match="there is no document 999"):
        add_comment(session, 999, "王五", "?")


def test_comments_go_to_the_trash_with_their_span_document_or_label_and_come_back(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, bank, figure = store(session)
        first = add_comment(session, None, "王五", "是全称吗？", span_id=bank)
        add_comment(session, None, "张三", "是", parent_id=first)
        add_comment(session, None, "王五", "单位对吗", span_id=figure)
        add_comment(session, document, "王五", "第二段没标完")
        resolve_thread(session, first, "王五")
    with sessions() as session:
        everything = shown(session)
    with sessions.begin() as session:
        trashed = trash_span(session, bank)
    with sessions() as session:
        assert [about for about, _, _ in shown(session)] == ["METRIC 377.178亿元 [30, 39)", "document"]
    with sessions.begin() as session:
        restore_span(session, trashed)
    with sessions() as session:
        assert sorted(shown(session)) == sorted(everything)  # resolved, with its reply, as it was
    with sessions.begin() as session:
        item = trash_document(session, document, "王五")
    with sessions() as session:
        assert threads(session) == []
    with sessions.begin() as session:
        restore(session, item)
    with sessions() as session:
        assert sorted(shown(session)) == sorted(everything)
    with sessions.begin() as session:
        deleted = delete_label(session, "METRIC", "王五")
    with sessions.begin() as session:
        restore(session, deleted.trash_id)
    with sessions() as session:
        assert sorted(shown(session)) == sorted(everything)


def test_a_comment_deleted_on_its_own_goes_to_the_trash_with_its_replies(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, bank, _ = store(session)
        first = add_comment(session, None, "张三", "是全称吗？", span_id=bank)
        add_comment(session, None, "王五", "是", parent_id=first)
    with sessions.begin() as session, pytest.raises(CommentRefused, match="only 张三 .* or a reviewer"):
        trash_comment(session, first, "李四")
    with sessions.begin() as session:
        item = trash_comment(session, first, "王五")
    with sessions() as session:
        assert threads(session) == []
    with sessions.begin() as session:
        assert restore(session, item) == ("comment", first)
    with sessions() as session:
        assert shown(session) == [("ORGANIZATION 泸州银行 [8, 12)", False, [("张三", "是全称吗？"), ("王五", "是")])]


def test_their_comments_merge_with_ids_remapped_and_merging_twice_adds_nothing(
        sessions: sessionmaker[Session], theirs: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        add_document(session, SourceDocument(name="other.txt", text="另一篇报告。", source=""))  # ids differ
    with theirs.begin() as session:
        document, bank, _ = store(session)
        first = add_comment(session, None, "王五", "是全称吗？", span_id=bank)
        add_comment(session, None, "张三", "是", parent_id=first)
        add_comment(session, document, "张三", "第二段没标完")
        resolve_thread(session, first, "王五")
    with theirs() as session:
        wanted = shown(session)
    for times in range(2):
        with sessions.begin() as mine, theirs() as other:
            result = merge_project(mine, other)
        assert (result.comments_added, result.comments_left) == ((3, 0) if times == 0 else (0, 0))
        with sessions() as session:
            assert shown(session) == wanted
            assert [thread.resolved_by for thread in threads(session)] == ["王五", None]


def test_a_relation_takes_comments_and_they_go_with_it(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, bank, figure = store(session)
        kind = session.scalars(select(RelationType).where(RelationType.name == "责任机构")).one()  # a default
        relation = Relation(document_id=document, annotator_id=ensure_person(session, "张三").id, type_id=kind.id,
                            from_span_id=figure, to_span_id=bank)
        session.add(relation)
        session.flush()
        first = add_comment(session, None, "王五", "方向对吗？", relation_id=relation.id)
        add_comment(session, None, "张三", "对", parent_id=first)
        kept = comments_payload(session, relation_ids=[relation.id])
    with sessions() as session:
        assert shown(session) == [("377.178亿元 →责任机构 泸州银行", False, [("王五", "方向对吗？"), ("张三", "对")])]
    with sessions.begin() as session:
        session.delete(session.get(Relation, relation.id))
    with sessions() as session:
        assert threads(session) == []
    with sessions.begin() as session:
        again = Relation(document_id=document, annotator_id=ensure_person(session, "张三").id, type_id=kind.id,
                         from_span_id=figure, to_span_id=bank)
        session.add(again)
        session.flush()
        restore_comments(session, kept, relation_ids={relation.id: again.id})  # as the trash brings them back
    with sessions() as session:
        assert [thread.relation_id for thread in threads(session)] == [again.id]


def linked(session: Session, document: int, figure: int, bank: int) -> int:
    """张三's 责任机构 link from the figure to the bank, with 王五's question and 张三's answer on it."""
    relation = add_relation(session, figure, bank, "责任机构")
    first = add_comment(session, None, "王五", "方向对吗？", relation_id=relation)
    add_comment(session, None, "张三", "对", parent_id=first)
    resolve_thread(session, first, "王五")
    return relation


def on_links(session: Session) -> list[tuple[int | None, bool, list[tuple[str, str]]]]:
    """Each relation thread as it is now: on which relation, resolved or not, who said what."""
    return [(thread.relation_id, thread.resolved, [(c.author, c.text) for c in thread.comments])
            for thread in threads(session) if thread.relation_id is not None]


def test_comments_on_a_relation_come_back_with_it_under_its_new_id(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, bank, figure = store(session)
        linked(session, document, figure, bank)
    talk = [("王五", "方向对吗？"), ("张三", "对")]

    def now(session: Session) -> None:
        ends = session.execute(select(Relation.from_span_id, Relation.to_span_id)).one()  # spans come back anew
        assert on_links(session) == [(relation_between(session, *ends, "责任机构"), True, talk)]

    deletions: list[Callable[[Session], int]] = [
        lambda session: trash_span(session, session.scalars(select(Relation.to_span_id)).one()),  # the link goes
        lambda session: trash_relation(session, session.scalars(select(Relation.id)).one()),  # the link alone
        lambda session: trash_document(session, document, "王五")]
    for deletion in deletions:
        with sessions.begin() as session:
            trashed = deletion(session)
        with sessions() as session:
            assert on_links(session) == []
        with sessions.begin() as session:
            restore(session, trashed)
        with sessions() as session:
            now(session)
    with sessions.begin() as session:  # both ends, one after the other: the link waits in the trash on its own
        figure = session.scalars(select(Relation.from_span_id)).one()
        bank = session.scalars(select(Relation.to_span_id)).one()
        first, second = trash_span(session, bank), trash_span(session, figure)
    with sessions.begin() as session:
        restore_span(session, first)
        waiting = session.scalars(select(TrashItem.id).where(TrashItem.kind == "relation")).one()
        restore_span(session, second)
        assert on_links(session) == []
        restore(session, waiting)
    with sessions() as session:
        now(session)
