"""Word snapping's span texts follow another program's changes by reading only the ranges of span ids that changed
(issue 14): what they hold afterwards is what a full read holds, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Document, Span
from biaozhu.db.span_texts import CHUNK, SpanTexts
from biaozhu.db.spans import add_span, get_span, relabel_span, resize_span, trash_span

LONGEST = 20
TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"
WORDS = ["泸州市委统战部", "泸州银行", "酒城同心·金融速贷", "发放贷款"]


@pytest.fixture
def theirs(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Another program's connection to the same project."""
    other = create_project_engine(engine.url.render_as_string(hide_password=False))
    yield session_factory(other)
    other.dispose()


def add_words(sessions: sessionmaker[Session], text: str = TEXT, words: list[str] = WORDS) -> tuple[int, list[int]]:
    """A document and one span of 张三's on each word (in this order: consecutive ids, one range)."""
    with sessions.begin() as session:
        document = add_document(session, SourceDocument(name=f"{len(text)}.txt", text=text, source="r.txt"))[0].id
        me, label = ensure_annotator(session, "张三").id, label_ids(session)["ORGANIZATION"]
        return document, [add_span(session, document, me, label, text.index(word), text.index(word) + len(word),
                                   word) for word in words]


def stored(sessions: sessionmaker[Session]) -> Counter[str]:
    with sessions() as session:
        return Counter(session.scalars(select(Span.text).where(func.length(Span.text) <= LONGEST)))


def read(sessions: sessionmaker[Session]) -> SpanTexts:
    texts = SpanTexts(LONGEST)
    with sessions() as session:
        texts.read(session)
        texts.mark(session)
    return texts


def follow(texts: SpanTexts, sessions: sessionmaker[Session]) -> set[str]:
    with sessions() as session:
        return texts.follow(session)


def test_spans_added_deleted_moved_and_relabelled_elsewhere_are_followed(
        sessions: sessionmaker[Session], theirs: sessionmaker[Session]) -> None:
    document, spans = add_words(sessions)
    texts = read(sessions)
    assert texts.counts == Counter(WORDS) and follow(texts, sessions) == set()
    with theirs.begin() as session:
        labels = label_ids(session)
        other = ensure_annotator(session, "李四").id
        add_span(session, document, other, labels["ORGANIZATION"], 8, 12, "泸州银行")  # a second span with that text
        trash_span(session, spans[0])  # 泸州市委统战部 is gone
        resize_span(session, spans[2], 15, 19, "酒城同心")  # 酒城同心·金融速贷 moved
        relabel_span(session, spans[3], labels["PROGRAM"])  # 发放贷款 keeps its text
    assert follow(texts, sessions) == {"泸州市委统战部", "泸州银行", "酒城同心·金融速贷", "酒城同心"}
    assert texts.counts == stored(sessions) == Counter({"泸州银行": 2, "酒城同心": 1, "发放贷款": 1})
    assert follow(texts, sessions) == set()  # nothing changed since


def test_moves_that_cancel_out_in_a_sum_of_offsets_are_seen(sessions: sessionmaker[Session],
                                                           theirs: sessionmaker[Session]) -> None:
    """Two spans of one range, one moved a character left and one a character right: their offsets' sums stay."""
    text = "甲乙丙丁戊己庚辛壬癸子丑寅卯"
    _, (first, second) = add_words(sessions, text, ["乙丙", "庚辛"])
    texts = read(sessions)
    with theirs.begin() as session:
        resize_span(session, first, 2, 4, "丙丁")
        resize_span(session, second, 5, 7, "己庚")
    assert follow(texts, sessions) == {"乙丙", "庚辛", "丙丁", "己庚"}
    assert texts.counts == stored(sessions) == Counter(["丙丁", "己庚"])


def test_a_document_deleted_elsewhere_takes_its_span_texts_along(sessions: sessionmaker[Session],
                                                                 theirs: sessionmaker[Session]) -> None:
    document, _ = add_words(sessions)
    add_words(sessions, "泸州银行发放贷款", ["泸州银行"])
    texts = read(sessions)
    with theirs.begin() as session:
        session.execute(delete(Document).where(Document.id == document))
    assert follow(texts, sessions) == set(WORDS)
    assert texts.counts == stored(sessions) == Counter(["泸州银行"])


def test_a_long_span_text_is_never_counted(sessions: sessionmaker[Session], theirs: sessionmaker[Session]) -> None:
    report = "泸州市委统战部联合泸州银行推出产品。" * 3
    document, _ = add_words(sessions, report, ["泸州银行"])
    texts = read(sessions)
    with theirs.begin() as session:
        me, label = ensure_annotator(session, "张三").id, label_ids(session)["PROGRAM"]
        add_span(session, document, me, label, 0, len(report), report)
    assert follow(texts, sessions) == set() and texts.counts == Counter(["泸州银行"])


def test_ranges_read_again_are_followed_again(sessions: sessionmaker[Session], theirs: sessionmaker[Session]) -> None:
    """Spans over several ranges of ids (CHUNK each): a range emptied, ranges changed twice, new ranges."""
    text = "".join(chr(0x4E00 + n) for n in range(300))
    words = [text[n:n + 2] for n in range(0, 300, 2)]
    document, spans = add_words(sessions, text, words)
    texts = read(sessions)
    assert len(spans) > 2 * CHUNK and texts.counts == Counter(words)
    for round_ in range(2):
        with theirs.begin() as session:
            for span in spans[CHUNK - 5:2 * CHUNK + 5]:  # every span of a range, and a few on each side
                trash_span(session, span)
            spans = spans[:CHUNK - 5] + spans[2 * CHUNK + 5:]
            for span in spans[1::7]:
                row = get_span(session, span)
                end = row.end - 1 if row.end - row.start > 1 else row.end + 1
                resize_span(session, span, row.start, end, text[row.start:end])
            other, label = ensure_annotator(session, "李四").id, label_ids(session)["ORGANIZATION"]
            spans += [add_span(session, document, other, label, start, start + 3 + round_,
                               text[start:start + 3 + round_]) for start in range(1, 290, 4)]
        follow(texts, sessions)
        assert texts.counts == stored(sessions)


def test_a_change_between_the_first_read_and_its_fingerprints_is_followed(
        sessions: sessionmaker[Session], theirs: sessionmaker[Session]) -> None:
    """Snapping works before its fingerprints are read: they are read in the texts' snapshot, so a change that
    lands in between is seen by the next follow, not taken as already read."""
    _, spans = add_words(sessions)
    texts = SpanTexts(LONGEST)
    with sessions() as session:
        texts.read(session)
        with theirs.begin() as other:
            trash_span(other, spans[0])
        texts.mark(session)
    assert follow(texts, sessions) == {"泸州市委统战部"}
    assert texts.counts == stored(sessions)
