"""Tokens for token-based formats: characters, or jieba words cut at span boundaries.

White space never becomes a token: a token says instead whether white space follows it (``ws``), as
spaCy and Prodigy do. Cutting words at span boundaries means every span starts and ends on a token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from biaozhu.corpus.model import Span

if TYPE_CHECKING:
    from biaozhu.corpus.segment import Segmenter

LEVELS = ("char", "word")


@dataclass(frozen=True, slots=True)
class Token:
    """``[start, end)`` in code points of the text the tokens were cut from; ``ws``: white space follows."""

    start: int
    end: int
    ws: bool


@cache
def _segmenter() -> Segmenter:
    """One jieba tokenizer per process, loaded on first use (about a second)."""
    from biaozhu.corpus.segment import (
        Segmenter,  # jieba is imported only when word tokens are wanted
    )

    return Segmenter()


def _pieces(text: str, start: int, end: int, cuts: set[int]) -> Iterable[tuple[int, int]]:
    """Runs of non-space characters in ``[start, end)``, also broken at ``cuts``."""
    run = None
    for i in range(start, end):
        if text[i].isspace():
            if run is not None:
                yield run, i
                run = None
            continue
        if run is not None and i in cuts:
            yield run, i
            run = None
        if run is None:
            run = i
    if run is not None:
        yield run, end


def _with_ws(text: str, ranges: Iterable[tuple[int, int]], limit: int) -> list[Token]:
    return [Token(s, e, e < limit and text[e].isspace()) for s, e in ranges]


def char_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """One token per non-space character of ``text[start:end]``."""
    end = len(text) if end is None else end
    return _with_ws(text, ((i, i + 1) for i in range(start, end) if not text[i].isspace()), end)


def word_tokens(text: str, spans: Sequence[Span] = (), start: int = 0, end: int | None = None) -> list[Token]:
    """jieba's words of ``text[start:end]``, cut again wherever a span starts or ends."""
    end = len(text) if end is None else end
    cuts = {s.start for s in spans} | {s.end for s in spans}
    ranges = []
    for w_start, w_end in _segmenter().words(text[start:end]):
        ranges.extend(_pieces(text, w_start + start, w_end + start, cuts))
    return _with_ws(text, ranges, end)


def check_tokenisable(doc_label: str, spans: Sequence[Span]) -> None:
    """Token formats cannot hold a span that starts or ends with white space: refuse it by name, never trim it."""
    for span in spans:
        if span.text[:1].isspace() or span.text[-1:].isspace():
            raise ValueError(f"{doc_label}: span {span.label} {span.text!r} [{span.start}, {span.end}) starts or "
                             "ends with white space, which is never a token; fix the span or choose another format")


def tokenise(text: str, spans: Sequence[Span], level: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` at ``level`` (``char`` or ``word``)."""
    if level == "char":
        return char_tokens(text, start, end)
    return word_tokens(text, spans, start, end)
