"""The open document's span index: overlap queries, nesting chains, Tab order and counts stay right
through adds, removals and replacements (checked against a plain scan)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from biaozhu.db.spans import SpanRow
from biaozhu.gui.widgets.span_index import SpanIndex

ranges = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8), st.integers(1, 3)), max_size=30)


def rows(spec: list[tuple[int, int, int]]) -> list[SpanRow]:
    return [SpanRow(i, start, start + length, label, "", 1) for i, (start, length, label) in enumerate(spec)]


@given(ranges, st.integers(0, 50), st.integers(0, 10))
def test_overlapping_finds_exactly_the_spans_a_scan_finds(spec: list[tuple[int, int, int]], start: int,
                                                          width: int) -> None:
    spans = rows(spec)
    index = SpanIndex(spans[::2])
    for span in spans[1::2]:
        index.add(span)
    for span in spans[::4]:
        index.remove(span.id)
    kept = [s for s in spans if s.id % 4 != 0]
    end = start + width
    expected = {s.id for s in kept if s.start < max(end, start + 1) and s.end > start}
    assert {s.id for s in index.overlapping(start, end)} == expected
    counts: dict[int, int] = {}
    for span in kept:
        counts[span.label_id] = counts.get(span.label_id, 0) + 1
    assert index.count_by_label() == counts


def test_chains_exact_ranges_crossing_and_tab_order() -> None:
    outer, inner, other = SpanRow(1, 0, 9, 1, "", 1), SpanRow(2, 5, 7, 1, "", 1), SpanRow(3, 12, 14, 2, "", 1)
    index = SpanIndex([other, inner, outer])
    assert [s.id for s in index.at(6)] == [1, 2]
    assert [s.id for s in index.exact(5, 7)] == [2]
    assert index.crossing(8, 13) is not None and index.crossing(1, 4) is None
    assert [index.step(None, 0, True).id, index.step(1, 0, True).id, index.step(3, 0, True).id] == [1, 2, 1]
    assert index.step(1, 0, False).id == 3
    index.replace(SpanRow(2, 5, 7, 3, "", 1))
    assert index.count_by_label() == {1: 1, 2: 1, 3: 1}
