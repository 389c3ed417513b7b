"""Spans to token tags and back: BIO (IOB2), BIOES and BMES.

Reading is lenient the way seqeval's default mode is: an I- after O or after another label starts a
span (IOB1 files read too; the reader reports how many), and BILOU's L-/U- are understood as E-/S-.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from biaozhu.corpus.model import Span
from biaozhu.corpus.tokens import Token

SCHEMES = ("bio", "bioes", "bmes")
_PREFIXES = {"bio": ("B", "I", "I", "B"), "bioes": ("B", "I", "E", "S"), "bmes": ("B", "M", "E", "S")}


def tag_names(labels: Sequence[str], scheme: str) -> list[str]:
    """Every tag a scheme can write for ``labels``, ``O`` first: the id order of ``--tag-ids``."""
    prefixes = dict.fromkeys(_PREFIXES[scheme])
    return ["O", *(f"{p}-{label}" for label in labels for p in prefixes)]


def encode(tokens: Sequence[Token], spans: Sequence[Span], scheme: str) -> list[str]:
    """A tag per token; ``spans`` must not overlap and must start and end on token boundaries."""
    begin, inside, last, single = _PREFIXES[scheme]
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for span in spans:
        first = bisect.bisect_left(starts, span.start)
        stop = bisect.bisect_left(starts, span.end)
        if first >= stop:
            continue  # white space only: no token to tag
        if stop - first == 1:
            tags[first] = f"{single}-{span.label}"
            continue
        tags[first] = f"{begin}-{span.label}"
        for i in range(first + 1, stop - 1):
            tags[i] = f"{inside}-{span.label}"
        tags[stop - 1] = f"{last}-{span.label}"
    return tags


def decode(tags: Sequence[str], repaired: list[int] | None = None) -> list[tuple[int, int, str]]:
    """``(first token, last token inclusive, label)`` for every span the tags spell; ``repaired`` gets the
    index of each tag that started a span without a B-/S- (an I- after O), so the reader can say so.

    Raises ValueError naming a tag that is neither ``O`` nor ``PREFIX-LABEL``.
    """
    found: list[tuple[int, int, str]] = []
    open_: tuple[int, str] | None = None

    def close(at: int) -> None:
        nonlocal open_
        if open_ is not None:
            found.append((open_[0], at, open_[1]))
            open_ = None

    for i, tag in enumerate(tags):
        if tag == "O":
            close(i - 1)
            continue
        prefix, dash, label = tag.partition("-")
        prefix = prefix.upper()
        if not dash or not label or prefix not in {"B", "I", "M", "E", "S", "L", "U"}:
            raise ValueError(f"tag {tag!r} is neither O nor B-/I-/E-/S-/M- followed by a label")
        continuing = open_ is not None and open_[1] == label and prefix in {"I", "M", "E", "L"}
        if not continuing:
            close(i - 1)
            open_ = (i, label)
            if repaired is not None and prefix not in {"B", "S", "U"}:
                repaired.append(i)
        if prefix in {"E", "L", "S", "U"}:
            close(i)
    close(len(tags) - 1)
    return found
