"""Time spent in review mode (issue 18): the reviewer's clock runs on the document open in review mode, as the
annotation window's does for an annotator; a switch stores it, closing stores the rest."""

from __future__ import annotations

import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.time_spent import seconds_by_document
from biaozhu.gui.review.window import ReviewWindow

REVIEWER = "王五"


def spent(sessions: sessionmaker[Session], document_id: int, window: ReviewWindow) -> dict[tuple[int, int], int]:
    """What the database holds for a document, by (document, person), once the stores under way are done."""
    assert window.clock is not None
    window.clock.wait()
    with sessions() as session:
        return seconds_by_document(session, [document_id])


def test_the_reviewers_time_is_counted_on_the_document_open_in_review_mode(
        qtbot: QtBot, sessions: sessionmaker[Session], open_review: Callable[..., ReviewWindow],
        working: Callable[[ReviewWindow, float], float]) -> None:
    with sessions.begin() as session:
        first = add_document(session, SourceDocument(name="泸州.txt", text="泸州市委统战部。", source=""))[0].id
        second = add_document(session, SourceDocument(name="吉林.txt", text="吉林省委统战部。", source=""))[0].id
        reviewer = ensure_annotator(session, REVIEWER).id
    window = open_review(sessions, REVIEWER)
    assert window.clock is not None
    window.clock.idle_s = 0.5
    window.open_document(first)
    started = time.monotonic()
    last = working(window, 1.6)
    qtbot.wait(1500)  # gone: after 0.5 s without input the clock stops
    window.open_document(second)
    counted = last + 0.5 - started
    stored = spent(sessions, first, window)
    assert list(stored) == [(first, reviewer)] and abs(stored[(first, reviewer)] - counted) <= 0.6, counted
    working(window, 1.6)
    window.close()  # the rest is stored on closing
    assert 1 <= spent(sessions, second, window)[(second, reviewer)] <= 3
