"""What the learned model sees of each character: the character and its neighbours, what kind of character it is,
where it stands in its jieba word, whether it lies inside quotes, and what the rules and the project's dictionary
say about it. Pure functions of a text; :mod:`biaozhu.corpus.crf` trains and tags with them.

The model reads one sentence at a time (spans of these reports never run over 。 or a line break), so a 5 MB
report is many short sequences rather than one that the CRF's lattice would have to hold whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from biaozhu.corpus.organizations import ORGANIZATION_WORDS
from biaozhu.corpus.programmes import PROGRAM_WORDS
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


class _Kinds(dict[str, str]):
    """Each character's kind, worked out once per process: looking it up is a C call, not five Python tests."""

    def __missing__(self, char: str) -> str:
        self[char] = kind = _kind(char)
        return kind


_KINDS = _Kinds()


def _positions(spans: Iterable[tuple[int, int, str]], size: int, prefix: str) -> dict[int, list[str]]:
    """Where the characters in the ranges given stand in them (B, I or E of a label), as feature strings; the
    characters in none (most) are left out."""
    marks: dict[int, list[str]] = defaultdict(list)
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


# Words that end a name: an organisation's (统战部, 银行…), a programme's (行动, 计划…), as the rules know them.
_ORGANIZATION_END = re.compile("|".join(sorted(ORGANIZATION_WORDS, key=len, reverse=True)))
_PROGRAMME_END = re.compile(PROGRAM_WORDS)
_CLAUSE = re.compile(r"[，。；、：（）“”‘’《》\s]")


# The bucket of each distance to a name's ending word (index: the distance); beyond the list, "9".
_GAPS = ("none", "1", "2", "3", "3", "5", "5", "5", "5")


def _to_ending(piece: str, ending: re.Pattern[str], clauses: Sequence[int]) -> list[str]:
    """How far each character is from the end of the next word ``ending`` finds in its clause (a name's start is
    where a few characters lead up to one), bucketed: 1, 2, 3-4, 5-8, 9+ or none. ``clauses``: where the clause
    marks lie. Only the characters between one word's end and the next are visited."""
    out = ["none"] * len(piece)
    previous = 0
    for match in ending.finditer(piece):
        end = match.end()
        before = bisect_left(clauses, end)  # the last clause mark before the word's end bounds who leads to it
        begin = max(previous, clauses[before - 1] + 1 if before else 0)
        out[begin:end] = [_GAPS[gap] if gap < len(_GAPS) else "9" for gap in range(end - begin, 0, -1)]
        previous = end
    return out


def _word_columns(piece: str, words: Sequence[tuple[int, int]]) -> tuple[list[str], list[str], list[str]]:
    """Where each character stands in its jieba word, the word itself and its length, as three feature columns (a
    character no word covers counts as a word of one character)."""
    place, shown, length = ["w=S"] * len(piece), ["wd=" + x for x in piece], ["wl=1S"] * len(piece)
    for start, end in words:
        size = end - start
        if size > 1:
            inside, most = size - 2, min(size, 6)
            place[start:end] = ["w=B", *["w=M"] * inside, "w=E"]
            shown[start:end] = [f"wd={piece[start:end]}" if size <= 6 else f"wd=#{size}"] * size
            length[start:end] = [f"wl={most}B", *[f"wl={most}M"] * inside, f"wl={most}E"]
    return place, shown, length


def features(piece: str, words: Sequence[tuple[int, int]], dictionary: Dictionary | None) -> list[list[str]]:
    """The features of every character of ``piece`` (a sentence), given its jieba words, built a column at a time
    (each feature for all characters in one comprehension)."""
    size = len(piece)
    rules = _positions(((s.start, s.end, s.label) for s in rule_suggestions(piece)), size, "r")
    found = dictionary.suggest(piece) if dictionary is not None else []
    entries = _positions(((s.start, s.end, s.label) for s in found), size, "d")
    clauses = [match.start() for match in _CLAUSE.finditer(piece)]
    c = f"^^{piece}$$"  # two characters of padding: c[at + 2] is piece[at]
    b = [left + right for left, right in zip(c, c[1:], strict=False)]  # b[at] is c[at:at + 2]
    k = "__" + "".join(map(_KINDS.__getitem__, piece)) + "__"
    columns = (["c=" + x for x in piece], ["c-1=" + x for x in c[1:size + 1]], ["c+1=" + x for x in c[3:size + 3]],
               ["c-2=" + x for x in c[:size]], ["c+2=" + x for x in c[4:size + 4]],
               ["b-1=" + x for x in b[1:size + 1]], ["b+1=" + x for x in b[2:size + 2]],
               ["b-2=" + x for x in b[:size]], ["b+2=" + x for x in b[3:size + 3]],
               ["t=" + x + y for x, y in zip(b[1:size + 1], c[3:size + 3], strict=True)],
               ["k=" + x for x in k[2:size + 2]], ["kw=" + k[at:at + 5] for at in range(size)],
               ["q=True" if x else "q=False" for x in _quoted(piece)],
               ["oe=" + x for x in _to_ending(piece, _ORGANIZATION_END, clauses)],
               ["pe=" + x for x in _to_ending(piece, _PROGRAMME_END, clauses)])
    rows = [list(row) for row in zip(["bias"] * size, *columns, *_word_columns(piece, words), strict=True)]
    for marks in (rules, entries):
        for at, extra in marks.items():
            rows[at] += extra
    return rows


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
