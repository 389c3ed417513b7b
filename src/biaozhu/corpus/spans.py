"""Rules about spans that hold everywhere: trimming a selection, nesting versus crossing, validity."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from itertools import islice
from operator import attrgetter, le
from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import Span

# Units and signs that belong to a quantity even though Unicode calls them punctuation.
_KEEP = frozenset("%％‰‱#＃&＆@＠")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "（": "）", "(": ")",
          "【": "】", "[": "]", "〔": "〕", "〖": "〗", '"': '"', "'": "'"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}


def _is_trimmable(char: str) -> bool:
    return char.isspace() or (unicodedata.category(char).startswith("P") and char not in _KEEP)


def _paired_at_edges(text: str, start: int, end: int) -> bool:
    """Whether ``text[start]`` opens a quote or bracket that ``text[end - 1]`` closes (“酒城同心”), not two
    pairs side by side (“酒城”与“同心”)."""
    opener, closer = text[start], text[end - 1]
    if end - start < 2 or _PAIRS.get(opener) != closer:
        return False
    if opener == closer:  # straight quotes do not nest: the next one closes
        return closer not in text[start + 1:end - 1]
    depth = 0
    for at in range(start, end):
        if text[at] == opener:
            depth += 1
        elif text[at] == closer:
            depth -= 1
            if depth == 0:
                return at == end - 1
    return False


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and punctuation at its edges.

    A quote or bracket pair around the whole span goes (“酒城同心” → 酒城同心); one whose partner lies
    inside the span stays: “万企兴万村”行动 keeps its quotes. Returns an empty range (start == end) when
    nothing but punctuation was selected.
    """
    changed = True
    while changed and start < end:
        changed = False
        first, last = text[start], text[end - 1]
        if _paired_at_edges(text, start, end):
            start, end = start + 1, end - 1
            changed = True
        elif _is_trimmable(first) and not (first in _PAIRS and _PAIRS[first] in text[start + 1:end]):
            start += 1
            changed = True
        elif _is_trimmable(last) and not (last in _CLOSERS and _CLOSERS[last] in text[start:end - 1]):
            end -= 1
            changed = True
    return start, max(start, end)


def crosses(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when two ranges overlap without one containing the other."""
    overlap = a_start < b_end and b_start < a_end
    nested = (a_start <= b_start and b_end <= a_end) or (b_start <= a_start and a_end <= b_end)
    return overlap and not nested


def first_crossing(spans: Iterable[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The first existing range that ``[start, end)`` would cross, if any."""
    for s, e in spans:
        if crosses(s, e, start, end):
            return s, e
    return None


_START, _END = attrgetter("start"), attrgetter("end")


def find_crossings(spans: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pairs of crossing spans in one layer, found in O(n log n + k) by sweeping sorted starts."""
    by_start = sorted(spans, key=_START)
    # The usual layer: each span ends before the next one starts, so none overlaps another and none crosses. Seen
    # in one pass in C, where the sweep below is a Python step per span (an import checks each layer twice).
    if all(map(le, map(_END, by_start), map(_START, islice(by_start, 1, None)))):
        return []
    # By start, then longest first: two stable sorts on C-level keys (an import sweeps a million spans).
    ordered = sorted(sorted(spans, key=_END, reverse=True), key=_START)
    found: list[tuple[Span, Span]] = []
    open_: list[Span] = []
    for span in ordered:
        if open_:  # most spans follow one another: nothing is open when the next one starts
            start, end = span.start, span.end
            open_ = [o for o in open_ if o.end > start]
            found.extend([(o, span) for o in open_ if end > o.end])
        open_.append(span)
    return found


def check_span(text: str, span: Span, path: str | Path, line: int | None = None) -> None:
    """Raise :class:`InputError` unless the span lies inside the text and its surface text agrees."""
    if not (0 <= span.start < span.end <= len(text)):
        raise InputError(path, f"span [{span.start}, {span.end}) {span.label} is outside the text "
                         f"(length {len(text)})", line)
    if text[span.start:span.end] != span.text:
        raise InputError(path, f"span [{span.start}, {span.end}) {span.label}: its text {span.text!r} "
                         f"disagrees with the document's {text[span.start:span.end]!r}", line)


def check_layer(text: str, spans: Sequence[Span], path: str | Path, line: int | None = None) -> list[Span]:
    """Validate one annotator's spans on one text; drop exact duplicates; refuse crossing spans."""
    unique = sorted(set(spans))
    length = len(text)
    for span in [s for s in unique if not 0 <= s.start < s.end <= length or text[s.start:s.end] != s.text]:
        check_span(text, span, path, line)  # says what is wrong with the first one
    crossing = find_crossings(unique)
    if crossing:
        a, b = crossing[0]
        raise InputError(path, f"spans cross: [{a.start}, {a.end}) {a.label} {a.text!r} and "
                               f"[{b.start}, {b.end}) {b.label} {b.text!r} (nested spans are fine, crossing ones "
                               "are not)", line)
    return unique
