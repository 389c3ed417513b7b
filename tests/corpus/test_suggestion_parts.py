"""The order in which a long report's suggestions are computed (issue 15): what is on screen first, grown to whole
lines, then the rest in parts that end at line breaks, each character once."""

from __future__ import annotations

from biaozhu.corpus.suggestion_parts import cut_near, visible_first

LINE = "泸州市工商联推出“酒城同心·金融速贷”，发放贷款377.178亿元。服务企业1007户。\n"


def test_the_visible_lines_come_first_then_the_rest_in_growing_parts_covering_the_text_once() -> None:
    text = LINE * 4000  # 168,000 characters
    first, last = 80_010, 81_000
    parts = visible_first(text, first, last, first_part=10_000)
    start, end = parts[0]
    assert start <= first and last <= end and end - start < 5_000  # the lines on screen, not much more
    assert text[start - 1] == "\n" and text[end - 1] == "\n"
    ends = sorted(b for _, b in parts)
    assert sorted(parts) == list(zip([0, *ends[:-1]], ends, strict=True)) and ends[-1] == len(text)  # once each
    starts, stops = [a for a, _ in parts], [b for _, b in parts]
    assert parts[1][0] == end and starts.index(0) > stops.index(len(text))  # after the screen, then from the start
    assert all(b == len(text) or text[b - 1] == "\n" for _, b in parts)
    sizes = [b - a for a, b in parts[1:]]
    assert sizes[1] > sizes[0] and len(parts) < 14  # they grow: few parts, few re-reads
    capped = visible_first(text, first, last, first_part=10_000, longest=30_000)
    assert max(b - a for a, b in capped) <= 30_000 and sum(b - a for a, b in capped) == len(text)


def test_a_part_without_line_breaks_ends_at_a_sentence_else_where_it_should() -> None:
    text = "一" * 100 + "。" + "二" * 5000
    assert cut_near(text, 1000) == 101
    assert cut_near(text, 4000) == 4000
    assert visible_first("", 0, 0) == []
    assert visible_first("短", 0, 1) == [(0, 1)]
