"""The current layer's spans on the open document, indexed by position for painting and hit-testing.

Spans are kept sorted by (start, -end) with a parallel list of starts, so finding the spans that overlap
a range is a bisection plus a scan back by at most the longest span's length. Nesting is allowed and
crossing is not (the database refuses it), so the spans covering a point form a chain: outer to inner.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from biaozhu.corpus.spans import crosses
from biaozhu.db.rows import SpanRow


def _key(span: SpanRow) -> tuple[int, int, int]:
    return span.start, -span.end, span.id


class SpanIndex:
    def __init__(self, spans: Iterable[SpanRow] = ()) -> None:
        self._spans = sorted(spans, key=_key)
        self._keys = [_key(s) for s in self._spans]
        self._by_id = {s.id: s for s in self._spans}
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self._counts: dict[int, int] = {}
        for span in self._spans:
            self._counts[span.label_id] = self._counts.get(span.label_id, 0) + 1

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[SpanRow]:
        return iter(self._spans)

    def get(self, span_id: int) -> SpanRow | None:
        return self._by_id.get(span_id)

    def add(self, span: SpanRow) -> None:
        key = _key(span)
        at = bisect_left(self._keys, key)
        self._keys.insert(at, key)
        self._spans.insert(at, span)
        self._by_id[span.id] = span
        self._longest = max(self._longest, span.end - span.start)
        self._counts[span.label_id] = self._counts.get(span.label_id, 0) + 1

    def remove(self, span_id: int) -> SpanRow | None:
        span = self._by_id.pop(span_id, None)
        if span is not None:
            at = bisect_left(self._keys, _key(span))
            del self._keys[at], self._spans[at]
            self._counts[span.label_id] -= 1
        return span

    def replace(self, span: SpanRow) -> SpanRow | None:
        """Put the new version of a span (relabelled or resized) in place of the old one."""
        old = self.remove(span.id)
        self.add(span)
        return old

    def overlapping(self, start: int, end: int) -> list[SpanRow]:
        """Spans with any character in ``[start, end)`` (or covering point ``start`` when empty), outer first."""
        low = bisect_left(self._keys, (start - self._longest,))
        high = bisect_left(self._keys, (max(end, start + 1),))
        return [s for s in self._spans[low:high] if s.end > start]

    def exact(self, start: int, end: int) -> list[SpanRow]:
        """Spans on exactly ``[start, end)`` (one per label at most)."""
        at = bisect_left(self._keys, (start, -end))
        found = []
        while at < len(self._spans) and self._keys[at][:2] == (start, -end):
            found.append(self._spans[at])
            at += 1
        return found

    def at(self, offset: int) -> list[SpanRow]:
        """The chain of spans covering ``offset``, outer to inner."""
        return self.overlapping(offset, offset + 1)

    def step(self, current_id: int | None, offset: int, forward: bool) -> SpanRow | None:
        """The span after (or before) the selected one, or else after (before) ``offset``: Tab / Shift+Tab.
        Past the last span it wraps round to the first, and back."""
        current = self._by_id.get(current_id) if current_id is not None else None
        if current is not None:
            at = bisect_left(self._keys, _key(current))
            target = at + 1 if forward else at - 1
        else:
            at = bisect_left(self._keys, (offset,))
            target = at if forward else at - 1
        return self._spans[target % len(self._spans)] if self._spans else None

    def count_by_label(self) -> dict[int, int]:
        return {label_id: count for label_id, count in self._counts.items() if count}

    def crossing(self, start: int, end: int) -> SpanRow | None:
        """An indexed span that ``[start, end)`` would cross, if any (checked before asking the database)."""
        return next((s for s in self.overlapping(start, end) if crosses(s.start, s.end, start, end)), None)
