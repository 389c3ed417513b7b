"""The one place that converts between code points (our offsets) and Qt's UTF-16 positions.

Stored offsets count code points; Qt counts UTF-16 units, in which 𠮷 and most emoji take two. A text's
astral characters are found once (a C-speed regex scan), so each conversion is a bisection or two.
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

    __slots__ = ("_astral_cp", "_astral_qt", "_breaks_cp", "_breaks_qt", "length", "qt_length")

    def __init__(self, text: str, breaks: list[int] | None = None) -> None:
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_qt = [cp + i for i, cp in enumerate(self._astral_cp)]
        self._breaks_cp = list(breaks or [])
        # Where each inserted line break itself sits in Qt's text.
        self._breaks_qt = [self._unbroken_qt(b) + i for i, b in enumerate(self._breaks_cp)]
        self.length = len(text)
        self.qt_length = self.to_qt(self.length)

    def _unbroken_qt(self, cp: int) -> int:
        return cp + bisect_left(self._astral_cp, cp) if self._astral_cp else cp

    def to_qt(self, cp: int) -> int:
        """The UTF-16 position of code point offset ``cp`` (after a display break inserted there)."""
        qt = self._unbroken_qt(cp)
        return qt + bisect_right(self._breaks_cp, cp) if self._breaks_cp else qt

    def to_cp(self, qt: int) -> int:
        """The code point offset of UTF-16 position ``qt``; inside a surrogate pair, the character's start;
        on an inserted display break, the offset it was inserted before."""
        if self._breaks_qt:
            qt -= bisect_left(self._breaks_qt, qt)
        return qt - bisect_left(self._astral_qt, qt) if self._astral_qt else qt
