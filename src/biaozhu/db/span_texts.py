"""The project's short span texts and how many spans have each, read once and then followed incrementally: after
another program's change (a teammate, the CLI) only the ranges of span ids that changed are read again.

No column says what changed since a given moment: ``updated_at`` has no index (and another machine's clock may be
behind), and a deleted span leaves nothing behind unless it went to the trash. So the span ids are cut into ranges
of :data:`CHUNK` and each range gets a fingerprint that SQL computes from covering-index columns only (its count, sums
of its spans' offsets weighted by their place in the range, which differs for every id, and the sum of start × end):
a span added, restored, deleted (with its document too), or moved (its text is the document's text between its
offsets) changes its range's fingerprint. One grouped query reads every fingerprint (0.4 s of SQLite at a million spans,
without the GIL: no Python runs per span); the texts of the ranges whose fingerprint moved are read again and
compared as multisets with what they were. A relabelling changes no text and no fingerprint: nothing is read.

The first read takes the texts and then (:meth:`SpanTexts.mark`, once snapping works) the fingerprints, in one
snapshot (SQLite's reads are; PostgreSQL reads it at REPEATABLE READ). Later, the fingerprints are read before the
texts: a change that lands between the two is read with the texts and shows again in the next fingerprints, where
reading its range once more changes nothing.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from operator import itemgetter
from typing import Any

from sqlalchemy import BigInteger, Connection, cast, func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.slices import count_in_slices, map_in_slices
from biaozhu.db.models import Span

CHUNK = 64  # span ids per fingerprinted range: a burst of 1,000 scattered changes reads at most 64,000 texts again
BATCH = 10_000  # rows fetched at a time when reading span texts

Fingerprint = tuple[Any, ...]


def fingerprints(session: Session) -> dict[int, Fingerprint]:
    """Each range of span ids (id // CHUNK) and its fingerprint, from the columns of the spans' unique index.
    PostgreSQL's products of integers overflow at 2**31; SQLite's integers are 64-bit (a cast costs it a third)."""

    def wide(column: Any) -> Any:
        return cast(column, BigInteger) if session.get_bind().dialect.name == "postgresql" else column

    chunk = Span.id // CHUNK
    weight, start, end = wide(Span.id % CHUNK + 1), wide(Span.start), wide(Span.end)
    query = select(chunk, func.count(), func.sum(weight * start), func.sum(weight * end), func.sum(start * end)
                   ).group_by(chunk)
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


def snapshot(session: Session) -> Connection:
    """The session's connection, in one snapshot from its first read on when this begins its transaction: SQLite's
    reads are snapshots already, PostgreSQL's are taken at REPEATABLE READ."""
    if not session.in_transaction() and session.get_bind().dialect.name == "postgresql":
        return session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return session.connection()


def _read(session: Session, longest: int, where: str = "") -> tuple[array[int], list[str]]:
    """Ids (ascending) and texts of the spans whose text has at most ``longest`` characters, as plain DB-API rows
    taken apart by C (``itemgetter``; ``zip(*rows)`` took as long as the query): SQLAlchemy's rows would add a fifth
    to a million, and longer texts (a span over a whole report) are never read."""
    ids: array[int] = array("q")
    texts: list[str] = []
    first, second = itemgetter(0), itemgetter(1)
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT id, text FROM spans WHERE length(text) <= {int(longest)}{where} ORDER BY id")
        for rows in iter(lambda: cursor.fetchmany(BATCH), []):
            ids.extend(map(first, rows))
            texts.extend(map(second, rows))
    finally:
        cursor.close()
    return ids, texts


def _ranges(chunks: list[int]) -> list[tuple[int, int]]:
    """Consecutive chunks joined: ``[(first, last + 1)]`` of each run (one query per run)."""
    runs: list[tuple[int, int]] = []
    for chunk in sorted(chunks):
        if runs and runs[-1][1] == chunk:
            runs[-1] = (runs[-1][0], chunk + 1)
        else:
            runs.append((chunk, chunk + 1))
    return runs


class SpanTexts:
    """Span texts of at most ``longest`` characters and how many spans have each (:attr:`counts`), as of the
    last :meth:`read` or :meth:`follow`; each range's texts are kept to compare with what it holds next time: as
    the first read left them (sorted by id, sliced when needed: cutting a million into ranges at once took a tenth
    of a second), or as read again since."""

    def __init__(self, longest: int) -> None:
        self.longest = longest
        self.counts: Counter[str] = Counter()
        self._fingerprints: dict[int, Fingerprint] = {}
        self._ids: array[int] = array("q")  # the first read's
        self._texts: list[str] = []
        self._since: dict[int, tuple[str, ...]] = {}  # range -> its texts, where read again since

    def read(self, session: Session) -> Counter[str]:
        """Read every span text (at a million spans, about as long as reading them into a set); :meth:`mark` must
        follow in the same session before :meth:`follow`."""
        snapshot(session)
        self._ids, texts = _read(session, self.longest)
        self.counts = count_in_slices(texts)  # a worker's: the UI thread gets the GIL between slices
        if len(self.counts) < len(texts) // 2:  # many repeats: keep one str per distinct text, not one per span
            same = {text: text for text in self.counts}
            texts = map_in_slices(same.__getitem__, texts)
        self._texts, self._since = texts, {}
        return self.counts

    def mark(self, session: Session) -> None:
        """Read the fingerprints of what :meth:`read` read, in its snapshot: what :meth:`follow` compares with."""
        self._fingerprints = fingerprints(session)

    def follow(self, session: Session) -> set[str]:
        """Catch up with the project as stored now; the texts whose counts moved."""
        now = fingerprints(session)
        changed = [chunk for chunk, fingerprint in now.items() if self._fingerprints.get(chunk) != fingerprint]
        changed += [chunk for chunk in self._fingerprints if chunk not in now]
        moved: set[str] = set()
        for first, last in _ranges(changed):
            ids, texts = _read(session, self.longest, f" AND id >= {first * CHUNK} AND id < {last * CHUNK}")
            before: Counter[str] = Counter()
            for chunk in range(first, last):
                before.update(self._held(chunk))
                self._since[chunk] = tuple(texts[bisect_left(ids, chunk * CHUNK):bisect_left(ids, (chunk + 1) * CHUNK)])
            moved |= self._count(before, Counter(texts))
        self._fingerprints = now
        return moved

    def _held(self, chunk: int) -> tuple[str, ...] | list[str]:
        if chunk in self._since:
            return self._since[chunk]
        return self._texts[bisect_left(self._ids, chunk * CHUNK):bisect_left(self._ids, (chunk + 1) * CHUNK)]

    def _count(self, before: Counter[str], after: Counter[str]) -> set[str]:
        """Move :attr:`counts` from ``before`` to ``after`` (a range's texts); the texts that moved."""
        gone, new = before - after, after - before
        self.counts.subtract(gone)
        self.counts.update(new)
        for text in gone:
            if self.counts[text] <= 0:
                del self.counts[text]
        return gone.keys() | new.keys()
