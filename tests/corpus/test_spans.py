"""Trimming selections, nesting versus crossing, validating a layer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import Span
from biaozhu.corpus.spans import check_layer, crosses, find_crossings, trim


@pytest.mark.parametrize(("text", "expected"), [
    ("，泸州银行。", "泸州银行"),
    ("  377.178亿元 ", "377.178亿元"),
    ("增长12%，", "增长12%"),
    ("“万企兴万村”行动", "“万企兴万村”行动"),
    ("“酒城同心·金融速贷”", "酒城同心·金融速贷"),  # a pair at both edges goes
    ("“酒城同心”", "酒城同心"),
    ("，“酒城同心”。", "酒城同心"),
    ("“酒城同心·金融速贷", "酒城同心·金融速贷"),
    ("《条例》", "条例"),
    ("“酒城”与“同心”", "“酒城”与“同心”"),  # two pairs side by side, not one around the span
    ("（“万企兴万村”）", "万企兴万村"),
    ('"Bank of Luzhou"', "Bank of Luzhou"),
    ("“万企兴万村”行动", "“万企兴万村”行动"),
    ("开展“万企兴万村”", "开展“万企兴万村”"),
    ("，。、", ""),
])
def test_trim(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_nesting_is_not_crossing() -> None:
    assert not crosses(0, 10, 2, 5)
    assert not crosses(0, 10, 0, 10)
    assert not crosses(0, 3, 3, 6)
    assert crosses(0, 5, 3, 8)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=25))
def test_find_crossings_agrees_with_the_pairwise_definition(ranges: list[tuple[int, int]]) -> None:
    spans = [Span(s, s + n, "L", "") for s, n in ranges]
    unique = sorted(set(spans))
    expected = {frozenset((a, b)) for i, a in enumerate(unique) for b in unique[i + 1:]
                if crosses(a.start, a.end, b.start, b.end)}
    assert {frozenset(pair) for pair in find_crossings(unique)} == expected


def test_check_layer_names_the_file_and_line() -> None:
    text = "泸州市委统战部"
    with pytest.raises(InputError, match=r"^f.jsonl:7: .*disagrees"):
        check_layer(text, [Span(0, 2, "ORGANIZATION", "吉林")], "f.jsonl", 7)
    with pytest.raises(InputError, match="outside the text"):
        check_layer(text, [Span(5, 9, "ORGANIZATION", "统战部")], "f.jsonl", 7)
    with pytest.raises(InputError, match="cross"):
        check_layer(text, [Span(0, 4, "A", "泸州市委"), Span(2, 6, "B", "市委统战")], "f.jsonl", 7)
    nested = [Span(0, 7, "ORGANIZATION", text), Span(0, 2, "ORGANIZATION", "泸州")]
    assert check_layer(text, nested + nested[:1], "f.jsonl") == sorted(nested)
