"""The statistics' figures on SQLite and PostgreSQL: time spent added up per document, person and day; spans per
label and per day from one grouped query; each engine's suggestions accepted, rejected and open; a page of the
progress matrix (issue 18)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, text, update
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import GOLD, SUGGESTIONS, Span
from biaozhu.db.progress import Cell, progress_page
from biaozhu.db.spans import add_span
from biaozhu.db.stats import project_stats, suggestion_stats
from biaozhu.db.status import set_status
from biaozhu.db.time_spent import add_time, seconds_by_document

DAY1, DAY2 = date(2026, 11, 30), date(2026, 12, 1)


def store(sessions: sessionmaker[Session], documents: int = 3) -> tuple[list[int], int, int]:
    with sessions.begin() as session:
        ids = [add_document(session, SourceDocument(name=f"d{n}.txt", text=f"泸州银行第{n}份报告。", source=""))[0].id
               for n in range(documents)]
        me, other = ensure_annotator(session, "张三").id, ensure_annotator(session, "李四").id
        return ids, me, other


def test_time_is_added_per_document_person_and_day(sessions: sessionmaker[Session]) -> None:
    (first, second, _), me, other = store(sessions)
    for document, who, seconds, day in ((first, me, 30, DAY1), (first, me, 45, DAY1), (first, me, 60, DAY2),
                                        (second, me, 10, DAY2), (first, other, 5, DAY2), (second, other, 0, DAY2)):
        with sessions.begin() as session:  # one small transaction each, as the app adds them
            add_time(session, document, who, seconds, day)
    with sessions() as session:
        assert seconds_by_document(session, [first, second]) == {(first, me): 135, (second, me): 10,
                                                                 (first, other): 5}
        layers = {layer.name: layer for layer in project_stats(session).layers}
    assert layers["张三"].seconds == 145
    assert layers["张三"].seconds_by_day == {"2026-11-30": 75, "2026-12-01": 70}
    assert layers["李四"].as_dict()["seconds_by_day"] == {"2026-12-01": 5}


def test_spans_per_label_and_per_day_leave_the_suggestions_out(sessions: sessionmaker[Session]) -> None:
    (first, second, _), me, _ = store(sessions)
    with sessions.begin() as session:
        labels = label_ids(session)
        robot = ensure_annotator(session, SUGGESTIONS).id
        made = [add_span(session, first, me, labels["ORGANIZATION"], 0, 4, "泸州银行"),
                add_span(session, second, me, labels["ORGANIZATION"], 0, 4, "泸州银行"),
                add_span(session, second, me, labels["METRIC"], 5, 6, "1")]
        add_span(session, first, robot, labels["ORGANIZATION"], 0, 2, "泸州")
        late, early = datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC), datetime(2026, 12, 1, 0, 0, 1, tzinfo=UTC)
        session.execute(update(Span).where(Span.id == made[0]).values(created_at=late))
        session.execute(update(Span).where(Span.id.in_(made[1:])).values(created_at=early))
    with sessions() as session:
        if session.get_bind().dialect.name == "postgresql":  # a server in China: the days are still UTC days
            session.execute(text("SET TIME ZONE 'Asia/Shanghai'"))
        stats = project_stats(session)
    [mine] = stats.layers
    assert mine.spans == 3 and mine.by_label == {"METRIC": 1, "ORGANIZATION": 2}
    assert mine.by_day == {"2026-11-30": 1, "2026-12-01": 2}
    assert stats.days() == ["2026-11-30", "2026-12-01"]


def test_a_page_of_the_matrix_has_its_documents_cells(sessions: sessionmaker[Session]) -> None:
    ids, me, other = store(sessions, 5)
    with sessions.begin() as session:
        labels = label_ids(session)
        add_span(session, ids[3], me, labels["ORGANIZATION"], 0, 4, "泸州银行")
        set_status(session, ids[3], me, "done")
        set_status(session, ids[0], other, "in_progress")
        add_time(session, ids[3], other, 90, DAY1)
    with sessions() as session:
        page = progress_page(session, offset=2, limit=2)
        everything = progress_page(session)
    assert page.total == 5 and [row.name for row in page.rows] == ["d2.txt", "d3.txt"]
    assert page.rows[0].cells == {}
    assert page.rows[1].cells == {"张三": Cell("done", 1, 0), "李四": Cell("not_started", 0, 90)}
    assert everything.rows[0].cell("李四") == Cell("in_progress") and len(everything.rows) == 5


def test_suggestions_accepted_are_counted_from_their_index(sessions: sessionmaker[Session]) -> None:
    (first, second, _), me, _ = store(sessions)
    with sessions.begin() as session:
        labels = label_ids(session)
        robot, gold = ensure_annotator(session, SUGGESTIONS).id, ensure_annotator(session, GOLD).id
        notes = {add_span(session, first, me, labels["ORGANIZATION"], 0, 4, "泸州银行"): "from suggestion rules 0.9",
                 add_span(session, second, me, labels["ORGANIZATION"], 0, 4, "泸州银行"): "from suggestion 手写",
                 add_span(session, second, me, labels["METRIC"], 5, 6, "1"): "",
                 add_span(session, first, gold, labels["ORGANIZATION"], 0, 4, "泸州银行"): "from suggestion rules 0.9",
                 add_span(session, first, robot, labels["ORGANIZATION"], 0, 2, "泸州"): "rules 0.5",
                 add_span(session, second, robot, labels["ORGANIZATION"], 0, 2, "泸州"): "rejected rules 0.4"}
        for span_id, note in notes.items():
            session.execute(update(Span).where(Span.id == span_id).values(note=note))
    with sessions() as session:
        assert suggestion_stats(session) == {"rules": {"accepted": 1, "rejected": 1, "open": 1},
                                             "other": {"accepted": 1, "rejected": 0, "open": 0}}
    if sessions.kw["bind"].dialect.name == "sqlite":  # on 1M spans: never a scan of every span's note
        ran: list[tuple[str, Any]] = []
        keep = lambda *args: ran.append((args[2], args[3]))  # noqa: E731  # statement, parameters
        event.listen(sessions.kw["bind"], "before_cursor_execute", keep)
        with sessions() as session:
            suggestion_stats(session)
            event.remove(sessions.kw["bind"], "before_cursor_execute", keep)
            plans = [" ".join(row[3] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}",
                                                                                     parameters))
                     for sql, parameters in ran if "FROM spans" in sql]
        assert len(plans) == 2 and all("spans USING COVERING INDEX ix_spans_noted" in plan for plan in plans)
