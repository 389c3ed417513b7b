"""Agreement over time (issue 18): the project's pooled F1 and kappa, checked by hand, stored as a snapshot at
most once an hour unless the figures changed; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.agreement import AnnotatedDocument, measure_agreement
from biaozhu.corpus.agreement_summary import AgreementSummary, summarise
from biaozhu.corpus.model import Relation, Span
from biaozhu.db.agreement_history import agreement_history, record_agreement

TEXT = "泸州银行发放1亿元。"  # 10 characters
BANK, ONE = Span(0, 4, "ORGANIZATION", "泸州银行"), Span(6, 7, "METRIC", "1")


def test_the_summary_pools_every_pair_as_counted_by_hand() -> None:
    document = AnnotatedDocument(1, "a.txt", len(TEXT), {"甲": [BANK], "乙": [BANK, ONE]})
    summary = summarise(measure_agreement([document]))
    assert summary.f1 == pytest.approx(2 / 3)  # one exact match, 1 + 2 spans
    # characters: (ORG, ORG) 4, (O, O) 5, (O, METRIC) 1 → 1 - 1·10 / (100 - (4·4 + 6·5))
    assert summary.kappa == pytest.approx(1 - 10 / 54)
    assert summary.documents == 1
    assert summary.detail["labels"]["ORGANIZATION"]["f1"] == 1.0
    assert summary.detail["labels"]["METRIC"]["f1"] == 0.0
    assert summary.detail["pairs"] == [{"a": "乙", "b": "甲", "documents": 1, "f1": pytest.approx(2 / 3),
                                        "kappa": pytest.approx(1 - 10 / 54)}]
    assert "relations" not in summary.detail  # nobody linked spans: no relation F1
    alone = AnnotatedDocument(2, "b.txt", len(TEXT), {"甲": [BANK]})
    assert summarise(measure_agreement([alone])).documents == 0  # nobody to compare with


def test_the_summary_holds_relation_f1_where_spans_were_linked(sessions: sessionmaker[Session]) -> None:
    both = {"甲": [BANK, ONE], "乙": [BANK, ONE]}
    links = {"甲": [Relation(ONE, BANK, "责任机构")],
             "乙": [Relation(ONE, BANK, "责任机构"), Relation(BANK, ONE, "所属")]}
    summary = summarise(measure_agreement([AnnotatedDocument(1, "a.txt", len(TEXT), both, links)]))
    assert summary.detail["relations"] == {"f1": pytest.approx(2 / 3), "types": {"所属": 0.0, "责任机构": 1.0}}
    assert summary.detail["pairs"][0]["relation_f1"] == pytest.approx(2 / 3)
    with sessions.begin() as session:
        record_agreement(session, summary)
    with sessions() as session:
        [snapshot] = agreement_history(session)
    assert snapshot.relation_f1 == pytest.approx(2 / 3) and snapshot.as_dict()["relation_f1"] == snapshot.relation_f1


def test_a_snapshot_an_hour_unless_the_figures_changed(sessions: sessionmaker[Session]) -> None:
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    first = AgreementSummary(0.8, 0.7, 10, {"labels": {"METRIC": {"f1": 0.8, "kappa": None}}})
    changed = AgreementSummary(0.9, 0.75, 11, {"labels": {"METRIC": {"f1": 0.9, "kappa": 0.5}}})
    steps = [(first, noon, True), (first, noon + timedelta(minutes=59), False),  # looked again: nothing new
             (changed, noon + timedelta(minutes=70), True), (changed, noon + timedelta(minutes=131), True),
             (AgreementSummary(None, None, 0), noon + timedelta(hours=5), False)]  # nothing compared
    for summary, at, stored in steps:
        with sessions.begin() as session:
            assert record_agreement(session, summary, at) is stored, at
    with sessions() as session:
        history = agreement_history(session)
    assert [(s.at, s.f1, s.kappa, s.documents) for s in history] == [
        (noon, 0.8, 0.7, 10), (noon + timedelta(minutes=70), 0.9, 0.75, 11),
        (noon + timedelta(minutes=131), 0.9, 0.75, 11)]
    assert history[0].detail == first.detail and history[0].relation_f1 is None
    assert history[0].as_dict()["at"] == "2026-12-01T12:00:00+00:00"
