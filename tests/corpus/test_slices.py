"""Counting and mapping in slices gives what one call over everything gives, across slice boundaries."""

from __future__ import annotations

from collections import Counter

from biaozhu.corpus.slices import SLICE, count_in_slices, map_in_slices


def test_slices_count_and_map_as_one_call_would() -> None:
    texts = [f"文本{i % 7}" for i in range(2 * SLICE + 3)]  # two full slices and a remainder
    assert count_in_slices(texts) == Counter(texts)
    assert map_in_slices(len, iter(texts)) == list(map(len, texts))
    assert count_in_slices([]) == Counter() and map_in_slices(len, []) == []
