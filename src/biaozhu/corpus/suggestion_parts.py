"""The order in which a long text's suggestions are computed: what the annotator sees first, then the rest in parts
that double in length (the first ones soon, few parts in all, so that what is shown is re-read only a few times).

Each part ends at a line break, else at a sentence's end, near where it should: the model reads a sentence at a
time and no engine proposes a span over a line break, so a text's suggestions are those of its parts put together.
"""

from __future__ import annotations

import re

FIRST_PART = 50_000  # characters of the first part after the visible one; each next one is twice as long …
LONGEST_PART = 400_000  # … up to this: the window, closing, waits for the part being computed (seconds with the model)
_REACH = 2_000  # how far back from a wanted cut a line break or a sentence's end is looked for
_SENTENCE_END = re.compile(r"[。！？；!?;]")


def cut_near(text: str, at: int) -> int:
    """Where to end a part that should end at ``at``: after the last line break, else the last sentence end,
    within :data:`_REACH` characters before it; ``at`` itself when there is none."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    low = max(0, at - _REACH)
    line = text.rfind("\n", low, at)
    if line >= 0:
        return line + 1
    ends = [match.end() for match in _SENTENCE_END.finditer(text, low, at)]
    return ends[-1] if ends else at


def visible_first(text: str, start: int, end: int, first_part: int = FIRST_PART, longest: int = LONGEST_PART
                  ) -> list[tuple[int, int]]:
    """The ranges ``[start, end)`` covering ``text`` once, in the order to compute them: the visible
    ``[start, end)`` grown to whole lines (or sentences), then the text after it, then the text before it."""
    size = len(text)
    begin = cut_near(text, min(start, size))
    finish = cut_near(text, max(end, start) + _REACH)  # the last line break in the reach after the visible end
    order = [(begin, finish)] if finish > begin else []
    for low, high in ((finish, size), (0, begin)):
        part = first_part
        while low < high:
            cut = cut_near(text, low + part) if low + part < high else high
            cut = cut if cut > low else min(high, low + part)
            order.append((low, cut))
            low, part = cut, min(part * 2, longest)
    return order
