"""Sentence ranges for training data: split on 。！？；and line breaks, never inside a span.

The ranges partition the text (white space stays with the sentence before it), so concatenating the
sentences gives the document back and a span's offset in its sentence is its offset minus the sentence's.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from biaozhu.corpus.model import Span, ordered

ENDS = frozenset("。！？；\n")
# Closing quotes and brackets after a sentence end belong to that sentence: 他说：“好。”
_CLOSERS = frozenset("”’」』）)】〕〗》〉\"'")
# Where a sentence longer than the maximum is best cut: after a pause.
_PAUSES = frozenset("，、,：:")


def _protected(spans: Sequence[Span]) -> tuple[list[int], list[int]]:
    """Merged span interiors: a cut at p is refused when start < p < end for one of them."""
    starts: list[int] = []
    ends: list[int] = []
    for span in ordered(spans):
        if starts and span.start < ends[-1]:
            ends[-1] = max(ends[-1], span.end)
        else:
            starts.append(span.start)
            ends.append(span.end)
    return starts, ends


def _inside(starts: list[int], ends: list[int], position: int) -> bool:
    i = bisect.bisect_left(starts, position) - 1
    return i >= 0 and position < ends[i]


def _natural_cuts(text: str) -> list[int]:
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in ENDS:
            i += 1
            while i < n and (text[i] in _CLOSERS or (text[i] in ENDS and text[i] != "\n")):
                i += 1
            while i < n and text[i].isspace():
                i += 1
            if i < n:
                cuts.append(i)
        else:
            i += 1
    return cuts


def _cut_long(text: str, start: int, end: int, max_length: int, allowed: Callable[[int], bool]) -> list[int]:
    """Extra cuts so that pieces of [start, end) are at most max_length, where spans allow it."""
    cuts: list[int] = []
    while end - start > max_length:
        window = range(start + max_length, start, -1)
        cut = next((p for p in window if text[p - 1] in _PAUSES and allowed(p)), None)
        if cut is None:
            cut = next((p for p in window if allowed(p)), None)
        if cut is None:  # a span longer than the maximum: cut right after it
            cut = next((p for p in range(start + max_length + 1, end) if allowed(p)), None)
            if cut is None:
                break
        cuts.append(cut)
        start = cut
    return cuts


def sentence_ranges(text: str, spans: Sequence[Span] = (), max_length: int = 0) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` covering the whole text; no range cuts a span; ``max_length`` > 0 caps the length
    (in code points) wherever a span does not stand in the way."""
    if not text:
        return []
    starts, ends = _protected(spans)

    def allowed(position: int) -> bool:
        return not _inside(starts, ends, position) and not text[position].isspace()

    cuts = [c for c in _natural_cuts(text) if not _inside(starts, ends, c)]
    bounds = [0, *cuts, len(text)]
    ranges: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        pieces = [a, *(_cut_long(text, a, b, max_length, allowed) if max_length > 0 else []), b]
        ranges.extend(zip(pieces, pieces[1:], strict=False))
    return _merge_blank(text, ranges)


def _merge_blank(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A range of white space only joins its neighbour: it holds no token."""
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and (not text[start:end].strip() or not text[merged[-1][0]:merged[-1][1]].strip()):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def spans_in(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The spans inside ``[start, end)``, with offsets made relative to ``start``."""
    return [Span(s.start - start, s.end - start, s.label, s.text) for s in spans if start <= s.start and s.end <= end]
