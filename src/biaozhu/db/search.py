"""Find a phrase in every document of the project: "where else does 万企兴万村 occur?".

A plain substring, not a pattern; Latin letters match whatever their case. The database picks the
candidate documents (``LIKE``, on SQLite and PostgreSQL alike) and Python finds the positions, in code
points like every offset we store. Candidates are streamed a few at a time, so a large corpus is never
all in memory, and the search stops at ``limit`` hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from biaozhu.db.models import Document

CONTEXT = 30  # code points of context on each side of a hit, within its line


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One occurrence: ``[start, end)`` in code points of the document's text, with the text around it
    and the text found (which may differ from the query in case)."""

    document_id: int
    document_name: str
    start: int
    end: int
    context_before: str
    context_after: str
    text: str


def _pattern(query: str) -> re.Pattern[str]:
    """The query as a literal, ignoring case. An ASCII query folds ASCII only, as SQL's ``lower`` does on
    SQLite, so the database's candidates and Python's matches agree (no Kelvin sign matching "k")."""
    flags = re.IGNORECASE | (re.ASCII if query.isascii() else 0)
    return re.compile(re.escape(query), flags)


def _uncased(ch: str) -> bool:
    return ch.lower() == ch == ch.upper()


def _candidates(query: str, dialect: str) -> ColumnElement[bool]:
    """A SQL condition every matching document meets. SQLite's LIKE already ignores ASCII case (twice as
    fast as ``lower(text) LIKE``); elsewhere ASCII needs ``lower``. SQLite folds nothing beyond ASCII, so
    a query with other cased letters (É, Σ) is narrowed by its longest run of caseless characters."""
    if query.isascii():
        if dialect == "sqlite":
            return Document.text.contains(query, autoescape=True)
        return Document.text.icontains(query, autoescape=True)
    longest = max(("".join(run) for caseless, run in groupby(query, _uncased) if caseless), key=len, default="")
    return Document.text.contains(longest, autoescape=True) if longest else true()


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """Up to ``width`` code points each side, cut at line breaks: a hit is read within its line."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return before.rsplit("\n", 1)[-1], after.split("\n", 1)[0]


def _hits(document_id: int, name: str, text: str, pattern: re.Pattern[str], width: int) -> Iterator[SearchHit]:
    for match in pattern.finditer(text):
        before, after = _context(text, match.start(), match.end(), width)
        yield SearchHit(document_id, name, match.start(), match.end(), before, after, match.group())


def search_documents(session: Session, query: str, *, limit: int = 500, context: int = CONTEXT) -> list[SearchHit]:
    """Every occurrence of ``query`` in the project, by document id then position, at most ``limit``."""
    if not query or limit <= 0:
        return []
    pattern = _pattern(query)
    where = _candidates(query, session.get_bind().dialect.name)
    statement = (select(Document.id, Document.name, Document.text).where(where)
                 .order_by(Document.id).execution_options(yield_per=8))
    found: list[SearchHit] = []
    result = session.execute(statement)
    try:
        for document_id, name, text in result:
            for hit in _hits(document_id, name, text, pattern, context):
                found.append(hit)
                if len(found) == limit:
                    return found
    finally:
        result.close()
    return found
