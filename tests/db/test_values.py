"""METRIC values stored with the span (issue 16): computed whenever a METRIC span is written, kept when set by
hand until the text changes, carried into gold, through the trash and merge; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.gold import gold_spans
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Annotator, Label, Span, TrashItem
from biaozhu.db.review import accept, review_document
from biaozhu.db.spans import add_span, relabel_span, resize_span, restore_span, trash_span
from biaozhu.db.trash import restore, trash_document, trash_label
from biaozhu.db.values import VALUE_COLUMNS, ValueRefused, set_value, stored_values
from luzhou_sample import BANK, MONEY, MONEY_AS_PROGRAM, REVIEWER, TEXT, store_layer, store_review

WHERE = TEXT.index("377亿元")


def values(session: Session, span_id: int) -> tuple[object, ...]:
    found = stored_values(session, span_id)
    return found["value"], found["value_max"], found["unit"], found["qualifier"], found["value_by_hand"]


def the_span(session: Session, layer: str, start: int = WHERE) -> int:
    return session.scalar(select(Span.id).join(Annotator, Annotator.id == Span.annotator_id)
                          .where(Annotator.name == layer, Span.start == start))


def test_an_imported_metric_span_has_its_value_and_other_labels_none(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK, MONEY])
    with sessions() as session:
        assert values(session, the_span(session, "张三")) == ("37700000000", None, "元", "exact", False)
        assert values(session, the_span(session, "张三", 0)) == (None, None, None, None, False)


def test_added_resized_relabelled_and_a_hand_set_value_kept_while_the_text_stays(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK])
        labels = label_ids(session)
        doc, who = session.scalar(select(Span.document_id)), session.scalar(select(Annotator.id))
        span_id = add_span(session, doc, who, labels["METRIC"], WHERE, WHERE + 4, "377亿")
        assert values(session, span_id) == ("37700000000", None, "", "exact", False)
        resize_span(session, span_id, WHERE, WHERE + 5, "377亿元")
        assert values(session, span_id)[2] == "元"
        old = set_value(session, span_id, "3.77e10", unit="元", qualifier="about")
        assert old["value"] == "37700000000" and old["value_by_hand"] is False
        assert values(session, span_id) == ("37700000000", None, "元", "about", True)
        relabel_span(session, span_id, labels["PROGRAM"])  # the text stays: the hand-set value stays
        relabel_span(session, span_id, labels["METRIC"])
        assert values(session, span_id) == ("37700000000", None, "元", "about", True)
        resize_span(session, span_id, WHERE, WHERE + 5, "377亿元")  # same characters: still by hand
        assert values(session, span_id)[4] is True
        resize_span(session, span_id, WHERE, WHERE + 3, "377")  # another text: computed again
        assert values(session, span_id) == ("377", None, "", "exact", False)
        relabel_span(session, span_id, labels["PROGRAM"])  # no METRIC, no value
        assert values(session, span_id) == (None, None, None, None, False)


def test_an_unparsed_metric_keeps_null_and_bad_hand_values_are_refused(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK])
        labels = label_ids(session)
        doc, who = session.scalar(select(Span.document_id)), session.scalar(select(Annotator.id))
        span_id = add_span(session, doc, who, labels["METRIC"], 0, 4, "泸州银行")
        assert values(session, span_id) == (None, None, None, None, False)
        with pytest.raises(ValueRefused, match="not a number"):
            set_value(session, span_id, "许多")
        with pytest.raises(ValueRefused, match="below the value"):
            set_value(session, span_id, "8", value_max="5")
        with pytest.raises(ValueRefused, match="qualifier"):
            set_value(session, span_id, "8", qualifier="roughly")
        set_value(session, span_id, "50000", value_max="80000", unit="元")
        assert values(session, span_id) == ("50000", "80000", "元", "range", True)


def test_a_hand_set_value_comes_back_from_the_trash(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        store_layer(session, "张三", [MONEY])
        span_id = the_span(session, "张三")
        set_value(session, span_id, "1", unit="项")
        trash_id = trash_span(session, span_id)
    with sessions.begin() as session:
        assert values(session, restore_span(session, trash_id)) == ("1", None, "项", "exact", True)


def test_gold_keeps_the_decided_versions_value(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document = store_review(session, {"张三": [BANK, MONEY], "李四": [BANK, MONEY_AS_PROGRAM]})
        set_value(session, the_span(session, "张三"), "37700000001", unit="元")
    with sessions.begin() as session:
        [label] = review_document(session, document).open
        accept(session, document, REVIEWER, label, ["张三"])
    with sessions() as session:
        [gold] = [g for g in gold_spans(session, document) if g.span == MONEY]
        assert values(session, gold.id) == ("37700000001", None, "元", "exact", True)


def test_values_come_back_with_a_trashed_document_and_label(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document = store_review(session, {"张三": [BANK, MONEY]})
        set_value(session, the_span(session, "张三"), "1", unit="项")
        item = trash_document(session, document, REVIEWER)
        # a document trashed before values were stored: its payload has none, and its figures are computed again
        session.execute(update(TrashItem).where(TrashItem.id == item).values(payload={
            **(payload := session.get(TrashItem, item).payload),
            "spans": [{k: v for k, v in span.items() if k not in VALUE_COLUMNS} for span in payload["spans"]]}))
    with sessions.begin() as session:
        restore(session, item)
        assert values(session, the_span(session, "张三")) == ("37700000000", None, "元", "exact", False)
        set_value(session, the_span(session, "张三"), "2", unit="项")
        item = trash_document(session, document, REVIEWER)
    with sessions.begin() as session:
        restore(session, item)
        assert values(session, the_span(session, "张三")) == ("2", None, "项", "exact", True)
        label_item, _ = trash_label(session, session.scalar(select(Label).where(Label.name == "METRIC")))
    with sessions.begin() as session:
        restore(session, label_item)
        assert values(session, the_span(session, "张三")) == ("2", None, "项", "exact", True)
