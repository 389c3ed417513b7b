"""The one place that converts between code points (our offsets) and Qt's UTF-16 positions.

Stored offsets count code points; Qt counts UTF-16 units, in which 𠮷 and most emoji take two. A text's
astral characters are counted per chunk of :data:`CHUNK` code points, and found (a C-speed regex scan) only in the
chunks a conversion lands in, so opening a 5 MB report costs what its first screen needs; each conversion is then
a bisection or two.
Stored text is LF-only, so Qt's block separators line up with Python's ``\\n`` one for one.

One more difference is ours: Qt lays out and paints a paragraph as a whole, so a 1 MB paragraph (text
from PDFs often has no line break at all) takes seconds to lay out and ~40 ms to repaint. The view
therefore shows very long lines split into display blocks at sentence ends (:func:`display_breaks`);
each inserted break is one more Qt position, accounted for here and nowhere else.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SENTENCE_END = "。！？；!?;…"
LONGEST_BLOCK = 2000  # characters a display block may hold before a break is inserted
_LOOK_BACK = 600  # how far back from the limit a sentence end is looked for
CHUNK = 1 << 16  # code points whose astral characters are counted, then found, together


def display_breaks(text: str, longest: int = LONGEST_BLOCK) -> list[int]:
    """Offsets ``b`` before which the view inserts a line break, so no display block exceeds ``longest``.

    A break goes after a sentence end where there is one near the limit, else after a comma or space,
    else at the limit itself.
    """
    breaks: list[int] = []
    line_start = 0
    while True:
        newline = text.find("\n", line_start)
        line_end = len(text) if newline == -1 else newline
        start = line_start
        while line_end - start > longest:
            low = max(start + 1, start + longest - _LOOK_BACK)
            window = text[low:start + longest]
            cut = max(window.rfind(c) for c in _SENTENCE_END)
            if cut == -1:
                cut = max(window.rfind(c) for c in "，,、 ")
            start = start + longest if cut == -1 else low + cut + 1
            breaks.append(start)
        if newline == -1:
            return breaks
        line_start = newline + 1


def display_text(text: str, breaks: list[int]) -> str:
    """The text as the view shows it: with a line break before each offset in ``breaks``."""
    if not breaks:
        return text
    pieces = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    return "\n".join(pieces)


class PositionMap:
    """Code point <-> UTF-16 position conversions for one text shown with the given display breaks."""

    __slots__ = ("_before", "_breaks_cp", "_breaks_qt", "_chunk", "_found", "_text", "length")

    def __init__(self, text: str, breaks: list[int] | None = None, chunk: int = CHUNK) -> None:
        self._text = text
        self._chunk = chunk
        # _before[k]: astral characters before chunk k, counted as far as conversions have needed.
        self._before = [0]
        self._found: dict[int, tuple[list[int], list[int]]] = {}  # chunk -> its astral code points, their Qt units
        self.length = len(text)
        self._breaks_cp = list(breaks or [])
        # Where each inserted line break itself sits in Qt's text.
        self._breaks_qt = [self._unbroken_qt(b) + i for i, b in enumerate(self._breaks_cp)]

    @property
    def qt_length(self) -> int:
        return self.to_qt(self.length)

    def _count_to(self, k: int) -> int:
        """Astral characters before chunk ``k`` (counting the chunks before it that were not counted yet)."""
        before, size, text = self._before, self._chunk, self._text
        while len(before) <= k:
            piece = text[(len(before) - 1) * size:len(before) * size]
            before.append(before[-1] + (0 if piece.isascii() else len(piece.encode("utf-16-le")) // 2 - len(piece)))
        return before[k]

    def _astral(self, k: int) -> tuple[list[int], list[int]]:
        """Chunk ``k``'s astral characters: their code point offsets and Qt positions (without display breaks)."""
        found = self._found.get(k)
        if found is None:
            start = k * self._chunk
            before = self._count_to(k)
            offsets = [m.start() for m in _ASTRAL.finditer(self._text, start, start + self._chunk)] \
                if before != self._count_to(k + 1) else []
            found = self._found[k] = offsets, [cp + before + i for i, cp in enumerate(offsets)]
        return found

    def _unbroken_qt(self, cp: int) -> int:
        k = min(cp, self.length) // self._chunk
        return cp + self._count_to(k) + bisect_left(self._astral(k)[0], cp)

    def to_qt(self, cp: int) -> int:
        """The UTF-16 position of code point offset ``cp`` (after a display break inserted there)."""
        qt = self._unbroken_qt(cp)
        return qt + bisect_right(self._breaks_cp, cp) if self._breaks_cp else qt

    def to_cp(self, qt: int) -> int:
        """The code point offset of UTF-16 position ``qt``; inside a surrogate pair, the character's start;
        on an inserted display break, the offset it was inserted before."""
        if self._breaks_qt:
            qt -= bisect_left(self._breaks_qt, qt)
        # The chunk where ``qt`` falls: the last whose first Qt position is not after it (qt >= cp: at most qt's).
        k = min(max(qt, 0), self.length) // self._chunk
        while k > 0 and k * self._chunk + self._count_to(k) > qt:
            k -= 1
        return qt - self._count_to(k) - bisect_left(self._astral(k)[1], qt)
