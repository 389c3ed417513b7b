"""The Luzhou sentence that the tests of comparing, reviewing, voting on and merging layers annotate: its
text, its spans, and storing one annotator's layer of it.

One copy, so that those tests speak of the same 泸州银行 and 酒城同心金融速贷 at the same offsets, and a
disagreement in one file (SHORT against LOAN, MONEY_AS_PROGRAM against MONEY) means the same in the next.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role

TEXT = "泸州银行发放酒城同心金融速贷377亿元，市工商联参与。"
REVIEWER = "王五"


def span(surface: str, label: str, text: str = TEXT) -> Span:
    """The first ``surface`` in ``text``, labelled ``label``."""
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface)


BANK = span("泸州银行", "ORGANIZATION")
LOAN = span("酒城同心金融速贷", "PROGRAM")
SHORT = span("酒城同心", "PROGRAM")  # inside LOAN, same label: a boundary disagreement with it
MONEY = span("377亿元", "METRIC")
MONEY_AS_PROGRAM = span("377亿元", "PROGRAM")  # MONEY's place, another label: a label disagreement
LIANHE = span("市工商联", "ORGANIZATION")


def store_layer(session: Session, annotator: str, spans: list[Span], text: str = TEXT, name: str = "report") -> None:
    """Add ``spans`` to ``annotator``'s layer of the document ``text`` (created if new) as an import does."""
    store_documents(session, f"{annotator}.jsonl",
                    [SourceDocument(name=name, text=text, source="", spans=spans, annotator=annotator)])


def store_review(session: Session, layers: dict[str, list[Span]], name: str = "report") -> int:
    """The sample document with each annotator's layer, and REVIEWER a reviewer: where a review starts.
    Returns the document's id."""
    for annotator, spans in layers.items():
        store_layer(session, annotator, spans, name=name)
    change_role(session, REVIEWER, REVIEWER, "reviewer")
    document = session.scalar(select(Document.id).where(Document.name == name))
    assert document is not None
    return document
