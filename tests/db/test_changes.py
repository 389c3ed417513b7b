"""The change token the app polls moves with every change a window must show, and only then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.changes import change_token, moved, rows_part
from biaozhu.db.comments import add_comment, remove_comment, resolve_thread
from biaozhu.db.documents import add_document
from biaozhu.db.guidelines import pin_example, set_project_guideline
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span
from biaozhu.db.permissions import ensure_person
from biaozhu.db.spans import (
    add_span,
    relabel_span,
    resize_span,
    restore_span,
    trash_span,
)
from biaozhu.db.status import set_status
from biaozhu.db.trash import empty_trash, trash_document
from biaozhu.db.values import set_value

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”。"


def test_every_kind_of_change_moves_the_token(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        me = ensure_person(session, "张三").id  # the first person: the reviewer, who may delete
        labels = label_ids(session)
    layer = (document.id, me)
    state: dict[str, int] = {}

    def tokens() -> tuple[object, object]:
        with sessions() as session:
            return change_token(session), change_token(session, layer)

    def step(change: Callable[[Session], object]) -> tuple[bool, bool]:
        """Whether the project-wide token and the layer's token moved."""
        before = tokens()
        with sessions.begin() as session:
            change(session)
        after = tokens()
        return before[0] != after[0], before[1] != after[1]

    assert tokens() == tokens()  # reading changes nothing
    assert step(lambda s: state.update(span=add_span(s, document.id, me, labels["ORGANIZATION"], 0, 7,
                                                     "泸州市委统战部"))) == (True, True)
    assert step(lambda s: relabel_span(s, state["span"], labels["PROGRAM"])) == (False, True)
    assert step(lambda s: resize_span(s, state["span"], 3, 7, "委统战部")) == (False, True)
    assert step(lambda s: set_status(s, document.id, me, "done")) == (True, True)
    assert step(lambda s: state.update(trash=trash_span(s, state["span"]))) == (True, True)
    assert step(lambda s: restore_span(s, state["trash"])) == (True, True)
    assert step(lambda s: add_document(s, SourceDocument(name="吉林.txt", text="吉林省委统战部。", source=""))) \
        == (True, True)
    assert step(lambda s: trash_document(s, 2, "张三")) == (True, True)
    assert step(lambda s: empty_trash(s, "张三")) == (True, True)


def test_comments_pins_and_the_guideline_move_the_token(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        me = ensure_person(session, "张三").id  # the reviewer, who may pin
        span = add_span(session, document.id, me, label_ids(session)["ORGANIZATION"], 8, 12, "泸州银行")
    state: dict[str, int] = {}

    def moved(change: Callable[[Session], object]) -> bool:
        with sessions() as session:
            before = change_token(session)
        with sessions.begin() as session:
            change(session)
        with sessions() as session:
            return change_token(session) != before

    assert moved(lambda s: state.update(comment=add_comment(s, None, "张三", "是全称吗？", span_id=span)))
    assert moved(lambda s: resolve_thread(s, state["comment"], "张三"))
    assert moved(lambda s: resolve_thread(s, state["comment"], "张三", resolved=False))
    assert moved(lambda s: pin_example(s, span, "good", "张三"))
    assert moved(lambda s: pin_example(s, span, "bad", "张三"))
    assert moved(lambda s: set_project_guideline(s, "# 总则"))
    assert moved(lambda s: remove_comment(s, state["comment"]))


def test_an_edit_moves_its_layers_part_by_what_the_rows_it_touched_made_up(sessions: sessionmaker[Session]) -> None:
    """What the app's own edits follow in memory (issue 14): the open layer's part of the token moves by what the
    rows an edit touched make up after it less what they made up before (read through their primary keys), for
    every kind of edit, a value set by hand and an update stamped by a machine whose clock is behind among them;
    another layer's rows count for nothing."""
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        me, other = ensure_person(session, "张三").id, ensure_person(session, "李四").id
        labels = label_ids(session)
        theirs = add_span(session, document.id, other, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
    layer = (document.id, me)
    state: dict[str, int] = {}
    money = TEXT.index("“")

    def follows(change: Callable[[Session], object], *touched: str) -> None:
        with sessions() as session:
            part = change_token(session, layer).layer
        with sessions.begin() as session:
            before = rows_part(session, layer, [state[name] for name in touched if name in state] + [theirs])
            change(session)
            after = rows_part(session, layer, [state[name] for name in touched if name in state] + [theirs])
        with sessions() as session:
            stored = change_token(session, layer).layer
        assert stored != part
        assert stored == tuple(a + b for a, b in zip(part, moved(before, after), strict=True))

    follows(lambda s: state.update(span=add_span(s, document.id, me, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")),
            "span")
    follows(lambda s: relabel_span(s, state["span"], labels["PROGRAM"]), "span")
    follows(lambda s: resize_span(s, state["span"], 3, 7, "委统战部"), "span")
    follows(lambda s: state.update(metric=add_span(s, document.id, me, labels["METRIC"], money, money + 4,
                                                   TEXT[money:money + 4])), "metric")
    follows(lambda s: set_value(s, state["metric"], "12", unit="家"), "metric")
    follows(lambda s: s.execute(update(Span).where(Span.id == state["metric"]).values(  # a clock two years behind
        value="13", updated_at=datetime(2024, 1, 1))), "metric")
    follows(lambda s: state.update(trash=trash_span(s, state["span"])), "span")
    follows(lambda s: state.update(span=restore_span(s, state["trash"])), "span")
