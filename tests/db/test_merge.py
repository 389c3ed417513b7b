"""Merging another project (a SQLite file) into ours (SQLite or PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import Span
from biaozhu.db.annotators import ensure_annotator, get_annotator
from biaozhu.db.documents import list_documents
from biaozhu.db.gold import gold_spans
from biaozhu.db.labels import add_label, get_label, update_label
from biaozhu.db.merge import merge_project
from biaozhu.db.models import Annotator, TrashItem
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import change_role
from biaozhu.db.review import accept, accept_agreed, adopt_layer, layers_of, reject, review_document
from biaozhu.db.status import set_status
from biaozhu.db.values import set_value, stored_values
from luzhou_sample import BANK, LOAN, MONEY, TEXT, span, store_layer, store_review

OTHER_TEXT = "市工商联参与“万企兴万村”行动"


def merge(ours: sessionmaker[Session], theirs: sessionmaker[Session], prefer: str = "ours"):
    with ours.begin() as mine, theirs() as other:
        return merge_project(mine, other, prefer=prefer)


def layers(sessions: sessionmaker[Session]) -> dict[str, dict[str, list[Span]]]:
    with sessions() as session:
        names = {d.id: d.name for d in list_documents(session)}
        return {names[i]: layer for i, layer in layers_of(session, list(names), include_gold=True).items()}


def test_documents_match_by_text_and_merging_twice_adds_nothing(sessions, theirs) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK], name="泸州.txt")
        update_label(session, "METRIC", hotkey="8")
    with theirs.begin() as session:
        store_layer(session, "李四", [BANK, LOAN], name="luzhou-renamed.docx")
        store_layer(session, "李四", [span("市工商联", "ORGANIZATION", OTHER_TEXT)], text=OTHER_TEXT, name="other")
        add_label(session, "EVENT", title="事件", color="#123456", hotkey="9")
        add_label(session, "PLACE", hotkey="8")  # our METRIC has 8: the new label comes without a hotkey
        store_layer(session, "王五", [span("万企兴万村", "EVENT", OTHER_TEXT)], text=OTHER_TEXT, name="other")
        set_status(session, 1, ensure_annotator(session, "李四").id, "done")
    first = merge(sessions, theirs)
    assert (first.documents_added, first.documents_matched) == (1, 1)
    assert (first.layers_added, first.spans_added, first.conflicts) == (3, 4, [])
    assert first.labels_created == ["EVENT", "PLACE"] and sorted(first.annotators_created) == ["李四", "王五"]
    assert layers(sessions) == {"泸州.txt": {"张三": [BANK], "李四": [BANK, LOAN]},
                                "other": {"李四": [span("市工商联", "ORGANIZATION", OTHER_TEXT)],
                                          "王五": [span("万企兴万村", "EVENT", OTHER_TEXT)]}}
    with sessions() as session:
        label = get_label(session, "EVENT")
        assert (label.title, label.color, label.hotkey) == ("事件", "#123456", "9")
        assert get_label(session, "PLACE").hotkey is None
        statuses = {d.name: d.statuses for d in list_documents(session)}
        assert statuses["泸州.txt"] == {"张三": "in_progress", "李四": "done"}
    again = merge(sessions, theirs)
    assert (again.documents_added, again.layers_added, again.spans_added, again.layers_known) == (0, 0, 0, 3)
    with sessions() as session:
        assert session.scalar(select(func.count(SpanRow.id))) == 5


def test_a_layer_edited_in_both_places_is_a_reported_conflict(sessions, theirs) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK, MONEY])
    with theirs.begin() as session:
        store_layer(session, "张三", [BANK, LOAN])
    [conflict] = merge(sessions, theirs).conflicts
    assert (conflict.document, conflict.annotator, conflict.kept, conflict.lost) == ("report", "张三", "ours", [LOAN])
    assert layers(sessions)["report"]["张三"] == [BANK, MONEY]
    [conflict] = merge(sessions, theirs, prefer="theirs").conflicts
    assert (conflict.kept, conflict.lost) == ("theirs", [MONEY])
    assert layers(sessions)["report"]["张三"] == [BANK, LOAN]
    with sessions() as session:  # ours went to the trash, not away: exactly the span reported, not the one both have
        assert sorted(session.scalars(select(TrashItem.summary))) == ["METRIC 377亿元"]


def test_their_gold_is_a_layer_our_reviewer_adopts_and_their_reviewer_is_not_ours(sessions, theirs) -> None:
    with theirs.begin() as session:
        store_review(session, {"张三": [BANK], "李四": [BANK]})
        accept_agreed(session, 1, "王五")
    with sessions.begin() as session:
        change_role(session, "赵六", "赵六", "reviewer")
    with sessions.begin() as mine, theirs() as other:
        merge_project(mine, other, source="/data/colleague.sqlite")
    with sessions() as session:
        assert gold_spans(session, 1) == []
        assert get_annotator(session, "王五").role == "annotator"
        assert layers_of(session, [1], annotators=["gold@colleague"])[1]["gold@colleague"] == [BANK]
    with sessions.begin() as session:
        [decision] = adopt_layer(session, "赵六", "gold@colleague")
        assert decision.added == [BANK]
    with sessions() as session:
        [gold] = gold_spans(session, 1)
        assert (gold.span, gold.origin, gold.decided_by) == (BANK, "gold@colleague", "赵六")


def test_their_rejections_come_unless_our_gold_decided_there(sessions, theirs) -> None:
    with theirs.begin() as session:
        store_review(session, {"张三": [BANK, MONEY], "李四": []})
        for item in review_document(session, 1).open:
            reject(session, 1, "王五", item)
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK, MONEY])
        store_layer(session, "李四", [])
        change_role(session, "赵六", "赵六", "reviewer")
        accept(session, 1, "赵六", review_document(session, 1).open[1], ["张三"])  # MONEY: ours decided
    result = merge(sessions, theirs)
    assert (result.rejections_added, result.rejections_overruled) == (1, 1)
    with sessions() as session:
        first, second = review_document(session, 1).verdicts
        assert first.rejection is not None and first.rejection.decided_by == "王五"
        assert second.rejection is None and [g.span for g in second.gold] == [MONEY]
    assert merge(sessions, theirs).rejections_added == 0  # merging twice adds nothing


def test_a_bad_span_of_theirs_fails_the_whole_merge(sessions, theirs) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK])
    with theirs.begin() as session:
        store_layer(session, "李四", [LOAN], text=TEXT + "（续）", name="first")  # a new document, copied first
        store_layer(session, "李四", [BANK])
        session.execute(SpanRow.__table__.update().where(SpanRow.text == "泸州银行").values(text="泸州"))
    disagrees = "李四's layer: span .* its text '泸州' disagrees with the document's '泸州银行'"
    with pytest.raises(InputError, match=disagrees):
        merge(sessions, theirs)
    assert layers(sessions) == {"report": {"张三": [BANK]}}


def stored(session: Session, span_id: int) -> tuple[object, ...]:
    found = stored_values(session, span_id)
    return found["value"], found["value_max"], found["unit"], found["qualifier"], found["value_by_hand"]


def the_span(session: Session, layer: str, start: int) -> int:
    return session.scalar(select(SpanRow.id).join(Annotator, Annotator.id == SpanRow.annotator_id)
                          .where(Annotator.name == layer, SpanRow.start == start))


def test_merge_copies_their_hand_set_values_and_computes_the_rest(sessions: sessionmaker[Session],
                                                                 theirs: sessionmaker[Session]) -> None:
    with theirs.begin() as session:
        store_layer(session, "张三", [BANK, MONEY])
        set_value(session, the_span(session, "张三", MONEY.start), "42", unit="元")
        session.execute(SpanRow.__table__.update().where(SpanRow.start == 0).values(value="x" * 500,
                                                                                    value_by_hand=True))
    merge(sessions, theirs)
    with sessions() as session:
        assert stored(session, the_span(session, "张三", MONEY.start)) == ("42", None, "元", "exact", True)
        # a value no biaozhu would write (edited in their database by hand) is computed again: ORGANIZATION has none
        assert stored(session, the_span(session, "张三", 0)) == (None, None, None, None, False)
