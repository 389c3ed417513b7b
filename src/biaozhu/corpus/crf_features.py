"""What the learned model sees of each character: the character and its neighbours, what kind of character it is,
where it stands in its jieba word, whether it lies inside quotes, and what the rules and the project's dictionary
say about it. Pure functions of a text; :mod:`biaozhu.corpus.crf` trains and tags with them.

The model reads one sentence at a time (spans of these reports never run over 。 or a line break), so a 5 MB
report is many short sequences rather than one that the CRF's lattice would have to hold whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from biaozhu.corpus.suggestions import Dictionary, rule_suggestions

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_LONGEST = 400  # characters a sequence may hold; a longer run without a sentence end is cut at a comma or anywhere
_CHINESE_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
_OPENING, _CLOSING = frozenset("“‘\"《「『（("), frozenset("”’\"》」』）)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A piece of the text the model reads as one sequence: ``text[start:end]``."""

    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """The text cut after each sentence end, white space alone left out."""
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        found.extend(_pieces(text, start, match.end()))
        start = match.end()
    found.extend(_pieces(text, start, len(text)))
    return found


def _pieces(text: str, start: int, end: int) -> Iterator[Sentence]:
    while end - start > _LONGEST:
        comma = text.rfind("，", start + 1, start + _LONGEST)
        cut = comma + 1 if comma > start else start + _LONGEST
        yield Sentence(start, cut)
        start = cut
    if text[start:end].strip():
        yield Sentence(start, end)


def _kind(char: str) -> str:
    if char.isdigit():
        return "D"
    if char in _CHINESE_NUMERALS:
        return "N"
    if "\u4e00" <= char <= "\u9fff":
        return "H"
    if char.isascii() and char.isalpha():
        return "L"
    if char in _OPENING:
        return "("
    if char in _CLOSING:
        return ")"
    return "P" if not char.isspace() else "S"


def _positions(spans: Iterable[tuple[int, int, str]], size: int, prefix: str) -> list[list[str]]:
    """For each character, where it stands in the ranges given (B, I or E of a label), as feature strings."""
    marks: list[list[str]] = [[] for _ in range(size)]
    for start, end, label in spans:
        if start >= end:
            continue
        marks[start].append(f"{prefix}B={label}")
        for at in range(start + 1, end - 1):
            marks[at].append(f"{prefix}I={label}")
        marks[end - 1].append(f"{prefix}E={label}")
        if end < size:
            marks[end].append(f"{prefix}A={label}")  # just after one: its boundary
    return marks


def _quoted(text: str) -> list[bool]:
    inside, depth = [], 0
    for char in text:
        if char in _CLOSING and depth:
            depth -= 1
        inside.append(depth > 0)
        if char in _OPENING:
            depth += 1
    return inside


def features(piece: str, words: Sequence[tuple[int, int]], dictionary: Dictionary | None) -> list[list[str]]:
    """The features of every character of ``piece`` (a sentence), given its jieba words."""
    size = len(piece)
    word_marks: list[list[str]] = [[] for _ in range(size)]
    for start, end in words:
        word = piece[start:end]
        shown = word if end - start <= 6 else f"#{end - start}"
        for at in range(start, end):
            place = "S" if end - start == 1 else "B" if at == start else "E" if at == end - 1 else "M"
            word_marks[at] += [f"w={place}", f"wd={shown}", f"wl={min(end - start, 6)}{place}"]
    rules = _positions(((s.start, s.end, s.label) for s in rule_suggestions(piece)), size, "r")
    found = dictionary.suggest(piece) if dictionary is not None else []
    known = _positions(((s.start, s.end, s.label) for s in found), size, "d")
    quoted = _quoted(piece)
    c = f"^^{piece}$$"  # two characters of padding: c[at + 2] is piece[at]
    k = "__" + "".join(_kind(char) for char in piece) + "__"
    return [["bias", f"c={c[at + 2]}", f"c-1={c[at + 1]}", f"c+1={c[at + 3]}", f"c-2={c[at]}", f"c+2={c[at + 4]}",
             f"b-1={c[at + 1:at + 3]}", f"b+1={c[at + 2:at + 4]}", f"b-2={c[at:at + 2]}", f"b+2={c[at + 3:at + 5]}",
             f"t={c[at + 1:at + 4]}", f"k={k[at + 2]}", f"kw={k[at:at + 5]}", f"q={quoted[at]}",
             *word_marks[at], *rules[at], *known[at]] for at in range(size)]


def tags(spans: Iterable[tuple[int, int]], start: int, end: int) -> list[str]:
    """B/I/O tags of ``text[start:end]`` for one label's spans (offsets into the whole text); of nested spans the
    outermost is learned, and a span running out of the sentence is left out."""
    labels = ["O"] * (end - start)
    for span_start, span_end in sorted(spans, key=lambda s: (s[1] - s[0]), reverse=True):
        if start <= span_start < span_end <= end and all(t == "O" for t in labels[span_start - start:span_end - start]):
            labels[span_start - start] = "B"
            for at in range(span_start - start + 1, span_end - start):
                labels[at] = "I"
    return labels


def spans_of(labels: Sequence[str]) -> list[tuple[int, int]]:
    """The ranges (in the sequence) that B/I tags make: a run of I without B starts a span too."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for at, tag in enumerate([*labels, "O"]):
        if tag in ("B", "O") and start is not None:
            found.append((start, at))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start = at
    return found
