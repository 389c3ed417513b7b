"""Tokens for token-based formats: characters, or jieba words cut at span boundaries.

White space never becomes a token of the tagged formats (CoNLL, Hugging Face). spaCy and Prodigy need
tokens that rebuild the text: :func:`spacy_tokens` gives each token ``ws`` (exactly one ASCII space follows)
and makes any other white space a token of its own, as spaCy's tokenizer does. Cutting words at span
boundaries means every span starts and ends on a token.
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
    """``[start, end)`` in code points of the text the tokens were cut from; ``ws`` (set by
    :func:`spacy_tokens`): exactly one ASCII space follows, which belongs to no token."""

    start: int
    end: int
    ws: bool = False


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


def char_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """One token per non-space character of ``text[start:end]``."""
    end = len(text) if end is None else end
    return [Token(i, i + 1) for i in range(start, end) if not text[i].isspace()]


def word_tokens(text: str, spans: Sequence[Span] = (), start: int = 0, end: int | None = None) -> list[Token]:
    """jieba's words of ``text[start:end]``, cut again wherever a span starts or ends."""
    end = len(text) if end is None else end
    cuts = {s.start for s in spans} | {s.end for s in spans}
    return [Token(s, e) for w_start, w_end in _segmenter().words(text[start:end])
            for s, e in _pieces(text, w_start + start, w_end + start, cuts)]


def spacy_tokens(text: str, tokens: Iterable[Token]) -> list[Token]:
    """``tokens`` of the whole ``text`` (which skip white space) as spaCy's ``Doc(words, spaces)`` and Prodigy
    need them: a single ASCII space after a token is its ``ws``; every other stretch of white space (U+3000,
    tabs, line breaks, a second space) becomes a token, so ``"".join(word + " " * ws)`` is ``text`` again."""
    out: list[Token] = []
    at = 0
    for token in [*tokens, Token(len(text), len(text))]:
        gap = at
        if out and gap < token.start and text[gap] == " ":
            out[-1] = Token(out[-1].start, out[-1].end, True)
            gap += 1
        if gap < token.start:
            out.append(Token(gap, token.start))
        if token.start < token.end:
            out.append(token)
        at = token.end
    return out


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
